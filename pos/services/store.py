"""The shop's services on one database, wired once: what scripts, the CLI and the app open.

`Store.open(url)` makes the engine, upgrades the schema and builds every service over one
session factory and one clock, so an integration script and the counter screen run exactly
the same code (docs/api.md). `CatalogueService` is the small catalogue read/write side the
returns desk needs until the Wix catalogue pull records products itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import TracebackType

from pos.db import returns as returns_repo
from pos.db.catalogue import upsert_variant
from pos.db.engine import SessionFactory, make_engine, make_sessions
from pos.db.migrate import upgrade
from pos.db.tax_rates import new_item_tax_rate
from pos.domain.clock import Clock, SystemClock
from pos.domain.money import Money
from pos.services.cash import CashService
from pos.services.closing import ClosingService
from pos.services.errors import ServiceError
from pos.services.gift_cards import GiftCardService
from pos.services.history import SalesHistoryService
from pos.services.order_import import OrderImportService
from pos.services.policy import PolicyService
from pos.services.returns import ReturnsService
from pos.services.signing import LazySigner, Signer
from pos.services.users import UserService


class VariantNotFoundError(ServiceError):
    """No active variant has this SKU or barcode."""

    code = "variant_not_found"

    def __init__(self, code: str) -> None:
        super().__init__(sku=code)
        self.sku = code


@dataclass(frozen=True, slots=True)
class VariantView:
    """A sellable variant with its stock on hand at this shop."""

    variant_id: int
    product_name: str
    sku: str
    barcode: str | None
    options: dict[str, str]
    price: Money
    tax_rate: Decimal
    on_hand: int


class CatalogueService:
    """Variants and their stock, read by SKU or barcode; recorded the way the sync will."""

    def __init__(self, *, sessions: SessionFactory, clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    def variant(self, code: str) -> VariantView:
        """The active variant with this SKU or barcode.

        Raises:
            VariantNotFoundError: none has it.
        """
        with self._sessions() as s:
            found = returns_repo.find_variant(s, code=code)
            rate = new_item_tax_rate(s, found.variant_id) if found else None
        if found is None:
            raise VariantNotFoundError(code)
        return VariantView(
            found.variant_id,
            found.product_name,
            found.sku,
            found.barcode,
            found.options,
            found.price,
            found.tax_rate if rate is None else rate,  # as a new item is sold (docs/sync-pull.md)
            found.on_hand,
        )

    def on_hand(self, code: str) -> int:
        """Units in stock here of the variant with this SKU or barcode."""
        return self.variant(code).on_hand

    def record_variant(
        self,
        *,
        sku: str,
        product_name: str,
        price: Money,
        tax_rate: Decimal | str = "0",
        options: Mapping[str, str] | None = None,
        barcode: str | None = None,
        category: str = "",
        on_hand: int = 0,
        wix_product_id: str | None = None,
        wix_variant_id: str | None = None,
    ) -> VariantView:
        """Create or update a variant (matched on SKU) and its product, in one transaction.

        The product is matched on `wix_product_id`, else on its name. `tax_rate` is a percent
        ("20" for 20 %). `on_hand` is the starting stock of a new variant only: afterwards,
        stock changes through documents and adjustments, never by re-recording.
        """
        with self._sessions.begin() as s:
            upsert_variant(
                s, sku=sku, product_name=product_name, price=price,
                tax_rate=str(Decimal(tax_rate)), options=options, barcode=barcode,
                category=category, on_hand=on_hand, wix_product_id=wix_product_id,
                wix_variant_id=wix_variant_id, now=self._clock.now())
        return self.variant(sku)


class Store:
    """Every service of one shop on one database; a context manager that closes it.

    Attributes:
        users: Users, PIN logins and manager approvals (`UserService`).
        history: Search the sales history and read an order (`SalesHistoryService`).
        returns: Exchanges, refunds and cancellations: quote and commit (`ReturnsService`).
        policy: The return policy (`PolicyService`).
        orders: Recording Wix orders in the sales history (`OrderImportService`).
        catalogue: Variants and stock (`CatalogueService`).
        gift_cards: Register a paper gift card, read any card's balance (`GiftCardService`).
        cash: This terminal's drawer: open, paid-outs, count, close (`CashService`).
        closing: X and Z reports, signed closures (`ClosingService`).
    """

    def __init__(
        self,
        *,
        sessions: SessionFactory,
        clock: Clock,
        terminal_id: str = "T1",
        shop_name: str = "Comptoir",
        on_close: Callable[[], None] | None = None,
        signer: Signer | None = None,
        time_zone: str = "Europe/Paris",
    ) -> None:
        self.sessions, self.clock, self.terminal_id = sessions, clock, terminal_id
        self._on_close = on_close
        self.users = UserService(sessions=sessions, clock=clock)
        self.history = SalesHistoryService(sessions=sessions, clock=clock)
        self.returns = ReturnsService(
            sessions=sessions, clock=clock, terminal_id=terminal_id, shop_name=shop_name
        )
        self.policy = PolicyService(sessions=sessions, clock=clock)
        self.orders = OrderImportService(sessions=sessions)
        self.catalogue = CatalogueService(sessions=sessions, clock=clock)
        self.gift_cards = GiftCardService(sessions=sessions, clock=clock)
        self.cash = CashService(sessions=sessions, clock=clock, terminal_id=terminal_id)
        self.closing = ClosingService(
            sessions=sessions, clock=clock, terminal_id=terminal_id, time_zone=time_zone,
            signer=signer or LazySigner(_data_dir))

    @classmethod
    def open(
        cls,
        url: str,
        *,
        terminal_id: str = "T1",
        clock: Clock | None = None,
        shop_name: str = "Comptoir",
        migrate: bool = True,
        signer: Signer | None = None,
    ) -> Store:
        """Open the shop's database at `url` (a SQLite file path or URL, or PostgreSQL).

        Args:
            url: ``sqlite:///path/shop.sqlite3``, a plain file path, or
                ``postgresql://user@host/db``.
            terminal_id: This terminal's prefix for document numbers (``T1-000001``).
            clock: Where time comes from; the system clock by default.
            shop_name: Shown in customer e-mails.
            migrate: Upgrade the schema to the current version first (a SQLite file that
                already has data is backed up beside itself before).
            signer: Signs closures; by default the shop's key in the keyring (or the 0600
                key file in the data directory), created at the first closure.

        Raises:
            ValueError: The URL names an unsupported database.
        """
        engine = make_engine(url)
        try:
            if migrate:
                upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(
            sessions=make_sessions(engine),
            clock=clock or SystemClock(),
            terminal_id=terminal_id,
            shop_name=shop_name,
            on_close=engine.dispose,
            signer=signer,
        )

    def close(self) -> None:
        """Release the database connections (idempotent)."""
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _data_dir() -> Path:
    from pos.config import data_dir  # noqa: PLC0415 — platformdirs only when a key is needed

    return data_dir()
