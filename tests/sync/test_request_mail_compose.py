"""A return request's decision e-mail, in French and English: number, lines, expiry, QR code."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import zxingcpp
from PIL import Image

from pos.domain.mail import MailKind, MailLine, MailPayloadError
from pos.domain.money import Money
from pos.domain.request_mail import RequestMail, request_mail_from_payload, request_mail_payload
from pos.sync.request_mail_compose import compose_request, qr_png, to_request_message

DECIDED = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)


def approval(language: str, **changes: object) -> RequestMail:
    values: dict[str, object] = {
        "kind": MailKind.RETURN_APPROVED, "language": language, "shop_name": "Lumière",
        "request_id": 12, "order_number": "10234", "customer_name": "Hélène Lefèvre",
        "customer_email": "helene@example.fr",
        "lines": (MailLine("Jean droit", "Taille: M", 1, Money(7990, "EUR")),),
        "date": DECIDED, "authorisation_number": "RA-7K2Q-MX9P-C",
        "qr_payload": "CPT:A:RA-7K2Q-MX9P-C", "expires_at": DECIDED + timedelta(days=14)}
    values.update(changes)
    return RequestMail(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("language", "words"), [
    ("fr", ("Retour accepté — autorisation RA-7K2Q-MX9P-C — commande n° 10234 — Lumière",
            "Bonjour Hélène Lefèvre,", "avant le 22 décembre 2026.", "1 × Jean droit (Taille: M)",
            "79,90\xa0€")),
    ("en", ("Return accepted — authorisation RA-7K2Q-MX9P-C — order 10234 — Lumière",
            "Hello Hélène Lefèvre,", "before December 22, 2026.", "1 × Jean droit (Taille: M)",
            "€79.90")),
])
def test_an_approval_says_the_number_lines_and_expiry(language: str, words: tuple[str, ...]
                                                      ) -> None:
    mail = request_mail_from_payload(request_mail_payload(approval(language)))
    assert mail == approval(language)
    content = compose_request(mail)
    assert content.subject == words[0]
    for word in words[1:]:
        assert word in content.text_body
    assert "RA-7K2Q-MX9P-C" in content.text_body and 'src="cid:qr"' in (content.html_body or "")
    message = to_request_message(mail, content, sender="shop@lumiere.example",
                                 message_id="<x@lumiere.example>")
    assert message["Content-Language"] == language
    [png] = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert png["Content-ID"] == "<qr>" and png.get_filename() == "autorisation-retour.png"


def test_a_rejection_gives_the_reason_and_no_qr() -> None:
    mail = RequestMail(kind=MailKind.RETURN_REJECTED, language="en", shop_name="Lumière",
                       request_id=3, order_number="10234", customer_name="",
                       customer_email="helene@example.fr", lines=(), date=DECIDED,
                       reason="Worn: the label is cut")
    content = compose_request(mail)
    assert content.subject == "Your return request — order 10234 — Lumière"
    assert "Hello,\n\nWe cannot accept" in content.text_body
    assert "Reason:\nWorn: the label is cut" in content.text_body
    message = to_request_message(mail, content, sender="s@lumiere.example", message_id="<y@z>")
    assert not [p for p in message.walk() if p.get_content_type() == "image/png"]


def test_the_qr_png_reads_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "qr.png"
    path.write_bytes(qr_png("CPT:A:RA-7K2Q-MX9P-C"))
    [found] = zxingcpp.read_barcodes(Image.open(path))
    assert found.text == "CPT:A:RA-7K2Q-MX9P-C"


def test_an_approval_without_its_number_or_expiry_is_refused() -> None:
    with pytest.raises(MailPayloadError):
        approval("fr", authorisation_number="")
    with pytest.raises(MailPayloadError):
        approval("fr", expires_at=None)
    with pytest.raises(MailPayloadError):
        request_mail_from_payload({"version": 99})
