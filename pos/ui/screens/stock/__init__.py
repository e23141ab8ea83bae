"""The stock screen (managers): correct a variant's count, settle items set aside to inspect."""

from pos.ui.screens.stock.screen import StockScreen, create_stock_screen
from pos.ui.screens.stock.view_model import StockViewModel

__all__ = ["StockScreen", "StockViewModel", "create_stock_screen"]
