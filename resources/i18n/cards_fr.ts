<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Cards</name>
    <message>
        <location filename="../../pos/ui/screens/__init__.py" line="229" />
        <source>Card</source>
        <translation>Carte</translation>
    </message>
</context>
</TS>
