"""Spreadsheet safety: the one place where exported text is kept from running as a formula.

A text cell that a spreadsheet could run as a formula - one beginning with
= + - @ tab, carriage return or NUL (FORMULA_STARTS) - gets one leading
apostrophe. So that this is reversible, a text that begins with apostrophes
followed by one of those characters gets one more apostrophe; the importer
(claims.importer, through unescape_formula) removes exactly one apostrophe from
any text matching '^'+[=+\\-@\\t\\r\\0]'. Numbers are written as numbers and
never escaped.

Both spreadsheet formats escape here: csv through escape_formula, in Python or
in SQL (escaped_in_sql, which hands SQLite's rare hard case back to
escape_formula), and xlsx through xlsx_text, which also makes the text XML-safe
(escape_ooxml). Nothing else in claims/ or pages/ escapes formulas: a new
spreadsheet writer calls these.
"""

from __future__ import annotations

import re
import sqlite3

# The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = "=+-@\t\r\0"
_RISKY = f"[{re.escape(FORMULA_STARTS)}]"
_FORMULA_FIRST = frozenset(FORMULA_STARTS + "'")
_FORMULA_START = re.compile(f"'*{_RISKY}")
_ESCAPED_FORMULA_START = re.compile(f"'+{_RISKY}")

# What the manifest of a csv or xlsx export says of the escaping (claims.export.manifest).
FORMULA_ESCAPING = (
    "text cells matching ^'*[=+-@\\t\\r\\0] got one leading apostrophe; "
    "remove one apostrophe to restore them"
)


def escape_formula(text: str) -> str:
    """The text a spreadsheet shows as text, never runs: one apostrophe before a risky start."""
    if text and text[0] in _FORMULA_FIRST and _FORMULA_START.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """Undo escape_formula: drop one apostrophe where escape_formula added one."""
    if text and text[0] == "'" and _ESCAPED_FORMULA_START.match(text):
        return text[1:]
    return text


# ---------------------------------------------------------------- the same, inside SQLite

# First code points that make a cell risky, in SQL; the apostrophe (39) needs a
# look at what follows it, and NUL one SQLite cannot take, so Python decides those.
_FORMULA_CODE_POINTS = ", ".join(str(ord(c)) for c in FORMULA_STARTS if c != "\0")
# The SQL function that calls escape_formula (register_escape_function).
ESCAPE_FUNCTION = "claims_escape_formula"


def register_escape_function(conn: sqlite3.Connection) -> None:
    """Let the SQL of escaped_in_sql call escape_formula on this connection."""
    conn.create_function(ESCAPE_FUNCTION, 1, escape_formula, deterministic=True)


def escaped_in_sql(expr: str) -> str:
    """SQL that formula-escapes a text column inside SQLite, as escape_formula does.

    A text that starts with a letter, a digit or any non-ASCII character can
    be no formula, and string comparisons (no function call) find those: most
    text, NULL included, leaves at the first test. unicode() reads the first
    code point in C; the common risky start gets its apostrophe in SQL; a
    start with an apostrophe or NUL (unicode() is NULL for a text that starts
    with NUL; '' is left as it is) goes to escape_formula in Python
    (ESCAPE_FUNCTION, see register_escape_function).
    """
    return (
        f"CASE WHEN {expr} >= 'A' OR {expr} IS NULL OR ({expr} >= '0' AND {expr} < '=') "
        f"THEN {expr} "
        f"WHEN unicode({expr}) IN ({_FORMULA_CODE_POINTS}) THEN '''' || {expr} "
        f"WHEN unicode({expr}) = 39 OR (unicode({expr}) IS NULL AND {expr} <> '') "
        f"THEN {ESCAPE_FUNCTION}({expr}) ELSE {expr} END"
    )


# ---------------------------------------------------------------- Excel cells

# XML 1.0 cannot hold these characters; OOXML writes them as _xHHHH_, and a
# literal "_xHHHH_" in the text gets its underscore escaped as _x005F_.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_ooxml(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape_ooxml(text: str) -> str:
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def xlsx_text(text: str) -> str:
    """A text as an xlsx cell holds it: formula-escaped, then XML-safe."""
    return escape_ooxml(escape_formula(text))


def xlsx_read_text(cell: str) -> str:
    """The inverse of xlsx_text."""
    return unescape_formula(unescape_ooxml(cell))
