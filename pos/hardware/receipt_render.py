"""Receipts rendered by pure code: a `Receipt` -> rows -> ESC/POS bytes or plain text.

`layout` decides every printed line once (wording from `receipt_text`); `render_escpos`
sends the rows to a python-escpos `Dummy` printer with a real profile and returns its bytes,
written to the printer in one go; `render_text` shows the same rows as plain text (the
virtual printer, `comptoir receipt show`). `decode(render_escpos(r)).render(columns)` equals
`render_text(r, columns=columns)` whenever the printer has CP858 or CP1252.
"""

from __future__ import annotations

from dataclasses import dataclass

from escpos.capabilities import get_profile
from escpos.constants import CODEPAGE_CHANGE, QR_ECLEVEL_M
from escpos.printer import Dummy

from pos.domain.money import Money, total_of
from pos.domain.receipt import Receipt, ReceiptKind, ReceiptLine, ShopInfo
from pos.hardware import receipt_text as words
from pos.hardware.escpos_decode import profile_code_pages, python_codec, show_row

COLUMNS = (32, 42, 48)  # 58 mm paper, then 80 mm paper (font A at 512 or 576 dots)
PREFERRED_CODE_PAGES = ("CP858", "CP1252", "ISO_8859-15")  # all three have "€"
_CARD_METHODS = ("gift_card", "new_gift_card", "store_credit")


@dataclass(frozen=True, slots=True)
class Row:
    """One printed line. `size`: "normal", "tall" (double height) or "big" (double both)."""

    text: str
    align: str = "left"
    bold: bool = False
    size: str = "normal"
    qr: str | None = None  # a QR code of this payload instead of text

    @property
    def width(self) -> int:
        return 2 if self.size == "big" else 1


@dataclass(frozen=True, slots=True)
class CodePage:
    """The character table a job selects: its number in the profile, name, Python codec."""

    table: int
    name: str
    codec: str
    has_euro: bool


def profile_columns(profile: str) -> int:
    """Characters per line of `profile`'s font A (its python-escpos `fonts` data) when that is
    one of `COLUMNS`; else by paper width (32 under 60 mm, 42 above); else 42.

    Raises:
        escpos' NotSupported: unknown profile.
    """
    data = get_profile(profile).profile_data
    columns = data.get("fonts", {}).get("0", {}).get("columns")
    if columns in COLUMNS:
        return int(columns)
    width = data.get("media", {}).get("width", {}).get("mm")
    if isinstance(width, int | float):
        return 32 if width < 60 else 42
    return 42


def code_page(profile: str) -> CodePage:
    """The profile's CP858 (else CP1252, else ISO 8859-15); CP437 without "€" as a last resort."""
    pages = profile_code_pages(profile)
    by_name = {name: number for number, name in sorted(pages.items(), reverse=True)}
    for name in PREFERRED_CODE_PAGES:
        codec = python_codec(name)
        if name in by_name and codec:
            return CodePage(by_name[name], name, codec, True)
    return CodePage(by_name.get("CP437", 0), "CP437", "cp437", False)


class _Builder:
    """Collects rows at a given paper width; every text row is wrapped to fit it."""

    def __init__(self, receipt: Receipt, columns: int) -> None:
        self.receipt, self.columns = receipt, columns
        self.rows: list[Row] = []
        self.language = receipt.language

    def say(self, key: str) -> str:
        return words.label(self.language, key)

    def money(self, amount: Money) -> str:
        return words.money(amount, self.language)

    def text(
        self, text: str, *, align: str = "left", bold: bool = False, size: str = "normal"
    ) -> None:
        width = self.columns // 2 if size == "big" else self.columns
        for line in words.wrap(words.printable(text), width):
            self.rows.append(Row(line, align, bold, size))

    def pair(self, left: str, right: str, *, bold: bool = False, size: str = "normal") -> None:
        left, right = words.printable(left), words.printable(right)
        for line in words.pair(left, right, self.columns):
            self.rows.append(Row(line, "left", bold, size))

    def rule(self) -> None:
        self.rows.append(Row("-" * self.columns))

    def blank(self) -> None:
        self.rows.append(Row(""))

    def qr(self, payload: str, caption: str) -> None:
        # A blank line above and below: the quiet zone a scanner needs (4 modules, 20-24
        # dots, is less than one line feed) and the caption clear of the symbol.
        self.blank()
        self.rows.append(Row(f"[QR: {payload}]", "center", qr=payload))
        self.blank()
        self.text(caption, align="center")


def _header(b: _Builder) -> None:
    shop = b.receipt.shop
    b.text(shop.name, align="center", bold=True, size="big")
    for line in shop_lines(shop, b.language):
        b.text(line, align="center")
    b.blank()
    if b.receipt.duplicate:
        b.text(b.say("duplicate"), align="center", bold=True, size="tall")
    b.text(b.say(_title_key(b.receipt)), align="center", bold=True, size="tall")
    b.rule()


def shop_lines(shop: ShopInfo, language: str) -> list[str]:
    """The identity under the shop's name: address, phone, SIRET, VAT number (receipts and
    the closing slips)."""
    lines = list(shop.address_lines)
    for key, value in (("phone", shop.phone), ("siret", shop.siret), ("vat_id", shop.vat_id)):
        if value:
            lines.append(f"{words.label(language, key)} {value}")
    return lines


def _title_key(receipt: Receipt) -> str:
    if receipt.kind is ReceiptKind.GIFT_CARD_SLIP:
        card = receipt.gift_card
        return "store_credit_slip" if card and card.kind == "store_credit" else "gift_card_slip"
    return receipt.kind.value


def _info(b: _Builder) -> None:
    r = b.receipt
    b.pair(b.say("document"), r.document_number)
    b.pair(b.say("date"), words.moment(r.created_at, r.language, r.time_zone))
    b.pair(b.say("terminal"), r.terminal_id)
    b.pair(b.say("cashier"), r.cashier_name)
    if r.order_number or not r.customer_name:
        b.pair(b.say("order"), r.order_number)
    if r.customer_name:
        b.pair(b.say("customer"), r.customer_name)
    if r.approver_names:
        b.pair(b.say("approved_by"), ", ".join(r.approver_names))
    b.rule()


def _item(b: _Builder, line: ReceiptLine, *, translate: bool = False) -> None:
    name = b.say(line.name) if translate else line.name
    counted = line.quantity > 1 or (line.quantity == 1 and not translate)
    left = f"{line.quantity} x {name}" if counted else name
    b.pair(left, b.money(line.amount))
    for text in (line.options, words.valuation(line.basis, line.sold_on, b.language)):
        for part in words.wrap(words.printable(text), b.columns - 4) if text else ():
            b.rows.append(Row("    " + part))


def _section(
    b: _Builder,
    heading: str,
    lines: tuple[ReceiptLine, ...],
    total: str | None,
    *,
    translate: bool = False,
) -> None:
    if not lines:
        return
    b.text(b.say(heading), bold=True)
    for line in lines:
        _item(b, line, translate=translate)
    if total is not None:
        amount = total_of((line.amount for line in lines), b.receipt.currency)
        b.pair(b.say(total), b.money(amount), bold=True)
    b.blank()


def _items(b: _Builder) -> None:
    r = b.receipt
    heading = "cancelled_items" if r.kind is ReceiptKind.CANCELLATION else "returned_items"
    _section(b, heading, r.returned, "credit_total")
    _section(b, "new_items", r.new_items, "new_items_total")
    _section(b, "fees", r.fees, None, translate=True)
    _vat(b)


def _vat(b: _Builder) -> None:
    """The VAT table French receipts carry: per rate, HT, TVA and TTC, signed like the balance."""
    vats = b.receipt.vat
    if not vats:
        return
    lang, currency = b.language, b.receipt.currency
    b.text(f"{b.say('vat_heading')} ({words.currency_symbol(currency, lang)})", bold=True)
    rows = [(words.percent(v.rate, lang), v.base, v.amount, v.total) for v in vats]
    if len(vats) > 1:
        rows.append((b.say("vat_sum"), total_of([row[1] for row in rows], currency),
                     total_of([row[2] for row in rows], currency),
                     total_of([row[3] for row in rows], currency)))
    cells = [(rate, *(words.number(m, lang) for m in amounts)) for rate, *amounts in rows]
    heading = tuple(b.say(k) for k in ("vat_rate", "vat_base", "vat", "vat_total"))
    for line in _table([heading, *cells], b.columns):
        b.rows.append(Row(line))
    b.blank()


def _table(cells: list[tuple[str, ...]], columns: int) -> list[str]:
    """A label column and right-aligned figures, the last flush right, under a heading row
    (`cells[0]`); when they cannot share a line (58 mm paper, large amounts), each figure gets
    a line of its own under its label, named by its heading."""
    label_width = max(len(row[0]) for row in cells)
    widths = [max(len(row[i]) for row in cells) for i in range(1, len(cells[0]))]
    free = columns - label_width - sum(widths)
    if free >= 2 * len(widths):
        gap = free // len(widths)
        first = label_width + free - gap * len(widths)
        pad = [(" " * gap, w) for w in widths]
        return ["".join([row[0].ljust(first),
                         *(space + cell.rjust(w) for cell, (space, w) in zip(row[1:], pad,
                                                                            strict=True))])
                for row in cells]  # fmt: skip
    heading, lines = cells[0], []
    for label, *figures in cells[1:]:
        lines.append(label)
        for name, figure in zip(heading[1:], figures, strict=True):
            lines.extend(words.pair("  " + name, figure, columns))
    return lines


def _balance_key(receipt: Receipt) -> str:
    if receipt.balance_kind == "none":
        return "balance_none"
    if receipt.kind is not ReceiptKind.EXCHANGE:
        return "balance_refund"
    return f"balance_{receipt.balance_kind}"


def _balance(b: _Builder) -> None:
    r = b.receipt
    key = _balance_key(r)
    if key == "balance_none":
        b.text(b.say(key), bold=True, size="tall")
    else:
        magnitude = -r.balance if r.balance.is_negative() else r.balance
        b.pair(b.say(key), b.money(magnitude), bold=True, size="tall")
    if r.tenders:
        b.text(b.say("paid_with" if r.balance_kind == "higher" else "refunded_to"), bold=True)
    for tender in r.tenders:
        reference = tender.reference
        if reference and tender.method in _CARD_METHODS:
            reference = words.mask(reference)
        left = f"{b.say(tender.method)} {reference}".strip()
        b.pair(left, b.money(tender.amount))
    if any(t.method == "original_payment" for t in r.tenders):
        # Wix refunds the original payment, later and even when the shop was offline: the
        # customer is told it is on its way, not that it happened at the till.
        b.text(b.say("refund_queued"))
    if r.change_due:
        b.pair(b.say("change"), b.money(r.change_due), bold=True)
    b.rule()


def _slip(b: _Builder) -> None:
    card = b.receipt.gift_card
    assert card is not None  # Receipt guarantees it for a slip
    b.text(b.say("card_code"), align="center")
    b.text(words.group_code(card.code), align="center", bold=True, size="tall")
    b.blank()
    b.pair(b.say("card_value"), b.money(card.amount))
    b.pair(b.say("card_balance"), b.money(card.current_balance), bold=True)
    if card.valid_until is None:
        b.text(b.say("card_no_end"))
    else:
        b.pair(b.say("card_valid_until"), words.day(card.valid_until, b.language))
    b.qr(card.code, b.say("card_qr"))
    b.rule()


def _footer(b: _Builder) -> None:
    r = b.receipt
    if r.note:
        b.text(f"{b.say('note')}: {r.note}")
        b.blank()
    for line in r.shop.footer(r.language):
        b.text(line, align="center")
    b.text(b.say("thanks"), align="center")
    b.qr(r.qr_payload, f"{b.say('document_qr')} {r.document_number}")


def layout(receipt: Receipt, columns: int = 42) -> list[Row]:
    """Every row the receipt prints, in order, each fitting `columns` characters.

    Raises:
        ValueError: `columns` is not 32, 42 or 48.
    """
    if columns not in COLUMNS:
        raise ValueError(f"receipts are laid out on {COLUMNS} columns, not {columns}")
    b = _Builder(receipt, columns)
    _header(b)
    _info(b)
    if receipt.kind is ReceiptKind.GIFT_CARD_SLIP:
        _slip(b)
    else:
        _items(b)
        _balance(b)
    _footer(b)
    return b.rows


def render_text(receipt: Receipt, *, columns: int = 42) -> str:
    """The receipt as plain text, line for line what the printer prints."""
    return "\n".join(
        show_row(row.text, row.align, row.width, columns) for row in layout(receipt, columns)
    )


class _Escpos:
    """Sends rows to a `Dummy` printer, emitting a style command only when it changes."""

    def __init__(self, profile: str) -> None:
        self.page = code_page(profile)
        # escpos' own text calls (the newlines around an image QR code) must not switch tables.
        self.printer = Dummy(
            profile=profile, magic_encode_args={"encoding": self.page.name, "disabled": True}
        )
        self.native_qr = self.printer.profile.supports("qrCode")
        self.align, self.bold, self.size = "left", False, "normal"

    def start(self) -> None:
        self.printer.hw("INIT")  # ESC @: the printer's defaults, whatever the last job left
        self.printer._raw(CODEPAGE_CHANGE + bytes([self.page.table]))

    def style(self, row: Row) -> None:
        if row.size != self.size:
            self.printer.set(
                normal_textsize=row.size == "normal",
                double_height=row.size != "normal",
                double_width=row.size == "big",
            )
            self.size, self.bold = row.size, False  # ESC ! also clears emphasis
        if row.bold != self.bold:
            self.printer.set(bold=row.bold)
            self.bold = row.bold
        if row.align != self.align:
            self.printer.set(align=row.align)
            self.align = row.align

    def encode(self, text: str) -> bytes:
        if not self.page.has_euro:
            text = text.replace("€", "EUR")
        return text.encode(self.page.codec, errors="replace")

    def row(self, row: Row, qr_size: int) -> None:
        self.style(row)
        if row.qr is None:
            self.printer._raw(self.encode(row.text) + b"\n")
        else:
            self.printer.qr(
                row.qr, ec=QR_ECLEVEL_M, size=qr_size, native=self.native_qr, center=False
            )


def render_escpos(receipt: Receipt, *, profile: str = "TM-T88V", columns: int = 42) -> bytes:
    """The receipt as one ESC/POS job: init, code page, rows, QR codes, cut, drawer pulse.

    Args:
        receipt: what to print.
        profile: a python-escpos printer profile name ("TM-T88V", "TM-T20II", ...).
        columns: characters per line: 32 (58 mm), 42 or 48 (80 mm).

    Raises:
        ValueError: unsupported `columns`; escpos' NotSupported for an unknown profile.
    """
    rows = layout(receipt, columns)
    out = _Escpos(profile)
    out.start()
    qr_size = 5 if columns == 32 else 6
    for row in rows:
        out.row(row, qr_size)
    out.style(Row(""))  # leave the printer in its default style before the cut
    out.printer.cut()
    if receipt.open_drawer:
        out.printer.cashdraw(2)
    job: bytes = out.printer.output  # python-escpos is untyped: its Dummy printer's buffer
    return job
