CASES = {
'brancher-et-relier-appareils-1b': dict(
  ok=['USB','usb','U.S.B.','prise USB','port USB','une prise USB','USB-A','USB A','USB 3.0','c\'est une prise USB','une USB','la prise USB.','USB.','ports USB','prises USB','port usb 3','USB 2.0','USB 3','entrée USB','connecteur USB','un port USB-A','fiche USB','une entrée USB','la prise USB (trident)','prise usb type A','USB type-A'],
  ko=['HDMI','VGA','RJ45','SD','USC','USB-C','Ethernet','jack','DVI','USB C']),
'brancher-et-relier-appareils-2b': dict(
  ok=['association','associer','appairage','appairer','jumelage','jumeler','couplage','coupler','appariement','pairage',"l'association",'apairage','appareillage','pairing','association Bluetooth','associer les écouteurs','appairage.','Appairage','appairrage','apareillage','jumellage','associer l\'accessoire au téléphone','associer au téléphone','associer les appareils',"l'appairage Bluetooth",'association de l\'appareil','jumelage des appareils'],
  ko=['la connexion Bluetooth','connecter','connexion','synchronisation','synchroniser','installation','téléchargement','activation','partage','dissocier','dissociation','désassocier','oublier','déconnexion','partage de connexion']),
'brancher-et-relier-appareils-3b': dict(
  ok=['Éjecter','ejecter','éjection','Retirer le périphérique en toute sécurité','Éjecter la clé','il clique sur Éjecter','éjecter.','Ejecter','ÉJECTER','ejection','éjecté','éjecter la clé USB','il choisit Éjecter','sur Éjecter','éjeter','Retirer en toute sécurité','retirer le périphérique','retirer en sécurité','retirer le périphérique en sécurité','Éjecter « USB »','la commande Éjecter','Éjecter (le lecteur)',"l'option Éjecter",'option Éjecter','démonter','éjecte'],
  ko=['Supprimer','Formater','Fermer','Couper','Renommer','Retirer','Arrêter','Déconnecter','Enregistrer','Copier']),
'brancher-et-relier-appareils-4c': dict(
  ok=['Étendre','étendu','extension',"étendre l'affichage",'bureau étendu','affichage étendu','mode étendu',"étendre l'écran",'étendre','Etendre','ÉTENDRE','Étendre.','elle choisit Étendre','le mode Étendre','mode Étendre','étendre ces affichages','écran étendu','mode écran étendu','étendre les écrans','en mode étendu','Étends','étendue','mode étendue','étandre','Étendre (deux écrans)','étendre le bureau','double écran étendu',"l'affichage étendu",'le mode étendu','Étendre ces affichages','le mode Étendre ces affichages'],
  ko=['Dupliquer','dupliqué','duplication','recopie','miroir','cloner','Écran de l\'ordinateur seulement','Deuxième écran seulement','projecteur uniquement','PC uniquement','dupliquer les écrans']),
'choisir-equipement-connexion-2b': dict(
  ok=['webcam','une webcam','caméra','une caméra','caméra web','caméra USB','web cam','webcam USB','la webcam','Webcam.','WEBCAM','webcame','wecam','une caméra web','camera','une petite caméra USB','une webcam (caméra)','caméra pour ordinateur','une caméra d\'ordinateur','webcams','caméra externe','une webcam externe','webcam externe'],
  ko=['une cam','cam','imprimante','micro','clé USB','scanner','casque','enceinte','écran','souris','microphone']),
'choisir-equipement-connexion-3b': dict(
  ok=['gigaoctet','gigaoctets','giga-octet','giga-octets','giga octet','giga octets','Gigaoctets.','GIGAOCTETS','un gigaoctet','des gigaoctets','gigaoctet (Go)','gigaoctets (1 000 mégaoctets)','gigaoctés','gigaoctects','gigaoctes','gigaocets','giga-octet(s)','gigaoctet(s)','c\'est gigaoctet'],
  ko=['mégaoctet','kilooctet','gigabit','gigahertz','téraoctet','giga','gigabyte','go','grand octet','gigaoctet par seconde']),
'choisir-equipement-connexion-3f': {
  'autonomie': dict(ok=['D','d','Tablette D','la D','la tablette D','D.','tablette d','« D »','c\'est la D','c\'est la tablette D','la tablette D (13 heures)','D (13 h)','lettre D'], ko=['B','C','A','13']),
  'stockage': dict(ok=['C','c','Tablette C','la C','la tablette C','C.','c\'est la C','c\'est la tablette C','la tablette C (1 To)','C (1 To)','lettre C'], ko=['B','D','A','128']),
},
'choisir-equipement-connexion-4c': dict(
  ok=['partage de connexion','le partage de connexion',"point d'accès","point d'accès mobile","point d'accès mobile et modem",'mode modem','modem','hotspot','hotspot Wi-Fi','hot spot','Hotspot mobile','partager ma connexion','partager sa connexion','partage de connexion 4G','partage de connexion 5G','le partage de conexion','partage de conexion','partage de connexion.','partage de connection','point d\'accès Wi-Fi','point d\'accès personnel','partager la connexion','partage de connexion (point d\'accès)',"point d'accès et modem",'modem et point d\'accès','via le partage de connexion','partager la connexion internet','partager internet','partage internet','connexion partagée','Wi-Fi hotspot','point d\'acces','partage de conexion internet','partager ma 4G','partage 4G','partage de données mobiles','modem Wi-Fi','point d\'accès sans fil','le partage de connexion du téléphone','partage de la connexion'],
  ko=['routeur Wi-Fi','mode avion','Bluetooth','données mobiles','Wi-Fi','wifi','déconnexion','connexion','4G','Wi-Fi direct','NFC','partage de fichiers','Bluetooth modem']),
'mise-en-route-appareil-1c': dict(
  ok=['langue','la langue','langue du téléphone','choix de la langue','langage','langues','Langue.','LANGUE','la langue (français)','français','le français','choisir la langue','choix de la langue (français)','la langue d\'affichage','langue et pays','choisir sa langue','sélection de la langue','langue et région','la langue et la région','lange','langeu'],
  ko=['Wi-Fi','code','compte','heure','pays','date','région','code PIN','mot de passe','clavier']),
'mise-en-route-appareil-2d': dict(
  ok=['3','trois','3 codes','3 codes faux','au bout de 3','au bout de 3 codes faux','après 3 codes faux','au troisième','au 3e essai','3 essais','trois essais','trois fois','3 fois','au bout de trois','à la troisième erreur','après trois erreurs','3 erreurs','au bout de 3 essais','au troisième code faux','3 tentatives','après 3 tentatives','trois tentatives','au bout de trois essais',"c'est 3",'3e','3ème','au 3ème essai'],
  ko=['2','4','5','10','deux','quatre','au bout de 2','10 fois','au deuxième','plus de 3']),
'mise-en-route-appareil-3a': dict(
  ok=['PUK','puk','code PUK','le code PUK','le PUK','P.U.K.','PUK.','code puk de la carte SIM','code de déblocage PUK','PUK (code de déblocage)',"c'est le code PUK",'le code PUK.','PUK code','code PUK (8 chiffres)'],
  ko=['PIN','IMEI','SIM','RIB','PUC','code PIN','PIN2','PUK2','code de déverrouillage']),
'mise-en-route-appareil-3d': {
  'pin': dict(ok=['7391','7 3 9 1','code PIN 7391','PIN 7391','le code 7391','le 7391',"c'est 7391",'7391.','code PIN : 7391','PIN : 7391','le code PIN : 7391','elle tape 7391','7391 (code PIN)','PIN=7391','7391 (PIN)'],
              ko=['52846190','8933','7319','1937','8933104255670912348','7391 52846190']),
  'puk': dict(ok=['52846190','5284 6190','52 84 61 90','code PUK 52846190','PUK 52846190','le code 52846190','52846190.','PUK : 52846190','le code PUK : 52846190','elle tape 52846190','52846190 (code PUK)','le 52846190','PUK=52846190','5284-6190'],
              ko=['7391','8933104255670912348','52846910','PUK']),
},
'mise-en-route-appareil-5c': dict(
  ok=['administrateur','compte administrateur','admin','administrateurs','un compte administrateur','compte admin','administrator','administrateur.','Administrateur','ADMINISTRATEUR','compte d\'administrateur','administrateur de l\'ordinateur','adminstrateur','administateur','le compte administrateur','l\'administrateur','compte administrateur (admin)','compte administrateur local','admin local','administrateur local','super-utilisateur','compte root','root','compte admnistrateur','un administrateur','compte Administrateur'],
  ko=['standard','invité','utilisateur','propriétaire','enfant','compte standard','compte invité','compte utilisateur','parent','famille','compte Microsoft','compte principal']),
'reglages-confort-appareil-1c': dict(
  ok=['Paramètres','Réglages','les paramètres','les réglages','Settings','application Paramètres','application Réglages','appli Paramètres',"l'appli Réglages",'appli Réglages','paramètres du téléphone','les réglages du téléphone','les Paramètres du téléphone','parametres','paramètre','réglage','Paramètres.',"c'est Paramètres","c'est Réglages","l'application Paramètres","l'appli Paramètres",'app Paramètres','appli paramètre','Paramètres (ou Réglages)','Paramètres ou Réglages','Réglages ou Paramètres','les paramètres du téléphone','réglages du téléphone','paramètres du portable','réglages de l\'iPhone','paramètres Android','Paramétres','Paramètre.','parametre','reglages','l\'application Réglages','les paramètres (roue dentée)','PARAMÈTRES','paramêtres','paramétres','les paramétres',"l'application des paramètres","l'application des réglages",'application paramètres du téléphone'],
  ko=['configuration','les param','param','roue dentée','la roue dentée','Galerie','Outils','Horloge','Play Store','App Store','Fichiers','Téléphone','Contacts','Accessibilité','Affichage']),
'reglages-confort-appareil-2b': dict(
  ok=['0','zéro','la touche 0','touche 0','la touche zéro','Ctrl + 0','Ctrl 0','0 (zéro)','touche zéro','sur la touche 0','zero','0.','Ctrl+0','Ctrl et 0','la touche 0 du pavé numérique','le 0','le zéro','sur 0','sur zéro','touche 0 (zéro)','il appuie sur 0','il appuie sur la touche 0','Ctrl + 0 (zéro)','la touche « 0 »','0 à','à','la touche 0 (au-dessus du P)','appuyer sur 0','Ctrl et la touche 0'],
  ko=['1','moins','plus','9','touche 9','la touche 9','-','+','O','la lettre O','Ctrl + -','Échap','Ctrl + 9']),
'reglages-confort-appareil-3c': dict(
  ok=['Notifications','les notifications','la rubrique Notifications','notifs','notification','Notifications.','NOTIFICATIONS','paramètres des notifications','réglages des notifications','notifications des applications','gestion des notifications','Applications et notifications','Notifications et barre d\'état','Notifications d\'applications','notifications des applis','rubrique notification','notifications (application par application)','notificaitons','notfications','notifications app','alertes et notifications','notifications et alertes','dans Notifications','dans la rubrique Notifications','sur Notifications','paramètres de notification','les paramètres de notifications'],
  ko=['Notifications et Son','Sons et notifications','Affichage','Son','Batterie','Autorisations','Applications','Confidentialité','Sécurité','Accessibilité','Alarmes']),
'reglages-navigateur-2b': dict(
  ok=['historique',"l'historique",'historique de navigation','mon historique','son historique','votre historique','l\'historique de navigation','Historique.','HISTORIQUE','historique des pages visitées','historiques','historique (Ctrl + H)','historique Ctrl+H','historique du navigateur','l\'historique des sites visités','historique web','l\'historique web','historique internet','l\'historique internet','historique de recherche','historique des recherches','journal de navigation'],
  ko=['favoris','téléchargements','cookies','onglets','historique des pages non visitées','pages non visitées','marque-pages','cache','signets','liste de lecture']),
'reglages-navigateur-4b': dict(
  ok=['extension','une extension','extensions','module complémentaire','module','add-on','addon','plugin','plug-in','plug in','extention','extension.','Extension','EXTENSION',"c'est une extension",'extension du navigateur','extension de navigateur','modules complémentaires','un module complémentaire','un plugin','un add-on','une extention','extension (module complémentaire)','module complémentaire (extension)','greffon','un greffon','extensions du navigateur','une extension Chrome','extension Chrome','extension Firefox'],
  ko=['onglet','favori','historique','application','logiciel','appli','virus','cookie','widget','mise à jour','programme']),
}
