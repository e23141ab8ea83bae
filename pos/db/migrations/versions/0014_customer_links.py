"""customer links: a customer's gift cards and store credit are read by the customer view

Revision ID: 0014_customer_links
Revises: 0013_no_receipt_returns
Create Date: 2026-12-08

`gift_cards.customer_id` (the customer a card was issued to, chosen at settle or when a paper
card is registered) gets an index: the customer view and the settle screen's "Find by
customer" list one customer's cards without reading every card.
"""

from __future__ import annotations

from alembic import op

revision = "0014_customer_links"
down_revision = "0013_no_receipt_returns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gift_cards") as batch:
        batch.create_index(batch.f("ix_gift_cards_customer_id"), ["customer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("gift_cards") as batch:
        batch.drop_index(batch.f("ix_gift_cards_customer_id"))
