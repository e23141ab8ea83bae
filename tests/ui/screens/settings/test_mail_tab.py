"""The E-mail tab: an admin sets the shop's mail server; it goes to the keyring (the password is
never shown back), and the e-mail sender of the sync thread uses it to deliver."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from pos.services.mail import queue_document_mail
from pos.sync.mail_runner import MailRunner, MailStatus
from tests.support.builders import T0
from tests.support.clock import FakeClock
from tests.support.smtp import SmtpTestServer, sample_mail
from tests.ui.screens.login.helpers import button, label, translated
from tests.ui.screens.settings.test_wix_tab import all_texts, field, tap, type_into

PASSWORD = "s3cret-Pa55word!"
SERVICE = "comptoir-smtp"


def open_mail_tab(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    tap(qtbot, screen, "mailTab")
    assert screen.findChild(QWidget, "mailSettings").isVisible()


def mail_state(screen: QWidget) -> str:
    return label(screen, "mailServerState").text()


def test_an_admin_sets_the_mail_server_and_the_password_is_never_shown_back(
    qtbot, make_screen, keyring, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    screen = make_screen()
    open_mail_tab(qtbot, screen)
    assert mail_state(screen) == (
        "No mail server yet: customer e-mails wait until one is saved here.")  # fmt: skip
    assert button(screen, "mailStarttls").isChecked()  # the safe default
    assert button(screen, "mailSave").height() >= 48

    type_into(qtbot, screen, "mailHost", "smtp.lumiere.example")
    type_into(qtbot, screen, "mailUser", "boutique")
    password = type_into(qtbot, screen, "mailPassword", PASSWORD)
    assert password.echoMode() == QLineEdit.EchoMode.Password
    type_into(qtbot, screen, "mailSender", "boutique@lumiere.example")
    tap(qtbot, screen, "mailSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")

    assert label(screen, "settingsStatus").text() == "The mail server is saved."
    assert keyring == {
        (SERVICE, "smtp-host"): "smtp.lumiere.example",
        (SERVICE, "smtp-starttls"): "true",
        (SERVICE, "smtp-user"): "boutique",
        (SERVICE, "smtp-from"): "boutique@lumiere.example",
        (SERVICE, "boutique"): PASSWORD,
    }
    qtbot.waitUntil(lambda: mail_state(screen).startswith("Customer e-mails leave"))
    assert mail_state(screen) == ("Customer e-mails leave through smtp.lumiere.example as "
                                  "boutique@lumiere.example.")  # fmt: skip
    assert password.text() == ""
    assert password.placeholderText() == "Stored; type a new one to replace it"
    assert not any(PASSWORD in text for text in all_texts(screen))
    assert PASSWORD not in caplog.text


def test_a_login_without_starttls_is_refused_in_plain_words(
    qtbot, make_screen, keyring
) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    open_mail_tab(qtbot, screen)
    type_into(qtbot, screen, "mailHost", "smtp.lumiere.example")
    type_into(qtbot, screen, "mailUser", "boutique")
    type_into(qtbot, screen, "mailPassword", PASSWORD)
    type_into(qtbot, screen, "mailSender", "boutique@lumiere.example")
    tap(qtbot, screen, "mailStarttls")  # off
    tap(qtbot, screen, "mailSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    refusal = "A login needs STARTTLS: the password is never sent unencrypted. Turn STARTTLS on."
    assert label(screen, "settingsStatus").text() == refusal
    assert keyring == {}
    assert field(screen, "mailPassword").text() == ""  # gone from the screen all the same


@pytest.mark.parametrize("who", ["cashier", "manager"])
def test_a_non_admin_never_sees_the_mail_tab(qtbot, make_screen, shop, who) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(getattr(shop, who))
    assert button(screen, "mailTab").isHidden()
    screen.show_tab("mail")
    assert button(screen, "printerTab").isChecked()


def test_the_sync_thread_sends_through_the_server_saved_here(
    qtbot, make_screen, keyring, shop, smtp_server: SmtpTestServer
) -> None:  # type: ignore[no-untyped-def]
    with shop.sessions.begin() as s:
        queue_document_mail(s, sample_mail(document_number="T1-000042"), now=T0)
    mail = MailRunner(sessions=shop.sessions, clock=FakeClock(T0), environ={},
                      keyring_get=lambda service, name: keyring.get((service, name)),
                      rng=random.Random(1))  # fmt: skip
    assert mail.run_once().problem == "no SMTP server: set COMPTOIR_SMTP_HOST"

    screen = make_screen()
    open_mail_tab(qtbot, screen)
    type_into(qtbot, screen, "mailHost", "127.0.0.1")
    type_into(qtbot, screen, "mailPort", str(smtp_server.port))
    tap(qtbot, screen, "mailStarttls")  # a loopback server without TLS, and no login
    type_into(qtbot, screen, "mailSender", "boutique@lumiere.example")
    tap(qtbot, screen, "mailSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "ok")

    assert mail.run_once() == MailStatus()  # the next tick reads the new settings
    [received] = smtp_server.messages
    assert received.mail_from == "boutique@lumiere.example"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[str]:
    yield from translated(qapp, "fr")


def test_the_mail_tab_in_french(qtbot, make_screen, french) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen()
    open_mail_tab(qtbot, screen)
    assert button(screen, "mailTab").text() == "E-mail"
    assert mail_state(screen).startswith("Pas encore de serveur de messagerie")
    shown = {w.text() for w in screen.findChildren(QLabel) if w.isVisible()}
    assert {"Serveur de messagerie", "Mot de passe", "Adresse d’expédition"} <= shown
    assert button(screen, "mailSave").text() == "Enregistrer le serveur de messagerie"
    tap(qtbot, screen, "mailSave")
    qtbot.waitUntil(lambda: screen.view_model.status_kind == "error")
    assert label(screen, "settingsStatus").text() == (
        "Tapez le nom du serveur de messagerie (smtp.exemple.fr), sans espaces.")  # fmt: skip
