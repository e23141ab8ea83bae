"""The login screen: pick your name, type your PIN; the language is chosen here too."""

from pos.ui.screens.login.screen import LoginScreen, create_login_screen
from pos.ui.screens.login.view_model import LoginViewModel

__all__ = ["LoginScreen", "LoginViewModel", "create_login_screen"]
