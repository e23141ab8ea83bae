"""The approval dialogs: a manager's over the real user service, a card terminal's code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos.app import install_translators
from pos.db.engine import SessionFactory
from pos.domain.money import Money
from pos.ui.chips import ChipGroup
from pos.ui.dialogs.approval import ApprovalDialog, CardApprovalDialog
from pos.ui.workers import TaskRunner
from tests.support.shop import Shop, build_shop


@pytest.fixture
def shop(sessions: SessionFactory) -> Shop:
    return build_shop(sessions)


@pytest.fixture
def dialog_runner(shop: Shop) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def make_dialog(qtbot: QtBot, shop: Shop, runner: TaskRunner) -> ApprovalDialog:
    dialog = ApprovalDialog(
        rules=["over_threshold", "final_sale"], users=shop.users, runner=runner, locale="en_US"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "manager_maxime") is not None)
    return dialog


def attempt(qtbot: QtBot, dialog: ApprovalDialog, pin: str) -> None:
    for digit in pin:
        dialog.findChild(QPushButton, f"key_{digit}").click()
    button = dialog.findChild(QPushButton, "approveButton")
    button.click()
    qtbot.waitUntil(lambda: button.isEnabled() or not dialog.isVisible())


def test_only_managers_are_offered_and_the_rules_are_worded(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    names = {
        b.text() for b in dialog.findChildren(QPushButton) if b.objectName().startswith("manager_")
    }
    assert names == {"Maxime", "Alex Admin"}  # not Camille, a cashier
    rules = dialog.findChild(QLabel, "approvalRules").text()
    assert rules == "• refund above the limit\n• final-sale item"


def test_a_reason_and_a_manager_are_asked_for(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    dialog.findChild(QPushButton, "approveButton").click()
    assert "Tap the name" in dialog.findChild(QLabel, "dialogError").text()
    dialog.findChild(QPushButton, "manager_maxime").click()
    attempt(qtbot, dialog, "4826")
    assert "Write why" in dialog.findChild(QLabel, "dialogError").text()


def test_wrong_pins_then_lockout_are_shown_plainly(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    dialog.findChild(QPushButton, "manager_maxime").click()
    dialog.findChild(QLineEdit, "reasonField").setText("Fidèle")
    error = dialog.findChild(QLabel, "dialogError")
    texts = []
    for _ in range(5):
        attempt(qtbot, dialog, "1397")
        texts.append(error.text())
        assert dialog.findChild(QLabel, "pinDisplay").text() == ""  # no PIN left to retry
    assert texts[0].startswith("Wrong PIN.")
    assert "locked" in texts[-1]
    assert dialog.isVisible() and dialog.approvals == ()


def test_the_right_pin_gives_one_approval_per_rule(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    dialog.findChild(QPushButton, "manager_maxime").click()
    dialog.findChild(QLineEdit, "reasonField").setText("Client fidèle")
    with qtbot.waitSignal(dialog.accepted):
        attempt(qtbot, dialog, "4826")
    assert [(a.rule, a.approver_username, a.reason) for a in dialog.approvals] == [
        ("over_threshold", "maxime", "Client fidèle"),
        ("final_sale", "maxime", "Client fidèle"),
    ]


def test_card_approval_dialog_upper_cases_the_code(qtbot: QtBot) -> None:
    dialog = CardApprovalDialog(amount=Money(-2000, "EUR"), reference="5001", locale="en_US")
    qtbot.addWidget(dialog)
    assert "Refund €20.00" in dialog.findChild(QLabel).text()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "approvalCode"), "ab12cd")
    assert dialog.code() == "AB12CD"


def test_both_dialogs_are_worded_again_when_french_is_installed(
    qtbot: QtBot, qapp: QApplication, shop: Shop, dialog_runner: TaskRunner
) -> None:
    approval = make_dialog(qtbot, shop, dialog_runner)
    card = CardApprovalDialog(amount=Money(-2000, "EUR"), reference="5001", locale="en_US")
    qtbot.addWidget(card)
    translators = install_translators(qapp, "fr")
    try:
        qapp.processEvents()  # Qt's LanguageChange reaches the dialogs
        assert approval.windowTitle() == "Validation d'un responsable"
        assert approval.findChild(QLabel, "dialogTitle").text() == "Un responsable doit valider"
        assert approval.findChild(QPushButton, "approveButton").text() == "Valider"
        rules = approval.findChild(QLabel, "approvalRules").text()
        assert rules == "• remboursement au-dessus du plafond\n• article vendu sans reprise"
        assert card.windowTitle() == "Terminal de paiement"
        prompt = card.findChild(QLabel, "cardPrompt").text()
        assert prompt.startswith("Remboursez €20.00 sur le terminal de paiement (5001).")
        assert card.findChild(QPushButton, "confirmButton").text() == "Valider"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_enter_in_the_reason_field_approves_and_never_cancels(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    dialog.findChild(QPushButton, "manager_maxime").click()
    for digit in "4826":
        dialog.findChild(QPushButton, f"key_{digit}").click()
    reason = dialog.findChild(QLineEdit, "reasonField")
    qtbot.keyClicks(reason, "Loyal for years")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert [a.rule for a in dialog.approvals] == ["over_threshold", "final_sale"]
    assert {a.reason for a in dialog.approvals} == {"Loyal for years"}


def test_enter_with_nothing_typed_says_what_is_missing(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    qtbot.keyClick(dialog.findChild(QLineEdit, "reasonField"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Tap the name" in dialog.findChild(QLabel, "dialogError").text()


def test_a_reason_chip_is_reason_enough(
    qtbot: QtBot, shop: Shop, dialog_runner: TaskRunner
) -> None:
    dialog = make_dialog(qtbot, shop, dialog_runner)
    dialog.findChild(QPushButton, "manager_maxime").click()
    dialog.findChild(ChipGroup, "reasonChips").button("goodwill").click()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        attempt(qtbot, dialog, "4826")
    assert {a.reason for a in dialog.approvals} == {"Goodwill gesture"}
