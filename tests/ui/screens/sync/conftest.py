"""Fixtures of the sync badge and panel tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos.ui.workers import TaskRunner


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
