"""Return requests at the counter: the managers' lists, recording one, opening an approval.

`install_requests` adds the top bar's badge (polled counts), the requests screen, the
record screen behind the order screen's *Return request*, and hands authorisation numbers
typed or scanned on the search screen to the returns flow (docs/ui.md).
"""

from pos.ui.screens.requests.counter import RequestsUi, install_requests
from pos.ui.screens.requests.record import RecordRequestScreen
from pos.ui.screens.requests.screen import RequestsScreen, create_requests_screen
from pos.ui.screens.requests.view_model import RequestsViewModel

__all__ = ["RecordRequestScreen", "RequestsScreen", "RequestsUi", "RequestsViewModel",
           "create_requests_screen", "install_requests"]
