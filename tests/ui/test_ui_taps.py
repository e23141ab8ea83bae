"""The tap benchmark's stories, as tests: each within its goal, every primary action in view."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.ui_taps import GOALS, SIZES, STORIES, play
from pos.db.engine import SessionFactory
from tests.support.shop import build_shop


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("story", list(STORIES))
def test_a_story_costs_no_more_taps_than_its_goal(
    qtbot: QtBot, sessions: SessionFactory, story: str, size: tuple[int, int]
) -> None:
    counter = play(story, build_shop(sessions), size)
    assert counter.taps <= GOALS[story]
    assert counter.offscreen == set()
