"""Closing blocks: a Z read from sealed blocks says exactly what summing the documents says."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from pos.db.closing import DocumentRange, grouped_figures
from pos.db.closing_blocks import BLOCK, range_figures
from pos.db.records import ClosingBlockRecord
from pos.db.returns import load_context
from pos.domain.closing import combine
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.signing import file_signer
from tests.support.bulk_documents import BulkDocuments
from tests.support.shop import NOW, Shop, sell

DOCUMENTS = 2 * BLOCK + 345


def _blocks(shop: Shop) -> list[tuple[int, int]]:
    with shop.sessions() as s:
        return [(block, count) for block, count in s.execute(
            select(ClosingBlockRecord.block, ClosingBlockRecord.documents)
            .order_by(ClosingBlockRecord.block))]


def grouped_figures_of(shop: Shop, scope: DocumentRange) -> list:  # type: ignore[type-arg]
    with shop.sessions() as s:
        return grouped_figures(s, scope)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_range_reads_the_same_figures_from_blocks_as_from_documents(
        shop: Shop, bulk: BulkDocuments, data: st.DataObject) -> None:
    if not bulk.written:  # written once per test: hypothesis only reads
        bulk.write(DOCUMENTS, NOW - timedelta(days=200), timedelta(days=199))
        assert _blocks(shop) == [(0, BLOCK), (1, BLOCK)]
    first = data.draw(st.integers(1, DOCUMENTS), label="first")
    last = data.draw(st.integers(first - 1, DOCUMENTS), label="last")
    scope = DocumentRange("T1", first_sequence=first, last_sequence=last)
    with shop.sessions() as s:
        fast, straight = range_figures(s, scope), grouped_figures(s, scope)
    assert combine(fast) == combine(straight)


def test_the_whole_range_uses_every_section(shop: Shop, bulk: BulkDocuments) -> None:
    bulk.write(DOCUMENTS, NOW - timedelta(days=200), timedelta(days=199))
    scope = DocumentRange("T1", first_sequence=1, last_sequence=DOCUMENTS)
    with shop.sessions() as s:
        figures = combine(range_figures(s, scope))
    assert figures == combine(grouped_figures_of(shop, scope))
    assert {f.section for f in figures} == {"kind", "tender", "refund_to", "reason", "cashier",
                                            "approver", "vat"}
    assert {f.key for f in figures if f.section == "vat"} == {"20%", "5.5%"}


def test_the_commit_of_a_blocks_last_document_seals_it_and_the_z_reads_it(
        shop: Shop, bulk: BulkDocuments, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bulk.write(BLOCK - 2, NOW - timedelta(days=30), timedelta(days=29))
    for number in ("70001", "70002"):  # documents 999 and 1000, through the counter
        order = sell(shop, number, [("T-S-M", 1)])
        with shop.sessions() as s:
            line = load_context(s, order).snapshot.lines[0].line_id
        assert _blocks(shop) == []
        shop.returns.commit(shop.cashier, order, Draft(
            DocumentKind.REFUND, (ReturnRequest(line, 1, reason="défaut"),)),
            [Tender(TenderMethod.CASH, Money(2990, "EUR"))])
    assert _blocks(shop) == [(0, BLOCK)]
    whole = DocumentRange("T1", first_sequence=1, last_sequence=BLOCK)
    expected = combine(grouped_figures_of(shop, whole))
    assert ("reason", "défaut") in {(f.section, f.key) for f in expected}
    closing = ClosingService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1",
                             signer=file_signer(tmp_path / "keys"))
    x = closing.x_report(shop.manager)
    cash = CashService(sessions=shop.sessions, clock=shop.clock, terminal_id="T1")
    cash.close(shop.manager, {})
    z = closing.close_z(shop.manager)
    assert z.report.figures == x.figures == expected
    assert z.report.documents == BLOCK
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ClosingBlockRecord)) == 1
