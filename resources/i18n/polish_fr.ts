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
</TS>
