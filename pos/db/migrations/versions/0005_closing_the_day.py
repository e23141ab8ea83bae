"""closing the day: cash sessions and moves, signed closures, documents' sequence and session

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos.db.types

# 64-bit on PostgreSQL, as every money column (0003); SQLite keeps INTEGER.
MINOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TIME = pos.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("closed_at", _TIME, nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("audit_head_hash", sa.String(length=64), nullable=False),
        sa.Column("audit_count", sa.Integer(), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
        sa.UniqueConstraint("hash", name=op.f("uq_closures_hash")),
        sa.UniqueConstraint("number", name=op.f("uq_closures_number")),
    )
    op.create_index("ix_closures_kind_terminal_period", "closures",
                    ["kind", "terminal_id", "period"], unique=False)
    op.create_table(
        "cash_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("opening_float_minor", MINOR, nullable=False),
        sa.Column("opened_at", _TIME, nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", _TIME, nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("counted_minor", MINOR, nullable=True),
        sa.Column("expected_minor", MINOR, nullable=True),
        sa.Column("variance_minor", MINOR, nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("closure_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["approved_by_id"], ["users.id"],
                                name=op.f("fk_cash_sessions_approved_by_id_users")),
        sa.ForeignKeyConstraint(["closed_by_id"], ["users.id"],
                                name=op.f("fk_cash_sessions_closed_by_id_users")),
        sa.ForeignKeyConstraint(["closure_id"], ["closures.id"],
                                name=op.f("fk_cash_sessions_closure_id_closures")),
        sa.ForeignKeyConstraint(["opened_by_id"], ["users.id"],
                                name=op.f("fk_cash_sessions_opened_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_sessions")),
    )
    op.create_index(op.f("ix_cash_sessions_terminal_id"), "cash_sessions", ["terminal_id"],
                    unique=False)
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("amount_minor", MINOR, nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _TIME, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["cash_sessions.id"],
                                name=op.f("fk_cash_movements_session_id_cash_sessions")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_cash_movements_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    op.create_index(op.f("ix_cash_movements_session_id"), "cash_movements", ["session_id"],
                    unique=False)
    with op.batch_alter_table("counter_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cash_session_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_counter_documents_cash_session_id_cash_sessions"),
            "cash_sessions", ["cash_session_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_counter_documents_cash_session_id"),
                              ["cash_session_id"], unique=False)
        batch_op.create_index("ix_counter_documents_terminal_sequence",
                              ["terminal_id", "sequence"], unique=False)
    op.create_index("ix_audit_entries_subject", "audit_entries", ["subject"], unique=False)
    # Documents numbered before this revision get their sequence from their number (T1-000123).
    documents = sa.table("counter_documents", sa.column("id", sa.String()),
                         sa.column("number", sa.String()), sa.column("sequence", sa.Integer()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(documents.c.id, documents.c.number)).all()
    for document_id, number in rows:
        digits = number.rsplit("-", 1)[-1]
        if digits.isdigit():
            connection.execute(sa.update(documents).where(documents.c.id == document_id)
                               .values(sequence=int(digits)))


def downgrade() -> None:
    op.drop_index("ix_audit_entries_subject", table_name="audit_entries")
    with op.batch_alter_table("counter_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_counter_documents_terminal_sequence")
        batch_op.drop_index(batch_op.f("ix_counter_documents_cash_session_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_counter_documents_cash_session_id_cash_sessions"), type_="foreignkey")
        batch_op.drop_column("cash_session_id")
        batch_op.drop_column("sequence")
    op.drop_index(op.f("ix_cash_movements_session_id"), table_name="cash_movements")
    op.drop_table("cash_movements")
    op.drop_index(op.f("ix_cash_sessions_terminal_id"), table_name="cash_sessions")
    op.drop_table("cash_sessions")
    op.drop_index("ix_closures_kind_terminal_period", table_name="closures")
    op.drop_table("closures")
