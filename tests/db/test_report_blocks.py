"""Report blocks: a Reports period read from sealed blocks says exactly what summing the
documents says (returned units per variant and reason, refunds per method and cashier)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pos.db import reports
from pos.db.closing import DocumentRange
from pos.db.closing_blocks import report_range
from pos.db.records import ReportBlockRecord
from tests.db.test_closing_blocks import DOCUMENTS
from tests.support.bulk_documents import BulkDocuments
from tests.support.shop import NOW, Shop

START, SPAN = NOW - timedelta(days=200), timedelta(days=199)


def _sorted(returned: list[reports.VariantUnits], refunds: list[reports.Refunds]):  # type: ignore[no-untyped-def]
    return (sorted(returned, key=repr), sorted(refunds, key=repr))


def _both(shop: Shop, scope: DocumentRange):  # type: ignore[no-untyped-def]
    with shop.sessions() as s:
        fast = _sorted(*report_range(s, scope))
        straight = _sorted(reports.returned_by_variant(s, scope), reports.refunds(s, scope))
    return fast, straight


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_period_reads_the_same_returns_and_refunds_from_blocks_as_from_documents(
        shop: Shop, bulk: BulkDocuments, data: st.DataObject) -> None:
    if not bulk.written:  # written once per test: hypothesis only reads
        bulk.write(DOCUMENTS, START, SPAN)
    minutes = int(SPAN.total_seconds() // 60) + 2 * 24 * 60
    first = data.draw(st.integers(-24 * 60, minutes), label="first minute")
    last = data.draw(st.integers(first, minutes), label="last minute")
    scope = DocumentRange(None, start=START + timedelta(minutes=first),
                          end=START + timedelta(minutes=last))
    fast, straight = _both(shop, scope)
    assert fast == straight


def test_a_year_reads_the_sealed_blocks_and_says_what_the_documents_say(
        shop: Shop, bulk: BulkDocuments) -> None:
    bulk.write(DOCUMENTS, START, SPAN)
    with shop.sessions() as s:
        blocks = s.execute(select(ReportBlockRecord.block, ReportBlockRecord.first_at,
                                  ReportBlockRecord.last_at)
                           .order_by(ReportBlockRecord.block)).all()
    assert [block for block, _, _ in blocks] == [0, 1]  # sealed with the closing blocks
    assert all(START <= first <= last < START + SPAN for _, first, last in blocks)
    fast, straight = _both(shop, DocumentRange(None, start=START - timedelta(days=1),
                                               end=START + SPAN + timedelta(days=1)))
    assert fast == straight
    returned, refunds = fast
    assert sum(r.units for r in returned) > 0 and len({r.reason for r in returned}) > 1
    assert len({r.username for r in refunds}) >= 2  # refunds by several cashiers
