"""no-receipt returns: documents without an order, for a customer; return lines naming a variant

Revision ID: 0013_no_receipt_returns
Revises: 0012_return_requests
Create Date: 2026-12-08

A no-receipt return (`DocumentKind.NO_RECEIPT`, docs/no-receipt.md) is a counter document
with no order: `counter_documents.order_id` becomes nullable and the document names the
customer its credit was issued to (`customer_id`). Its return lines name no order line:
`document_return_lines.order_line_id` becomes nullable, and such a line names the variant
taken back, the VAT rate and the basis it was valued at (`variant_id`, `tax_rate`,
`valuation_basis`, `sold_at`: its receipt prints them), so the Z's and the Reports' sums
over return lines include it unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0013_no_receipt_returns"
down_revision = "0012_return_requests"
branch_labels = None
depends_on = None

_TIME = pos.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("counter_documents") as batch:
        batch.alter_column("order_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("customer_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_counter_documents_customer_id_customers"),
                                 "customers", ["customer_id"], ["id"])
        batch.create_index(op.f("ix_counter_documents_customer_id"), ["customer_id"])
    with op.batch_alter_table("document_return_lines") as batch:
        batch.alter_column("order_line_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("variant_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("tax_rate", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("valuation_basis", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("sold_at", _TIME, nullable=True))
        batch.create_foreign_key(op.f("fk_document_return_lines_variant_id_variants"),
                                 "variants", ["variant_id"], ["id"])
        batch.create_index(op.f("ix_document_return_lines_variant_id"), ["variant_id"])


def downgrade() -> None:
    with op.batch_alter_table("document_return_lines") as batch:
        batch.drop_index(op.f("ix_document_return_lines_variant_id"))
        batch.drop_constraint(op.f("fk_document_return_lines_variant_id_variants"),
                              type_="foreignkey")
        batch.drop_column("sold_at")
        batch.drop_column("valuation_basis")
        batch.drop_column("tax_rate")
        batch.drop_column("variant_id")
        batch.alter_column("order_line_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("counter_documents") as batch:
        batch.drop_index(op.f("ix_counter_documents_customer_id"))
        batch.drop_constraint(op.f("fk_counter_documents_customer_id_customers"),
                              type_="foreignkey")
        batch.drop_column("customer_id")
        batch.alter_column("order_id", existing_type=sa.Integer(), nullable=False)
