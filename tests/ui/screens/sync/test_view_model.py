"""The badge's words and colour for each sync state, and the panel's state sentence."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from pos.ui.screens.sync.view_model import badge_look, notes_sentence, status_sentence
from tests.ui.screens.sync.support import status, stock_item, with_review


@pytest.mark.parametrize(
    ("shown", "text", "kind"),
    [
        (None, "Wix sync…", "unknown"),
        (status(), "Online · up to date", "ok"),
        (status(pending=3), "Online · 3 waiting", "waiting"),
        (status(pending=1), "Online · 1 waiting", "waiting"),
        (status(online=False, pending=12), "Offline — 12 changes waiting", "offline"),
        (status(online=False, pending=1), "Offline — 1 change waiting", "offline"),
        (status(online=False), "Offline", "offline"),
        (with_review(stock_item(1), stock_item(2), online=False), "2 to check", "review"),
        (status(parked=1, pending=2), "1 to check", "review"),  # refused by Wix: decide too
        (status(configured=False, online=False, pending=4), "Wix not configured", "off"),
    ],
)
def test_the_badge_says_the_state_in_a_few_words(
    qapp: QApplication, shown: object, text: str, kind: str
) -> None:
    look = badge_look(shown)  # type: ignore[arg-type]
    assert (look.text, look.kind) == (text, kind)


def test_the_panel_sentence_explains_offline_and_not_configured(qapp: QApplication) -> None:
    assert "cannot be reached" in status_sentence(status(online=False))
    assert "not configured" in status_sentence(status(configured=False))
    assert "Another till" in status_sentence(status(leader=False))


def test_the_panel_says_what_was_settled_with_a_note(qapp: QApplication) -> None:
    assert notes_sentence(status()) == ""
    assert notes_sentence(status(noted=2, drafts_unknown=1)) == (
        "2 changes settled with a note (Wix could not record all of it, or a manager dropped "
        "it) · 1 unused draft order may be left on Wix"
    )
