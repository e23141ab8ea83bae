"""`comptoir search`: table and JSON output, exit codes, no traceback on bad input."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from pos.cli import main
from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.services.history import SalesHistoryService
from tests.support.builders import T0, order
from tests.support.clock import FakeClock


@pytest.fixture
def shop(sessions: SessionFactory, db_url: str) -> str:
    with sessions.begin() as s:
        record_order(s, order("10234", price=2495, days_ago=3))
        record_order(s, order("10235", first="Marc", last="Dupont", email=None, days_ago=1))
        record_order(
            s, order("10236", first="", last="", email="anon@example.com", price=100_000, at=T0)
        )
    return db_url


def test_json_lists_matches_newest_first(
    shop: str, sessions: SessionFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "hélène", "--db", shop, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # A script opens the order it found with the id the row carries.
    order_id = rows[0].pop("order_id")
    history = SalesHistoryService(sessions=sessions, clock=FakeClock(T0))
    assert history.order_detail(order_id).number == "10234"
    assert rows == [
        {
            "number": "10234",
            "placed_at": (T0 - timedelta(days=3)).isoformat(),
            "customer": "Hélène Lefèvre",
            "email": "helene.lefevre@example.fr",
            "total": "49.90",
            "currency": "EUR",
            "channel": "WEB",
        }
    ]


def test_table_is_aligned_with_amounts_in_the_locale(
    shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "1023", "--db", shop]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Number", "Date", "(UTC)", "Customer", "Total", "Channel"]
    assert [line.split()[0] for line in lines[1:4]] == ["10236", "10235", "10234"]
    assert "2 000,00\u00a0€" in lines[1].replace("\u202f", " ")
    assert "anon@example.com" in lines[1]
    assert lines[-1] == "3 orders"
    ends = {line.index("€") for line in lines[1:4]}
    assert len(ends) == 1  # totals right-aligned


def test_english_locale(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "10236", "--db", shop, "--locale", "en_US"]) == 0
    assert "€2,000.00" in capsys.readouterr().out


def test_limit_and_dates(shop: str, capsys: pytest.CaptureFixture[str]) -> None:
    day = (T0 - timedelta(days=1)).date().isoformat()
    assert main(["search", "1023", "--db", shop, "--json", "--since", day, "--until", day]) == 0
    assert [row["number"] for row in json.loads(capsys.readouterr().out)] == ["10235"]
    assert main(["search", "1023", "--db", shop, "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "1 order (more: raise --limit or narrow the dates)"


@pytest.mark.parametrize("query", ["nobody", "'; DROP TABLE orders; --", 'NEAR("*', "\x00😀"])
def test_nothing_matched_is_a_message_and_exit_1(
    shop: str, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", query, "--db", shop]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no order matches" in captured.err or "nothing to search for" in captured.err
    assert "Traceback" not in captured.err


def test_nothing_matched_in_json_is_an_empty_array(
    shop: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "x" * 10_000, "--db", shop, "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    "options",
    [
        ["--limit", "0"],
        ["--limit", "many"],
        ["--since", "2026-13-01"],
        ["--until", "yesterday"],
        ["--locale", "xx_NOWHERE"],
    ],
)
def test_bad_options_are_usage_errors(
    shop: str, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "hel", "--db", shop, *options])
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_unusable_database_is_a_message_and_exit_2(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "hel", "--db", "mysql://nowhere/db"]) == 2
    assert "is not a database Comptoir can use" in capsys.readouterr().err
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert main(["search", "hel", "--db", str(garbage)]) == 2
    err = capsys.readouterr().err
    assert f"{garbage} is not a database" in err and "Traceback" not in err
