"""return requests: a customer's request to return lines of an order, decided by a manager

Revision ID: 0012_return_requests
Revises: 0011_card_details
Create Date: 2026-12-08

`return_requests` (one per request: order, customer e-mail and language, reason and note,
state, who recorded and decided it and when, the decision's reason, the authorisation number
given on approval and its expiry, the counter document that used it), `return_request_lines`
(order line, quantity, reason) and `return_request_photos` (JPEG or PNG bytes). See
docs/return-requests.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pos.db.types

revision = "0012_return_requests"
down_revision = "0011_card_details"
branch_labels = None
depends_on = None

_TIME = pos.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "return_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("customer_email", sa.String(length=254), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", _TIME, nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", _TIME, nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("authorisation_number", sa.String(length=16), nullable=True),
        sa.Column("expires_at", _TIME, nullable=True),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_return_requests_order_id_orders")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_return_requests_recorded_by_id_users")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"],
                                name=op.f("fk_return_requests_decided_by_id_users")),
        sa.ForeignKeyConstraint(["document_id"], ["counter_documents.id"],
                                name=op.f("fk_return_requests_document_id_counter_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_requests")),
        sa.UniqueConstraint("authorisation_number",
                            name=op.f("uq_return_requests_authorisation_number")),
    )
    op.create_index(op.f("ix_return_requests_order_id"), "return_requests", ["order_id"])
    op.create_index("ix_return_requests_state_expires", "return_requests",
                    ["state", "expires_at"])
    op.create_table(
        "return_request_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["return_requests.id"],
                                name=op.f("fk_return_request_lines_request_id_return_requests")),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"],
                                name=op.f("fk_return_request_lines_order_line_id_order_lines")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_request_lines")),
    )
    op.create_index(op.f("ix_return_request_lines_request_id"), "return_request_lines",
                    ["request_id"])
    op.create_table(
        "return_request_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["return_requests.id"],
                                name=op.f("fk_return_request_photos_request_id_return_requests")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_request_photos")),
    )
    op.create_index(op.f("ix_return_request_photos_request_id"), "return_request_photos",
                    ["request_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_return_request_photos_request_id"), table_name="return_request_photos")
    op.drop_table("return_request_photos")
    op.drop_index(op.f("ix_return_request_lines_request_id"), table_name="return_request_lines")
    op.drop_table("return_request_lines")
    op.drop_index("ix_return_requests_state_expires", table_name="return_requests")
    op.drop_index(op.f("ix_return_requests_order_id"), table_name="return_requests")
    op.drop_table("return_requests")
