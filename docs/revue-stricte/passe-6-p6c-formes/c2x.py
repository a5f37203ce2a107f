CASES = {
'droit-a-l-image-2a': dict(ok=['à ses 18 ans','dès sa majorité','18 ans (la majorité)','à 18 ans révolus','une fois majeur','majeur (18 ans)','18 ans, quand on est majeur'], ko=['à 16 ans','13','dès 15 ans','14 ans']),
'edition-collaborative-4d': dict(ok=["l'historique des versions (menu Fichier)","voir l'historique des versions","historique des versions du fichier","l'historique des modifications","historique des versions, dans le menu Fichier","la fonction historique des versions"], ko=['la corbeille','annuler','les commentaires','le mode suggestion']),
'dossier-partage-equipe-1a': dict(ok=['Partagés avec moi (à gauche)','dans la rubrique « Partagés avec moi »','elle va dans la rubrique Partagés avec moi','partagés avec moi, dans le menu'], ko=['Mes fichiers','Récents','Favoris']),
'organisation-de-groupe-1b': dict(ok=['il reste 4 tâches à faire','4 choses restent à faire','quatre choses','4 non cochées','il en reste quatre'], ko=['2 choses','6 choses','il en reste 2']),
'publier-reseau-social-3a': {
  'anniversaire': dict(ok=['Amis uniquement','mes amis seulement','Amis, pas Public','le réglage « Amis »','amis (vos amis sur le réseau)'], ko=['Public','Moi uniquement','Amis sauf…']),
  'souvenirs': dict(ok=['Moi uniquement (personne d\'autre)','seulement moi','moi uniquement, personne d\'autre que moi','le réglage « Moi uniquement »'], ko=['Amis','Public']),
  'brocante': dict(ok=['Public, tout le monde','le réglage « Public »','public (tout le monde)','en public pour tout le monde'], ko=['Amis','Moi uniquement']),
},
'partager-oeuvres-3b': dict(ok=["le nom de l'auteur du roman","nom de l'écrivain","l'auteur du livre","le titre du livre","titre du roman","le nom du livre","le titre de l'œuvre","l'auteur (son nom)","le nom et le prénom de l'auteur"], ko=["la date","le numéro de page","l'éditeur","le prix"]),
'agenda-partage-3c': {
  'jour': dict(ok=['Mercredi','mercredi','le mercredi','Mercredi après-midi','mercredi aprem'], ko=['mardi','jeudi']),
  'moment': dict(ok=['après-midi','aprem','l\'après-midi','apres-midi','dans l\'après-midi','le mercredi après-midi','mercredi après-midi'], ko=['matin','le matin']),
},
'edition-collaborative-3c': dict(ok=['le commentaire','ajouter un commentaire','insérer un commentaire','une suggestion','le mode suggestion','mode « suggestion »','suivi des modifications','les suggestions de modification','proposer une modification','mode suggestion (crayon)'], ko=['modifier','mode édition','corriger le texte']),
'deposer-une-annonce-3e': dict(ok=['par la messagerie','messagerie du site d\'annonces','elle passe par la messagerie du site','elle utilise la messagerie du site','sur la messagerie du site','via la messagerie du site d\'annonces','elle reste sur la messagerie du site d\'annonces','par messages, sur le site'], ko=['par SMS','par téléphone','elle lui donne son numéro','par mail']),
}
