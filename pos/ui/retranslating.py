"""`Retranslating`: a widget sets its fixed texts again when the interface language changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:  # a mixin for widgets: mypy checks it as one, Python adds no base
    from PySide6.QtWidgets import QWidget as _WidgetBase
else:
    _WidgetBase = object


class Retranslating(_WidgetBase):
    """Mixin for a widget class, named before its Qt base: `class X(Retranslating, QWidget)`.

    The widget sets every fixed text (title, buttons, hints, section and column titles) in one
    method, `_retranslate_ui`, which it calls once when built; this mixin calls it again on
    each `QEvent.LanguageChange`, which Qt sends to every widget when `pos.app.switch_language`
    swaps the translators. Texts that depend on state are worded by the view model when read,
    or again by `set_locale`. A switch may send it more than once, so it only sets texts: no
    database, no rebuilt widgets, no model reset that is not needed.
    """

    def _retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_ui()
        super().changeEvent(event)  # the Qt base's
