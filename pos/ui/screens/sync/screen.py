"""The sync badge (top bar, every screen) and the sync panel where a manager settles reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.roles import Operator
from pos.services.sync_port import RefusedOrder, SyncPort, SyncStatus
from pos.ui.format import format_datetime
from pos.ui.retranslating import Retranslating
from pos.ui.screens import setup_touch_table
from pos.ui.screens.sync.models import ReviewItemsTableModel
from pos.ui.screens.sync.problems import last_error_text, review_reason_text
from pos.ui.screens.sync.view_model import (
    SyncViewModel,
    badge_look,
    mail_sentence,
    moment_text,
    notes_sentence,
    status_sentence,
)
from pos.ui.sync_worker import APP_FIRST_TICK_MS, DEFAULT_INTERVAL_MS, SyncThread
from pos.ui.workers import TaskRunner

BADGE_QSS = """
QPushButton#syncBadge { min-height: 48px; min-width: 48px; padding: 0 18px; font-size: 17px;
    font-weight: bold; border-radius: 24px; border: 2px solid #9aa5ae; background: #eef1f3; }
QPushButton#syncBadge[kind="ok"] { background: #e1f2e4; border-color: #2f8a45; color: #1e5c2c; }
QPushButton#syncBadge[kind="waiting"] { background: #e3eef9; border-color: #3a73b0;
    color: #1d4370; }
QPushButton#syncBadge[kind="offline"] { background: #fde2e2; border-color: #b42828;
    color: #8a1414; }
QPushButton#syncBadge[kind="review"] { background: #fff0d1; border-color: #c27803;
    color: #7a4b00; }
QPushButton#syncBadge[kind="off"] { background: #eceae4; border-color: #8a8578;
    color: #4d4a42; }
"""
# TODO(lead): move into pos/ui/style.qss with the other screens' rules.
PANEL_QSS = """
#syncPanel { background: #f4f3ef; }
#syncState { font-size: 20px; padding: 10px 16px; border-radius: 8px; background: #ffffff; }
#syncState[kind="offline"] { background: #fde2e2; color: #8a1414; }
#syncState[kind="ok"], #syncState[kind="waiting"] { background: #e1f2e4; color: #1e5c2c; }
#syncState[kind="review"] { background: #fff0d1; color: #7a4b00; }
#syncFigure { font-size: 26px; font-weight: bold; }
#syncMessage[kind="error"] { color: #9b1c1c; }
#syncMessage[kind="ok"] { color: #1e5c2c; }
#lastError, #reviewReason, #readOnlyNote, #mailState { color: #4a5560; }
#mailState[kind="error"] { color: #9b1c1c; }
#refusedOrders { color: #9b1c1c; }
"""
REFUSED_SHOWN = 3  # orders named on the panel; `comptoir sync status` lists them all
DECISIONS = (("done", "doneButton"), ("resend", "resendButton"), ("drop", "dropButton"))


def _restyle(widget: QWidget, kind: str) -> None:
    widget.setProperty("kind", kind)
    widget.style().unpolish(widget)  # re-read the QSS property
    widget.style().polish(widget)


class SyncBadge(Retranslating, QPushButton):
    """A pill with the sync at a glance ("Online · 3 waiting", "2 to check"); tap: the panel.

    Signals:
        clicked(): inherited; the counter opens the sync panel.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBadge")
        self.setStyleSheet(BADGE_QSS)
        self.setMinimumHeight(48)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing where it was
        self._status: SyncStatus | None = None
        self.show_status(None)

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_status(self, status: SyncStatus | None) -> None:
        """Show `status` (None: not known yet)."""
        self._status = status
        look = badge_look(status)
        self.setText(look.text)
        self.setAccessibleName(look.text)
        _restyle(self, look.kind)

    def _retranslate_ui(self) -> None:
        self.show_status(self._status)


class SyncPanel(Retranslating, QWidget):
    """The sync in words: state, last pull and push, the queue, and the changes to check.

    A manager settles a change with Done / Send again / Drop and a reason; anyone else sees
    the list read-only.

    Signals:
        back_requested(): the person is done here.
    """

    back_requested = Signal()

    def __init__(self, *, view_model: SyncViewModel, locale: str, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_QSS)
        self._vm, self._locale, self._tz = view_model, locale, tz
        self._model = ReviewItemsTableModel(locale=locale, tz=tz, parent=self)
        self._build_ui()
        self._connect_signals()
        self._retranslate_ui()
        self._render_status()

    @property
    def view_model(self) -> SyncViewModel:
        return self._vm

    def activate(self) -> None:
        """Shown: read the status again (database only)."""
        self._vm.refresh()

    def set_locale(self, locale: str) -> None:
        """Show times the `locale` way ("en_US"); the status is not read again."""
        self._locale = locale
        self._model.set_locale(locale)
        self._render_status()

    def _build_ui(self) -> None:
        self._back_button = QPushButton(objectName="backButton")
        self._title = QLabel(objectName="screenTitle")
        self._sync_button = QPushButton(objectName="syncNowButton")
        top = QHBoxLayout()
        for widget, stretch in ((self._back_button, 0), (self._title, 1), (self._sync_button, 0)):
            top.addWidget(widget, stretch)
        self._state = QLabel(objectName="syncState", wordWrap=True)
        self._error = QLabel(objectName="lastError", wordWrap=True)
        self._mail = QLabel(objectName="mailState", wordWrap=True)
        self._refused = QLabel(objectName="refusedOrders", wordWrap=True)
        self._notes = QLabel(objectName="syncNotes", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._state)
        layout.addWidget(self._error)
        layout.addWidget(self._mail)
        layout.addWidget(self._refused)
        layout.addWidget(self._notes)
        layout.addLayout(self._build_figures())
        self._build_review(layout)

    def _build_figures(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(40)
        self._captions: dict[str, QLabel] = {}
        self._figures: dict[str, QLabel] = {}
        for column, key in enumerate(("pull", "push", "pending", "parked", "review")):
            self._captions[key] = QLabel(objectName="figureCaption")
            self._figures[key] = QLabel(objectName="syncFigure")
            self._figures[key].setProperty("figure", key)
            grid.addWidget(self._captions[key], 0, column)
            grid.addWidget(self._figures[key], 1, column)
        return grid

    def _build_review(self, layout: QBoxLayout) -> None:
        self._review_title = QLabel(objectName="sectionTitle")
        self._table = QTableView(objectName="reviewTable")
        self._table.setModel(self._model)
        setup_touch_table(self._table, stretch=ReviewItemsTableModel.NUMBERS_COLUMN)
        self._empty = QLabel(objectName="emptyNote", wordWrap=True)
        self._reason_label = QLabel(objectName="reviewReason", wordWrap=True)
        self._read_only = QLabel(objectName="readOnlyNote", wordWrap=True)
        self._reason_edit = QLineEdit(objectName="reasonEdit")
        self._buttons = {key: QPushButton(objectName=name) for key, name in DECISIONS}
        actions = QHBoxLayout()
        actions.addWidget(self._reason_edit, 1)
        for button in self._buttons.values():
            actions.addWidget(button)
        self._message = QLabel(objectName="syncMessage", wordWrap=True)
        for widget in (self._review_title, self._table, self._empty, self._reason_label,
                       self._read_only):  # fmt: skip
            layout.addWidget(widget, 1 if widget is self._table else 0)
        layout.addLayout(actions)
        layout.addWidget(self._message)

    def _connect_signals(self) -> None:
        self._back_button.clicked.connect(self.back_requested)
        self._sync_button.clicked.connect(self._vm.sync_now)
        self._table.clicked.connect(self._on_table_clicked)
        for key, button in self._buttons.items():
            button.clicked.connect(lambda _=False, decision=key: self._decide(decision))
        self._vm.status_changed.connect(self._render_status)
        self._vm.message_changed.connect(self._render_message)

    def _retranslate_ui(self) -> None:
        self._back_button.setText(self.tr("‹  Back"))
        self._title.setText(self.tr("Wix sync"))
        self._sync_button.setText(self.tr("Sync now"))
        captions = {"pull": self.tr("Last received"), "push": self.tr("Last sent"),
                    "pending": self.tr("Waiting"), "parked": self.tr("Refused by Wix"),
                    "review": self.tr("To check")}  # fmt: skip
        for key, text in captions.items():
            self._captions[key].setText(text)
        self._review_title.setText(self.tr("Changes to check"))
        self._empty.setText(self.tr("Nothing to check: Wix and the counter agree."))
        self._read_only.setText(self.tr("Only a manager can settle these changes."))
        self._reason_edit.setPlaceholderText(self.tr("Why? (kept in the log)"))
        self._buttons["done"].setText(self.tr("Done on Wix"))
        self._buttons["resend"].setText(self.tr("Send again"))
        self._buttons["drop"].setText(self.tr("Drop"))
        self._model.retranslate()
        self._render_status()

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._vm.select(index.row())

    def _decide(self, decision: str) -> None:
        self._vm.resolve(decision, self._reason_edit.text())

    def _when(self, moment: datetime) -> str:
        return format_datetime(moment, self._locale, tz=self._tz)

    def _render_status(self) -> None:
        status = self._vm.status
        self._state.setText(status_sentence(status))
        offline = status is not None and status.configured and not status.online
        _restyle(self._state, "offline" if offline else badge_look(status).kind)
        self._error.setText(last_error_text(status))
        self._error.setVisible(bool(self._error.text()))
        self._mail.setText(mail_sentence(status))
        self._mail.setVisible(status is not None)
        _restyle(self._mail, "error" if status and (status.mail_problem or status.mail_parked)
                 else "")  # fmt: skip
        self._render_refused(status.refused_orders if status else ())
        self._notes.setText(notes_sentence(status))
        self._notes.setVisible(bool(self._notes.text()))
        figures = {
            "pull": moment_text(status.last_pull_at if status else None, self._when),
            "push": moment_text(status.last_push_at if status else None, self._when),
            **{key: str(getattr(status, key, 0)) if status else "—"
               for key in ("pending", "parked")},
            "review": str(status.needs_review) if status else "—",
        }  # fmt: skip
        for key, text in figures.items():
            self._figures[key].setText(text)
        self._render_items()

    def _render_refused(self, refused: tuple[RefusedOrder, ...]) -> None:
        lines = [self.tr("Orders from Wix not recorded: {count}").format(count=len(refused))]
        lines += [f"{order.wix_id}: {order.reason}" for order in refused[:REFUSED_SHOWN]]
        if len(refused) > REFUSED_SHOWN:
            lines.append(self.tr("… and {count} more").format(count=len(refused) - REFUSED_SHOWN))
        self._refused.setText("\n".join(lines))
        self._refused.setVisible(bool(refused))

    def _render_items(self) -> None:
        items, selected = self._vm.items, self._vm.selected
        if self._model.rows != items:
            self._model.set_rows(items)
        if selected is not None:
            self._table.selectRow(items.index(selected))
        self._table.setVisible(bool(items))
        self._empty.setVisible(not items)
        manager = self._vm.can_decide
        # With nothing chosen the decisions are greyed: the line says why.
        pick = self.tr("Tap a change in the list to decide on it.") if items and manager else ""
        self._reason_label.setText(review_reason_text(selected) if selected else pick)
        self._reason_label.setVisible(bool(self._reason_label.text()))
        self._read_only.setVisible(bool(items) and not manager)
        for widget in (self._reason_edit, *self._buttons.values()):
            widget.setVisible(bool(items) and manager)
            widget.setEnabled(selected is not None)

    def _render_message(self) -> None:
        self._message.setText(self._vm.message_text)
        _restyle(self._message, self._vm.message_kind)
        if self._vm.message_kind == "ok":
            self._reason_edit.clear()


def create_sync_panel(*, view_model: SyncViewModel, locale: str,
                      tz: tzinfo | None = None) -> SyncPanel:  # fmt: skip
    """The sync panel on `view_model` (which it then owns); `activate()` it when shown."""
    panel = SyncPanel(view_model=view_model, locale=locale, tz=tz)
    view_model.setParent(panel)
    return panel


class _Session(Protocol):
    """The counter session: who is logged in, and when that changes."""

    operator: Operator | None
    operator_changed: Any  # Signal(object): an `Operator`, or None


class _Window(Protocol):
    """The main window: a stack of screens and a `closing` signal."""

    closing: Any  # Signal()

    def add_screen(self, screen: QWidget) -> None: ...

    def show_screen(self, screen: QWidget) -> None: ...

    def show_search(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SyncUi:
    """What `install_sync` added: the sync thread, the top bar's badge and the panel."""

    thread: SyncThread
    badge: SyncBadge
    panel: SyncPanel


def install_sync(session: _Session, top_bar: QWidget, window: _Window, sync: SyncPort,
                 runner: TaskRunner, *, locale: str, tz: tzinfo | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS,
                 first_tick_ms: int = APP_FIRST_TICK_MS) -> SyncUi:  # fmt: skip
    """Start the sync thread, put its badge in `top_bar` and its panel in `window`'s stack.

    The badge opens the panel; Back goes to the search screen; the panel follows the
    logged-in operator; the thread stops when the window closes.
    """
    thread = SyncThread(make_sync=lambda: sync, interval_ms=interval_ms,
                        first_tick_ms=first_tick_ms, parent=window_object(window))  # fmt: skip
    view_model = SyncViewModel(sync=sync, runner=runner, request_now=thread.request_now)
    view_model.set_operator(session.operator)
    panel = create_sync_panel(view_model=view_model, locale=locale, tz=tz)
    window.add_screen(panel)
    badge = SyncBadge()
    _add_to_bar(top_bar, badge)
    thread.status_changed.connect(badge.show_status)
    thread.status_changed.connect(view_model.set_status)
    session.operator_changed.connect(view_model.set_operator)
    badge.clicked.connect(lambda: _show_panel(window, panel))
    panel.back_requested.connect(window.show_search)
    window.closing.connect(thread.stop)
    thread.start()
    return SyncUi(thread, badge, panel)


def window_object(window: _Window) -> QObject | None:
    """`window` as the sync thread's parent, when it is a QObject."""
    return window if isinstance(window, QObject) else None


def _add_to_bar(top_bar: QWidget, badge: SyncBadge) -> None:
    layout = top_bar.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(1, badge)  # right after the operator's name
    else:
        badge.setParent(top_bar)


def _show_panel(window: _Window, panel: SyncPanel) -> None:
    window.show_screen(panel)
    panel.activate()
