CASES = {
'affiche-invitation-1c': dict(
  ok=['lieu','le lieu','Lieu','adresse',"l'adresse","c'est l'adresse",'il manque le lieu',"il manque l'adresse",'le lieu.','où',"l'endroit",'le lieu du vide-grenier',"l'adresse exacte",'la rue','adresse précise','lieux','lieu (adresse)',"l'adresse car on ne sait pas où c'est",'emplacement','localisation'],
  ko=['date','heure','horaire','le prix','titre','le quartier','le nom du quartier','le jour']),
'annoter-masquer-image-1c': dict(
  ok=['texte','Texte','le texte','outil texte',"l'outil Texte",'T','Aa','ajouter du texte','ajouter un texte','zone de texte','texte.','le T','la lettre T','écrire du texte','taper du texte','insérer un texte','le bouton Texte',"l'icône T",'Texte (T)','textes'],
  ko=['crayon','stylo','dessin','dessiner','filtre','recadrer','pinceau','feutre']),
'annoter-masquer-image-2b': dict(
  ok=['gomme','la gomme','Gomme',"l'outil gomme",'gomme.','effacer','la gomme pour effacer le trait','annuler','défaire','la flèche retour','effaceur','gommer le trait','effacer le trait','le bouton gomme',"l'icône gomme",'la flèche pour annuler','retour arrière','annuler le dernier trait'],
  ko=['recadrer','poubelle','supprimer','filtre','luminosité','stylo','crayon','supprimer la photo']),
'annoter-masquer-image-3c': dict(
  ok=['recadrer','Recadrer','le recadrage','recadrage','rogner','couper','recadrer.','recadrer la capture',"l'outil recadrer",'outil de recadrage','je recadre','il recadre','recadrer le bas','recadrer la capture pour enlever la dernière ligne','rogner le bas','découper','recadrer l\'image','le rognage','Rogner (recadrer)','recadre','recardrer'],
  ko=['gomme','texte','flou','pivoter','luminosité','filtre','rectangle','forme','stylo','masquer']),
'images-droits-licences-1b': dict(
  ok=['Kenza','kenza','Kenza.',"c'est Kenza",'Kenza, sa cousine',"Kenza l'a prise",'Kenza qui l’a prise','Kenza car elle a pris la photo','sa cousine Kenza','Kenza (qui a pris la photo)','Kenza, qui a pris la photo','Kensa','elle, Kenza'],
  ko=['Dylan','le cousin','Dylan qui la publie','le réseau social','les deux','Kenza et Dylan','Dylan, le cousin']),
'retouche-photo-1b': dict(
  ok=['2','deux','2 fois','deux fois','2 appuis','deux appuis','il faut appuyer 2 fois','appuyer deux fois','2 quarts de tour','2 fois (un demi-tour)','2x','2 fois.','deux fois de suite','2 clics','au total 2'],
  ko=['1','4','3','une fois','quatre fois','1 fois','un demi-tour']),
'retouche-photo-3f': dict(
  ok=['contraste','le contraste','Contraste','contrast','contraste.','augmenter le contraste',"j'augmente le contraste",'le curseur contraste','plus de contraste','le réglage du contraste','contraste +','monter le contraste','contraste élevé','le contraste de la photo','constraste','contrastes','le contraste au maximum'],
  ko=['luminosité','saturation','netteté','exposition','lumière','baisser le contraste','moins de contraste','diminuer le contraste','contraste et luminosité','la luminosité']),
'affiche-invitation-6d': {
  'largeur': dict(ok=['154','154 mm','154mm','154 millimètres','cent cinquante-quatre','148 + 6 = 154','148+6=154','154,0',], ko=['151','148','145','142','15,4','216']),
  'hauteur': dict(ok=['216','216 mm','216mm','deux cent seize','210 + 6 = 216','210+6=216'], ko=['213','210','207','21,6','154']),
},
}
