<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>SettingsMessages</name>
    <message>
        <source>Tap a user in this list to disable or enable them, or to set their PIN.</source>
        <translation>Touchez un utilisateur dans cette liste pour le désactiver, le réactiver ou changer son code.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="24" />
        <source>Type the printer's address.</source>
        <translation>Tapez l’adresse de l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="25" />
        <source>This printer address is too long.</source>
        <translation>Cette adresse d’imprimante est trop longue.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="26" />
        <source>A printer address starts with tcp://, usb://, serial:// or file://, or is “virtual”.</source>
        <translation>Une adresse d’imprimante commence par tcp://, usb://, serial:// ou file://, ou vaut « virtual ».</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="30" />
        <source>Add the printer's network address, e.g. tcp://192.168.1.50:9100.</source>
        <translation>Ajoutez l’adresse réseau de l’imprimante, p. ex. tcp://192.168.1.50:9100.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="33" />
        <source>The port must be a number from 1 to 65535 (usually 9100).</source>
        <translation>Le port doit être un nombre de 1 à 65535 (souvent 9100).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="36" />
        <source>A USB printer is written usb://VENDOR:PRODUCT, e.g. usb://04b8:0e28.</source>
        <translation>Une imprimante USB s’écrit usb://FABRICANT:PRODUIT, p. ex. usb://04b8:0e28.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="39" />
        <source>Add the device path, e.g. serial:///dev/ttyUSB0.</source>
        <translation>Ajoutez le chemin du périphérique, p. ex. serial:///dev/ttyUSB0.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="42" />
        <source>The baud rate must be a number.</source>
        <translation>La vitesse (baudrate) doit être un nombre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="46" />
        <source>Paste the whole Wix API key, without spaces.</source>
        <translation>Collez la clé API Wix complète, sans espaces.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="49" />
        <source>Type the Wix site ID (found in the site's dashboard URL).</source>
        <translation>Tapez l’ID du site Wix (dans l’adresse du tableau de bord du site).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="54" />
        <source>Paste the Wix app's client ID, secret and instance ID, each in full and without spaces.</source>
        <translation>Collez l’ID client, le secret et l’ID d’instance de l’application Wix, chacun en entier et sans espaces.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="52" />
        <source>This computer's password store refused the Wix sign-in details. Unlock it, or ask your technician.</source>
        <translation>Le trousseau de mots de passe de cet ordinateur a refusé les identifiants Wix. Déverrouillez-le ou appelez votre technicien.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="56" />
        <source>This language is not available.</source>
        <translation>Cette langue n’est pas disponible.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="57" />
        <source>This terminal's settings file cannot be read ({path}).</source>
        <translation>Le fichier de réglages de ce poste est illisible ({path}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="60" />
        <source>This terminal's settings file cannot be written ({path}).</source>
        <translation>Le fichier de réglages de ce poste ne peut pas être écrit ({path}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="66" />
        <source>A PIN is made of digits only.</source>
        <translation>Un code ne contient que des chiffres.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="67" />
        <source>A PIN has 4 to 8 digits.</source>
        <translation>Un code a de 4 à 8 chiffres.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="68" />
        <source>This PIN is too easy to guess (like 1234 or 0000). Choose another.</source>
        <translation>Ce code est trop facile à deviner (comme 1234 ou 0000). Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="81" />
        <source>Only an administrator can change the settings. Ask one to log in.</source>
        <translation>Seul un administrateur peut modifier les réglages. Demandez-lui de se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="85" />
        <source>This value is not valid: {field}. Correct it and save again.</source>
        <translation>Cette valeur n’est pas valide : {field}. Corrigez-la puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="90" />
        <source>The printer did not print: {reason}.</source>
        <translation>L’imprimante n’a pas imprimé : {reason}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="97" />
        <source>The username {username} is taken. Choose another.</source>
        <translation>L’identifiant {username} est déjà pris. Choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="100" />
        <source>{username} is the last administrator and must stay active.</source>
        <translation>{username} est le dernier administrateur et doit rester actif.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="103" />
        <source>Check the name and username (letters, digits, dots; no spaces).</source>
        <translation>Vérifiez le nom et l’identifiant (lettres, chiffres, points ; sans espaces).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="106" />
        <source>The change was refused ({code}).</source>
        <translation>La modification a été refusée ({code}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="113" />
        <source>Return window (days)</source>
        <translation>Délai de retour (jours)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="114" />
        <source>Restocking fee (%)</source>
        <translation>Frais de remise en stock (%)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="115" />
        <source>Return fee</source>
        <translation>Frais de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="116" />
        <source>Manager needed above</source>
        <translation>Responsable requis au-delà de</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="169" />
        <source>Return-prone above (% returned)</source>
        <translation>Souvent retourné au-delà de (% rendu)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="172" />
        <source>Return-prone from (units sold)</source>
        <translation>Souvent retourné dès (unités vendues)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="62" />
        <source>Type the mail server's name (smtp.example.com), without spaces.</source>
        <translation>Tapez le nom du serveur de messagerie (smtp.exemple.fr), sans espaces.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="65" />
        <source>The port is a number from 1 to 65535, or empty for the usual one.</source>
        <translation>Le port est un nombre de 1 à 65535, ou vide pour le port habituel.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="68" />
        <source>Type the shop's sender address in full (shop@example.com).</source>
        <translation>Tapez l’adresse d’expédition de la boutique en entier (boutique@exemple.fr).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="71" />
        <source>Type the mail server's user name without spaces, or leave it empty.</source>
        <translation>Tapez le nom d’utilisateur du serveur de messagerie sans espaces, ou laissez-le vide.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="75" />
        <source>A login needs STARTTLS: the password is never sent unencrypted. Turn STARTTLS on.</source>
        <translation>Une connexion demande STARTTLS : le mot de passe n’est jamais envoyé en clair. Activez STARTTLS.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="78" />
        <source>Type the password of this user name.</source>
        <translation>Tapez le mot de passe de ce nom d’utilisateur.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="58" />
        <source>This computer's password store refused the mail server's details. Unlock it, or ask your technician.</source>
        <translation>Le trousseau de mots de passe de cet ordinateur a refusé les réglages du serveur de messagerie. Déverrouillez-le ou appelez votre technicien.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="1" />
        <source>Fee %</source>
        <translation>Frais %</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="1" />
        <source>VAT %</source>
        <translation>TVA %</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="1" />
        <source>Default VAT per currency</source>
        <translation>TVA par défaut par devise</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="1" />
        <source>Authorisation valid (days)</source>
        <translation>Autorisation valable (jours)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="302" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="303" />
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="304" />
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="349" />
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="304" />
        <source>Wix</source>
        <translation>Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="304" />
        <source>Return policy</source>
        <translation>Politique de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="305" />
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="305" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="310" />
        <source>Language of this counter</source>
        <translation>Langue de ce comptoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="315" />
        <source>Receipt printer of this counter</source>
        <translation>Imprimante de tickets de ce comptoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="317" />
        <source>Examples: tcp://192.168.1.50:9100 (network), usb://04b8:0e28, serial:///dev/ttyUSB0?baudrate=19200, file:///dev/usb/lp0, or virtual (no paper).</source>
        <translation>Exemples : tcp://192.168.1.50:9100 (réseau), usb://04b8:0e28, serial:///dev/ttyUSB0?baudrate=19200, file:///dev/usb/lp0, ou virtual (sans papier).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="319" />
        <source>Save printer</source>
        <translation>Enregistrer l’imprimante</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="320" />
        <source>Test print</source>
        <translation>Imprimer un test</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="63" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="1" />
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/screen.py" line="352" />
        <source>Signing key</source>
        <translation>Clé</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/policy_tab.py" line="329" />
        <source>A reason is required for every returned item</source>
        <translation>Un motif est exigé pour chaque article rendu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/policy_tab.py" line="330" />
        <source>Another size or colour keeps the price paid</source>
        <translation>Une autre taille ou couleur garde le prix payé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/policy_tab.py" line="331" />
        <source>Save policy</source>
        <translation>Enregistrer la politique</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="332" />
        <source>Username (e.g. camille)</source>
        <translation>Identifiant (p. ex. camille)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="333" />
        <source>Name shown at login</source>
        <translation>Nom affiché à la connexion</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="337" />
        <source>PIN (4 to 8 digits)</source>
        <translation>Code (4 à 8 chiffres)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="338" />
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="341" />
        <source>Same PIN again</source>
        <translation>Même code, à nouveau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="339" />
        <source>Add user</source>
        <translation>Ajouter l’utilisateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="340" />
        <source>New PIN for the selected user</source>
        <translation>Nouveau code pour l’utilisateur choisi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="342" />
        <source>Set PIN</source>
        <translation>Changer le code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="390" />
        <source>Disable selected user</source>
        <translation>Désactiver l’utilisateur choisi</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/users_tab.py" line="392" />
        <source>Enable selected user</source>
        <translation>Réactiver l’utilisateur choisi</translation>
    </message>
</context>
<context>
    <name>RequestPolicyBox</name>
    <message>
        <location filename="../../pos/ui/screens/settings/request_policy.py" line="1" />
        <source>Return requests</source>
        <translation>Demandes de retour</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/request_policy.py" line="1" />
        <source>Return window counted from the approval</source>
        <translation>Délai de retour compté depuis l’acceptation</translation>
    </message>
</context>
<context>
    <name>SettingsUsersTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="134" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="135" />
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="136" />
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="137" />
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="142" />
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="143" />
        <source>Locked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/models.py" line="143" />
        <source>Active</source>
        <translation>Actif</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="155" />
        <source>The printer is saved.</source>
        <translation>L’imprimante est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="167" />
        <source>Printing a test page…</source>
        <translation>Impression d’une page de test…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="170" />
        <source>The test page was sent to the printer.</source>
        <translation>La page de test a été envoyée à l’imprimante.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="177" />
        <source>The Wix connection is saved.</source>
        <translation>La connexion Wix est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="189" />
        <source>The return policy is saved.</source>
        <translation>La politique de retour est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="193" />
        <location filename="../../pos/ui/screens/settings/view_model.py" line="201" />
        <source>The two PINs are not the same. Type them again.</source>
        <translation>Les deux codes sont différents. Tapez-les à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="197" />
        <source>{name} can now log in.</source>
        <translation>{name} peut maintenant se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="205" />
        <source>{name} has a new PIN.</source>
        <translation>{name} a un nouveau code.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="210" />
        <source>{name} can log in again.</source>
        <translation>{name} peut de nouveau se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="211" />
        <source>{name} can no longer log in.</source>
        <translation>{name} ne peut plus se connecter.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="221" />
        <source>The language is saved.</source>
        <translation>La langue est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="264" />
        <source>The mail server is saved.</source>
        <translation>Le serveur de messagerie est enregistré.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/view_model.py" line="1" />
        <source>The categories are saved.</source>
        <translation>Les catégories sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>WixTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="127" />
        <source>Sign in to Wix with</source>
        <translation>Se connecter à Wix avec</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="125" />
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="129" />
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="126" />
        <source>Wix app</source>
        <translation>Application Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="130" />
        <source>Site ID</source>
        <translation>ID du site</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="131" />
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="132" />
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="133" />
        <source>Instance ID</source>
        <translation>ID d’instance</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="137" />
        <source>Paste a new key to replace the stored one</source>
        <translation>Collez une nouvelle clé pour remplacer celle enregistrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="139" />
        <source>Paste the app's secret; it is never shown again</source>
        <translation>Collez le secret de l’application ; il n’est jamais réaffiché</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="141" />
        <source>Save Wix connection</source>
        <translation>Enregistrer la connexion Wix</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="166" />
        <source>Signed in with an API key for site {site}.</source>
        <translation>Connecté avec une clé API pour le site {site}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="168" />
        <source>Signed in as a Wix app (client {client}, instance {instance}).</source>
        <translation>Connecté en tant qu’application Wix (client {client}, instance {instance}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="171" />
        <source>Not connected to Wix yet.</source>
        <translation>Pas encore connecté à Wix.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="176" />
        <source>A Wix app installed on the shop's site: its client ID and secret, and the instance ID of its installation.</source>
        <translation>Une application Wix installée sur le site de la boutique : son ID client et son secret, et l’ID d’instance de son installation.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="181" />
        <source>An API key made by the site owner in Wix's API keys manager, and the ID of the shop's site.</source>
        <translation>Une clé API créée par le propriétaire du site dans le gestionnaire de clés API de Wix, et l’ID du site de la boutique.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="185" />
        <source>Saving replaces the API key stored now.</source>
        <translation>Enregistrer remplace la clé API enregistrée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/wix_tab.py" line="187" />
        <source>Saving replaces the Wix app stored now.</source>
        <translation>Enregistrer remplace l’application Wix enregistrée.</translation>
    </message>
</context>
<context>
    <name>MailTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="72" />
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="39" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="74" />
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="75" />
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="43" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="77" />
        <source>Sender address</source>
        <translation>Adresse d’expédition</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="81" />
        <source>smtp.example.com</source>
        <translation>smtp.exemple.fr</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="82" />
        <source>587 with STARTTLS, else 25</source>
        <translation>587 avec STARTTLS, sinon 25</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="83" />
        <source>STARTTLS (needed to log in)</source>
        <translation>STARTTLS (obligatoire pour se connecter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="84" />
        <source>Empty: the server needs no login</source>
        <translation>Vide : le serveur ne demande pas de connexion</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="85" />
        <source>shop@example.com</source>
        <translation>boutique@exemple.fr</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="86" />
        <source>Save mail server</source>
        <translation>Enregistrer le serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="95" />
        <source>Stored; type a new one to replace it</source>
        <translation>Enregistré ; tapez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="96" />
        <source>The login's password; it is never shown again</source>
        <translation>Le mot de passe de ce compte ; il n’est plus jamais affiché</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="108" />
        <source>No mail server yet: customer e-mails wait until one is saved here.</source>
        <translation>Pas encore de serveur de messagerie : les e-mails aux clients attendent qu’il soit enregistré ici.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/mail_tab.py" line="109" />
        <source>Customer e-mails leave through {host} as {sender}.</source>
        <translation>Les e-mails aux clients partent par {host} au nom de {sender}.</translation>
    </message>
</context>
<context>
    <name>CategoryRulesTableModel</name>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Final sale</source>
        <translation>Sans reprise</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Exchange only</source>
        <translation>Échange seulement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Store credit only</source>
        <translation>Avoir seul</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Fee %</source>
        <translation>Frais %</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>VAT %</source>
        <translation>TVA %</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Categories come from Wix with the catalogue. Tap a tick to set a rule; select a category to type its fee and VAT (blank: the shop's).</source>
        <translation>Les catégories viennent de Wix avec le catalogue. Touchez une case pour poser une règle ; choisissez une catégorie pour saisir ses frais et sa TVA (vide : ceux de la boutique).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>VAT (%)</source>
        <translation>TVA (%)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>e.g. EUR 20; CHF 8,1</source>
        <translation>p. ex. EUR 20 ; CHF 8,1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Save categories</source>
        <translation>Enregistrer les catégories</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Restocking fee (%)</source>
        <translation>Frais de remise en stock (%)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/categories_tab.py" line="1" />
        <source>Default VAT per currency</source>
        <translation>TVA par défaut par devise</translation>
    </message>
</context>
<context>
    <name>ShopTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="87" />
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="88" />
        <source>Address (one line each)</source>
        <translation>Adresse (ligne par ligne)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="89" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="90" />
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="91" />
        <source>VAT number</source>
        <translation>Numéro de TVA</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="92" />
        <source>Country (FR, BE…)</source>
        <translation>Pays (FR, BE…)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="93" />
        <source>Gift cards valid for (months, 0: no end)</source>
        <translation>Validité des cartes cadeaux (mois, 0 : illimitée)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="94" />
        <source>Receipt footer in French</source>
        <translation>Pied de ticket en français</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="95" />
        <source>Receipt footer in English</source>
        <translation>Pied de ticket en anglais</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="99" />
        <source>14 digits (France)</source>
        <translation>14 chiffres (France)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="100" />
        <source>FR + key + SIREN (France)</source>
        <translation>FR + clé + SIREN (France)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="101" />
        <source>Save the shop's identity</source>
        <translation>Enregistrer l’identité de la boutique</translation>
    </message>
</context>
<context>
    <name>PrinterModelPanel</name>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="151" />
        <source>Printer model and paper width</source>
        <translation>Modèle d’imprimante et largeur du papier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="152" />
        <source>{n} characters</source>
        <translation>{n} caractères</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="153" />
        <source>As the model</source>
        <translation>Selon le modèle</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/shop_tab.py" line="155" />
        <source>Save printer model</source>
        <translation>Enregistrer le modèle</translation>
    </message>
</context>
<context>
    <name>ReceiptSettingsViewModel</name>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="93" />
        <source>The shop's identity is saved: the next receipts print it.</source>
        <translation>L’identité de la boutique est enregistrée : les prochains tickets l’impriment.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="100" />
        <source>The printer model is saved.</source>
        <translation>Le modèle d’imprimante est enregistré.</translation>
    </message>
</context>
<context>
    <name>ShopSettings</name>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="37" />
        <source>The shop needs a name.</source>
        <translation>La boutique doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="38" />
        <source>This SIRET is not valid: 14 digits, as on the Kbis extract.</source>
        <translation>Ce SIRET n’est pas valide : 14 chiffres, comme sur l’extrait Kbis.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="39" />
        <source>This VAT number is not valid: FR, a 2-digit key, then the SIREN.</source>
        <translation>Ce numéro de TVA n’est pas valide : FR, une clé à 2 chiffres, puis le SIREN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="40" />
        <source>The VAT number is not the one of this SIRET's company.</source>
        <translation>Ce numéro de TVA n’est pas celui de l’entreprise de ce SIRET.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="41" />
        <source>A gift card's validity is 0 (no end) to 120 months.</source>
        <translation>La validité d’une carte cadeau va de 0 (illimitée) à 120 mois.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="42" />
        <source>A field is too long: at most 4 lines of 120 characters.</source>
        <translation>Un champ est trop long : 4 lignes de 120 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="43" />
        <source>The country is a 2-letter code, such as FR or BE.</source>
        <translation>Le pays est un code de 2 lettres, comme FR ou BE.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="51" />
        <source>This printer's paper does not have that width.</source>
        <translation>Le papier de cette imprimante n’a pas cette largeur.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/receipt_settings.py" line="52" />
        <source>This printer model is not offered.</source>
        <translation>Ce modèle d’imprimante n’est pas proposé.</translation>
    </message>
</context>
<context>
    <name>KeyTab</name>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Every Z, day, month and year closure and every archive is signed with the shop's key. Note this public key, or its fingerprint, on paper: closures and archives are checked against it.</source>
        <translation>Chaque Z, clôture journalière, mensuelle et annuelle et chaque archive est signée avec la clé de la boutique. Notez cette clé publique, ou son empreinte, sur papier : clôtures et archives sont vérifiées avec elle.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Fingerprint</source>
        <translation>Empreinte de la clé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Public key (Ed25519)</source>
        <translation>Clé publique (Ed25519)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Copy the key</source>
        <translation>Copier la clé</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>The signing key cannot be read on this terminal.</source>
        <translation>La clé de signature ne peut pas être lue sur cette caisse.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Reading the key…</source>
        <translation>Lecture de la clé…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/settings/key_tab.py" line="70" />
        <source>Copied: paste it where you keep the shop's records.</source>
        <translation>Copiée : collez-la là où vous gardez les registres de la boutique.</translation>
    </message>
</context>
</TS>
