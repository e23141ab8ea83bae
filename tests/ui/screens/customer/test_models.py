"""The customer screen's and picker's item models, checked by qtmodeltester."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pytestqt.modeltest import ModelTester

from pos.domain.money import Money
from pos.services.customers import (
    CustomerCard,
    CustomerDocument,
    CustomerOrder,
    CustomerSummary,
    OpenRequest,
)
from pos.ui.screens.customer.models import (
    CustomerCardsTableModel,
    CustomerDocumentsTableModel,
    CustomerOrdersTableModel,
    CustomersTableModel,
    OpenRequestsTableModel,
)

AT = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def cells(model, row: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_orders_and_documents(qtmodeltester: ModelTester) -> None:
    orders = CustomerOrdersTableModel(locale="en_US", tz=UTC)
    orders.set_rows([CustomerOrder(7, "10234", AT, "WEB", "APPROVED", eur(18970))])
    qtmodeltester.check(orders)
    assert cells(orders) == ["10234", "11/20/26, 3:00\u202fPM", "Online shop", "€189.70"]
    documents = CustomerDocumentsTableModel(locale="fr_FR", tz=UTC)
    documents.set_rows([CustomerDocument("d", "T1-000001", "exchange", "completed", AT,
                                         eur(5000), 1, 7, "10234"),
                        CustomerDocument("e", "T1-000002", "refund", "completed", AT,
                                         eur(-2990), 1, None, None)])
    qtmodeltester.check(documents)
    assert cells(documents, 1) == ["T1-000002", "Refund", "—", "20/11/2026", "-29,90\u00a0€"]


def test_requests_cards_and_customers(qtmodeltester: ModelTester) -> None:
    requests = OpenRequestsTableModel(locale="en_US", tz=UTC)
    requests.set_rows([OpenRequest(1, "RA-7K2Q", "approved", "10234", 2, eur(5980), AT, AT),
                       OpenRequest(2, "", "requested", "10240", 1, eur(2990), AT, None)])
    qtmodeltester.check(requests)
    assert cells(requests, 1) == ["—", "To decide", "10240", "1", "€29.90", "—"]
    cards = CustomerCardsTableModel(locale="en_US")
    cards.set_rows([CustomerCard("GC7Q2K9F", "store_credit", eur(1990), AT, date(2027, 11, 20),
                                 True),
                    CustomerCard("KDO0042", "gift_card", eur(500), AT, date(2026, 1, 2), False),
                    CustomerCard("KDO0043", "gift_card", eur(0), AT, None, False)])
    qtmodeltester.check(cards)
    assert cells(cards, 0) == ["GC7Q2K9F", "Store credit", "€19.90", "Nov 20, 2027"]
    assert cells(cards, 1)[3] == "Expired Jan 2, 2026"
    assert cells(cards, 2)[3] == "No end date"
    customers = CustomersTableModel(locale="en_US")
    customers.set_rows([CustomerSummary(3, "Hélène Lefèvre", None, "+33612345678")])
    qtmodeltester.check(customers)
    assert cells(customers) == ["Hélène Lefèvre", "—", "+33612345678"]
