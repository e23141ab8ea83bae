"""Stuck changes always have a way out, and abandoned Wix drafts are deleted or counted.

A parked or needs-review message is settled by a manager (done / resend / drop, with a reason,
audited) from the CLI or the service the sync screen uses; its dependents follow the decision.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from pos.cli import main
from pos.db.records import AuditEntryRecord, OutboxMessageRecord
from pos.services.sync_port import SyncReviewError
from pos.sync.push import PushReport
from pos.sync.service import SyncService
from pos.sync.status import read_status, resolve_review
from tests.sync import test_push
from tests.sync.test_push import (
    WixShop,
    comments,
    drain,
    exchange,
    messages,
    wix_counts,
    wix_id_of,
    wix_order,
)

ws = test_push.ws  # the fixture (on the shared `bare_wix` site)


def tamper(ws: WixShop, kind: str, **changes: Any) -> OutboxMessageRecord:
    with ws.shop.sessions.begin() as s:
        query = select(OutboxMessageRecord).where(OutboxMessageRecord.kind == kind)
        record = s.scalars(query).one()
        record.payload = {**record.payload, **changes}
        return record


def by_kind(ws: WixShop) -> dict[str, list[OutboxMessageRecord]]:
    found: dict[str, list[OutboxMessageRecord]] = {}
    for message in messages(ws):
        found.setdefault(message.kind, []).append(message)
    return found


def url_of(ws: WixShop) -> str:
    return ws.shop.sessions.kw["bind"].url.render_as_string(hide_password=False)


def park_the_replacement(ws: WixShop) -> tuple[int, Any]:
    """An exchange whose new order Wix refuses after making its draft (an id too long)."""
    order = wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    tamper(ws, "wix.create_replacement_order", external_order_id="x" * 101)
    report = ws.pusher.run_once()
    assert report == PushReport(sent=1, parked=1)
    return order, done


def test_a_parked_message_is_resolved_from_the_cli_and_its_dependents_go(
    ws: WixShop, capsys: pytest.CaptureFixture[str]
) -> None:
    # Wix refuses the exchange's refund for good: the four later steps wait behind it.
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    lines = tamper(ws, "wix.refund").payload["line_items"]
    tamper(ws, "wix.refund", line_items=[{**lines[0], "quantity": 200_000}])
    assert ws.pusher.run_once() == PushReport(parked=1)
    (parked,) = by_kind(ws)["wix.refund"]
    url = url_of(ws)
    assert main(["sync", "review", "--db", url]) == 0
    listed = capsys.readouterr().out
    assert f"{parked.id}  wix.refund" in listed and "(refused by Wix)" in listed
    # The manager drops it (the refund was made by hand on the dashboard), with a reason.
    assert main(["sync", "review", "--db", url, "--resolve", str(parked.id), "--as", "drop",
                 "--reason", "refunded by hand"]) == 0  # fmt: skip
    assert "drop (1 message(s) settled)" in capsys.readouterr().out
    assert drain(ws) == PushReport(sent=4)  # the dependents follow
    assert wix_counts(ws) == {"done": 5}
    with ws.shop.sessions() as s:
        (audit,) = s.scalars(select(AuditEntryRecord).where(
            AuditEntryRecord.action == "sync_review_resolved")).all()  # fmt: skip
    assert audit.data["decision"] == "drop" and audit.data["reason"] == "refunded by hand"
    # A message that is not stuck has no decision to take: a plain sentence, exit 1.
    assert main(["sync", "review", "--db", url, "--resolve", str(parked.id), "--as", "done",
                 "--reason", "again"]) == 1  # fmt: skip
    assert "is not waiting for a decision" in capsys.readouterr().err
    assert main(["sync", "status", "--db", url]) == 0
    assert "1 done with a note" in capsys.readouterr().out


def test_dropping_a_replacement_order_drops_what_needs_it_and_deletes_its_draft(
    ws: WixShop,
) -> None:
    order, done = park_the_replacement(ws)
    (replacement,) = by_kind(ws)["wix.create_replacement_order"]
    draft_id = replacement.journal["draft_id"]
    assert draft_id in ws.fake.state.drafts  # Wix made the draft before refusing the order
    # A manager drops the new order from the sync screen (the service it calls).
    sync = SyncService(None, sessions=ws.shop.sessions, clock=ws.shop.clock)
    with pytest.raises(SyncReviewError):
        sync.resolve(ws.shop.manager, replacement.id, "drop", "  ")
    sync.resolve(ws.shop.manager, replacement.id, "drop", "customer took a refund instead")
    kinds = by_kind(ws)
    assert kinds["wix.add_payment"][0].state == "done"  # dropped with it
    assert "dropped with message" in kinds["wix.add_payment"][0].last_error
    drain(ws)
    assert wix_counts(ws) == {"done": 6}
    # The original's comment went without the missing number; the draft is gone from Wix.
    assert comments(ws.fake.state.get_order(wix_id_of(ws, order))) == [
        f"Exchange {done.number}: replacement order (not created on Wix)"
    ]
    assert draft_id not in ws.fake.state.drafts
    assert ws.fake.state.orders_with_external_id(done.document_id) == []
    status = read_status(ws.shop.sessions, leader=True)
    assert status.drafts_deleted == 1 and status.needs_review == status.parked == 0


def test_a_replacement_marked_done_is_found_on_wix_for_its_dependents(ws: WixShop) -> None:
    order, done = park_the_replacement(ws)
    (replacement,) = by_kind(ws)["wix.create_replacement_order"]
    # The manager made the order by hand on Wix, with the exchange's id, and says so.
    made = ws.fake.state.add_order([("T-S-L", 1)], payments=None, channel="POS",
                                   external_order_id=done.document_id)  # fmt: skip
    ids = resolve_review(ws.shop.sessions, ws.shop.clock, message_id=replacement.id,
                         decision="done", reason="made by hand")  # fmt: skip
    assert ids == [replacement.id]
    drain(ws)
    assert wix_counts(ws) == {"done": 6}
    payments = ws.fake.state.get_transactions(made["id"])["payments"]
    assert [p["amount"]["amount"] for p in payments] == ["29.90"]
    assert comments(ws.fake.state.get_order(wix_id_of(ws, order))) == [
        f"Exchange {done.number}: replacement order {made['number']}"
    ]
    # Its draft was never committed: abandoned, so deleted.
    assert replacement.journal["draft_id"] not in ws.fake.state.drafts


def test_resend_of_a_parked_message_sends_it_again(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    exchange(ws, order)
    lines = tamper(ws, "wix.refund").payload["line_items"]
    tamper(ws, "wix.refund", line_items=[{**lines[0], "quantity": 200_000}])
    assert ws.pusher.run_once() == PushReport(parked=1)
    tamper(ws, "wix.refund", line_items=lines)  # (the payload mended)
    (parked,) = by_kind(ws)["wix.refund"]
    assert resolve_review(ws.shop.sessions, ws.shop.clock, message_id=parked.id,
                          decision="resend", reason="fixed") == [parked.id]  # fmt: skip
    assert drain(ws) == PushReport(sent=5)


def test_a_lost_draft_answer_is_counted_and_the_exchange_still_lands_once(ws: WixShop) -> None:
    order = wix_order(ws, [("T-S-M", 1)])
    done = exchange(ws, order)
    ws.fake.faults.next("POST /ecom/v1/draft-orders", "drop-after")
    drain(ws)
    assert len(ws.fake.state.orders_with_external_id(done.document_id)) == 1
    assert len(ws.fake.state.drafts) == 2  # the lost one stays: Wix cannot list drafts
    status = read_status(ws.shop.sessions, leader=True)
    assert status.drafts_unknown == 1 and status.drafts_deleted == 0
