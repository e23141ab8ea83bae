"""The settings screen (administrators): printer, Wix credentials, policy, users, language."""

from pos.ui.screens.settings.screen import SettingsScreen, create_settings_screen
from pos.ui.screens.settings.view_model import SettingsViewModel

__all__ = ["SettingsScreen", "SettingsViewModel", "create_settings_screen"]
