CASES = {
'agenda-partage-3a': dict(
  ok=['jeudi','Jeudi','le jeudi','Jeudi.','jeudi, 4 oui','jeudi car 4 personnes peuvent venir','jeudi (4 personnes)','jeudi avec 4 oui sur 5','jeudi : 4 personnes sur 5','c\'est jeudi','il faut choisir jeudi','jeudi, quatre personnes','jeudi, il y a 4 oui','jeudi car le plus de oui','jeudi, 4 personnes disponibles sur 5','jeudi, seule Sonia ne peut pas'],
  ko=['lundi','mardi','vendredi','lundi ou jeudi','jeudi ou lundi','lundi, 3 oui','jeudi et lundi']),
'agenda-partage-3c': {
  'jour': dict(ok=['mercredi','Mercredi','le mercredi','mercredi après-midi','Mercredi.','c\'est mercredi'], ko=['mardi','lundi','jeudi','vendredi']),
  'moment': dict(ok=['après-midi','l\'après-midi','apres midi','Après-midi.','aprèm','le mercredi après-midi','après midi','aprés-midi','PM'], ko=['matin','le matin','mercredi matin']),
},
'agenda-partage-4d': dict(
  ok=['11 h','11h','11:00','11h00','à 11 h','onze heures','11 heures','11 h du matin','de 11 h à 12 h','11h-12h','11 h, heure de Fort-de-France','à 11 heures, heure locale','11 h en Martinique','elle se connecte à 11 h','11 h (heure de Martinique)','11 h 00','11'],
  ko=['10 h','21 h','12 h','16 h','20 h','de 10 h à 11 h','16:00 – 17:00','21h']),
'agenda-partage-4h': dict(
  ok=['19 h','19h','19:00','19h00','à 19 h','dix-neuf heures','7 h du soir','de 19 h à 20 h 30','19h-20h30','19 h, heure de La Réunion','19 h à La Réunion','il se connecte à 19 h','19 heures','19'],
  ko=['13 h','15 h','20 h','16 h','de 13 h à 14 h 30','16:00 – 17:30','7 h']),
'dossier-partage-equipe-1a': dict(
  ok=['Partagés avec moi','partagés avec moi','« Partagés avec moi »','Partagés avec moi.','dans Partagés avec moi','la rubrique Partagés avec moi','partagé avec moi','partages avec moi','elle va dans Partagés avec moi','sur Partagés avec moi','Partagés'],
  ko=['Mes fichiers','Récents','Favoris','Corbeille']),
'dossier-partage-equipe-2a': dict(
  ok=['Communication','communication','dans Communication','le dossier Communication','« Communication »','Communication.','il la dépose dans le dossier Communication','Comunication','dossier communication'],
  ko=['Réunions','Adhésions','Comptabilité','Association Les Tilleuls']),
'dossier-partage-equipe-2b': dict(
  ok=['compte-rendu-avril','Compte-rendu-avril','compte-rendu-avril.','« compte-rendu-avril »','je le nomme compte-rendu-avril','compte-rendu-avril.odt','compte-rendu-avril.docx'],
  ko=['compte-rendu-mars','avril','compte-rendu-mai','cr-avril','compte-rendu-avril-final','compte rendu avril']),
'dossier-partage-equipe-2c': dict(
  ok=['Importer','importer','sur Importer','le bouton Importer','« Importer »','Importer.','elle clique sur Importer',"c'est Importer",'importer le tableau','inporter'],
  ko=['Nouveau dossier','Partager','Trier','imprimer']),
'dossier-partage-equipe-3d': dict(
  ok=['6','six','6 bénévoles','les 6','tous','tous les six','les six bénévoles','tout le monde','6 personnes','tous les 6','aucun ne le voit plus',"c'est 6"],
  ko=['1','5','0','seulement Thomas','5 bénévoles']),
'edition-collaborative-1c': dict(
  ok=['3','trois','3 personnes','trois personnes','3 en plus','3 autres','3 autres personnes',"il y en a 3","c'est 3",'3 : FD, JM et AK','3 (FD, JM, AK)','trois autres personnes'],
  ko=['4','1','2','4 personnes']),
'edition-collaborative-2c': dict(
  ok=['commentaire','un commentaire','le commentaire','Commentaire.','commentaires','c\'est un commentaire','annotation','commentaire dans la marge','commantaire','une note'],
  ko=['modification','correction','suggestion','signet','note de bas de page']),
'edition-collaborative-3c': dict(
  ok=['commentaire','un commentaire','les commentaires','commentaires','ajouter un commentaire','mode suggestion','suggestion','le mode suggestion','les suggestions','suivi des modifications','mode révision','suggestion de modification','proposer une modification','le mode suggestion (suivi des modifications)','mode suggestions'],
  ko=['mode édition','modification','modifier le texte','corriger','édition']),
'edition-collaborative-4d': dict(
  ok=['historique','Historique des versions','l\'historique des versions','historique des modifications','historique des versions.','« Historique des versions »','versions précédentes','Fichier > Historique des versions','historique du document','l\'historique'],
  ko=['corbeille','annuler','commentaires','suggestions']),
'formulaire-d-inscription-1a': dict(
  ok=['Allergies alimentaires','allergies alimentaires','« Allergies alimentaires »','Allergies alimentaires.','la question sur les allergies','allergies','celle sur les allergies','la question Allergies alimentaires','Allergies alimentaires (sans astérisque)','la dernière question, allergies alimentaires','alergies alimentaires','les allergies alimentaires'],
  ko=['Nom et prénom','Nombre de personnes','Téléphone']),
'formulaire-d-inscription-1b': dict(
  ok=['Envoyer','envoyer','sur Envoyer','le bouton Envoyer','« Envoyer »','Envoyer.',"c'est Envoyer",'je clique sur le bouton Envoyer','Envoyer, en bas','envoyé'],
  ko=['Effacer le formulaire','Effacer','effacer']),
'formulaire-d-inscription-2a': dict(
  ok=['5','cinq','5 réponses','cinq réponses','il y a 5 réponses',"c'est 5",'5 familles','5 lignes','5 réponses.','5 personnes ont répondu'],
  ko=['4','8','15','7']),
'formulaire-d-inscription-2c': {
  'adultes': dict(ok=['8','huit','8 adultes','huit adultes','il y a 8 adultes','8.'], ko=['5','7','15','9']),
  'enfants': dict(ok=['7','sept','7 enfants','sept enfants','7.'], ko=['5','8','15','6']),
},
'organisation-de-groupe-1b': dict(
  ok=['4','quatre','4 choses','4 tâches','quatre tâches','il en reste 4','il reste 4 choses','4 sur 6','4/6','4.','4 choses à faire','4 tâches non cochées'],
  ko=['2','6','2 sur 6','3','5']),
'organisation-de-groupe-3b': dict(
  ok=['Affiches','affiches','les affiches','« Affiches »','Affiches.','la tâche Affiches','les affiches de Karima','Affiches (Karima)','Affiches, date limite le 5 juin','les affiches sont en retard','afiches','Affiches, en cours'],
  ko=['Buvette','Sono','Barbecue','Invitations']),
'reunions-en-ligne-2c': dict(
  ok=['5','cinq','le 5','bouton 5','le bouton 5','5.','5 (Discussion)','5 Discussion','numéro 5','le bouton numéro 5'],
  ko=['4','1','3','6','2']),
}
