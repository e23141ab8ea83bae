"""The settings screen's Signing key tab: the shop's public closure-signing key, to note down."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.closing import key_fingerprint
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.widgets import touch_button
from pos.ui.workers import TaskRunner

log = logging.getLogger(__name__)

KEY_TASK = "settings-signing-key"


class KeyTab(Retranslating, QWidget):
    """The public key that signs every Z and archive, its fingerprint, and a Copy button.

    The key is read on the task runner (the keyring, or the key file, may be slow; the first
    read makes the key): `refresh()` each time the screen is shown. The key is public: anyone
    may see it, and the tax inspector checks closures and archives against it
    (docs/closing.md). The full key is selectable text; Copy puts it on the clipboard.
    """

    def __init__(self, *, runner: TaskRunner | None, load_key: Callable[[], str] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keySettings")
        self._runner, self._load_key = runner, load_key
        self._key, self._failed = "", False
        self._build_ui()
        self._copy.clicked.connect(self._on_copy_clicked)
        self._retranslate_ui()

    @property
    def key(self) -> str:
        """The public key shown (hex), "" until read."""
        return self._key

    def refresh(self) -> None:
        """Read the key again, off the GUI thread."""
        load, runner = self._load_key, self._runner
        if load is None or runner is None:
            return
        runner.submit(load, key=KEY_TASK, on_success=self._on_key,
                            on_error=self._on_error)

    def _build_ui(self) -> None:
        self._intro = QLabel(objectName="keyIntro", wordWrap=True)
        self._fingerprint_label = QLabel(objectName="keyFingerprintLabel")
        self._fingerprint = QLabel(objectName="keyFingerprint")
        self._fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._key_label = QLabel(objectName="keyTextLabel")
        self._key_text = QLineEdit(objectName="keyText", readOnly=True)  # selectable, copyable
        self._copy = touch_button("keyCopy")
        self._state = QLabel(objectName="keyState", wordWrap=True)
        layout = QVBoxLayout(self)
        for widget in (self._intro, self._fingerprint_label, self._fingerprint, self._key_label,
                       self._key_text):
            layout.addWidget(widget)
        layout.addWidget(self._copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._state)
        layout.addStretch(1)

    def _retranslate_ui(self) -> None:
        self._intro.setText(self.tr(
            "Every Z, day, month and year closure and every archive is signed with the shop's "
            "key. Note this public key, or its fingerprint, on paper: closures and archives are "
            "checked against it."))
        self._fingerprint_label.setText(self.tr("Fingerprint"))
        self._key_label.setText(self.tr("Public key (Ed25519)"))
        self._copy.setText(self.tr("Copy the key"))
        self._render()

    def _render(self) -> None:
        self._fingerprint.setText(key_fingerprint(self._key) if self._key else "")
        self._key_text.setText(self._key)
        self._copy.setEnabled(bool(self._key))
        if self._failed:
            self._state.setText(self.tr("The signing key cannot be read on this terminal."))
        elif not self._key:
            self._state.setText(self.tr("Reading the key…") if self._load_key else "")

    def _on_key(self, key: str) -> None:
        self._key, self._failed = key, False
        self._state.setText("")
        self._render()

    def _on_error(self, error: BaseException) -> None:
        log.warning("the signing key could not be read: %s", error)
        self._key, self._failed = "", True
        self._render()

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._key)
        self._state.setText(self.tr("Copied: paste it where you keep the shop's records."))
