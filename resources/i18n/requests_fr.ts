<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
    <context>
        <name>RecordRequestScreen</name>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="120" />
            <source>‹  Back to the order</source>
            <translation>‹  Retour à la commande</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="121" />
            <source>What the customer wants to return</source>
            <translation>Ce que le client veut retourner</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="122" />
            <source>Customer's note (optional)</source>
            <translation>Note du client (facultative)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="123" />
            <source>Photos in “{folder}” (tap to attach)</source>
            <translation>Photos du dossier « {folder} » (touchez pour joindre)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="125" />
            <source>No photo in the folder: the request goes without.</source>
            <translation>Aucune photo dans le dossier : la demande part sans.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="126" />
            <source>Record the request</source>
            <translation>Enregistrer la demande</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record.py" line="132" />
            <source>Return request — {number}</source>
            <translation>Demande de retour — {number}</translation>
        </message>
    </context>
    <context>
        <name>RecordRequestViewModel</name>
        <message>
            <location filename="../../pos/ui/screens/requests/record_view_model.py" line="112" />
            <source>At most 6 photos per request.</source>
            <translation>6 photos au plus par demande.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record_view_model.py" line="132" />
            <source>Recording the request…</source>
            <translation>Enregistrement de la demande…</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record_view_model.py" line="148" />
            <source>Request recorded for order {number}: it waits for a manager's decision in Return requests.</source>
            <translation>Demande enregistrée pour la commande {number} : elle attend la décision d'un responsable dans Demandes de retour.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/record_view_model.py" line="155" />
            <source>A photo cannot be read. Leave it out and try again.</source>
            <translation>Une photo est illisible. Retirez-la et réessayez.</translation>
        </message>
    </context>
    <context>
        <name>RequestActionButton</name>
        <message>
            <location filename="../../pos/ui/screens/requests/counter.py" line="75" />
            <source>Return request</source>
            <translation>Demande de retour</translation>
        </message>
    </context>
    <context>
        <name>Requests</name>
                            <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="44" />
            <source>This request was already decided meanwhile. The list is read again.</source>
            <translation>Cette demande a déjà été tranchée entre-temps. La liste est relue.</translation>
        </message>
            <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="50" />
            <source>Nothing is asked yet. Tap + on each item the customer wants to return.</source>
            <translation>Rien n'est demandé. Touchez + sur chaque article que le client veut retourner.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="53" />
            <source>Say why the request is refused: tap a reason or write it.</source>
            <translation>Dites pourquoi la demande est refusée : touchez un motif ou écrivez-le.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="56" />
            <source>A photo is not a JPEG or PNG picture. Leave it out.</source>
            <translation>Une photo n'est pas une image JPEG ou PNG. Retirez-la.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="59" />
            <source>A photo is too large (5 MB at most). Leave it out.</source>
            <translation>Une photo est trop lourde (5 Mo au plus). Retirez-la.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="62" />
            <source>A photo file is empty. Leave it out.</source>
            <translation>Un fichier photo est vide. Retirez-le.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="63" />
            <source>At most 6 photos per request.</source>
            <translation>6 photos au plus par demande.</translation>
        </message>
                <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="72" />
            <source>A photo of this request is no longer there. The list is read again.</source>
            <translation>Une photo de cette demande n'existe plus. La liste est relue.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="114" />
            <source>Wrong size</source>
            <translation>Mauvaise taille</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="115" />
            <source>Not as expected</source>
            <translation>Pas comme attendu</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="116" />
            <source>Faulty or damaged</source>
            <translation>Défectueux ou abîmé</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="117" />
            <source>Changed their mind</source>
            <translation>A changé d'avis</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="118" />
            <source>Other reason</source>
            <translation>Autre motif</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="121" />
            <source>Too late</source>
            <translation>Trop tard</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="122" />
            <source>Worn or used</source>
            <translation>Porté ou utilisé</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="123" />
            <source>Not bought here</source>
            <translation>Pas acheté ici</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="124" />
            <source>Final sale</source>
            <translation>Vente finale</translation>
        </message>
    </context>
    <context>
        <name>RequestsBadge</name>
        <message>
            <location filename="../../pos/ui/screens/requests/counter.py" line="59" />
            <source>Return requests to look at: {count}</source>
            <translation>Demandes de retour à voir : {count}</translation>
        </message>
    </context>
    <context>
        <name>RequestsScreen</name>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="147" />
            <source>‹  Back</source>
            <translation>‹  Retour</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="148" />
            <source>Return requests</source>
            <translation>Demandes de retour</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="149" />
            <source>Tap a request in the list to see it.</source>
            <translation>Touchez une demande de la liste pour la voir.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="150" />
            <source>Why refuse?</source>
            <translation>Motif du refus</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="152" />
            <source>Reject</source>
            <translation>Refuser</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="153" />
            <source>Approve</source>
            <translation>Accepter</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="154" />
            <source>Open at the counter</source>
            <translation>Ouvrir au comptoir</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="169" />
            <source>To decide ({count})</source>
            <translation>À décider ({count})</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="170" />
            <source>Approved ({count})</source>
            <translation>Acceptées ({count})</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="171" />
            <source>Expired ({count})</source>
            <translation>Expirées ({count})</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="182" />
            <source>No request waits for a decision.</source>
            <translation>Aucune demande n'attend de décision.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="183" />
            <source>No approved request waits for its customer.</source>
            <translation>Aucune demande acceptée n'attend son client.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="184" />
            <source>No approved request has expired.</source>
            <translation>Aucune demande acceptée n'a expiré.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="211" />
            <source>Order {number} — {customer}</source>
            <translation>Commande {number} — {customer}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="212" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="216" />
            <source>Amount: {amount}</source>
            <translation>Montant : {amount}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="218" />
            <source>Reason: {reason}</source>
            <translation>Motif : {reason}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="220" />
            <source>Note: {note}</source>
            <translation>Note : {note}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="221" />
            <source>Recorded {when} by {who}</source>
            <translation>Enregistrée le {when} par {who}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="225" />
            <source>Decision: {reason}</source>
            <translation>Décision : {reason}</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/screen.py" line="228" />
            <source>{number} — valid until {when}</source>
            <translation>{number} — valable jusqu'au {when}</translation>
        </message>
    </context>
    <context>
        <name>RequestsTableModel</name>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="39" />
            <source>Recorded</source>
            <translation>Enregistrée</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="39" />
            <source>Valid until</source>
            <translation>Valable jusqu'au</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="40" />
            <source>Expired on</source>
            <translation>Expirée le</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="42" />
            <source>Order</source>
            <translation>Commande</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="43" />
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="43" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="44" />
            <source>Qty</source>
            <translation>Qté</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/models.py" line="45" />
            <source>Amount</source>
            <translation>Montant</translation>
        </message>
    </context>
    <context>
        <name>RequestsViewModel</name>
        <message>
            <location filename="../../pos/ui/screens/requests/view_model.py" line="150" />
            <source>Approved: the customer gets the authorisation by e-mail.</source>
            <translation>Acceptée : le client reçoit l'autorisation par e-mail.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/view_model.py" line="154" />
            <source>Say why the request is refused: tap a reason or write it.</source>
            <translation>Dites pourquoi la demande est refusée : touchez un motif ou écrivez-le.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/screens/requests/view_model.py" line="159" />
            <source>Refused: the customer is told why by e-mail.</source>
            <translation>Refusée : le client en reçoit le motif par e-mail.</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="24" />
            <source>Return authorisation {number} expired on {expires_at}. A manager can record a new request for this order.</source>
            <translation>L'autorisation de retour {number} a expiré le {expires_at}. Un responsable peut enregistrer une nouvelle demande pour cette commande.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="29" />
            <source>Return authorisation {number} was already used: its items came back.</source>
            <translation>L'autorisation de retour {number} a déjà servi : ses articles sont revenus.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="32" />
            <source>Return request {number} was refused by a manager: nothing to take back.</source>
            <translation>La demande de retour {number} a été refusée par un responsable : rien à reprendre.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="35" />
            <source>This return request is still waiting for a manager's decision. Ask a manager to approve it first.</source>
            <translation>Cette demande de retour attend encore la décision d'un responsable. Demandez-lui d'abord de l'accepter.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="40" />
            <source>No return authorisation has this number. Check the number, or search the order.</source>
            <translation>Aucune autorisation de retour ne porte ce numéro. Vérifiez le numéro, ou cherchez la commande.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="47" />
            <source>This request is no longer there. The list is read again.</source>
            <translation>Cette demande n'existe plus. La liste est relue.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="64" />
            <source>Return authorisation {number} is for another order. Open that order.</source>
            <translation>L'autorisation de retour {number} concerne une autre commande. Ouvrez cette commande.</translation>
        </message>
    <message>
            <location filename="../../pos/ui/screens/requests/words.py" line="67" />
            <source>Only {approved} unit(s) of this item were approved ({requested} asked). Lower the quantity.</source>
            <translation>Cet article n'a été accepté que pour {approved} unité(s) ({requested} demandée(s)). Baissez la quantité.</translation>
        </message>
        <message>
            <location filename="../../pos/ui/messages.py" line="297" />
            <source>return requests (read, record, decide)</source>
            <translation>demandes de retour (lire, enregistrer, décider)</translation>
        </message>
    </context>
</TS>