"""The dashboard over a file that is not a ledger of this version."""

from __future__ import annotations

import sqlite3

import pytest

from claims import config, store
from tests.pages.conftest import open_page
from tests.pages.test_pages import plain
from tests.test_damaged_ledger import _damage_table


def test_a_foreign_database_is_named_and_left_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    monkeypatch.setenv(config.ENV_VAR, str(path))
    at = open_page("claims")
    assert not at.exception
    assert f"{path} is not a claims ledger" in " ".join(plain(e) for e in at.error)
    assert path.read_bytes() == before


def test_a_newer_ledger_is_shown_read_only_and_refuses_a_change(ledger_path):
    conn = sqlite3.connect(ledger_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('claims', '9999_from_a_later_version', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    at = open_page("claims", reviewer="A. Reviewer")
    assert not at.exception
    assert any("newer version" in plain(w) for w in at.sidebar.warning)
    assert len(at.dataframe[0].value) == 50
    claim_id = int(at.dataframe[0].value["id"].iloc[0])
    at = open_page("claims", query={"claim": str(claim_id)}, reviewer="A. Reviewer")
    suffix = f"{claim_id}_1"
    at.selectbox(key=f"s_new_{suffix}").set_value("verified")
    at.text_area(key=f"s_note_{suffix}").input("checked")
    at.button(key=f"s_go_{suffix}").click().run()
    assert not at.exception
    assert [plain(e) for e in at.error] == [
        "Status not changed: This ledger is open read-only; nothing was changed."
    ]
    assert store.open_for_reading(ledger_path)["reviews"].count == 0


@pytest.mark.parametrize("page", ["claims", "compare", "overview"])
def test_a_page_reading_a_damaged_ledger_says_so_without_a_trace(ledger_path, page):
    _damage_table(ledger_path, "claims")
    at = open_page(page)
    assert not at.exception
    errors = " ".join(plain(e) for e in at.error)
    assert f"{ledger_path} is damaged" in errors
    assert "PRAGMA integrity_check" in errors
