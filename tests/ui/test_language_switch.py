"""Switching the language at runtime: every screen's words, money and dates follow at once,
nothing is read again."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pos.app import TRANSLATIONS, install_translators, switch_language
from pos.db.engine import SessionFactory
from pos.domain.receipt import ShopInfo
from pos.domain.returns import DocumentKind
from pos.hardware.printer import make_printer
from pos.hardware.receipt_render import render_text
from pos.hardware.transports import VirtualPrinter
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.customers import CustomerService
from pos.services.history import SalesHistoryService
from pos.services.no_receipt import NoReceiptService
from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.services.receipts import ReceiptService
from pos.services.stock import StockService
from pos.ui.counter import CounterServices
from pos.ui.format import format_datetime
from pos.ui.keypad import AmountKeypad
from pos.ui.main_window import MainWindow, create_main_window
from tests.support.builders import T0, order
from tests.support.shop import build_shop, sell
from tests.ui.conftest import add_counter_refund, record, rich_order
from tests.ui.layout_checks import settle
from tests.ui.screens.login.test_screen import enter_pin, pick
from tests.ui.screens.returns.support import click, line_rows, wait_quote

FRENCH_DATE = re.compile(r"\d\d/\d\d/20\d\d \d\d:\d\d")  # 31/10/2026 10:00
ENGLISH_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M")  # 10/31/26, 10:00 AM


def plain(text: str) -> str:
    """Babel's narrow and no-break spaces as plain ones ("1 234,50 €")."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The app as started in French: Qt's locale and the translations, undone afterwards."""
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    installed = install_translators(qapp, "fr")
    yield installed  # each switch replaces its contents in place, as in the app
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [plain(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def titles(view: QTableView) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def header(screen: QWidget) -> dict[str, str]:
    """The order header's fields, once the labels of the previous header are gone."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    labels = screen.findChildren(QLabel, "fieldLabel")
    values = screen.findChildren(QLabel, "fieldValue")
    return {a.text(): plain(b.text()) for a, b in zip(labels, values, strict=True)}


def record_reads(monkeypatch: pytest.MonkeyPatch, history: SalesHistoryService) -> list[str]:
    """From now on, the name of each search or order read the screens ask `history` for."""
    reads: list[str] = []

    def spy(name: str) -> Callable[..., Any]:
        real = getattr(history, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            reads.append(name)
            return real(*args, **kwargs)

        return call

    for name in ("search", "order_detail"):
        monkeypatch.setattr(history, name, spy(name))
    return reads


def test_search_results_and_the_order_follow_a_switch_to_english(
    qtbot: QtBot,
    qapp: QApplication,
    sessions: SessionFactory,
    history: SalesHistoryService,
    make_window,  # type: ignore[no-untyped-def]
    translators: list[QTranslator],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Hélène Lefèvre bought twice: the rich order, and 1 234,50 € the day before.
    [order_id, _] = record(sessions, rich_order("10234"), order("10220", price=61725, days_ago=1))
    add_counter_refund(sessions, order_id, line=1, quantity=1)
    window = make_window("fr_FR")
    # The cashier finds her sales, in French.
    qtbot.keyClicks(window.search_screen.findChild(QLineEdit, "searchBox"), "Lef")
    results = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: results.model().rowCount() == 2)
    number, date, customer, _contact, _channel, total = cells(results)[1]
    assert (number, customer, total) == ("10220", "Hélène Lefèvre", "1 234,50 €")
    assert FRENCH_DATE.fullmatch(date) and date == format_datetime(T0 - timedelta(days=1))
    assert titles(results)[2] == "Client"
    # She opens the rich order.
    window.search_screen.view_model.choose(0)
    lines = window.order_screen.findChild(QTableView, "linesTable")
    qtbot.waitUntil(lambda: lines.model().rowCount() == 3)
    assert cells(lines)[0][5:] == ["24,95 €", "49,90 €"]
    fields = header(window.order_screen)
    assert fields["Total"] == "173,40 €" and FRENCH_DATE.fullmatch(fields["Date"])
    window_label = window.order_screen.findChild(QLabel, "returnWindow")
    assert window_label.text().startswith("Achat il y a 12 jours")

    # English, the app's way: what is on screen changes now, without a search or a read.
    reads = record_reads(monkeypatch, history)
    switch_language(qapp, window, translators, "en")
    assert reads == []
    number, date, customer, _contact, _channel, total = cells(results)[1]
    assert (number, total) == ("10220", "€1,234.50")
    assert ENGLISH_DATE.fullmatch(date), date
    assert date == format_datetime(T0 - timedelta(days=1), "en_US").replace("\u202f", " ")
    assert titles(results)[2] == "Customer"
    assert cells(lines)[0][5:] == ["€24.95", "€49.90"]
    payments = window.order_screen.findChild(QTableView, "paymentsTable")
    assert cells(payments)[0][2:] == ["€123.40", "€24.95", "€98.45"]
    documents = window.order_screen.findChild(QTableView, "documentsTable")
    [[document, _kind, created, balance]] = cells(documents)
    assert (document, balance) == ("T1-000042", "-€89.00") and ENGLISH_DATE.fullmatch(created)
    fields = header(window.order_screen)
    assert fields["Total"] == "€173.40" and fields["Already refunded"] == "€24.95"
    assert ENGLISH_DATE.fullmatch(fields["Date"])
    assert window.order_screen.findChild(QLabel, "screenTitle").text() == "Order 10234"
    assert window_label.text() == "Bought 12 days ago — within the 30-day return window."

    # And back to French.
    switch_language(qapp, window, translators, "fr")
    assert cells(results)[1][5] == "1 234,50 €"
    assert header(window.order_screen)["Total"] == "173,40 €"
    assert reads == []


class _CounterWindow:
    """The whole counter (login first) on a small shop, started in French unless told."""

    def __init__(self, qtbot: QtBot, sessions: SessionFactory, *, locale: str = "fr_FR") -> None:
        self.shop = build_shop(sessions)
        clock = self.shop.clock
        receipts = ReceiptService(sessions=sessions, clock=clock, shop=ShopInfo("Lumière"))
        services = CounterServices(
            users=self.shop.users,
            returns=self.shop.returns,
            catalogue=CatalogueSearchService(sessions=sessions),
            stock=StockService(sessions=sessions, clock=clock),
            print_queue=PrintQueueService(
                sessions=sessions,
                clock=clock,
                receipts=receipts,
                default_printer="virtual",
                printers=lambda uri: make_printer(uri, transport=VirtualPrinter()),
            ),
            previews=ReceiptPreviewService(
                receipts=receipts, render_text=lambda r, c: render_text(r, columns=c)
            ),
            time_zone=UTC,
            no_receipt=NoReceiptService(sessions=sessions, clock=clock, terminal_id="T1"),
            customers=CustomerService(sessions=sessions, clock=clock),
        )
        self.history = SalesHistoryService(sessions=sessions, clock=clock)
        self.window: MainWindow = create_main_window(
            history=self.history, locale=locale, services=services
        )
        qtbot.addWidget(self.window)
        self.window.resize(1280, 800)
        self.window.show()

    def log_in(self, qtbot: QtBot) -> None:
        login = self.window.counter.login  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: len(login.view_model.users) == 3)
        pick(qtbot, login, "Camille")
        enter_pin(qtbot, login, "2580")
        qtbot.waitUntil(lambda: self.window.current_screen() is self.window.search_screen)


@pytest.fixture
def counter(qtbot: QtBot, sessions: SessionFactory) -> Iterator[_CounterWindow]:
    counter = _CounterWindow(qtbot, sessions)
    yield counter
    counter.window.close()  # stops the runners before the database goes away


def test_the_returns_and_settle_balances_follow_a_switch(
    qtbot: QtBot, qapp: QApplication, counter: _CounterWindow, translators: list[QTranslator]
) -> None:
    window, shop = counter.window, counter.shop
    order_id = sell(shop, "10234", [("T-S-M", 1), ("JEA-M", 1)])
    counter.log_in(qtbot)
    # An exchange: the T-shirt comes back, a pair of jeans goes out; 50 € to collect.
    flow = window.counter.returns  # type: ignore[attr-defined]
    flow.start(DocumentKind.EXCHANGE, order_id)
    window.show_screen(flow)
    qtbot.waitUntil(lambda: len(line_rows(flow)) == 2)
    click(qtbot, line_rows(flow)[0], "plusButton")
    flow.returns_screen.view_model.add_item(code="JEA-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    balance = flow.returns_screen.findChild(QLabel, "balanceLabel")
    figures = flow.returns_screen.findChild(QLabel, "quoteFigures")
    replacements = flow.returns_screen.findChild(QTableView, "replacementsTable")
    assert plain(balance.text()) == "À encaisser : 50,00 €"
    assert cells(replacements)[0][3] == "79,90 €"

    switch_language(qapp, window, translators, "en")
    assert balance.text() == "To collect: €50.00"
    assert figures.text().startswith("Coming back: €29.90")
    assert cells(replacements)[0][3] == "€79.90"

    # On to settle, where the amounts are in English too; then back to French.
    click(qtbot, flow.returns_screen, "continueButton")
    settle = flow.settle_screen
    settle_balance = settle.findChild(QLabel, "settleBalance")
    remaining = settle.findChild(QLabel, "remainingLabel")
    assert settle_balance.text() == "To collect: €50.00"
    assert remaining.text() == "Still to settle: €50.00"
    assert "€50.00" in keypad_texts(settle)
    switch_language(qapp, window, translators, "fr")
    assert plain(settle_balance.text()) == "À encaisser : 50,00 €"
    assert plain(remaining.text()) == "Reste à régler : 50,00 €"
    assert "50,00 €" in keypad_texts(settle)


def keypad_texts(screen: QWidget) -> list[str]:
    [keypad] = screen.findChildren(AmountKeypad)
    return [plain(label.text()) for label in keypad.findChildren(QLabel)]


def test_the_language_tapped_at_login_is_the_cashier_s_formats(
    qtbot: QtBot, qapp: QApplication, counter: _CounterWindow, translators: list[QTranslator]
) -> None:
    window, shop = counter.window, counter.shop
    sell(shop, "10234", [("JEA-M", 1)])
    login = window.counter.login  # type: ignore[attr-defined]
    # Wired as `pos.app` wires it: a language tapped at login switches the whole window.
    login.language_requested.connect(partial(switch_language, qapp, window, translators))
    qtbot.waitUntil(lambda: len(login.view_model.users) == 3)
    qtbot.mouseClick(login.findChild(QWidget, "language_en"), Qt.MouseButton.LeftButton)
    counter.log_in(qtbot)
    box = window.search_screen.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "10234")
    results = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: results.model().rowCount() == 1)
    [[number, date, *_, total]] = cells(results)
    assert (number, total) == ("10234", "€79.90") and ENGLISH_DATE.fullmatch(date)


def test_lockout_times_at_login_follow_a_switch(
    qtbot: QtBot, qapp: QApplication, counter: _CounterWindow, translators: list[QTranslator]
) -> None:
    login = counter.window.counter.login  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(login.view_model.users) == 3)
    pick(qtbot, login, "Camille")
    for _ in range(5):  # the shop's clock says 15:00 UTC; the lockout lasts five minutes
        enter_pin(qtbot, login, "1111")
        qtbot.waitUntil(lambda: not login.view_model.busy)
    users = login.findChild(QTableView, "usersTable")
    qtbot.waitUntil(lambda: cells(users)[1][2] == "Bloqué jusqu’à 15:05")
    switch_language(qapp, counter.window, translators, "en")
    assert cells(users)[1][2] == "Locked until 3:05 PM"
    assert login.findChild(QWidget, "language_en").isChecked()


# The fixed texts checked on each screen, by object name: a label's or a button's text (and its
# accessible name), a field's hint, a list's choices, a table's column titles.
CHECKED = {
    "search": ("screenTitle", "searchButton", "clearButton", "searchBox", "searchResults"),
    "order": ("backButton", "sectionTitle", "emptyNote", "exchangeButton", "cancelOrderButton",
              "reprintButton", "linesTable"),
    "returns": ("screenTitle", "backButton", "sectionTitle", "lineInfo", "chip",
                "removeItemButton", "continueButton", "replacementsTable"),
    "picker": ("pickerSearch", "pickerClear", "variant_JEA-L", "pickerResults"),
    "settle": ("backButton", "removeTenderButton", "emailField", "noteField", "giftCardCode",
               "cashButton", "cardButton", "giftCardButton", "commitButton", "tendersTable"),
    "printing": ("screenTitle", "drawerButton", "retryButton", "documentEdit", "jobsTable"),
    "stock": ("countTab", "findButton", "codeEdit", "reasonEdit", "quickReason",
              "inspectionTable"),
    "top bar": ("topBar_search", "topBar_printing", "topBar_logout"),
    "no receipt": ("screenTitle", "backButton", "sectionTitle", "reasonWords", "continueButton",
                   "noLinesHint"),
    "no receipt customer": ("screenTitle", "itemsButton", "customerSearch", "newCustomerName",
                            "newCustomerContact", "useNewCustomer", "validateButton",
                            "customersTable"),
    "no receipt entry": ("noReceiptButton",),
}  # fmt: skip


Sources = list[tuple[re.Pattern[str], list[re.Pattern[str]]]]


def english_sources() -> Sources:
    """Each English source of the *_fr.ts files that French words differently, as a pattern
    (its `{…}` fields match anything), with the patterns of its French translations."""
    translations: dict[str, set[str]] = {}
    for ts in sorted(TRANSLATIONS.glob("*_fr.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source, french = message.findtext("source"), message.findtext("translation")
            if source and french and french != source:
                translations.setdefault(source, set()).add(french)

    def pattern(text: str) -> re.Pattern[str]:
        parts = re.split(r"\{\w*\}", text)
        return re.compile(".+".join(re.escape(part) for part in parts), re.DOTALL)

    return [
        (pattern(source), [pattern(french) for french in frenches])
        for source, frenches in translations.items()
        if re.sub(r"\{\w*\}|\W", "", source)  # a bare "{amount}" says nothing by itself
    ]


def translations_of(text: str, sources: Sources) -> list[re.Pattern[str]]:
    """The French patterns of the English source `text` is (none when it is no source)."""
    return [french for source, fr in sources if source.fullmatch(text) for french in fr]


def reads_as_french(en: str, fr: str, sources: Sources) -> bool:
    """`fr` is a French translation of `en`, or `en` itself when nothing translates it."""
    patterns = translations_of(en, sources)
    return any(p.fullmatch(fr) for p in patterns) if patterns else fr == en


def texts_of(widget: QWidget) -> list[str]:
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(index) for index in range(widget.count())]
    if isinstance(widget, QTableView):
        return titles(widget)
    texts = widget.text().split("\n")  # a variant's button: its size, then its stock
    return [*texts, widget.accessibleName()] if widget.accessibleName() else texts


def wording(screens: dict[str, QWidget]) -> dict[str, list[str]]:
    """The texts of the `CHECKED` widgets, by "<screen> <object name>"."""
    settle()  # widgets replaced by a re-render are gone
    texts = {}
    for key, names in CHECKED.items():
        for name in names:
            widgets = screens[key].findChildren(QWidget, name)
            texts[f"{key} {name}"] = [text for widget in widgets for text in texts_of(widget)]
    return texts


def not_french(english: dict[str, list[str]], french: dict[str, list[str]]) -> list[str]:
    """Where `french` is not the *_fr.ts translation of `english` (other texts must stay)."""
    sources, problems = english_sources(), []
    for key, texts in english.items():
        if len(texts) != len(french[key]) or not texts:
            problems.append(f"{key}: {texts!r} became {french[key]!r}")
        problems += [
            f"{key}: {en!r} shows as {fr!r}"
            for en, fr in zip(texts, french[key], strict=False)
            if not reads_as_french(en, fr, sources)
        ]
        if not any(translations_of(en, sources) for en in texts):
            problems.append(f"{key}: nothing to translate in {texts!r}")
    return problems


def shown_texts(screen: QWidget) -> Iterator[tuple[str, str]]:
    """(object name, text) of each shown label, button, empty field's hint, list, table."""
    for widget in screen.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton | QTableView):
            name = widget.objectName() or type(widget).__name__
            yield from ((name, text) for text in texts_of(widget))
        elif widget.isVisible() and isinstance(widget, QLineEdit | QComboBox):
            name = widget.objectName()
            shown = widget.text() if isinstance(widget, QLineEdit) else widget.currentText()
            yield name, shown or texts_of(widget)[0]


def still_english(screen: QWidget) -> list[str]:
    """The texts `screen` shows that are an English source whose French is not shown."""
    sources = english_sources()

    def english(text: str) -> bool:
        return any(
            source.fullmatch(text) and not any(french.fullmatch(text) for french in frenches)
            for source, frenches in sources
        )

    return [f"{name}: {text!r}" for name, text in shown_texts(screen) if english(text)]


def switch(qapp: QApplication, window: MainWindow, translators: list[QTranslator],
           language: str) -> None:  # fmt: skip
    """As the app switches; then Qt's LanguageChange events (posted) reach every widget."""
    switch_language(qapp, window, translators, language)
    qapp.processEvents()


@pytest.fixture
def english_counter(
    qtbot: QtBot, qapp: QApplication, sessions: SessionFactory, translators: list[QTranslator]
) -> Iterator[_CounterWindow]:
    """The whole counter started in English: every widget is built with English words."""
    QLocale.setDefault(QLocale("en_US"))
    for translator in translators:
        qapp.removeTranslator(translator)
    translators.clear()
    counter = _CounterWindow(qtbot, sessions, locale="en_US")
    yield counter
    counter.window.close()


def open_every_screen(qtbot: QtBot, counter: _CounterWindow) -> dict[str, QWidget]:
    """Camille opens an order, starts an exchange, looks up jeans and goes on to settle."""
    window, shop = counter.window, counter.shop
    order_id = sell(shop, "10234", [("T-S-M", 1), ("JEA-M", 1)])
    counter.log_in(qtbot)
    qtbot.keyClicks(window.search_screen.findChild(QLineEdit, "searchBox"), "10234")
    results = window.search_screen.findChild(QTableView, "searchResults")
    qtbot.waitUntil(lambda: results.model().rowCount() == 1)
    window.search_screen.view_model.choose(0)
    qtbot.waitUntil(lambda: window.order_screen.view_model.detail is not None)
    click(qtbot, window.order_screen, "customerLink")  # her customer view, then back
    customer = window.counter.customer.screen  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: customer.view_model.view is not None)
    click(qtbot, customer, "backButton")
    flow = window.counter.returns  # type: ignore[attr-defined]
    flow.start(DocumentKind.EXCHANGE, order_id)
    window.show_screen(flow)
    qtbot.waitUntil(lambda: len(line_rows(flow)) == 2)
    click(qtbot, line_rows(flow)[0], "plusButton")
    picker = flow.returns_screen.picker
    qtbot.keyClicks(picker.findChild(QLineEdit, "pickerSearch"), "jean")
    qtbot.waitUntil(lambda: picker.findChild(QWidget, "variant_JEA-L") is not None)
    click(qtbot, picker, "variant_JEA-L")
    qtbot.waitUntil(lambda: flow.returns_screen.view_model.replacements != ())
    wait_quote(qtbot, flow)
    click(qtbot, flow.returns_screen, "continueButton")
    counter_screens = window.counter  # type: ignore[attr-defined]
    return {
        "search": window.search_screen, "order": window.order_screen,
        "returns": flow.returns_screen, "picker": picker, "settle": flow.settle_screen,
        "printing": counter_screens.printing, "stock": counter_screens.stock,
        "top bar": counter_screens.top_bar,
        "no receipt": counter_screens.no_receipt.screen.findChild(QWidget, "noReceiptItemsPage"),
        "no receipt customer": counter_screens.no_receipt.screen.customer_page,
        "no receipt entry": counter_screens.no_receipt.entry,
        "customer": customer,
    }  # fmt: skip


def bring_forward(window: MainWindow, screen: QWidget) -> None:
    """Show `screen` (in the returns flow, if it is there), laid out."""
    widget = screen
    while widget is not window and (parent := widget.parentWidget()) is not None:
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(widget)
        widget = parent
    settle()


def test_every_screen_words_its_fixed_texts_again_after_a_switch(
    qtbot: QtBot,
    qapp: QApplication,
    english_counter: _CounterWindow,
    translators: list[QTranslator],
    tmp_path: Path,
) -> None:
    window = english_counter.window
    screens = open_every_screen(qtbot, english_counter)
    english = wording(screens)
    assert english["search screenTitle"] == ["Find a sale"]
    assert english["settle cashButton"] == ["Cash"]

    # French: titles, buttons, hints and column titles of every screen, built in English,
    # read as resources/i18n/*_fr.ts says.
    switch(qapp, window, translators, "fr")
    french = wording(screens)
    assert not_french(english, french) == []
    assert french["search screenTitle"] == ["Retrouver une vente"]
    assert french["order exchangeButton"] == ["Échange"]
    assert french["returns lineInfo"] == ["1 peut être rendu"] * 2
    assert french["picker pickerClear"] == ["✕", "Effacer"]
    assert french["settle cashButton"] == ["Espèces"]
    assert window.windowTitle() == "Comptoir — service retours"
    # And nothing a screen shows is still the English of a text that has its French.
    leftovers = []
    for key, screen in screens.items():
        bring_forward(window, screen)
        leftovers += [f"{key}: {text}" for text in still_english(screen)]
        assert window.grab().save(str(tmp_path / f"{key.replace(' ', '-')}-fr.png"))
    assert leftovers == []

    # Back to English: the very words the screens were built with.
    switch(qapp, window, translators, "en")
    assert wording(screens) == english
    assert window.windowTitle() == "Comptoir — returns desk"


def test_the_search_hint_and_the_order_s_problem_follow_a_switch(
    qtbot: QtBot,
    qapp: QApplication,
    make_window,  # type: ignore[no-untyped-def]
    translators: list[QTranslator],
) -> None:
    window = make_window("fr_FR")
    hint = window.search_screen.findChild(QLabel, "searchStatus")
    assert hint.text().startswith("Saisissez le nom, l’e-mail ou le téléphone du client")
    # An order that is gone from the history: the order screen says so, in French.
    window.search_screen.order_requested.emit(999_999)
    problem = window.order_screen.findChild(QLabel, "orderStatus")
    gone = "Cette commande ne figure plus dans l’historique des ventes."
    qtbot.waitUntil(lambda: problem.text() == gone)

    switch(qapp, window, translators, "en")
    assert hint.text().startswith("Type the customer's name, e-mail or phone number")
    assert problem.text() == "This order is no longer in the sales history."
