"""Product pictures for the catalogue picker: read and scaled off the GUI thread.

The sync caches each picture on disk (`pos.sync.pictures`); the catalogue search hands its
path over (`ProductView.picture`). `load_pictures` runs inside the picker's worker task
(QImage may be used on any thread); only the finished thumbnails reach the GUI thread, which
turns them into pixmaps. A product without a cached picture shows `placeholder`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

THUMB_PX = 40  # in a 48 px row of the results list
GRID_PX = 40  # beside the chosen product's name (a taller one scrolls the screen at 1024×768)


def load_pictures(paths: Iterable[tuple[int, str | None]], size: int) -> dict[int, QImage]:
    """{product id: thumbnail} for the products whose picture file can be read (worker)."""
    images: dict[int, QImage] = {}
    for product_id, path in paths:
        if not path:
            continue
        image = QImage(path)
        if not image.isNull():
            images[product_id] = image.scaled(
                size, size, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
    return images


@cache
def placeholder(size: int) -> QPixmap:
    """A plain frame with a simple picture glyph (GUI thread; made once per size)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#e6e3dc"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#9a948a"), max(1, size // 20)))
    inset = size * 0.2
    painter.drawRoundedRect(QRectF(inset, inset, size - 2 * inset, size - 2 * inset), 3, 3)
    painter.drawEllipse(QRectF(size * 0.55, size * 0.3, size * 0.12, size * 0.12))
    painter.drawLine(int(inset), int(size * 0.72), int(size * 0.45), int(size * 0.45))
    painter.drawLine(int(size * 0.45), int(size * 0.45), int(size - inset), int(size * 0.72))
    painter.end()
    return pixmap
