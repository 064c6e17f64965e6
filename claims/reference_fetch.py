"""Reference series fetched online, through the providers' maintained clients.

    fetch_series(db, "dbnomics", "IMF/WEO:2023-10/USA.NGDP_RPCH.pcent_change")
    fetch_series(db, "worldbank", "NY.GDP.MKTP.CD:USA")

- dbnomics: DBnomics (one API over the IMF, OECD, Eurostat, national statistics
  offices and central banks), through the `dbnomics` package its maintainers publish.
  A series is PROVIDER/DATASET/SERIES, as DBnomics writes it on every series page:
  "IMF/WEO:2023-10/USA.NGDP_RPCH.pcent_change", "BLS/ln/LNS14000000".
- worldbank: the World Bank's World Development Indicators, through `wbgapi`, which
  the World Bank maintains. A series is INDICATOR:ECONOMY, the indicator code and the
  economy's ISO 3166 alpha-3 code (or a World Bank aggregate code such as WLD):
  "NY.GDP.MKTP.CD:USA" is the GDP of the United States in current US dollars.

What is fetched is stored the way a file import is (claims.reference): a vintage with
its time, the provider and series id where a file's name would be, and the SHA-256 of
the observations in a canonical serialisation (not of the raw answer, whose page
counters and timestamps change when the data does not). The same observations again
change nothing; revised ones become a new vintage and the earlier one stays. The name,
unit and publisher come from the provider's metadata unless given; the frequency from
the periods it returns, unless given.

Values are stored in full, as claims' are ("$1.2bn" is 1200000000): when a provider
states a scale, each value is multiplied by it and the import records the factor.
DBnomics states it in a series' unit-multiplier dimension or attribute (SDMX's
UNIT_MULT, a power of ten: 6 is millions) or in its unit's words ("Millions of US
dollars"); the World Bank in the indicator's name. `scale` given to fetch_series
replaces what the provider says.

Fetching follows the rules of article URLs (claims.fetch) where they apply: its
(connect, read) timeouts and overall deadline; a cap on the bytes accepted, counted
after decompression over every page of one fetch; https to the provider's own API
host only, redirects included (the addresses are fixed here, not typed by a user, so
the public-address checks have nothing to check). Anything that fails (offline, no
such series, too large, an answer that cannot be read) is one line, and nothing is
written.

How the rules reach the clients: both call `requests.get` themselves. wbgapi passes
its `get_options` setting on to that call; dbnomics takes only a timeout, so for the
length of one fetch the name `requests` in its module is pointed at a stand-in whose
`get` adds the rest. Both are settings of the whole process, so one fetch runs at a
time. The clients are imported when a fetch needs them: the rest of the ledger works
without them.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import json
import logging
import math
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, SupportsFloat, cast
from urllib.parse import urljoin, urlsplit

import sqlite_utils

from claims import reference
from claims.fetch import (
    DEFAULT_TIMEOUT,
    MAX_FETCH_BYTES,
    TOTAL_DEADLINE_SECONDS,
    USER_AGENT,
    format_size,
)
from claims.model import ClaimsError

DBNOMICS_API = "https://api.db.nomics.world/v22/"
WORLD_BANK_API = "https://api.worldbank.org/v2"
WORLD_DEVELOPMENT_INDICATORS = 2  # the World Bank's source id for the WDI
_CHUNK = 64 * 1024
NOTHING_WRITTEN = "nothing was written."

# dbnomics logs each retry and each API error at ERROR level. With no logging set up,
# Python would print those on stderr beside the one line this module gives; a handler
# that drops them keeps the terminal to that line (an application that configures
# logging still receives them).
logging.getLogger("dbnomics").addHandler(logging.NullHandler())


# ---------------------------------------------------------------- what is fetched


@dataclass(frozen=True)
class FetchedSeries:
    """One series as a provider gives it, before it is stored."""

    source: str  # "dbnomics:IMF/WEO:2023-10/USA...", recorded where a file's name would be
    name: str
    publisher: str
    url: str
    unit: str | None  # in the claim spec's vocabulary, when the provider says it plainly
    unit_label: str  # the provider's own words for it, for a message asking for --unit
    periods: list[tuple[str, float]]  # (YYYY | YYYY-QN | YYYY-MM | YYYY-MM-DD, value)
    scale: float = 1.0  # what the provider says its values are stated in (1e6: millions)


@dataclass(frozen=True)
class FetchResult:
    imported: reference.ImportResult
    provider: str  # "DBnomics", "the World Bank"
    series_id: str
    first: str
    last: str

    def __str__(self) -> str:
        name, vintage = self.imported.series, self.imported.vintage
        if self.imported.unchanged:
            return (
                f"{name}: {self.provider} gives the same observations as vintage {vintage}; "
                "nothing changed."
            )
        kept = f"; vintage {vintage - 1} is kept" if vintage > 1 else ""
        return (
            f"{name}: {self.imported.observations:,} observations from {self.first} to "
            f"{self.last}, fetched from {self.provider} {self.series_id} "
            f"(vintage {vintage}{kept}){reference.scale_note(self.imported.scale)}."
        )


# ---------------------------------------------------------------- the rules of one fetch


class _Transport:
    """Every GET a client makes during one fetch, under this module's rules."""

    def __init__(self, label: str, host: str, timeout: tuple[float, float], max_bytes: int):
        self.label = label
        self.host = host
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.deadline = time.monotonic() + TOTAL_DEADLINE_SECONDS
        self.received = 0
        self.bodies: list[bytes] = []
        self.refusal: ClaimsError | None = None

    def request_options(self) -> dict[str, Any]:
        """Arguments for requests.get: the body is streamed so that it can be counted."""
        return {
            "timeout": self.timeout,
            "stream": True,
            "headers": {"User-Agent": USER_AGENT},
            "hooks": {"response": [self._accept]},
        }

    def get(self, url: str, **kwargs: Any):
        """requests.get under the rules, for a client that calls requests.get itself."""
        import requests

        if self.refusal is not None:
            # A client that retries on any error would otherwise download a refused
            # answer again.
            raise self.refusal
        self._check_deadline()
        return requests.get(url, **{**kwargs, **self.request_options()})

    def _accept(self, response, *args: Any, **kwargs: Any):
        if response.is_redirect:
            self._check_redirect(urljoin(response.url, response.headers.get("Location", "")))
        # requests keeps a body it has read in `_content`; it has no public way to read
        # one under a limit, so the capped read is put where .json() looks for it.
        response._content = self._read_capped(response)
        return response

    def _check_redirect(self, target: str) -> None:
        parts = urlsplit(target)
        if parts.scheme != "https" or parts.hostname != self.host:
            self._refuse(
                f"Refused to follow {self.label} to {target}: only https://{self.host} is "
                f"fetched from; {NOTHING_WRITTEN}"
            )

    def _read_capped(self, response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        plain = response.headers.get("Content-Encoding", "identity") in ("", "identity")
        if plain and declared.isdigit() and self.received + int(declared) > self.max_bytes:
            self._refuse(self._too_large())
        body = bytearray()
        for chunk in response.iter_content(_CHUNK):
            body += chunk
            if self.received + len(body) > self.max_bytes:
                self._refuse(self._too_large())
            self._check_deadline()
        self.received += len(body)
        self.bodies.append(bytes(body))
        return bytes(body)

    def _too_large(self) -> str:
        return (
            f"Refused what {self.label} sent: it is larger than the limit of "
            f"{format_size(self.max_bytes)} (counted after decompression); {NOTHING_WRITTEN}"
        )

    def _check_deadline(self) -> None:
        if time.monotonic() > self.deadline:
            self._refuse(
                f"Fetching from {self.label} took longer than {TOTAL_DEADLINE_SECONDS:g} s; "
                f"{NOTHING_WRITTEN}"
            )

    def _refuse(self, message: str) -> None:
        self.refusal = ClaimsError(message)
        raise self.refusal


# Both clients are set up through settings of the whole process (module attributes),
# so two fetches at once, from two pages of the dashboard, would step on each other.
_ONE_FETCH_AT_A_TIME = threading.Lock()


@contextmanager
def _setting(owner: object, name: str, value: object) -> Iterator[None]:
    old = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, old)


def _client(module: str, label: str):
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ClaimsError(
            f"Fetching from {label} needs the {module!r} package, which is not installed "
            "here: pip install -r requirements.txt."
        ) from None


# ---------------------------------------------------------------- DBnomics


_DBNOMICS_ID = re.compile(r"^[^/\s]+/[^/\s]+/[^/\s]+$")


def _read_dbnomics(series_id: str, transport: _Transport) -> FetchedSeries:
    if not _DBNOMICS_ID.match(series_id):
        raise ClaimsError(
            "A DBnomics series is PROVIDER/DATASET/SERIES, as on its page at "
            f"db.nomics.world (IMF/WEO:2023-10/USA.NGDP_RPCH.pcent_change); not {series_id!r}."
        )
    dbnomics = _client("dbnomics", "DBnomics")
    # Only `get` is given: anything else the client might call fails loudly, not
    # around the rules.
    stand_in = SimpleNamespace(get=transport.get)
    with _setting(dbnomics, "requests", stand_in):
        # No max_nb_series: the client (1.2.7) stops before yielding anything when the
        # series found number exactly that many.
        frame = dbnomics.fetch_series(
            series_id, api_base_url=DBNOMICS_API, timeout=transport.timeout
        )
    if frame.empty:
        raise ClaimsError(f"DBnomics has no series {series_id}; {NOTHING_WRITTEN}")
    if frame["series_code"].nunique() > 1:
        raise ClaimsError(
            f"DBnomics finds more than one series for {series_id}; give one series' full id "
            f"as on its page; {NOTHING_WRITTEN}"
        )
    row = frame.iloc[0]
    # The client's frame has the observations and names; the unit's label and the
    # provider's full name are in the same answer's dataset and provider metadata.
    dataset, provider = _dbnomics_metadata(transport.bodies[-1], row)
    unit_label = _dbnomics_unit_label(row, dataset) or str(row.get("series_name") or "")
    multiplier = _dbnomics_multiplier(transport.bodies[-1], dataset)
    return FetchedSeries(
        source=f"dbnomics:{series_id}",
        name=str(row.get("series_name") or series_id),
        publisher=f"{provider.get('name') or row['provider_code']} (via DBnomics)",
        url=f"https://db.nomics.world/{series_id}",
        unit=unit_in_vocabulary(unit_label),
        unit_label=unit_label,
        periods=_numbered(
            zip(frame["original_period"], frame["value"], strict=True), f"dbnomics:{series_id}"
        ),
        scale=multiplier if multiplier is not None else stated_scale(unit_label),
    )


def _dbnomics_metadata(body: bytes, row) -> tuple[dict, dict]:
    """The dataset's and the provider's metadata from a DBnomics answer, which holds
    one dataset ("dataset") or several ("datasets", keyed PROVIDER/DATASET)."""
    answer = json.loads(body)
    provider_code, dataset_code = str(row["provider_code"]), str(row["dataset_code"])
    dataset = answer.get("dataset") or (answer.get("datasets") or {}).get(
        f"{provider_code}/{dataset_code}", {}
    )
    provider = answer.get("provider") or (answer.get("providers") or {}).get(provider_code, {})
    return dataset, provider


def _dbnomics_unit_label(row, dataset: dict) -> str | None:
    """The label of the series' unit dimension ("Percent change"), when its dataset
    has one: a dimension whose code says unit ("unit", "UNIT_MEASURE")."""
    labels = dataset.get("dimensions_values_labels") or {}
    for dimension in dataset.get("dimensions_codes_order") or []:
        if "unit" not in dimension.lower() or dimension not in row.index:
            continue
        code = row[dimension]
        # Older datasets give a dimension's labels as [code, label] pairs.
        return dict(labels.get(dimension) or {}).get(code, code)
    return None


def _dbnomics_multiplier(body: bytes, dataset: dict) -> float | None:
    """The scale a DBnomics series states in a unit-multiplier dimension or attribute
    ("UNIT_MULT", "unit-mult", "scale"): a power of ten as SDMX writes it ("6" is
    millions) or a word ("Millions"); None when it states none."""
    docs = (json.loads(body).get("series") or {}).get("docs") or [{}]
    labels = dataset.get("dimensions_values_labels") or {}
    for group in ("dimensions", "attributes"):
        for name, code in (docs[0].get(group) or {}).items():
            if not re.search(r"mult|scale", name, re.IGNORECASE) or code is None:
                continue
            code = str(code).strip()
            if re.fullmatch(r"-?\d{1,2}", code):
                return 10.0 ** int(code)
            label = str(dict(labels.get(name) or {}).get(code, code))
            return stated_scale(label)
    return None


# ---------------------------------------------------------------- the World Bank


_WORLD_BANK_ID = re.compile(r"^([A-Za-z0-9_.]+):([A-Za-z0-9]{2,3})$")
_WORLD_BANK_TIME = (
    (re.compile(r"^YR(\d{4})$"), "{0}"),
    (re.compile(r"^(\d{4})Q([1-4])$"), "{0}-Q{1}"),
    (re.compile(r"^(\d{4})M(\d{2})$"), "{0}-{1}"),
)


def _read_worldbank(series_id: str, transport: _Transport) -> FetchedSeries:
    match = _WORLD_BANK_ID.match(series_id)
    if not match:
        raise ClaimsError(
            "A World Bank series is INDICATOR:ECONOMY, the indicator code and the economy's "
            f"ISO alpha-3 code (NY.GDP.MKTP.CD:USA); not {series_id!r}."
        )
    indicator, economy = match[1].upper(), match[2].upper()
    wbgapi = _client("wbgapi", "the World Bank")
    # wbgapi.data.fetch would first download the database's concepts, every period and
    # the whole country list (six requests, to tag aggregates and translate period
    # names); its paged fetch of the one query it then sends is all this needs.
    query = f"sources/{WORLD_DEVELOPMENT_INDICATORS}/series/{indicator}/country/{economy}/time/all"
    with (
        _setting(wbgapi, "get_options", transport.request_options()),
        _setting(wbgapi, "endpoint", WORLD_BANK_API),
    ):
        rows = list(wbgapi.fetch(query, lang="en"))
    if not rows:
        raise ClaimsError(
            f"The World Bank has no data for {indicator} in {economy}; {NOTHING_WRITTEN}"
        )
    labels = {item["concept"].lower(): item for item in rows[0]["variable"]}
    indicator_name = labels["series"].get("value") or indicator
    economy_name = labels["country"].get("value") or economy
    return FetchedSeries(
        source=f"worldbank:{indicator}:{economy}",
        name=f"{indicator_name}, {economy_name}",
        publisher="World Bank (World Development Indicators)",
        url=f"https://data.worldbank.org/indicator/{indicator}",
        unit=unit_in_vocabulary(indicator_name),
        unit_label=indicator_name,
        scale=stated_scale(indicator_name),
        periods=_numbered(
            ((_world_bank_period(row), row["value"]) for row in rows),
            f"worldbank:{indicator}:{economy}",
        ),
    )


def _world_bank_period(row: dict) -> str:
    """ "YR2023" as 2023, "2023Q1" as 2023-Q1, "2023M01" as 2023-01."""
    time_id = next(v["id"] for v in row["variable"] if v["concept"].lower() == "time")
    for pattern, shape in _WORLD_BANK_TIME:
        if match := pattern.match(time_id):
            return shape.format(*match.groups())
    return time_id  # refused with the periods the ledger cannot keep (infer_frequency)


# ---------------------------------------------------------------- reading what came back


def _numbered(pairs: Iterable[tuple[object, object]], source: str) -> list[tuple[str, float]]:
    """(period, value) pairs with a number. A period without one (DBnomics' "NA", the
    World Bank's null, the NaN pandas makes of them) is left out, as an empty cell is
    in a file import; anything else that is not a finite number refuses the series."""
    found = []
    for period, value in pairs:
        if value is None or value == "NA" or (isinstance(value, float) and math.isnan(value)):
            continue
        try:
            number = float(cast("SupportsFloat | str", value))  # anything else: TypeError
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or isinstance(value, bool):
            raise ClaimsError(
                f"{source} gives {str(value)[:40]!r} for {period}, not a number; {NOTHING_WRITTEN}"
            )
        found.append((str(period), number))
    return found


_PERIOD_SHAPES = (
    ("year", re.compile(r"^\d{4}$")),
    ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
)


def _shape(period: str) -> str | None:
    return next((name for name, pattern in _PERIOD_SHAPES if pattern.match(period)), None)


def infer_frequency(periods: Sequence[str], source: str) -> str:
    """The frequency the periods are written at: 2023 (year), 2023-Q1, 2023-01, 2023-01-31."""
    shapes = {period: _shape(period) for period in periods}
    if odd := next((p for p, shape in shapes.items() if shape is None), None):
        raise ClaimsError(
            f"{source} has periods like {odd!r}; the ledger keeps days, months, quarters and "
            f"years (2023-01-31, 2023-01, 2023-Q1, 2023); {NOTHING_WRITTEN}"
        )
    found = sorted(
        {shape for shape in shapes.values() if shape is not None}, key=reference.FREQUENCIES.index
    )
    if len(found) > 1:
        raise ClaimsError(
            f"{source} mixes periods of {' and '.join(found)}: give --frequency to read them "
            f"at one; {NOTHING_WRITTEN}"
        )
    return found[0]


def at_frequency(
    periods: Sequence[tuple[str, float]], frequency: str, source: str
) -> list[tuple[str, float]]:
    """The periods written at `frequency` (2023-05 is 2023-Q2 at quarter), in order. Two
    periods that become one are refused: a series keeps values as published, it does
    not average them."""
    found: dict[str, float] = {}
    for period, value in periods:
        written = reference.period_of(period, frequency)
        if written is None:
            raise ClaimsError(
                f"{source} has the period {period!r}, which is no {frequency}: leave out "
                f"--frequency to keep the provider's own; {NOTHING_WRITTEN}"
            )
        if written in found:
            raise ClaimsError(
                f"{source} has more than one value for {written} at --frequency {frequency}: "
                f"a series keeps values as published and does not average them; "
                f"{NOTHING_WRITTEN}"
            )
        found[written] = value
    return sorted(found.items())


# A scale word in a unit's label; not after "per" ("per thousand people" is a rate).
_STATED_SCALE = re.compile(r"(?<!per )\b(hundred|thousand|million|billion|trillion|bn|mn)s?\b")
_SCALE_WORDS = {"bn": "billion", "mn": "million"}


def stated_scale(label: str) -> float:
    """The scale a unit's label states ("Millions of US dollars": 1e6, "GDP (current
    US$)": 1), which the values are multiplied by to be stored in full."""
    match = _STATED_SCALE.search(label.lower())
    if match is None:
        return 1.0
    return reference.SCALES[_SCALE_WORDS.get(match[1], match[1])]


def unit_in_vocabulary(label: str) -> str | None:
    """A provider's unit (or an indicator name that carries it, "GDP (current US$)") in
    the claim spec's vocabulary: percent, percentage point, index point or USD, its
    scale aside ("Billions of U.S. dollars" is USD; stated_scale reads the billions).
    None when it is anything else or not plain: a ratio ("LCU per US$") is no
    currency, so the person fetching says the unit with --unit."""
    text = label.lower()
    if re.search(r"\bper (?!capita\b)", text):
        return None
    if "percentage point" in text:
        return "percentage point"
    if "percent" in text or "%" in text:
        return "percent"
    if re.search(r"\bindex\b", text):
        return "index point"
    if re.search(r"\bus\$|\bu\.s\. dollars?\b|\bus dollars?\b|\busd\b", text):
        return "USD"
    return None


def payload_sha256(source: str, observed: Sequence[tuple[str, float]]) -> str:
    """The SHA-256 of what was fetched, serialised one way only (sorted periods, compact
    JSON), so that the same observations always give the same digest."""
    canonical = json.dumps(
        {"source": source, "observations": [[period, value] for period, value in observed]},
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


# ---------------------------------------------------------------- failures, in one line


def _explain(
    label: str, series_id: str, exc: Exception, timeout: tuple[float, float]
) -> ClaimsError | None:
    """A ClaimsError for a failure of the network or of the provider's answer; None for
    anything else, which is a bug to be seen as one."""
    import requests

    cause = _underlying(exc)
    if isinstance(cause, ClaimsError):
        return cause
    said = _capitalised(label)
    if isinstance(cause, requests.ConnectTimeout):
        return ClaimsError(
            f"{said} did not accept a connection within {timeout[0]:g} s; {NOTHING_WRITTEN}"
        )
    # A body that stops coming reaches requests' reader as a ConnectionError around
    # urllib3's ReadTimeoutError: it is a timeout all the same.
    if isinstance(cause, requests.Timeout) or any(
        type(inner).__name__ == "ReadTimeoutError" for inner in _causes(cause)
    ):
        return ClaimsError(f"{said} did not answer within {timeout[1]:g} s; {NOTHING_WRITTEN}")
    if isinstance(cause, requests.ConnectionError):
        return ClaimsError(
            f"Could not reach {label} ({_why_unreachable(cause)}); {NOTHING_WRITTEN}"
        )
    if isinstance(cause, requests.HTTPError) and cause.response is not None:
        if cause.response.status_code == 404:
            return ClaimsError(f"{said} has no series {series_id}; {NOTHING_WRITTEN}")
        return ClaimsError(f"{said} answered HTTP {cause.response.status_code}; {NOTHING_WRITTEN}")
    if isinstance(cause, requests.RequestException):
        return ClaimsError(f"Fetching from {label} broke off ({cause}); {NOTHING_WRITTEN}")
    return _explain_world_bank(said, series_id, cause) or _explain_unreadable(said, cause)


def _capitalised(label: str) -> str:
    """ "the World Bank" at the start of a sentence."""
    return label[0].upper() + label[1:]


def _underlying(exc: BaseException) -> BaseException:
    """What actually failed under dbnomics's FetchError and tenacity's RetryError,
    which wrap it after the client's retries."""
    while True:
        last_attempt = getattr(exc, "last_attempt", None)
        if last_attempt is not None and last_attempt.failed:
            exc = last_attempt.exception()
        elif type(exc).__name__ == "FetchError" and exc.__cause__ is not None:
            exc = exc.__cause__
        else:
            return exc


def _why_unreachable(exc: BaseException) -> str:
    """A few words for a failed connection, from the errors that caused it."""
    for inner in _causes(exc):
        if isinstance(inner, socket.gaierror) or type(inner).__name__ == "NameResolutionError":
            return "its name could not be looked up: is this computer offline?"
        number = getattr(inner, "errno", None)
        if number in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "network unreachable"
        if number == errno.ECONNREFUSED:
            return "connection refused"
        if type(inner).__name__ in ("SSLError", "SSLCertVerificationError"):
            return "the secure connection failed"
    return "the connection failed"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and every error under it: requests and urllib3 keep the one they wrap in
    args or `reason`, Python in __cause__ and __context__."""
    seen: set[int] = set()
    waiting = [exc]
    while waiting:
        current = waiting.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = [getattr(current, "reason", None), current.__cause__, current.__context__]
        inner += list(current.args)
        waiting += [e for e in inner if isinstance(e, BaseException)]


def _explain_world_bank(said: str, series_id: str, exc: BaseException) -> ClaimsError | None:
    # wbgapi's APIError (and its APIResponseError) carries msg and code
    if type(exc).__module__ != "wbgapi" or not hasattr(exc, "msg") or not hasattr(exc, "code"):
        return None
    if type(exc).__name__ == "APIResponseError":
        return ClaimsError(f"{said} sent an answer that is not JSON; {NOTHING_WRITTEN}")
    if exc.code is not None:
        return ClaimsError(f"{said} answered HTTP {exc.code} ({exc.msg}); {NOTHING_WRITTEN}")
    if str(exc.msg).startswith("Invalid value"):
        # How the API says that an indicator or an economy code does not exist: an
        # HTTP 200 whose JSON is a message instead of data.
        return ClaimsError(
            f"{said} has no series {series_id} (it says: {exc.msg}); {NOTHING_WRITTEN}"
        )
    return ClaimsError(
        f"{said} sent an answer the ledger could not read ({exc.msg}); {NOTHING_WRITTEN}"
    )


def _explain_unreadable(said: str, exc: BaseException) -> ClaimsError | None:
    # A client reading an answer whose shape has changed fails on a missing key, a
    # wrong type or one of its own assertions about the shape.
    if isinstance(exc, KeyError | TypeError | ValueError | AssertionError | IndexError):
        return ClaimsError(
            f"{said} sent an answer the ledger could not read ({type(exc).__name__}: "
            f"{str(exc)[:80]}); {NOTHING_WRITTEN}"
        )
    return None


# ---------------------------------------------------------------- fetching and storing


@dataclass(frozen=True)
class _Provider:
    label: str  # as a sentence names it
    host: str
    read: Callable[[str, _Transport], FetchedSeries]


def _host(url: str) -> str:
    host = urlsplit(url).hostname
    assert host is not None, f"{url} names no host"
    return host


_PROVIDERS = {
    "dbnomics": _Provider("DBnomics", _host(DBNOMICS_API), _read_dbnomics),
    "worldbank": _Provider("the World Bank", _host(WORLD_BANK_API), _read_worldbank),
}
PROVIDERS = tuple(_PROVIDERS)


def download(
    provider: str,
    series_id: str,
    *,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_FETCH_BYTES,
) -> FetchedSeries:
    """One series from a provider (see the module's docstring), or ClaimsError."""
    if provider not in _PROVIDERS:
        raise ClaimsError(f"Provider {provider!r} is not one of: {', '.join(PROVIDERS)}.")
    chosen = _PROVIDERS[provider]
    transport = _Transport(chosen.label, chosen.host, timeout, max_bytes)
    with _ONE_FETCH_AT_A_TIME:
        try:
            return chosen.read(series_id.strip(), transport)
        except ClaimsError:
            raise
        except Exception as exc:
            explained = _explain(chosen.label, series_id.strip(), exc, timeout)
            if explained is None:
                raise
            raise explained from None


def fetch_series(
    db: sqlite_utils.Database,
    provider: str,
    series_id: str,
    *,
    name: str | None = None,
    unit: str | None = None,
    frequency: str | None = None,
    means: str = "level",
    scale: float | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_FETCH_BYTES,
) -> FetchResult:
    """Fetch a series and store it as a new vintage (or nothing, when it has not
    changed). `name`, `unit`, `frequency` and `scale` replace what the provider says."""
    fetched = download(provider, series_id, timeout=timeout, max_bytes=max_bytes)
    label = _PROVIDERS[provider].label
    if not fetched.periods:
        raise ClaimsError(f"{fetched.source} has no observation with a value; {NOTHING_WRITTEN}")
    frequency = frequency or infer_frequency([p for p, _ in fetched.periods], fetched.source)
    spec = reference.SeriesSpec(
        name=(name or fetched.name).strip(),
        unit=(unit or fetched.unit or "").strip(),
        frequency=frequency,
        means=means,
        publisher=fetched.publisher,
        url=fetched.url,
        scale=fetched.scale if scale is None else scale,
    )
    if not spec.unit:
        raise ClaimsError(
            f"{_capitalised(label)} does not say the unit of {spec.name!r} plainly "
            f"({fetched.unit_label!r}): give --unit (percent, USD, index point, person...); "
            f"{NOTHING_WRITTEN}"
        )
    spec.check()
    observed = [
        (period, reference.scaled(value, spec.scale))
        for period, value in at_frequency(fetched.periods, frequency, fetched.source)
    ]
    _refuse_a_name_from_elsewhere(db, spec.name, fetched.source)
    imported = reference.store_observations(
        db, spec, observed, source=fetched.source, sha256=payload_sha256(fetched.source, observed)
    )
    return FetchResult(imported, label, series_id.strip(), observed[0][0], observed[-1][0])


def _refuse_a_name_from_elsewhere(db: sqlite_utils.Database, name: str, source: str) -> None:
    """Two series may share a provider's name (a dataset's growth rate for two
    countries under a short label): without this, one would become a "revision" of
    the other."""
    stored_from = reference.latest_source(db, name)
    if stored_from is not None and stored_from != source:
        raise ClaimsError(
            f"The ledger's series {name!r} came from {stored_from}, not {source}: give "
            f"this one another --name; {NOTHING_WRITTEN}"
        )
