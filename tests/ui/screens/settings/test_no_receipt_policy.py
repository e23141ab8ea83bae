"""The policy tab's returns without a receipt: the basis, the look-back and the limits."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLineEdit

from pos.services.policy import PolicyService
from pos.ui.chips import ChipGroup
from tests.ui.screens.settings.test_screen import edit, tap, wait_status


def test_admin_sets_how_and_how_much_is_taken_back_without_a_receipt(  # type: ignore[no-untyped-def]
    qtbot, make_screen, shop
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))  # the interface in French: amounts with a comma
    try:
        screen = make_screen()
        screen.show_tab("policy")
        # As stored: the lowest price sold over 90 days; 100,00 a customer a year, 300,00 a day.
        basis = screen.findChild(ChipGroup, "noReceiptBasis")
        assert basis.value == "lowest_sold"
        texts = {key: screen.findChild(QLineEdit, key).text() for key in (
            "no_receipt_period_days", "no_receipt_customer_limit_minor",
            "no_receipt_customer_period_days", "no_receipt_day_limit_minor",
            "no_receipt_day_count")}  # fmt: skip
        assert texts == {"no_receipt_period_days": "90",
                         "no_receipt_customer_limit_minor": "100,00",
                         "no_receipt_customer_period_days": "365",
                         "no_receipt_day_limit_minor": "300,00",
                         "no_receipt_day_count": "0"}  # fmt: skip
        # The admin values at the current price, 60 days, 75,50 a customer over 30 days.
        basis.button("current_price").click()
        edit(screen, "no_receipt_period_days", "60")
        edit(screen, "no_receipt_customer_limit_minor", "75,50")
        edit(screen, "no_receipt_customer_period_days", "30")
        edit(screen, "no_receipt_day_limit_minor", "500")
        edit(screen, "no_receipt_day_count", "4")
        tap(qtbot, screen, "policySave")
        wait_status(qtbot, screen, "ok")
        policy = PolicyService(sessions=shop.sessions, clock=shop.clock).current()
        assert (policy.no_receipt_basis, policy.no_receipt_period_days) == ("current_price", 60)
        assert (policy.no_receipt_customer_limit_minor,
                policy.no_receipt_customer_period_days) == (7550, 30)  # fmt: skip
        assert (policy.no_receipt_day_limit_minor, policy.no_receipt_day_count) == (50000, 4)
        # A limit that is no amount is refused, naming the field.
        edit(screen, "no_receipt_day_limit_minor", "beaucoup")
        tap(qtbot, screen, "policySave")
        assert "Most per day" in wait_status(qtbot, screen, "error")
    finally:
        QLocale.setDefault(before)
