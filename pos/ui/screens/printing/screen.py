"""The print queue screen: jobs with their problem, Retry, Send to…, Reprint, preview, drawer."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.services.printing import PrintQueueService
from pos.services.receipt_preview import ReceiptPreviewService
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.managed import ManagedScreen, show_status
from pos.ui.screens.printing.models import DayDocumentsTableModel, PrintJobsTableModel
from pos.ui.screens.printing.view_model import PrintQueueViewModel
from pos.ui.workers import TaskRunner

PREVIEW_WIDTH = 420  # px: 42 monospace columns at 15 px, and the scroll bar
JOB_COLUMN_MAX = 200  # px: a long printer address is elided, the problem keeps its room
# TODO(lead): move into pos/ui/style.qss with the other screens' rules.
SCREEN_QSS = """
#printingScreen { background: #f4f3ef; }
#printStatus { font-size: 20px; padding: 10px 16px; border-radius: 8px; background: #ffffff; }
#printStatus[kind="error"] { background: #fde2e2; color: #9b1c1c; }
#printStatus[kind="ok"] { background: #e1f2e4; color: #1e5c2c; }
#receiptPreview { background: #ffffff; border: 1px solid #c9d0d6; }
"""


def monospace_font(pixel_size: int = 15) -> QFont:
    """The system's fixed-pitch font: a receipt's columns line up as on paper."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPixelSize(pixel_size)
    return font


class _AskDialog(Retranslating, QDialog):
    """A touch dialog: a question, a text field, quick answers, Cancel and OK.

    Subclasses word it in `_texts` (title, question, quick answers) and expose `ask`.
    """

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(640)
        self.text_edit = QLineEdit(objectName="answerEdit")
        self._question = QLabel(wordWrap=True)
        self._cancel = QPushButton(objectName="cancelButton")
        self.ok_button = QPushButton(objectName="okButton")
        self.ok_button.setProperty("primary", True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._question)
        layout.addWidget(self.text_edit)
        layout.addLayout(self._quick_answers(len(self._texts()[2])))
        layout.addLayout(buttons)
        self._cancel.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.accept)
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        self._retranslate_ui()
        self._on_text_edit_text_changed("")

    def _texts(self) -> tuple[str, str, list[str]]:
        raise NotImplementedError

    def _quick_answers(self, count: int) -> QGridLayout:
        self._answers = [QPushButton(objectName="quickAnswer") for _ in range(count)]
        grid = QGridLayout()
        for index, button in enumerate(self._answers):
            button.clicked.connect(lambda _=False, b=button: self.text_edit.setText(b.text()))
            grid.addWidget(button, index // 3, index % 3)
        return grid

    def _retranslate_ui(self) -> None:
        title, question, answers = self._texts()
        self.setWindowTitle(title)
        self._question.setText(question)
        for button, answer in zip(self._answers, answers, strict=True):
            button.setText(answer)
        self._cancel.setText(QCoreApplication.translate("AskDialog", "Cancel"))
        self.ok_button.setText(QCoreApplication.translate("AskDialog", "OK"))

    def _on_text_edit_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def answer(self) -> str | None:
        """Show the dialog (modal); the text typed when OK was tapped, else None."""
        return self.text_edit.text().strip() if self.exec() == QDialog.DialogCode.Accepted else None


class PrinterDialog(_AskDialog):
    """Asks for the printer to send a receipt to (a URI such as tcp://192.168.1.50:9100)."""

    @classmethod
    def ask(cls, parent: QWidget | None, *, current: str) -> str | None:
        """The printer address typed, or None when cancelled."""
        dialog = cls(parent)
        dialog.text_edit.setText(current)
        dialog.text_edit.selectAll()
        return dialog.answer()

    def _texts(self) -> tuple[str, str, list[str]]:
        return (
            self.tr("Send to another printer"),
            self.tr("Printer address (for example tcp://192.168.1.50:9100):"),
            [],
        )


class DrawerReasonDialog(_AskDialog):
    """Asks why the drawer is opened with no sale (kept in the audit log)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The reason given, or None when cancelled."""
        return cls(parent).answer()

    def _texts(self) -> tuple[str, str, list[str]]:
        return (
            self.tr("Open the drawer"),
            self.tr("Why open the drawer without a sale? This is written in the log."),
            [self.tr("Change for the float"), self.tr("Count the cash"), self.tr("Wrong change")],
        )


class PrintingScreen(ManagedScreen[PrintQueueViewModel], Retranslating, QWidget):
    """The receipts not printed yet, with what went wrong and buttons to put it right; today's
    receipts at this counter, newest first, to preview and reprint with a tap.

    Signals:
        back_requested(): the cashier is done here.
    """

    back_requested = Signal()

    def __init__(self, *, view_model: PrintQueueViewModel, locale: str = "fr_FR",
                 tz: tzinfo | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("printingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(SCREEN_QSS)
        self._vm = view_model
        self._model = PrintJobsTableModel(default_printer=view_model.default_printer, parent=self)
        self._documents = DayDocumentsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_jobs()
        self._render_documents()
        self._render_status()

    def set_locale(self, locale: str) -> None:
        """Times and amounts of today's list the `locale` way."""
        self._documents.set_locale(locale)

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._drawer_button = QPushButton(objectName="drawerButton")
        top = QHBoxLayout()
        top.addWidget(self._back_button)
        top.addSpacing(16)
        top.addWidget(self._title, 1)
        top.addWidget(self._drawer_button)
        self._status_label = QLabel(objectName="printStatus", wordWrap=True)
        body = QHBoxLayout()
        body.addLayout(self._build_queue(), 1)
        body.addSpacing(16)
        body.addLayout(self._build_preview())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._status_label)
        layout.addLayout(body, 1)

    def _build_queue(self) -> QVBoxLayout:
        self._queue_title = QLabel(objectName="sectionTitle")
        self._jobs_view = QTableView(objectName="jobsTable")
        self._jobs_view.setModel(self._model)
        setup_touch_table(
            self._jobs_view, stretch=PrintJobsTableModel.PROBLEM_COLUMN, row_height=56
        )
        self._jobs_view.horizontalHeader().setMaximumSectionSize(JOB_COLUMN_MAX)
        self._empty_label = QLabel(objectName="emptyNote", wordWrap=True)
        self._retry_button = QPushButton(objectName="retryButton")
        self._retry_button.setProperty("primary", True)
        self._send_button = QPushButton(objectName="sendToButton")
        self._refresh_button = QPushButton(objectName="refreshButton")
        self._retry_reason = QLabel(objectName="actionsReason", wordWrap=True)
        actions = QHBoxLayout()
        for button in (self._retry_button, self._send_button, self._refresh_button):
            actions.addWidget(button)
        actions.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self._queue_title)
        box.addWidget(self._jobs_view, 1)
        box.addWidget(self._empty_label)
        box.addLayout(actions)
        box.addWidget(self._retry_reason)  # under the buttons: why they are greyed
        box.addSpacing(12)
        self._today_title = QLabel(objectName="sectionTitle")
        self._documents_view = QTableView(objectName="todayTable")
        self._documents_view.setModel(self._documents)
        setup_touch_table(self._documents_view, stretch=DayDocumentsTableModel.WHAT_COLUMN,
                          row_height=56)  # fmt: skip
        self._no_documents = QLabel(objectName="emptyNote", wordWrap=True)
        box.addWidget(self._today_title)
        box.addWidget(self._documents_view, 2)
        box.addWidget(self._no_documents)
        return box

    def _build_preview(self) -> QVBoxLayout:
        self._reprint_title = QLabel(objectName="sectionTitle")
        self._document_edit = QLineEdit(objectName="documentEdit")
        self._reprint_button = QPushButton(objectName="reprintButton")
        self._preview = QPlainTextEdit(objectName="receiptPreview", readOnly=True)
        self._preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The app's QSS sets one font for every widget; a receipt needs fixed pitch.
        family = monospace_font().family()
        self._preview.setStyleSheet(f'font-family: "{family}", monospace; font-size: 15px;')
        self._preview.setFixedWidth(PREVIEW_WIDTH)
        QScroller.grabGesture(
            self._preview.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        box = QVBoxLayout()
        box.addWidget(self._reprint_title)
        # The field has the column to itself: its hint is as wide as the column in French.
        box.addWidget(self._document_edit)
        box.addWidget(self._reprint_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addWidget(self._preview, 1)
        return box

    def _connect_signals(self) -> None:
        self._back_button.clicked.connect(self.back_requested)
        self._jobs_view.clicked.connect(self._on_jobs_view_clicked)
        self._documents_view.clicked.connect(self._on_documents_view_clicked)
        self._retry_button.clicked.connect(self._on_retry_button_clicked)
        self._send_button.clicked.connect(self._on_send_button_clicked)
        self._refresh_button.clicked.connect(self._vm.refresh)
        self._reprint_button.clicked.connect(self._on_reprint_button_clicked)
        self._document_edit.returnPressed.connect(self._on_reprint_button_clicked)
        self._drawer_button.clicked.connect(self._on_drawer_button_clicked)
        self._vm.jobs_changed.connect(self._render_jobs)
        self._vm.documents_changed.connect(self._render_documents)
        self._vm.preview_changed.connect(self._render_preview)
        self._vm.status_changed.connect(self._render_status)

    def _retranslate_ui(self) -> None:
        self._back_button.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Printing"))
        self._drawer_button.setText(self.tr("Open drawer"))
        self._queue_title.setText(self.tr("Receipts not printed yet"))
        self._empty_label.setText(self.tr("Every receipt has been printed."))
        self._retry_button.setText(self.tr("Retry"))
        self._send_button.setText(self.tr("Send to…"))
        self._refresh_button.setText(self.tr("Refresh"))
        self._today_title.setText(self.tr("Today at this counter"))
        self._no_documents.setText(self.tr("No receipt yet today at this counter."))
        self._reprint_title.setText(self.tr("Reprint a receipt"))
        self._document_edit.setPlaceholderText(self.tr("Receipt number, e.g. T1-000042"))
        self._reprint_button.setText(self.tr("Reprint"))
        self._preview.setPlaceholderText(self.tr("Tap a receipt to see it here."))
        self._model.retranslate()
        self._documents.retranslate()
        self._render_jobs()  # the reason line, in the new language

    def on_scan(self, _kind: object, text: str) -> None:
        """A receipt was scanned here: reprint it (its QR code says `CPT:D:<number>`)."""
        number = text.split(":", 2)[2] if text.upper().startswith("CPT:D:") else text
        self._document_edit.setText(number)
        self._vm.reprint(number)

    def _on_jobs_view_clicked(self, index: QModelIndex) -> None:
        self._vm.select(index.row())

    def _on_documents_view_clicked(self, index: QModelIndex) -> None:
        self._vm.show_document(index.row())

    def _on_retry_button_clicked(self) -> None:
        self._vm.retry()

    def _on_send_button_clicked(self) -> None:
        job = self._vm.selected
        if job is None:
            self._vm.retry()  # says "tap a receipt first"
            return
        printer = PrinterDialog.ask(self, current=job.printer or self._vm.default_printer)
        if printer:
            self._vm.retry(printer)

    def _on_reprint_button_clicked(self) -> None:
        self._vm.reprint(self._document_edit.text())

    def _on_drawer_button_clicked(self) -> None:
        reason = DrawerReasonDialog.ask(self)
        if reason:
            self._vm.open_drawer(reason)

    def _render_jobs(self) -> None:
        jobs = self._vm.jobs
        if self._model.rows != jobs:
            self._model.set_rows(jobs)
        selected = self._vm.selected
        if selected is not None and selected in jobs:
            self._jobs_view.selectRow(jobs.index(selected))
        self._jobs_view.setVisible(bool(jobs))
        self._empty_label.setVisible(not jobs)
        self._retry_button.setEnabled(selected is not None)
        self._send_button.setEnabled(selected is not None)
        self._retry_reason.setText(self._vm.retry_reason)
        self._retry_reason.setVisible(bool(self._retry_reason.text()))

    def _render_documents(self) -> None:
        documents = self._vm.documents
        if self._documents.rows != documents:
            self._documents.set_rows(documents)
        number = self._vm.document_number
        row = next((i for i, doc in enumerate(documents) if doc.number == number), None)
        if row is not None:
            self._documents_view.selectRow(row)
            self._document_edit.setText(number)  # Reprint prints the receipt tapped
        self._documents_view.setVisible(bool(documents))
        self._no_documents.setVisible(not documents)

    def _render_preview(self) -> None:
        self._preview.setPlainText(self._vm.preview_text)

    def _render_status(self) -> None:
        # A wrapped label is not given its height by the layout on its own: ask it.
        show_status(self._status_label, self._vm.status_text, self._vm.status_kind,
                    wrap_width=max(self.width() - 40, 400))  # fmt: skip


def create_printing_screen(
    *,
    queue: PrintQueueService,
    previews: ReceiptPreviewService,
    runner: TaskRunner,
    locale: str = "fr_FR",
    tz: tzinfo | None = None,
) -> PrintingScreen:
    """The print queue screen and its view model; call `activate()` each time it is shown."""
    view_model = PrintQueueViewModel(queue=queue, previews=previews, runner=runner)
    screen = PrintingScreen(view_model=view_model, locale=locale, tz=tz)
    view_model.setParent(screen)
    return screen
