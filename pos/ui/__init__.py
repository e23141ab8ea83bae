"""The touch UI (PySide6): main window, screens, view models, item models and workers.

Only `pos.services` and `pos.domain` are imported from here (STYLE.md layers); the
composition root `pos.wiring` builds the services and `pos.app` hands them in.
"""
