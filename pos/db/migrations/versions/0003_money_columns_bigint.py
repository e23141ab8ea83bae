"""money columns 64-bit: every *_minor column BIGINT on PostgreSQL

PostgreSQL's `integer` holds at most 21,474,836.47 in a two-decimal currency; Comptoir records
up to 10^17 minor units (docs/money.md, "The bound"). Each table is rewritten once, in place,
with its rows (one ALTER TABLE per table). SQLite's INTEGER is already 64-bit: nothing to do.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The money columns at revision 0002, by table.
MONEY_COLUMNS = {
    "variants": ("price_minor",),
    "orders": (
        "subtotal_minor",
        "discount_minor",
        "shipping_minor",
        "shipping_tax_minor",
        "tax_minor",
        "total_minor",
    ),
    "order_lines": ("unit_price_minor", "discount_minor", "paid_minor", "tax_minor"),
    "payments": ("amount_minor", "refunded_minor"),
    "order_refunds": ("amount_minor",),
    "counter_documents": (
        "returned_credit_minor",
        "new_items_minor",
        "fees_minor",
        "shipping_refund_minor",
        "balance_minor",
    ),
    "document_return_lines": ("credit_minor", "tax_minor"),
    "document_new_lines": ("unit_price_minor", "total_minor", "tax_minor"),
    "document_fees": ("amount_minor",),
    "document_tenders": ("amount_minor", "change_minor"),
    "gift_card_entries": ("amount_minor",),
}


def _retype(sql_type: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in MONEY_COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {column} TYPE {sql_type}" for column in columns)
        op.execute(f"ALTER TABLE {table} {changes}")


def upgrade() -> None:
    _retype("BIGINT")


def downgrade() -> None:
    _retype("INTEGER")  # fails, changing nothing, while an amount is above 2^31 − 1
