"""Horizontal bar charts for the Reports screen, drawn by pyqtgraph.

pyqtgraph (MIT, pure Python on numpy, ~2 MB) draws with Qt's own QGraphicsView, so it needs
no other Qt module than the Widgets the app already ships; QtCharts would need the
PySide6-Addons wheel (~150 MB, pinned to the exact PySide6 version). It is imported only by
this module, which the Reports screen imports after `ReportsViewModel.load_charts` has loaded
the library on the worker thread: start-up never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

BAR_COLOUR = "#0b6e69"
MAX_BARS = 12  # a chart read at a glance; the table beside it has every row
LABEL_CHARS = 22


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


class BarChart(QWidget):
    """Bars from the top down, largest first, one per label; touch does not move it.

    A value axis is left out (the figures are in the table beside the chart), and so is
    pyqtgraph's `PlotItem`: its options menu and widgets cost 10–25 ms of the GUI thread per
    chart; a `ViewBox` with a label axis is all a bar chart needs.
    """

    def __init__(self, *, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._view = pg.GraphicsLayoutWidget()
        self._view.setBackground("w")
        self._box = pg.ViewBox(enableMenu=False, enableMouse=False, invertY=True)
        self._axis = pg.AxisItem("left", linkView=self._box)
        font = QFont()
        font.setPointSize(11)
        self._axis.setTickFont(font)
        self._axis.setTextPen(QColor("#2d2d2d"))
        self._axis.setPen(QColor("#9a9a9a"))
        self._view.ci.addItem(self._axis, row=0, col=0)
        self._view.ci.addItem(self._box, row=0, col=1)
        self._bars: pg.BarGraphItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self.labels: tuple[str, ...] = ()
        self.values: tuple[int, ...] = ()

    def set_bars(self, labels: Sequence[str], values: Sequence[int]) -> None:
        """Show `values` (whole numbers: units, tenths of a percent or minor units)."""
        self.labels = tuple(labels[:MAX_BARS])
        self.values = tuple(int(v) for v in values[:MAX_BARS])
        if self._bars is not None:
            self._box.removeItem(self._bars)
            self._bars = None
        if self.values:
            self._bars = pg.BarGraphItem(x0=0, y=list(range(len(self.values))), height=0.6,
                                         width=list(self.values), brush=BAR_COLOUR, pen=None)
            self._box.addItem(self._bars)
        self._axis.setTicks([[(i, _short(label)) for i, label in enumerate(self.labels)], []])
        self._box.setXRange(0, (max(self.values, default=1) or 1) * 1.05, padding=0)
        self._box.setYRange(-0.5, max(len(self.values), 1) - 0.5, padding=0)
