<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="46" />
        <source>Manager approval</source>
        <translation>Validation d'un responsable</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="73" />
        <source>A manager must approve</source>
        <translation>Un responsable doit valider</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="80" />
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="83" />
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="86" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="87" />
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="90" />
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="131" />
        <source>Tap the name of the manager who approves.</source>
        <translation>Touchez le nom du responsable qui valide.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="133" />
        <source>The manager types their PIN on the keypad.</source>
        <translation>Le responsable tape son code PIN sur le pavé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="135" />
        <source>Write why the manager approves (for the audit).</source>
        <translation>Indiquez pourquoi le responsable valide (pour le journal).</translation>
    </message>
    <message>
        <source>Loyal customer</source>
        <translation>Client fidèle</translation>
    </message>
    <message>
        <source>Goodwill gesture</source>
        <translation>Geste commercial</translation>
    </message>
    <message>
        <source>The shop's mistake</source>
        <translation>Erreur de la boutique</translation>
    </message>
    <message>
        <source>Faulty item</source>
        <translation>Article défectueux</translation>
    </message>
    <message>
        <source>Reason (tap one, or write it)</source>
        <translation>Motif (touchez-en un, ou écrivez-le)</translation>
    </message>
</context>
<context>
    <name>Balance</name>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="314" />
        <source>Equal exchange: nothing to pay</source>
        <translation>Échange à égalité : rien à payer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="315" />
        <source>To refund: {amount}</source>
        <translation>À rembourser : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="316" />
        <source>To collect: {amount}</source>
        <translation>À encaisser : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="317" />
        <source>No money moves</source>
        <translation>Aucun mouvement d'argent</translation>
    </message>
</context>
<context>
    <name>CardApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="177" />
        <source>Card terminal</source>
        <translation>Terminal de paiement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="197" />
        <source>Refund {amount} on the card terminal ({reference}).</source>
        <translation>Remboursez {amount} sur le terminal de paiement ({reference}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="199" />
        <source>Charge {amount} on the card terminal ({reference}).</source>
        <translation>Encaissez {amount} sur le terminal de paiement ({reference}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="202" />
        <source>Then type the approval code it prints.</source>
        <translation>Puis saisissez le code d'autorisation qu'il imprime.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="206" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval.py" line="207" />
        <source>Confirm</source>
        <translation>Valider</translation>
    </message>
</context>
<context>
    <name>CataloguePicker</name>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="147" />
        <source>Name, SKU or scan</source>
        <translation>Nom, référence ou scan</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="192" />
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="205" />
        <source>Out of stock</source>
        <translation>Rupture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="207" />
        <source>Only {count} left</source>
        <translation>Plus que {count}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="209" />
        <source>{count} in stock</source>
        <translation>{count} en stock</translation>
    </message>
</context>
<context>
    <name>LineRow</name>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="55" />
        <source>{count} can come back</source>
        <translation>{count} peut être rendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="86" />
        <source>Wrong size</source>
        <translation>Mauvaise taille</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="87" />
        <source>Not as expected</source>
        <translation>Ne correspond pas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="88" />
        <source>Faulty or damaged</source>
        <translation>Défectueux ou abîmé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="89" />
        <source>Changed their mind</source>
        <translation>A changé d'avis</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="90" />
        <source>Other reason</source>
        <translation>Autre motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="93" />
        <source>Reason…</source>
        <translation>Motif…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="101" />
        <source>Back to stock</source>
        <translation>Remise en stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="102" />
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="103" />
        <source>To inspect</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Other size</source>
        <translation>Autre taille</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="1"/>
        <source>An item brought back is refunded only as store credit. Refund it to a new gift card or as store credit.</source>
        <translation>Un article rapporté n’est remboursé qu’en avoir. Remboursez sur une nouvelle carte cadeau ou en avoir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="1"/>
        <source>The code {code} is already on another card. Use another card.</source>
        <translation>Le code {code} est déjà celui d’une autre carte. Prenez une autre carte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="1"/>
        <source>“{code}” is not a gift-card code. Scan the card again.</source>
        <translation>« {code} » n’est pas un code de carte cadeau. Scannez la carte à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="25" />
        <source>Nothing is selected yet. Tap + on each item the customer brings back.</source>
        <translation>Rien n'est encore choisi. Touchez + sur chaque article que le client rapporte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="28" />
        <source>Nothing is coming back yet. Tap + on each item the customer brings back.</source>
        <translation>Rien n'est encore rendu. Touchez + sur chaque article que le client rapporte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="31" />
        <source>An exchange needs a replacement item. Search or scan the new item, or make a refund instead.</source>
        <translation>Un échange demande un article de remplacement. Cherchez ou scannez le nouvel article, ou faites plutôt un remboursement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="36" />
        <source>New items can only be given in an exchange. Remove them, or start an exchange.</source>
        <translation>De nouveaux articles ne peuvent être donnés que dans un échange. Retirez-les, ou faites un échange.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="40" />
        <source>Order {order} has already been shipped or handed over, so it cannot be cancelled. Make a refund instead.</source>
        <translation>La commande {order} a déjà été expédiée ou remise : elle ne peut pas être annulée. Faites plutôt un remboursement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Order {order} is still waiting for its payment on Wix, and Wix cannot cancel it yet. Try again once the payment has gone through, or make a refund.</source>
        <translation>La commande {order} attend encore son paiement sur Wix, qui ne peut pas encore l’annuler. Réessayez une fois le paiement passé, ou faites un remboursement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>The payment of order {order} was declined on Wix: it was never paid, and Wix cannot cancel it. Nothing is to be refunded.</source>
        <translation>Le paiement de la commande {order} a été refusé sur Wix : elle n’a jamais été payée, et Wix ne peut pas l’annuler. Il n’y a rien à rembourser.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="45" />
        <source>Everything in order {order} has already come back: nothing is left to cancel.</source>
        <translation>Tout a déjà été rendu sur la commande {order} : il ne reste rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="48" />
        <source>A quantity must be at least 1. Set it again with + and −.</source>
        <translation>Une quantité doit valoir au moins 1. Réglez-la avec + et −.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="51" />
        <source>This item is no longer part of the order. Go back and open the order again.</source>
        <translation>Cet article ne fait plus partie de la commande. Revenez en arrière et rouvrez la commande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="54" />
        <source>Only {returnable} × “{name}” can still come back ({requested} asked). Lower the quantity.</source>
        <translation>Seulement {returnable} × « {name} » peut encore être rendu ({requested} demandé). Réduisez la quantité.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="58" />
        <source>“{name}” is priced in {currency} but the order was paid in {expected}. Choose another item or call a manager.</source>
        <translation>« {name} » est en {currency} mais la commande a été payée en {expected}. Choisissez un autre article ou appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="63" />
        <source>“{name}” has a negative price ({price}). Remove it and ask a manager to fix the catalogue.</source>
        <translation>« {name} » a un prix négatif ({price}). Retirez-le et demandez à un responsable de corriger le catalogue.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="68" />
        <source>“{name}” has an invalid tax rate ({rate}). Remove it and ask a manager to fix the catalogue.</source>
        <translation>« {name} » a un taux de TVA invalide ({rate}). Retirez-le et demandez à un responsable de corriger le catalogue.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="73" />
        <source>Choose a reason for every item that comes back.</source>
        <translation>Choisissez un motif pour chaque article rendu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="76" />
        <source>Write a note for the customer explaining the cancellation.</source>
        <translation>Écrivez une note au client expliquant l'annulation.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="79" />
        <source>This order had no shipping charge: there is no shipping to refund.</source>
        <translation>Cette commande n'avait pas de frais de livraison : rien à rembourser.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="82" />
        <source>Shipping ({shipping}) was already refunded for this order.</source>
        <translation>La livraison ({shipping}) a déjà été remboursée pour cette commande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="85" />
        <source>Shipping can only be refunded when the cancellation gives money back.</source>
        <translation>La livraison n'est remboursée que si l'annulation rembourse le client.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="89" />
        <source>A payment is in {currency} but the balance is in {expected}. Remove it and enter it again.</source>
        <translation>Un paiement est en {currency} mais le solde est en {expected}. Supprimez-le et saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="94" />
        <source>An amount must be more than zero. Enter the amount again.</source>
        <translation>Le montant doit être supérieur à zéro. Saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="97" />
        <source>Nothing is due either way. Remove the payments entered ({tendered}) and confirm.</source>
        <translation>Rien n'est dû. Supprimez les paiements saisis ({tendered}) et validez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="101" />
        <source>This cannot be used for a refund. Choose the original payment, cash, a gift card or store credit.</source>
        <translation>Ce moyen ne sert pas à rembourser. Choisissez le paiement d'origine, les espèces, une carte cadeau ou un avoir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="106" />
        <source>This cannot be used to take a payment. Choose cash, card or a gift card.</source>
        <translation>Ce moyen ne sert pas à encaisser. Choisissez espèces, carte ou carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="109" />
        <source>Enter cash only once: remove the extra cash line and enter the total given.</source>
        <translation>Saisissez les espèces une seule fois : supprimez la ligne en trop et saisissez le total reçu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="112" />
        <source>The payments entered ({tendered}) do not match the amount due ({due}): {difference} is still open. Add or remove a payment.</source>
        <translation>Les paiements saisis ({tendered}) ne correspondent pas au montant dû ({due}) : il reste {difference}. Ajoutez ou retirez un paiement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="117" />
        <source>Choose which payment of the order gets the refund.</source>
        <translation>Choisissez le paiement de la commande à rembourser.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="120" />
        <source>This payment is not part of the order. Go back and open the order again.</source>
        <translation>Ce paiement ne fait pas partie de la commande. Revenez en arrière et rouvrez la commande.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="123" />
        <source>This payment was already refunded in full. Refund in cash, to a gift card or as store credit.</source>
        <translation>Ce paiement a déjà été remboursé en totalité. Remboursez en espèces, sur une carte cadeau ou en avoir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="128" />
        <source>At most {refundable} can go back to this payment ({asked} asked). Refund the rest another way.</source>
        <translation>Au plus {refundable} peut revenir sur ce paiement ({asked} demandé). Remboursez le reste autrement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="133" />
        <source>A gift-card payment can only be refunded whole ({refundable}). Refund all of it, or use cash or a new gift card.</source>
        <translation>Un paiement par carte cadeau ne se rembourse qu'en entier ({refundable}). Remboursez-le en entier, ou rendez en espèces ou sur une nouvelle carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="138" />
        <source>The gift-card payment ({refundable}) is more than the refund ({due}) and can only be refunded whole. Refund in cash or to a new gift card.</source>
        <translation>Le paiement par carte cadeau ({refundable}) dépasse le remboursement ({due}) et ne se rembourse qu'en entier. Remboursez en espèces ou sur une nouvelle carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="143" />
        <source>Card and gift-card payments ({tendered}) are more than what is due ({due}). Lower them: only cash gives change.</source>
        <translation>Les paiements par carte et carte cadeau ({tendered}) dépassent le montant dû ({due}). Réduisez-les : seules les espèces rendent la monnaie.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="148" />
        <source>The other payments already cover {due}, so the cash ({cash}) is not needed. Remove it.</source>
        <translation>Les autres paiements couvrent déjà {due} : les espèces ({cash}) sont inutiles. Retirez-les.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="152" />
        <source>Type or scan the gift card's code first.</source>
        <translation>Saisissez ou scannez d'abord le code de la carte cadeau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="155" />
        <source>Gift card {gift_card_code} was not found. Check the code or scan it again.</source>
        <translation>Carte cadeau {gift_card_code} introuvable. Vérifiez le code ou scannez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="158" />
        <source>Gift card {code} was not found. Check the code or scan it again.</source>
        <translation>Carte cadeau {code} introuvable. Vérifiez le code ou scannez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="161" />
        <source>Gift card {gift_card_code} is in {currency} and cannot pay this. Choose another way to pay.</source>
        <translation>La carte cadeau {gift_card_code} est en {currency} et ne peut pas payer ce solde. Choisissez un autre moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="161" />
        <source>Gift card {code} was valid until {valid_until}: it has expired and can no longer pay. Remove it and choose another way to pay.</source>
        <translation>La carte cadeau {code} était valable jusqu’au {valid_until} : elle a expiré et ne peut plus servir à payer. Retirez-la et choisissez un autre moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="166" />
        <source>Gift card {gift_card_code} holds only {balance} ({asked} asked). Lower the amount and take the rest another way.</source>
        <translation>La carte cadeau {gift_card_code} ne contient que {balance} ({asked} demandé). Réduisez le montant et encaissez le reste autrement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="172" />
        <source>The return policy has a setting this till does not know. Call a manager.</source>
        <translation>La politique de retour contient un réglage inconnu de cette caisse. Appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="175" />
        <source>The return policy setting “{key}” is not valid. Call a manager.</source>
        <translation>Le réglage « {key} » de la politique de retour n'est pas valide. Appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="179" />
        <source>This order is no longer in the sales history. Search for it again.</source>
        <translation>Cette commande n'est plus dans l'historique des ventes. Cherchez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="182" />
        <source>Order {number} is cancelled: nothing more can be returned on it.</source>
        <translation>La commande {number} est annulée : plus rien ne peut y être rendu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="185" />
        <source>No item has the code “{code}”. Check the code, or search by name.</source>
        <translation>Aucun article n'a le code « {code} ». Vérifiez le code, ou cherchez par nom.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="188" />
        <source>Not enough “{name}” in stock for {requested}. Choose another size or colour, or lower the quantity.</source>
        <translation>Pas assez de « {name} » en stock pour {requested}. Choisissez une autre taille ou couleur, ou réduisez la quantité.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="194" />
        <source>Your role may not do this. Ask a manager to do it or to approve it.</source>
        <translation>Votre rôle ne permet pas cette action. Demandez à un responsable de la faire ou de la valider.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="197" />
        <source>A manager must approve this first: {rules}. Ask a manager for their PIN.</source>
        <translation>Un responsable doit d'abord valider : {rules}. Demandez-lui son code PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="200" />
        <source>Nobody is called “{username}” on this till. Choose a name from the list.</source>
        <translation>Personne ne s'appelle « {username} » sur cette caisse. Choisissez un nom dans la liste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="203" />
        <source>{username}'s account is switched off. Ask another manager.</source>
        <translation>Le compte de {username} est désactivé. Demandez à un autre responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="206" />
        <source>The approval could not be recorded. Try again, or call a manager.</source>
        <translation>La validation n'a pas pu être enregistrée. Réessayez, ou appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="210" />
        <source>{username}'s account has been switched off: nothing was saved. Log out and ask a manager.</source>
        <translation>Le compte de {username} a été désactivé : rien n'a été enregistré. Déconnectez-vous et demandez à un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="215" />
        <source>The account {username} no longer exists on this till: nothing was saved. Log out and log in again.</source>
        <translation>Le compte {username} n'existe plus sur cette caisse : rien n'a été enregistré. Déconnectez-vous puis reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="209" />
        <source>Too many wrong PINs: this account is locked until {until}. Ask another manager.</source>
        <translation>Trop de codes PIN erronés : ce compte est bloqué jusqu'à {until}. Demandez à un autre responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="214" />
        <source>The card was declined. Ask for another card or another way to pay.</source>
        <translation>La carte a été refusée. Demandez une autre carte ou un autre moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="217" />
        <source>The terminal did not answer. Check on the terminal whether the payment went through before trying again.</source>
        <translation>Le terminal n'a pas répondu. Vérifiez sur le terminal si le paiement est passé avant de réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="222" />
        <source>The card payment was cancelled: nothing was charged. Try again if needed.</source>
        <translation>Le paiement par carte a été annulé : rien n'a été débité. Réessayez si besoin.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="225" />
        <source>The approval code must be 4 to 12 letters or digits, as printed by the terminal. Enter it again.</source>
        <translation>Le code d'autorisation compte 4 à 12 lettres ou chiffres, comme imprimé par le terminal. Saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="230" />
        <source>The terminal gave an answer this till does not understand. Call a manager.</source>
        <translation>Le terminal a donné une réponse que la caisse ne comprend pas. Appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="234" />
        <source>The shop's database cannot be used right now (busy, full or out of reach): nothing was saved. Everything is still on screen: try again in a moment; if it keeps failing, call a manager.</source>
        <translation>La base de données de la boutique est inutilisable pour le moment (occupée, pleine ou injoignable) : rien n'a été enregistré. Tout est encore à l'écran : réessayez dans un instant ; si cela recommence, appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="235" />
        <source>Wrong PIN. One more wrong try locks this account: check it carefully.</source>
        <translation>Code PIN erroné. Encore une erreur et ce compte sera bloqué : vérifiez bien.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="238" />
        <source>Wrong PIN. {attempts_left} tries are left. Enter it again.</source>
        <translation>Code PIN erroné. Il reste {attempts_left} essais. Saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="241" />
        <source>Wrong PIN. This account is now locked: ask another manager.</source>
        <translation>Code PIN erroné. Ce compte est maintenant bloqué : demandez à un autre responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="244" />
        <source>Something went wrong and nothing was saved. Try again; if it keeps failing, call a manager.</source>
        <translation>Un problème est survenu et rien n'a été enregistré. Réessayez ; si cela recommence, appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="250" />
        <source>refund above the limit</source>
        <translation>remboursement au-dessus du plafond</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="251" />
        <source>outside the return window</source>
        <translation>hors du délai de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="252" />
        <source>final-sale item</source>
        <translation>article vendu sans reprise</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="253" />
        <source>refund of an exchange-only item</source>
        <translation>remboursement d'un article échange seulement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="254" />
        <source>shipping refund</source>
        <translation>remboursement de la livraison</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="255" />
        <source>order cancellation</source>
        <translation>annulation de commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="256" />
        <source>price changed by hand</source>
        <translation>prix modifié à la main</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="257" />
        <source>a fresh approval</source>
        <translation>une nouvelle validation</translation>
    </message>
</context>
<context>
    <name>OrderActionsBar</name>
    <message>
        <location filename="../../pos/ui/screens/returns/__init__.py" line="153" />
        <source>Reprint receipt</source>
        <translation>Réimprimer le reçu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/__init__.py" line="146" />
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/__init__.py" line="148" />
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/__init__.py" line="149" />
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Order cancelled: no exchange, refund or cancellation.</source>
        <translation>Commande annulée : ni échange, ni remboursement, ni annulation.</translation>
    </message>
    <message>
        <source>Everything on this order has already come back: nothing to exchange, refund or cancel.</source>
        <translation>Tout est déjà revenu sur cette commande : rien à échanger, rembourser ou annuler.</translation>
    </message>
    <message>
        <source>Payment pending on Wix: cancellation impossible.</source>
        <translation>Paiement en attente sur Wix : annulation impossible.</translation>
    </message>
    <message>
        <source>Payment declined on Wix: cancellation impossible.</source>
        <translation>Paiement refusé sur Wix : annulation impossible.</translation>
    </message>
    <message>
        <source>Order shipped: cancellation impossible.</source>
        <translation>Commande expédiée : annulation impossible.</translation>
    </message>
</context>
<context>
    <name>PickerViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/returns/picker.py" line="101" />
        <source>No product found.</source>
        <translation>Aucun produit trouvé.</translation>
    </message>
</context>
<context>
    <name>ProductsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="43" />
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="44" />
        <source>From</source>
        <translation>À partir de</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="45" />
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
</context>
<context>
    <name>ReplacementsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="22" />
        <source>New item</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="23" />
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="24" />
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/models.py" line="26" />
        <source>Price</source>
        <translation>Prix</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="155" />
        <source>‹  Back to the order</source>
        <translation>‹  Retour à la commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="167" />
        <source>Replacement</source>
        <translation>Remplacement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="184" />
        <source>Give the money back</source>
        <translation>Rembourser le client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="186" />
        <source>Note for the customer</source>
        <translation>Note pour le client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="190" />
        <source>Remove one</source>
        <translation>En retirer un</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="191" />
        <source>New items</source>
        <translation>Nouveaux articles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="193" />
        <source>What comes back</source>
        <translation>Articles rendus</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="208" />
        <source>Continue  ›</source>
        <translation>Continuer  ›</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="273" />
        <source>Exchange — order {number}</source>
        <translation>Échange — commande {number}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="274" />
        <source>Refund — order {number}</source>
        <translation>Remboursement — commande {number}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="275" />
        <source>Cancellation — order {number}</source>
        <translation>Annulation — commande {number}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="296" />
        <source>Coming back: {amount}</source>
        <translation>Rendu : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="298" />
        <source>New items: {amount}</source>
        <translation>Nouveaux articles : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="300" />
        <source>Fees: {amount}</source>
        <translation>Frais : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/screen.py" line="307" />
        <source>A manager must approve: {rules}</source>
        <translation>Validation d'un responsable : {rules}</translation>
    </message>
</context>
<context>
    <name>ReturnsViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/returns/view_model.py" line="113" />
        <source>Adding the item…</source>
        <translation>Ajout de l'article…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/returns/view_model.py" line="158" />
        <source>Calculating…</source>
        <translation>Calcul en cours…</translation>
    </message>
</context>
<context>
    <name>SettleScreen</name>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="53" />
        <source>‹  Back to the items</source>
        <translation>‹  Retour aux articles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="77" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="79" />
        <source>Customer e-mail (receipt)</source>
        <translation>E-mail du client (ticket)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="81" />
        <source>Note for the customer</source>
        <translation>Note pour le client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="83" />
        <source>Confirm</source>
        <translation>Valider</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="100" />
        <source>Gift card code (type or scan)</source>
        <translation>Code de la carte cadeau (saisir ou scanner)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="102" />
        <source>Nothing to pay and nothing to refund: check the items, then confirm.</source>
        <translation>Rien à payer, rien à rembourser : vérifiez les articles, puis validez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="118" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="159" />
        <location filename="../../pos/ui/screens/settle/screen.py" line="163" />
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="160" />
        <source>New gift card</source>
        <translation>Nouvelle carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="161" />
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="164" />
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="165" />
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="174" />
        <source>{method} {reference} — up to {amount}</source>
        <translation>{method} {reference} — jusqu'à {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="205" />
        <source>Settle — order {number}</source>
        <translation>Règlement — commande {number}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="215" />
        <source>Still to settle: {amount}</source>
        <translation>Reste à régler : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="222" />
        <source>Change to give: {amount}</source>
        <translation>Monnaie à rendre : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="237" />
        <source>Saved as {number}.</source>
        <translation>Enregistré sous le numéro {number}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="240" />
        <source>Give back {amount} in change.</source>
        <translation>Rendez {amount} de monnaie.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="246" />
        <source>Gift card {code}: {amount}</source>
        <translation>Carte cadeau {code} : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/screen.py" line="250" />
        <source>The receipt is printing.</source>
        <translation>Le ticket s'imprime.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Monnaie : {amount}</translation>
    </message>
    <message>
        <source>The receipt goes by e-mail to {email}.</source>
        <translation>Le ticket part par e-mail à {email}.</translation>
    </message>
    <message>
        <source>The receipt is printing and goes by e-mail to {email}.</source>
        <translation>Le ticket s'imprime et part par e-mail à {email}.</translation>
    </message>
    <message>
        <source>No receipt, as the customer asked.</source>
        <translation>Pas de ticket, à la demande du client.</translation>
    </message>
</context>
<context>
    <name>SettleViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="112" />
        <source>Back to {method} {reference}</source>
        <translation>Retour sur {method} {reference}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="122" />
        <source>Cash given</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="122" />
        <source>Cash back</source>
        <translation>Rendu en espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="126" />
        <source>New gift card</source>
        <translation>Nouvelle carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="129" />
        <source>Store credit</source>
        <translation>Avoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="137" />
        <source>Gift card {code}</source>
        <translation>Carte cadeau {code}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="148" />
        <source>Waiting for the card terminal…</source>
        <translation>En attente du terminal de paiement…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="166" />
        <source>Nobody is logged in at this till. Log in, then confirm.</source>
        <translation>Personne n'est connecté à cette caisse. Connectez-vous, puis validez.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="175" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/view_model.py" line="199" />
        <source>Card (approval {code})</source>
        <translation>Carte (autorisation {code})</translation>
    </message>
    <message>
        <source>Back: {quantity} × {name} ({amount})</source>
        <translation>Repris : {quantity} × {name} ({amount})</translation>
    </message>
    <message>
        <source>New: {quantity} × {name} ({amount})</source>
        <translation>Nouveau : {quantity} × {name} ({amount})</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Type the customer's e-mail, or choose another receipt.</source>
        <translation>Tapez l'e-mail du client, ou choisissez un autre ticket.</translation>
    </message>
</context>
<context>
    <name>TendersTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/settle/models.py" line="21" />
        <source>Tender</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settle/models.py" line="23" />
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
</TS>