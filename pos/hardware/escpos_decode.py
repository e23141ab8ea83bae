"""A small ESC/POS reader: the commands Comptoir's receipts use, decoded back to text.

Tests read rendered jobs with it (lines, QR payloads, cuts, drawer pulses, code pages) and
the virtual printer shows what a real one would print (`DecodedJob.render`). Text is decoded
with the code page the job selected (`ESC t n`, looked up in the printer profile). A byte
sequence it does not know raises `EscposDecodeError`: a layout cannot emit junk unnoticed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from escpos.capabilities import get_profile

ESC, GS, LF, CR = 0x1B, 0x1D, 0x0A, 0x0D
_ONE_BYTE_ESC = {ord(c) for c in "-3GMV{U"}  # commands with one parameter, accepted, ignored
_ONE_BYTE_GS = {ord(c) for c in "BbHfhw"}
_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}


class EscposDecodeError(ValueError):
    """The bytes hold a command this reader does not know, or are cut short."""


def python_codec(page: str) -> str | None:
    """Python's codec for a profile's code page name ("CP858" -> "cp858"), None if none."""
    name = page.lower().replace("_", "").replace("iso8859-", "iso8859_")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def profile_code_pages(profile: str) -> dict[int, str]:
    """Table number -> code page name, as the printer profile lists them."""
    pages = get_profile(profile).profile_data.get("codePages", {})
    return {int(number): name for number, name in pages.items()}


@dataclass(frozen=True, slots=True)
class DecodedRow:
    """One printed line with its style: `width` 2 is double width, `height` 2 double height."""

    text: str
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    qr: str | None = None  # the payload when this row is a QR code
    raster: tuple[int, int, bytes] | None = None  # an image (GS v 0): bytes a row, rows, dots

    @property
    def cells(self) -> int:
        """Character cells the line takes on paper."""
        return len(self.text) * self.width


@dataclass(slots=True)
class DecodedJob:
    """What a job prints. `lines` are the rows' texts ("[QR: payload]" for a QR code)."""

    rows: list[DecodedRow] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    cuts: int = 0
    drawer_pulses: int = 0
    codepages: list[int] = field(default_factory=list)
    bold_spans: list[str] = field(default_factory=list)
    feeds: int = 0
    images: int = 0
    initialised: int = 0

    @property
    def lines(self) -> list[str]:
        return [row.text for row in self.rows]

    def render(self, columns: int) -> str:
        """The job as it looks on paper, in plain text (double width letter-spaced)."""
        return "\n".join(show_row(row.text, row.align, row.width, columns) for row in self.rows)


def show_row(text: str, align: str, width: int, columns: int) -> str:
    """One line as plain text on `columns`-wide paper (shared with `render_text`)."""
    shown = " ".join(text) if width == 2 else text
    cells = len(text) * width
    if align == "center":
        return (" " * max((columns - cells) // 2, 0) + shown).rstrip()
    if align == "right":
        return (" " * max(columns - cells, 0) + shown).rstrip()
    return shown.rstrip()


@dataclass(slots=True)
class _State:
    codec: str = "cp437"
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    pending: bytearray = field(default_factory=bytearray)
    qr_data: str = ""


class _Reader:
    def __init__(self, data: bytes, pages: dict[int, str]) -> None:
        self.data, self.pos, self.pages = data, 0, pages
        self.job, self.state = DecodedJob(), _State()

    def take(self, count: int) -> bytes:
        if self.pos + count > len(self.data):
            raise EscposDecodeError(f"command cut short at byte {self.pos}")
        chunk = self.data[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def flush(self, *, force: bool = False) -> None:
        state = self.state
        if not state.pending and not force:
            return
        text = bytes(state.pending).decode(state.codec, errors="replace")
        state.pending.clear()
        self.job.rows.append(DecodedRow(text, state.align, state.bold, state.width, state.height))
        if state.bold and text:
            self.job.bold_spans.append(text)

    def run(self) -> DecodedJob:
        while self.pos < len(self.data):
            byte = self.take(1)[0]
            if byte == ESC:
                self.esc(self.take(1)[0])
            elif byte == GS:
                self.gs(self.take(1)[0])
            elif byte == LF:
                self.flush(force=True)
            elif byte == CR:
                continue
            elif byte < 0x20:
                raise EscposDecodeError(f"control byte {byte:#04x} at {self.pos - 1}")
            else:
                self.state.pending.append(byte)
        self.flush()
        return self.job

    def esc(self, command: int) -> None:
        state = self.state
        if command == ord("@"):
            self.flush()
            self.job.initialised += 1
            self.state = _State()
        elif command == ord("t"):
            table = self.take(1)[0]
            self.job.codepages.append(table)
            state.codec = python_codec(self.pages.get(table, "")) or "cp437"
        elif command == ord("E"):
            state.bold = bool(self.take(1)[0] & 1)
        elif command == ord("a"):
            state.align = _ALIGN.get(self.take(1)[0], "left")
        elif command == ord("!"):
            mode = self.take(1)[0]
            state.bold = bool(mode & 0x08)
            state.width, state.height = 2 if mode & 0x20 else 1, 2 if mode & 0x10 else 1
        elif command == ord("d"):
            self.flush()
            self.job.feeds += self.take(1)[0]
        elif command == ord("p"):
            self.take(3)
            self.job.drawer_pulses += 1
        elif command in _ONE_BYTE_ESC:
            self.take(1)
        elif command == ord("2"):
            return  # default line spacing
        else:
            raise EscposDecodeError(f"unknown command ESC {command:#04x} at {self.pos - 2}")

    def gs(self, command: int) -> None:
        state = self.state
        if command == ord("!"):
            size = self.take(1)[0]
            state.width, state.height = (size >> 4) + 1, (size & 0x0F) + 1
        elif command == ord("V"):
            self.flush()
            if self.take(1)[0] in (65, 66):
                self.take(1)
            self.job.cuts += 1
        elif command == ord("("):
            self.two_d_code(self.take(1)[0])
        elif command == ord("v"):
            self.raster()
        elif command in _ONE_BYTE_GS:
            self.take(1)
        else:
            raise EscposDecodeError(f"unknown command GS {command:#04x} at {self.pos - 2}")

    def two_d_code(self, kind: int) -> None:
        low, high = self.take(2)
        body = self.take(low + 256 * high)
        if kind != ord("k") or body[:1] != b"1":
            return  # another GS ( function (or another symbol type): nothing printed
        function = body[1]
        if function == 80:  # store the data: cn fn m d1...dk
            self.state.qr_data = body[3:].decode("utf-8", errors="replace")
        elif function == 81:  # print the stored symbol
            self.flush()
            payload = self.state.qr_data
            self.job.qr_payloads.append(payload)
            self.job.rows.append(DecodedRow(f"[QR: {payload}]", self.state.align, qr=payload))

    def raster(self) -> None:
        self.take(2)  # '0' and m
        x_low, x_high, y_low, y_high = self.take(4)
        across, down = x_low + 256 * x_high, y_low + 256 * y_high
        dots = self.take(across * down)
        self.flush()
        self.job.images += 1
        self.job.rows.append(DecodedRow("[image]", self.state.align,
                                        raster=(across, down, dots)))  # fmt: skip


def decode(data: bytes, *, profile: str = "TM-T88V") -> DecodedJob:
    """Read an ESC/POS job back: text per line (in its code page), QR codes, cuts, pulses.

    Args:
        data: the job's bytes, as sent to the printer.
        profile: the python-escpos printer profile whose code page table numbers apply.

    Raises:
        EscposDecodeError: a command outside the supported set, or a truncated one.
    """
    return _Reader(bytes(data), profile_code_pages(profile)).run()
