"""The one fake-Wix site the tests share (`tests/fakes/wix`, served over loopback).

`fake_wix` is a started V3 site holding one product, "T-shirt bio", in two sizes (TS-M: 10
in stock, TS-L: 2); `bare_wix` is the same site with an empty catalogue, for tests that link
their own products. Both answer to `TEST_KEY`. The fixtures are registered for the whole
suite by `tests/conftest.py`; a test that needs another shape (V1 catalogue, latency, rate
limits) starts its own `FakeWix(...)`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.wix import FakeWix

TEST_KEY = "IST.test-key-9f2c41d7-never-log-me"


def add_tshirt(site: FakeWix) -> None:
    """The shared product: "T-shirt bio", TS-M (10 in stock) and TS-L (2), 29.90 each."""
    site.state.add_product(
        "T-shirt bio",
        variants=[
            ("TS-M", "3700000000011", "29.90", {"Taille": "M"}, 10),
            ("TS-L", "3700000000028", "29.90", {"Taille": "L"}, 2),
        ],
    )


@pytest.fixture
def bare_wix() -> Iterator[FakeWix]:
    """A started V3 fake site with an empty catalogue, answering to `TEST_KEY`."""
    with FakeWix(api_key=TEST_KEY) as site:
        yield site


@pytest.fixture
def fake_wix(bare_wix: FakeWix) -> FakeWix:
    """`bare_wix` holding the shared T-shirt (TS-M: 10, TS-L: 2)."""
    add_tshirt(bare_wix)
    return bare_wix
