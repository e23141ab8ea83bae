<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>KeyboardPanel</name>
    <message>
        <location filename="../../pos/ui/keyboard_panel.py" line="151" />
        <source>QWERTY</source>
        <extracomment>The on-screen keyboard's letter layout in this language: QWERTY or AZERTY.</extracomment>
        <translation>AZERTY</translation>
    </message>
    <message>
        <location filename="../../pos/ui/keyboard_panel.py" line="198" />
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/keyboard_panel.py" line="198" />
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <location filename="../../pos/ui/keyboard_panel.py" line="199" />
        <source>Hide keyboard</source>
        <translation>Masquer le clavier</translation>
    </message>
</context>
</TS>
