"""`comptoir demo-data`: progress on stderr, a one-line summary, a clear refusal."""

from __future__ import annotations

import pytest

from pos.cli import main


def test_demo_data_fills_an_empty_database(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["demo-data", "--db", db_url, "--orders", "250", "--seed", "4"]
    assert main([*args, "--now", "2026-11-30T12:00:00Z"]) == 0
    out, err = capsys.readouterr()
    assert "250 / 250 orders" in err
    assert out.count("\n") == 1
    assert "200 products" in out and "250 orders" in out

    assert main(args) == 1  # a second run would mix two shops: refused
    out, err = capsys.readouterr()
    assert out == "" and "already holds 250 orders" in err


def test_orders_must_be_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo-data", "--orders", "-5"])
    assert "must not be negative" in capsys.readouterr().err
