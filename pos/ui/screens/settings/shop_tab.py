"""The settings screen's Shop tab (the identity every receipt and closure prints) and the
printer's model and paper width, shown on the Printer tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.domain.printer_models import PRINTER_MODELS, printer_model
from pos.domain.shop_identity import ShopIdentity
from pos.ui.chips import ChipGroup
from pos.ui.retranslating import Retranslating
from pos.ui.screens.settings.receipt_settings import ReceiptSettingsViewModel
from pos.ui.screens.settings.widgets import set_field_label, touch_button
from pos.ui.scroll_area import VerticalScrollArea

FORM_MAX_WIDTH = 760  # px, as the Wix and E-mail tabs'
LINES_PX = 96  # a multi-line field: about three lines at the settings' font size
AUTO = "auto"  # the width chip "as the printer's profile says"


class ShopTab(Retranslating, QWidget):
    """Name, address, phone, SIRET, VAT number, country, gift-card validity and the policy
    footer in both languages; Save hands them to the view model, which the service checks."""

    def __init__(self, *, view_model: ReceiptSettingsViewModel,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("shopSettings")
        self._vm = view_model
        self._build_ui()
        self._vm.loaded.connect(self.show_settings)
        self.save.clicked.connect(lambda: self._vm.save_identity(self.identity()))
        self._retranslate_ui()

    def _build_ui(self) -> None:
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key in ("name", "address", "phone", "siret", "vat_id", "country",
                    "card_validity_months", "footer_fr", "footer_en"):  # fmt: skip
            multi = key in ("address", "footer_fr", "footer_en")
            field = QPlainTextEdit(objectName=f"shop_{key}") if multi else QLineEdit(
                objectName=f"shop_{key}")  # fmt: skip
            if multi:
                field.setFixedHeight(LINES_PX)
            self.fields[key] = field
        self.fields["card_validity_months"].setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly)
        panel = QWidget(objectName="shopFields")
        panel.setMaximumWidth(FORM_MAX_WIDTH)
        self._form = QFormLayout(panel)
        for field in self.fields.values():
            self._form.addRow(QLabel(), field)
        self.save = touch_button("shopSave")
        layout = QVBoxLayout(self)
        # Nine fields are taller than a 1024×768 screen leaves: they scroll by finger; Save
        # stays in view under them.
        layout.addWidget(VerticalScrollArea(panel, object_name="shopScroll"), 1)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)

    def identity(self) -> ShopIdentity:
        """The fields as typed (the service checks them)."""
        text = {key: (f.toPlainText() if isinstance(f, QPlainTextEdit) else f.text())
                for key, f in self.fields.items()}  # fmt: skip
        months = text.pop("card_validity_months").strip()
        return ShopIdentity(**text, card_validity_months=int(months) if months.isdigit() else -1)

    def show_settings(self) -> None:
        stored = self._vm.stored
        if stored is None or stored.identity is None:
            return
        for key, field in self.fields.items():
            value = str(getattr(stored.identity, key))
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            elif not field.hasFocus():
                field.setText(value)

    def _retranslate_ui(self) -> None:
        labels = {
            "name": self.tr("Shop name"),
            "address": self.tr("Address (one line each)"),
            "phone": self.tr("Phone"),
            "siret": self.tr("SIRET"),
            "vat_id": self.tr("VAT number"),
            "country": self.tr("Country (FR, BE…)"),
            "card_validity_months": self.tr("Gift cards valid for (months, 0: no end)"),
            "footer_fr": self.tr("Receipt footer in French"),
            "footer_en": self.tr("Receipt footer in English"),
        }
        for key, field in self.fields.items():
            set_field_label(self._form, field, labels[key])
        self.fields["siret"].setPlaceholderText(self.tr("14 digits (France)"))
        self.fields["vat_id"].setPlaceholderText(self.tr("FR + key + SIREN (France)"))
        self.save.setText(self.tr("Save the shop's identity"))


class PrinterModelPanel(Retranslating, QWidget):
    """The printer's model (a python-escpos profile) and its paper width, as chips."""

    def __init__(self, *, view_model: ReceiptSettingsViewModel,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._vm = view_model
        self._label = QLabel(objectName="sectionTitle")
        self.models = ChipGroup([m.profile for m in PRINTER_MODELS], columns=3,
                                object_name="printerModels")  # fmt: skip
        self.models.set_texts({m.profile: m.label for m in PRINTER_MODELS})
        self.widths = ChipGroup([AUTO, 32, 42, 48], columns=4, object_name="paperWidths")
        self.save = touch_button("printerModelSave")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self._label, self.models, self.widths):
            layout.addWidget(widget)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        self.models.chosen.connect(lambda _: self._show_widths())
        self.save.clicked.connect(self._on_save_clicked)
        self._vm.loaded.connect(self.show_settings)
        self._retranslate_ui()

    def _on_save_clicked(self) -> None:
        profile, width = self.models.value, self.widths.value
        if profile is not None:
            # The width chips are AUTO or a number of columns.
            self._vm.save_printer_model(str(profile), width if isinstance(width, int) else None)

    def _show_widths(self) -> None:
        """Only the widths the chosen model's paper has (58 mm: 32; 80 mm: 42, 48)."""
        profile = self.models.value
        allowed = printer_model(str(profile)).widths if profile is not None else ()
        for width in (32, 42, 48):
            self.widths.button(width).setVisible(width in allowed)
        if self.widths.value not in (AUTO, *allowed):
            self.widths.select(AUTO)

    def show_settings(self) -> None:
        stored = self._vm.stored
        if stored is None:
            return
        self.models.select(stored.profile)
        self.widths.select(AUTO if stored.columns is None else stored.columns)
        self._show_widths()

    def _retranslate_ui(self) -> None:
        self._label.setText(self.tr("Printer model and paper width"))
        texts: dict[object, str] = {w: self.tr("{n} characters").format(n=w) for w in (32, 42, 48)}
        texts[AUTO] = self.tr("As the model")
        self.widths.set_texts(texts)
        self.save.setText(self.tr("Save printer model"))
