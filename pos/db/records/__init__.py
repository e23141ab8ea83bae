"""SQLAlchemy records for the nouns of DESIGN §2, one module per noun. Money is integer minor units.

Callers import records from here (`from pos.db.records import OrderRecord`); the modules are
`catalogue`, `orders`, `documents` (counter documents), `closing`, `reports` (the Reports'
running totals), `gift_cards`, `return_requests` (return requests, their lines and photos),
`people` (users, approvals, audit) and `machinery` (policy settings, outbox, print jobs, sync
cursors), all on the one `Base` of `base`. Importing this
package maps every record, which is what Alembic's `env.py` and the tests comparing records
with the migrations rely on.

The search index (`order_search`) is not a record: it is an FTS5 virtual table on SQLite and
a tsvector table on PostgreSQL, created by the migrations and maintained in `pos.db.search`.
"""

from __future__ import annotations

from pos.db.records.base import NAMING, Base
from pos.db.records.catalogue import (
    ProductRecord,
    StockLevelRecord,
    StockMovementRecord,
    VariantRecord,
)
from pos.db.records.closing import (
    CashMovementRecord,
    CashSessionRecord,
    ClosingBlockRecord,
    ClosureRecord,
)
from pos.db.records.documents import (
    CounterDocumentRecord,
    DocumentFeeRecord,
    DocumentNewLineRecord,
    DocumentReturnLineRecord,
    DocumentTenderRecord,
    TerminalSequenceRecord,
)
from pos.db.records.gift_cards import GiftCardEntryRecord, GiftCardRecord
from pos.db.records.machinery import (
    OutboxMessageRecord,
    PolicySettingRecord,
    PrintJobRecord,
    ShopSettingRecord,
    SyncCursorRecord,
)
from pos.db.records.orders import (
    CustomerRecord,
    OrderLineRecord,
    OrderRecord,
    OrderRefundRecord,
    PaymentRecord,
)
from pos.db.records.people import ApprovalRecord, AuditEntryRecord, UserRecord
from pos.db.records.reports import ReportBlockRecord
from pos.db.records.return_requests import (
    ReturnRequestLineRecord,
    ReturnRequestPhotoRecord,
    ReturnRequestRecord,
)

__all__ = [
    "NAMING",
    "ApprovalRecord",
    "AuditEntryRecord",
    "Base",
    "CashMovementRecord",
    "CashSessionRecord",
    "ClosingBlockRecord",
    "ClosureRecord",
    "CounterDocumentRecord",
    "CustomerRecord",
    "DocumentFeeRecord",
    "DocumentNewLineRecord",
    "DocumentReturnLineRecord",
    "DocumentTenderRecord",
    "GiftCardEntryRecord",
    "GiftCardRecord",
    "OrderLineRecord",
    "OrderRecord",
    "OrderRefundRecord",
    "OutboxMessageRecord",
    "PaymentRecord",
    "PolicySettingRecord",
    "PrintJobRecord",
    "ProductRecord",
    "ReportBlockRecord",
    "ReturnRequestLineRecord",
    "ReturnRequestPhotoRecord",
    "ReturnRequestRecord",
    "ShopSettingRecord",
    "StockLevelRecord",
    "StockMovementRecord",
    "SyncCursorRecord",
    "TerminalSequenceRecord",
    "UserRecord",
    "VariantRecord",
]
