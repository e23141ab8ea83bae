"""Requests per document for the payment mixes of issue 11 (gift cards, several payments).

Each mix of `tests/sync/test_push_gift_cards.commit_mixes` (gift card + card, gift card only
whole and partial, two cards, partly refunded online before and after the counter, shipping)
is committed `--rounds` times at the counter, offline, then pushed to the fake Wix (no
latency, no rate limit: this counts requests, it does not time them) by the pusher and the
stock pusher until the outbox drains. Reports, per mix, the requests per document by
endpoint next to the card-paid recipe of the same kind (`sync_bench_docs.RECIPES`), and
checks Wix's final state with the tests' own assertions. Run by `sync_bench.py --mixes`.

    .venv/bin/python benchmarks/sync_bench.py --mixes [--rounds 5]
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from typing import Any

from benchmarks import sync_bench_docs as docs_part
from pos.db.engine import make_engine, make_sessions
from pos.db.migrate import upgrade
from pos.sync.client import RateLimiter, WixClient
from pos.sync.credentials import WixCredentials
from pos.sync.push import Pusher
from pos.sync.status import read_status
from tests.fakes.wix import FakeWix
from tests.support.shop import build_shop
from tests.sync.test_push import WixShop, mirror_catalogue
from tests.sync.test_push_gift_cards import assert_mixes_on_wix, commit_mixes, drain_all

KIND = {  # the card-paid recipe each mix is compared with
    "gift_card_and_card_exchange": "exchange",
    "gift_card_partial_exchange": "exchange",
}


def run_mixes(rounds: int) -> dict[str, Any]:
    """Commit every mix `rounds` times, push, and count the requests each document took."""
    with tempfile.TemporaryDirectory() as tmp, FakeWix() as fake:
        engine = make_engine(f"sqlite:///{tmp}/mixes.sqlite3")
        upgrade(engine)
        sessions = make_sessions(engine)
        shop = build_shop(sessions, stock=10_000)
        mirror_catalogue(shop, fake, stock=10_000)
        no_wait = lambda seconds: None  # noqa: E731 - counting requests, not timing them
        client = WixClient(base_url=fake.base_url, sleep=no_wait, timeout=5.0,
                           credentials=WixCredentials(fake.api_key, fake.site_id),
                           limiter=RateLimiter(100_000, sleep=no_wait))  # fmt: skip
        pusher = Pusher(client=client, sessions=sessions, clock=shop.clock, rng=random.Random(1))
        ws = WixShop(shop, fake, client, pusher)
        committed = [commit_mixes(ws) for _ in range(rounds)]
        fake.log.clear()  # the online refunds made while seeding are the shop's, not ours
        report = drain_all(ws, rounds=100)
        for mixes in committed:  # Wix ends exactly as the tests expect, every round
            assert_mixes_on_wix(ws, mixes)
        docs = [
            docs_part.Doc(KIND.get(name, "refund"), name, done.document_id, done.number,
                          mixes.wix_id(ws, name), "", "")
            for mixes in committed
            for name, (_, done) in mixes.docs.items()
        ]
        per_doc, stock_calls, unattributed = docs_part.attribute(fake.log.entries, docs,
                                                                 sessions)  # fmt: skip
        status = read_status(sessions, leader=True)
        client.close()
        engine.dispose()
    return {
        "scenario": f"every payment mix of issue 11, {rounds} of each, pushed to the fake Wix "
        "(no latency, no rate limit) by Pusher + StockPusher",
        "push_report": {
            "sent": report.sent,
            "parked": report.parked,
            "needs_review": report.needs_review,
        },
        "per_mix": _per_mix(docs, per_doc),
        "stock_requests": dict(stock_calls),
        "unattributed_requests": unattributed,
        "done_with_a_note": status.noted,
        "wix_final_state_exact": True,  # assert_mixes_on_wix passed for every round
    }


def _per_mix(docs: list[docs_part.Doc], per_doc: dict[str, Counter[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in dict.fromkeys(d.variant for d in docs):
        mine = [d for d in docs if d.variant == name]
        totals: Counter[str] = Counter()
        for doc in mine:
            totals.update(per_doc.get(doc.document_id, Counter()))
        each = [sum(per_doc.get(d.document_id, Counter()).values()) for d in mine]
        recipe = docs_part.RECIPES[mine[0].kind]
        card = sum(recipe["writes"].values()) + sum(recipe["reads"].values())
        out[name] = {
            "documents": len(mine),
            "requests_per_document": round(sum(each) / len(mine), 3),
            "card_paid_recipe": card,
            "by_endpoint": {e: round(c / len(mine), 3) for e, c in sorted(totals.items())},
        }
    return out
