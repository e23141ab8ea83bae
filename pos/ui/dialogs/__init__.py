"""Modal dialogs of the counter; each is opened through one classmethod `ask()` (a test seam)."""

from pos.ui.dialogs.approval import ApprovalDialog
from pos.ui.dialogs.keypad import AmountKeypad, CardApprovalDialog, Keypad, KeypadMode

__all__ = ["AmountKeypad", "ApprovalDialog", "CardApprovalDialog", "Keypad", "KeypadMode"]
