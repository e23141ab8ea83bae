"""Queueing a counter document's confirmation e-mail in the committing transaction."""

from __future__ import annotations

from datetime import datetime

from pos.db.outbox import OutboxSession, enqueue
from pos.domain.mail import (
    DOCUMENT_MAIL_KIND,
    MAIL_DESTINATION,
    DocumentMail,
    mail_object_key,
    mail_payload,
)


def queue_document_mail(
    session: OutboxSession,
    mail: DocumentMail,
    *,
    now: datetime,
    document_id: str | None = None,
) -> int:
    """Add `mail` to the outbox; it is sent after the document's transaction commits.

    Call it inside the transaction that writes the document, so the e-mail exists exactly
    when the document does. The mail dispatcher (`pos.sync.mail`) delivers it later.

    Args:
        session: the committing transaction's session.
        mail: the e-mail's content, already validated by `DocumentMail`.
        now: commit time.
        document_id: the counter document's id, linking the message to it.

    Returns:
        The outbox message id.
    """
    return enqueue(
        session,
        destination=MAIL_DESTINATION,
        kind=DOCUMENT_MAIL_KIND,
        object_key=mail_object_key(mail.document_number),
        payload=mail_payload(mail),
        document_id=document_id,
        now=now,
    )
