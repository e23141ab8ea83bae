"""A real SMTP server on loopback for e-mail tests (aiosmtpd), with faults on demand.

`SmtpTestServer` collects what it receives; `reply_to_recipients` makes it answer RCPT with a
temporary (451) or permanent (550) refusal; it can offer STARTTLS with a self-signed
certificate (`make_certificate`, needs the `cryptography` package) and require a login.
`sample_mail` builds a typical confirmation e-mail to send.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from pos.domain.mail import DocumentMail, MailFee, MailKind, MailLine, MailTender
from pos.domain.money import Money
from pos.domain.settlement import BalanceKind

TEMPORARY_REFUSAL = "451 4.3.0 Mailbox temporarily unavailable, try again later"
PERMANENT_REFUSAL = "550 5.1.1 No such user here"


def free_port() -> int:
    """A loopback port nobody listens on right now (a closed port, until someone binds it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    raw: bytes


@dataclass
class CollectingHandler:
    """aiosmtpd handler keeping every accepted message; `rcpt_reply` refuses recipients."""

    messages: list[ReceivedMail] = field(default_factory=list)
    rcpt_reply: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply is not None:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = bytes(envelope.content)
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        with self._lock:
            self.messages.append(
                ReceivedMail(envelope.mail_from, tuple(envelope.rcpt_tos), parsed, raw)
            )
        return "250 Message accepted for delivery"


class SmtpTestServer:
    """An aiosmtpd `Controller` on 127.0.0.1, started and stopped by the test."""

    def __init__(
        self,
        *,
        port: int | None = None,
        tls: tuple[Path, Path] | None = None,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.handler = CollectingHandler()
        self.logins: list[str] = []
        self._controller = Controller(
            self.handler, hostname=self.host, port=self.port, **self._options(tls, credentials)
        )
        self._running = False

    def _options(
        self, tls: tuple[Path, Path] | None, credentials: tuple[str, str] | None
    ) -> dict[str, Any]:
        options: dict[str, Any] = {"ready_timeout": 5.0}
        if tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            options.update(tls_context=context, require_starttls=True)
        if credentials is not None:
            options.update(authenticator=self._authenticator(credentials), auth_require_tls=True)
        return options

    def _authenticator(self, credentials: tuple[str, str]):  # type: ignore[no-untyped-def]
        def check(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
            ok = (
                isinstance(auth_data, LoginPassword)
                and (
                    auth_data.login.decode(),
                    auth_data.password.decode(),
                )
                == credentials
            )
            if ok:
                self.logins.append(auth_data.login.decode())
            return AuthResult(success=ok, handled=False)

        return check

    @property
    def messages(self) -> list[ReceivedMail]:
        return list(self.handler.messages)

    def reply_to_recipients(self, reply: str | None) -> None:
        """Answer RCPT with `reply` (e.g. `TEMPORARY_REFUSAL`); None accepts again."""
        self.handler.rcpt_reply = reply

    def start(self) -> SmtpTestServer:
        self._controller.start()
        self._running = True
        return self

    def stop(self) -> None:
        if self._running:
            self._controller.stop()
            self._running = False


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (certificate, key) PEM files.

    Raises:
        ImportError: the `cryptography` package is not installed.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Comptoir test SMTP")])
    now = dt.datetime.now(dt.UTC)
    san = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def sample_mail(**changes: Any) -> DocumentMail:
    """An exchange of one T-shirt for a cheaper one, refunded partly on a new gift card."""
    eur = "EUR"
    fields: dict[str, Any] = {
        "kind": MailKind.EXCHANGE,
        "language": "fr",
        "shop_name": "Boutique Lumière",
        "document_number": "T1-000123",
        "order_number": "10234",
        "customer_name": "Hélène Lefèvre",
        "customer_email": "helene.lefevre@example.fr",
        "returned_lines": (MailLine("T-shirt coton bio", "M / Bleu", 2, Money(9980, eur)),),
        "new_lines": (MailLine("Débardeur lin", "S / Écru", 1, Money(5270, eur)),),
        "fees": (MailFee("restocking", Money(500, eur)),),
        "balance": Money(-4210, eur),
        "balance_kind": BalanceKind.LOWER,
        "tenders": (
            MailTender("card", Money(3000, eur), "**** 4242"),
            MailTender("gift_card", Money(1210, eur), "GC-7Q2M-K9XD"),
        ),
        "gift_card_code": "GC-7Q2M-K9XD",
        "note": "Merci pour votre patience !\nÀ bientôt.",
        "date": dt.datetime(2026, 11, 1, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    }
    fields.update(changes)
    return DocumentMail(**fields)
