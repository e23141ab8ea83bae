"""Every service method that takes an Operator re-reads that user inside its transaction.

A login's `Operator` goes stale when an administrator disables the account, when the row is
gone, or when its role changes; a made-up `Operator` never was a login. Each is refused with
a code before anything is written — never an IntegrityError, never a half-done action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from pos.db.engine import SessionFactory
from pos.db.records import Base, UserRecord
from pos.db.returns import load_context
from pos.domain.money import Money
from pos.domain.policy import Policy
from pos.domain.returns import DocumentKind, Draft, ReturnRequest
from pos.domain.roles import Operator, Role
from pos.domain.settlement import Tender, TenderMethod
from pos.services.errors import (
    ApprovalRequiredError,
    OperatorDisabledError,
    OperatorRefusedError,
    PermissionDeniedError,
)
from pos.services.policy import PolicyService
from pos.services.printing import PrintQueueService
from pos.services.settings import SettingsService
from pos.services.stock import StockService
from pos.sync.service import SyncService
from tests.services.test_print_queue import new_queue
from tests.services.test_settings import MemoryKeyring
from tests.support.shop import Shop, build_shop, on_hand, sell
from tests.support.tcp_printer import TcpPrinter


@dataclass
class Desk:
    """The shop with every service that takes an operator, and what each one touches."""

    shop: Shop
    queue: PrintQueueService
    printer: TcpPrinter
    settings: SettingsService
    settings_file: Path
    keyring: MemoryKeyring
    policy: PolicyService
    stock: StockService
    sync: SyncService
    order: int
    draft: Draft


@pytest.fixture
def desk(sessions: SessionFactory, tmp_path: Path) -> Iterator[Desk]:
    shop = build_shop(sessions)
    admin = shop.users.login("admin", "7391")
    shop.users.add_user(admin, "dora", "Dora", Role.CASHIER, "5173")
    shop.users.disable(admin, "dora")  # for `enable`
    order = sell(shop, "60001", [("T-S-M", 1)])
    with sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    draft = Draft(DocumentKind.EXCHANGE, (ReturnRequest(line, 1),),
                  (shop.returns.new_item(order_id=order, code="T-S-L"),))
    keyring = MemoryKeyring()
    settings_file = tmp_path / "terminal.json"
    with TcpPrinter() as printer:
        queue = new_queue(shop, printer.uri)
        yield Desk(shop, queue, printer,
                   SettingsService(sessions=sessions, clock=shop.clock, config_path=settings_file,
                                   keyring_set=keyring.set, keyring_get=keyring.get,
                                   keyring_delete=keyring.delete),
                   settings_file, keyring, PolicyService(sessions=sessions, clock=shop.clock),
                   StockService(sessions=sessions, clock=shop.clock),
                   SyncService(None, sessions=sessions, clock=shop.clock), order, draft)
        queue.close()


# Every public service method that takes an Operator (grep -rn "Operator" pos/services).
ACTIONS: dict[str, Callable[[Desk, Operator], Any]] = {
    "returns.commit": lambda d, op: d.shop.returns.commit(op, d.order, d.draft, []),
    "users.add_user": lambda d, op: d.shop.users.add_user(op, "newbie", "New", "cashier", "5937"),
    "users.set_pin": lambda d, op: d.shop.users.set_pin(op, "camille", "5937"),
    "users.set_own_pin": lambda d, op: d.shop.users.set_pin(op, op.username, "5937"),
    "users.disable": lambda d, op: d.shop.users.disable(op, "camille"),
    "users.enable": lambda d, op: d.shop.users.enable(op, "dora"),
    "printing.open_drawer": lambda d, op: d.queue.open_drawer(op, "change for the float"),
    "settings.set_printer_uri": lambda d, op: d.settings.set_printer_uri(op, "virtual"),
    "settings.set_language": lambda d, op: d.settings.set_language(op, "en"),
    "settings.save_wix_credentials": lambda d, op: d.settings.save_wix_credentials(
        op, "IST.key", "site-1"),
    "settings.save_wix_app": lambda d, op: d.settings.save_wix_app(op, "client", "secret", "i-1"),
    "policy.update": lambda d, op: d.policy.update(op, Policy(return_window_days=14)),
    "stock.adjust": lambda d, op: d.stock.adjust(
        op, variant_id=d.shop.variants["T-S-M"], counted=2, reason="shelf count"),
    "stock.settle_inspection": lambda d, op: d.stock.settle_inspection(
        op, return_line_id=1, outcome="restock"),
    "sync.resolve": lambda d, op: d.sync.resolve(op, 1, "done", "checked on Wix"),
}


def everything(desk: Desk) -> dict[str, object]:
    """Every row of every table, the settings file, the keyring and the printer's jobs."""
    with desk.shop.sessions() as s:
        tables = {table.name: sorted(map(repr, s.execute(select(table)).all()))
                  for table in Base.metadata.sorted_tables}
    return {"tables": tables, "file": desk.settings_file.exists(),
            "keyring": dict(desk.keyring.items), "printed": list(desk.printer.jobs)}


def stale_admins(desk: Desk) -> list[tuple[Operator, str]]:
    """Administrators' logins made stale each in one way, with the code each must get."""
    users = desk.shop.users
    admin = users.login("admin", "7391")
    users.add_user(admin, "zoe", "Zoé", Role.ADMIN, "3917")
    disabled = users.login("zoe", "3917")
    users.disable(admin, "zoe")
    # Deleted: an account that never acted (nothing refers to it), removed from the table.
    users.add_user(admin, "yann", "Yann", Role.ADMIN, "8264")
    with desk.shop.sessions.begin() as s:
        yann_id = s.scalar(select(UserRecord.id).where(UserRecord.username == "yann"))
        s.execute(delete(UserRecord).where(UserRecord.id == yann_id))
    return [(disabled, "operator_disabled"),
            (Operator(yann_id, "yann", "Yann", Role.ADMIN), "operator_unknown"),
            (Operator(9999, "ghost", "Ghost", Role.ADMIN), "operator_unknown"),  # made up
            (Operator(admin.user_id, "alex", "Alex", Role.ADMIN), "operator_unknown")]  # forged


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_stale_operator_is_refused_with_a_code_and_nothing_written(
        desk: Desk, action: str) -> None:
    for operator, code in stale_admins(desk):
        before = everything(desk)
        with pytest.raises(OperatorRefusedError) as refused:
            ACTIONS[action](desk, operator)
        assert refused.value.code == code, operator
        assert refused.value.params == {"username": operator.username}
        assert everything(desk) == before, operator


def test_a_cashier_disabled_after_login_can_no_longer_commit(desk: Desk) -> None:
    shop = desk.shop
    cashier = shop.users.login("camille", "2580")
    shop.users.disable(shop.users.login("admin", "7391"), "camille")
    before = everything(desk)
    with pytest.raises(OperatorDisabledError):
        shop.returns.commit(cashier, desk.order, desk.draft, [])
    assert everything(desk) == before
    assert (on_hand(shop, "T-S-M"), on_hand(shop, "T-S-L")) == (5, 5)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def demote(desk: Desk, username: str) -> None:
    with desk.shop.sessions.begin() as s:
        s.execute(update(UserRecord).where(UserRecord.username == username).values(role="cashier"))


def test_a_demoted_manager_acts_with_the_role_stored_now(desk: Desk) -> None:
    shop = desk.shop
    order = sell(shop, "60002", [("JEA-M", 2)])  # 159.80: a refund above the 100.00 limit
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    refund = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2),))
    manager = shop.users.login("maxime", "4826")
    demote(desk, "maxime")
    before = everything(desk)
    with pytest.raises(PermissionDeniedError) as refused:
        desk.stock.adjust(manager, variant_id=shop.variants["T-S-M"], counted=2, reason="count")
    assert refused.value.params == {"permission": "adjust_stock", "role": "cashier"}
    # No longer passed on his own authority: the rule needs a manager's approval again.
    with pytest.raises(ApprovalRequiredError) as approval:
        shop.returns.commit(manager, order, refund, [Tender(TenderMethod.CASH, eur(15980))])
    assert approval.value.rules == ("over_threshold",)
    assert everything(desk) == before


def test_an_approval_whose_manager_was_disabled_is_refused(desk: Desk) -> None:
    shop = desk.shop
    order = sell(shop, "60003", [("JEA-M", 2)])
    with shop.sessions() as s:
        line = load_context(s, order).snapshot.lines[0].line_id
    refund = Draft(DocumentKind.REFUND, (ReturnRequest(line, 2),))
    approval = shop.users.approve("maxime", "4826", "over_threshold", "regular customer")
    shop.users.disable(shop.users.login("admin", "7391"), "maxime")
    with shop.sessions() as s:
        documents = s.scalar(select(func.count()).select_from(Base.metadata.tables[
            "counter_documents"]))
    with pytest.raises(ApprovalRequiredError) as refused:
        shop.returns.commit(shop.cashier, order, refund,
                            [Tender(TenderMethod.CASH, eur(15980))],
                            approvals=[approval])
    assert refused.value.rules == ("over_threshold",)
    with shop.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Base.metadata.tables[
            "counter_documents"])) == documents == 0
    # Enabled again, the same approval is still unused and now counts.
    shop.users.enable(shop.users.login("admin", "7391"), "maxime")
    done = shop.returns.commit(shop.cashier, order, refund,
                               [Tender(TenderMethod.CASH, eur(15980))],
                               approvals=[approval])
    assert done.number == "T1-000001"
