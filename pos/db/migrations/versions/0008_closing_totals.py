"""closing totals: sealed blocks of a terminal's documents; cash-variance approvals used up

Revision ID: 0008_closing_totals
Revises: 0007_shop_identity
Create Date: 2026-12-07

`closing_blocks` holds the report figures of each full block of 1,000 documents of a terminal
(sequences 1-1000, 1001-2000...), written in the transaction of the block's last document, so
a Z over a never-closed year reads 200 blocks instead of 200,000 documents (pos.db.closing).
Documents committed before this revision have no block: a Z sums them directly, as before.
`approvals.cash_session_id` binds a `cash_variance` approval to the drawer close that used it,
so it cannot be used twice. `cash_sessions` keeps the drawer's figures as counted at close
(cash in and out by documents, paid-ins, paid-outs), so a Z does not sum a closed session's
documents again; sessions closed before this revision are summed as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos.db.types

# 64-bit on PostgreSQL, as every money column (0003); SQLite keeps INTEGER.
MINOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FIGURES = ("cash_in_minor", "cash_out_minor", "paid_in_minor", "paid_out_minor")

revision = "0008_closing_totals"
down_revision = "0007_shop_identity"
branch_labels = None
depends_on = None

_TIME = pos.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "closing_blocks",
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("block", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("sealed_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "block", name=op.f("pk_closing_blocks")),
    )
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cash_session_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_approvals_cash_session_id_cash_sessions"),
                                    "cash_sessions", ["cash_session_id"], ["id"])
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        for name in _FIGURES:
            batch_op.add_column(sa.Column(name, MINOR, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cash_sessions", schema=None) as batch_op:
        for name in reversed(_FIGURES):
            batch_op.drop_column(name)
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_approvals_cash_session_id_cash_sessions"),
                                 type_="foreignkey")
        batch_op.drop_column("cash_session_id")
    op.drop_table("closing_blocks")
