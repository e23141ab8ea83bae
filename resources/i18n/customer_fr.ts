<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CustomerCards</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="24"/>
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="25"/>
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
</context>
<context>
    <name>CustomerCardsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="89"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="90"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="91"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="92"/>
        <source>Valid until</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="97"/>
        <source>No end date</source>
        <translation>Sans fin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="100"/>
        <source>Expired {date}</source>
        <translation>Expirée le {date}</translation>
    </message>
</context>
<context>
    <name>CustomerDocumentsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="51"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="52"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="53"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="54"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="56"/>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
</context>
<context>
    <name>CustomerLink</name>
    <message>
        <location filename="../../pos/ui/screens/customer/link.py" line="36"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/link.py" line="39"/>
        <source>Customer file  ›</source>
        <translation>Fiche client  ›</translation>
    </message>
</context>
<context>
    <name>CustomerMethods</name>
    <message>
        <location filename="../../pos/ui/screens/settle/customer_methods.py" line="66"/>
        <source>Find by customer</source>
        <translation>Par client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/customer_methods.py" line="71"/>
        <source>New card for:
{name}</source>
        <translation>Nouvelle carte pour :
{name}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/customer_methods.py" line="72"/>
        <source>New card for:
nobody</source>
        <translation>Nouvelle carte :
sans client</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="36"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="37"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="38"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="39"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="138"/>
        <source>Find by customer</source>
        <translation>Les cartes d’un client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="139"/>
        <source>Whose card is it?</source>
        <translation>À qui est la carte ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="140"/>
        <source>Name, e-mail or phone</source>
        <translation>Nom, e-mail ou téléphone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="141"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="142"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="143"/>
        <source>No customer</source>
        <translation>Sans client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="148"/>
        <source>Tap the customer the new card belongs to.</source>
        <translation>Touchez le client à qui va la nouvelle carte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="150"/>
        <source>No card for this customer: find another one.</source>
        <translation>Aucune carte pour ce client : cherchez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="152"/>
        <source>Tap a card to pay with it.</source>
        <translation>Touchez une carte pour payer avec.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="162"/>
        <source>Nobody found: check the spelling, or try the e-mail.</source>
        <translation>Personne trouvé : vérifiez l’orthographe, ou essayez l’e-mail.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_picker.py" line="188"/>
        <source>This card is empty or no longer valid.</source>
        <translation>Cette carte est vide ou n’est plus valable.</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="160"/>
        <source>‹  Back to the order</source>
        <translation>‹  Retour à la commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="161"/>
        <source>More orders</source>
        <translation>Plus de commandes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="162"/>
        <source>Tap a document to see its receipt here.</source>
        <translation>Touchez un document pour voir son ticket ici.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="163"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="163"/>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="164"/>
        <source>Return rate</source>
        <translation>Taux de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="164"/>
        <source>On their cards</source>
        <translation>Sur ses cartes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="167"/>
        <source>No order.</source>
        <translation>Aucune commande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="169"/>
        <source>No exchange, refund or cancellation at the counter yet.</source>
        <translation>Aucun échange, remboursement ni annulation au comptoir pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="170"/>
        <source>No return request waiting.</source>
        <translation>Aucune demande de retour en attente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="171"/>
        <source>No gift card or store credit.</source>
        <translation>Aucune carte cadeau ni avoir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="199"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="204"/>
        <source>Customer — {name}</source>
        <translation>Client — {name}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="205"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="216"/>
        <source>Orders ({count})</source>
        <translation>Commandes ({count})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="216"/>
        <source>Documents ({count})</source>
        <translation>Documents ({count})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="217"/>
        <source>Requests ({count})</source>
        <translation>Demandes ({count})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/screen.py" line="217"/>
        <source>Cards ({count})</source>
        <translation>Cartes ({count})</translation>
    </message>
</context>
<context>
    <name>CustomerViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/view_model.py" line="69"/>
        <source>Opening the customer…</source>
        <translation>Ouverture du client…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/view_model.py" line="71"/>
        <source>This customer is no longer in the sales history.</source>
        <translation>Ce client n’est plus dans l’historique des ventes.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/view_model.py" line="73"/>
        <source>The customer cannot be read right now.</source>
        <translation>Le client ne peut pas être lu pour l’instant.</translation>
    </message>
</context>
<context>
    <name>CustomersTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="110"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="111"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="112"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
</context>
<context>
    <name>OpenRequestsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="68"/>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="69"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="70"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="71"/>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="72"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="73"/>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="78"/>
        <source>Approved</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/customer/models.py" line="78"/>
        <source>To decide</source>
        <translation>À décider</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="177"/>
        <source>This customer is no longer in the sales history. Choose another one.</source>
        <translation>Ce client n’est plus dans l’historique des ventes. Choisissez-en un autre.</translation>
    </message>
</context>
</TS>
