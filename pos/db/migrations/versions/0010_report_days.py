"""report blocks: the returns and refunds of each sealed block of documents, for the Reports

Revision ID: 0010_report_days
Revises: 0009_reports
Create Date: 2026-12-07

`report_blocks` holds, per full block of 1,000 documents of a terminal (the blocks of
`closing_blocks`, 0008), the Reports' sums of returned units and refunds and the block's
earliest and latest creation time; it is written in the transaction of the block's last
document, so a year's report reads ~200 rows instead of 200,000 documents (pos.db.report_blocks).
Blocks sealed before this revision have no row: their documents are summed directly, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0010_report_days"
down_revision = "0009_reports"
branch_labels = None
depends_on = None

_TIME = pos.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "report_blocks",
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("block", sa.Integer(), nullable=False),
        sa.Column("first_at", _TIME, nullable=False),
        sa.Column("last_at", _TIME, nullable=False),
        sa.Column("returned", sa.JSON(), nullable=False),
        sa.Column("refunds", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "block", name=op.f("pk_report_blocks")),
    )


def downgrade() -> None:
    op.drop_table("report_blocks")
