"""docs/api.md runs: its examples are executed on a fresh SQLite file, so the page cannot rot."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from pos.db.engine import make_engine, make_sessions
from pos.db.records import CounterDocumentRecord, OutboxMessageRecord

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def run(source: str, namespace: dict[str, object]) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, str(DOC), "exec"), namespace)
    return out.getvalue().splitlines()


def test_the_first_example_is_a_complete_exchange_in_about_a_dozen_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the example opens "sqlite:///comptoir.sqlite3"
    first = python_blocks()[0]
    assert run(first, {"__name__": "api_example"}) == ["T1-000001 30.00 10.00", "6 4"]
    exchange = first.split("# The exchange.")[1]
    statements = [line for line in exchange.splitlines() if line.strip()]
    assert len(statements) <= 16  # "about a dozen lines", wrapped ones included
    engine = make_engine(f"sqlite:///{tmp_path / 'comptoir.sqlite3'}")
    try:
        with make_sessions(engine)() as s:
            (document,) = s.query(CounterDocumentRecord).all()
            assert (document.kind, document.balance_minor) == ("exchange", 3000)
            assert s.query(OutboxMessageRecord).count() > 0
    finally:
        engine.dispose()


def test_every_example_runs_in_order_on_one_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "api_example"}
    printed = [run(block, namespace) for block in python_blocks()]
    assert printed == [
        ["T1-000001 30.00 10.00", "6 4"],
        ["T1-000002 refund 29.90"],
        ["T1-000003 used"],
        ["KDO20190042 gift_card 2500 False"],
        ["Hélène Lefèvre 3 3 3 100% ['T1-000003', 'T1-000002', 'T1-000001']"],
    ]
    page = DOC.read_text(encoding="utf-8")
    assert all(f"`{line}`" in page for lines in printed for line in lines)  # the page says so
