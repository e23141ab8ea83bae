"""`comptoir mail send`: a refund's confirmation e-mail reaches a real SMTP server."""

from __future__ import annotations

import pytest

from pos.cli import main
from pos.db.engine import make_engine, make_sessions
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.settlement import Tender, TenderMethod
from pos.services.returns import Notify
from tests.support.shop import build_shop, sell
from tests.support.smtp import SmtpTestServer


def test_a_refund_e_mail_is_sent_from_the_command_line(
        db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(db_url)
    shop = build_shop(make_sessions(engine))
    order = sell(shop, "70001", [("T-S-M", 1)])
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    done = shop.returns.commit(
        shop.cashier, order, Draft(DocumentKind.REFUND, (ReturnRequest(line, 1),)),
        [Tender(TenderMethod.CASH, Money(2990, "EUR"))],
        notify=Notify("helene@example.fr", "fr"))
    engine.dispose()
    assert main(["mail", "status", "--db", db_url]) == 0
    assert "pending 1" in capsys.readouterr().out

    server = SmtpTestServer().start()
    try:
        monkeypatch.setenv("COMPTOIR_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("COMPTOIR_SMTP_PORT", str(server.port))
        monkeypatch.setenv("COMPTOIR_SMTP_STARTTLS", "false")
        monkeypatch.setenv("COMPTOIR_SMTP_FROM", "boutique@example.fr")
        assert main(["mail", "send", "--db", db_url]) == 0
        assert "sent 1" in capsys.readouterr().out
        (message,) = server.messages
        assert done.number in message.message["Subject"]
        assert message.rcpt_tos == ("helene@example.fr",)
        assert main(["mail", "send", "--db", db_url]) == 0  # nothing sent twice
        assert len(server.messages) == 1
    finally:
        server.stop()


def test_missing_smtp_settings_are_named(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("COMPTOIR_SMTP_HOST", raising=False)
    assert main(["mail", "send", "--db", "sqlite:///:memory:"]) == 2
    assert "COMPTOIR_SMTP" in capsys.readouterr().err
