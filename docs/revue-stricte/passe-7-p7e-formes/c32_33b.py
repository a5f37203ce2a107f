CASES = {
'annoter-masquer-image-2b': dict(ok=["la gomme de l'outil d'annotation",'gomme (effacer)',"l'outil gomme pour effacer",'la gomme pour effacer le trait qui déborde','une gomme','Gomme !'], ko=['supprimer','la poubelle']),
'retouche-photo-3f': dict(ok=["le contraste, pour que l'écriture ressorte",'augmenter le contraste de la photo','je monte le contraste','le contraste !'], ko=['la luminosité','la netteté']),
'numeriser-document-4a': dict(ok=['OCR (ROC)','reconnaissance optique','la ROC',"l'OCR, reconnaissance de texte",'la reconnaissance de caractères','OCR.'], ko=['scan','PDF']),
'compatibilite-fichiers-5d': dict(ok=["le PDF/A, fait pour l'archivage",'PDF/A (archive)','format PDF-A','pdf/a.','PDF / A'], ko=['PDF/UA','PDF/X']),
'format-selon-usage-1b': dict(ok=['p.d.f','pdf (portable document format)','« pdf »','les lettres « pdf »'], ko=['attestation']),
'images-droits-licences-1b': dict(ok=["c'est Kenza qui l'a prise",'Kenza (la cousine de Dylan)','Kenza !','elle s\'appelle Kenza'], ko=['Dylan, son cousin']),
'remplir-signer-pdf-2b': dict(ok=["enregistrer sous (pour garder l'original)",'Enregistrer sous puis changer le nom','« Enregistrer sous… »','enregistrer sous...'], ko=['enregistrer','sauvegarder']),
'alleger-un-fichier-2c': dict(ok=['3 Mo restants','il me reste 3 Mo','encore 3 Mo','3 Mo.','trois mégaoctets'], ko=['3 Go','5 Mo','7']),
'affiche-invitation-6d': {'largeur': dict(ok=['154 mm de large','154 millimètres de large','154,0'], ko=['151 mm']), 'hauteur': dict(ok=['216 mm de haut','216,0'], ko=['213 mm'])},
'retouche-photo-1b': dict(ok=['appuyer 2 fois','2 appuis (demi-tour)','il faut appuyer deux fois','deux appuis'], ko=['4 appuis','une']),
'format-selon-usage-2c': dict(ok=['suivi-candidatures.ods, car elle doit le compléter','le fichier ods','suivi-candidatures.ods (modifiable)'], ko=['suivi-candidatures.pdf car il est plus propre']),
'compatibilite-fichiers-2c': dict(ok=['Ouvrir avec.','OUVRIR AVEC','ouvrir avec…'], ko=['ouvrir']),
}
