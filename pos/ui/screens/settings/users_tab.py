"""The settings screen's Users tab: everyone's account, a new user, disable / enable, a new PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.roles import Role
from pos.services.users import UserView
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.login.models import role_label
from pos.ui.screens.settings.models import SettingsUsersTableModel, user_actions_reason
from pos.ui.screens.settings.view_model import SettingsViewModel
from pos.ui.screens.settings.widgets import secret_field, touch_button
from pos.ui.scroll_area import VerticalScrollArea

SIDE_MAX_WIDTH = 560  # px: the users' forms; on a wide screen the list takes the rest


class UsersTab(Retranslating, QWidget):
    """The list of users beside two forms: a new user (username, name, role, PIN twice) and,
    for the user tapped in the list, Disable / Enable and a new PIN (twice).

    Renders `snapshot.users` of `SettingsViewModel`; each button hands the fields to it, and
    the service refuses anyone but an administrator. PINs are cleared as a button takes them.
    """

    def __init__(self, *, view_model: SettingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersSettings")
        self._vm = view_model
        self._model = SettingsUsersTableModel(parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self._view = QTableView(objectName="settingsUsers")
        self._view.setModel(self._model)
        setup_touch_table(self._view, stretch=SettingsUsersTableModel.NAME_COLUMN)
        self._new_username = QLineEdit(objectName="newUsername")
        self._new_name = QLineEdit(objectName="newDisplayName")
        self._new_role = QComboBox(objectName="newRole")
        self._new_pin, self._new_pin_again = (
            secret_field("newPin", digits=True),
            secret_field("newPinAgain", digits=True),
        )
        self._add_user = touch_button("addUser")
        self._toggle_user, self._set_pin = touch_button("toggleUser"), touch_button("setPin")
        self._pin = secret_field("pin", digits=True)
        self._pin_again = secret_field("pinAgain", digits=True)
        # Why Disable and Set PIN are greyed (no tooltip on touch), under the list to tap: in
        # view whatever the forms' scroll, which it leaves as tall as it was (a scrollable
        # column delays taps for its flick, and the forms fit 1280×800 without scrolling).
        self._reason = QLabel(objectName="actionsReason", wordWrap=True)
        side_panel = QWidget(objectName="userForms")
        side = QGridLayout(side_panel)
        side.setContentsMargins(0, 0, 0, 0)
        fields = (self._new_username, self._new_name, self._new_role, self._new_pin,
                  self._new_pin_again, self._add_user, self._toggle_user, self._pin,
                  self._pin_again, self._set_pin)  # fmt: skip
        for row, widget in enumerate(fields):
            side.addWidget(widget, row, 0)
        side.setRowStretch(len(fields), 1)
        # Ten fields and buttons are taller than a 1024×768 screen leaves: they scroll.
        forms = VerticalScrollArea(side_panel, object_name="userFormsScroll")
        forms.setMaximumWidth(SIDE_MAX_WIDTH)
        users = QVBoxLayout()
        users.addWidget(self._view, 1)
        users.addWidget(self._reason)
        layout = QHBoxLayout(self)
        layout.addLayout(users, 1)
        layout.addWidget(forms, 1)  # half the width: the French hints fit at 1024 px

    def _connect_signals(self) -> None:
        self._add_user.clicked.connect(self._on_add_user_clicked)
        self._toggle_user.clicked.connect(self._on_toggle_user_clicked)
        self._set_pin.clicked.connect(self._on_set_pin_clicked)
        self._view.selectionModel().selectionChanged.connect(self._render_actions)

    def _on_add_user_clicked(self) -> None:
        pin, again = self._new_pin.text(), self._new_pin_again.text()
        self._new_pin.clear()
        self._new_pin_again.clear()
        self._vm.add_user(self._new_username.text(), self._new_name.text(),
                          str(self._new_role.currentData()), pin, again)  # fmt: skip

    def _on_toggle_user_clicked(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._vm.set_active(user, not user.active)

    def _on_set_pin_clicked(self) -> None:
        user, pin, again = self.selected_user(), self._pin.text(), self._pin_again.text()
        self._pin.clear()
        self._pin_again.clear()
        if user is not None:
            self._vm.set_pin(user, pin, again)

    def selected_user(self) -> UserView | None:
        """The user tapped in the list, if any."""
        rows = self._view.selectionModel().selectedRows()
        return self._model.rows[rows[0].row()] if rows else None

    def _retranslate_ui(self) -> None:
        self._new_username.setPlaceholderText(self.tr("Username (e.g. camille)"))
        self._new_name.setPlaceholderText(self.tr("Name shown at login"))
        self._new_role.clear()
        for role in Role:
            self._new_role.addItem(role_label(role), str(role))
        self._new_pin.setPlaceholderText(self.tr("PIN (4 to 8 digits)"))
        self._new_pin_again.setPlaceholderText(self.tr("Same PIN again"))
        self._add_user.setText(self.tr("Add user"))
        self._pin.setPlaceholderText(self.tr("New PIN for the selected user"))
        self._pin_again.setPlaceholderText(self.tr("Same PIN again"))
        self._set_pin.setText(self.tr("Set PIN"))
        self._model.retranslate()
        self._render_actions()

    def show_users(self, users: tuple[UserView, ...]) -> None:
        """The users as stored; the one tapped stays selected if still there."""
        chosen = self.selected_user()
        if self._model.rows != users:
            self._model.set_rows(users)
        names = [user.username for user in users]
        if chosen is not None and chosen.username in names:
            self._view.selectRow(names.index(chosen.username))
        self._render_actions()

    def _render_actions(self, *_: object) -> None:
        user = self.selected_user()
        for widget in (self._toggle_user, self._set_pin, self._pin, self._pin_again):
            widget.setEnabled(user is not None)
        self._reason.setText(user_actions_reason(user))
        self._reason.setVisible(bool(self._reason.text()))
        if user is None or user.active:
            self._toggle_user.setText(self.tr("Disable selected user"))
        else:
            self._toggle_user.setText(self.tr("Enable selected user"))
