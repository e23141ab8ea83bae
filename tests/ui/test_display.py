"""No display (a shell over SSH): one sentence before Qt, never Qt's abort about xcb-cursor0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos.app import NO_DISPLAY_EXIT
from pos.ui.display import display_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("environ", [
    {"DISPLAY": ":0"},
    {"WAYLAND_DISPLAY": "wayland-0"},
    {"QT_QPA_PLATFORM": "offscreen"},
    {"QT_QPA_PLATFORM": "minimal"},
    {"QT_QPA_PLATFORM": "eglfs"},
    {"QT_QPA_PLATFORM": "linuxfb:fb=/dev/fb0"},
    {"QT_QPA_PLATFORM": "vnc"},
    {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"},
    {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "localhost:10.0"},
])
def test_a_window_can_open(environ: dict[str, str]) -> None:
    assert display_problem(environ, "linux") is None


def test_windows_and_macos_always_have_a_screen() -> None:
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None


def test_no_display_variable_is_said_in_one_sentence() -> None:
    problem = display_problem({}, "linux")
    assert problem is not None
    assert "neither WAYLAND_DISPLAY nor DISPLAY is set" in problem
    assert "DISPLAY=:0" in problem and "ssh -X" in problem
    assert problem.count(". ") == 0 and problem.endswith(".")  # one sentence


def test_a_chosen_window_system_needs_its_own_variable() -> None:
    problem = display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert problem is not None and "(DISPLAY is not set)" in problem
    assert display_problem({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux") is not None


def test_comptoir_without_a_display_stops_before_qt_with_that_sentence(tmp_path: Path) -> None:
    environ = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    environ |= {"COMPTOIR_DATA_DIR": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "pos", "--demo"], cwd=ROOT, env=environ,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == NO_DISPLAY_EXIT
    assert result.stderr.strip() == display_problem({}, "linux")
    assert not (tmp_path / "demo.sqlite3").exists()  # nothing was made before saying it
