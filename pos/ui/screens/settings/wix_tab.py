"""The settings screen's Wix tab: which way Comptoir signs in to Wix, and that way's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.view_model import (
    API_KEY,
    WIX_APP,
    WIX_WAYS,
    SettingsViewModel,
    WixConnection,
)
from pos.ui.screens.settings.widgets import secret_field, set_field_label, touch_button

FORM_MAX_WIDTH = 760  # px: an ID or a pasted key fits; on a wide screen the fields stop there
WAY_MIN_WIDTH = 220  # px: two large toggles, whatever the language's words


class WixTab(Retranslating, QWidget):
    """Two ways to sign in to Wix, chosen with two large toggles, and the chosen way's fields.

    - API key: the site owner's API key and the site ID;
    - Wix app: an app's client ID, client secret and instance ID (OAuth client credentials).

    Renders the Wix part of `SettingsViewModel` (`snapshot.wix`, `wix_way`); Save hands the
    chosen way's values to it, and it stores them in the keyring on the task runner, where the
    other way's entries are removed. The API key and the client secret are typed into masked
    fields and cleared as Save takes them: they are never shown back, only which way is
    stored. The site, client and instance IDs are not secrets and are shown as stored.
    """

    def __init__(self, *, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wixSettings")
        self._vm = view_model
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def clear_secrets(self) -> None:
        """Forget a key or secret typed and not saved (the screen is left, someone logs in)."""
        self._api_key.clear()
        self._client_secret.clear()

    # ------------------------------------------------------------ building

    def _build_ui(self) -> None:
        self._state = QLabel(objectName="wixState")
        self._state.setWordWrap(True)
        self._ways_label = QLabel(objectName="sectionTitle")
        self._ways = {way: touch_button(f"wixWay_{way}", checkable=True) for way in WIX_WAYS}
        self._way_group = QButtonGroup(self)  # exclusive: one way at a time
        ways = QHBoxLayout()
        for button in self._ways.values():
            button.setMinimumWidth(WAY_MIN_WIDTH)
            self._way_group.addButton(button)
            ways.addWidget(button)
        ways.addStretch(1)
        self._hint = QLabel(objectName="wixHint")
        self._hint.setWordWrap(True)
        self._api_key, self._site_id = secret_field("wixApiKey"), QLineEdit(objectName="wixSiteId")
        self._client_id = QLineEdit(objectName="wixClientId")
        self._client_secret = secret_field("wixClientSecret")
        self._instance_id = QLineEdit(objectName="wixInstanceId")
        self._fields = {
            API_KEY: (self._api_key, self._site_id),
            WIX_APP: (self._client_id, self._client_secret, self._instance_id),
        }
        self._save = touch_button("wixSave")
        layout = QVBoxLayout(self)
        layout.addWidget(self._state)
        layout.addSpacing(8)
        layout.addWidget(self._ways_label)
        layout.addLayout(ways)
        layout.addWidget(self._hint)
        layout.addWidget(self._build_form())
        layout.addWidget(self._save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _build_form(self) -> QWidget:
        """Both ways' fields in one form (their labels line up); only the chosen way's rows
        are shown, so the form is as tall as they are."""
        panel = QWidget(objectName="wixFields")
        panel.setMaximumWidth(FORM_MAX_WIDTH)
        self._form = QFormLayout(panel)
        self._form.setContentsMargins(0, 0, 0, 0)
        for fields in self._fields.values():
            for field in fields:
                self._form.addRow(QLabel(), field)
        return panel

    def _connect_signals(self) -> None:
        for way, button in self._ways.items():
            button.clicked.connect(lambda _=False, way=way: self._vm.choose_wix_way(way))
        self._save.clicked.connect(self._on_save_clicked)
        self._vm.loaded.connect(self.show_settings)
        self._vm.wix_way_changed.connect(self.show_settings)

    def _on_save_clicked(self) -> None:
        # The secret leaves the screen now, whatever the keyring says.
        if self._vm.wix_way == WIX_APP:
            secret = self._client_secret.text()
            self._client_secret.clear()
            self._vm.save_wix_app(self._client_id.text(), secret, self._instance_id.text())
        else:
            api_key = self._api_key.text()
            self._api_key.clear()
            self._vm.save_wix(api_key, self._site_id.text())

    # ------------------------------------------------------------ rendering

    def _retranslate_ui(self) -> None:
        self._ways[API_KEY].setText(self.tr("API key"))
        self._ways[WIX_APP].setText(self.tr("Wix app"))
        self._ways_label.setText(self.tr("Sign in to Wix with"))
        labels = (
            (self._api_key, self.tr("API key")),
            (self._site_id, self.tr("Site ID")),
            (self._client_id, self.tr("Client ID")),
            (self._client_secret, self.tr("Client secret")),
            (self._instance_id, self.tr("Instance ID")),
        )
        for field, text in labels:
            set_field_label(self._form, field, text)
        self._api_key.setPlaceholderText(self.tr("Paste a new key to replace the stored one"))
        self._client_secret.setPlaceholderText(
            self.tr("Paste the app's secret; it is never shown again")
        )
        self._save.setText(self.tr("Save Wix connection"))
        self.show_settings()

    def show_settings(self) -> None:
        """The way stored, the way chosen and its fields (`loaded`, `wix_way_changed`)."""
        way, snapshot = self._vm.wix_way, self._vm.snapshot
        self._ways[way].setChecked(True)
        for fields_way, fields in self._fields.items():
            for field in fields:
                self._form.setRowVisible(field, fields_way == way)
        wix = snapshot.wix if snapshot is not None else None
        self._state.setText(self._state_text(wix) if wix is not None else "")
        self._hint.setText(self._hint_text(way, wix.sign_in if wix is not None else ""))
        if wix is None:
            return
        for field, stored in (
            (self._site_id, wix.site_id),
            (self._client_id, wix.client_id),
            (self._instance_id, wix.instance_id),
        ):
            if not field.hasFocus():  # never under the admin's fingers
                field.setText(stored)

    def _state_text(self, wix: WixConnection) -> str:
        if wix.sign_in == API_KEY:
            return self.tr("Signed in with an API key for site {site}.").format(site=wix.site_id)
        if wix.sign_in == WIX_APP:
            return self.tr("Signed in as a Wix app (client {client}, instance {instance}).").format(
                client=wix.client_id, instance=wix.instance_id
            )
        return self.tr("Not connected to Wix yet.")

    def _hint_text(self, way: str, stored: str) -> str:
        if way == WIX_APP:
            hint = self.tr(
                "A Wix app installed on the shop's site: its client ID and secret, and the "
                "instance ID of its installation."
            )
        else:
            hint = self.tr(
                "An API key made by the site owner in Wix's API keys manager, and the ID of "
                "the shop's site."
            )
        if stored == API_KEY and way == WIX_APP:
            hint += " " + self.tr("Saving replaces the API key stored now.")
        elif stored == WIX_APP and way == API_KEY:
            hint += " " + self.tr("Saving replaces the Wix app stored now.")
        return hint
