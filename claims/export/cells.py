"""A value as a CSV cell or a member of a JSON object, in Python and in the SQL that
has SQLite write them.

For CSV and JSON Lines, SQLite formats a claim's own cells or object itself:
one text per row instead of forty Python values. SQLite prints a REAL with 15
significant digits, not always enough to read back the same; such a value, and
a risky text (claims.export.safety), is handed back to Python through the SQL
functions register_sql_functions gives a connection.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Sequence

from claims.export.columns import NUMBER_COLUMNS, REAL_COLUMNS
from claims.export.safety import escape_formula, register_escape_function

CSV_NUMBER_FUNCTION = "claims_csv_number"
JSON_NUMBER_FUNCTION = "claims_json_number"


def register_sql_functions(conn: sqlite3.Connection) -> None:
    """Let the SQL that formats rows call back into Python for the rare value it cannot handle."""
    register_escape_function(conn)
    conn.create_function(CSV_NUMBER_FUNCTION, 1, csv_number, deterministic=True)
    conn.create_function(JSON_NUMBER_FUNCTION, 1, json_number, deterministic=True)


def printed_exactly_sql(expr: str, column: str) -> str:
    """SQL true when SQLite prints a number column's value so that it reads back the same.

    SQLite prints a REAL with 15 significant digits: enough for nearly every
    figure, not for all (0.1 + 0.2). NULL counts as exact (nothing to print).
    A text in a number column (only a hand-edited database has one) is never
    exact: both sides of = have the column's numeric affinity, so the text is
    not converted and compares unequal.
    """
    if column in REAL_COLUMNS:
        return f"{expr} IS NULL OR CAST(CAST({expr} AS TEXT) AS REAL) = {expr}"
    return f"CAST({expr} AS INTEGER) = {expr}"  # the integer columns are NOT NULL


def csv_text(value: object) -> str:
    """A text cell: formula-escaped, quoted, quotes doubled; a missing text is ""."""
    if value is None:
        return '""'
    return '"' + escape_formula(str(value)).replace('"', '""') + '"'


def csv_number(value: object) -> str:
    """A number cell: bare and exact (a float's repr reads back the same); a text stays text."""
    if value is None:
        return ""
    if type(value) in (int, float):
        return repr(value)
    return csv_text(value)


def csv_cells(columns: Sequence[str], values: Sequence) -> str:
    numbers = NUMBER_COLUMNS
    return ",".join(
        csv_number(value) if column in numbers else csv_text(value)
        for column, value in zip(columns, values, strict=True)
    )


def json_number(value: object) -> str:
    """JSON for a number SQLite would print inexactly: json.dumps writes a float's repr."""
    if isinstance(value, float) and not math.isfinite(value):
        return json.dumps(str(value))  # JSON has no infinity; the store refuses one anyway
    return json.dumps(value)


def json_object_sql(table: str, columns: Sequence[str], kind: str | None) -> str:
    """SQL that has SQLite write a record's JSON object, typed by "type" when `kind` is given.

    SQLite builds the object in C, one text per row instead of forty values;
    a REAL it would print inexactly (see printed_exactly_sql) comes from
    Python, through json() so that it stays a number.
    """
    members = [f"'type', '{kind}'"] if kind else []
    for column in columns:
        expr = f"{table}.{column}"
        if column in REAL_COLUMNS:
            exact = printed_exactly_sql(expr, column)
            expr = f"CASE WHEN {exact} THEN {expr} ELSE json({JSON_NUMBER_FUNCTION}({expr})) END"
        members.append(f"'{column}', {expr}")
    return f"json_object({', '.join(members)})"


def json_members(names: Sequence[str], values: Sequence) -> str:
    """Members of a JSON object, as SQLite writes them, to splice into one."""
    obj = dict(zip(names, values, strict=True))
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))[1:-1]
