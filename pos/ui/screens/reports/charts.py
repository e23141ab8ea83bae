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
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

BAR_COLOUR = "#0b6e69"
MAX_BARS = 12  # a chart read at a glance; the table beside it has every row
LABEL_CHARS = 22


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


class BarChart(QWidget):
    """Bars from the top down, largest first, one per label; touch does not move it."""

    def __init__(self, *, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        # No context menu: a touch screen has no right click, and its ViewBox menu costs
        # ~15 ms of the GUI thread per chart to build.
        self._plot = pg.PlotWidget(background="w", enableMenu=False)
        self._plot.setMouseEnabled(x=False, y=False)  # a finger scrolls the page, not the axes
        self._plot.hideButtons()
        self._plot.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        font = QFont()
        font.setPointSize(11)
        axis = self._plot.getAxis("left")
        axis.setTickFont(font)
        axis.setTextPen(QColor("#2d2d2d"))
        axis.setPen(QColor("#9a9a9a"))
        self._plot.hideAxis("bottom")  # the figures are in the table beside the chart
        self._bars: pg.BarGraphItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)
        self.labels: tuple[str, ...] = ()
        self.values: tuple[int, ...] = ()

    def set_bars(self, labels: Sequence[str], values: Sequence[int]) -> None:
        """Show `values` (whole numbers: units, tenths of a percent or minor units)."""
        self.labels = tuple(labels[:MAX_BARS])
        self.values = tuple(int(v) for v in values[:MAX_BARS])
        if self._bars is not None:
            self._plot.removeItem(self._bars)
            self._bars = None
        positions = list(range(len(self.values)))
        if self.values:
            self._bars = pg.BarGraphItem(x0=0, y=positions, height=0.6,
                                         width=list(self.values), brush=BAR_COLOUR, pen=None)
            self._plot.addItem(self._bars)
        ticks = [(i, _short(label)) for i, label in enumerate(self.labels)]
        self._plot.getAxis("left").setTicks([ticks, []])
        top = max(self.values, default=1) or 1
        self._plot.setXRange(0, top * 1.05, padding=0)
        self._plot.setYRange(len(positions) - 0.5, -0.5, padding=0)
        self._plot.getViewBox().invertY(True)  # the largest bar on top, as the table reads
