"""`comptoir requests`: list, show, approve, reject; refusals as sentences and exit codes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.engine import make_engine, make_sessions
from pos.db.records import OrderLineRecord
from pos.services.return_requests import RequestedLine, ReturnRequestService
from tests.support.shop import build_shop, sell


def two_requests(db_url: str) -> tuple[int, int]:
    engine = make_engine(db_url)
    try:
        shop = build_shop(make_sessions(engine))
        order = sell(shop, "10600", [("T-S-M", 2)])
        with shop.sessions() as s:
            line = s.scalar(select(OrderLineRecord.id).where(OrderLineRecord.order_id == order))
        assert line is not None
        service = ReturnRequestService(sessions=shop.sessions, clock=shop.clock)
        first = service.record(shop.manager, order, [RequestedLine(line, 1, "too small")],
                               reason="size")
        second = service.record(shop.manager, order, [RequestedLine(line, 1)], reason="colour")
        return first.request_id, second.request_id
    finally:
        engine.dispose()


def test_list_approve_reject_and_show(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = two_requests(db_url)
    assert main(["requests", "list", "--json", "--db", db_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in listed["to_decide"]] == [first, second]
    assert listed["to_decide"][0]["amount"] == "29.90" and not listed["approved"]
    assert main(["requests", "approve", str(first), "--json", "--db", db_url]) == 0
    approved = json.loads(capsys.readouterr().out)
    assert approved["state"] == "approved" and approved["number"].startswith("RA-")
    assert approved["qr"] == f"CPT:A:{approved['number']}"
    assert main(["requests", "reject", str(second), "--reason", "worn", "--db", db_url]) == 0
    assert "reason given: worn" in capsys.readouterr().out
    assert main(["requests", "show", str(first), "--db", db_url]) == 0
    shown = capsys.readouterr().out
    assert approved["number"] in shown and "1 x T-shirt coton bio  too small" in shown
    assert main(["requests", "list", "--db", db_url]) == 0
    assert "to_decide (0)\napproved (1)\n" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["approve", "999"], "no return request has the id 999"),
    (["reject", "1", "--reason", "  "], "a rejection needs a reason"),
])
def test_refusals_are_one_sentence_and_exit_1(
    db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["requests", *argv, "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_second_decision_is_refused(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = two_requests(db_url)
    assert main(["requests", "reject", str(first), "--reason", "no", "--db", db_url]) == 0
    capsys.readouterr()
    assert main(["requests", "approve", str(first), "--db", db_url]) == 1
    assert "the request is rejected: it cannot become approved" in capsys.readouterr().err
