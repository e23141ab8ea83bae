"""The shop's identity (name, address, SIRET, VAT number, footers) as key/value rows

Revision ID: 0007_shop_identity
Revises: 0006
Create Date: 2026-12-07

Shop-wide, so in the database that every terminal shares (a terminal's own printer stays in
its `terminal.json`). Empty until an admin saves the identity in Settings: receipts keep the
configured default name until then.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_shop_identity"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shop_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("shop_settings")
