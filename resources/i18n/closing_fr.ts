<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ClosingScreen</name>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="214"/>
        <source>‹  Back</source>
        <translation>‹  Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="215"/>
        <source>Closing</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="216"/>
        <location filename="../../pos/ui/screens/closing/screen.py" line="219"/>
        <source>Drawer</source>
        <translation>Tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="216"/>
        <source>Count</source>
        <translation>Comptage</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="217"/>
        <source>X / Z</source>
        <translation>X / Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="219"/>
        <source>Opening float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="219"/>
        <source>Cash taken</source>
        <translation>Espèces encaissées</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="220"/>
        <source>Cash refunded</source>
        <translation>Espèces rendues</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="220"/>
        <location filename="../../pos/ui/screens/closing/screen.py" line="230"/>
        <source>Paid in</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="220"/>
        <location filename="../../pos/ui/screens/closing/screen.py" line="229"/>
        <source>Paid out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="221"/>
        <source>Expected in the drawer</source>
        <translation>Attendu dans le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="224"/>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="224"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="225"/>
        <source>Variance</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="227"/>
        <source>Why (paid in or out)</source>
        <translation>Motif (entrée, sortie)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="228"/>
        <source>Open with this float</source>
        <translation>Ouvrir avec ce fond</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="231"/>
        <source>Tap to remove</source>
        <translation>Retirer au toucher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="232"/>
        <source>Start again</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="233"/>
        <source>Close the drawer</source>
        <translation>Fermer le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="234"/>
        <source>Read X</source>
        <translation>Lire le X</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="235"/>
        <source>Close the day (Z)</source>
        <translation>Clôturer la journée (Z)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="238"/>
        <source>Print the Z again</source>
        <translation>Réimprimer le Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="272"/>
        <source>Closed: type the float to open it</source>
        <translation>Fermé : tapez le fond de caisse pour l’ouvrir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="275"/>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="295"/>
        <source>The shop&apos;s signing key (public): {key}</source>
        <translation>Clé de signature de la boutique (publique) : {key}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="298"/>
        <source>Tap “Read X” to see the day so far.</source>
        <translation>Touchez « Lire le X » pour voir la journée en cours.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="301"/>
        <source>X report — nothing is closed</source>
        <translation>Ticket X — rien n’est clôturé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="303"/>
        <source>Z number {number} — {period}</source>
        <translation>Z n° {number} — {period}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="305"/>
        <source>Signed: {hash}</source>
        <translation>Signé : {hash}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="309"/>
        <source>By kind</source>
        <translation>Par type</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="309"/>
        <source>By tender</source>
        <translation>Par règlement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="310"/>
        <source>Refunds to</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="310"/>
        <source>Return reasons</source>
        <translation>Motifs de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="311"/>
        <source>By cashier</source>
        <translation>Par vendeur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="311"/>
        <source>Approvals</source>
        <translation>Validations</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="312"/>
        <source>VAT by rate (base / tax)</source>
        <translation>TVA par taux (base / taxe)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="313"/>
        <source>Documents: {count}</source>
        <translation>Documents : {count}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="326"/>
        <source>Net total: {amount}</source>
        <translation>Total net : {amount}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="329"/>
        <source>Perpetual grand total: {amount}</source>
        <translation>Grand total perpétuel : {amount}</translation>
    </message>
</context>
<context>
    <name>ClosingViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="127"/>
        <source>Type the amount on the keypad first.</source>
        <translation>Tapez d’abord le montant sur le pavé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="130"/>
        <source>Say why the cash moves: type a reason.</source>
        <translation>Dites pourquoi l’argent bouge : tapez un motif.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="188"/>
        <source>The drawer is open.</source>
        <translation>Le tiroir est ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="192"/>
        <source>Recorded. The drawer should now hold {amount}.</source>
        <translation>Enregistré. Le tiroir doit maintenant contenir {amount}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="198"/>
        <source>The drawer is closed. Variance: {variance}.</source>
        <translation>Le tiroir est fermé. Écart : {variance}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="215"/>
        <source>Day closed: Z number {number}, signed.</source>
        <translation>Journée clôturée : Z n° {number}, signé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="220"/>
        <source>Day closed: Z number {number}, signed and printed.</source>
        <translation>Journée clôturée : Z n° {number}, signé et imprimé.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="224"/>
        <source>Day closed: Z number {number}, signed — but the slip did not print: {problem} It waits in Receipts: print it again from there.</source>
        <translation>Journée clôturée : Z n° {number}, signé — mais le ticket ne s’est pas imprimé : {problem} Il attend dans Reçus : imprimez-le de nouveau depuis cet écran.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="227"/>
        <source>check the printer.</source>
        <translation>vérifiez l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="227"/>
        <source>Only a manager can close the day. Ask a manager to log in.</source>
        <translation>Seul un responsable peut clôturer la journée. Demandez à un responsable de se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="229"/>
        <source>The count is too far from what is expected: a manager must close the drawer.</source>
        <translation>Le comptage est trop loin de l’attendu : un responsable doit fermer le tiroir.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="232"/>
        <source>Count and close the drawer before closing the day.</source>
        <translation>Comptez et fermez le tiroir avant de clôturer la journée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="233"/>
        <source>The drawer is already open.</source>
        <translation>Le tiroir est déjà ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="234"/>
        <source>The drawer is not open.</source>
        <translation>Le tiroir n’est pas ouvert.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="235"/>
        <source>This note or coin does not exist here.</source>
        <translation>Ce billet ou cette pièce n’existe pas ici.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/closing/view_model.py" line="243"/>
        <source>This cannot be done right now. Try again in a moment; if it keeps failing, call the administrator.</source>
        <translation>Impossible pour le moment. Réessayez dans un instant ; si cela continue, appelez l’administrateur.</translation>
    </message>
</context>
</TS>
