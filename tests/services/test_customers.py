"""`CustomerService` on both databases: the customer view's figures against the rows, finding a
customer, and the cards a commit or a registration links to a customer."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from pos.db.engine import SessionFactory
from pos.db.orders import record_order
from pos.db.records import (
    CounterDocumentRecord,
    DocumentReturnLineRecord,
    GiftCardEntryRecord,
    GiftCardRecord,
    OrderLineRecord,
    OrderRecord,
    PaymentRecord,
)
from pos.domain.money import Money
from pos.domain.no_receipt import NoReceiptReason
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.domain.shop_identity import ShopIdentity
from pos.services.customers import CustomerError, CustomerService, open_requests
from pos.services.gift_cards import GiftCardError, GiftCardService
from pos.services.no_receipt import NoReceiptCustomer, NoReceiptLine
from pos.services.returns import CardCustomer, ReturnsError
from pos.wiring import Store
from tests.services.test_returns import first_line, footprint
from tests.support.builders import order as built_order
from tests.support.shop import Shop, build_shop, sell


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


def customers(shop: Shop) -> CustomerService:
    return CustomerService(sessions=shop.sessions, clock=shop.clock, time_zone="Europe/Paris")


def customer_of(shop: Shop, order_id: int) -> int:
    with shop.sessions() as s:
        found = s.scalar(select(OrderRecord.customer_id).where(OrderRecord.id == order_id))
    assert found is not None
    return found


def paul(shop: Shop) -> int:
    """Another customer, with one order of his own."""
    with shop.sessions.begin() as s:
        recorded = record_order(s, built_order("90001", first="Paul", last="Martin",
                                               email="paul.martin@example.fr",
                                               phone="+33 7 00 00 00 01", days_ago=-18))
        return recorded.customer_id or 0


def refund(shop: Shop, order_id: int, method: TenderMethod, *, line: int = 0,
           card_customer: CardCustomer | None = None) -> str:
    """Refund one unit of the order's `line`-th line with one tender of `method`."""
    with shop.sessions() as s:
        ids = s.scalars(select(OrderLineRecord.id).where(OrderLineRecord.order_id == order_id)
                        .order_by(OrderLineRecord.position)).all()
    draft = Draft(DocumentKind.REFUND, (ReturnRequest(str(ids[line]), 1),))
    due = -shop.returns.quote(order_id, draft).balance.minor
    done = shop.returns.commit(shop.cashier, order_id, draft, [Tender(method, eur(due))],
                               card_customer=card_customer)
    return done.issued_cards[0].code if done.issued_cards else done.number


def seeded(shop: Shop) -> tuple[int, dict[str, str]]:
    """Hélène: three orders; a refund to store credit, an exchange, a Wix refund then a
    counter refund to a new gift card; part of the store credit spent on an exchange."""
    first = sell(shop, "80001", [("T-S-M", 2), ("JEA-M", 1)], days_ago=9)
    second = sell(shop, "80002", [("T-S-L", 1)], days_ago=5)
    third = sell(shop, "80003", [("T-S-S", 3)], days_ago=2)
    credit = refund(shop, first, TenderMethod.STORE_CREDIT)
    # Wix refunded one T-shirt of the third order online (as the pull records it).
    with shop.sessions.begin() as s:
        s.execute(update(OrderLineRecord).where(OrderLineRecord.order_id == third)
                  .values(refunded_quantity=1))
        s.execute(update(PaymentRecord).where(PaymentRecord.order_id == third)
                  .values(refunded_minor=2990))
    gift = refund(shop, third, TenderMethod.NEW_GIFT_CARD)
    # An exchange on the second order for jeans, the difference paid partly by store credit.
    line, _ = first_line(shop, second)
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=second, code="JEA-L"),))
    due = shop.returns.quote(second, draft).to_collect
    shop.returns.commit(shop.cashier, second, draft, [
        Tender(TenderMethod.GIFT_CARD, eur(1000), gift_card_code=credit),
        Tender(TenderMethod.CASH, due - eur(1000))])
    return customer_of(shop, first), {"credit": credit, "gift": gift}


def test_the_view_s_figures_are_the_rows_figures(shop: Shop) -> None:
    helene, codes = seeded(shop)
    paul(shop)
    view = customers(shop).view(helene)
    with shop.sessions() as s:
        orders = s.scalars(select(OrderRecord).where(OrderRecord.customer_id == helene)).all()
        order_ids = {o.id for o in orders}
        lines = s.scalars(select(OrderLineRecord)
                          .where(OrderLineRecord.order_id.in_(order_ids))).all()
        returned_line = DocumentReturnLineRecord.order_line_id
        back = dict(s.execute(select(returned_line, func.sum(DocumentReturnLineRecord.quantity))
                              .group_by(returned_line)).all())
        numbers = set(s.scalars(select(CounterDocumentRecord.number)
                                .where(CounterDocumentRecord.order_id.in_(order_ids))))
        entries = select(GiftCardEntryRecord.amount_minor, GiftCardEntryRecord.gift_card_id)
        cards = {card.code: sum(a for a, c in s.execute(entries) if c == card.id)
                 for card in s.scalars(select(GiftCardRecord)
                                       .where(GiftCardRecord.customer_id == helene))}
    bought = sum(line.quantity for line in lines)
    returned = sum(min(line.quantity, line.refunded_quantity + back.get(line.id, 0))
                   for line in lines)
    assert (view.customer.name, view.customer.email) == ("Hélène Lefèvre", "helene@example.fr")
    assert view.order_count == len(orders) == 3
    assert [o.number for o in view.orders] == ["80003", "80002", "80001"]  # newest first
    assert view.spent == (eur(sum(o.total_minor for o in orders)),)
    assert (view.units_bought, view.units_returned) == (bought, returned) == (7, 4)
    assert view.return_rate == Decimal(returned) / Decimal(bought)
    assert {d.number for d in view.documents} == numbers and len(numbers) == 3
    assert sum(d.units_returned for d in view.documents) == 3  # the Wix refund is not one
    assert {c.code: c.balance.minor for c in view.cards} == cards
    assert cards == {codes["credit"]: 2990 - 1000, codes["gift"]: 2990}
    assert view.balances == (eur(sum(cards.values())),)
    assert view.requests == () and view.next_cursor is None


def test_orders_come_by_pages_and_figures_cover_them_all(shop: Shop) -> None:
    for index in range(5):
        sell(shop, f"8100{index}", [("T-S-M", 1)], days_ago=10 - index)
    helene = customer_of(shop, sell(shop, "81009", [("T-S-M", 1)], days_ago=1))
    service = customers(shop)
    first = service.view(helene, limit=4)
    second = service.view(helene, limit=4, before=first.next_cursor)
    assert [o.number for o in first.orders] == ["81009", "81004", "81003", "81002"]
    assert [o.number for o in second.orders] == ["81001", "81000"]
    assert second.next_cursor is None
    assert first.order_count == second.order_count == 6 and first.units_bought == 6
    assert first.return_rate == Decimal(0)


def test_find_ignores_accents_and_case_and_reads_e_mail_and_phone(shop: Shop) -> None:
    helene = customer_of(shop, sell(shop, "82001", [("T-S-M", 1)]))
    paul_id = paul(shop)
    service = customers(shop)
    for typed in ("helene lef", "LEFÈVRE", "helene@exa", "06 12 34"):
        assert [c.customer_id for c in service.find(typed)] == [helene], typed
    assert [c.customer_id for c in service.find("paul")] == [paul_id]
    assert service.find("") == () and service.find("zzzzz") == ()
    with pytest.raises(CustomerError) as missing:
        service.view(999_999)
    assert missing.value.code == "customer_not_found"


def test_an_issued_card_goes_to_the_order_s_customer_or_to_the_one_chosen(shop: Shop) -> None:
    order = sell(shop, "83001", [("T-S-M", 3)])
    helene, paul_id = customer_of(shop, order), paul(shop)
    own = refund(shop, order, TenderMethod.STORE_CREDIT)
    other = refund(shop, order, TenderMethod.NEW_GIFT_CARD, card_customer=CardCustomer(paul_id))
    nobody = refund(shop, order, TenderMethod.NEW_GIFT_CARD, card_customer=CardCustomer(None))
    with shop.sessions() as s:
        owners = dict(s.execute(select(GiftCardRecord.code, GiftCardRecord.customer_id)).all())
    assert owners == {own: helene, other: paul_id, nobody: None}
    assert [c.code for c in customers(shop).cards(paul_id)] == [other]


def test_a_card_for_a_customer_who_does_not_exist_writes_nothing(shop: Shop) -> None:
    order = sell(shop, "83002", [("T-S-M", 1)])
    before = footprint(shop)
    with pytest.raises(ReturnsError) as refused:
        refund(shop, order, TenderMethod.STORE_CREDIT, card_customer=CardCustomer(999_999))
    assert refused.value.code == "customer_not_found"
    assert footprint(shop) == before


def test_a_paper_card_is_registered_to_a_customer(shop: Shop) -> None:
    helene = customer_of(shop, sell(shop, "84001", [("T-S-M", 1)]))
    cards = GiftCardService(sessions=shop.sessions, clock=shop.clock)
    cards.register(shop.manager, "PAPER-0042", eur(1500), customer_id=helene)
    cards.register(shop.manager, "PAPER-0043", eur(700))
    assert [(c.code, c.balance) for c in customers(shop).cards(helene)] == [
        ("PAPER0042", eur(1500))]
    with pytest.raises(GiftCardError) as refused:
        cards.register(shop.manager, "PAPER-0044", eur(5), customer_id=999_999)
    assert refused.value.code == "customer_not_found"


def test_a_card_past_its_validity_is_shown_but_not_usable(shop: Shop) -> None:
    order = sell(shop, "85001", [("T-S-M", 2)])
    helene = customer_of(shop, order)
    admin = shop.users.login("admin", "7391")
    from pos.services.shop import ShopService

    ShopService(sessions=shop.sessions, clock=shop.clock,
                default=ShopIdentity("Lumière")).save(
        admin, ShopIdentity("Lumière", card_validity_months=12))
    old = refund(shop, order, TenderMethod.STORE_CREDIT)
    shop.clock.advance(timedelta(days=400))
    later = sell(shop, "85002", [("T-S-M", 1)], days_ago=-398)  # within its return window
    new = refund(shop, later, TenderMethod.STORE_CREDIT)
    cards = customers(shop).cards(helene)
    assert [(c.code, c.usable) for c in cards] == [(new, True), (old, False)]  # usable first
    assert cards[1].valid_until is not None and cards[1].valid_until.year == 2027
    assert customers(shop).view(helene).balances == (cards[0].balance,)


def test_open_requests_are_the_customer_s_requested_and_approved_ones(shop: Shop) -> None:
    from pos.services.request_views import RequestedLine
    from pos.services.return_requests import ReturnRequestService

    orders = [sell(shop, f"8600{i}", [("T-S-M", 1)], days_ago=4 - i) for i in range(3)]
    requests = ReturnRequestService(sessions=shop.sessions, clock=shop.clock)
    made = []
    for order_id in orders:
        line, _ = first_line(shop, order_id)
        made.append(requests.record(shop.manager, order_id, [RequestedLine(int(line), 1)],
                                    reason="too small"))
    approved = requests.approve(shop.manager, made[1].request_id)
    requests.reject(shop.manager, made[2].request_id, "worn")
    helene = customer_of(shop, orders[0])
    service = CustomerService(sessions=shop.sessions, clock=shop.clock,
                              requests=open_requests(requests))
    view = service.view(helene)
    assert {(r.request_id, r.state, r.reference) for r in view.requests} == {
        (made[0].request_id, "requested", ""),
        (approved.request_id, "approved", approved.authorisation_number)}
    assert {r.order_number for r in view.requests} == {"86000", "86001"}
    assert all(r.units == 1 and r.amount == eur(2990) for r in view.requests)


def test_a_return_without_a_receipt_is_among_the_customer_s_documents_and_cards(
    shop: Shop,
) -> None:
    """No order to link it: the document names the customer the credit went to (#16)."""
    order_id = sell(shop, "2101", [("T-S-M", 1)], days_ago=10)  # a sale to value it by
    helene = customer_of(shop, order_id)
    store = Store(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    approval = shop.users.approve("maxime", "4826", "no_receipt", "ID seen")
    done = store.no_receipt.commit(
        shop.cashier, [NoReceiptLine(shop.variants["T-S-M"], 1)],
        customer=NoReceiptCustomer(customer_id=helene), reason=NoReceiptReason("gift"),
        refund_as=TenderMethod.STORE_CREDIT, approvals=[approval])  # fmt: skip
    view = customers(shop).view(helene)
    (document,) = [d for d in view.documents if d.document_id == done.document_id]
    assert (document.kind, document.order_id, document.order_number) == (
        "no_receipt", None, None)
    assert document.units_returned == 1 and document.balance == eur(-2990)
    assert [c.code for c in view.cards] == [done.issued_cards[0].code]
    assert view.balances == (eur(2990),)
    assert view.units_bought == 1 and view.units_returned == 0  # not one of her orders' units
