"""The demo shop's catalogue: ~200 clothing products in sizes and colours (~2,000 variants).

Everything is drawn from a `random.Random` seeded by the caller, so one seed always gives the
same products, SKUs, EAN-13 barcodes, prices and stock.
"""

from __future__ import annotations

import bisect
import itertools
import random
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert

from pos.db.records import ProductRecord, StockLevelRecord, VariantRecord

CURRENCY = "EUR"
TAX_RATE = "20"  # French standard VAT, included in every demo price
EAN_PREFIX = "376012"  # GS1 France (300–379) + an invented company number

_SIZES = {
    "adult": ("XS", "S", "M", "L", "XL"),
    "waist": ("36", "38", "40", "42", "44", "46"),
    "shoe": tuple(str(size) for size in range(36, 46)),
    "kid": ("2 ans", "4 ans", "6 ans", "8 ans", "10 ans", "12 ans"),
    "sock": ("35-38", "39-42", "43-46"),
    "belt": ("85", "90", "95", "100", "105"),
    "one": ("TU",),
}
# (SKU code, name, category, size range, number of colours, prices in cents, tax included)
_TEMPLATES = (
    ("TS", "T-shirt coton bio", "Hauts", "adult", 2, (1990, 2490, 2990)),
    ("PM", "Pull marin", "Mailles", "adult", 2, (5990, 6990, 7990)),
    ("CH", "Chemise en lin", "Hauts", "adult", 2, (4990, 5990, 6990)),
    ("SW", "Sweat à capuche", "Hauts", "adult", 2, (4490, 4990, 5990)),
    ("PO", "Polo piqué", "Hauts", "adult", 2, (3490, 3990)),
    ("RB", "Robe d'été", "Robes", "adult", 2, (4990, 5990, 7990)),
    ("VJ", "Veste en jean", "Vestes", "adult", 2, (7990, 8990, 9990)),
    ("CG", "Cardigan en laine", "Mailles", "adult", 2, (6990, 7990, 8990)),
    ("MN", "Marinière", "Hauts", "adult", 2, (3990, 4490, 4990)),
    ("DL", "Doudoune légère", "Vestes", "adult", 2, (9990, 11990, 12990)),
    ("JD", "Jean droit", "Bas", "waist", 2, (6990, 7990, 8990)),
    ("CN", "Chino", "Bas", "waist", 2, (5490, 5990, 6990)),
    ("JP", "Jupe plissée", "Bas", "waist", 2, (4490, 4990, 5990)),
    ("SL", "Short en lin", "Bas", "waist", 2, (3490, 3990)),
    ("BT", "Baskets en toile", "Chaussures", "shoe", 1, (5990, 6990, 7990)),
    ("BC", "Bottines en cuir", "Chaussures", "shoe", 1, (11990, 12990, 14990)),
    ("ES", "Espadrilles", "Chaussures", "shoe", 1, (2990, 3490)),
    ("TE", "T-shirt enfant", "Enfant", "kid", 2, (1490, 1790, 1990)),
    ("SE", "Salopette enfant", "Enfant", "kid", 2, (3490, 3990)),
    ("CS", "Chaussettes (lot de 3)", "Accessoires", "sock", 3, (1290, 1490)),
    ("CE", "Ceinture en cuir", "Accessoires", "belt", 2, (3490, 3990, 4490)),
    ("EC", "Écharpe en laine", "Accessoires", "one", 4, (2990, 3490, 3990)),
    ("BN", "Bonnet côtelé", "Accessoires", "one", 4, (1990, 2490)),
    ("CQ", "Casquette", "Accessoires", "one", 3, (1990, 2490)),
    ("SC", "Sac cabas", "Accessoires", "one", 3, (3490, 3990, 4990)),
)
_COLLECTIONS = (
    "Essentiel",
    "Atelier",
    "Riviera",
    "Montmartre",
    "Bretagne",
    "Camargue",
    "Océan",
    "Vercors",
)
_COLOURS = (
    ("Bleu", "BLE"),
    ("Marine", "MAR"),
    ("Blanc", "BLA"),
    ("Noir", "NOI"),
    ("Gris chiné", "GRI"),
    ("Rouge", "ROU"),
    ("Vert sapin", "VER"),
    ("Écru", "ECR"),
    ("Moutarde", "MOU"),
    ("Rose poudré", "ROS"),
    ("Kaki", "KAK"),
    ("Camel", "CAM"),
    ("Bordeaux", "BOR"),
    ("Ciel", "CIE"),
)
# How much more a middle size sells than an edge one (M over XS), by position in the range.
_SIZE_BELL = (3, 6, 9, 9, 6, 4, 3, 2, 2, 1)


def ean13(first_twelve: str) -> str:
    """`first_twelve` digits followed by their EAN-13 check digit."""
    if len(first_twelve) != 12 or not first_twelve.isdigit():
        raise ValueError("an EAN-13 needs 12 digits before its check digit")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first_twelve))
    return first_twelve + str((10 - total % 10) % 10)


def guid(rng: random.Random) -> str:
    """A Wix-style GUID drawn from `rng` (so it is reproducible, unlike uuid4)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass(frozen=True, slots=True)
class DemoVariant:
    id: int
    product_id: int
    product_name: str
    sku: str
    barcode: str
    options: dict[str, str]
    options_text: str  # "M / Bleu", as an order line shows it
    price_minor: int


@dataclass(frozen=True, slots=True)
class DemoProduct:
    id: int
    wix_id: str
    name: str
    category: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    products: tuple[DemoProduct, ...]
    variants: tuple[DemoVariant, ...]
    popularity: tuple[int, ...]  # cumulative weights over `variants`, for bisect

    def pick(self, rng: random.Random) -> DemoVariant:
        """A variant, best sellers (and middle sizes) more often."""
        point = rng.random() * self.popularity[-1]
        return self.variants[bisect.bisect_right(self.popularity, point)]


def build_catalogue(rng: random.Random) -> Catalogue:
    """The products and variants of the demo shop, ids from 1."""
    products: list[DemoProduct] = []
    variants: list[DemoVariant] = []
    weights: list[int] = []
    pairs = itertools.product(range(len(_COLLECTIONS)), _TEMPLATES)
    for collection, template in pairs:
        code, base, category, size_range, colour_count, prices = template
        product = DemoProduct(
            len(products) + 1, guid(rng), f"{base} {_COLLECTIONS[collection]}", category
        )
        products.append(product)
        price = rng.choice(prices)
        appeal = rng.randint(1, 40)  # best sellers sell ~40 times more than the slowest
        colours = rng.sample(_COLOURS, colour_count)
        for (colour, colour_code), (rank, size) in itertools.product(
            colours, enumerate(_SIZES[size_range])
        ):
            variant_id = len(variants) + 1
            size_code = size.replace(" ans", "A").replace("-", "")
            variants.append(
                DemoVariant(
                    variant_id,
                    product.id,
                    product.name,
                    f"{code}{collection + 1}-{colour_code}-{size_code}",
                    ean13(f"{EAN_PREFIX}{variant_id:06d}"),
                    {"Taille": size, "Couleur": colour},
                    f"{size} / {colour}",
                    price,
                )
            )
            weights.append(appeal * _SIZE_BELL[min(rank, len(_SIZE_BELL) - 1)])
    return Catalogue(tuple(products), tuple(variants), tuple(itertools.accumulate(weights)))


def write_catalogue(
    connection: Connection, catalogue: Catalogue, rng: random.Random, now: datetime
) -> None:
    """Insert products, variants and a stock level for every variant."""
    connection.execute(
        insert(ProductRecord.__table__),
        [
            {"id": p.id, "wix_id": p.wix_id, "name": p.name, "category": p.category}
            | {"visible": True, "updated_at": now}
            for p in catalogue.products
        ],
    )
    connection.execute(
        insert(VariantRecord.__table__), [_variant_row(v) for v in catalogue.variants]
    )
    connection.execute(
        insert(StockLevelRecord.__table__),
        [_stock_row(v, rng, now) for v in catalogue.variants],
    )


def _variant_row(variant: DemoVariant) -> dict[str, Any]:
    return {
        "id": variant.id,
        "product_id": variant.product_id,
        "wix_variant_id": f"{variant.product_id:08x}-0000-0000-0000-{variant.id:012x}",
        "wix_inventory_item_id": f"{variant.id:08x}-1111-0000-0000-{variant.product_id:012x}",
        "sku": variant.sku,
        "barcode": variant.barcode,
        "options": variant.options,
        "price_minor": variant.price_minor,
        "currency": CURRENCY,
        "tax_rate": TAX_RATE,
        "active": True,
    }


def _stock_row(variant: DemoVariant, rng: random.Random, now: datetime) -> dict[str, Any]:
    # A few variants out of stock, so the exchange screen has something to refuse.
    quantity = 0 if rng.random() < 0.05 else rng.randint(1, 40)
    return {
        "variant_id": variant.id,
        "on_hand": quantity,
        "wix_quantity": quantity,
        "wix_revision": str(rng.randint(1, 30)),
        "updated_at": now,
    }
