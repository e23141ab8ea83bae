"""What a no-receipt return reads and locks: the variant, its sales, the amounts already given,
and the customers it may be issued to.

Everything runs inside the caller's session (`pos.services.no_receipt`); nothing commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, insert, or_, select, text
from sqlalchemy.orm import Session

from pos.db import returns as returns_repo
from pos.db.audit import ensure_write_transaction
from pos.db.records import (
    CounterDocumentRecord,
    CustomerRecord,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
)
from pos.domain.money import Money
from pos.domain.no_receipt import Sale
from pos.domain.returns import DocumentKind
from pos.domain.search_text import fold, tokens
from pos.domain.states import DocumentState, OrderStatus

# pg_advisory_xact_lock key serialising no-receipt commits shop-wide ("NORC").
NO_RECEIPT_LOCK_KEY = 0x4E4F5243
_CANDIDATES = 500  # rows read per customer search before folding in Python


@dataclass(frozen=True, slots=True)
class NoReceiptVariant:
    """A catalogue variant as a no-receipt return values it."""

    variant_id: int
    product_name: str
    options: dict[str, str]
    sku: str
    price: Money
    tax_rate: Decimal
    categories: tuple[str, ...]
    wix_product_id: str | None
    wix_variant_id: str | None

    @property
    def name(self) -> str:
        """The product and its options ("T-shirt — M"), as a receipt names a line."""
        options = " / ".join(str(v) for v in self.options.values())
        return f"{self.product_name} — {options}" if options else self.product_name


@dataclass(frozen=True, slots=True)
class CustomerMatch:
    """A customer a no-receipt return may be issued to."""

    customer_id: int
    name: str
    email: str
    phone: str


def find_variant(session: Session, *, variant_id: int | None = None, code: str | None = None
                 ) -> NoReceiptVariant | None:
    """An active variant by id, or by SKU or barcode (what a scanner types)."""
    variant = returns_repo.find_variant(session, variant_id=variant_id, code=code)
    if variant is None:
        return None
    category, more = session.execute(select(ProductRecord.category, ProductRecord.categories)
                                     .where(ProductRecord.id == variant.product_id)).one()
    categories = tuple(c for c in (category, *(more or ())) if isinstance(c, str) and c)
    return NoReceiptVariant(
        variant.variant_id, variant.product_name, dict(variant.options), variant.sku,
        variant.price, variant.tax_rate, categories, variant.wix_product_id,
        variant.wix_variant_id)


def variant_sales(session: Session, variant_id: int, *, since: datetime) -> list[Sale]:
    """Every order line of the variant placed at `since` or later, cancelled orders left out."""
    rows = session.execute(
        select(OrderLineRecord.paid_minor, OrderLineRecord.quantity, OrderRecord.currency,
               OrderRecord.placed_at)
        .join(OrderRecord, OrderRecord.id == OrderLineRecord.order_id)
        .where(OrderLineRecord.variant_id == variant_id, OrderRecord.placed_at >= since,
               OrderRecord.status != OrderStatus.CANCELED.value, OrderLineRecord.quantity > 0))
    return [Sale(Money(paid, currency), quantity, placed) for paid, quantity, currency, placed
            in rows]


_docs = CounterDocumentRecord.__table__
_GIVEN = (select(func.coalesce(func.sum(_docs.c.returned_credit_minor), 0), func.count())
          .where(_docs.c.kind == DocumentKind.NO_RECEIPT.value,
                 _docs.c.status == DocumentState.COMPLETED.value))


def given_to_customer(session: Session, customer_id: int, *, since: datetime) -> int:
    """Credit given without a receipt to the customer since `since` (minor units)."""
    total, _ = session.execute(_GIVEN.where(_docs.c.customer_id == customer_id,
                                            _docs.c.created_at >= since)).one()
    return int(total)


def given_between(session: Session, start: datetime, end: datetime) -> tuple[int, int]:
    """(credit, count) of no-receipt returns made in [start, end) on every terminal."""
    total, count = session.execute(_GIVEN.where(_docs.c.created_at >= start,
                                                _docs.c.created_at < end)).one()
    return int(total), int(count)


def lock_no_receipt(session: Session) -> None:
    """Serialise no-receipt commits shop-wide until the transaction ends, so two terminals
    cannot both pass the day's limit (SQLite: its one write lock; PostgreSQL: an advisory
    transaction lock, then READ COMMITTED reads the other's committed document)."""
    if session.connection().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": NO_RECEIPT_LOCK_KEY})
    else:
        ensure_write_transaction(session)


def customer(session: Session, customer_id: int) -> CustomerMatch | None:
    row = session.get(CustomerRecord, customer_id)
    return None if row is None else _match(row)


def add_customer(session: Session, *, first_name: str, last_name: str, email: str,
                 phone: str) -> int:
    """A new local customer (no Wix contact yet); returns its id."""
    table = CustomerRecord.__table__
    return int(session.connection().execute(insert(table).values(
        first_name=first_name.strip(), last_name=last_name.strip(),
        email=email.strip() or None, phone=phone.strip() or None, language="fr",
    ).returning(table.c.id)).scalar_one())


def find_customers(session: Session, query: str, *, limit: int = 20) -> list[CustomerMatch]:
    """Customers whose name, e-mail or phone has every word of `query` (accents and case
    do not count; a word matches the start of a name part, or inside an e-mail or phone).

    The database narrows on the longest word (letters that may carry an accent as `_`),
    Python folds and checks every word.
    """
    words = tokens(query)
    digits = "".join(ch for ch in query if ch.isdigit())
    if not words:
        return []
    longest = max(words, key=len)
    pattern = "%" + "".join("_" if ch in "aceinouy" else ch for ch in longest) + "%"
    name = func.lower(CustomerRecord.first_name + " " + CustomerRecord.last_name)
    conditions = [name.like(pattern), func.lower(CustomerRecord.email).like(pattern)]
    if len(digits) >= 4:
        bare = func.replace(func.replace(func.replace(CustomerRecord.phone, " ", ""), ".", ""),
                            "-", "")
        conditions.append(bare.like(f"%{digits[-4:]}%"))
    rows = session.scalars(select(CustomerRecord).where(or_(*conditions))
                           .order_by(CustomerRecord.id.desc()).limit(_CANDIDATES))
    found = [_match(row) for row in rows if _has_words(row, words)]
    return found[:limit]


def _has_words(row: CustomerRecord, words: list[str]) -> bool:
    names = tokens(f"{row.first_name} {row.last_name}")
    email = fold(row.email or "")
    phone = "".join(ch for ch in row.phone or "" if ch.isdigit())
    return all(any(n.startswith(w) for n in names) or w in email
               or (w.isdigit() and w.lstrip("0") in phone) for w in words)


def _match(row: CustomerRecord) -> CustomerMatch:
    return CustomerMatch(row.id, f"{row.first_name} {row.last_name}".strip(), row.email or "",
                         row.phone or "")
