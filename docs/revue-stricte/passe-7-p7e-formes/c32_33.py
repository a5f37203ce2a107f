CASES = {
'affiche-invitation-1c': dict(
  ok=['lieu','le lieu','Le lieu.','adresse',"l'adresse",'où','la salle','le lieu, il manque','il manque le lieu','le lieu car on ne sait pas où aller',"l'adresse, on ne sait pas où c'est",'le lieu du vide-grenier','l adresse','ladresse','endroit','lieu et adresse','la rue'],
  ko=['heure','date','le prix','le nom','titre']),
'affiche-invitation-6d': {
  'largeur': dict(ok=['154','154 mm','154mm','cent cinquante-quatre','148 + 6 = 154','154 millimètres','il faut 154 mm','154 de large'], ko=['151','148','145','15,4','151 mm','148 mm']),
  'hauteur': dict(ok=['216','216 mm','216mm','deux cent seize','210 + 6 = 216','216 millimètres','216 de haut'], ko=['213','210','207','213 mm','21,6']),
},
'annoter-masquer-image-1c': dict(
  ok=['texte','Texte','le texte',"l'outil texte",'T','Aa','zone de texte','ajouter du texte','l\'outil Texte','texte (T)','outil Texte','les lettres Aa','le T','textes'],
  ko=['crayon','stylo','dessin','feutre','gomme','filtre']),
'annoter-masquer-image-2b': dict(
  ok=['gomme','la gomme','une gomme','Gomme.',"l'outil gomme",'effaceur','annuler','la flèche annuler','défaire','gomme pour effacer le trait','la gomme, pour effacer seulement le trait','gome','la gome','l effaceur'],
  ko=['poubelle','recadrer','supprimer','filtre','luminosité','stylo','crayon']),
'annoter-masquer-image-3c': dict(
  ok=['recadrer','Recadrer','le recadrage','recadrage','rogner','rognage','couper','recadrer la capture','recadrer pour couper le bas','l outil recadrer','recadré','recardrer','recadrer, pour enlever la dernière ligne','recadrer car la ligne est au bord','recadrer (rogner)','découper'],
  ko=['gomme','flou','filtre','luminosité','pivoter','texte','stylo','rectangle']),
'images-droits-licences-1b': dict(
  ok=['Kenza','kenza','c\'est Kenza','Kenza.','Kenza, elle a pris la photo','Kenza car c\'est elle qui a pris la photo','sa cousine Kenza','Kenza la cousine','Kenza (la cousine)','Kenza qui l\'a prise','c\'est Kenza l\'auteur','Kenza est l\'auteur'],
  ko=['Dylan','dylan','le cousin','Dylan car il l\'a publiée','le réseau social','les deux','Kenza et Dylan']),
'retouche-photo-1b': dict(
  ok=['2','deux','2 fois','deux fois','il faut appuyer 2 fois','2 appuis','deux appuis','2 quarts de tour','appuyer deux fois','2 (un demi-tour)','2 fois pour faire un demi-tour'],
  ko=['1','4','3','une fois','4 fois','1 fois','2 ou 4']),
'retouche-photo-3f': dict(
  ok=['contraste','le contraste','Contraste.','plus de contraste','augmenter le contraste','contrast','le contraste, pour séparer la craie du tableau','contraste car la craie ressortira','le curseur contraste','contrastes','le contraste au maximum','contraste (à droite)'],
  ko=['luminosité','la luminosité','saturation','netteté','exposition','lumière','luminosité et contraste']),
'alleger-un-fichier-1b': dict(
  ok=['video-anniversaire.mp4','video-anniversaire','la vidéo','la vidéo anniversaire','video anniversaire.mp4','la vidéo de l\'anniversaire','video-anniversaire.mp4, 85 Mo','video-anniversaire.mp4 (85 Mo)','la vidéo, 85 Mo','video-anniversaire.mp4 car elle fait 85 Mo','la vidéo d\'anniversaire qui fait 85 Mo','video-anniversaire.MP4','vidéo anniversaire'],
  ko=['photo-jardin.jpg','releve-banque.pdf','lettre.odt','photo-jardin','la photo','le relevé']),
'alleger-un-fichier-1c': dict(
  ok=['1000','1 000','mille','1000 Ko','environ 1000','1024','environ 1 000 Ko','à peu près mille','mille kilo-octets','1 000 (ou 1 024)','un millier','1000 ko','environ 1000 ko'],
  ko=['100','10','1000000','cent','10 000','1']),
'alleger-un-fichier-2c': dict(
  ok=['3','3 Mo','3Mo','trois','trois Mo','il reste 3 Mo','10 - 7 = 3','3 mégaoctets','3 méga','encore 3 Mo','3 Mo au maximum','3 mo','au plus 3 Mo'],
  ko=['5','7','10','2','3 Go','3 Ko','5 Mo','7 Mo']),
'compatibilite-fichiers-2c': dict(
  ok=['Ouvrir avec','ouvrir avec','« Ouvrir avec »','Ouvrir avec…','ouvrir avec...','la commande Ouvrir avec','sur Ouvrir avec','ouvrir avec, pour choisir l\'application','Ouvrir avec puis l\'application','ouvrir aveq'],
  ko=['Ouvrir','ouvrir','Propriétés','Renommer','Envoyer vers']),
'compatibilite-fichiers-5d': dict(
  ok=['PDF/A','pdf/a','PDF-A','PDFA','PDF A','le PDF/A','le format PDF/A','PDF/A-1b','PDF/A, pour l\'archivage','pdf/a (archivage)','la norme PDF/A'],
  ko=['PDF','PDF/X','PDF/UA','PDF protégé','PDF sécurisé','docx','PDF/E','odt','PDF archive']),
'format-selon-usage-1b': dict(
  ok=['pdf','PDF','.pdf','les lettres pdf','c\'est pdf','l\'extension pdf','p d f','P.D.F','pdf.'],
  ko=['attestation','droits','attestation-droits','doc','jpg']),
'format-selon-usage-2c': dict(
  ok=['suivi-candidatures.ods','Suivi-candidatures.ods','le fichier suivi-candidatures.ods','suivi-candidatures.ods, car elle doit le compléter','suivi candidatures.ods','suivi-candidatures.ods (tableur)','celui en .ods','le .ods','suivi-candidatures.ods car c\'est le tableur modifiable'],
  ko=['suivi-candidatures.pdf','suivi-candidatures','le pdf','le fichier pdf','les deux']),
'format-selon-usage-2d': dict(
  ok=['docx','DOCX','.docx','le docx','du docx','lettre-motivation.docx','odt','.odt','compte-rendu.odt'],
  ko=['pdf','jpg','.pdf','jpeg']),
'format-selon-usage-4a': {
  'photo': dict(ok=['jpg','JPG','.jpg','jpeg','en jpg','le jpg','JPEG','jpg ou jpeg'], ko=['png','pdf','heic','gif']),
  'capture': dict(ok=['png','PNG','.png','en png','le png','du png'], ko=['jpg','pdf','jpeg','gif']),
  'document': dict(ok=['pdf','PDF','.pdf','en pdf','le pdf','du pdf'], ko=['docx','odt','jpg','png']),
},
'numeriser-document-4a': dict(
  ok=['OCR','ocr','l\'OCR','la reconnaissance de texte','reconnaissance optique de caractères','ROC','reconnaissance de caractères','OCR (reconnaissance de texte)','la reconnaissance optique des caractères','l OCR','reconnaissance du texte','O.C.R.','océrisation','reconnaissance automatique de texte','OCR pour copier le texte','la fonction OCR'],
  ko=['PDF','scanner','zoom','JPG','copier','Word','traitement de texte']),
'remplir-signer-pdf-2b': dict(
  ok=['Enregistrer sous','enregistrer sous','Enregistrer sous…','enregistrer sous...','« Enregistrer sous »','Enregistrer une copie','enregistrer-sous','la commande Enregistrer sous','sur Enregistrer sous','Fichier > Enregistrer sous','enregistrer sous un autre nom','enregistrer sous, pour garder le formulaire vide','enregistre sous'],
  ko=['Enregistrer','enregistrer','Imprimer','Fermer','Exporter','Partager','Enregistrer tout']),
'_remplir-signer-pdf-4b-ancienne': dict(
  ok=['3-5','3 - 5','3–5','pages 3-5','les pages 3-5','3,4,5','3-5 uniquement','3-5 (conditions particulières)','« 3-5 »','3-5.','p. 3-5','3, 4, 5','3;4;5','3-5 pour les conditions particulières'],
  ko=['3','5','3,5','1-8','3-4','4-5','35','2-5','3-6']),
'remplir-signer-pdf-4d': dict(
  ok=['3-6','3 - 6','3–6','pages 3-6','les pages 3-6','3,4,5,6','3-4,5-6','3-6.','3, 4, 5, 6','3-6 (octobre et novembre)','3-6 pour octobre et novembre'],
  ko=['3,6','1-7','3-4','5-6','36','2-6','3-7','4-6','3-5']),
}
