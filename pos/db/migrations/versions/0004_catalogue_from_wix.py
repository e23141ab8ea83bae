"""catalogue from Wix: each product's categories (V1 collections / V3 categories) and picture;
order lines indexed by variant (a new item's VAT rate is its product's latest order line's);
whether Wix already refunded an order's shipping

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("categories", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("image_url", sa.String(length=1000), nullable=True))
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_lines_variant_id"), ["variant_id"], unique=False)
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("shipping_refunded", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("shipping_refunded")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_lines_variant_id"))
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("image_url")
        batch_op.drop_column("categories")
