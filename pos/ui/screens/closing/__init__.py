"""The Closing screen (managers): the drawer, its count, the X and the Z."""

from pos.ui.screens.closing.screen import ClosingScreen, create_closing_screen
from pos.ui.screens.closing.view_model import ClosingViewModel

__all__ = ["ClosingScreen", "ClosingViewModel", "create_closing_screen"]
