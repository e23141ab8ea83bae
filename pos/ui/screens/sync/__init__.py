"""The Wix sync in the UI: the top bar's badge and the panel where a manager settles reviews."""

from pos.ui.screens.sync.screen import (
    SyncBadge,
    SyncPanel,
    SyncUi,
    create_sync_panel,
    install_sync,
)
from pos.ui.screens.sync.view_model import SyncViewModel, badge_look

__all__ = [
    "SyncBadge",
    "SyncPanel",
    "SyncUi",
    "SyncViewModel",
    "badge_look",
    "create_sync_panel",
    "install_sync",
]
