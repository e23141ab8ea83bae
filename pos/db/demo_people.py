"""The demo shop's people: French and English customers (accents included) and three users.

Surnames follow a skewed distribution close to the real one (Martin, Bernard, Dubois, Smith…
are common), so a search for a common name hits thousands of orders at scale, as it would in
a real shop.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, insert, select

from pos.db.demo_catalogue import guid
from pos.db.records import UserRecord
from pos.domain.pins import hash_pin
from pos.domain.search_text import fold, search_document

# (username, display name, role, PIN): shown on the demo's login screen, so not secret.
DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    ("cashier", "Camille (caisse)", "cashier", "2580"),
    ("manager", "Maxime (responsable)", "manager", "4826"),
    ("admin", "Alex (administration)", "admin", "7391"),  # Settings and the sync screens
)

# Surname: relative frequency (roughly INSEE / ONS orders of magnitude).
_FRENCH_SURNAMES = {
    "Martin": 235, "Bernard": 105, "Thomas": 95, "Petit": 90, "Robert": 88, "Richard": 87,
    "Durand": 85, "Dubois": 84, "Moreau": 80, "Laurent": 78, "Simon": 77, "Michel": 75,
    "Lefebvre": 72, "Leroy": 70, "Roux": 65, "David": 64, "Bertrand": 63, "Morel": 62,
    "Fournier": 61, "Girard": 60, "Bonnet": 58, "Dupont": 57, "Lambert": 56, "Fontaine": 55,
    "Rousseau": 54, "Vincent": 53, "André": 50, "Mercier": 48, "Blanc": 47, "Guérin": 46,
    "Faure": 45, "Boyer": 44, "Garnier": 43, "Chevalier": 42, "François": 41, "Lefèvre": 40,
    "Legrand": 40, "Gauthier": 39, "Garcia": 38, "Perrin": 37, "Robin": 36, "Clément": 35,
    "Morin": 34, "Nicolas": 33, "Henry": 32, "Roussel": 31, "Müller": 30, "Mathieu": 30,
    "Masson": 29, "Marchand": 28, "Duval": 28, "Denis": 27, "Dumont": 27, "Lemaire": 26,
    "Noël": 25, "Meyer": 25, "Dufour": 24, "Meunier": 24, "Brun": 23, "Blanchard": 23,
    "Giraud": 22, "Joly": 22, "Rivière": 22, "Lucas": 21, "Brunet": 21, "Gaillard": 21,
    "Barbier": 20, "Arnaud": 20, "Gérard": 20, "Roche": 19, "Renard": 19, "Schmitt": 19,
    "Roy": 18, "Leroux": 18, "Colin": 18, "Vidal": 17, "Caron": 17, "Picard": 17,
    "Fabre": 16, "Aubert": 16, "Lemoine": 16, "Renaud": 15, "Dumas": 15, "Lacroix": 15,
    "Martínez": 15, "Benoît": 14, "Leclerc": 14, "Bourgeois": 14, "Lopez": 13, "Hubert": 12,
    "Ménard": 10, "Carré": 10, "Le Gall": 9, "Léger": 9, "Prévost": 9, "Hervé": 9,
    "Lévêque": 8, "Maréchal": 8, "Barthélemy": 8, "Bénard": 8, "Lemaître": 8, "Étienne": 8,
    "Da Silva": 8, "Le Goff": 8, "Côté": 5, "Þórsdóttir": 1, "Øster": 1,
}  # fmt: skip
_ENGLISH_SURNAMES = {
    "Smith": 100, "Jones": 80, "Williams": 70, "Brown": 65, "Taylor": 60, "Davies": 55,
    "Wilson": 50, "Evans": 48, "Johnson": 45, "Roberts": 44, "Walker": 40, "Wright": 38,
    "Robinson": 36, "Thompson": 35, "White": 34, "Hughes": 33, "Edwards": 32, "Green": 31,
    "Hall": 30, "Wood": 29, "Harris": 28, "Lewis": 27, "Jackson": 26, "Clarke": 25,
    "Turner": 24, "Hill": 23, "Scott": 22, "Cooper": 21, "Morris": 20, "Ward": 20,
    "Moore": 19, "King": 19, "Watson": 18, "Baker": 18, "Patel": 17, "Young": 16,
    "Murphy": 12, "Kelly": 12, "O'Brien": 10, "MacDonald": 10, "Fitzgerald": 8, "Brontë": 2,
}  # fmt: skip
_FRENCH_GIVEN = (
    "Marie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Hélène", "Julie", "Cécile",
    "Sophie", "Nathalie", "Isabelle", "Céline", "Amélie", "Élodie", "Aurélie", "Anaïs", "Zoé",
    "Maëlys", "Clémence", "Océane", "Stéphanie", "Valérie", "Françoise", "Thérèse", "Gaëlle",
    "Noémie", "Agnès", "Béatrice", "Jean", "Pierre", "Michel", "François", "Nicolas", "Julien",
    "Thomas", "Antoine", "Lucas", "Hugo", "Louis", "Gabriel", "Raphaël", "Jérôme", "Stéphane",
    "Frédéric", "Benoît", "Loïc", "Sébastien", "Cédric", "Grégoire", "Théo", "Noé", "Éric",
    "Hervé", "René", "André", "Joël", "Maël", "Clément",
)  # fmt: skip
_ENGLISH_GIVEN = (
    "Oliver", "Harry", "George", "Jack", "James", "William", "Charlie", "Thomas", "Emily",
    "Olivia", "Amelia", "Isla", "Ava", "Jessica", "Sophie", "Charlotte", "Grace", "Lily",
    "Chloe", "Daniel", "Matthew", "Seán", "Siobhán", "Zoë", "Renée", "Chloë",
)  # fmt: skip
_FRENCH_DOMAINS = (
    ("gmail.com", 30), ("orange.fr", 14), ("free.fr", 10), ("laposte.net", 6),
    ("hotmail.fr", 8), ("outlook.fr", 6), ("yahoo.fr", 6), ("sfr.fr", 5), ("wanadoo.fr", 3),
    ("icloud.com", 5),
)  # fmt: skip
_ENGLISH_DOMAINS = (
    ("gmail.com", 35), ("outlook.com", 12), ("hotmail.co.uk", 10), ("btinternet.com", 6),
    ("yahoo.co.uk", 6), ("icloud.com", 8),
)  # fmt: skip
ENGLISH_SHARE = 0.2
WITHOUT_PHONE = 0.15


class _Weighted:
    """Draws from fixed weights with one bisect (faster than `random.choices` in a loop)."""

    def __init__(self, items: tuple[str, ...], weights: tuple[int, ...]) -> None:
        self._items = items
        self._cumulative = tuple(itertools.accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        point = rng.random() * self._cumulative[-1]
        return self._items[bisect.bisect_right(self._cumulative, point)]

    @classmethod
    def of(cls, mapping: dict[str, int] | tuple[tuple[str, int], ...]) -> _Weighted:
        pairs = tuple(mapping.items()) if isinstance(mapping, dict) else mapping
        return cls(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))

    @classmethod
    def ranked(cls, items: tuple[str, ...]) -> _Weighted:
        # Given names: a gentle Zipf curve, the first of the list being the most common.
        return cls(items, tuple(1000 // (rank + 4) for rank in range(len(items))))


_ORIGINS = {
    "fr": (
        _Weighted.ranked(_FRENCH_GIVEN),
        _Weighted.of(_FRENCH_SURNAMES),
        _Weighted.of(_FRENCH_DOMAINS),
    ),
    "en": (
        _Weighted.ranked(_ENGLISH_GIVEN),
        _Weighted.of(_ENGLISH_SURNAMES),
        _Weighted.of(_ENGLISH_DOMAINS),
    ),
}


@dataclass(frozen=True, slots=True)
class DemoCustomer:
    """A customer row, plus the indexed words every order of theirs starts with."""

    row: tuple[int, str, str, str, str, str | None, str]  # customers table, column order
    email: str
    search_prefix: str  # search_document(...) of the customer, without the order number


CUSTOMER_COLUMNS = ("id", "wix_contact_id", "first_name", "last_name", "email", "phone", "language")


class CustomerMaker:
    """Makes customers one at a time, each e-mail address unique."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._emails: set[str] = set()
        self.count = 0

    def make(self) -> DemoCustomer:
        rng = self._rng
        language = "en" if rng.random() < ENGLISH_SHARE else "fr"
        given, surnames, domains = _ORIGINS[language]
        first, last = given.draw(rng), surnames.draw(rng)
        self.count += 1
        email = self._email(first, last, domains.draw(rng))
        phone = None if rng.random() < WITHOUT_PHONE else _phone(rng, language)
        row = (self.count, guid(rng), first, last, email, phone, language)
        prefix = search_document(
            first_name=first, last_name=last, email=email, phone=phone, number=""
        )
        return DemoCustomer(row, email, prefix)

    def _email(self, first: str, last: str, domain: str) -> str:
        rng = self._rng
        given, family = _ascii(first), _ascii(last)
        style = rng.randrange(5)
        if style == 0:
            local = f"{given}.{family}"
        elif style == 1:
            local = f"{given}{family}"
        elif style == 2:
            local = f"{given[0]}.{family}"
        elif style == 3:
            local = f"{given}_{family}{rng.randint(60, 99)}"
        else:
            local = f"{family}.{given}{rng.randint(1, 99)}"
        email = f"{local}@{domain}"
        if email in self._emails:  # a namesake: the customer number keeps it unique
            email = f"{local}{self.count}@{domain}"
        self._emails.add(email)
        return email


def _ascii(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isascii() and ch.isalnum())


def _phone(rng: random.Random, language: str) -> str:
    if language == "en":
        return f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    digits = [rng.randint(0, 99) for _ in range(4)]
    mobile = rng.choice("67")
    if rng.random() < 0.3:  # typed in national form at the counter
        return f"0{mobile} " + " ".join(f"{d:02d}" for d in digits)
    return f"+33 {mobile} " + " ".join(f"{d:02d}" for d in digits)


@lru_cache(maxsize=8)
def _demo_pin_hash(pin: str, salt: bytes) -> str:
    # scrypt is slow on purpose: hash each demo PIN once per process.
    return hash_pin(pin, salt=salt)


def write_users(connection: Connection, seed: int) -> None:
    """Insert the demo users that are not there yet.

    The salt is derived from the seed so the demo database is reproducible byte for byte;
    these PINs are printed on the login screen, so a known salt protects nothing anyway.
    """
    existing = set(connection.scalars(select(UserRecord.username)))
    rows = []
    for username, display_name, role, pin in DEMO_USERS:
        if username in existing:
            continue
        salt = hashlib.sha256(f"comptoir-demo:{seed}:{username}".encode()).digest()[:16]
        rows.append(
            {
                "username": username,
                "display_name": display_name,
                "role": role,
                "pin_hash": _demo_pin_hash(pin, salt),
                "failed_attempts": 0,
                "active": True,
                "language": "fr",
            }
        )
    if rows:
        connection.execute(insert(UserRecord.__table__), rows)
