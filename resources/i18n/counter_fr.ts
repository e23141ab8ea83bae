<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="72" />
        <source>Find a sale</source>
        <translation>Retrouver une vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="73" />
        <source>Receipts</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="74" />
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="110" />
        <source>Closing</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="75" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="76" />
        <source>Log out</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
</TS>
