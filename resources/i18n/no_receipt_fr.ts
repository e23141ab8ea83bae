<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>CustomerPage</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="132" />
            <source>‹  The items</source>
            <translation>‹  Les articles</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="133" />
            <source>Customer and refund</source>
            <translation>Client et remboursement</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="134" />
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="135" />
            <source>Name, e-mail or phone</source>
            <translation>Nom, e-mail ou téléphone</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="136" />
            <source>Not found? A new customer</source>
            <translation>Introuvable ? Nouveau client</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="137" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="138" />
            <source>Phone or e-mail</source>
            <translation>Téléphone ou e-mail</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="139" />
            <source>New customer</source>
            <translation>Nouveau client</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="140" />
            <source>Refund as</source>
            <translation>Rembourser en</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="141" />
            <source>Store credit</source>
            <translation>Avoir</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="142" />
            <source>New gift card</source>
            <translation>Nouvelle carte cadeau</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="143" />
            <source>Validate</source>
            <translation>Valider</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="179" />
            <source>No customer chosen yet: find them on the left, or note a new one.</source>
            <translation>Aucun client choisi : cherchez-le à gauche, ou notez-en un nouveau.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="181" />
            <source>New customer: {name} ({contact})</source>
            <translation>Nouveau client : {name} ({contact})</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/customer_page.py" line="194" />
            <source>Given back: {amount}</source>
            <translation>Rendu : {amount}</translation>
        </message>
    </context>
    <context>
        <name>CustomersTableModel</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="85" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="86" />
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="87" />
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../pos/ui/screens/__init__.py" line="228" />
            <source>Return without a receipt</source>
            <translation>Retour sans ticket</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../pos/ui/messages.py" line="273" />
            <source>“{sku}” has not sold in the last {days} days, so it has no price to take it back at without a receipt. Call a manager.</source>
            <translation>« {sku} » ne s'est pas vendu ces {days} derniers jours : il n'a pas de prix de reprise sans ticket. Appelez un responsable.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="278" />
            <source>“{sku}” is a final-sale item: it cannot come back without a receipt.</source>
            <translation>« {sku} » est un article vendu ferme : il ne peut pas être repris sans ticket.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="281" />
            <source>Nothing is coming back yet. Scan the item or find it in the catalogue.</source>
            <translation>Rien n'est encore repris. Scannez l'article ou cherchez-le dans le catalogue.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="284" />
            <source>Over this customer's limit without a receipt: {left} is left, {asked} asked. Take fewer items back.</source>
            <translation>Au-delà du plafond sans ticket de ce client : il reste {left}, {asked} demandés. Reprenez moins d'articles.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="289" />
            <source>Over the shop's limit for today without a receipt: {left} is left, {asked} asked. Take fewer items back, or come back tomorrow.</source>
            <translation>Au-delà du plafond sans ticket du magasin pour aujourd'hui : il reste {left}, {asked} demandés. Reprenez moins d'articles, ou revenez demain.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="294" />
            <source>Choose why the item comes back (for “Other reason”, say it in words).</source>
            <translation>Choisissez pourquoi l'article revient (pour « Autre raison », écrivez-la).</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="297" />
            <source>Choose the customer, or note a new one with a name and a phone or an e-mail.</source>
            <translation>Choisissez le client, ou notez-en un nouveau avec un nom et un téléphone ou un e-mail.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="301" />
            <source>Without a receipt the refund is only store credit or a new gift card. Choose one.</source>
            <translation>Sans ticket, le remboursement se fait seulement en avoir ou sur une nouvelle carte cadeau. Choisissez.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="305" />
            <source>An item without a receipt goes back to stock or is damaged. Choose one.</source>
            <translation>Un article sans ticket retourne en stock ou est abîmé. Choisissez.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="311" />
            <source>The drawer of this counter is not open: nothing was saved. Open it on the Closing screen first.</source>
            <translation>Le tiroir de cette caisse n'est pas ouvert : rien n'a été enregistré. Ouvrez-le d'abord dans l'écran Clôture.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="318" />
            <source>The shop has taken back today all the returns without a receipt it allows. Come back tomorrow, or call a manager.</source>
            <translation>Le magasin a repris aujourd'hui tous les retours sans ticket permis. Revenez demain, ou appelez un responsable.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="346" />
            <source>return without a receipt</source>
            <translation>retour sans ticket</translation>
        </message>
    </context>
    <context>
        <name>NoReceipt</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="53" />
            <source>current price: {unit}</source>
            <translation>prix actuel : {unit}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="55" />
            <source>lowest sold price over {days} days: {unit}, {date}</source>
            <translation>prix vendu le plus bas sur {days} jours : {unit}, le {date}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="62" />
            <source>Left for {customer}: {left} (of {limit} over {days} days)</source>
            <translation>Reste pour {customer} : {left} (sur {limit} en {days} jours)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="64" />
            <source>Left today: {left}</source>
            <translation>Reste aujourd'hui : {left}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/models.py" line="72" />
            <source>{count} returns left today</source>
            <translation>{count} retours possibles aujourd'hui</translation>
        </message>
    </context>
    <context>
        <name>NoReceiptEntry</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/entry.py" line="49" />
            <source>No receipt  ›</source>
            <translation>Sans ticket  ›</translation>
        </message>
    </context>
    <context>
        <name>NoReceiptLineRow</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="79" />
            <source>Back to stock</source>
            <translation>Retour en stock</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="80" />
            <source>Damaged</source>
            <translation>Abîmé</translation>
        </message>
    </context>
    <context>
        <name>NoReceiptPolicyBox</name>
        <message>
            <location filename="../../pos/ui/screens/settings/no_receipt_policy.py" line="45" />
            <source>Returns without a receipt</source>
            <translation>Retours sans ticket</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/no_receipt_policy.py" line="46" />
            <source>Lowest price sold</source>
            <translation>Prix vendu le plus bas</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/no_receipt_policy.py" line="47" />
            <source>Current price</source>
            <translation>Prix actuel</translation>
        </message>
    </context>
    <context>
        <name>NoReceiptScreen</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="186" />
            <source>‹  Back to the search</source>
            <translation>‹  Retour à la recherche</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="187" />
            <source>Return without a receipt</source>
            <translation>Retour sans ticket</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="188" />
            <source>Scan or find the item</source>
            <translation>Scannez ou cherchez l'article</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="189" />
            <source>What comes back</source>
            <translation>Ce qui revient</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="190" />
            <source>Scan the item, or find it by name on the right.</source>
            <translation>Scannez l'article, ou cherchez-le par son nom à droite.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="191" />
            <source>Why it comes back</source>
            <translation>Pourquoi il revient</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="193" />
            <source>A gift</source>
            <translation>Un cadeau</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="193" />
            <source>Receipt lost</source>
            <translation>Ticket perdu</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="194" />
            <source>Faulty</source>
            <translation>Défectueux</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="194" />
            <source>Wrong size</source>
            <translation>Mauvaise taille</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="195" />
            <source>Changed their mind</source>
            <translation>Changement d'avis</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="195" />
            <source>Other reason</source>
            <translation>Autre raison</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="197" />
            <source>In the customer's words (optional)</source>
            <translation>Avec les mots du client (facultatif)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="198" />
            <source>Customer and refund  ›</source>
            <translation>Client et remboursement  ›</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="245" />
            <source>Given back: {amount}</source>
            <translation>Rendu : {amount}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/screen.py" line="254" />
            <source>{basis} × {count} = {credit}</source>
            <translation>{basis} × {count} = {credit}</translation>
        </message>
    </context>
    <context>
        <name>NoReceiptViewModel</name>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/view_model.py" line="106" />
            <source>Looking the item up…</source>
            <translation>Recherche de l'article…</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/view_model.py" line="253" />
            <source>Nothing was done: a return without a receipt needs a manager's approval.</source>
            <translation>Rien n'a été fait : un retour sans ticket demande l'accord d'un responsable.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/view_model.py" line="266" />
            <source>Saving…</source>
            <translation>Enregistrement…</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/view_model.py" line="287" />
            <source>Return {number} without a receipt: {amount} on the new gift card {code}. The receipt and the card's slip are printing.</source>
            <translation>Retour sans ticket {number} : {amount} sur la nouvelle carte cadeau {code}. Le ticket et le bon de la carte s'impriment.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/no_receipt/view_model.py" line="290" />
            <source>Return {number} without a receipt: {amount} as store credit {code}. The receipt and the credit's slip are printing.</source>
            <translation>Retour sans ticket {number} : {amount} en avoir {code}. Le ticket et le bon de l'avoir s'impriment.</translation>
        </message>
    </context>
    <context>
        <name>SettingsMessages</name>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="178" />
            <source>No receipt: value at</source>
            <translation>Sans ticket : valeur au</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="179" />
            <source>Lowest price over (days)</source>
            <translation>Prix le plus bas sur (jours)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="182" />
            <source>Most per customer</source>
            <translation>Plafond par client</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="185" />
            <source>...over (days)</source>
            <translation>…sur (jours)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="188" />
            <source>Most per day</source>
            <translation>Plafond par jour</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/settings/models.py" line="189" />
            <source>Returns per day (0: any)</source>
            <translation>Retours par jour (0 : sans limite)</translation>
        </message>
    </context>
</TS>
