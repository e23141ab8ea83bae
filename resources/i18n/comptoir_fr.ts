<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../pos/app.py" line="107" />
        <source>Something went wrong and this action did not finish.

The details were written to {path}. Please tell your manager.</source>
        <translation>Un problème est survenu et cette action n’a pas abouti.

Les détails ont été enregistrés dans {path}. Merci de prévenir votre responsable.</translation>
    </message>
</context>
<context>
    <name>DocumentsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="69" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="70" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="71" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="72" />
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="146" />
        <source>Online shop</source>
        <translation>Boutique en ligne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="147" />
        <source>In the shop</source>
        <translation>En magasin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="155" />
        <source>Card</source>
        <translation>Carte bancaire</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="156" />
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="157" />
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="158" />
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="159" />
        <source>PayPal</source>
        <translation>PayPal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="160" />
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="168" />
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="169" />
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="170" />
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="30" />
        <source>Comptoir — returns desk</source>
        <translation>Comptoir — service retours</translation>
    </message>
</context>
<context>
    <name>OrderLinesTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="21" />
        <source>Product</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="22" />
        <source>Options</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="23" />
        <source>Sold</source>
        <translation>Vendus</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="24" />
        <source>Returned</source>
        <translation>Rendus</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="25" />
        <source>Returnable</source>
        <translation>Restant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="27" />
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="31" />
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
</context>
<context>
    <name>OrderResultsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="32" />
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="33" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="34" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="34" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="35" />
        <source>E-mail or phone</source>
        <translation>E-mail ou téléphone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="36" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/models.py" line="37" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>OrderScreen</name>
    <message>
        <location filename="../../pos/ui/screens/order/screen.py" line="54" />
        <source>‹  Search</source>
        <translation>‹  Recherche</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/screen.py" line="83" />
        <source>No exchange, refund or cancellation at the counter yet.</source>
        <translation>Aucun échange, remboursement ni annulation au comptoir pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/screen.py" line="89" />
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/screen.py" line="90" />
        <source>Earlier counter documents</source>
        <translation>Opérations déjà faites au comptoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/screen.py" line="97" />
        <source>Items</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>OrderViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="66" />
        <source>Opening the order…</source>
        <translation>Ouverture de la commande…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="81" />
        <source>Order {number}</source>
        <translation>Commande {number}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="89" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="90" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="91" />
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="91" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="92" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="93" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="94" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="98" />
        <source>Already refunded</source>
        <translation>Déjà remboursé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="105" />
        <source>Bought today</source>
        <translation>Achat aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="107" />
        <source>Bought yesterday</source>
        <translation>Achat hier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="109" />
        <source>Bought {days} days ago</source>
        <translation>Achat il y a {days} jours</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="111" />
        <source>within the {window}-day return window.</source>
        <translation>dans le délai de retour de {window} jours.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="113" />
        <source>outside the {window}-day return window: a manager must approve.</source>
        <translation>hors du délai de retour de {window} jours : l’accord d’un responsable est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="123" />
        <source>This order is no longer in the sales history.</source>
        <translation>Cette commande ne figure plus dans l’historique des ventes.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/view_model.py" line="127" />
        <source>The order cannot be read right now. Try again in a moment; if it keeps failing, call a manager.</source>
        <translation>Impossible de lire la commande pour le moment. Réessayez dans un instant ; si le problème persiste, appelez un responsable.</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="45" />
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="46" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="47" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="49" />
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/order/models.py" line="52" />
        <source>Refundable</source>
        <translation>Remboursable</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <location filename="../../pos/ui/scanner.py" line="303" />
        <source>This is not a receipt. Scan the QR code printed on the receipt.</source>
        <translation>Ce n’est pas un ticket. Scannez le QR code imprimé sur le ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/scanner.py" line="306" />
        <source>This code was not recognised</source>
        <translation>Ce code n’a pas été reconnu</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../../pos/ui/screens/search/screen.py" line="50" />
        <source>Find a sale</source>
        <translation>Retrouver une vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/screen.py" line="52" />
        <source>Name, e-mail, phone, order or card number</source>
        <translation>Nom, e-mail, tél., n° de commande ou de carte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/screen.py" line="53" />
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/screen.py" line="54" />
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/screen.py" line="66" />
        <source>Show older sales</source>
        <translation>Voir les ventes plus anciennes</translation>
    </message>
</context>
<context>
    <name>SearchViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/search/view_model.py" line="140" />
        <source>The sales history cannot be read right now. Try again in a moment; if it keeps failing, call a manager.</source>
        <translation>Impossible de lire l’historique des ventes pour le moment. Réessayez dans un instant ; si le problème persiste, appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/view_model.py" line="149" />
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/view_model.py" line="157" />
        <source>No sale found for “{query}”.
Check the spelling, or try the phone number or the order number.</source>
        <translation>Aucune vente trouvée pour « {query} ».
Vérifiez l’orthographe, ou essayez le numéro de téléphone ou le numéro de commande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/search/view_model.py" line="164" />
        <source>Type the customer's name, e-mail or phone number, or the order number.
You can also scan the QR code on the receipt.</source>
        <translation>Saisissez le nom, l’e-mail ou le téléphone du client, ou le numéro de commande.
Vous pouvez aussi scanner le QR code du ticket.</translation>
    </message>
</context>
</TS>