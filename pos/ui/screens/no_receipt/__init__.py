"""Returns without a receipt: the item valued by policy, a customer, a manager, store credit.

`create_no_receipt_screen` builds the screen the main window hosts (with its own catalogue
picker, where an item out of stock can still be chosen: it is coming back);
`install_no_receipt_entry` puts its way in under the search screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from pos.domain.policy import ApprovalRule
from pos.domain.roles import Approval, Operator
from pos.services.catalogue_search import CatalogueSearchService
from pos.services.no_receipt import NoReceiptService
from pos.services.policy import PolicyService
from pos.services.users import UserService
from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.screens.no_receipt.entry import NoReceiptEntry, install_no_receipt_entry
from pos.ui.screens.no_receipt.screen import NoReceiptScreen
from pos.ui.screens.no_receipt.view_model import NoReceiptViewModel
from pos.ui.screens.returns.picker import CataloguePicker, PickerViewModel
from pos.ui.workers import TaskRunner

__all__ = [
    "NoReceiptEntry",
    "NoReceiptScreen",
    "NoReceiptViewModel",
    "create_no_receipt_screen",
    "install_no_receipt_entry",
]


def create_no_receipt_screen(
    *,
    service: NoReceiptService,
    catalogue: CatalogueSearchService,
    users: UserService,
    runner: TaskRunner,
    locale: str,
    operator_provider: Callable[[], Operator | None],
    policy: PolicyService | None = None,
    tz: tzinfo | None = None,
) -> NoReceiptScreen:
    """The screen with its view model and picker; Validate asks a manager's PIN (unless a
    manager is at the till), then commits.

    Args:
        operator_provider: who is logged in now (None: nobody, nothing is committed).
        policy: read for the look-back period the values are shown with.
    """
    vm = NoReceiptViewModel(service=service, runner=runner, operator_provider=operator_provider,
                            locale=locale, policy=policy, tz=tz)  # fmt: skip
    picker_vm = PickerViewModel(catalogue=catalogue, runner=runner, locale=locale)
    picker = CataloguePicker(view_model=picker_vm, locale=locale, any_stock=True)
    screen = NoReceiptScreen(view_model=vm, picker=picker)
    vm.setParent(screen)
    picker_vm.setParent(picker)

    def validate() -> None:
        if not vm.can_commit:
            return
        approvals: tuple[Approval, ...] = ()
        if vm.needs_approval():
            given = ApprovalDialog.ask(screen, [ApprovalRule.NO_RECEIPT.value], users=users,
                                       runner=runner, locale=vm.locale)  # fmt: skip
            if given is None:
                vm.approval_refused()
                return
            approvals = given
        vm.commit(approvals)

    screen.validate_requested.connect(validate)
    return screen
