"""The demo-like shop of `tests.support.shop`: an admin, a cashier and a manager."""

from __future__ import annotations

import pytest

from pos.db.engine import SessionFactory
from tests.support.shop import Shop, build_shop


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)
