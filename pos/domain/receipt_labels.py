"""The fixed wording of receipts in French and English, looked up by key (pure: no I/O).

The receipt renderers (`pos.hardware.receipt_text`) and the services that word a receipt line
(`pos.services.receipts`: the shipping refund) share this one table.
"""

from __future__ import annotations

__all__ = ["figure_label", "label"]

_LABELS: dict[str, tuple[str, str]] = {  # key: (French, English)
    "exchange": ("ÉCHANGE", "EXCHANGE"),
    "refund": ("REMBOURSEMENT", "REFUND"),
    "cancellation": ("ANNULATION", "CANCELLATION"),
    "no_receipt": ("RETOUR SANS TICKET", "NO-RECEIPT RETURN"),
    "customer": ("Client", "Customer"),
    # how a no-receipt return valued a line (pos.domain.no_receipt.ValuationBasis values)
    "lowest_sold": ("Plus bas prix vendu :", "Lowest price sold:"),
    "current_price": ("Valeur : prix actuel", "Value: current price"),
    "gift_card_slip": ("CARTE CADEAU", "GIFT CARD"),
    "store_credit_slip": ("AVOIR", "STORE CREDIT"),
    "duplicate": ("*** DUPLICATA ***", "*** DUPLICATE ***"),
    "document": ("Document", "Document"),
    "date": ("Date", "Date"),
    "terminal": ("Caisse", "Terminal"),
    "cashier": ("Vendeur", "Cashier"),
    "order": ("Commande", "Order"),
    "approved_by": ("Validé par", "Approved by"),
    "vat_id": ("TVA", "VAT"),
    "siret": ("SIRET", "SIRET"),
    "vat_heading": ("DÉTAIL TVA", "VAT BREAKDOWN"),  # + the currency: "DÉTAIL TVA (€)"
    "vat_rate": ("Taux", "Rate"),
    "vat_base": ("HT", "Net"),
    "vat_total": ("TTC", "Gross"),
    "vat_sum": ("Total", "Total"),
    "vat": ("TVA", "VAT"),  # "TVA 20 %": the document's VAT at that rate
    "phone": ("Tél.", "Tel."),
    "returned_items": ("ARTICLES RENDUS", "RETURNED ITEMS"),
    "cancelled_items": ("ARTICLES ANNULÉS", "CANCELLED ITEMS"),
    "new_items": ("NOUVEAUX ARTICLES", "NEW ITEMS"),
    "fees": ("FRAIS", "FEES"),
    "credit_total": ("Total repris", "Credit total"),
    "new_items_total": ("Total nouveaux articles", "New items total"),
    "balance_lower": ("À rendre au client", "Due to customer"),
    "balance_higher": ("Reste à payer", "Balance to pay"),
    "balance_equal": ("Échange sans différence", "Even exchange"),
    "balance_refund": ("Total remboursé", "Total refunded"),
    "balance_none": ("Sans remboursement", "No refund"),
    "paid_with": ("RÈGLEMENT", "PAID WITH"),
    "refunded_to": ("REMBOURSÉ PAR", "REFUNDED TO"),
    "refund_queued": (
        "Le remboursement sur votre paiement d'origine est transmis à la boutique en ligne ; "
        "il apparaîtra sous quelques jours.",
        "The refund to your original payment is sent through the online shop; it will show "
        "within a few days.",
    ),
    "change": ("Monnaie rendue", "Change"),
    "card_code": ("Code", "Code"),
    "card_value": ("Valeur", "Value"),
    "card_balance": ("Solde", "Balance"),
    "card_qr": ("Code de la carte", "Card code"),
    "card_valid_until": ("Valable jusqu'au", "Valid until"),
    "card_no_end": ("Valable sans limite de durée", "Valid with no end date"),
    "document_qr": ("Reçu", "Receipt"),
    "note": ("Note", "Note"),
    "thanks": ("Merci de votre visite !", "Thank you for your visit!"),
    # tender methods (pos.domain.settlement.TenderMethod values)
    "cash": ("Espèces", "Cash"),
    "card": ("Carte bancaire", "Card"),
    "gift_card": ("Carte cadeau", "Gift card"),
    "original_payment": ("Paiement d'origine", "Original payment"),
    "new_gift_card": ("Nouvelle carte cadeau", "New gift card"),
    "store_credit": ("Avoir", "Store credit"),
    # fees (document_fees.kind) and the shipping refund
    "restocking": ("Frais de remise en stock", "Restocking fee"),
    "flat_return": ("Frais de retour", "Return fee"),
    "shipping_refund": ("Frais de livraison", "Shipping"),
    # a closing report's figures (pos.domain.closing sections), printed on the Z slip
    "tender_in": ("encaissé", "in"),  # "Espèces (encaissé)": what a tender brought in
    "tender_out": ("rendu", "out"),  # … what it paid back to customers
    "reason_-": ("Sans motif", "No reason given"),
    "reason_wrong_size": ("Mauvaise taille", "Wrong size"),
    "reason_not_as_expected": ("Pas comme attendu", "Not as expected"),
    "reason_faulty": ("Défectueux ou abîmé", "Faulty or damaged"),
    "reason_defective": ("Défectueux", "Faulty"),
    "reason_changed_mind": ("Changement d'avis", "Changed their mind"),
    "reason_gift": ("Cadeau", "A gift"),
    "reason_lost_receipt": ("Ticket perdu", "Receipt lost"),
    "reason_other": ("Autre motif", "Other reason"),
}


def figure_label(language: str, section: str, key: str) -> str:
    """A closing report's figure key in words (the Z slip, the Closing screen).

    Presentation only: the report keeps its keys (`cash/in`, `no_receipt`...), which are what
    a closure hashes and signs. Cashiers and approvers are named as they are; a key this table
    does not know (a reason typed in full) is shown as given.

    Args:
        language: ``"fr"`` or ``"en"``.
        section: The figure's section (`pos.domain.closing.SECTIONS`).
        key: The figure's key in that section.
    """
    if section == "kind":
        return label(language, key).capitalize() if key in _LABELS else key  # "Échange"
    if section == "tender":
        method, _, direction = key.partition("/")
        way = f"tender_{direction}"
        return f"{label(language, method)} ({label(language, way)})" if way in _LABELS else key
    if section == "refund_to":
        return label(language, key)
    if section == "reason":
        return label(language, f"reason_{key}") if f"reason_{key}" in _LABELS else key
    if section == "vat":
        if key in ("fees", "shipping"):
            return label(language, "fees" if key == "fees" else "shipping_refund").capitalize()
        rate = key.removesuffix("%")  # "5.5%": French typography is "5,5 %"
        rate = f"{rate.replace('.', ',')} %" if language != "en" else f"{rate}%"
        return f"{label(language, 'vat')} {rate}"
    return key


def label(language: str, key: str) -> str:
    """The wording of `key` in `language`; an unknown key is shown as given."""
    pair = _LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if language == "en" else pair[0]
