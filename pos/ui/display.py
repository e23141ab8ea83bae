"""Whether a window can open here, decided from the environment before Qt tries (and aborts).

Without a display (a shell over SSH) Qt picks its xcb plugin, fails to connect, and aborts the
process (exit 134) blaming a missing ``libxcb-cursor0``. `display_problem` says the real cause
first. Qt-free: it only reads the environment.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

# Platforms that draw without a display server: the tests' offscreen, framebuffers, VNC, …
WINDOW_SYSTEMS = {"xcb": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY",)}

NO_DISPLAY = (
    "comptoir: no display to open the window on ({reason}): run it from the terminal's "
    "desktop session, or point it at a screen with DISPLAY=:0 (that machine's X display), "
    "or log in with `ssh -X` to show it on yours."
)


def display_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """One sentence saying why no window can open, or None when one can (as far as we know).

    Qt's platform comes from ``QT_QPA_PLATFORM`` (a list like ``wayland;xcb`` is tried in
    order); ``offscreen``, ``minimal``, ``eglfs``, ``linuxfb``, ``vnc`` … need no display and
    are never refused. Unset, Qt on Linux and the BSDs uses Wayland or X11, so it needs
    ``WAYLAND_DISPLAY`` or ``DISPLAY``; Windows and macOS always have their own screen.

    Args:
        environ: The process environment (`os.environ`) or a test's mapping.
        platform: `sys.platform`.
    """
    listed = environ.get("QT_QPA_PLATFORM", "").split(";")
    chosen = [name.split(":")[0].strip().lower() for name in listed if name.strip()]
    if not chosen:
        if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            return None
        chosen = ["wayland", "xcb"]
    missing: list[str] = []
    for name in chosen:
        system = next((key for key in WINDOW_SYSTEMS if name.startswith(key)), None)
        if system is None:
            return None  # a platform that needs no display server
        needed = WINDOW_SYSTEMS[system]
        if any(environ.get(variable) for variable in needed):
            return None
        missing.extend(v for v in needed if v not in missing)
    if len(missing) == 1:
        reason = f"{missing[0]} is not set"
    else:
        reason = "neither " + " nor ".join(missing) + " is set"
    return NO_DISPLAY.format(reason=reason)
