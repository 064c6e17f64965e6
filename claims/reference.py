"""Official figures beside the claims: reference series, their observations and imports.

A reference series is what a statistics office or an agency publishes (the US
unemployment rate, the Brent spot price): a name, its publisher and source URL, a
unit in the claim spec's vocabulary, a frequency (day, month, quarter, year) and what
a value means (a level, a change on the previous period, a change on a year
earlier). Its observations are (period, value) pairs, periods written as claims'
are (YYYY-MM-DD, YYYY-MM, YYYY-QN, YYYY), so a claim and an observation of one time
meet on the same string.

Every import is recorded with its file's SHA-256 and time. Importing a revised file
again keeps the earlier observations as a prior vintage: a news report may have
quoted the first estimate. A derived series (the 12-month percent change of a price
index, which is how news quotes inflation) is stored with its transform named.

Values are stored in the base of their unit, as claims' values are ("$1.2bn" is
1200000000): a table published "in millions" is imported with its scale (1e6), each
value multiplied by it, and the import records the factor it applied.

Files are CSV, Excel (.xlsx) or JSON (a list of objects, or {"observations": [...]}).
A bad file (no such column, a value that is not a number, a period given twice, no
rows) is refused with one line saying what and where, and nothing is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import sqlite_utils

from claims.model import ClaimsError, safe_period_bounds
from claims.store import inserted_id, write_transaction

FREQUENCIES = ("day", "month", "quarter", "year")
MEANINGS = ("level", "change on previous period", "change on a year earlier")
# What a derived series is made by, and the period that "a year earlier" is at each
# frequency.
TRANSFORMS = {"yoy": "percent change on a year earlier"}
_PERIODS_PER_YEAR = {"month": 12, "quarter": 4, "year": 1}
MAX_FILE_BYTES = 50 * 1024 * 1024  # a national statistics table, with room to spare
# The words statistics tables state a scale in ("Millions of US dollars", "in
# thousands"), and the factor each means.
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBREVIATIONS = {"k": "thousand", "mn": "million", "m": "million", "bn": "billion"}


@dataclass(frozen=True)
class SeriesSpec:
    """How to read one series from a file, and what it is."""

    name: str
    unit: str
    frequency: str
    means: str = "level"
    publisher: str | None = None
    url: str | None = None
    date_column: str = "Date"
    value_column: str = "Value"
    filters: dict[str, str] = field(default_factory=dict)
    # A period given twice is refused, unless the table is known to restate one on a
    # new basis (a labour-force table that starts a new population definition): then
    # the first or the last row of it is kept.
    duplicates: str = "refuse"
    # What the file's values are stated in (1e6 for "in millions"): each is multiplied
    # by it, so the series is stored in full, as claims are.
    scale: float = 1.0

    def check(self) -> None:
        if not self.name.strip():
            raise ClaimsError("A reference series needs a name.")
        if not self.unit.strip():
            raise ClaimsError(f"Series {self.name!r} needs a unit (percent, USD, index...).")
        if self.frequency not in FREQUENCIES:
            raise ClaimsError(
                f"Frequency {self.frequency!r} is not one of: {', '.join(FREQUENCIES)}."
            )
        if self.duplicates not in ("refuse", "first", "last"):
            raise ClaimsError(f"duplicates {self.duplicates!r} is not refuse, first or last.")
        if self.means not in MEANINGS:
            raise ClaimsError(f"--means {self.means!r} is not one of: {', '.join(MEANINGS)}.")
        if not (math.isfinite(self.scale) and self.scale > 0):
            raise ClaimsError(f"A scale must be a positive number, not {self.scale!r}.")


@dataclass(frozen=True)
class ImportResult:
    series: str
    vintage: int
    observations: int
    unchanged: bool = False
    scale: float = 1.0

    def __str__(self) -> str:
        if self.unchanged:
            return f"{self.series}: the same file as its latest import; nothing changed."
        return (
            f"{self.series}: {self.observations:,} observations (vintage {self.vintage})"
            f"{scale_note(self.scale)}."
        )


# ---------------------------------------------------------------- scales


def parse_scale(text: str | float | None) -> float:
    """A scale as a person states it: "million" (or "millions", "mn", "m"), "thousand",
    "billion", ..., or a number ("1000", "1e6"); None or "" is 1."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return 1.0
    if isinstance(text, int | float):
        number = float(text)
    else:
        word = text.strip().lower()
        word = _SCALE_ABBREVIATIONS.get(word, word).removesuffix("s")
        if word in SCALES:
            return SCALES[word]
        try:
            number = float(word.replace(",", ""))
        except ValueError:
            number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise ClaimsError(
            f"A scale is {', '.join(SCALES)} or a positive number, not {str(text)[:40]!r}."
        )
    return number


def scale_words(scale: float) -> str:
    """How a person reads a scale: "millions", "thousands", or "units of 250"."""
    word = next((w for w, factor in SCALES.items() if factor == scale), None)
    return f"{word}s" if word else f"units of {scale:,.10g}"


def scale_note(scale: float) -> str:
    """What an import's message adds when values were scaled: nothing at 1."""
    if scale == 1:
        return ""
    return f", stated in {scale_words(scale)} and stored in full (x {scale:,.10g})"


def scaled(value: float, scale: float) -> float:
    """A value stated at a scale, in full. Fifteen significant digits drop the binary
    noise of the product (0.1 * 3 is not 0.3), which no statistics table states."""
    return value if scale == 1 else float(f"{value * scale:.15g}")


# ---------------------------------------------------------------- reading files


def read_rows(name: str, data: bytes) -> list[dict[str, object]]:
    """The rows of a CSV, Excel or JSON file as dicts of column -> cell."""
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _excel_rows(name, data)
    if suffix == ".json":
        return _json_rows(name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClaimsError(f"{name} is not UTF-8 text.") from None
    return list(csv.DictReader(io.StringIO(text)))


def _excel_rows(name: str, data: bytes) -> list[dict[str, object]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
    except Exception:  # noqa: BLE001 - any damage in the file means one thing to a user
        raise ClaimsError(f"{name} is not a readable Excel workbook.") from None
    if not rows:
        return []
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _json_rows(name: str, data: bytes) -> list[dict[str, object]]:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ClaimsError(f"{name} is not JSON.") from None
    if isinstance(parsed, dict):
        parsed = parsed.get("observations", parsed.get("data"))
    if not isinstance(parsed, list) or not all(isinstance(row, dict) for row in parsed):
        raise ClaimsError(f"{name} is not a list of objects (or {{'observations': [...]}}).")
    return parsed


_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})[-\s]?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})(?:\.0)?$")


def period_of(cell: object, frequency: str) -> str | None:
    """A cell's date as a period of the series' frequency: "2016-05-01" is "2016-05"
    in a monthly series, "2016-Q2" in a quarterly one; None when it is no date."""
    if isinstance(cell, datetime | date):
        day = cell if isinstance(cell, date) and not isinstance(cell, datetime) else cell.date()
        return _at_frequency(day.year, day.month, day.day, frequency)
    text = str(cell if cell is not None else "").strip()
    if m := _ISO_DAY.match(text):
        year, month, day_ = (int(g) for g in m.groups())
        try:
            date(year, month, day_)
        except ValueError:
            return None
        return _at_frequency(year, month, day_, frequency)
    if m := _ISO_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        return _at_frequency(year, month, None, frequency) if 1 <= month <= 12 else None
    if m := _QUARTER.match(text):
        if frequency in ("quarter", "year"):
            return f"{m[1]}-Q{m[2]}" if frequency == "quarter" else m[1]
        return None
    if (m := _YEAR.match(text)) and frequency == "year":
        return m[1]
    return None


def _at_frequency(year: int, month: int, day: int | None, frequency: str) -> str | None:
    if frequency == "day":
        return f"{year:04d}-{month:02d}-{day:02d}" if day is not None else None
    if frequency == "month":
        return f"{year:04d}-{month:02d}"
    if frequency == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return f"{year:04d}"


def _number(cell: object) -> float | None:
    """A cell as a number; None for an empty cell; ValueError for text."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        value = float(cell)
    else:
        value = float(str(cell).strip().replace(",", ""))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(cell)
    return value


def observations_from(
    rows: Sequence[dict[str, object]], spec: SeriesSpec, source: str
) -> list[tuple[str, float]]:
    """The (period, value) pairs of the rows that pass the filters, in period order.
    Rows with an empty value are skipped (a series that starts later than its table);
    anything else that is not a date or a number refuses the whole file."""
    if not rows:
        raise ClaimsError(f"{source} has no rows.")
    columns = list(rows[0].keys())
    for column in [spec.date_column, spec.value_column, *spec.filters]:
        if column not in columns:
            raise ClaimsError(
                f"{source} has no column {column!r}; its columns are: {', '.join(columns)}."
            )
    found: dict[str, float] = {}
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        if any(str(row.get(c, "")).strip() != v for c, v in spec.filters.items()):
            continue
        try:
            value = _number(row.get(spec.value_column))
        except ValueError:
            raise ClaimsError(
                f"{source} row {number}: {spec.value_column} is "
                f"{str(row.get(spec.value_column))[:40]!r}, not a number."
            ) from None
        if value is None:
            continue
        period = period_of(row.get(spec.date_column), spec.frequency)
        if period is None:
            raise ClaimsError(
                f"{source} row {number}: {spec.date_column} is "
                f"{str(row.get(spec.date_column))[:40]!r}, not a date of a {spec.frequency}."
            )
        if period in found and spec.duplicates != "refuse":
            if spec.duplicates == "last":
                found[period] = scaled(value, spec.scale)
            continue
        if period in found:
            raise ClaimsError(
                f"{source} row {number}: {period} is given twice for {spec.name!r} "
                "(a filter may be missing, or the frequency is wrong)."
            )
        found[period] = scaled(value, spec.scale)
    if not found:
        raise ClaimsError(f"{source} has no rows with a value for {spec.name!r}.")
    return sorted(found.items())


# ---------------------------------------------------------------- storing


def import_file(db: sqlite_utils.Database, path: Path, spec: SeriesSpec) -> ImportResult:
    """Import one series from a file (see the module's docstring); nothing is written
    when the file is refused."""
    spec.check()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ClaimsError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimsError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return import_bytes(db, path.name, data, spec)


def import_bytes(
    db: sqlite_utils.Database, name: str, data: bytes, spec: SeriesSpec
) -> ImportResult:
    spec.check()
    observed = observations_from(read_rows(name, data), spec, name)
    digest = hashlib.sha256(data).hexdigest()
    return _store(db, spec, observed, file_name=name, sha256=digest, transform=None)


def store_observations(
    db: sqlite_utils.Database,
    spec: SeriesSpec,
    observed: Sequence[tuple[str, float]],
    *,
    source: str,
    sha256: str,
) -> ImportResult:
    """Store (period, value) pairs read elsewhere (an online source, claims.reference_fetch)
    the way a file import is stored: `source` stands where a file's name would, `sha256`
    is the digest of what was read, and the same digest as the latest import changes
    nothing. The values are in full already; `spec.scale` records what they were
    multiplied by."""
    spec.check()
    return _store(db, spec, observed, file_name=source, sha256=sha256, transform=None)


def latest_source(db: sqlite_utils.Database, name: str) -> str | None:
    """Where a series' latest import came from (a file's name, or an online source);
    None when there is no series of that name."""
    row = db.execute(
        "SELECT i.file_name FROM reference_imports i JOIN reference_series s "
        "ON s.id = i.series_id WHERE s.name = ? ORDER BY i.vintage DESC LIMIT 1",
        [name],
    ).fetchone()
    return row[0] if row else None


def _store(
    db: sqlite_utils.Database,
    spec: SeriesSpec,
    observed: Sequence[tuple[str, float]],
    *,
    file_name: str,
    sha256: str,
    transform: str | None,
    derived_from: int | None = None,
) -> ImportResult:
    with write_transaction(db):
        row = db.execute(
            "SELECT id, unit, frequency FROM reference_series WHERE name = ?", [spec.name]
        ).fetchone()
        if row is None:
            series_id = _create_series(db, spec, transform, derived_from)
            vintage = 1
        else:
            series_id = row[0]
            if (row[1], row[2]) != (spec.unit, spec.frequency):
                raise ClaimsError(
                    f"{spec.name!r} is a {row[2]} series in {row[1]}; this import says "
                    f"{spec.frequency} in {spec.unit}. Give the new one another name."
                )
            latest = db.execute(
                "SELECT sha256, vintage, scale FROM reference_imports WHERE series_id = ? "
                "ORDER BY vintage DESC LIMIT 1",
                [series_id],
            ).fetchone()
            # The same file read at another scale is new data, not a repeat.
            if latest is not None and (latest[0], latest[2]) == (sha256, spec.scale):
                return ImportResult(spec.name, latest[1], len(observed), unchanged=True)
            vintage = (latest[1] if latest else 0) + 1
        db.conn.executemany(
            "INSERT INTO reference_observations (series_id, vintage, period, value) "
            "VALUES (?, ?, ?, ?)",
            [(series_id, vintage, period, value) for period, value in observed],
        )
        db.execute(
            "INSERT INTO reference_imports (series_id, vintage, at, file_name, sha256, "
            "observations, scale) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [series_id, vintage, _now(), file_name, sha256, len(observed), spec.scale],
        )
    return ImportResult(spec.name, vintage, len(observed), scale=spec.scale)


def _create_series(
    db: sqlite_utils.Database, spec: SeriesSpec, transform: str | None, derived_from: int | None
) -> int:
    cursor = db.execute(
        "INSERT INTO reference_series (name, publisher, url, unit, frequency, means, "
        "transform, derived_from, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            spec.name,
            spec.publisher,
            spec.url,
            spec.unit,
            spec.frequency,
            spec.means,
            transform,
            derived_from,
            _now(),
        ],
    )
    return inserted_id(cursor)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def derive(
    db: sqlite_utils.Database, source: str, name: str, transform: str = "yoy"
) -> ImportResult:
    """A series made from another by a stated transform, from its latest vintage:
    "yoy", the percent change on the same period a year earlier (12 months, 4
    quarters, 1 year back), which is how news quotes inflation from a price index."""
    if transform not in TRANSFORMS:
        raise ClaimsError(f"Transform {transform!r} is not one of: {', '.join(TRANSFORMS)}.")
    base = series_row(db, source)
    if base["frequency"] not in _PERIODS_PER_YEAR:
        raise ClaimsError(f"{source!r} is a daily series: a year-on-year change needs months.")
    values = dict(observations(db, source))
    changed = []
    for period, value in values.items():
        earlier = values.get(_year_before(period))
        if earlier:
            changed.append((period, round(100 * (value - earlier) / earlier, 4)))
    if not changed:
        raise ClaimsError(f"{source!r} has no period a year after another to compare with.")
    spec = SeriesSpec(
        name=name,
        unit="percent",
        frequency=base["frequency"],
        means="change on a year earlier",
        publisher=base["publisher"],
        url=base["url"],
    )
    spec.check()
    label = f"{TRANSFORMS[transform]} of {source}"
    digest = hashlib.sha256(json.dumps([label, changed]).encode()).hexdigest()
    return _store(
        db, spec, changed, file_name=label, sha256=digest, transform=label, derived_from=base["id"]
    )


def _year_before(period: str) -> str:
    year, rest = int(period[:4]), period[4:]
    return f"{year - 1:04d}{rest}"


# ---------------------------------------------------------------- reading back


def series_row(db: sqlite_utils.Database, name: str) -> dict:
    row = db.execute("SELECT * FROM reference_series WHERE name = ?", [name]).fetchone()
    if row is None:
        raise ClaimsError(f"No reference series named {name!r}.")
    columns = [d[0] for d in db.execute("SELECT * FROM reference_series LIMIT 0").description]
    return dict(zip(columns, row, strict=True))


def observations(
    db: sqlite_utils.Database, name: str, vintage: int | None = None
) -> list[tuple[str, float]]:
    """A series' (period, value) pairs in period order: its latest vintage, or one."""
    series = series_row(db, name)
    if vintage is None:
        vintage = db.execute(
            "SELECT max(vintage) FROM reference_imports WHERE series_id = ?", [series["id"]]
        ).fetchone()[0]
    rows = db.execute(
        "SELECT period, value FROM reference_observations WHERE series_id = ? AND vintage = ? "
        "ORDER BY period",
        [series["id"], vintage],
    ).fetchall()
    return [(period, value) for period, value in rows]


def official_line(db: sqlite_utils.Database, name: str, vintage: int | None = None) -> list[dict]:
    """A series as a line to draw under claims' points: {period, start, end, value}
    in period order, start and end the period's first and last day (YYYY-MM-DD), from
    its latest vintage or the one given."""
    line = []
    for period, value in observations(db, name, vintage):
        start, end = safe_period_bounds(period)
        line.append({"period": period, "start": start, "end": end, "value": value})
    return line


def list_series(db: sqlite_utils.Database) -> list[dict]:
    """Every series with its latest vintage's size and span, by name."""
    rows = db.execute(
        "SELECT s.name, s.publisher, s.unit, s.frequency, s.means, s.transform, s.url, "
        "i.vintage, i.at, i.scale, count(o.period), min(o.period), max(o.period) "
        "FROM reference_series s "
        "JOIN reference_imports i ON i.series_id = s.id AND i.vintage = "
        "(SELECT max(vintage) FROM reference_imports WHERE series_id = s.id) "
        "LEFT JOIN reference_observations o ON o.series_id = s.id AND o.vintage = i.vintage "
        "GROUP BY s.id ORDER BY s.name"
    ).fetchall()
    keys = (
        "name", "publisher", "unit", "frequency", "means", "transform", "url",
        "vintage", "imported", "scale", "observations", "first", "last",
    )  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in rows]


def vintages(db: sqlite_utils.Database, name: str) -> list[dict]:
    """A series' imports, newest first: {vintage, imported, source, observations,
    scale}, where `source` is the file's name or the online source it came from."""
    series = series_row(db, name)
    rows = db.execute(
        "SELECT vintage, at, file_name, observations, scale FROM reference_imports "
        "WHERE series_id = ? ORDER BY vintage DESC",
        [series["id"]],
    ).fetchall()
    keys = ("vintage", "imported", "source", "observations", "scale")
    return [dict(zip(keys, row, strict=True)) for row in rows]


# ---------------------------------------------------------------- the shipped pack


def load_pack(db: sqlite_utils.Database, folder: Path) -> list[ImportResult]:
    """Import the reference pack a folder describes in its pack.json: a list of
    {"file", "name", "unit", "frequency", ...SeriesSpec fields} to import and
    {"derive": SOURCE, "name", "transform"} to derive. Already imported files are
    left as they are, so running it again changes nothing."""
    manifest = folder / "pack.json"
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ClaimsError(f"Cannot read the reference pack {manifest}: {exc}.") from None
    results = []
    for entry in entries:
        if "derive" in entry:
            results.append(
                derive(db, entry["derive"], entry["name"], entry.get("transform", "yoy"))
            )
            continue
        fields = {k: v for k, v in entry.items() if k != "file"}
        if "scale" in fields:  # "million" as --scale takes it
            fields["scale"] = parse_scale(fields["scale"])
        results.append(import_file(db, folder / entry["file"], SeriesSpec(**fields)))
    return results


def parse_filters(pairs: Iterable[str]) -> dict[str, str]:
    """ "COLUMN=VALUE" arguments as a dict; a malformed one is refused."""
    filters = {}
    for pair in pairs:
        column, sep, value = pair.partition("=")
        if not sep or not column.strip():
            raise ClaimsError(f"--filter takes COLUMN=VALUE, not {pair!r}.")
        filters[column.strip()] = value.strip()
    return filters
