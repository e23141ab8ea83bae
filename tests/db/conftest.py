"""Fixtures of the running-totals tests: a shop and its documents written in bulk."""

from __future__ import annotations

import pytest

from tests.support.bulk_documents import BulkDocuments
from tests.support.shop import Shop, build_shop


@pytest.fixture
def shop(sessions) -> Shop:  # type: ignore[no-untyped-def]
    """The test shop with stock enough for any number of documents."""
    return build_shop(sessions, stock=10**6)


@pytest.fixture
def bulk(shop: Shop) -> BulkDocuments:
    """Documents written in bulk, by three cashiers (one of them nobody), varied."""
    return BulkDocuments(shop, cashiers=(None, shop.cashier.user_id, shop.manager.user_id),
                         varied=True, approver=shop.manager.user_id)
