"""The settle screen: the balance of a draft, its tenders, then the commit."""

from pos.ui.screens.settle.screen import SettleScreen
from pos.ui.screens.settle.view_model import SettleViewModel, TenderLine

__all__ = ["SettleScreen", "SettleViewModel", "TenderLine"]
