"""The search screen: find a past sale by customer, contact, order number or receipt scan."""

from pos.ui.screens.search.screen import SearchScreen
from pos.ui.screens.search.view_model import SearchViewModel

__all__ = ["SearchScreen", "SearchViewModel"]
