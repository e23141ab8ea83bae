<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AskDialog</name>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="60" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="63" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>DrawerReasonDialog</name>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="128" />
        <source>Open the drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="129" />
        <source>Why open the drawer without a sale? This is written in the log.</source>
        <translation>Pourquoi ouvrir le tiroir sans vente ? C’est inscrit au journal.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="130" />
        <source>Change for the float</source>
        <translation>Faire de la monnaie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="130" />
        <source>Count the cash</source>
        <translation>Compter la caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="130" />
        <source>Wrong change</source>
        <translation>Erreur de rendu</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="26" />
        <source>Product</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="27" />
        <source>SKU</source>
        <translation>Réf.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="28" />
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="29" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="30" />
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/models.py" line="31" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos/ui/screens/login/screen.py" line="115" />
        <source>Who is at the counter?</source>
        <translation>Qui est au comptoir ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/screen.py" line="116" />
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/screen.py" line="140" />
        <source>Tap your name.</source>
        <translation>Touchez votre nom.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/screen.py" line="144" />
        <source>{name}, type your PIN.</source>
        <translation>{name}, tapez votre code.</translation>
    </message>
</context>
<context>
    <name>LoginViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="119" />
        <source>Tap your name first, then type your PIN.</source>
        <translation>Touchez d’abord votre nom, puis tapez votre code.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="125" />
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="157" />
        <source>Wrong PIN. One more wrong try locks the account.</source>
        <translation>Code erroné. Encore une erreur et le compte sera bloqué.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="158" />
        <source>Wrong PIN. {count} tries left before the account is locked.</source>
        <translation>Code erroné. Encore {count} essais avant le blocage du compte.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="164" />
        <source>Too many wrong PINs: {name} is locked until {time}.
Wait until then, or ask an administrator to set a new PIN.</source>
        <translation>Trop de codes erronés : {name} est bloqué·e jusqu’à {time}.
Patientez jusque-là, ou demandez à un administrateur de définir un nouveau code.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="168" />
        <source>{name}'s account is switched off. Ask a manager.</source>
        <translation>Le compte de {name} est désactivé. Demandez à un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="172" />
        <source>{name} can no longer log in here. Ask a manager.</source>
        <translation>{name} ne peut plus se connecter ici. Demandez à un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/view_model.py" line="183" />
        <source>The list of users cannot be read right now. Try again in a moment; if it keeps failing, call a manager.</source>
        <translation>La liste des utilisateurs est illisible pour le moment. Réessayez dans un instant ; si cela continue, appelez un responsable.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../pos/ui/keypad.py" line="140" />
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/keypad.py" line="142" />
        <source>Remove the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/keypad.py" line="144" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PrintJobsTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="101" />
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="102" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="103" />
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="104" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="105" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="116" />
        <source>This counter's</source>
        <translation>Celle du comptoir</translation>
    </message>
</context>
<context>
    <name>PrintQueueViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="120" />
        <source>Tap a receipt in the list first.</source>
        <translation>Touchez d’abord un ticket dans la liste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="129" />
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="136" />
        <source>Type or scan the receipt number first.</source>
        <translation>Tapez ou scannez d’abord le numéro du ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="146" />
        <source>Printing a copy…</source>
        <translation>Impression d’un duplicata…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="153" />
        <source>Log in first.</source>
        <translation>Connectez-vous d’abord.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="157" />
        <source>The drawer is open.</source>
        <translation>Le tiroir est ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="175" />
        <source>Not printed: {problem}
{advice}</source>
        <translation>Non imprimé : {problem}
{advice}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="180" />
        <source>Printed.</source>
        <translation>Imprimé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="182" />
        <source>Nothing was printed: the printer is busy. Tap Retry.</source>
        <translation>Rien n’a été imprimé : l’imprimante est occupée. Touchez Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="195" />
        <source>Only a manager can open the drawer without a sale. Ask a manager to log in.</source>
        <translation>Seul un responsable peut ouvrir le tiroir sans vente. Demandez à un responsable de se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="198" />
        <source>The drawer did not open: {problem}
{advice}</source>
        <translation>Le tiroir ne s’est pas ouvert : {problem}
{advice}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="205" />
        <source>The print queue cannot be read right now. Try again in a moment; if it keeps failing, call a manager.</source>
        <translation>La file d’impression est illisible pour le moment. Réessayez dans un instant ; si cela continue, appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="212" />
        <source>No receipt numbered “{document}”. Check the number on the customer's receipt.</source>
        <translation>Aucun ticket numéroté « {document} ». Vérifiez le numéro sur le ticket du client.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="215" />
        <source>Say why the drawer is opened.</source>
        <translation>Indiquez pourquoi le tiroir est ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="217" />
        <source>This receipt is printing right now. Wait a moment.</source>
        <translation>Ce ticket est en cours d’impression. Patientez un instant.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="219" />
        <source>This receipt is already printed. Use Reprint for another copy.</source>
        <translation>Ce ticket est déjà imprimé. Utilisez Réimprimer pour un autre exemplaire.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/view_model.py" line="221" />
        <source>This receipt is no longer in the queue.</source>
        <translation>Ce ticket n’est plus dans la file.</translation>
    </message>
    <message>
        <source>Tap a receipt of today, or type or scan its number.</source>
        <translation>Touchez un ticket du jour, ou tapez ou scannez son numéro.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Rien à réessayer.</translation>
    </message>
    <message>
        <source>Tap a receipt in the list to retry it or send it elsewhere.</source>
        <translation>Touchez un ticket de la liste pour le réessayer ou l’envoyer ailleurs.</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="112" />
        <source>Send to another printer</source>
        <translation>Envoyer à une autre imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="113" />
        <source>Printer address (for example tcp://192.168.1.50:9100):</source>
        <translation>Adresse de l’imprimante (par exemple tcp://192.168.1.50:9100) :</translation>
    </message>
</context>
<context>
    <name>PrinterProblems</name>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="19" />
        <source>The printer does not answer.</source>
        <translation>L’imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="20" />
        <source>The printer stopped before the receipt was finished.</source>
        <translation>L’imprimante s’est arrêtée avant la fin du ticket.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="23" />
        <source>The printer is out of paper.</source>
        <translation>L’imprimante n’a plus de papier.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="26" />
        <source>The printer's cover is open.</source>
        <translation>Le capot de l’imprimante est ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="29" />
        <source>This printer address is not valid.</source>
        <translation>Cette adresse d’imprimante n’est pas valable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="32" />
        <source>The printer took too long.</source>
        <translation>L’imprimante a mis trop de temps.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="35" />
        <source>The sale of this receipt cannot be found.</source>
        <translation>La vente de ce ticket est introuvable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="45" />
        <source>Put in a new paper roll, then tap Retry.</source>
        <translation>Mettez un nouveau rouleau, puis touchez Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="48" />
        <source>Close the printer's cover, then tap Retry.</source>
        <translation>Fermez le capot de l’imprimante, puis touchez Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="51" />
        <source>Tap Send to… and check the printer address, or ask a manager.</source>
        <translation>Touchez Envoyer à… et vérifiez l’adresse de l’imprimante, ou demandez à un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="57" />
        <source>Check that the printer is on, has paper and is plugged in, then tap Retry — or tap Send to… to use another printer.</source>
        <translation>Vérifiez que l’imprimante est allumée, a du papier et est branchée, puis touchez Réessayer — ou touchez Envoyer à… pour une autre imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="67" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="68" />
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="69" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="70" />
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="77" />
        <source>Gift card slip</source>
        <translation>Bon carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="79" />
        <source>Closure slip</source>
        <translation>Ticket de clôture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="79" />
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/models.py" line="81" />
        <source>{kind} (copy)</source>
        <translation>{kind} (duplicata)</translation>
    </message>
    <message>
        <source>Drawer opening</source>
        <translation>Ouverture du tiroir</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="246" />
        <source>‹  Back</source>
        <translation>‹  Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="247" />
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="248" />
        <source>Open drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="249" />
        <source>Receipts not printed yet</source>
        <translation>Tickets pas encore imprimés</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="250" />
        <source>Every receipt has been printed.</source>
        <translation>Tous les tickets ont été imprimés.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="251" />
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="252" />
        <source>Send to…</source>
        <translation>Envoyer à…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="253" />
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="254" />
        <source>Reprint a receipt</source>
        <translation>Réimprimer un ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="255" />
        <source>Receipt number, e.g. T1-000042</source>
        <translation>Numéro du ticket, ex. T1-000042</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="256" />
        <source>Reprint</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/printing/screen.py" line="257" />
        <source>Tap a receipt to see it here.</source>
        <translation>Touchez un ticket pour le voir ici.</translation>
    </message>
    <message>
        <source>Today at this counter</source>
        <translation>Aujourd’hui à cette caisse</translation>
    </message>
    <message>
        <source>No receipt yet today at this counter.</source>
        <translation>Pas encore de ticket aujourd’hui à cette caisse.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="18" />
        <source>Cashier</source>
        <translation>Caissier·ère</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="19" />
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="20" />
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="182" />
        <source>‹  Back</source>
        <translation>‹  Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="183" />
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="184" />
        <source>Correct a count</source>
        <translation>Corriger un stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="185" />
        <source>Scan the barcode or type the SKU</source>
        <translation>Scannez le code-barres ou tapez la référence</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="186" />
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="187" />
        <source>In the shop</source>
        <translation>En boutique</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="187" />
        <source>On Wix</source>
        <translation>Sur Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="187" />
        <source>Waiting to send to Wix</source>
        <translation>À envoyer à Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="190" />
        <source>Why does the count change?</source>
        <translation>Pourquoi le stock change-t-il ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="191" />
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="193" />
        <source>Quantity counted</source>
        <translation>Quantité comptée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="194" />
        <source>Adjust</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="195" />
        <source>No returned item is waiting to be inspected.</source>
        <translation>Aucun article retourné n’attend d’être examiné.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="196" />
        <source>Back to stock</source>
        <translation>Remettre en stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="197" />
        <source>Write off</source>
        <translation>Mettre au rebut</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="206" />
        <source>Shelf count</source>
        <translation>Inventaire du rayon</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="206" />
        <source>Damaged</source>
        <translation>Abîmé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="206" />
        <source>Lost or stolen</source>
        <translation>Perdu ou volé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="207" />
        <source>Found</source>
        <translation>Retrouvé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="242" />
        <source>No item chosen yet.</source>
        <translation>Aucun article choisi.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="249" />
        <source>not read yet</source>
        <translation>pas encore lu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/screen.py" line="266" />
        <source>To inspect ({count})</source>
        <translation>À examiner ({count})</translation>
    </message>
</context>
<context>
    <name>StockViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="94" />
        <source>Scan the item's barcode or type its SKU.</source>
        <translation>Scannez le code-barres de l’article ou tapez sa référence.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="108" />
        <source>Scan or type the item first.</source>
        <translation>Scannez ou tapez d’abord l’article.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="111" />
        <source>Type the quantity you counted on the keypad.</source>
        <translation>Tapez la quantité comptée sur le pavé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="133" />
        <source>Tap an item in the list first.</source>
        <translation>Touchez d’abord un article dans la liste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="155" />
        <source>{item}: stock corrected from {before} to {after}.</source>
        <translation>{item} : stock corrigé de {before} à {after}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="157" />
        <source>{item}: the count matches ({after}); nothing to correct.</source>
        <translation>{item} : le compte est juste ({after}) ; rien à corriger.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="169" />
        <source>{product}: back in stock (+{quantity}).</source>
        <translation>{product} : remis en stock (+{quantity}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="171" />
        <source>{product}: written off; the stock did not change.</source>
        <translation>{product} : mis au rebut ; le stock ne change pas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="189" />
        <source>Only a manager can change the stock. Ask a manager to log in and do it.</source>
        <translation>Seul un responsable peut modifier le stock. Demandez à un responsable de se connecter pour le faire.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="195" />
        <source>The stock cannot be read right now. Try again in a moment; if it keeps failing, call a manager.</source>
        <translation>Le stock est illisible pour le moment. Réessayez dans un instant ; si cela continue, appelez un responsable.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="202" />
        <source>No item with the code “{code}”. Check the label, or type the SKU.</source>
        <translation>Aucun article avec le code « {code} ». Vérifiez l’étiquette, ou tapez la référence.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="204" />
        <source>Say why the count changes: tap a reason.</source>
        <translation>Indiquez pourquoi le stock change : touchez un motif.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="206" />
        <source>{counted} is too many for one item: was a barcode typed in the count?</source>
        <translation>{counted}, c’est trop pour un article : un code-barres a-t-il été tapé à la place du compte ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="208" />
        <source>The reason is too long: keep it short.</source>
        <translation>Le motif est trop long : soyez bref.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="209" />
        <source>Someone already settled this item.</source>
        <translation>Quelqu’un a déjà traité cet article.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="211" />
        <source>This item is not in the catalogue, so it cannot go back to stock. Write it off.</source>
        <translation>Cet article n’est pas au catalogue : il ne peut pas revenir en stock. Mettez-le au rebut.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/view_model.py" line="214" />
        <source>This item cannot be changed here any more.</source>
        <translation>Cet article ne peut plus être modifié ici.</translation>
    </message>
    <message>
        <source>Nothing to decide.</source>
        <translation>Rien à décider.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="52" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="53" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="54" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/login/models.py" line="62" />
        <source>Locked until {time}</source>
        <translation>Bloqué jusqu’à {time}</translation>
    </message>
</context>
<context>
    <name>DayDocumentsTableModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>{kind} · order {order}</source>
        <translation>{kind} · commande {order}</translation>
    </message>
</context>
</TS>