"""The login screen's table model passes Qt's model checks."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.domain.roles import Role
from pos.services.users import UserView
from pos.ui.screens.login.models import UsersTableModel


def test_users_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = UsersTableModel(locale="fr_FR", tz=UTC)
    locked = datetime(2026, 11, 20, 15, 5, tzinfo=UTC)
    model.set_rows(
        [
            UserView(1, "camille", "Camille", Role.CASHIER, True, None),
            UserView(2, "maxime", "Maxime", Role.MANAGER, True, locked),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 2).data() == "Locked until 15:05"
    model.retranslate()  # a language change keeps the rows
    assert model.rowCount() == 2 and model.columnCount() == 3
