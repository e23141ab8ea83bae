"""The sync panel words the stored problem codes in the interface language (issue #13)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pos.services.sync_port import Problem, ReviewItem
from pos.ui.workers import TaskRunner
from tests.ui.screens.login.helpers import label
from tests.ui.screens.sync.support import MANAGER, FakeSync, T, status, stock_item, with_review
from tests.ui.screens.sync.test_screen import panel_for, tap_first_row

OFFLINE = "Wix cannot be reached (no network?) — 3 changes wait and will be sent when it is back"


def offline(problem: Problem | None) -> FakeSync:
    return FakeSync(status(online=False, pending=3, last_error=OFFLINE, last_problem=problem))


def changed_stock() -> ReviewItem:
    problem = Problem("stock_changed", {"name": "SKU T-S-M", "cause": "interrupted"})
    item = stock_item()
    return ReviewItem(item.message_id, item.kind, item.object_key, item.reason,
                          item.numbers, T, problem=problem)  # fmt: skip


def select_first(qtbot: QtBot, panel) -> None:  # type: ignore[no-untyped-def]
    tap_first_row(qtbot, panel)
    qtbot.waitUntil(lambda: label(panel, "reviewReason").isVisible())


def test_the_last_error_is_in_french_in_french(
    qtbot: QtBot, tasks: TaskRunner, french: None
) -> None:
    panel, _ = panel_for(qtbot, tasks, offline(Problem("unreachable", {"pending": 3})), MANAGER)
    assert label(panel, "lastError").text() == (
        "Wix est injoignable (pas de réseau ?) — 3 modifications attendent et seront envoyées "
        "à son retour."
    )


def test_the_last_error_is_in_english_in_english(qtbot: QtBot, tasks: TaskRunner) -> None:
    panel, _ = panel_for(qtbot, tasks, offline(Problem("busy", {"pending": 1})), MANAGER)
    assert label(panel, "lastError").text() == (
        "Wix asks Comptoir to slow down (too busy) — 1 change waits and will be sent shortly."
    )


def test_an_error_stored_before_codes_is_shown_as_recorded(
    qtbot: QtBot, tasks: TaskRunner, french: None
) -> None:
    panel, _ = panel_for(qtbot, tasks, offline(None), MANAGER)
    assert label(panel, "lastError").text() == f"Dernier problème (noté en anglais) : {OFFLINE}"


def test_why_a_stock_change_waits_is_in_french_with_its_numbers(
    qtbot: QtBot, tasks: TaskRunner, french: None
) -> None:
    panel, _ = panel_for(qtbot, tasks, FakeSync(with_review(changed_stock())), MANAGER)
    select_first(qtbot, panel)
    assert label(panel, "reviewReason").text() == (
        "Pourquoi : La synchronisation précédente s’est arrêtée avant la réponse de Wix, et le "
        "stock de Réf. T-S-M a aussi changé sur Wix entre-temps : attendu 12 (10 +2), Wix "
        "indique 11. Vérifiez le rayon, puis marquez-la faite, renvoyez-la ou abandonnez-la."
    )


def parked_stock(code: str) -> ReviewItem:
    item = stock_item()
    return ReviewItem(item.message_id, item.kind, item.object_key, "SKU T-S-M has no stock "
                      "record on Wix", (("sku", "T-S-M"),), T, "parked",
                      Problem(code, {"name": "SKU T-S-M"}))  # fmt: skip


PARKED_WORDS = {
    ("stock_no_record", "fr"): "Pourquoi : Wix n’a pas de fiche de stock de Réf. T-S-M à "
    "l’emplacement du magasin ; sa modification de stock reste au magasin.",
    ("stock_not_counted", "en"): "Why: Wix does not count the stock of SKU T-S-M (in stock / "
    "out of stock only); nothing was sent.",
    ("stock_not_linked", "fr"): "Pourquoi : Réf. T-S-M n’est pas liée à Wix (pas de produit ni "
    "de variante Wix) ; sa modification de stock reste au magasin.",
    ("stock_not_linked", "en"): "Why: SKU T-S-M is not linked to Wix (no Wix product or "
    "variant); its stock change stays in the shop.",
}


@pytest.mark.parametrize(("code", "language"), list(PARKED_WORDS))
def test_a_stock_change_the_push_parked_is_worded_in_the_interface_language(
    qtbot: QtBot, tasks: TaskRunner, request: pytest.FixtureRequest, code: str, language: str
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    panel, _ = panel_for(qtbot, tasks, FakeSync(with_review(parked_stock(code))), MANAGER)
    select_first(qtbot, panel)
    assert label(panel, "reviewReason").text() == PARKED_WORDS[code, language]


def test_a_review_stored_before_codes_keeps_its_words_under_a_french_heading(
    qtbot: QtBot, tasks: TaskRunner, french: None
) -> None:
    panel, _ = panel_for(qtbot, tasks, FakeSync(with_review(stock_item())), MANAGER)
    select_first(qtbot, panel)
    assert label(panel, "reviewReason").text() == (
        "Pourquoi (noté en anglais) : the stock change may have been applied: Wix shows 11, "
        "expected 12"
    )


def test_a_document_step_wix_cannot_decide_is_worded_in_english(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    problem = Problem("repeated_comment", {"times": 2, "order": "w-77"})
    item = ReviewItem(9, "wix.comment", "doc:T1-000009", "english words", (), T,
                          problem=problem)  # fmt: skip
    panel, _ = panel_for(qtbot, tasks, FakeSync(with_review(item)), MANAGER)
    select_first(qtbot, panel)
    assert label(panel, "reviewReason").text() == (
        "Why: Wix cannot tell whether this step was applied: the comment appears 2 times on "
        "order w-77; once was expected."
    )


def test_the_decisions_are_greyed_until_a_change_is_tapped_and_the_panel_says_so(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    panel, _ = panel_for(qtbot, tasks, FakeSync(with_review(stock_item())), MANAGER)
    assert label(panel, "reviewReason").text() == "Tap a change in the list to decide on it."
    select_first(qtbot, panel)
    assert label(panel, "reviewReason").text().startswith("Why (as recorded):")
