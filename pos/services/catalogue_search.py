"""Read-only catalogue search for replacement items: products, and their size × colour grid."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pos.db import catalogue_search as repo
from pos.db.engine import SessionFactory
from pos.domain.money import Money
from pos.domain.pictures import picture_file_name
from pos.domain.search_text import fold

LOW_STOCK = 2  # at most this many left: the picker marks the option "low"
MAX_LIMIT = 100
_ROW_AXES = ("taille", "size", "pointure")
_COLUMN_AXES = ("couleur", "color", "colour", "coloris")


class StockLevel(StrEnum):
    IN_STOCK = "in_stock"
    LOW = "low"
    OUT = "out"


@dataclass(frozen=True, slots=True)
class ProductView:
    """One product found: what the list shows."""

    product_id: int
    name: str
    category: str
    price_from: Money
    variant_count: int
    on_hand: int
    picture: str | None = None  # the cached picture's file, None: show the placeholder


@dataclass(frozen=True, slots=True)
class VariantOption:
    """One cell of the grid: a variant, its options and what is on the shelf."""

    variant_id: int
    sku: str
    row: str  # size (or the first option)
    column: str  # colour (or the second option; "" when there is none)
    price: Money
    on_hand: int

    @property
    def stock_level(self) -> StockLevel:
        if self.on_hand <= 0:
            return StockLevel.OUT
        return StockLevel.LOW if self.on_hand <= LOW_STOCK else StockLevel.IN_STOCK


@dataclass(frozen=True, slots=True)
class VariantGrid:
    """A product's variants as rows (sizes) × columns (colours); missing cells are None."""

    product_id: int
    name: str
    row_axis: str
    column_axis: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    options: tuple[VariantOption, ...]
    picture: str | None = None  # as `ProductView.picture`

    def cell(self, row: str, column: str) -> VariantOption | None:
        return next((o for o in self.options if o.row == row and o.column == column), None)


class CatalogueSearchService:
    """Finds replacement items; every method is one short read-only session.

    Args:
        sessions: The database.
        pictures: Where the sync caches product pictures (`pos.sync.pictures`); None: the
            counter shows no picture. A picture not cached yet (offline, never fetched) is
            None in the views, and the screen shows its placeholder.
    """

    def __init__(self, *, sessions: SessionFactory, pictures: Path | None = None) -> None:
        self._sessions, self._pictures = sessions, pictures

    def search(self, text: str, limit: int = 30) -> tuple[ProductView, ...]:
        """Products matching a name, a SKU prefix or a barcode; () for blank text."""
        if not text.strip():
            return ()
        with self._sessions() as s:
            rows = repo.find_products(s, text, max(1, min(limit, MAX_LIMIT)))
        return tuple(_product_view(row, self._picture(row)) for row in rows if row.variants)

    def variants(self, product_id: int) -> VariantGrid | None:
        """The product's variants as a grid, or None when it is gone or hidden."""
        with self._sessions() as s:
            row = repo.load_product(s, product_id)
        return None if row is None else _grid(row, self._picture(row))

    def _picture(self, row: repo.ProductRow) -> str | None:
        if self._pictures is None or not row.image_url:
            return None
        path = self._pictures / picture_file_name(row.image_url)
        return str(path) if path.is_file() else None

    def variants_of_sku(self, sku: str) -> VariantGrid | None:
        """The grid of the product a SKU belongs to (another size of what comes back)."""
        with self._sessions() as s:
            product_id = repo.product_of_sku(s, sku)
            row = repo.load_product(s, product_id) if product_id is not None else None
        return None if row is None else _grid(row, self._picture(row))


def _product_view(row: repo.ProductRow, picture: str | None) -> ProductView:
    return ProductView(
        row.product_id,
        row.name,
        row.category,
        min((v.price for v in row.variants), key=lambda price: price.minor),
        len(row.variants),
        sum(max(v.on_hand, 0) for v in row.variants),
        picture,
    )


def _axes(row: repo.ProductRow) -> tuple[str, str]:
    keys = list(dict.fromkeys(key for v in row.variants for key in v.options))
    size = next((k for k in keys if fold(k) in _ROW_AXES), keys[0] if keys else "")
    rest = [k for k in keys if k != size]
    colour = next((k for k in rest if fold(k) in _COLUMN_AXES), rest[0] if rest else "")
    return size, colour


def _grid(row: repo.ProductRow, picture: str | None) -> VariantGrid:
    row_axis, column_axis = _axes(row)
    options = tuple(
        VariantOption(
            v.variant_id,
            v.sku,
            v.options.get(row_axis, "") if row_axis else v.sku,
            v.options.get(column_axis, "") if column_axis else "",
            v.price,
            v.on_hand,
        )
        for v in row.variants
    )
    return VariantGrid(
        row.product_id,
        row.name,
        row_axis,
        column_axis,
        tuple(dict.fromkeys(o.row for o in options)),
        tuple(dict.fromkeys(o.column for o in options)),
        options,
        picture,
    )
