"""State of the login screen: who is picked, what the PIN check said, which language."""

from __future__ import annotations

import logging
from datetime import tzinfo
from functools import partial

from PySide6.QtCore import QObject, Signal

from pos.domain.roles import Operator
from pos.services.errors import (
    PinLockedError,
    UnknownUserError,
    UserDisabledError,
    WrongPinError,
)
from pos.services.users import UserService, UserView
from pos.ui.format import locale_for
from pos.ui.screens.login.models import format_time
from pos.ui.workers import TaskRunner

USERS_KEY = "login-users"
LOGIN_KEY = "login"

log = logging.getLogger(__name__)


class LoginViewModel(QObject):
    """Lists who may log in and checks a PIN through `UserService.login`, off the GUI thread.

    Signals:
        users_changed(): re-read `users` (and `selected`).
        status_changed(): re-read `status_text`, `status_kind` and `busy`.
        logged_in(object): the `Operator` whose PIN was right.
        language_requested(str): the person chose "fr" or "en"; the app switches translators.
    """

    users_changed = Signal()
    status_changed = Signal()
    logged_in = Signal(object)
    language_requested = Signal(str)

    def __init__(
        self,
        *,
        users: UserService,
        runner: TaskRunner,
        locale: str,
        tz: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._users, self._runner, self._locale, self._tz = users, runner, locale, tz
        self._list: tuple[UserView, ...] = ()
        self._selected: UserView | None = None
        self._status_text, self._status_kind, self._busy = "", "", False

    @property
    def users(self) -> tuple[UserView, ...]:
        return self._list

    @property
    def selected(self) -> UserView | None:
        return self._selected

    @property
    def status_text(self) -> str:
        """What to tell the person: a hint, a wrong PIN, a lockout; "" for nothing."""
        return self._status_text

    @property
    def status_kind(self) -> str:
        """ "error", "locked", or "" (a neutral hint): how the status is shown."""
        return self._status_kind

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def locale(self) -> str:
        return self._locale

    def load(self) -> None:
        """Read the people who may log in (again: lockouts end, people are added)."""
        self._runner.submit(
            self._users.list_users,
            key=USERS_KEY,
            on_success=self._on_users_loaded,
            on_error=self._on_failed,
        )

    def reset(self) -> None:
        """Back to a blank login (after a logout): nobody picked, no message, fresh list."""
        self._selected = None
        self._set_status("", "")
        self.users_changed.emit()
        self.load()

    def choose(self, row: int) -> None:
        """The person tapped their name at `row`."""
        if 0 <= row < len(self._list):
            self._selected = self._list[row]
            self._set_status("", "")
            self.users_changed.emit()

    def set_locale(self, locale: str) -> None:
        """Word lockout times the `locale` way from now on; `users_changed` asks for a redraw."""
        self._locale = locale
        self.users_changed.emit()

    def choose_language(self, language: str) -> None:
        """Switch the interface (and money and time formats) to `language`."""
        self._locale = locale_for(language)
        self._set_status("", "")
        self.language_requested.emit(language)
        self.users_changed.emit()

    def submit_pin(self, pin: str) -> None:
        """Check `pin` for the person picked; `logged_in` is emitted when it is right."""
        chosen = self._selected
        if chosen is None:
            self._set_status(self.tr("Tap your name first, then type your PIN."), "error")
            return
        if self._busy:
            return
        users, username = self._users, chosen.username
        self._busy = True
        self._set_status(self.tr("Checking…"), "")
        self._runner.submit(
            lambda: users.login(username, pin),
            key=LOGIN_KEY,
            on_success=self._on_logged_in,
            on_error=partial(self._on_login_refused, chosen),
        )

    def _on_users_loaded(self, users: tuple[UserView, ...]) -> None:
        self._list = tuple(user for user in users if user.active)
        picked = self._selected.username if self._selected else None
        self._selected = next((u for u in self._list if u.username == picked), None)
        self.users_changed.emit()

    def _on_logged_in(self, operator: Operator) -> None:
        self._busy = False
        self._selected = None
        self._set_status("", "")
        self.users_changed.emit()
        self.logged_in.emit(operator)

    def _on_login_refused(self, chosen: UserView, error: BaseException) -> None:
        self._busy = False
        text, kind = self._refusal_text(chosen, error)
        self._set_status(text, kind)
        if isinstance(error, PinLockedError | UnknownUserError | UserDisabledError):
            self.load()  # the list shows the lockout, or drops who is gone

    def _refusal_text(self, chosen: UserView, error: BaseException) -> tuple[str, str]:
        name = chosen.display_name
        if isinstance(error, WrongPinError):
            if error.attempts_left == 1:
                return self.tr("Wrong PIN. One more wrong try locks the account."), "error"
            return self.tr("Wrong PIN. {count} tries left before the account is locked.").format(
                count=error.attempts_left
            ), "error"
        if isinstance(error, PinLockedError):
            until = format_time(error.until, self._locale, self._tz)
            return self.tr(
                "Too many wrong PINs: {name} is locked until {time}.\n"
                "Wait until then, or ask an administrator to set a new PIN."
            ).format(name=name, time=until), "locked"
        if isinstance(error, UserDisabledError):
            return self.tr("{name}'s account is switched off. Ask a manager.").format(
                name=name
            ), "error"
        if isinstance(error, UnknownUserError):
            return self.tr("{name} can no longer log in here. Ask a manager.").format(
                name=name
            ), "error"
        return self._database_text(error), "error"

    def _on_failed(self, error: BaseException) -> None:
        self._set_status(self._database_text(error), "error")

    def _database_text(self, error: BaseException) -> str:
        log.error("login screen: the users cannot be read", exc_info=error)
        return self.tr(
            "The list of users cannot be read right now. Try again in a moment; "
            "if it keeps failing, call a manager."
        )

    def _set_status(self, text: str, kind: str) -> None:
        self._status_text, self._status_kind = text, kind
        self.status_changed.emit()
