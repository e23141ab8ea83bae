"""The printed Z slip (and X, month, year): a closure's report as receipt rows, FR and EN.

Same machinery as receipts (`receipt_render`): rows of at most `columns` characters, shown as
text (`render_closure_text`, the CLI and the screen) or sent as ESC/POS bytes
(`render_closure_escpos`). Figures are named in words (`figure_label`: "Espèces
(encaissé)", "Retour sans ticket"); the report itself, which the closure signs, keeps its
keys. The slip ends with the closure's full hash and the start of its signature, so a
printed Z can be matched against the database and the archive.
"""

from __future__ import annotations

from collections.abc import Callable

from pos.domain.closing import ClosureSlip, Figure
from pos.domain.money import Money
from pos.domain.receipt_labels import figure_label
from pos.hardware import receipt_text as words
from pos.hardware.escpos_decode import show_row
from pos.hardware.receipt_render import COLUMNS, Row, _Escpos, shop_lines

_LABELS: dict[str, tuple[str, str]] = {  # key: (French, English)
    "z": ("TICKET Z - CLÔTURE", "Z REPORT - CLOSURE"),
    "x": ("TICKET X - LECTURE", "X REPORT - READING"),
    "day": ("CLÔTURE JOURNALIÈRE", "DAILY CLOSURE"),
    "month": ("CLÔTURE MENSUELLE", "MONTHLY CLOSURE"),
    "year": ("CLÔTURE ANNUELLE", "YEARLY CLOSURE"),
    "number": ("Clôture n°", "Closure no."),
    "terminal": ("Caisse", "Terminal"),
    "period": ("Période", "Period"),
    "closed_at": ("Clôturé le (UTC)", "Closed at (UTC)"),
    "closed_by": ("Par", "By"),
    "documents": ("Documents", "Documents"),
    "range": ("Du / au", "From / to"),
    "kind": ("PAR TYPE", "BY KIND"),
    "tender": ("PAR RÈGLEMENT", "BY TENDER"),
    "refund_to": ("REMBOURSEMENTS", "REFUNDS TO"),
    "reason": ("MOTIFS DE RETOUR", "RETURN REASONS"),
    "cashier": ("PAR VENDEUR", "BY CASHIER"),
    "approver": ("VALIDATIONS", "APPROVALS"),
    "vat": ("TVA PAR TAUX (base / taxe)", "VAT BY RATE (base / tax)"),
    "cash": ("TIROIR", "DRAWER"),
    "float": ("Fond de caisse", "Opening float"),
    "expected": ("Attendu", "Expected"),
    "counted": ("Compté", "Counted"),
    "variance": ("Écart", "Variance"),
    "net": ("TOTAL NET", "NET TOTAL"),
    "grand_total": ("GRAND TOTAL PERPÉTUEL", "PERPETUAL GRAND TOTAL"),
    "signature": ("Signature", "Signature"),
    "hash": ("Empreinte", "Hash"),
    "not_counted": ("non compté", "not counted"),
}


def _say(language: str, key: str) -> str:
    french, english = _LABELS[key]
    return french if language == "fr" else english


def layout_closure(slip: ClosureSlip, columns: int = 42) -> list[Row]:
    """Every row of the slip, in order.

    Raises:
        ValueError: `columns` is not 32, 42 or 48.
    """
    if columns not in COLUMNS:
        raise ValueError(f"slips are laid out on {COLUMNS} columns, not {columns}")
    lang, rows = slip.language, []  # type: str, list[Row]

    def pair(left: str, right: str, *, bold: bool = False) -> None:
        for line in words.pair(words.printable(left), words.printable(right), columns):
            rows.append(Row(line, "left", bold))

    def money(minor: int, currency: str) -> str:
        return words.money(Money(minor, currency), lang)

    rows.append(Row(words.printable(slip.shop_name), "center", True, "tall"))
    for line in shop_lines(slip.shop, lang) if slip.shop else ():  # the identity, as receipts
        rows.extend(Row(part, "center") for part in words.wrap(words.printable(line), columns))
    rows.append(Row(_say(lang, slip.kind), "center", True))
    if slip.duplicate:
        rows.append(Row(words.label(lang, "duplicate"), "center", True))
    if slip.number:
        pair(_say(lang, "number"), str(slip.number), bold=True)
    if slip.terminal_id:
        pair(_say(lang, "terminal"), slip.terminal_id)
    pair(_say(lang, "period"), slip.period)
    pair(_say(lang, "closed_at"), slip.closed_at[:16].replace("T", " "))
    pair(_say(lang, "closed_by"), slip.closed_by)
    report = slip.report
    pair(_say(lang, "documents"), str(report.documents))
    if report.first_number:
        pair(_say(lang, "range"), f"{report.first_number} / {report.last_number}")
    for section in ("kind", "tender", "refund_to", "reason", "cashier", "approver", "vat"):
        figures = report.section(section)
        if figures:
            rows.append(Row("-" * columns))
            rows.append(Row(_say(lang, section), "left", True))
            rows.extend(Row(line) for f in figures for line in _figure(f, lang, columns, money))
    for drawer in report.cash:
        rows.append(Row("-" * columns))
        rows.append(Row(_say(lang, "cash"), "left", True))
        pair(_say(lang, "float"), money(drawer.opening_float, drawer.currency))
        pair(_say(lang, "expected"), money(drawer.expected, drawer.currency))
        counted = drawer.counted
        pair(_say(lang, "counted"), _say(lang, "not_counted") if counted is None
             else money(counted, drawer.currency))
        if drawer.variance is not None:
            pair(_say(lang, "variance"), money(drawer.variance, drawer.currency), bold=True)
    rows.append(Row("=" * columns))
    for currency, amount in report.net.items():
        pair(_say(lang, "net"), money(amount, currency), bold=True)
    for currency, amount in report.grand_total.items():
        pair(_say(lang, "grand_total"), money(amount, currency), bold=True)
    if slip.hash:
        rows.append(Row(""))
        rows.append(Row(_say(lang, "hash")))
        rows.extend(Row(slip.hash[at:at + columns]) for at in range(0, len(slip.hash), columns))
        pair(_say(lang, "signature"), slip.signature[:16] + "...")
    return rows


def _figure(figure: Figure, language: str, columns: int,
            money: Callable[[int, str], str]) -> list[str]:
    if figure.section == "vat":
        right = f"{money(figure.base, figure.currency)} / {money(figure.tax, figure.currency)}"
    elif figure.section == "approver":
        right = str(figure.count)
    else:
        right = f"{figure.count} x  {money(figure.amount, figure.currency)}"
    left = figure_label(language, figure.section, figure.key)  # words; the report keeps keys
    return words.pair(words.printable(left), words.printable(right), columns)


def render_closure_text(slip: ClosureSlip, *, columns: int = 42) -> str:
    """The slip as plain text, line for line what the printer prints."""
    return "\n".join(show_row(row.text, row.align, row.width, columns)
                     for row in layout_closure(slip, columns))


def render_closure_escpos(slip: ClosureSlip, *, profile: str = "TM-T88V",
                          columns: int = 42) -> bytes:
    """The slip as one ESC/POS job: init, code page, rows, cut."""
    out = _Escpos(profile)
    out.start()
    for row in layout_closure(slip, columns):
        out.row(row, 5 if columns == 32 else 6)
    out.style(Row(""))
    out.printer.cut()
    job: bytes = out.printer.output  # python-escpos is untyped: its Dummy printer's buffer
    return job
