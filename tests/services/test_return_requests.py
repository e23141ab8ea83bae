"""Return requests on both databases: record → approve → e-mail → scan → draft → commit → used;
reject; expire; over-approved quantities refused at commit with nothing written; cashiers
refused where a manager is needed."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from pos.db.engine import SessionFactory
from pos.db.records import (
    AuditEntryRecord,
    CounterDocumentRecord,
    OrderLineRecord,
    OrderRecord,
    OutboxMessageRecord,
    ReturnRequestRecord,
)
from pos.domain.money import Money
from pos.domain.return_requests import RequestState, authorisation_payload
from pos.domain.returns import ReturnRequest
from pos.domain.scan import ScanKind, classify_scan
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import PermissionDeniedError
from pos.services.policy import PolicyService
from pos.services.return_requests import (
    RequestCounts,
    RequestedLine,
    ReturnRequestError,
    ReturnRequestService,
)
from pos.services.returns import Notify
from pos.sync.mail import MailDispatcher, SmtpSettings
from tests.support.shop import Shop, build_shop, sell
from tests.support.smtp import SmtpTestServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def requests(shop: Shop) -> ReturnRequestService:
    return ReturnRequestService(sessions=shop.sessions, clock=shop.clock, shop_name="Lumière")


def lines_of(shop: Shop, order_id: int) -> list[int]:
    with shop.sessions() as s:
        return list(s.scalars(select(OrderLineRecord.id).where(OrderLineRecord.order_id == order_id)
                              .order_by(OrderLineRecord.position)))


def count(shop: Shop, record: type) -> int:
    with shop.sessions() as s:
        return s.scalar(select(func.count()).select_from(record)) or 0


def deliver(shop: Shop, server: SmtpTestServer) -> None:
    settings = SmtpSettings(host="127.0.0.1", port=server.port, starttls=False,
                            sender="boutique@lumiere.example", timeout=5.0)
    MailDispatcher(sessions=shop.sessions, settings=settings, clock=shop.clock,
                   rng=random.Random(1)).run_once()


def test_request_approve_mail_scan_draft_commit_used(
    shop: Shop, requests: ReturnRequestService, smtp_server: SmtpTestServer, tmp_path
) -> None:
    # Hélène bought two T-shirts and a jean; she asks to return one T-shirt, with a photo.
    order = sell(shop, "10500", [("T-S-M", 2), ("JEA-M", 1)])
    shirt, _jean = lines_of(shop, order)
    view = requests.record(shop.manager, order, [RequestedLine(shirt, 1, "too small")],
                           reason="size", note="sent by e-mail", photos=[PNG])
    assert view.effective is RequestState.REQUESTED and view.authorisation_number is None
    assert [(x.quantity, x.reason, x.amount) for x in view.lines] == [
        (1, "too small", Money(2990, "EUR"))]
    assert view.photos[0].content_type == "image/png"
    assert requests.photo(view.request_id, view.photos[0].photo_id) == ("image/png", PNG)
    assert requests.counts() == RequestCounts(1, 0, 0)
    # A manager approves: a number, valid 14 days, and the customer's e-mail queued.
    approved = requests.approve(shop.manager, view.request_id)
    assert approved.effective is RequestState.APPROVED
    assert approved.expires_at == shop.clock.now() + timedelta(days=14)
    number = approved.authorisation_number
    assert number and approved.qr_payload == authorisation_payload(number)
    assert requests.counts() == RequestCounts(0, 1, 0)
    # The sync thread sends it: French, the number in the text, the QR code inline.
    deliver(shop, smtp_server)
    [received] = smtp_server.messages
    message = received.message
    assert received.rcpt_tos == ("helene@example.fr",)
    assert number in message["Subject"] and number in message.get_body(("plain",)).get_content()
    [image] = [part for part in message.walk() if part.get_content_type() == "image/png"]
    path = tmp_path / "qr.png"
    path.write_bytes(image.get_content())
    [decoded] = zxingcpp.read_barcodes(Image.open(path))
    assert decoded.text == approved.qr_payload
    # At the counter the QR is scanned (or the number typed, in lower case, without dashes).
    assert classify_scan(decoded.text).kind is ScanKind.RETURN_AUTHORISATION
    found = requests.find_authorisation(decoded.text)
    assert requests.find_authorisation(number.lower().replace("-", " ")) == found
    order_id, draft = requests.draft_for(found.request_id)
    assert order_id == order and draft.return_request_id == found.request_id
    assert draft.returns == (ReturnRequest(str(shirt), 1, reason="too small"),)
    refund = shop.returns.quote(order_id, draft).to_refund
    done = shop.returns.commit(shop.cashier, order_id, draft, [Tender(TenderMethod.CASH, refund)])
    used = requests.detail(found.request_id)
    assert used.effective is RequestState.USED and used.document_id == done.document_id
    assert requests.counts() == RequestCounts(0, 0, 0)
    with shop.sessions() as s:
        audited = s.scalars(select(AuditEntryRecord.data)
                            .where(AuditEntryRecord.subject == done.number)).one()
    assert audited["return_request"] == found.request_id
    # A second use is refused, by number and by the draft kept on a screen.
    with pytest.raises(ReturnRequestError) as refused:
        requests.find_authorisation(number)
    assert refused.value.code == "authorisation_used"
    documents = count(shop, CounterDocumentRecord)
    with pytest.raises(ReturnRequestError) as again:
        shop.returns.commit(shop.cashier, order_id, draft, [Tender(TenderMethod.CASH, refund)])
    assert again.value.code == "authorisation_used"
    assert count(shop, CounterDocumentRecord) == documents


def test_reject_sends_the_reason(shop: Shop, requests: ReturnRequestService,
                                 smtp_server: SmtpTestServer) -> None:
    order = sell(shop, "10501", [("JEA-L", 1)])
    [jean] = lines_of(shop, order)
    view = requests.record(shop.manager, order, [RequestedLine(jean, 1)], reason="changed mind")
    with pytest.raises(ReturnRequestError) as empty:
        requests.reject(shop.manager, view.request_id, "  ")
    assert empty.value.code == "decision_reason_required"
    rejected = requests.reject(shop.manager, view.request_id, "Worn: the label is cut")
    assert rejected.effective is RequestState.REJECTED and rejected.decided_by == "Maxime"
    with pytest.raises(ReturnRequestError) as twice:
        requests.approve(shop.manager, view.request_id)
    assert twice.value.code == "request_state"
    with pytest.raises(ReturnRequestError) as draft:
        requests.draft_for(view.request_id)
    assert draft.value.code == "authorisation_rejected"
    deliver(shop, smtp_server)
    [received] = smtp_server.messages
    text = received.message.get_body(("plain",)).get_content()
    assert "Worn: the label is cut" in text and "10501" in received.message["Subject"]
    assert not [p for p in received.message.walk() if p.get_content_type() == "image/png"]


def test_an_approval_expires(shop: Shop, requests: ReturnRequestService) -> None:
    admin = shop.users.login("admin", "7391")
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    policy.update(admin, replace(policy.current(), approval_valid_days=3))
    order = sell(shop, "10502", [("T-S-S", 1)])
    [line] = lines_of(shop, order)
    view = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="defect")
    number = requests.approve(shop.manager, view.request_id).authorisation_number
    assert number is not None
    order_id, draft = requests.draft_for(view.request_id)
    shop.clock.advance(timedelta(days=3))
    assert requests.counts() == RequestCounts(0, 0, 1)
    lists = requests.lists(shop.manager)
    assert [s.request_id for s in lists.expired] == [view.request_id]
    assert lists.expired[0].state is RequestState.EXPIRED and not lists.approved
    with pytest.raises(ReturnRequestError) as expired:
        requests.find_authorisation(number)
    assert expired.value.code == "authorisation_expired"
    refund = Tender(TenderMethod.CASH, Money(2990, "EUR"))
    with pytest.raises(ReturnRequestError) as at_commit:
        shop.returns.commit(shop.cashier, order_id, draft, [refund])
    assert at_commit.value.code == "authorisation_expired"
    assert count(shop, CounterDocumentRecord) == 0


def test_more_than_approved_is_refused_at_commit_and_nothing_is_written(
    shop: Shop, requests: ReturnRequestService
) -> None:
    order = sell(shop, "10503", [("T-S-L", 3)])
    [line] = lines_of(shop, order)
    view = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="defect")
    requests.approve(shop.manager, view.request_id)
    order_id, draft = requests.draft_for(view.request_id)
    more = replace(draft, returns=(ReturnRequest(str(line), 2),))
    before = (count(shop, CounterDocumentRecord), count(shop, OutboxMessageRecord),
              count(shop, AuditEntryRecord))
    with pytest.raises(ReturnRequestError) as refused:
        shop.returns.commit(shop.cashier, order_id, more,
                            [Tender(TenderMethod.CASH, Money(5980, "EUR"))],
                            notify=Notify("helene@example.fr"))
    assert refused.value.code == "request_over_approved"
    assert refused.value.params == {"line_id": str(line), "approved": 1, "requested": 2}
    assert (count(shop, CounterDocumentRecord), count(shop, OutboxMessageRecord),
            count(shop, AuditEntryRecord)) == before
    assert requests.detail(view.request_id).effective is RequestState.APPROVED


def test_recording_refusals(shop: Shop, requests: ReturnRequestService) -> None:
    order = sell(shop, "10504", [("T-S-M", 1)])
    [line] = lines_of(shop, order)

    def code(*args: object, **kwargs: object) -> str:
        with pytest.raises(ReturnRequestError) as refused:
            requests.record(shop.manager, *args, **kwargs)  # type: ignore[arg-type]
        return refused.value.code

    assert code(999_999, [RequestedLine(line, 1)], reason="") == "order_not_found"
    assert code(order, [], reason="") == "request_empty"
    assert code(order, [RequestedLine(line, 2)], reason="") == "over_return"
    assert code(order, [RequestedLine(line, 1), RequestedLine(line, 1)], reason="") == "over_return"
    assert code(order, [RequestedLine(line, 0)], reason="") == "quantity_not_positive"
    assert code(order, [RequestedLine(line + 99, 1)], reason="") == "unknown_line"
    assert code(order, [RequestedLine(line, 1)], reason="", photos=[b"GIF89a..."]) == "photo_type"
    big = JPEG + b"\0" * (5 * 1024 * 1024)
    assert code(order, [RequestedLine(line, 1)], reason="", photos=[big]) == "photo_too_large"
    with shop.sessions.begin() as s:
        s.get(OrderRecord, order).status = "CANCELED"
    assert code(order, [RequestedLine(line, 1)], reason="") == "order_cancelled"
    assert count(shop, ReturnRequestRecord) == 0


def test_a_cashier_may_not_record_decide_or_list(shop: Shop,
                                                 requests: ReturnRequestService) -> None:
    order = sell(shop, "10505", [("T-S-M", 1)])
    [line] = lines_of(shop, order)
    with pytest.raises(PermissionDeniedError):
        requests.record(shop.cashier, order, [RequestedLine(line, 1)], reason="x")
    view = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="x",
                           photos=[JPEG])
    for act in (lambda: requests.approve(shop.cashier, view.request_id),
                lambda: requests.reject(shop.cashier, view.request_id, "no"),
                lambda: requests.lists(shop.cashier)):
        with pytest.raises(PermissionDeniedError):
            act()
    assert requests.detail(view.request_id).effective is RequestState.REQUESTED


def test_the_window_may_count_from_the_approval(shop: Shop,
                                                requests: ReturnRequestService) -> None:
    # Bought 40 days ago (window 30 days): outside the window, unless it counts from approval.
    order = sell(shop, "10506", [("T-S-M", 1)], days_ago=40)
    [line] = lines_of(shop, order)
    view = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="late")
    requests.approve(shop.manager, view.request_id)
    shop.clock.advance(timedelta(days=2))
    order_id, draft = requests.draft_for(view.request_id)
    assert "outside_window" in shop.returns.quote(order_id, draft).approvals_needed
    admin = shop.users.login("admin", "7391")
    policy = PolicyService(sessions=shop.sessions, clock=shop.clock)
    policy.update(admin, replace(policy.current(), window_from_approval=True))
    quote = shop.returns.quote(order_id, draft)
    assert quote.days_since_purchase == 2 and not quote.approvals_needed
    # A forged approval date on the draft is not trusted: the stored one is used.
    forged = replace(draft, approved_at=shop.clock.now())
    assert shop.returns.quote(order_id, forged).days_since_purchase == 2


def test_for_customer_and_lists(shop: Shop, requests: ReturnRequestService) -> None:
    order = sell(shop, "10507", [("T-S-M", 3)])
    [line] = lines_of(shop, order)
    first = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="a")
    second = requests.record(shop.manager, order, [RequestedLine(line, 2)], reason="b")
    requests.approve(shop.manager, second.request_id)
    # All three units are held by open requests: a third request is refused...
    with pytest.raises(ReturnRequestError) as held:
        requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="c")
    assert (held.value.code, held.value.params["returnable"], held.value.params["held"]) == (
        "over_return", 0, 3)
    lists = requests.lists(shop.manager)
    assert [s.request_id for s in lists.to_decide] == [first.request_id]
    [approved] = lists.approved
    assert (approved.order_number, approved.customer_name, approved.lines_count,
            approved.amount) == ("10507", "Hélène Lefèvre", 2, Money(5980, "EUR"))
    # ...until one is decided against, or its approval expires.
    requests.reject(shop.manager, first.request_id, "no")
    third = requests.record(shop.manager, order, [RequestedLine(line, 1)], reason="c")
    with shop.sessions() as s:
        customer = s.scalar(select(OrderRecord.customer_id).where(OrderRecord.id == order))
    assert customer is not None
    assert {s.request_id for s in requests.for_customer(customer)} == {
        first.request_id, second.request_id, third.request_id}
