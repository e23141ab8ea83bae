"""The customer e-mail signs with the shop identity saved in Settings (read in the commit's
transaction), delivered through a real SMTP server on loopback."""

from __future__ import annotations

from email.utils import parseaddr

from pos.domain.shop_identity import ShopIdentity
from pos.services.returns import Notify
from pos.services.shop import ShopService
from tests.support.closing import cash_refund
from tests.support.shop import build_shop
from tests.support.smtp import SmtpTestServer
from tests.sync.test_mail_runner import runner, smtp_environ

MAIL = Notify("helene@example.fr", "fr")


def test_the_mail_signs_with_the_identity_saved_in_settings(
        sessions, smtp_server: SmtpTestServer) -> None:  # type: ignore[no-untyped-def]
    shop = build_shop(sessions)
    admin = shop.users.login("admin", "7391")
    cash_refund(shop, "30001", MAIL)  # before any identity: the configured name
    ShopService(sessions=sessions, clock=shop.clock, default=ShopIdentity("Comptoir")).save(
        admin, ShopIdentity("Boutique Lumière", "12 rue des Lilas", "", "73282932000074",
                            "FR44732829320"))  # fmt: skip
    cash_refund(shop, "30002", MAIL)  # the same service, started before the save

    runner(sessions, shop.clock, smtp_environ(smtp_server.port)).run_once()

    first, second = smtp_server.messages
    assert parseaddr(first.message["From"])[0] == "Comptoir"
    assert parseaddr(second.message["From"])[0] == "Boutique Lumière"
    body = second.message.get_body(("plain",)).get_content()
    assert body.rstrip().endswith("Boutique Lumière")
