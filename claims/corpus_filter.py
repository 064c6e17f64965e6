"""`corpus load --where`: a SQL-like filter parsed into a pyarrow expression.

    publisher = 'Reuters' AND published >= '2020-01-01'
    title LIKE '%inflation%' OR article_id IN ('a1', 'a2')
    NOT (claim_count = 0) AND author IS NOT NULL

The text is parsed here, by a small grammar, into a pyarrow.compute expression over
the articles table's columns; it never reaches an SQL engine, so it can only compare
columns with values: no function calls, subqueries or statements. Literals take the
column's type (a date column compares with dates), so a mistyped value is an error
rather than a filter that quietly matches nothing.

    expression := term (OR term)*
    term       := factor (AND factor)*
    factor     := NOT factor | '(' expression ')' | predicate
    predicate  := column (= | == | != | <> | < | <= | > | >=) literal
                | column [NOT] IN '(' literal (, literal)* ')'
                | column [NOT] LIKE 'pattern'          (% any run, _ one character)
                | column [NOT] BETWEEN literal AND literal
                | column IS [NOT] NULL
    literal    := 'text' ('' for a quote) | number | DATE 'YYYY-MM-DD' | TRUE | FALSE
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claims.model import ClaimsError

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^']|'')*')
      | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
      | (?P<op><=|>=|<>|!=|==|=|<|>|\(|\)|,)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<quoted>"[^"]+")
    )""",
    re.VERBOSE,
)
_COMPARISONS = {
    "=": "equal",
    "==": "equal",
    "!=": "not_equal",
    "<>": "not_equal",
    "<": "less",
    "<=": "less_equal",
    ">": "greater",
    ">=": "greater_equal",
}
MAX_FILTER_CHARS = 10_000


@dataclass(frozen=True)
class _Token:
    kind: str  # string, number, op, word, quoted, end
    text: str
    at: int  # character offset, for messages

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if not text[position:].strip():
            break
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            snippet = text[position:].strip()[:20]
            raise ClaimsError(f"--where: cannot read {snippet!r} (at character {position + 1}).")
        kind = match.lastgroup or ""
        tokens.append(_Token(kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


def parse_filter(text: str | None, schema):
    """The pyarrow expression for `text` over `schema`'s columns, or None for no filter.

    ClaimsError, naming what is wrong and where, for anything else."""
    if text is None or not text.strip():
        return None
    if len(text) > MAX_FILTER_CHARS:
        raise ClaimsError(f"--where is longer than {MAX_FILTER_CHARS:,} characters.")
    parser = _Parser(tokenize(text), schema)
    expression = parser.expression()
    parser.expect_end()
    return expression


class _Parser:
    """Recursive descent over the tokens; each method consumes what it parses."""

    def __init__(self, tokens: list[_Token], schema) -> None:
        self.tokens = tokens
        self.position = 0
        self.types = {name.lower(): (name, schema.field(name).type) for name in schema.names}

    # -- tokens

    @property
    def current(self) -> _Token:
        return self.tokens[self.position]

    def advance(self) -> _Token:
        token = self.current
        self.position += 1
        return token

    def take_word(self, *words: str) -> bool:
        if self.current.is_word(*words):
            self.advance()
            return True
        return False

    def take_op(self, op: str) -> bool:
        if self.current.kind == "op" and self.current.text == op:
            self.advance()
            return True
        return False

    def fail(self, wanted: str):
        token = self.current
        found = "the end" if token.kind == "end" else repr(token.text)
        raise ClaimsError(f"--where: expected {wanted} at character {token.at + 1}, not {found}.")

    def expect_op(self, op: str) -> None:
        if not self.take_op(op):
            self.fail(f"'{op}'")

    def expect_end(self) -> None:
        if self.current.kind != "end":
            self.fail("AND, OR or the end")

    # -- grammar

    def expression(self):
        result = self.term()
        while self.take_word("OR"):
            result = result | self.term()
        return result

    def term(self):
        result = self.factor()
        while self.take_word("AND"):
            result = result & self.factor()
        return result

    def factor(self):
        if self.take_word("NOT"):
            return ~self.factor()
        if self.take_op("("):
            inner = self.expression()
            self.expect_op(")")
            return inner
        return self.predicate()

    def predicate(self):
        import pyarrow.compute as pc

        name, arrow_type = self.column()
        column = pc.field(name)
        if self.take_word("IS"):
            negated = self.take_word("NOT")
            if not self.take_word("NULL"):
                self.fail("NULL")
            return ~column.is_null() if negated else column.is_null()
        negated = self.take_word("NOT")
        if self.take_word("IN"):
            found = column.isin(self.literal_list(arrow_type))
        elif self.take_word("LIKE"):
            found = pc.match_like(column, self.like_pattern(name, arrow_type))
        elif self.take_word("BETWEEN"):
            low = self.literal(arrow_type)
            if not self.take_word("AND"):
                self.fail("AND")
            found = (column >= low) & (column <= self.literal(arrow_type))
        elif negated:
            self.fail("IN, LIKE or BETWEEN after NOT")
        else:
            found = self.comparison(column, arrow_type)
        return ~found if negated else found

    def comparison(self, column, arrow_type):
        import pyarrow.compute as pc

        token = self.current
        if token.kind != "op" or token.text not in _COMPARISONS:
            self.fail("a comparison (=, !=, <, <=, >, >=), IN, LIKE, BETWEEN or IS")
        self.advance()
        return getattr(pc, _COMPARISONS[token.text])(column, self.literal(arrow_type))

    def column(self) -> tuple[str, object]:
        token = self.current
        if token.kind not in ("word", "quoted"):
            self.fail("a column name")
        wanted = token.text.strip('"').lower()
        if wanted not in self.types:
            columns = ", ".join(name for name, _ in self.types.values())
            raise ClaimsError(f"--where: no column {token.text!r}; the columns: {columns}.")
        self.advance()
        return self.types[wanted]

    def literal_list(self, arrow_type) -> list:
        self.expect_op("(")
        values = [self.literal(arrow_type)]
        while self.take_op(","):
            values.append(self.literal(arrow_type))
        self.expect_op(")")
        return values

    def like_pattern(self, name: str, arrow_type) -> str:
        import pyarrow as pa

        if not pa.types.is_string(arrow_type):
            raise ClaimsError(f"--where: LIKE compares text, and {name} is not text.")
        if self.current.kind != "string":
            self.fail("a 'pattern' in quotes")
        return _unquote(self.advance().text)

    def literal(self, arrow_type):
        """The next literal, as a value of the column's type."""
        import pyarrow as pa

        token = self.current
        if self.take_word("DATE"):
            token = self.current
        if token.kind not in ("string", "number", "word") or (
            token.kind == "word" and not token.is_word("TRUE", "FALSE")
        ):
            self.fail("a value ('text', a number or DATE 'YYYY-MM-DD')")
        self.advance()
        raw = _unquote(token.text) if token.kind == "string" else token.text
        try:
            return pa.scalar(_converted(raw, token.kind, arrow_type), type=arrow_type)
        except (ValueError, TypeError, pa.ArrowException):
            raise ClaimsError(
                f"--where: {token.text} is not {_type_words(arrow_type)} "
                f"(at character {token.at + 1})."
            ) from None


def _type_words(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_date(arrow_type):
        return "a date ('YYYY-MM-DD')"
    if pa.types.is_integer(arrow_type):
        return "a whole number"
    if pa.types.is_floating(arrow_type):
        return "a number"
    return "'text' in quotes"


def _unquote(quoted: str) -> str:
    return quoted[1:-1].replace("''", "'")


def _converted(raw: str, kind: str, arrow_type):
    import pyarrow as pa

    if pa.types.is_date(arrow_type):
        return date.fromisoformat(raw)
    if pa.types.is_integer(arrow_type):
        return int(raw)  # "3.5" is no whole number: ValueError
    if pa.types.is_floating(arrow_type):
        return float(raw)
    if pa.types.is_boolean(arrow_type):
        return {"TRUE": True, "FALSE": False}[raw.upper()]
    if kind != "string":
        raise ValueError(raw)  # a text column compares with 'text' in quotes
    return raw
