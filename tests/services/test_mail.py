"""Queueing a document's confirmation e-mail with the committing transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import OutboxMessageRecord
from pos.domain.mail import mail_from_payload
from pos.services.mail import queue_document_mail
from tests.support.builders import T0
from tests.support.smtp import sample_mail


def test_the_mail_is_queued_for_the_mail_server_with_its_content(
    sessions: SessionFactory,
) -> None:
    mail = sample_mail()
    with sessions.begin() as s:
        message_id = queue_document_mail(s, mail, now=T0)
    with sessions() as s:
        record = s.get(OutboxMessageRecord, message_id)
        assert record is not None
        assert (record.destination, record.kind, record.object_key, record.state) == (
            "mail",
            "document_email",
            "mail:T1-000123",
            "pending",
        )
        assert mail_from_payload(record.payload) == mail


def test_no_mail_survives_a_transaction_that_fails(sessions: SessionFactory) -> None:
    with pytest.raises(RuntimeError), sessions.begin() as s:
        queue_document_mail(s, sample_mail(), now=T0)
        raise RuntimeError("the document could not be written")
    with sessions() as s:
        assert s.scalars(select(OutboxMessageRecord)).all() == []
