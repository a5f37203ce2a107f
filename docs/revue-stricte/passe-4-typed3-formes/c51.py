CASES = {
'appareil-bloque-1c': dict(
  ok=['Redémarrer','redemarrer','redémarrer l\'ordinateur','sur Redémarrer','cliquer sur Redémarrer','elle clique sur Redémarrer','redémarrage','Redémarrer.','« Redémarrer »','redemarer','le choix Redémarrer',"l'option Redémarrer",'redémarrer le PC','Redémarre','le bouton Redémarrer','je clique sur Redémarrer','elle choisit Redémarrer','il faut redémarrer','Redemarrer','REDÉMARRER','elle appuie sur Redémarrer','appuyer sur Redémarrer'],
  ko=['Arrêter','Mettre en veille','Veille','éteindre','arrêter','mise en veille','Arrêter puis rallumer','Démarrer']),
'appareil-bloque-3d': dict(
  ok=['Ctrl + S','ctrl+s','CTRL S','Ctrl-S','ctrl s','Ctrl et S','appuyer sur Ctrl et S','appuyer sur les touches Ctrl et S','touche Ctrl et touche S','touches ctrl s','les touches Ctrl S','Contrôle S','control s','touche contrôle et S','Ctrl+S en même temps','il appuie sur Ctrl et S','Ctrl + S (enregistrer)','Crtl + S','Ctrl + s',"j'appuie sur Ctrl + S",'il appuie sur les touches Ctrl et S','Ctrl + S.','ctrl/s','la touche Ctrl + la touche S','Ctrl puis S','il tape Ctrl + S','il fait Ctrl S','touche Ctrl + S','CTRL+S','Ctrl + S pour enregistrer', 'les touches Ctrl + S','Ctrl, S'],
  ko=['Ctrl + Z','Ctrl + P','Ctrl + C','Ctrl + E','Ctrl + V','S','Ctrl','Alt + S','Maj + S','Ctrl + Maj + S','Cmd + S','Ctrl + A','F12']),
'compte-inaccessible-1c': dict(
  ok=['œil','oeil','un œil','yeux','un oeil','l\'œil','un petit œil','œil ouvert','icône œil','Œil','OEIL','oeil.','les yeux','un œil.',"c'est un œil",'un dessin d\'œil','œuil','oueil'],
  ko=['cadenas','clé','loupe','étoile','lunettes','point','flèche','croix']),
'compte-inaccessible-2c': dict(
  ok=['Spam','spams','Indésirables','indésirable','courrier indésirable','courriers indésirables','le dossier spam','dossier des spams','pourriel','dossier indésirables','courriel indésirable','courriels indésirables','messages indésirables','les indésirables','Junk','spam/indésirables','Courrier indésirable (spam)','les spams','SPAM','spam.','dans les spams','dans le dossier spam','dans les indésirables','indésirables (spam)','le dossier courrier indésirable','pouriel','indesirables','dossier spam ou indésirables','mails indésirables','le dossier Spam ou Courrier indésirable'],
  ko=['Corbeille','Brouillons','Envoyés','Archives','Boîte de réception','réception','promotions','publicités','arnaques','poubelle']),
'compte-inaccessible-3b': dict(
  ok=['159803','159 803','159-803','159803.','le code 159803',"c'est 159803",'le dernier : 159803','159 803 (le dernier reçu)','le dernier code 159803','elle tape 159803','1 5 9 8 0 3','celui de 10:05 : 159 803','159803, le dernier','le plus récent : 159 803','le code de 10:05, 159803'],
  ko=['482915','730264','482 915','730 264','159 830','159803 ou 730264','le premier','le dernier']),
'connexion-internet-1c': dict(
  ok=['mode avion','avion','le mode avion','Mode Avion','mode avion.','le mode hors ligne','mode hors-connexion','mode vol','activer le mode avion','mettre le téléphone en mode avion','mettre en mode avion','mode avion activé','passer en mode avion','mode "avion"','mode « avion »','Mode avion ✈','mode avions','modeavion','mode hors ligne','mode avion (hors ligne)','le mode avion activé','airplane mode','mode avoin','mode avio'],
  ko=['mode silencieux',"mode économie d'énergie",'mode nuit','ne pas déranger','mode avion désactivé','Wi-Fi','Bluetooth','données mobiles','mode veille','mode vibreur','désactiver le mode avion']),
'connexion-internet-2b': dict(ok=['k7Hq29LmTx4p',' k7Hq29LmTx4p'], ko=['Box-7F3A','admin','K7HQ29LMTX4P','k7hq29lmtx4p','2B47-0918-5563','k7Hq29LmTx4P']),
'imprimante-depannage-3e': dict(
  ok=['2-4, 7','2-4,7','2,3,4,7','2, 3, 4, 7','7, 2-4','2 - 4 , 7','2-4, 7.','2,3,4,7.','2–4,7','2-4 ,7','2-4, 7 ','pages 2-4, 7','pages 2-4,7'],
  ko=['2,4,7','2, 4, 7','2-7','2-4','2-4-7','1-4, 7','2-4, 8','247','2-47','1-5, 8, 11-13','2-4, 6','2-4, 7-8','3-4, 7']),
'imprimante-depannage-5c': dict(
  ok=['pilote','driver','un pilote','pilotes','le pilote de l\'imprimante',"pilote d'impression",'drivers','pilot','pillote','un driver','logiciel pilote','pilote imprimante','le pilote','Pilote.','pilote (driver)','driver (pilote)',"c'est le pilote","le pilote d'imprimante",'PILOTE','un pilote d\'imprimante'],
  ko=['navigateur','antivirus','tableur','serveur','logiciel d\'impression','firmware','spouleur','application']),
'site-ou-formulaire-bloque-1d': dict(
  ok=['actualiser','recharger','rafraîchir','rafraichir','réactualiser','actualise','actualiser la page','rafraîchir la page','raffraichir','raffraîchir','recharger la page','Actualiser.','actualisé','rafraichir la page','actualiser (F5)','actualiser ou recharger','recharger ou actualiser','on actualise la page','il faut actualiser','refresh','rafraîchissement','réactualiser la page','recharge','recharger (actualiser)'],
  ko=['télécharger','retourner','fermer','enregistrer','imprimer','revenir','précédent','redémarrer','charger']),
'site-ou-formulaire-bloque-2a': dict(
  ok=['Courriel','courriel *','la case courriel','Courriel*','courriels','courier','l\'e-mail','mail','adresse courriel','le courriel','Courriel (obligatoire)','e-mail','adresse mail','la case du courriel','case e-mail','elle doit remplir le courriel','la case Courriel.','« Courriel »','courriel.','Courriel *.','COURRIEL','l\'adresse électronique','adresse e-mail','son mail','la case mail','le champ courriel','le champ Courriel *','celle du courriel','sa case courriel','mél','son adresse courriel','la case e-mail','la case adresse mail','elle doit remplir la case Courriel *','il faut remplir Courriel'],
  ko=['Téléphone','Nom','Prénom','tel','téléphone','numéro de téléphone','Envoyer','aucune']),
'site-ou-formulaire-bloque-2b': dict(
  ok=['07/03/1958','07 / 03 / 1958','le 07/03/1958','07/03/1958.',"c'est 07/03/1958",'il tape 07/03/1958'],
  ko=['7/3/1958','07/03/58','03/07/1958','7 mars 1958','1958/03/07','07/03/1985','07-03-1958','08/03/1958','07/04/1958']),
'site-ou-formulaire-bloque-2d': {
  'jour': dict(ok=['09','9',' 09'], ko=['19','90','7','neuf']),
  'mois': dict(ok=['11','11 ','le 11'], ko=['9','09','10','12','1','novembre']),
  'annee': dict(ok=['2014','2014 '], ko=['14','2004','2041','2015']),
},
'site-ou-formulaire-bloque-4b': dict(
  ok=['pop-up','popup','pop up','pop-ups','fenêtres pop-up','fenêtre surgissante','fenêtres contextuelles','popups','des popups','les fenêtres pop-up','pop-up publicitaires','popup publicitaire','pop-up.','Pop-Up','POPUP',"pop'up",'fenêtres popup','fenêtres surgissantes','les pop-ups','pop-up (fenêtres surgissantes)','fenêtres pop up','popops','fenetre pop-up','une pop-up','un pop-up','fenêtre pop-up publicitaire','pop-up ou fenêtres surgissantes'],
  ko=['onglet','cookie','bandeau','publicité','notification','cookies','bannière','fenêtres','onglets','virus','spam']),
'son-et-micro-2c': dict(
  ok=['Bluetooth','bluetooth','blutooth','bluetouth','le Bluetooth','en Bluetooth','Bluetooh','blue tooth','Bluetooth.','BLUETOOTH','par Bluetooth','via Bluetooth','la connexion Bluetooth','bluetooth (sans fil)','le bluetooth','bluethooth','bleutooth'],
  ko=['Wi-Fi','wifi','NFC','4G','5G','infrarouge','jack','câble','radio','USB']),
'stockage-et-batterie-2c': dict(
  ok=['3','3 Go','3Go','trois','trois gigaoctets','il reste 3 Go','3 Go de libre','3 gigas','3 G','3 go libres','3 gigaoctets','3,0','il reste trois Go',"il n'en reste que 3",'seulement 3 Go','3 Go.','3 Go restants','64 - 61 = 3'],
  ko=['125','61','4','64','2','moins de 3','environ 3','30']),
}
CASES['son-et-micro-2d'] = dict(
  ok=['Bluetooth','bluetooth','le Bluetooth','blutooth','couper le Bluetooth','désactiver le Bluetooth','il coupe le Bluetooth','il désactive le Bluetooth','Bluetooth.','le bluetooth du téléphone','en Bluetooth','éteindre le Bluetooth'],
  ko=['BT?','Wi-Fi','wifi','données mobiles','4G','mode avion','NFC','couper le Wi-Fi','localisation','le Wi-Fi','réseau mobile'])
del CASES['son-et-micro-2c']
