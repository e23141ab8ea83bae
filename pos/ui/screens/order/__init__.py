"""The order screen: one past sale, read-only, with what was already returned."""

from pos.ui.screens.order.screen import OrderScreen
from pos.ui.screens.order.view_model import OrderViewModel

__all__ = ["OrderScreen", "OrderViewModel"]
