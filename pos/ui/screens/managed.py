"""`ManagedScreen`: the protocol the counter drives its places by, written once.

The closing, printing, stock and reports screens each render one view model, are told who
is at the till, read their data again when shown, and show the view model's status line
(its words and kind: ``ok``, ``error``…) in one label (`StatusScreen`, which the login
screen shares). `pos.ui.counter` calls only `view_model`, `activate` and `set_operator`.
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QLabel

from pos.domain.roles import Operator


class StatusViewModel(Protocol):
    """A view model with a status line: what happened last, and how it went."""

    @property
    def status_text(self) -> str: ...

    @property
    def status_kind(self) -> str: ...


class PlaceViewModel(StatusViewModel, Protocol):
    """A manager place's view model: re-read when shown, for the operator at the till."""

    def refresh(self) -> None: ...

    def set_operator(self, operator: Operator | None) -> None: ...


VM = TypeVar("VM", bound=StatusViewModel)
P = TypeVar("P", bound=PlaceViewModel)


class StatusScreen(Generic[VM]):
    """Mixin named first: `class X(StatusScreen[XViewModel], Retranslating, QWidget)`.

    The widget keeps its view model in ``_vm`` and its status label in ``_status_label``.
    """

    _vm: VM
    _status_label: QLabel

    @property
    def view_model(self) -> VM:
        return self._vm

    def _render_status(self) -> None:
        show_status(self._status_label, self._vm.status_text, self._vm.status_kind)


class ManagedScreen(StatusScreen[P], Generic[P]):
    """A manager place: `activate` and `set_operator` pass to its `PlaceViewModel` (a screen
    that does more on either overrides it)."""

    def activate(self) -> None:
        """Shown: read its data again."""
        self._vm.refresh()

    def set_operator(self, operator: Operator | None) -> None:
        self._vm.set_operator(operator)


def show_status(label: QLabel, text: str, kind: str, *, wrap_width: int | None = None) -> None:
    """Word a status label: its text, its ``kind`` property re-read by the QSS, hidden if empty.

    Args:
        wrap_width: For a wrapped label in a layout that does not give it its height on its
            own: the width to ask its height for.
    """
    label.setText(text)
    if wrap_width is not None:
        label.setMinimumHeight(max(label.heightForWidth(wrap_width), 0))
    label.setProperty("kind", kind)
    label.style().unpolish(label)  # re-read the QSS property
    label.style().polish(label)
    label.setVisible(bool(text))
