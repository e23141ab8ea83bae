"""The Wix adapters, wired once: the sync runner, the sync service behind `SyncPort`, the mail.

`comptoir sync` and the app's sync thread build their runner here, over one rate limiter
(`REQUESTS_PER_MINUTE`) and the credentials of the keyring or the environment; the order
importer reads Wix's JSON with `read_wix_order`. httpx, the keyring and the engine load on
first use only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.db.engine import SessionFactory
from pos.domain.clock import Clock
from pos.domain.orders import OrderData
from pos.domain.roles import Operator
from pos.services.sync_port import SyncStatus

if TYPE_CHECKING:
    from pos.sync.client import WixClient
    from pos.sync.engine import Progress, SyncRunner
    from pos.sync.mail import MailDispatcher, SmtpSettings
    from pos.sync.service import SyncService

REQUESTS_PER_MINUTE = 180  # under Wix's 200 a minute per site (wix-api.md §1.4)

KeyringGet = Callable[[str, str], str | None]


def read_wix_order(order_json: Mapping[str, Any],
                   transactions_json: Mapping[str, Any] | None = None) -> OrderData:  # fmt: skip
    """`pos.services.ports.OrderReader` over `pos.sync.wix_orders.order_from_wix`."""
    from pos.sync.wix_orders import order_from_wix  # noqa: PLC0415

    return order_from_wix(order_json, transactions_json)


def wix_clients(environ: Mapping[str, str] = os.environ, *,
                keyring_get: KeyringGet | None = None) -> Callable[[], WixClient]:  # fmt: skip
    """A factory of Wix clients on this shop's site, sharing one rate limiter.

    Args:
        environ: Where ``COMPTOIR_WIX_*`` are read.
        keyring_get: `keyring.get_password` by default (tests pass a stand-in).

    Raises:
        ValueError: No usable credentials (`pos.sync.credentials.WixConfigError`: the
            message says which and how to fix it).
    """
    from pos.sync.client import RateLimiter, WixClient  # noqa: PLC0415 (httpx only when used)
    from pos.sync.credentials import base_url, load_credentials  # noqa: PLC0415

    credentials, url = load_credentials(environ, keyring_get=keyring_get), base_url(environ)
    limiter = RateLimiter(REQUESTS_PER_MINUTE)

    def make_client() -> WixClient:
        return WixClient(base_url=url, credentials=credentials, limiter=limiter)

    return make_client


def wix_runner(sessions: SessionFactory, *, clock: Clock, clients: Callable[[], WixClient],
               pictures_dir: Path | None = None, progress: Progress | None = None,
               ) -> SyncRunner:  # fmt: skip
    """The sync runner on this shop's database and Wix site.

    Args:
        clients: Makes its Wix client (`wix_clients`).
        pictures_dir: Where product pictures are cached after each catalogue pull (none are
            when None).
        progress: Told each step in plain words (`comptoir sync` prints them).
    """
    from pos.sync.engine import SyncRunner  # noqa: PLC0415
    from pos.sync.pictures import PictureCache  # noqa: PLC0415

    pictures = PictureCache(pictures_dir) if pictures_dir is not None else None
    return SyncRunner(sessions=sessions, clock=clock, client_factory=clients, progress=progress,
                      pictures=pictures)  # fmt: skip


def wix_sync_service(
    sessions: SessionFactory,
    *,
    clock: Clock,
    environ: Mapping[str, str] = os.environ,
    keyring_get: KeyringGet | None = None,
    pictures_dir: Path | None = None,
) -> SyncService:
    """The app's sync service: Wix credentials from the keyring or the environment; the
    customer e-mails with the SMTP settings of ``COMPTOIR_SMTP_*`` and the keyring.

    Missing credentials are not an error: the service then says "not configured" and the
    counter keeps working (and queueing) offline — the demo shop has none. E-mails without
    usable SMTP settings wait, and the status says what to fix. Arguments as `wix_clients`
    and `wix_runner`.
    """
    from pos.sync.credentials import WixConfigError  # noqa: PLC0415
    from pos.sync.mail_runner import MailRunner  # noqa: PLC0415
    from pos.sync.service import SyncService  # noqa: PLC0415

    mail = MailRunner(sessions=sessions, clock=clock, environ=environ, keyring_get=keyring_get)
    try:
        clients = wix_clients(environ, keyring_get=keyring_get)
    except WixConfigError:
        return SyncService(None, sessions=sessions, clock=clock, mail=mail)

    def make_runner() -> SyncRunner:  # on the sync thread, at its first tick
        return wix_runner(sessions, clock=clock, clients=clients, pictures_dir=pictures_dir)

    return SyncService(make_runner, sessions=sessions, clock=clock, mail=mail)


def sync_status(sessions: SessionFactory, *, with_notes: bool = False) -> SyncStatus:
    """The sync's status from the database alone, as a terminal that does not lead reads it
    (`comptoir sync status`; `with_notes`: the latest changes done with a note too)."""
    from pos.sync.status import read_status  # noqa: PLC0415

    return read_status(sessions, leader=False, with_notes=with_notes)


def resolve_sync_review(sessions: SessionFactory, clock: Clock, *, message_id: int,
                        decision: str, reason: str) -> list[int] | None:  # fmt: skip
    """The shop's administrator's decision on a stuck change (`comptoir sync review`,
    audited with the actor "cli"); the ids settled, or None when it waits no more."""
    from pos.sync.status import resolve_review  # noqa: PLC0415

    return resolve_review(sessions, clock, message_id=message_id, decision=decision,
                          reason=reason, actor="cli")  # fmt: skip


def smtp_settings(environ: Mapping[str, str] = os.environ) -> SmtpSettings:
    """The SMTP settings of ``COMPTOIR_SMTP_*`` and the keyring.

    Raises:
        ValueError: They are missing or unusable (`SmtpConfigError`: the message says which
            and how to fix it).
    """
    from pos.sync.mail import SmtpSettings  # noqa: PLC0415

    return SmtpSettings.from_environment(environ)


def mail_dispatcher(sessions: SessionFactory, *, clock: Clock,
                    settings: SmtpSettings) -> MailDispatcher:  # fmt: skip
    """Sends the customer e-mails due (`comptoir mail send`)."""
    from pos.sync.mail import MailDispatcher  # noqa: PLC0415

    return MailDispatcher(sessions=sessions, settings=settings, clock=clock)


class LazySyncService:
    """A `SyncPort` that builds the real service on first use.

    Loading the keyring, httpx and the sync engine takes ~0.2 s: the sync thread pays it on
    its first tick instead of the window on start-up. Thread-safe.
    """

    def __init__(self, factory: Callable[[], SyncService]) -> None:
        self._factory = factory
        self._service: SyncService | None = None
        self._lock = threading.Lock()

    def _get(self) -> SyncService:
        with self._lock:
            if self._service is None:
                self._service = self._factory()
            return self._service

    def run_once(self) -> SyncStatus:
        return self._get().run_once()

    def status(self) -> SyncStatus:
        return self._get().status()

    def resolve(self, operator: Operator | None, message_id: int, decision: str,
                reason: str) -> None:  # fmt: skip
        self._get().resolve(operator, message_id, decision, reason)

    def close(self) -> None:
        with self._lock:
            if self._service is not None:
                self._service.close()
