"""The login screen's list of people: name, role, and whether a lockout holds them back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from babel import dates as babel_dates
from PySide6.QtCore import QCoreApplication, QObject

from pos.domain.roles import Role
from pos.services.users import UserView
from pos.ui.screens import Column, LocalizedRowsModel


def role_label(role: Role | str) -> str:
    """A role in the cashier's words."""
    labels = {
        Role.CASHIER: QCoreApplication.translate("Roles", "Cashier"),
        Role.MANAGER: QCoreApplication.translate("Roles", "Manager"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels.get(Role(role), str(role).capitalize())


def format_time(moment: datetime, locale: str, tz: tzinfo | None = None) -> str:
    """A time of day in the shop's zone ("16:05" / "4:05 PM"); the machine's zone when None."""
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    return babel_dates.format_time(local, "short", locale=locale)


class UsersTableModel(LocalizedRowsModel[UserView]):
    """The people who may log in at this counter."""

    NAME_COLUMN = 0

    def __init__(self, *, locale: str, tz: tzinfo | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        self._tz = tz  # read by the columns, which the base's __init__ makes
        super().__init__(locale=locale, parent=parent)

    def _make_columns(self) -> Sequence[Column[UserView]]:
        return (
            [
                Column(self.tr("Name"), lambda user: user.display_name),
                Column(self.tr("Role"), lambda user: role_label(user.role)),
                Column(self.tr("Status"), self._status),
            ]
        )

    def _status(self, user: UserView) -> str:
        if user.locked_until is None:
            return ""
        until = format_time(user.locked_until, self.locale, self._tz)
        return self.tr("Locked until {time}").format(time=until)
