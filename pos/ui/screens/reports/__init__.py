"""The Reports screen (managers): what the returns say, as charts with their figures."""

from pos.ui.screens.reports.screen import ReportsScreen, create_reports_screen
from pos.ui.screens.reports.view_model import Period, ReportsViewModel

__all__ = ["Period", "ReportsScreen", "ReportsViewModel", "create_reports_screen"]
