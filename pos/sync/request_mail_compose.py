"""Writing a return request's decision e-mail in French or English, with the QR code inline.

An approval says the authorisation number, the lines, until when it is valid, and carries the
number's QR code as a PNG shown in the HTML body (`cid:`) — the same payload a cashier scans
(`pos.domain.return_requests.authorisation_payload`). A rejection gives the manager's reason.
"""

from __future__ import annotations

import html
import io
from email.message import EmailMessage

import qrcode
from babel import dates as babel_dates

from pos.domain.request_mail import RequestMail
from pos.sync.mail_compose import LOCALES, EmailContent, format_money, to_email_message

QR_FILENAME = "autorisation-retour.png"

_TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "subject_approved": "Retour accepté — autorisation {number} — commande n° {order} — {shop}",
        "subject_rejected": "Votre demande de retour — commande n° {order} — {shop}",
        "hello": "Bonjour {name},",
        "hello_anonymous": "Bonjour,",
        "approved": "Votre demande de retour sur la commande n° {order} est acceptée.",
        "number": "Numéro d'autorisation de retour : {number}",
        "expires": "Rapportez les articles en boutique avec ce numéro ou ce QR code avant le "
        "{date}.",
        "lines": "Articles acceptés",
        "rejected": "Nous ne pouvons pas accepter votre demande de retour sur la commande "
        "n° {order}.",
        "reason": "Motif :",
        "closing": "Cordialement,",
    },
    "en": {
        "subject_approved": "Return accepted — authorisation {number} — order {order} — {shop}",
        "subject_rejected": "Your return request — order {order} — {shop}",
        "hello": "Hello {name},",
        "hello_anonymous": "Hello,",
        "approved": "Your return request on order {order} is accepted.",
        "number": "Return authorisation number: {number}",
        "expires": "Bring the items to the shop with this number or this QR code before {date}.",
        "lines": "Accepted items",
        "rejected": "We cannot accept your return request on order {order}.",
        "reason": "Reason:",
        "closing": "Kind regards,",
    },
}


def qr_png(payload: str) -> bytes:
    """`payload` as a PNG QR code, with its quiet zone, large enough for a phone to show."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8)
    code.add_data(payload)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue()


def compose_request(mail: RequestMail) -> EmailContent:
    """Subject and bodies of `mail` in its language; the HTML shows the QR as `cid:qr`."""
    texts = _TEXTS[mail.language]
    kind = "approved" if mail.approved else "rejected"
    subject = texts[f"subject_{kind}"].format(
        number=mail.authorisation_number, order=mail.order_number, shop=mail.shop_name)
    paragraphs = _paragraphs(mail, texts)
    rows = [(f"{line.quantity} × {line.name}" + (f" ({line.options})" if line.options else ""),
             format_money(line.amount, mail.language)) for line in mail.lines]
    text = "\n\n".join([*paragraphs[:-1],
                        *([texts["lines"] + "\n" + "\n".join(f"  {a} — {b}" for a, b in rows)]
                          if mail.approved and rows else []),
                        paragraphs[-1]]) + "\n"
    e = html.escape
    parts = [f"<p>{e(p)}</p>".replace("\n", "<br>") for p in paragraphs[:-1]]
    if mail.approved:
        parts.append(f'<p><img src="cid:qr" alt="{e(mail.qr_payload)}" width="240"></p>')
        if rows:
            cells = "".join(f'<tr><td>{e(a)}</td><td style="text-align:right">{e(b)}</td></tr>'
                            for a, b in rows)
            parts.append(f"<h3>{e(texts['lines'])}</h3><table>{cells}</table>")
    parts.append(f"<p>{e(paragraphs[-1])}</p>".replace("\n", "<br>"))
    body = "\n".join(parts)
    return EmailContent(subject, text, f'<!DOCTYPE html>\n<html lang="{mail.language}"><head>'
                        f'<meta charset="utf-8"><title>{e(subject)}</title></head>\n<body>\n'
                        f"{body}\n</body></html>\n")


def _paragraphs(mail: RequestMail, texts: dict[str, str]) -> list[str]:
    """Greeting, what was decided (and how to use it), closing."""
    greeting = (texts["hello"].format(name=mail.customer_name) if mail.customer_name
                else texts["hello_anonymous"])
    if mail.approved:
        assert mail.expires_at is not None  # RequestMail checks an approval has one
        date = babel_dates.format_date(mail.expires_at.date(), "long",
                                       locale=LOCALES[mail.language])
        decided = [texts["approved"].format(order=mail.order_number),
                   texts["number"].format(number=mail.authorisation_number),
                   texts["expires"].format(date=date)]
    else:
        decided = [texts["rejected"].format(order=mail.order_number),
                   f"{texts['reason']}\n{mail.reason.strip()}"]
    return [greeting, *decided, f"{texts['closing']}\n{mail.shop_name}"]


def to_request_message(mail: RequestMail, content: EmailContent, *, sender: str,
                       message_id: str) -> EmailMessage:
    """A MIME message: text, and HTML with (for an approval) the QR code as an inline PNG."""
    message = to_email_message(mail, content, sender=sender, message_id=message_id)
    if mail.approved and content.html_body is not None:
        html_part = message.get_body(("html",))
        assert isinstance(html_part, EmailMessage)  # to_email_message added it just now
        html_part.add_related(qr_png(mail.qr_payload), "image", "png", cid="<qr>",
                              filename=QR_FILENAME, disposition="inline")
    return message


__all__ = ["compose_request", "qr_png", "to_request_message"]
