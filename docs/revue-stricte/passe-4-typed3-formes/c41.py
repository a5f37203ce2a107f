CASES = {
'hameconnage-2d': dict(
  ok=['horizon-banque-securite.com','@horizon-banque-securite.com','Horizon-Banque-Securite.com','horizon-banque-sécurité.com',"c'est horizon-banque-securite.com",'horizon-banque-securite.com.','le domaine horizon-banque-securite.com',' horizon-banque-securite.com ','horizon-banque-securite .com',"l'adresse horizon-banque-securite.com",'horizon-banque-securite','après l\'arobase : horizon-banque-securite.com','HORIZON-BANQUE-SECURITE.COM','horizon-banque-securite.com (ce n\'est pas la banque)', 'le nom de domaine horizon-banque-securite.com'],
  ko=['banque-horizon.fr','alerte','banque horizon','horizon-banque.fr','alerte@horizon-banque-securite.com','Banque Horizon – Service client','securite.com','horizon-banque-securite.fr']),
'hameconnage-3a': dict(
  ok=['remboursement-assure.com','www.remboursement-assure.com','remboursement-assuré.com','https://remboursement-assure.com','https://www.remboursement-assure.com','remboursement-assure.com/','http://remboursement-assure.com',"c'est remboursement-assure.com",'sur remboursement-assure.com','elle est sur remboursement-assure.com','le site remboursement-assure.com','Remboursement-Assure.com','remboursement-assure.com (pas ameli)'],
  ko=['ameli.fr','www.ameli.fr','ameli.fr.remboursement-assure.com','remboursement-assure','assure.com','https://www.ameli.fr.remboursement-assure.com/connexion','www.ameli.fr.remboursement-assure.com','ameli','remboursement-assure.fr']),
'hameconnage-3c': {
  'lien1': dict(ok=['fr-verification.com','fr-vérification.com','FR-verification.com','https://fr-verification.com','fr-verification.com/login',"c'est fr-verification.com",'le site fr-verification.com','www.fr-verification.com'],
                ko=['franceconnect.gouv.fr','gouv.fr','verification.com','gouv.fr-verification.com','franceconnect.gouv.fr-verification.com','franceconnect']),
  'lien2': dict(ok=['suivi-envoi.net','www.suivi-envoi.net','https://suivi-envoi.net','suivi-envoi.net/colis',"c'est suivi-envoi.net",'le site suivi-envoi.net','Suivi-Envoi.net'],
                ko=['laposte.fr','www.laposte.fr','envoi.net','laposte.fr.suivi-envoi.net','www.laposte.fr.suivi-envoi.net','suivi-envoi.fr']),
},
'hameconnage-5a': dict(
  ok=['33700','33 700','33-700','33.700','au 33700','le 33700',"c'est le 33700",'numéro 33700','au numéro 33700','le numéro 33 700','transférer au 33700','je le transfère au 33700','transférer le SMS au 33700','je transfère le SMS au 33700','en le transférant au 33700','33700.','le 33 700', 'le transférer au 33 700'],
  ko=['3018','17','33300','33070','37000','3370','337000','7726','33 7000']),
'mots-de-passe-3c': dict(
  ok=['1','un','un seul','1 seul','une seule','seulement un','juste un','un seul mot de passe','1 mot de passe',"c'est 1",'le mot de passe principal','mot de passe maître','le mot de passe maître','un seul : le mot de passe maître','celui du gestionnaire','le mot de passe du gestionnaire','un seul, celui du gestionnaire','1 (celui du gestionnaire)','elle doit en retenir un seul',"il n'y en a qu'un","un seul : celui du gestionnaire de mots de passe","1 seul : le mot de passe du gestionnaire",'un : le mot de passe principal','le mot de passe du gestionnaire de mots de passe','uniquement celui du gestionnaire','un seul mot de passe principal'],
  ko=['0','2','15','16','aucun','tous','les 15','2 mots de passe','aucun, le gestionnaire les retient','15 mots de passe']),
'securite-appareils-3b': dict(
  ok=['exe','.exe','EXE','Exe','extension exe',"l'extension exe","l'extension .exe","c'est exe","c'est .exe","c'est un .exe",'un .exe','exe.','« exe »','"exe"','la vraie extension est exe','.EXE', 'exe (un programme)','un exe',"c'est un exe"],
  ko=['pdf','pdf.exe','facture','.pdf','facture-electricite','ex','exe pdf','pdf exe']),
'securite-appareils-3d': {
  'fichier1': dict(ok=['js','.js','JS','extension js',"l'extension js","c'est js","c'est .js",'un .js','.JS'], ko=['pdf','pdf.js','pdf js','relevé']),
  'fichier2': dict(ok=['docx','.docx','DOCX','extension docx',"c'est docx","c'est .docx",'un .docx'], ko=['doc','cv','pdf','word']),
},
'telephone-perdu-ou-vole-1c': dict(
  ok=['SIM','sim','Sim','carte SIM','la carte SIM','puce SIM','eSIM','e-SIM','SIM.','S.I.M.','nano SIM','nano-SIM','micro SIM','micro-SIM','la SIM','une carte SIM',"c'est la carte SIM",'carte sim du téléphone','la carte SIM (ou eSIM)','SIM ou eSIM'],
  ko=['sim card','SD','mémoire','vitale','bancaire','micro SD','microSD','carte SD','mémoire SD','puce','téléphone']),
'telephone-perdu-ou-vole-2c': dict(
  ok=['Faire sonner','faire sonner','sonner','Faire sonner le téléphone','le bouton Faire sonner','bouton Faire sonner','sur Faire sonner','sur le bouton Faire sonner',"c'est Faire sonner",'elle clique sur Faire sonner','elle appuie sur Faire sonner','appuyer sur Faire sonner','cliquer sur Faire sonner','faire sonné','faire soner','« Faire sonner »','Faire sonner.','faire sonner son téléphone','le faire sonner','elle le fait sonner','touche Faire sonner'],
  ko=['sonnerie','Verrouiller',"Effacer l'appareil",'Effacer','verrouiller le téléphone','la carte','localiser','effacer le téléphone']),
'telephone-perdu-ou-vole-4a': dict(
  ok=['*#06#','* # 0 6 #','*#06# ','taper *#06#','je tape *#06#','le code *#06#','*#06# puis appeler','*#06# puis la touche appel','*#06# et appeler','étoile dièse 06 dièse','étoile dièse zéro six dièse',"c'est *#06#",'on tape *#06#','*#06#.','composer *#06#','je compose *#06#','il faut taper *#06#'],
  ko=['#06#','*06#','*#06','06','*#60#','*#07#','#*06#','*#06*']),
'_telephone-perdu-ou-vole-6c': dict(
  ok=['PUK','puk','code PUK','le code PUK','P.U.K.','le PUK',"c'est le code PUK","c'est le PUK",'PUK.','code de déblocage PUK','PUK (code de déblocage)','code puk'],
  ko=['PIN','IMEI','PIN2','PUK2','SIM','code PIN','pin','déblocage']),
'wifi-de-la-maison-1c': dict(
  ok=['cadenas','un cadenas','le cadenas',"c'est un cadenas",'petit cadenas','un petit cadenas','cadena','cadenat','Cadenas','un cadenas fermé','cadenas fermé','icône cadenas',"l'icône du cadenas",'le dessin du cadenas','le symbole du cadenas','le petit cadenas','un cadenas.'],
  ko=['clé','clef','serrure','bouclier','étoile','cadran','éventail','ondes','un cadenas ouvert']),
'wifi-de-la-maison-2b': dict(
  ok=['4','quatre','4 appareils','quatre appareils','les 4 appareils','4 appareils en Wi-Fi','il y en a 4','elle devra en reconnecter 4','4 : deux téléphones, la tablette et l\'imprimante'],
  ko=['5','1','3','0','cinq','5 appareils','tous']),
'wifi-de-la-maison-3b': {
  'tablette': dict(ok=['Tq7wZ4nPx9Kd',' Tq7wZ4nPx9Kd '], ko=['gK83vRm2','Maison-4C21','192.168.1.1','tq7wz4npx9kd','TQ7WZ4NPX9KD','Tq7wZ4nPx9Kb']),
  'reglages': dict(ok=['gK83vRm2'], ko=['Tq7wZ4nPx9Kd','admin','192.168.1.1','Maison-4C21','gk83vrm2','GK83VRM2']),
},
}
