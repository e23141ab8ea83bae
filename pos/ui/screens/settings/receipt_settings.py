"""What receipts print with: the shop's identity (Shop tab) and the printer's model and paper
(Printer tab), read and saved through the services on the task runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.domain.printer_models import PrinterModelError
from pos.domain.roles import Operator
from pos.domain.shop_identity import ShopIdentity, ShopIdentityError
from pos.services.settings import SettingsService
from pos.services.shop import ShopService
from pos.ui.screens.settings.models import refusal_text
from pos.ui.workers import TaskRunner

LOAD_KEY = "receipt-settings-load"


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    """As stored: the identity (None without a shop service) and the printer's model."""

    identity: ShopIdentity | None
    profile: str
    columns: int | None  # None: the profile's own width


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShopSettings", text)


def identity_refusal(error: ShopIdentityError) -> str:
    """The sentence for a refused identity field."""
    texts = {
        "name_missing": _tr("The shop needs a name."),
        "siret_invalid": _tr("This SIRET is not valid: 14 digits, as on the Kbis extract."),
        "vat_invalid": _tr("This VAT number is not valid: FR, a 2-digit key, then the SIREN."),
        "vat_siren_mismatch": _tr("The VAT number is not the one of this SIRET's company."),
        "validity_invalid": _tr("A gift card's validity is 0 (no end) to 120 months."),
        "too_long": _tr("A field is too long: at most 4 lines of 120 characters."),
        "country_invalid": _tr("The country is a 2-letter code, such as FR or BE."),
    }
    return texts.get(error.reason, texts["too_long"])


def model_refusal(error: PrinterModelError) -> str:
    """The sentence for a refused printer model or width."""
    if error.reason == "width_not_for_paper":
        return _tr("This printer's paper does not have that width.")
    return _tr("This printer model is not offered.")


class ReceiptSettingsViewModel(QObject):
    """The Shop tab's and the printer model's state; services refuse non-administrators.

    Signals:
        loaded(): re-read `stored`.
        status(str, str): a sentence and its kind ("ok", "error", "") for the screen's line.
    """

    loaded = Signal()
    status = Signal(str, str)

    def __init__(self, *, settings: SettingsService, shop: ShopService | None,
                 runner: TaskRunner, parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._settings, self._shop, self._runner = settings, shop, runner
        self.operator: Operator | None = None
        self.stored: ReceiptSettings | None = None

    @property
    def has_shop(self) -> bool:
        """Whether the shop's identity can be edited here (the Shop tab is shown)."""
        return self._shop is not None

    def load(self) -> None:
        settings, shop = self._settings, self._shop

        def read() -> ReceiptSettings:
            identity = shop.identity() if shop is not None else None
            return ReceiptSettings(identity, *settings.printer_model())

        self._runner.submit(read, key=LOAD_KEY, on_success=self._on_loaded,
                            on_error=self._on_failed)  # fmt: skip

    def save_identity(self, identity: ShopIdentity) -> None:
        """Check and store the identity; receipts print it from the next one on."""
        shop, operator = self._shop, self.operator
        if shop is None:
            return
        done = self.tr("The shop's identity is saved: the next receipts print it.")
        self._change(lambda: shop.save(operator, identity), done)

    def save_printer_model(self, profile: str, columns: int | None) -> None:
        """Store the model and width; the next job is rendered for them."""
        settings, operator = self._settings, self.operator
        self._change(lambda: settings.set_printer_model(operator, profile, columns),
                     self.tr("The printer model is saved."))  # fmt: skip

    def _change(self, action: Callable[[], object], done: str) -> None:
        def changed(_: object) -> None:
            self.status.emit(done, "ok")
            self.load()

        self._runner.submit(action, on_success=changed, on_error=self._on_failed)

    def _on_loaded(self, stored: ReceiptSettings) -> None:
        self.stored = stored
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ShopIdentityError):
            text = identity_refusal(error)
        elif isinstance(error, PrinterModelError):
            text = model_refusal(error)
        else:
            text = refusal_text(error)
        self.status.emit(text, "error")
