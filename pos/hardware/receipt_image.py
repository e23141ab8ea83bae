"""A picture of what an ESC/POS job prints, drawn from its bytes (to look at a layout).

`job_image` reads the job back with `escpos_decode.decode` and draws each row on a strip of
paper as wide as the printer's (12 dots a character in font A, 30 dots a line, the printers'
default 1/6-inch spacing): double width and height, bold (drawn twice, one dot apart, as a
thermal head does), alignment, native QR codes with qrcode at the job's module size and no
border of their own — the white around them is what the paper leaves — and raster images
(the QR codes of printers without native ones) dot for dot. `comptoir receipt show --png`
uses it; it is a preview, not a printer driver.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont, ImageOps

from pos.hardware.escpos_decode import DecodedRow, decode

DOT_WIDTH = 12  # font A: 12 × 24 dots
LINE_DOTS = 30  # ESC 2: 1/6 inch at 180 dpi
MARGIN = 16  # dots of paper left and right of the printable width, for the eye
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "DejaVuSansMono.ttf")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _qr(payload: str, module: int) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module,
                         border=0)  # fmt: skip
    code.add_data(payload)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("L")


def _text_row(row: DecodedRow, columns: int) -> Image.Image:
    width, height = row.width, row.height
    strip = Image.new("L", (columns * DOT_WIDTH, LINE_DOTS * height), 255)
    if not row.text:
        return strip
    glyphs = Image.new("L", (len(row.text) * DOT_WIDTH, 24), 255)
    draw = ImageDraw.Draw(glyphs)
    font = _font(20)
    for at, char in enumerate(row.text):  # one 12-dot cell each, as font A
        for offset in (0, 1) if row.bold else (0,):
            draw.text((at * DOT_WIDTH + offset, 0), char, font=font, fill=0)
    glyphs = glyphs.resize((glyphs.width * width, glyphs.height * height))
    x = {"center": (strip.width - glyphs.width) // 2, "right": strip.width - glyphs.width}
    strip.paste(glyphs, (max(x.get(row.align, 0), 0), LINE_DOTS * height - glyphs.height - 3))
    return strip


def job_image(data: bytes, *, columns: int, profile: str = "TM-T88V") -> Image.Image:
    """The paper a job prints on `columns`-wide paper, as a grey-scale image (1 px = 1 dot)."""
    module = 5 if columns == 32 else 6  # as `receipt_render.render_escpos` sends them
    strips = []
    for row in decode(data, profile=profile).rows:
        if row.raster is not None:  # a printer without native QR got python-escpos' bitmap
            across, down, dots = row.raster
            code = ImageOps.invert(Image.frombytes("1", (across * 8, down), dots).convert("L"))
        elif row.qr is not None:
            code = _qr(row.qr, module)
        else:
            strips.append(_text_row(row, columns))
            continue
        strip = Image.new("L", (columns * DOT_WIDTH, code.height), 255)
        strip.paste(code, ((strip.width - code.width) // 2, 0))
        strips.append(strip)
    paper = Image.new("L", (columns * DOT_WIDTH + 2 * MARGIN,
                            sum(s.height for s in strips) + 2 * MARGIN), 255)  # fmt: skip
    y = MARGIN
    for strip in strips:
        paper.paste(strip, (MARGIN, y))
        y += strip.height
    return paper


def save_job_image(data: bytes, path: Path, *, columns: int, profile: str = "TM-T88V") -> None:
    """Write the job's picture as a PNG at `path`."""
    job_image(data, columns=columns, profile=profile).save(path, format="PNG")
