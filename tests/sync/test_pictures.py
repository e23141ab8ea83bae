"""Product pictures: pulled URLs, fetched over loopback HTTP from the fake Wix's media host,
cached on disk, pruned, never failing the sync (V1 and V3, both databases)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from pos.db.engine import SessionFactory
from pos.db.records import ProductRecord
from pos.domain.pictures import picture_file_name
from pos.sync.engine import SyncRunner
from pos.sync.pictures import PictureCache, PictureReport
from pos.sync.pull import Puller
from tests.fakes.wix import FakeWix
from tests.fakes.wix.categories import png
from tests.support.clock import FakeClock
from tests.sync.conftest import RecordedSleep, make_client

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
RED, BLUE = png(rgb=(200, 40, 40)), png(rgb=(40, 40, 200))


@pytest.fixture(params=["V3", "V1"])
def fake(request: pytest.FixtureRequest) -> Iterator[FakeWix]:
    with FakeWix(catalog=request.param) as site:
        site.state.add_product("Robe", [("RB-M", "", "60.00", {}, 2)], picture=RED,
                               categories=["Robes", "Soldes"])  # fmt: skip
        site.state.add_product("Tee", [("TS-M", "", "20.00", {}, 2)], picture=BLUE)
        site.state.add_product("Mug", [("MUG-1", "", "12.00", {}, 2)])
        yield site


def pull(fake: FakeWix, sessions: SessionFactory) -> None:
    with make_client(fake, RecordedSleep()) as client:
        Puller(client=client, sessions=sessions, clock=FakeClock(NOW)).pull_catalog()


def urls(sessions: SessionFactory) -> dict[str, tuple[str | None, list[str]]]:
    with sessions() as s:
        return {p.name: (p.image_url, list(p.categories)) for p in s.scalars(select(ProductRecord))}


def cache(tmp_path: Path) -> PictureCache:
    return PictureCache(tmp_path / "pictures", client_factory=lambda: httpx.Client(timeout=5))


def test_the_pull_records_categories_and_the_main_picture_url(
    fake: FakeWix, sessions: SessionFactory
) -> None:
    pull(fake, sessions)
    found = urls(sessions)
    robe_url, robe_categories = found["Robe"]
    assert robe_url is not None and robe_url.startswith(f"{fake.base_url}/media/")
    assert robe_categories == ["Robes", "Soldes"]  # never V1's built-in "All Products"
    assert found["Mug"] == (None, [])
    with sessions() as s:
        assert s.scalar(select(ProductRecord.category).where(ProductRecord.name == "Robe")) == (
            "Robes")  # fmt: skip  # the main category


def test_pictures_are_fetched_once_retried_after_a_failure_and_pruned(
    fake: FakeWix, sessions: SessionFactory, tmp_path: Path
) -> None:
    pull(fake, sessions)
    tee_file = fake.state.by_sku("TS-M")[0].media_file
    fake.faults.next(f"/media/{tee_file}", "503")  # the media host fails once for the tee
    pictures = cache(tmp_path)
    assert pictures.refresh(sessions) == PictureReport(fetched=1, cached=0, failed=1, removed=0)
    robe_url = urls(sessions)["Robe"][0]
    assert robe_url is not None
    assert (pictures.directory / picture_file_name(robe_url)).read_bytes() == RED
    # The next refresh fetches only what is missing: one more request to the media host.
    before = len(fake.log.matching(r"/media/.*"))
    assert pictures.refresh(sessions) == PictureReport(fetched=1, cached=1, failed=0, removed=0)
    assert len(fake.log.matching(r"/media/.*")) == before + 1
    # The robe loses its picture on Wix: the next catalogue pull and refresh drop the file.
    fake.state.by_sku("RB-M")[0].media_file = None
    pull(fake, sessions)
    assert pictures.refresh(sessions) == PictureReport(fetched=0, cached=1, failed=0, removed=1)
    assert sorted(p.name for p in pictures.directory.iterdir()) == [
        picture_file_name(urls(sessions)["Tee"][0] or "")]


def test_offline_nothing_is_cached_and_nothing_raises(
    fake: FakeWix, sessions: SessionFactory, tmp_path: Path
) -> None:
    pull(fake, sessions)
    fake.stop()  # the shop goes offline after the catalogue pull
    try:
        report = cache(tmp_path).refresh(sessions)
    finally:
        fake.start()
    assert (report.fetched, report.failed) == (0, 2)
    assert list((tmp_path / "pictures").iterdir()) == []


def test_the_sync_tick_caches_pictures_after_the_catalogue_pull(
    fake: FakeWix, sessions: SessionFactory, tmp_path: Path
) -> None:
    sleep = RecordedSleep()
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), pictures=cache(tmp_path),
                    client_factory=lambda: make_client(fake, sleep)) as runner:  # fmt: skip
        assert runner.run_once().online
        assert runner.reports["pictures"] == PictureReport(2, 0, 0, 0)
        assert not any("picture" in note for note in runner.notes)
    assert len(list((tmp_path / "pictures").iterdir())) == 2


def test_a_picture_not_fetched_is_a_note_never_a_failed_tick(
    fake: FakeWix, sessions: SessionFactory, tmp_path: Path
) -> None:
    fake.faults.next("/media/*", "503", count=2)  # the media host is down, the API is not
    sleep = RecordedSleep()
    with SyncRunner(sessions=sessions, clock=FakeClock(NOW), pictures=cache(tmp_path),
                    client_factory=lambda: make_client(fake, sleep)) as runner:  # fmt: skip
        status = runner.run_once()
    assert status.online and not status.last_error
    assert runner.reports["pictures"] == PictureReport(0, 0, 2, 0)
    words = "2 product picture(s) could not be fetched"
    assert any(note.startswith(words) for note in runner.notes)
