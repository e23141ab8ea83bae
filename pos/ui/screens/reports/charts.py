"""Horizontal bar charts for the Reports screen, drawn by Qt Charts (PySide6-Addons).

Qt Charts is Qt's own chart module: native C++ drawing, the app's Qt version, no other
runtime. Measured here on a loaded 2-core machine: importing it costs 23–31 ms and never
holds the interpreter (the GUI thread's longest gap while it loads is the machine's idle
noise), a chart is 3–27 ms to build. pyqtgraph (tried first) imports numpy and ~100 Python
modules: 0.2–4.5 s, during which the GUI thread stalled 150–360 ms even with the import on
the worker thread; its plot widget cost 10–25 ms more per chart. The module is imported by
`ReportsViewModel.load_charts` on the worker the first time Reports opens: start-up never
pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

BAR_COLOUR = "#0b6e69"
MAX_BARS = 12  # a chart read at a glance; the table beside it has every row
LABEL_CHARS = 22


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


class BarChart(QWidget):
    """Bars from the top down, largest first, one per label; touch does not move it.

    The value axis is hidden: the figures are in the table beside the chart.
    """

    def __init__(self, *, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._chart = QChart()
        self._chart.legend().hide()
        self._chart.setMargins(QMargins(4, 4, 8, 4))
        self._chart.setBackgroundRoundness(0)
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._view = QChartView(self._chart)
        self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self.labels: tuple[str, ...] = ()
        self.values: tuple[int, ...] = ()

    def set_bars(self, labels: Sequence[str], values: Sequence[int]) -> None:
        """Show `values` (whole numbers: units, tenths of a percent or minor units)."""
        self.labels = tuple(labels[:MAX_BARS])
        self.values = tuple(int(v) for v in values[:MAX_BARS])
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("")
        bars.setColor(QColor(BAR_COLOUR))
        bars.setBorderColor(QColor(BAR_COLOUR))
        # Bar lengths for drawing (Qt takes qreal), never money arithmetic; the first at the bottom.
        bars.append([float(v) for v in reversed(self.values)])
        series = QHorizontalBarSeries()
        series.setBarWidth(0.6)
        series.append(bars)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(label) for label in reversed(self.labels)] or [" "])
        font = QFont()
        font.setPointSize(11)
        names.setLabelsFont(font)
        names.setGridLineVisible(False)
        amounts = QValueAxis()
        amounts.setRange(0, (max(self.values, default=1) or 1) * 1.05)
        amounts.setVisible(False)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(amounts)
