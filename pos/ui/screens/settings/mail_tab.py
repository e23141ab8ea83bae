"""The settings screen's E-mail tab: the mail server the customer e-mails leave through."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.services.settings import MailServer
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.view_model import SettingsViewModel
from pos.ui.screens.settings.widgets import secret_field, set_field_label, touch_button

FORM_MAX_WIDTH = 760  # px, as the Wix tab's


class MailTab(Retranslating, QWidget):
    """Server, port, STARTTLS, login, password and sender address of the shop's mail server.

    Renders `snapshot.mail` of `SettingsViewModel`; Save hands the fields to it, and it stores
    them in the keyring on the task runner. The password is typed into a masked field and
    cleared as Save takes it: it is never shown back, only whether one is stored. The app's
    sync thread uses the new values at its next tick (``COMPTOIR_SMTP_*``, when set, win).
    """

    def __init__(self, *, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettings")
        self._vm = view_model
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def clear_secrets(self) -> None:
        """Forget a password typed and not saved (the screen is left, someone logs in)."""
        self._password.clear()

    def _build_ui(self) -> None:
        self._state = QLabel(objectName="mailServerState", wordWrap=True)
        self._host, self._port = QLineEdit(objectName="mailHost"), QLineEdit(objectName="mailPort")
        self._port.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self._port.setMaxLength(5)
        self._starttls = touch_button("mailStarttls", checkable=True)
        self._user, self._password = QLineEdit(objectName="mailUser"), secret_field("mailPassword")
        self._sender = QLineEdit(objectName="mailSender")
        form_panel = QWidget(objectName="mailFields")
        form_panel.setMaximumWidth(FORM_MAX_WIDTH)
        self._form = QFormLayout(form_panel)
        self._form.setContentsMargins(0, 0, 0, 0)
        for widget in (self._host, self._port, self._starttls, self._user, self._password,
                       self._sender):  # fmt: skip
            self._form.addRow(QLabel(), widget)
        self._save = touch_button("mailSave")
        layout = QVBoxLayout(self)
        layout.addWidget(self._state)
        layout.addWidget(form_panel)
        layout.addWidget(self._save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self._save.clicked.connect(self._on_save_clicked)
        self._vm.loaded.connect(self.show_settings)

    def _on_save_clicked(self) -> None:
        password = self._password.text()
        self._password.clear()  # the password leaves the screen now, whatever the keyring says
        server = MailServer(self._host.text(), self._port.text(), self._starttls.isChecked(),
                            self._user.text(), self._sender.text())  # fmt: skip
        self._vm.save_mail_server(server, password)

    def _retranslate_ui(self) -> None:
        labels = (
            (self._host, self.tr("Mail server")),
            (self._port, self.tr("Port")),
            (self._starttls, self.tr("Encryption")),
            (self._user, self.tr("User name")),
            (self._password, self.tr("Password")),
            (self._sender, self.tr("Sender address")),
        )
        for widget, text in labels:
            set_field_label(self._form, widget, text)
        self._host.setPlaceholderText(self.tr("smtp.example.com"))
        self._port.setPlaceholderText(self.tr("587 with STARTTLS, else 25"))
        self._starttls.setText(self.tr("STARTTLS (needed to log in)"))
        self._user.setPlaceholderText(self.tr("Empty: the server needs no login"))
        self._sender.setPlaceholderText(self.tr("shop@example.com"))
        self._save.setText(self.tr("Save mail server"))
        self.show_settings()

    def show_settings(self) -> None:
        """The values stored, except a field under the admin's fingers (`loaded`)."""
        snapshot = self._vm.snapshot
        mail = snapshot.mail if snapshot is not None else None
        self._state.setText(self._state_text(mail) if mail is not None else "")
        self._password.setPlaceholderText(
            self.tr("Stored; type a new one to replace it") if mail and mail.password_stored
            else self.tr("The login's password; it is never shown again"))  # fmt: skip
        if mail is None:
            return
        stored_values = ((self._host, mail.host), (self._port, mail.port),
                         (self._user, mail.username), (self._sender, mail.sender))  # fmt: skip
        for field, stored in stored_values:
            if not field.hasFocus():
                field.setText(stored)
        self._starttls.setChecked(mail.starttls)

    def _state_text(self, mail: MailServer) -> str:
        if not mail.configured:
            return self.tr("No mail server yet: customer e-mails wait until one is saved here.")
        return self.tr("Customer e-mails leave through {host} as {sender}.").format(
            host=mail.host, sender=mail.sender)
