"""Modal dialogs of the counter; each is opened through one classmethod `ask()` (a test seam)."""

from pos.ui.dialogs.approval import ApprovalDialog, CardApprovalDialog

__all__ = ["ApprovalDialog", "CardApprovalDialog"]
