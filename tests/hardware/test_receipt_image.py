"""The picture of a job, drawn from its bytes: as wide as the paper, and every QR code with
the white a scanner needs around it (4 modules: the blank lines of the layout)."""

from __future__ import annotations

import pytest

from pos.hardware.receipt_image import DOT_WIDTH, MARGIN, job_image
from pos.hardware.receipt_render import render_escpos
from tests.hardware.test_receipt_render import receipt_for


def bands(image) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """(first, last) pixel rows of each run of rows holding something printed."""
    found, start = [], None
    pixels = image.load()
    for y in range(image.height):
        inked = any(pixels[x, y] < 128 for x in range(image.width))
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            found.append((start, y - 1))
            start = None
    return found


@pytest.mark.parametrize(("profile", "columns", "module"),
                         [("TM-T88V", 32, 5), ("TM-T88V", 42, 6), ("TM-T20II", 48, 6),
                          ("NT-5890K", 32, 5)])  # the last: QR codes sent as raster images
def test_every_qr_code_has_its_quiet_zone_and_the_paper_its_width(
    profile: str, columns: int, module: int
) -> None:
    job = render_escpos(receipt_for("gift_card_slip", "fr"), profile=profile, columns=columns)
    image = job_image(job, columns=columns, profile=profile)
    assert image.width == columns * DOT_WIDTH + 2 * MARGIN
    runs = bands(image)
    codes = [i for i, (top, bottom) in enumerate(runs) if bottom - top > 20 * module]
    assert len(codes) == 2  # the card's code and the document's
    for i in codes:
        above = runs[i][0] - runs[i - 1][1] - 1
        below = runs[i + 1][0] - runs[i][1] - 1
        assert above >= 4 * module and below >= 4 * module, (above, below)
