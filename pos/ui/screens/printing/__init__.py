"""The print queue screen: waiting and failed receipts, retry, send elsewhere, reprint, drawer."""

from pos.ui.screens.printing.screen import PrintingScreen, create_printing_screen
from pos.ui.screens.printing.view_model import PrintQueueViewModel

__all__ = ["PrintQueueViewModel", "PrintingScreen", "create_printing_screen"]
