<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ClosingScreen</name>
    <message>
        <location filename="../../pos/ui/screens/closing/screen.py" line="315"/>
        <source>Return requests to decide: {count}  ›</source>
        <translation>Demandes de retour à décider : {count}  ›</translation>
    </message>
</context>
<context>
    <name>SearchViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/search/view_model.py" line="106"/>
        <source>{number} is a return without a receipt: it has no order to open.
Its receipt is in Receipts, where it can be printed again.</source>
        <translation>{number} est un retour sans ticket : il n’a pas de commande à ouvrir.
Son ticket est dans Reçus, où il peut être réimprimé.</translation>
    </message>
</context>
</TS>
