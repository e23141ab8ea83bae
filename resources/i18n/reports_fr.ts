<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>FiguresTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="52"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="54"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="55"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="56"/>
        <source>Units back</source>
        <translation>Rendues</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="58"/>
        <source>Sold</source>
        <translation>Vendues</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="59"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="61"/>
        <source>Credit</source>
        <translation>Avoir</translation>
    </message>
</context>
<context>
    <name>ProneTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="82"/>
        <source>exchange only</source>
        <translation>échange seulement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="84"/>
        <source>return fee</source>
        <translation>frais de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="89"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="90"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="91"/>
        <source>Back / sold</source>
        <translation>Rendues / vendues</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/models.py" line="93"/>
        <source>Rules now</source>
        <translation>Règles actuelles</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="185"/>
        <source>‹  Back</source>
        <translation>‹  Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="186"/>
        <source>Returns</source>
        <translation>Retours</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="187"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="188"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="188"/>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="189"/>
        <source>30 days</source>
        <translation>30 jours</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="190"/>
        <source>12 months</source>
        <translation>12 mois</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="191"/>
        <source>By reason</source>
        <translation>Par motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="192"/>
        <source>Return rate</source>
        <translation>Taux de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="193"/>
        <source>By size</source>
        <translation>Par taille</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="193"/>
        <source>Refunds</source>
        <translation>Remboursés</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="194"/>
        <source>Return-prone</source>
        <translation>Souvent rendus</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="195"/>
        <source>Units returned, by reason</source>
        <translation>Unités rendues, par motif</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="196"/>
        <source>Return rate per product (units back / units sold)</source>
        <translation>Taux de retour par produit (unités rendues / vendues)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="197"/>
        <source>Units returned, by size</source>
        <translation>Unités rendues, par taille</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="198"/>
        <source>Money refunded, by tender</source>
        <translation>Argent remboursé, par moyen</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="199"/>
        <source>Money refunded, by cashier</source>
        <translation>Argent remboursé, par caissier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="202"/>
        <source>Exchange only for the chosen products</source>
        <translation>Échange seulement pour les produits choisis</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="219"/>
        <source>Return fee ({fee}) for the chosen products</source>
        <translation>Frais de retour ({fee}) pour les produits choisis</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="220"/>
        <source>No return fee in the policy</source>
        <translation>Aucun frais de retour dans la politique</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="227"/>
        <source>Products with more than {rate} % of their units returned (at least {sold} sold). Tap to choose, then apply a rule.</source>
        <translation>Produits rendus à plus de {rate} % (au moins {sold} vendus). Touchez pour choisir, puis appliquez une règle.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="231"/>
        <source>{count} × {kind} ({amount})</source>
        <translation>{count} × {kind} ({amount})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="235"/>
        <source>Units returned: {units}</source>
        <translation>Unités rendues : {units}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/screen.py" line="236"/>
        <source>no document</source>
        <translation>aucun document</translation>
    </message>
</context>
<context>
    <name>ReportsViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="117"/>
        <source>Reading the figures…</source>
        <translation>Lecture des chiffres…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="134"/>
        <source>Choose products in the list first.</source>
        <translation>Choisissez d’abord des produits dans la liste.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="175"/>
        <source>Exchange only now applies to the chosen products ({count}).</source>
        <translation>Les produits choisis ({count}) sont désormais en échange seulement.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="177"/>
        <source>The return fee now applies to the chosen products ({count}).</source>
        <translation>Les frais de retour s’appliquent désormais aux produits choisis ({count}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="183"/>
        <source>Figures saved to {file}.</source>
        <translation>Chiffres enregistrés dans {file}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="187"/>
        <source>Only a manager can read reports and set product rules.</source>
        <translation>Seul un responsable peut lire les rapports et fixer des règles par produit.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="189"/>
        <source>The file could not be written: {reason}</source>
        <translation>Le fichier n’a pas pu être écrit : {reason}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="192"/>
        <source>Some of these products are no longer in the catalogue. Read the report again.</source>
        <translation>Certains de ces produits ne sont plus au catalogue. Relisez le rapport.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/reports/view_model.py" line="195"/>
        <source>The charts cannot be shown on this till; the figures can.</source>
        <translation>Les graphiques ne peuvent pas s’afficher sur cette caisse ; les chiffres, si.</translation>
    </message>
</context>
<context>
    <name>ReportsLabels</name>
    <message>
        <source>No reason given</source>
        <translation>Sans motif</translation>
    </message>
    <message>
        <source>No size</source>
        <translation>Sans taille</translation>
    </message>
    <message>
        <source>Original payment</source>
        <translation>Paiement d’origine</translation>
    </message>
    <message>
        <source>New gift card</source>
        <translation>Nouvelle carte cadeau</translation>
    </message>
    <message>
        <source>Unknown cashier</source>
        <translation>Caissier inconnu</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
</context>
<context>
    <name>ClosingScreen</name>
    <message>
        <source>Returns report</source>
        <translation>Rapport des retours</translation>
    </message>
</context>
</TS>
