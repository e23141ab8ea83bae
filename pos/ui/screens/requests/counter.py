"""Return requests wired into the counter: badge, screens, the order's action, the search box."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from pos.domain.return_requests import parse_authorisation
from pos.domain.returns import Draft
from pos.domain.roles import Approval, Operator, Permission, Role
from pos.services.history import OrderDetail, SalesHistoryService
from pos.services.return_requests import RequestCounts, ReturnRequestService
from pos.services.users import UserService
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.retranslating import Retranslating
from pos.ui.screens.order import OrderScreen
from pos.ui.screens.requests.record import RecordRequestScreen
from pos.ui.screens.requests.record_view_model import RecordRequestViewModel
from pos.ui.screens.requests.screen import RequestsScreen, create_requests_screen
from pos.ui.screens.requests.view_model import RequestsViewModel
from pos.ui.screens.requests.words import refusal_text
from pos.ui.workers import TaskRunner

POLL_MS = 30_000  # the badge's counts: one indexed query on the worker, twice a minute
APPROVAL_RULE = "return_requests"  # what a cashier asks a manager's PIN for
OPEN_KEY = "requests-open"

BADGE_QSS = """
QPushButton#requestsBadge { min-height: 48px; min-width: 48px; padding: 0 6px; font-size: 17px;
    font-weight: bold; border-radius: 24px; border: 2px solid #9aa5ae; background: #eef1f3; }
QPushButton#requestsBadge[kind="waiting"] { background: #fff0d1; border-color: #c27803;
    color: #7a4b00; }
"""


class RequestsBadge(Retranslating, QPushButton):
    """The top bar's pill: return requests to decide plus approvals expired; tap: the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsBadge")
        self.setStyleSheet(BADGE_QSS)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing where it was
        self.count = 0
        self._retranslate_ui()

    def show_counts(self, counts: RequestCounts | None) -> None:
        self.count = 0 if counts is None else counts.to_decide + counts.expired
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        # A return arrow and the count: the top bar has no room for a word at 1024 px.
        self.setText(f"↩ {self.count}")
        self.setAccessibleName(self.tr("Return requests to look at: {count}").format(
            count=self.count))  # fmt: skip
        self.setProperty("kind", "waiting" if self.count else "")
        self.style().unpolish(self)  # re-read the QSS property
        self.style().polish(self)


class RequestActionButton(Retranslating, QPushButton):
    """*Return request* under an order: record what the customer asks to bring back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestButton")
        self._retranslate_ui()

    def _retranslate_ui(self) -> None:
        self.setText(self.tr("Return request"))


class _Session(Protocol):
    """The counter session (`pos.ui.counter.CounterSession`) as this module uses it."""

    operator: Operator | None
    operator_changed: Any  # Signal(object)

    def open_returns_draft(self, detail: OrderDetail, draft: Draft) -> None: ...

    def show_screen(self, screen: QWidget) -> None: ...

    def show_search(self) -> None: ...

    def show_search_message(self, text: str) -> None: ...

    def show_order(self) -> None: ...


@dataclass(frozen=True, slots=True)
class RequestsUi:
    """What `install_requests` added."""

    badge: RequestsBadge
    screen: RequestsScreen
    record: RecordRequestScreen
    order_button: QPushButton
    controller: RequestsController


class RequestsController(QObject):
    """Moves between the requests places and the counter; asks a manager when needed."""

    def __init__(self, *, session: _Session, ui: tuple[RequestsBadge, RequestsScreen,
                 RecordRequestScreen], requests: ReturnRequestService, users: UserService,
                 history: SalesHistoryService, runner: TaskRunner,
                 current_order: Callable[[], OrderDetail | None]) -> None:  # fmt: skip
        super().__init__(ui[1])
        self._session = session
        self._badge, self._screen, self._record = ui
        self._requests, self._users, self._history, self._runner = requests, users, history, runner
        self._current_order = current_order
        self._back: Callable[[], None] | None = None  # where Back on the list goes
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(POLL_MS)

    def poll(self) -> None:
        """Read the counts again (on the worker); the badge follows."""
        if self._session.operator is not None:
            self._screen.view_model.poll_counts()

    def stop(self) -> None:
        self._timer.stop()

    def on_operator_changed(self, operator: Operator | None) -> None:
        self._screen.view_model.set_operator(operator)
        self._badge.setVisible(operator is not None)
        self.poll()

    def open_list(self) -> None:
        """The badge was tapped: a manager sees the lists; a cashier asks one for a PIN."""
        self.open_list_from(back=None)

    def open_list_from(self, *, back: Callable[[], None] | None) -> None:
        """The lists, as `open_list`; Back on them goes to `back` (None: the search)."""
        acting = self._manager("list")
        if acting is not None:
            self._back = back
            self._screen.view_model.set_operator(acting)
            self._session.show_screen(self._screen)
            self._screen.activate()

    def leave_list(self) -> None:
        """Back from the lists: the manager who approved for a cashier is no longer acting."""
        self._screen.view_model.set_operator(self._session.operator)
        back, self._back = self._back, None
        (back or self._session.show_search)()

    def open_record(self) -> None:
        detail = self._current_order()
        if detail is not None:
            self._record.view_model.start(detail)
            self._session.show_screen(self._record)

    def record(self) -> None:
        acting = self._manager("record")
        if acting is not None:
            self._record.view_model.record(acting)

    def open_authorisation(self, text: str) -> bool:
        """A number typed or scanned: True when it is one (then it is opened, or refused)."""
        number = parse_authorisation(text)
        if number is None:
            return False
        requests, history = self._requests, self._history

        def find() -> tuple[OrderDetail, Draft]:
            view = requests.find_authorisation(number)
            order_id, draft = requests.draft_for(view.request_id)
            return history.order_detail(order_id), draft

        self._runner.submit(find, key=OPEN_KEY, on_success=self._on_found,
                            on_error=self._on_refused)  # fmt: skip
        return True

    def _on_found(self, found: tuple[OrderDetail, Draft]) -> None:
        self._session.show_search_message("")
        self._session.open_returns_draft(*found)

    def _on_refused(self, error: BaseException) -> None:
        self._session.show_search_message(refusal_text(error, self._screen.view_model.locale))

    def _manager(self, why: str) -> Operator | None:
        """The operator if a manager, else the manager who approves with their PIN now."""
        operator = self._session.operator
        if operator is None or operator.may(Permission.APPROVE):
            return operator
        given = ApprovalDialog.ask(self._screen.window(), [APPROVAL_RULE], users=self._users,
                                   runner=self._runner, locale=self._screen.view_model.locale)
        return None if not given else _approver(given[0])


def _approver(approval: Approval) -> Operator:
    """The manager who approved, acting for this one action (the services re-read their role)."""
    return Operator(approval.approver_id, approval.approver_username, approval.approver_name,
                    Role.MANAGER)


def install_requests(session: _Session, *, top_bar: QWidget, order_screen: OrderScreen,
                     requests: ReturnRequestService, users: UserService,
                     history: SalesHistoryService, runner: TaskRunner, locale: str,
                     tz: tzinfo | None, current_order: Callable[[], OrderDetail | None],
                     add_screen: Callable[[QWidget], None]) -> RequestsUi:  # fmt: skip
    """Add the requests badge, screens and order action to the counter of `session`."""
    screen = create_requests_screen(
        view_model=RequestsViewModel(requests=requests, runner=runner, locale=locale),
        locale=locale, tz=tz)  # fmt: skip
    record_vm = RecordRequestViewModel(requests=requests, runner=runner, locale=locale)
    record = RecordRequestScreen(view_model=record_vm)
    record_vm.setParent(record)
    badge = RequestsBadge()
    layout = top_bar.layout()
    if isinstance(layout, QBoxLayout):
        search = top_bar.findChild(QPushButton, "topBar_search")
        layout.insertWidget(layout.indexOf(search) if search else 1, badge)
    controller = RequestsController(session=session, ui=(badge, screen, record),
                                    requests=requests, users=users, history=history,
                                    runner=runner, current_order=current_order)  # fmt: skip
    button = RequestActionButton()
    order_screen.add_header_action(button)
    for widget in (screen, record):
        add_screen(widget)
    badge.clicked.connect(controller.open_list)
    button.clicked.connect(controller.open_record)
    screen.back_requested.connect(controller.leave_list)
    screen.view_model.counts_changed.connect(lambda: badge.show_counts(screen.view_model.counts))
    screen.view_model.open_requested.connect(controller.open_authorisation)
    record.back_requested.connect(session.show_order)
    record.record_requested.connect(controller.record)
    record_vm.recorded.connect(lambda _view: controller.poll())
    session.operator_changed.connect(controller.on_operator_changed)
    controller.on_operator_changed(session.operator)
    return RequestsUi(badge, screen, record, button, controller)
