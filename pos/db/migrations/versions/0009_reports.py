"""Reports: documents by creation time, orders by placing time

Revision ID: 0009_reports
Revises: 0008_closing_totals
Create Date: 2026-12-07

The Reports screen sums a period's counter documents (every terminal, by `created_at`) and
the units sold on the orders placed in it (by `placed_at`). Without these indexes "today"
read every document and every order of the shop (pos.db.reports, benchmarks/reports_bench.py).
"""

from __future__ import annotations

from alembic import op

revision = "0009_reports"
down_revision = "0008_closing_totals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_counter_documents_created_at", "counter_documents", ["created_at"])
    op.create_index("ix_orders_placed_at", "orders", ["placed_at"])


def downgrade() -> None:
    op.drop_index("ix_orders_placed_at", table_name="orders")
    op.drop_index("ix_counter_documents_created_at", table_name="counter_documents")
