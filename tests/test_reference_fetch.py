"""Reference series fetched from DBnomics and the World Bank, on recorded answers.

The real clients (dbnomics, wbgapi) and requests run; only requests' transport is
replaced, by one that serves the answers recorded in tests/fixtures/reference_fetch/
for the exact URLs the clients ask for. The network itself is shut: resolving a name
or opening a connection raises NetworkUsed, a BaseException that no client's retries
or error handling can mistake for an ordinary failure, so a test that reaches for the
network fails loudly. The offline tests put back socket functions that fail the way
an offline computer's do, and the real requests and urllib3 code meets them.
"""

from __future__ import annotations

import copy
import errno
import io
import json
import socket
from pathlib import Path

import pytest
import requests.adapters
import urllib3

from claims import reference, store
from claims.cli import main
from claims.fetch import DEFAULT_TIMEOUT, USER_AGENT
from claims.model import ClaimsError
from claims.reference_fetch import (
    at_frequency,
    fetch_series,
    infer_frequency,
    payload_sha256,
    stated_scale,
    unit_in_vocabulary,
)

dbnomics = pytest.importorskip("dbnomics")
pytest.importorskip("wbgapi")

FIXTURES = Path(__file__).parent / "fixtures" / "reference_fetch"
WEO = "IMF/WEO:2023-10/USA.NGDP_RPCH.pcent_change"
WEO_NAME = "United States – Gross domestic product, constant prices – Percent change"
BLS = "BLS/ln/LNS14000000"
WB_GDP = "NY.GDP.MKTP.CD:USA"


class NetworkUsed(BaseException):
    """A test reached for the network."""


class Recorded:
    """requests' transport replaced by recorded answers, keyed by URL."""

    def __init__(self) -> None:
        self.answers: dict[str, dict] = {}
        self.requests: list[tuple[requests.PreparedRequest, dict]] = []

    def add(self, fixture: str, edit=None, **response_changes) -> dict:
        """Serve a fixture's answer; `edit` may change a copy of its JSON first."""
        record = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
        response = {**record["response"], **response_changes}
        response["json"] = copy.deepcopy(response["json"])
        if edit is not None:
            edit(response["json"])
        self.answers[record["request"]["url"]] = response
        return response

    def send(self, adapter, request, **kwargs):
        self.requests.append((request, kwargs))
        if request.url not in self.answers:
            raise NetworkUsed(f"no recorded answer for {request.url}")
        answer = self.answers[request.url]
        body = answer.get("body") or json.dumps(answer["json"]).encode("utf-8")
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(body),
            headers=answer["headers"],
            status=answer["status"],
            reason=answer["reason"],
            preload_content=False,
        )
        return adapter.build_response(request, raw)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise NetworkUsed(f"a test tried to reach the network: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    # dbnomics waits up to seconds between its retries; the tests need not.
    monkeypatch.setattr(dbnomics._fetch_response.retry, "sleep", lambda seconds: None)


@pytest.fixture
def recorded(monkeypatch) -> Recorded:
    replay = Recorded()
    monkeypatch.setattr(
        requests.adapters.HTTPAdapter,
        "send",
        lambda adapter, request, **kwargs: replay.send(adapter, request, **kwargs),
    )
    return replay


@pytest.fixture
def db(tmp_path):
    return store.connect(tmp_path / "ledger.db")


def nothing_stored(db) -> bool:
    return (
        db.execute("SELECT count(*) FROM reference_observations").fetchone()[0] == 0
        and reference.list_series(db) == []
    )


def revise_dbnomics(period: str, value: float):
    def edit(answer):
        doc = answer["series"]["docs"][0]
        doc["value"][doc["period"].index(period)] = value

    return edit


# ---------------------------------------------------------------- DBnomics


def test_a_dbnomics_series_is_stored_with_its_metadata_and_periods(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    result = fetch_series(db, "dbnomics", WEO)
    assert (result.imported.vintage, result.imported.observations) == (1, 14)
    values = dict(reference.observations(db, WEO_NAME))
    assert (values["2020"], values["2021"], values["2028"]) == (-2.767, 5.945, 2.112)
    series = reference.series_row(db, WEO_NAME)
    assert (series["unit"], series["frequency"], series["means"]) == ("percent", "year", "level")
    assert series["publisher"] == "International Monetary Fund (via DBnomics)"
    assert series["url"] == f"https://db.nomics.world/{WEO}"
    imported = db.execute("SELECT file_name, sha256 FROM reference_imports").fetchone()
    assert imported[0] == f"dbnomics:{WEO}"
    assert imported[1] == payload_sha256(f"dbnomics:{WEO}", reference.observations(db, WEO_NAME))


def test_a_revised_dbnomics_series_is_a_new_vintage_and_the_first_is_kept(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    fetch_series(db, "dbnomics", WEO)
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json", revise_dbnomics("2022", 2.1))
    result = fetch_series(db, "dbnomics", WEO)
    assert not result.imported.unchanged and result.imported.vintage == 2
    assert dict(reference.observations(db, WEO_NAME))["2022"] == 2.1
    assert dict(reference.observations(db, WEO_NAME, vintage=1))["2022"] == 1.935
    digests = {row[0] for row in db.execute("SELECT sha256 FROM reference_imports")}
    assert len(digests) == 2


def test_the_same_dbnomics_data_again_changes_nothing(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    fetch_series(db, "dbnomics", WEO)
    # The answer's own timestamps move on; the observations do not.
    recorded.add(
        "dbnomics-imf-weo-usa-gdp-growth.json",
        lambda answer: answer["series"]["docs"][0].update(indexed_at="2024-02-01T00:00:00Z"),
    )
    again = fetch_series(db, "dbnomics", WEO)
    assert again.imported.unchanged and again.imported.vintage == 1
    assert str(again) == f"{WEO_NAME}: DBnomics gives the same observations as vintage 1; " \
        "nothing changed."  # fmt: skip
    assert db.execute("SELECT count(*) FROM reference_imports").fetchone()[0] == 1


def test_a_monthly_dbnomics_series_is_stored_by_month(db, recorded):
    recorded.add("dbnomics-bls-ln-unemployment-rate.json")
    fetch_series(db, "dbnomics", BLS, name="US unemployment rate", unit="percent")
    observed = reference.observations(db, "US unemployment rate")
    assert observed[0] == ("2023-01", 3.4) and observed[-1] == ("2023-12", 3.7)
    assert len(observed) == 12
    series = reference.series_row(db, "US unemployment rate")
    assert (series["frequency"], series["publisher"]) == (
        "month",
        "U.S. Bureau of Labor Statistics (via DBnomics)",
    )


def in_us_dollars(unit_label: str, multiplier: str | None = None):
    """The WEO answer restated as a level in dollars: its unit dimension's label, and
    optionally a UNIT_MULT dimension (SDMX: a power of ten) as some datasets carry."""

    def edit(answer):
        dataset = answer["datasets"]["IMF/WEO:2023-10"]
        dataset["dimensions_values_labels"]["unit"] = {"pcent_change": unit_label}
        if multiplier is not None:
            dataset["dimensions_codes_order"].append("UNIT_MULT")
            dataset["dimensions_labels"]["UNIT_MULT"] = "Unit multiplier"
            dataset["dimensions_values_labels"]["UNIT_MULT"] = {multiplier: "Millions"}
            answer["series"]["docs"][0]["dimensions"]["UNIT_MULT"] = multiplier

    return edit


def test_a_dbnomics_unit_in_billions_is_stored_in_full_and_the_scale_recorded(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json", in_us_dollars("Billions of U.S. dollars"))
    result = fetch_series(db, "dbnomics", WEO, name="US GDP")
    assert str(result).endswith(
        "(vintage 1), stated in billions and stored in full (x 1,000,000,000)."
    )
    assert reference.series_row(db, "US GDP")["unit"] == "USD"
    assert dict(reference.observations(db, "US GDP"))["2021"] == 5.945e9
    assert db.execute("SELECT scale FROM reference_imports").fetchone()[0] == 1e9


def test_a_dbnomics_unit_multiplier_dimension_is_the_scale(db, recorded):
    recorded.add(
        "dbnomics-imf-weo-usa-gdp-growth.json", in_us_dollars("U.S. dollars", multiplier="6")
    )
    fetch_series(db, "dbnomics", WEO, name="US GDP")
    assert dict(reference.observations(db, "US GDP"))["2020"] == -2.767e6
    assert reference.list_series(db)[0]["scale"] == 1e6


def test_a_scale_given_replaces_the_providers(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json", in_us_dollars("Billions of U.S. dollars"))
    fetch_series(db, "dbnomics", WEO, name="US GDP", scale=1e6)
    assert dict(reference.observations(db, "US GDP"))["2021"] == 5.945e6


def test_a_missing_value_is_left_out(db, recorded):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json", revise_dbnomics("2016", "NA"))
    result = fetch_series(db, "dbnomics", WEO)
    assert result.imported.observations == 13
    assert "2016" not in dict(reference.observations(db, WEO_NAME))


def test_a_value_that_is_no_number_refuses_the_series(db, recorded):
    recorded.add("worldbank-gdp-usa.json", lambda a: a["source"]["data"][3].update(value="n/a"))
    with pytest.raises(ClaimsError, match=r"gives 'n/a' for 2018, not a number"):
        fetch_series(db, "worldbank", WB_GDP)
    assert nothing_stored(db)


def test_a_series_without_a_plain_unit_needs_one_given(db, recorded):
    recorded.add("dbnomics-bls-ln-unemployment-rate.json")
    with pytest.raises(ClaimsError, match=r"does not say the unit .* give --unit"):
        fetch_series(db, "dbnomics", BLS)
    assert nothing_stored(db)


def test_a_frequency_given_rewrites_the_periods_or_refuses_to_average(db, recorded):
    recorded.add("dbnomics-bls-ln-unemployment-rate.json")
    with pytest.raises(ClaimsError, match="more than one value for 2023-Q1 at --frequency"):
        fetch_series(db, "dbnomics", BLS, unit="percent", frequency="quarter")
    assert nothing_stored(db)
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    with pytest.raises(ClaimsError, match="the period '2015', which is no month"):
        fetch_series(db, "dbnomics", WEO, frequency="month")
    assert nothing_stored(db)


@pytest.mark.parametrize(
    ("fixture", "series_id"),
    [
        ("dbnomics-unknown-series.json", "IMF/WEO:2023-10/USA.NOPE.pcent_change"),
        ("dbnomics-unknown-dataset.json", "IMF/NOPE/USA.NGDP_RPCH"),
    ],
)
def test_a_series_dbnomics_does_not_have_is_one_line_and_nothing_written(
    db, recorded, fixture, series_id
):
    recorded.add(fixture)
    with pytest.raises(ClaimsError) as refused:
        fetch_series(db, "dbnomics", series_id)
    assert str(refused.value) == f"DBnomics has no series {series_id}; nothing was written."
    assert nothing_stored(db)


def test_a_malformed_dbnomics_id_is_refused_before_any_request(db, recorded):
    with pytest.raises(ClaimsError, match="PROVIDER/DATASET/SERIES"):
        fetch_series(db, "dbnomics", "LNS14000000")
    assert recorded.requests == []


# ---------------------------------------------------------------- the World Bank


def test_a_world_bank_series_is_stored_with_its_metadata_and_periods(db, recorded):
    recorded.add("worldbank-gdp-usa.json")
    result = fetch_series(db, "worldbank", WB_GDP)
    name = "GDP (current US$), United States"
    assert result.imported.series == name and result.imported.vintage == 1
    observed = reference.observations(db, name)
    # 2024 has no value yet: left out, as an empty cell in a file is.
    assert observed[0] == ("2015", 18295019000000.0)
    assert observed[-1] == ("2023", 27360935000000.0)
    assert len(observed) == 9
    series = reference.series_row(db, name)
    assert (series["unit"], series["frequency"]) == ("USD", "year")
    assert series["publisher"] == "World Bank (World Development Indicators)"
    source, scale = db.execute("SELECT file_name, scale FROM reference_imports").fetchone()
    assert source == "worldbank:NY.GDP.MKTP.CD:USA"
    assert scale == 1  # "current US$": the values are in dollars already


def test_a_revised_world_bank_series_is_a_new_vintage_and_the_first_is_kept(db, recorded):
    recorded.add("worldbank-gdp-usa.json")
    fetch_series(db, "worldbank", WB_GDP, name="US GDP")
    assert fetch_series(db, "worldbank", WB_GDP, name="US GDP").imported.unchanged

    def revise(answer):
        answer["source"]["data"][8]["value"] = 27720709000000.0  # 2023, revised

    recorded.add("worldbank-gdp-usa.json", revise)
    result = fetch_series(db, "worldbank", WB_GDP, name="US GDP")
    assert result.imported.vintage == 2
    assert dict(reference.observations(db, "US GDP"))["2023"] == 27720709000000.0
    assert dict(reference.observations(db, "US GDP", vintage=1))["2023"] == 27360935000000.0


def test_an_indicator_the_world_bank_does_not_have_is_one_line(db, recorded):
    recorded.add("worldbank-unknown-indicator.json")
    with pytest.raises(ClaimsError) as refused:
        fetch_series(db, "worldbank", "NY.GDP.NOPE:USA")
    assert str(refused.value) == (
        "The World Bank has no series NY.GDP.NOPE:USA (it says: Invalid value: The provided "
        "parameter value is not valid); nothing was written."
    )
    assert nothing_stored(db)


@pytest.mark.parametrize("series_id", ["NY.GDP.MKTP.CD", "NY.GDP.MKTP.CD:USA;GBR", "USA"])
def test_a_malformed_world_bank_id_is_refused(db, recorded, series_id):
    with pytest.raises(ClaimsError, match=r"INDICATOR:ECONOMY"):
        fetch_series(db, "worldbank", series_id)
    assert recorded.requests == []


# ---------------------------------------------------------------- the rules of fetching


def test_requests_carry_the_article_fetching_timeouts_and_user_agent(db, recorded):
    recorded.add("worldbank-gdp-usa.json")
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    fetch_series(db, "worldbank", WB_GDP)
    fetch_series(db, "dbnomics", WEO)
    assert len(recorded.requests) == 2
    for request, options in recorded.requests:
        assert request.url.startswith("https://")
        assert request.headers["User-Agent"] == USER_AGENT
        assert options["timeout"] == DEFAULT_TIMEOUT
        assert options["stream"] is True  # so that the body is counted as it comes


@pytest.mark.parametrize(("provider", "series_id"), [("dbnomics", WEO), ("worldbank", WB_GDP)])
def test_an_answer_over_the_size_cap_is_refused(db, recorded, provider, series_id):
    recorded.add("dbnomics-imf-weo-usa-gdp-growth.json")
    recorded.add("worldbank-gdp-usa.json")
    with pytest.raises(ClaimsError, match="larger than the limit of 1000 bytes"):
        fetch_series(db, provider, series_id, max_bytes=1000)
    assert nothing_stored(db)


def test_a_declared_length_over_the_cap_is_refused_before_reading(db, recorded):
    answer = recorded.add("worldbank-gdp-usa.json")
    answer["headers"] = {**answer["headers"], "Content-Length": str(50 * 1024 * 1024)}
    with pytest.raises(ClaimsError, match="larger than the limit of 10 MB"):
        fetch_series(db, "worldbank", WB_GDP)
    assert nothing_stored(db)


def test_a_redirect_away_from_the_provider_is_not_followed(db, recorded):
    answer = recorded.add("worldbank-gdp-usa.json", status=302, reason="Found")
    answer["headers"] = {"Location": "http://169.254.169.254/latest/meta-data/"}
    answer["body"] = b""
    with pytest.raises(ClaimsError, match=r"Refused to follow the World Bank to http://169"):
        fetch_series(db, "worldbank", WB_GDP)
    assert len(recorded.requests) == 1  # the metadata address was never asked
    assert nothing_stored(db)


@pytest.mark.parametrize(
    ("provider", "series_id", "said"),
    [("dbnomics", WEO, "DBnomics"), ("worldbank", WB_GDP, "the World Bank")],
)
def test_offline_is_one_line_and_nothing_written(db, monkeypatch, provider, series_id, said):
    # An offline computer: names resolve from a cache, but no route leads anywhere.
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                 ("192.0.2.1", 443))]
    )  # fmt: skip

    def unreachable(sock, address):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    with pytest.raises(ClaimsError) as refused:
        fetch_series(db, provider, series_id)
    assert (
        str(refused.value) == f"Could not reach {said} (network unreachable); nothing was written."
    )
    assert nothing_stored(db)


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (requests.ConnectTimeout(), "DBnomics did not accept a connection within 5 s"),
        (requests.ReadTimeout(), "DBnomics did not answer within 15 s"),
        # A body that stalls half-way, as requests' reader reports it.
        (
            requests.ConnectionError(urllib3.exceptions.ReadTimeoutError(None, "/", "timed out")),
            "DBnomics did not answer within 15 s",
        ),
    ],
)
def test_a_provider_that_does_not_answer_in_time_is_one_line(db, monkeypatch, failure, message):
    def too_slow(adapter, request, **kwargs):
        raise failure

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", too_slow)
    with pytest.raises(ClaimsError) as refused:
        fetch_series(db, "dbnomics", WEO)
    assert str(refused.value) == f"{message}; nothing was written."
    assert nothing_stored(db)


def test_no_name_service_is_one_line_too(db, monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(ClaimsError, match=r"^Could not reach DBnomics \(its name could not be"):
        fetch_series(db, "dbnomics", WEO)
    assert nothing_stored(db)


def test_a_name_from_another_source_is_not_revised_by_a_fetch(db, recorded, tmp_path):
    path = tmp_path / "gdp.csv"
    path.write_text("Date,Value\n2023,27\n", encoding="utf-8")
    spec = reference.SeriesSpec(name="US GDP", unit="USD", frequency="year")
    reference.import_file(db, path, spec)
    recorded.add("worldbank-gdp-usa.json")
    with pytest.raises(ClaimsError, match="came from gdp.csv, not worldbank:NY.GDP.MKTP.CD:USA"):
        fetch_series(db, "worldbank", WB_GDP, name="US GDP")
    assert reference.observations(db, "US GDP") == [("2023", 27.0)]


def test_without_the_client_installed_the_message_says_what_to_install(db, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "wbgapi", None)
    with pytest.raises(ClaimsError, match="needs the 'wbgapi' package"):
        fetch_series(db, "worldbank", WB_GDP)


# ---------------------------------------------------------------- small parts


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("Percent change", "percent"),
        ("Unemployment, total (% of total labor force) (modeled ILO estimate)", "percent"),
        ("GDP (current US$)", "USD"),
        ("GDP per capita (current US$)", "USD"),
        ("U.S. dollars", "USD"),
        ("Index, 2015=100", "index point"),
        ("Percentage points", "percentage point"),
        ("Billions of U.S. dollars", "USD"),  # its scale is read apart (stated_scale)
        ("Official exchange rate (LCU per US$, period average)", None),
        ("Population, total", None),
        ("(Seas) Unemployment Rate", None),
    ],
)
def test_a_provider_unit_becomes_the_spec_vocabulary_only_when_plain(label, unit):
    assert unit_in_vocabulary(label) == unit


@pytest.mark.parametrize(
    ("label", "scale"),
    [
        ("Billions of U.S. dollars", 1e9),
        ("Millions of US dollars", 1e6),
        ("Number in thousands", 1e3),
        ("GDP (current US$)", 1.0),
        ("Percent change", 1.0),
        ("Hospital beds (per thousand people)", 1.0),  # a rate, not a scale
        ("Exports, bn USD", 1e9),
    ],
)
def test_a_providers_scale_is_read_from_its_unit_label(label, scale):
    assert stated_scale(label) == scale


def test_the_frequency_is_read_from_the_periods():
    assert infer_frequency(["2019", "2020"], "x") == "year"
    assert infer_frequency(["2019-Q4", "2020-Q1"], "x") == "quarter"
    assert infer_frequency(["2019-12", "2020-01"], "x") == "month"
    assert infer_frequency(["2019-12-31", "2020-01-02"], "x") == "day"
    with pytest.raises(ClaimsError, match="periods like '2020-W04'"):
        infer_frequency(["2020-W04", "2020-W05"], "x")
    with pytest.raises(ClaimsError, match="mixes periods of month and year"):
        infer_frequency(["2019", "2020-01"], "x")
    assert at_frequency([("2020-02-14", 1.0)], "month", "x") == [("2020-02", 1.0)]


def test_the_digest_depends_on_the_observations_only_in_one_serialisation():
    one = payload_sha256("worldbank:X:USA", [("2020", 1.0), ("2021", 2.0)])
    assert one == payload_sha256("worldbank:X:USA", [("2020", 1.0), ("2021", 2.0)])
    assert one != payload_sha256("worldbank:X:USA", [("2020", 1.0), ("2021", 2.5)])
    assert one != payload_sha256("worldbank:X:GBR", [("2020", 1.0), ("2021", 2.0)])


# ---------------------------------------------------------------- the command line


def test_the_command_line_fetches_refetches_and_refuses(tmp_path, recorded, capsys):
    path = tmp_path / "ledger.db"
    store.connect(path).close()
    recorded.add("worldbank-gdp-usa.json")
    fetch = ["reference", "fetch", "worldbank", WB_GDP, "--name", "US GDP", "--db", str(path)]
    assert main(fetch) == 0
    assert capsys.readouterr().out == (
        "US GDP: 9 observations from 2015 to 2023, fetched from the World Bank "
        "NY.GDP.MKTP.CD:USA (vintage 1).\n"
    )
    assert main(fetch) == 0
    assert capsys.readouterr().out == (
        "US GDP: the World Bank gives the same observations as vintage 1; nothing changed.\n"
    )
    recorded.add("worldbank-gdp-usa.json", lambda a: a["source"]["data"][0].update(value=1.0))
    assert main(fetch) == 0
    assert "(vintage 2; vintage 1 is kept)." in capsys.readouterr().out

    recorded.add("dbnomics-unknown-series.json")
    missing = "IMF/WEO:2023-10/USA.NOPE.pcent_change"
    assert main(["reference", "fetch", "dbnomics", missing, "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"error: DBnomics has no series {missing}; nothing was written.\n"
