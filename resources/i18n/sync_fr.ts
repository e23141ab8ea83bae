<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ReviewItemsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="68" />
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="69" />
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="70" />
        <source>Numbers</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="84" />
        <source>{change} (refused by Wix)</source>
        <translation>{change} (refusé par Wix)</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="77" />
        <source>1 change settled with a note</source>
        <translation>1 modification réglée avec une note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="77" />
        <source>{n} changes settled with a note</source>
        <translation>{n} modifications réglées avec une note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="77" />
        <source> (Wix could not record all of it, or a manager dropped it)</source>
        <translation> (Wix n’a pas pu tout enregistrer, ou un responsable l’a abandonnée)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="77" />
        <source>1 unused draft order may be left on Wix</source>
        <translation>1 brouillon de commande inutilisé est peut-être resté sur Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="77" />
        <source>{n} unused draft orders may be left on Wix</source>
        <translation>{n} brouillons de commande inutilisés sont peut-être restés sur Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="38" />
        <source>Wix sync…</source>
        <translation>Synchro Wix…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="43" />
        <source>1 to check</source>
        <translation>1 à vérifier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="44" />
        <source>{n} to check</source>
        <translation>{n} à vérifier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="49" />
        <source>Wix not configured</source>
        <translation>Wix non configuré</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="52" />
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="55" />
        <source>1 change waiting</source>
        <translation>1 modification en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="56" />
        <source>{n} changes waiting</source>
        <translation>{n} modifications en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="59" />
        <source>Offline — {waiting}</source>
        <translation>Hors ligne — {waiting}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="65" />
        <source>1 waiting</source>
        <translation>1 en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="66" />
        <source>{n} waiting</source>
        <translation>{n} en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="69" />
        <source>Online · {waiting}</source>
        <translation>En ligne · {waiting}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="72" />
        <source>Online · up to date</source>
        <translation>En ligne · à jour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="78" />
        <source>Reading the sync status…</source>
        <translation>Lecture de l’état de la synchro…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="80" />
        <source>Wix is not configured on this till: changes are kept here and will be sent once a manager sets up the Wix connection.</source>
        <translation>Wix n’est pas configuré sur cette caisse : les modifications sont gardées ici et seront envoyées quand un responsable aura configuré la connexion Wix.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="86" />
        <source>Another till sends the changes to Wix; this one shows the queue.</source>
        <translation>Une autre caisse envoie les modifications à Wix ; celle-ci affiche la file d’attente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="90" />
        <source>Wix answers. Changes are sent as they are made.</source>
        <translation>Wix répond. Les modifications sont envoyées au fur et à mesure.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="93" />
        <source>Wix cannot be reached. The counter keeps working; changes are kept and sent when Wix answers again.</source>
        <translation>Wix est injoignable. La caisse continue de fonctionner ; les modifications sont gardées et envoyées dès que Wix répond.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="215" />
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="105" />
        <source>Customer e-mails: all sent.</source>
        <translation>E-mails clients : tous envoyés.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="110" />
        <source>Customer e-mails: 1 waiting to be sent.</source>
        <translation>E-mails clients : 1 en attente d’envoi.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="111" />
        <source>Customer e-mails: {n} waiting to be sent.</source>
        <translation>E-mails clients : {n} en attente d’envoi.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="116" />
        <source>1 e-mail was refused by the mail server.</source>
        <translation>1 e-mail a été refusé par le serveur de messagerie.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="118" />
        <source>{n} e-mails were refused by the mail server.</source>
        <translation>{n} e-mails ont été refusés par le serveur de messagerie.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="122" />
        <source>Last problem: {problem}.</source>
        <translation>Dernier problème : {problem}.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="196" />
        <source>‹  Back</source>
        <translation>‹  Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="197" />
        <source>Wix sync</source>
        <translation>Synchro Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="198" />
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="199" />
        <source>Last received</source>
        <translation>Dernière réception</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="199" />
        <source>Last sent</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="200" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="200" />
        <source>Refused by Wix</source>
        <translation>Refusées par Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="201" />
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="204" />
        <source>Changes to check</source>
        <translation>Modifications à vérifier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="205" />
        <source>Nothing to check: Wix and the counter agree.</source>
        <translation>Rien à vérifier : Wix et la caisse sont d’accord.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="206" />
        <source>Only a manager can settle these changes.</source>
        <translation>Seul un responsable peut régler ces modifications.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="207" />
        <source>Why? (kept in the log)</source>
        <translation>Pourquoi ? (inscrit au journal)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="208" />
        <source>Done on Wix</source>
        <translation>Déjà sur Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="209" />
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="210" />
        <source>Drop</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="253" />
        <source>Why: {reason}</source>
        <translation>Pourquoi : {reason}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="253" />
        <source>Orders from Wix not recorded: {count}</source>
        <translation>Commandes Wix non enregistrées : {count}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/screen.py" line="256" />
        <source>… and {count} more</source>
        <translation>… et {count} autres</translation>
    </message>
    <message>
        <source>Tap a change in the list to decide on it.</source>
        <translation>Touchez une modification de la liste pour décider.</translation>
    </message>
</context>
<context>
    <name>SyncViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="163" />
        <source>Syncing with Wix…</source>
        <translation>Synchronisation avec Wix…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="175" />
        <source>Tap a change in the list first.</source>
        <translation>Touchez d’abord une modification dans la liste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="178" />
        <location filename="../../pos/ui/screens/sync/view_model.py" line="202" />
        <source>Say why (it is kept in the log).</source>
        <translation>Dites pourquoi (c’est inscrit au journal).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="191" />
        <source>Decision saved.</source>
        <translation>Décision enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="199" />
        <source>Only a manager can decide. Ask a manager to log in.</source>
        <translation>Seul un responsable peut décider. Demandez à un responsable de se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="204" />
        <source>This change was already settled.</source>
        <translation>Cette modification a déjà été réglée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/view_model.py" line="206" />
        <source>The sync status cannot be read right now. Try again in a moment.</source>
        <translation>L’état de la synchro ne peut pas être lu pour l’instant. Réessayez dans un moment.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="18" />
        <source>Stock change</source>
        <translation>Mouvement de stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="24" />
        <source>Unused draft order</source>
        <translation>Brouillon de commande abandonné</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="19" />
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="20" />
        <source>Exchange order</source>
        <translation>Commande d’échange</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="21" />
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="22" />
        <source>Order note</source>
        <translation>Note de commande</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="23" />
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="31" />
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="32" />
        <source>change</source>
        <translation>variation</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="33" />
        <source>Wix had</source>
        <translation>Wix avait</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="34" />
        <source>expected</source>
        <translation>attendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="35" />
        <source>Wix shows</source>
        <translation>Wix affiche</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="36" />
        <source>revision before</source>
        <translation>révision avant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="37" />
        <source>expected revision</source>
        <translation>révision attendue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sync/models.py" line="38" />
        <source>revision found</source>
        <translation>révision trouvée</translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <source>Wix cannot be reached (no network?) — 1 change waits and will be sent when it is back.</source>
        <translation>Wix est injoignable (pas de réseau ?) — 1 modification attend et sera envoyée à son retour.</translation>
    </message>
    <message>
        <source>Wix cannot be reached (no network?) — {n} changes wait and will be sent when it is back.</source>
        <translation>Wix est injoignable (pas de réseau ?) — {n} modifications attendent et seront envoyées à son retour.</translation>
    </message>
    <message>
        <source>Wix asks Comptoir to slow down (too busy) — 1 change waits and will be sent shortly.</source>
        <translation>Wix demande à Comptoir de ralentir (trop de demandes) — 1 modification attend et sera envoyée sous peu.</translation>
    </message>
    <message>
        <source>Wix asks Comptoir to slow down (too busy) — {n} changes wait and will be sent shortly.</source>
        <translation>Wix demande à Comptoir de ralentir (trop de demandes) — {n} modifications attendent et seront envoyées sous peu.</translation>
    </message>
    <message>
        <source>Wix answered with something Comptoir cannot read — 1 change waits.</source>
        <translation>Wix a répondu quelque chose que Comptoir ne sait pas lire — 1 modification attend.</translation>
    </message>
    <message>
        <source>Wix answered with something Comptoir cannot read — {n} changes wait.</source>
        <translation>Wix a répondu quelque chose que Comptoir ne sait pas lire — {n} modifications attendent.</translation>
    </message>
    <message>
        <source>Wix did not answer properly ({detail}) — 1 change waits; anything unanswered is checked on Wix before it is sent again.</source>
        <translation>Wix n’a pas répondu correctement ({detail}) — 1 modification attend ; ce qui est resté sans réponse est vérifié sur Wix avant d’être renvoyé.</translation>
    </message>
    <message>
        <source>Wix did not answer properly ({detail}) — {n} changes wait; anything unanswered is checked on Wix before it is sent again.</source>
        <translation>Wix n’a pas répondu correctement ({detail}) — {n} modifications attendent ; ce qui est resté sans réponse est vérifié sur Wix avant d’être renvoyé.</translation>
    </message>
    <message>
        <source>The Wix settings need fixing: {detail}</source>
        <translation>Les réglages Wix sont à corriger : {detail}</translation>
    </message>
    <message>
        <source>Wix refused: {detail}</source>
        <translation>Wix a refusé : {detail}</translation>
    </message>
    <message>
        <source>Last problem (as recorded): {text}</source>
        <translation>Dernier problème (noté en anglais) : {text}</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Pourquoi : {reason}</translation>
    </message>
    <message>
        <source>Wix's answer: {reason}</source>
        <translation>Réponse de Wix : {reason}</translation>
    </message>
    <message>
        <source>Why (as recorded): {reason}</source>
        <translation>Pourquoi (noté en anglais) : {reason}</translation>
    </message>
    <message>
        <source>The previous sync stopped before Wix answered</source>
        <translation>La synchronisation précédente s’est arrêtée avant la réponse de Wix</translation>
    </message>
    <message>
        <source>Wix gave no result for this item</source>
        <translation>Wix n’a rendu aucun résultat pour cet article</translation>
    </message>
    <message>
        <source>Wix's answer was lost ({detail})</source>
        <translation>La réponse de Wix s’est perdue ({detail})</translation>
    </message>
    <message>
        <source>Wix cannot tell whether this step was applied: {why}.</source>
        <translation>Wix ne permet pas de savoir si cette étape a été appliquée : {why}.</translation>
    </message>
    <message>
        <source>Wix shows {found} of {name}; the change {delta} would make {expected}, which Wix refuses.</source>
        <translation>Wix indique {found} pour {name} ; la modification {delta} donnerait {expected}, ce que Wix refuse.</translation>
    </message>
    <message>
        <source>{cause}, and {name} is no longer on Wix.</source>
        <translation>{cause}, et {name} n’est plus sur Wix.</translation>
    </message>
    <message>
        <source>{cause}, and the count of {name} also changed on Wix meanwhile: expected {expected} ({before} {delta}), Wix shows {found}. Check the shelf, then mark it done, resend or drop.</source>
        <translation>{cause}, et le stock de {name} a aussi changé sur Wix entre-temps : attendu {expected} ({before} {delta}), Wix indique {found}. Vérifiez le rayon, puis marquez-la faite, renvoyez-la ou abandonnez-la.</translation>
    </message>
    <message>
        <source>{name} is not linked to Wix (no Wix product or variant); its stock change stays in the shop.</source>
        <translation>{name} n’est pas liée à Wix (pas de produit ni de variante Wix) ; sa modification de stock reste au magasin.</translation>
    </message>
    <message>
        <source>Wix has no stock record of {name} at the shop's location; its stock change stays in the shop.</source>
        <translation>Wix n’a pas de fiche de stock de {name} à l’emplacement du magasin ; sa modification de stock reste au magasin.</translation>
    </message>
    <message>
        <source>Wix does not count the stock of {name} (in stock / out of stock only); nothing was sent.</source>
        <translation>Wix ne compte pas le stock de {name} (seulement en stock / épuisé) ; rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>{count} refunds of {total} for these lines appeared on order {order} since the first attempt; one was expected</source>
        <translation>{count} remboursements de {total} pour ces lignes sont apparus sur la commande {order} depuis le premier essai ; un seul était attendu</translation>
    </message>
    <message>
        <source>a refund of {total} for other lines appeared on order {order} since the first attempt</source>
        <translation>un remboursement de {total} pour d’autres lignes est apparu sur la commande {order} depuis le premier essai</translation>
    </message>
    <message>
        <source>{count} Wix orders carry this exchange's id {external_id}; one was expected</source>
        <translation>{count} commandes Wix portent l’identifiant de cet échange {external_id} ; une seule était attendue</translation>
    </message>
    <message>
        <source>other payments than the expected ({expected}) appeared on order {order} since the first attempt</source>
        <translation>d’autres paiements que ceux attendus ({expected}) sont apparus sur la commande {order} depuis le premier essai</translation>
    </message>
    <message>
        <source>the comment appears {times} times on order {order}; once was expected</source>
        <translation>le commentaire apparaît {times} fois sur la commande {order} ; une seule fois était attendue</translation>
    </message>
    <message>
        <source>it cannot be read back ({detail})</source>
        <translation>elle ne peut pas être relue ({detail})</translation>
    </message>
    <message>
        <source>the refunds on Wix before the attempt were not recorded</source>
        <translation>les remboursements présents sur Wix avant l’essai n’ont pas été notés</translation>
    </message>
    <message>
        <source>the payments on Wix before the attempt were not recorded</source>
        <translation>les paiements présents sur Wix avant l’essai n’ont pas été notés</translation>
    </message>
    <message>
        <source>the comments on Wix before the attempt were not recorded</source>
        <translation>les commentaires présents sur Wix avant l’essai n’ont pas été notés</translation>
    </message>
    <message>
        <source>SKU {sku}</source>
        <translation>Réf. {sku}</translation>
    </message>
</context>
</TS>