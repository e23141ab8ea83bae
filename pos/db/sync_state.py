"""What the Wix pull writes: sync cursors, the Wix catalogue, Wix stock and recorded orders.

Everything runs inside the caller's transaction and never commits. Local available stock is
defined here (`pending_stock_deltas`, `apply_wix_stock`): DESIGN §7, "last quantity read from
Wix + local movements not yet pushed".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeAlias

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from pos.db.audit import ensure_write_transaction
from pos.db.orders import record_order
from pos.db.records import (
    OrderRecord,
    OutboxMessageRecord,
    ProductRecord,
    StockLevelRecord,
    SyncCursorRecord,
    VariantRecord,
)
from pos.db.sync_stock import read_stock_change
from pos.domain.money import Money
from pos.domain.orders import OrderData
from pos.domain.states import OutboxState
from pos.domain.wix_fields import StepPayloadError
from pos.domain.wix_steps import StepKind

SyncSession: TypeAlias = Session  # what `pos.sync` types a session as (no SQLAlchemy there)
STOCK_DELTA_KIND = StepKind.STOCK_DELTA
DONE = OutboxState.DONE


class SkuConflictError(ValueError):
    """Two Wix variants claim the same SKU (the local SKU column is unique)."""


@dataclass(frozen=True, slots=True)
class WixVariantRow:
    """One Wix variant as the catalogue pull read it.

    Attributes:
        barcode: The barcode, or None for none; ignored when `keep_barcode` (V1 has no
            barcode field, so the one scanned in locally stays).
        inventory_item_id: V1: the product's inventory item; V3: set by the stock pull.
    """

    wix_product_id: str
    wix_variant_id: str
    sku: str
    barcode: str | None
    options: Mapping[str, str]
    price: Money
    keep_barcode: bool = False
    inventory_item_id: str | None = None


@dataclass(frozen=True, slots=True)
class WixStockLevel:
    """Wix's stock of one local variant at the shop's location (quantity None: by status)."""

    variant_id: int
    quantity: int | None
    revision: str | None
    inventory_item_id: str | None


# ---------------------------------------------------------------- cursors


def get_cursor(session: Session, name: str) -> str | None:
    """The value of sync cursor `name` (``"orders.watermark"``...), None when never set."""
    record = session.get(SyncCursorRecord, name)
    return None if record is None else record.value


def set_cursor(session: Session, name: str, value: str, *, now: datetime) -> None:
    """Create or change sync cursor `name`."""
    record = session.get(SyncCursorRecord, name)
    if record is None:
        session.add(SyncCursorRecord(name=name, value=value, updated_at=now))
    elif record.value != value:
        record.value, record.updated_at = value, now
    session.flush()


# ---------------------------------------------------------------- catalogue


class WixProductExtras(Protocol):
    """A product's categories by name (main first) and main picture URL, as pulled."""

    @property
    def categories(self) -> tuple[str, ...]: ...
    @property
    def image_url(self) -> str | None: ...


def upsert_wix_product(
    session: Session, *, wix_id: str, name: str, visible: bool, now: datetime,
    extras: WixProductExtras | None = None,
) -> tuple[int, bool]:  # fmt: skip
    """Create or update the product with Wix id `wix_id`.

    Args:
        extras: Its categories and picture; None keeps what is stored (a product first
            seen through a variant). The main category is also its `category`.

    Returns:
        (product id, True when something was created or changed).
    """
    product = session.scalar(select(ProductRecord).where(ProductRecord.wix_id == wix_id))
    if product is None:
        product = ProductRecord(wix_id=wix_id, name=name, category="", visible=visible,
                                categories=[])  # fmt: skip
        session.add(product)
    before = (product.name, product.visible, product.category, list(product.categories or []),
              product.image_url)  # fmt: skip
    product.name, product.visible = name, visible
    if extras is not None:
        product.categories = list(extras.categories)
        product.category = extras.categories[0] if extras.categories else ""
        product.image_url = extras.image_url
    after = (product.name, product.visible, product.category, list(product.categories or []),
             product.image_url)  # fmt: skip
    if product.id is not None and before == after:
        return product.id, False
    product.updated_at = now
    session.flush()
    return product.id, True


def picture_urls(session: Session) -> set[str]:
    """Every product picture URL the catalogue holds (what `pos.sync.pictures` caches)."""
    rows = session.scalars(select(ProductRecord.image_url)
                           .where(ProductRecord.image_url.is_not(None)))  # fmt: skip
    return {url for url in rows if url}


def product_ids_by_wix(session: Session) -> dict[str, int]:
    """Local product id of every product that came from Wix, by Wix product id."""
    rows = session.execute(
        select(ProductRecord.wix_id, ProductRecord.id).where(ProductRecord.wix_id.is_not(None))
    )
    return {wix_id: product_id for wix_id, product_id in rows if wix_id is not None}


def upsert_wix_variant(
    session: Session, row: WixVariantRow, *, product_id: int, tax_rate: str, now: datetime
) -> tuple[int, bool]:
    """Create or update a Wix variant, matched on its Wix ids, else on its SKU.

    A local variant found by SKU that has no Wix id yet is adopted (moved to the Wix product).
    A new variant gets `tax_rate` (Wix's catalogue carries none) and a stock row at 0; an
    existing one keeps its tax rate. Prices are stored in minor units.

    Returns:
        (variant id, True when something was created or changed).

    Raises:
        SkuConflictError: The SKU belongs to another Wix variant.
    """
    variant = _variant_by_wix(session, product_id, row.wix_variant_id)
    holder = session.scalar(select(VariantRecord).where(VariantRecord.sku == row.sku))
    if variant is None and holder is not None and holder.wix_variant_id is None:
        variant = holder
    if holder is not None and holder is not variant:
        raise SkuConflictError(f"SKU {row.sku!r} is also used by another Wix variant")
    if variant is None:
        variant = VariantRecord(sku=row.sku, tax_rate=tax_rate, active=True)
        session.add(variant)
    before = _variant_state(variant)
    variant.product_id, variant.sku = product_id, row.sku
    variant.wix_variant_id = row.wix_variant_id
    variant.wix_inventory_item_id = row.inventory_item_id or variant.wix_inventory_item_id
    variant.barcode = variant.barcode if row.keep_barcode else row.barcode
    variant.options = dict(row.options)
    variant.price_minor, variant.currency = row.price.minor, row.price.currency
    variant.active = True
    changed = _variant_state(variant) != before
    session.flush()
    if session.get(StockLevelRecord, variant.id) is None:
        session.add(StockLevelRecord(variant_id=variant.id, on_hand=0, updated_at=now))
        session.flush()
    return variant.id, changed


def _variant_by_wix(session: Session, product_id: int, wix_variant_id: str) -> VariantRecord | None:
    return session.scalar(
        select(VariantRecord).where(
            VariantRecord.product_id == product_id,
            VariantRecord.wix_variant_id == wix_variant_id,
        )
    )


def _variant_state(variant: VariantRecord) -> tuple[object, ...]:
    return (
        variant.product_id, variant.sku, variant.wix_variant_id, variant.wix_inventory_item_id,
        variant.barcode, dict(variant.options or {}), variant.price_minor, variant.currency,
        variant.active,
    )  # fmt: skip


def deactivate_wix_variants(session: Session, *, keep: Iterable[int]) -> int:
    """Mark inactive the active Wix variants not in `keep` (gone from Wix); returns how many."""
    kept = set(keep)
    rows = session.execute(
        select(VariantRecord.id).where(
            VariantRecord.wix_variant_id.is_not(None), VariantRecord.active.is_(True)
        )
    )
    gone = [variant_id for (variant_id,) in rows if variant_id not in kept]
    for start in range(0, len(gone), 500):
        session.execute(
            update(VariantRecord)
            .where(VariantRecord.id.in_(gone[start : start + 500]))
            .values(active=False)
            .execution_options(synchronize_session=False)
        )
    return len(gone)


def variant_ids_by_wix(session: Session) -> dict[tuple[str, str], int]:
    """Local variant id by (Wix product id, Wix variant id).

    Both ids are needed: a V1 product without options has the variant id
    ``00000000-0000-0000-0000-000000000000``, the same in every product.
    """
    rows = session.execute(
        select(ProductRecord.wix_id, VariantRecord.wix_variant_id, VariantRecord.id)
        .join(ProductRecord, ProductRecord.id == VariantRecord.product_id)
        .where(ProductRecord.wix_id.is_not(None), VariantRecord.wix_variant_id.is_not(None))
    )
    return {(product, variant): variant_id for product, variant, variant_id in rows
            if product is not None and variant is not None}


# ---------------------------------------------------------------- stock


def pending_stock_deltas(
    session: Session, variant_ids: Iterable[int] | None = None
) -> dict[int, int]:
    """POS-owned stock movements not yet applied on Wix, summed per variant.

    Every POS-owned movement of a variant that exists on Wix is written together with one
    ``wix.stock_delta`` outbox message carrying the same delta (``pos.services.writeback.
    stock_delta_step``, object key ``stock:<variant id>``); movements owned by Wix travel
    inside a Wix order call and have none. So "POS movements not yet pushed" is exactly the
    sum of the ``delta`` of the variant's ``wix.stock_delta`` messages in any state but
    ``done``: pending, in flight (not known to be applied), needs review, parked.

    Args:
        variant_ids: Only these variants (all when None).

    Returns:
        {variant id: signed sum}; variants with nothing pending are absent.
    """
    rows = session.scalars(
        select(OutboxMessageRecord).where(
            OutboxMessageRecord.destination == "wix",
            OutboxMessageRecord.kind == STOCK_DELTA_KIND,
            OutboxMessageRecord.state != DONE,
        )
    )
    wanted = None if variant_ids is None else set(variant_ids)
    totals: dict[int, int] = {}
    for row in rows:
        try:
            message = read_stock_change(row)
        except StepPayloadError:  # never pushed (the pusher parks it): nothing pending on Wix
            continue
        if wanted is None or message.variant_id in wanted:
            totals[message.variant_id] = totals.get(message.variant_id, 0) + message.delta
    return {variant_id: total for variant_id, total in totals.items() if total}


def apply_wix_stock(session: Session, levels: Sequence[WixStockLevel], *, now: datetime) -> int:
    """Store Wix's stock figures and recompute `on_hand` = Wix quantity + pending deltas.

    The stock rows are locked first (SQLite: the write lock; PostgreSQL: ``FOR UPDATE``) and
    the pending deltas read after, so a counter movement committed meanwhile is either in
    the pending sum or applied on top of the new figure, never lost. A variant tracked by
    status only (quantity None) keeps its `on_hand`.

    Returns:
        How many stock rows changed.
    """
    if not levels:
        return 0
    ensure_write_transaction(session)
    ids = [level.variant_id for level in levels]
    rows = _locked_levels(session, ids, now)
    pending = pending_stock_deltas(session, ids)
    variants = session.scalars(select(VariantRecord).where(VariantRecord.id.in_(ids)))
    by_id = {variant.id: variant for variant in variants}
    changed = 0
    for level in levels:
        variant = by_id[level.variant_id]
        if level.inventory_item_id and variant.wix_inventory_item_id != level.inventory_item_id:
            variant.wix_inventory_item_id = level.inventory_item_id
        changed += _apply_level(rows[level.variant_id], level, pending, now)
    session.flush()
    return changed


def _locked_levels(session: Session, ids: list[int], now: datetime) -> dict[int, StockLevelRecord]:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(StockLevelRecord)
        .values([{"variant_id": i, "on_hand": 0, "updated_at": now} for i in ids])
        .on_conflict_do_nothing(index_elements=[StockLevelRecord.variant_id])
    )
    query = (
        select(StockLevelRecord)
        .where(StockLevelRecord.variant_id.in_(ids))
        .execution_options(populate_existing=True)
    )
    if dialect == "postgresql":
        query = query.with_for_update()
    return {row.variant_id: row for row in session.scalars(query)}


def _apply_level(
    row: StockLevelRecord, level: WixStockLevel, pending: Mapping[int, int], now: datetime
) -> int:
    on_hand = row.on_hand
    if level.quantity is not None:
        on_hand = level.quantity + pending.get(level.variant_id, 0)
    before = (row.on_hand, row.wix_quantity, row.wix_revision)
    after = (on_hand, level.quantity, level.revision)
    if before == after:
        return 0
    row.on_hand, row.wix_quantity, row.wix_revision = after
    row.updated_at = now
    return 1


# ---------------------------------------------------------------- orders


def recorded_order_versions(session: Session, wix_ids: Iterable[str]) -> dict[str, datetime | None]:
    """`updatedDate` of the orders already recorded, by Wix order id (unknown ids absent)."""
    ids = list(set(wix_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(OrderRecord.wix_id, OrderRecord.wix_updated_at).where(OrderRecord.wix_id.in_(ids))
    )
    return {wix_id: updated for wix_id, updated in rows if wix_id is not None}


def record_wix_order(session: Session, data: OrderData) -> str | None:
    """Record (insert or update) one pulled order in a savepoint of the caller's transaction.

    Returns:
        None when recorded; otherwise why the database refused it (that order is rolled
        back, the rest of the transaction is kept).
    """
    ensure_write_transaction(session)  # pysqlite: SAVEPOINT must come after BEGIN
    try:
        with session.begin_nested():
            record_order(session, data)
    except (ValueError, DataError, IntegrityError) as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return f"the database refused it: {reason}"[:300]
    return None
