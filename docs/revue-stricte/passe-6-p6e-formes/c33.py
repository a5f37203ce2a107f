CASES = {
'alleger-un-fichier-1b': dict(
  ok=['video-anniversaire.mp4','video-anniversaire','la vidéo','la vidéo anniversaire',"la vidéo de l'anniversaire",'vidéo anniversaire','video-anniversaire.mp4 (85 Mo)','la vidéo, 85 Mo','video-anniversaire.mp4, 85 Mo','le fichier vidéo','video anniversaire mp4','VIDEO-ANNIVERSAIRE.MP4','video-anniversaire.mp4.','la vidéo car elle fait 85 Mo','video-anniversaire.mp4 car 85 Mo','vidéo-anniversaire.mp4'],
  ko=['photo-jardin.jpg','releve-banque.pdf','lettre.odt','photo-jardin','la photo','lettre','85 Mo']),
'alleger-un-fichier-1c': dict(
  ok=['1000','1 000','mille','environ 1000','environ 1 000','1000 Ko','1 000 Ko','1000ko','1024','1 024','un millier','à peu près 1 000 Ko','environ mille Ko','1000 kilo-octets','il faut 1 000 Ko','1 000 (ou 1 024)','1000.','Mille.'],
  ko=['100','10','1 000 000','cent','10 000','1']),
'alleger-un-fichier-2c': dict(
  ok=['3','3 Mo','trois','trois Mo','3Mo','3 mégaoctets','3 Mo maximum','il reste 3 Mo','10 - 7 = 3','encore 3 Mo','3 Mo au total','au plus 3 Mo','3 Mo en tout',"jusqu'à 3 Mo"],
  ko=['5','7','10','2','3,5','5 Mo']),
'compatibilite-fichiers-2c': dict(
  ok=['Ouvrir avec','ouvrir avec','Ouvrir avec...','Ouvrir avec…','« Ouvrir avec »','"Ouvrir avec"','ouvrir avec.','la commande Ouvrir avec','je clique sur Ouvrir avec','ouvrir-avec','ouvrir avek','ouvrir avec une autre application','ouvrir avec une application'],
  ko=['Ouvrir','Propriétés','Renommer','Envoyer vers','ouvrir le fichier','Ouvrir dans']),
'_compatibilite-fichiers-5c': dict(
  ok=['ods','.ods','ODS','c\'est ods','format ods','extension ods','fichier .ods','ods.','le format .ods','l\'extension .ods','OpenDocument ods','ods (OpenDocument)'],
  ko=['odt','odp','xlsx','xls','pdf','csv','od']),
'format-selon-usage-1b': dict(
  ok=['pdf','PDF','.pdf','c\'est pdf','extension pdf','les lettres pdf','pdf.','le pdf','p d f','format PDF','l\'extension .pdf','c\'est un PDF'],
  ko=['attestation','droits','attestation-droits','attestation-droits.pdf']),
'format-selon-usage-2c': dict(
  ok=['suivi-candidatures.ods','Suivi-candidatures.ODS','suivi-candidatures.ods.','le fichier suivi-candidatures.ods','celui en .ods','le .ods','suivi-candidatures.ods car elle doit le compléter','suivi-candidatures.ods (tableur)','suivi_candidatures.ods','suivi candidatures ods','« suivi-candidatures.ods »','je lui envoie le fichier suivi-candidatures.ods','suivi-candidatures.ods, le tableur','le fichier ods'],
  ko=['suivi-candidatures.pdf','suivi-candidatures','le pdf','pdf','les deux']),
'format-selon-usage-2d': dict(
  ok=['docx','.docx','DOCX','docx.','le docx','format docx','lettre-motivation.docx','odt','.odt','ODT','compte-rendu.odt','extension .odt','du .docx'],
  ko=['pdf','jpg','doc','cv.pdf','facture.pdf','photo-identite.jpg']),
'format-selon-usage-4a': {
  'photo': dict(ok=['jpg','.jpg','JPG','jpeg','.jpeg','JPEG','jpg.','format jpg','du .jpg','jpg ou jpeg'], ko=['png','pdf','heic','gif']),
  'capture': dict(ok=['png','.png','PNG','png.','format png','en .png','du png'], ko=['jpg','jpeg','pdf','gif']),
  'document': dict(ok=['pdf','.pdf','PDF','pdf.','format pdf','en .pdf','du pdf'], ko=['docx','odt','jpg','png']),
},
'numeriser-document-4a': dict(
  ok=['OCR','ocr','ROC','l\'OCR','la reconnaissance de texte','reconnaissance optique de caractères','reconnaissance de caractères','reconnaissance optique de caractère','O.C.R.','O.C.R','la fonction OCR','OCR.','reconaissance de texte','reconnaissance de texte (OCR)','OCR (reconnaissance de texte)','la reconnaissance des caractères','reconnaissance automatique de caractères','reconnaissance du texte','océrisation'],
  ko=['PDF','JPG','scanner','zoom','copier','scan','copier-coller']),
'remplir-signer-pdf-2b': dict(
  ok=['Enregistrer sous','enregistrer sous','Enregistrer sous...','Enregistrer sous…','« Enregistrer sous »','Fichier > Enregistrer sous','Fichier puis Enregistrer sous','enregistrer-sous','enregistrer sous un nouveau nom','elle fait enregistrer sous','Enregistrer sous (Ctrl+Maj+S)','sauvegarder sous','Enregistrer une copie','enregistrer sous.','Enregistrer sous un autre nom','la commande « Enregistrer sous »','Enregistrer-sous...'],
  ko=['Enregistrer','Imprimer','Fermer','Exporter','Partager','Ouvrir','Enregistrer tout']),
'remplir-signer-pdf-4b': dict(
  ok=['3-5','3 - 5','3 -5','3- 5','3-5.','3,4,5','3, 4, 5','3;4;5','pages 3-5','p. 3-5','3-5 (conditions particulières)','« 3-5 »','"3-5"','3–5','3,4-5','3-4,5','3-4-5','page 3-5','Pages : 3-5','pages 3-5.'],
  ko=['3 4 5','3','5','35','3,5','1-8','3-4','4-5','2-5','3-8','3 5']),
'remplir-signer-pdf-4d': dict(
  ok=['3-6','3 - 6','3 -6','3-6.','3,4,5,6','3, 4, 5, 6','3-4,5-6','3-4, 5-6','3;4;5;6','pages 3-6','p. 3-6','« 3-6 »','"3-6"','3–6','3-6 (octobre et novembre)','Pages : 3-6','3-4-5-6','3,4,5-6','3-5,6'],
  ko=['3 4 5 6','3,6','3;6','1-7','3-4','5-6','36','2-6','3-7','4-6','3-4,6']),
'retouche-photo-1b': dict(ok=['2','deux'], ko=['1']),
}
CASES['compatibilite-fichiers-5d'] = dict(
  ok=['PDF/A','pdf/a','PDF A','PDFA','pdf-a','le format PDF/A','PDF/A-1b','PDF / A','la norme PDF/A',"c'est le PDF/A",'PDF/A (ISO 19005)','PDFa','PDF/A.','« PDF/A »','un PDF/A','le PDF/A','PDF/A-2b','pdf a'],
  ko=['PDF','PDF/X','PDF/UA','PDF protégé','PDF archive',"PDF d'archivage",'PDF sécurisé','docx','odt','PDF/E','pdf normal','A'])
