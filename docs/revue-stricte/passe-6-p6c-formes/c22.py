CASES = {
'deposer-une-annonce-1a': dict(
  ok=['Déposer une annonce','déposer une annonce.','sur déposer une annonce','le bouton Déposer une annonce',"c'est Déposer une annonce",'elle clique sur le bouton « Déposer une annonce »','« Déposer une annonce »','deposer une annonce','Déposer','elle appuie sur déposer une annonce','elle clique sur déposer une annonce en haut','cliquer sur déposer une annonce','déposer une annonce (en haut)','dépose une annonce'],
  ko=['Rechercher','Mes favoris','Se connecter','Messages','publier','vendre']),
'deposer-une-annonce-1c': {
  'prix': dict(ok=['45','45 €','45€','45 euros','quarante-cinq euros','45,00 €','45.00','le prix est de 45 €','45 € demandés','prix : 45 €','elle coûte 45 €','la table coûte 45 €','45 euros pour la table et les chaises'], ko=['4','59200','54','40','450']),
  'ville': dict(ok=['Tourcoing','tourcoing','à Tourcoing','Tourcoing (59200)','59200 Tourcoing','la ville de Tourcoing','elle est à Tourcoing','Tourcoing, 59200','Tourcoing 59','Tourcoing.','TOURCOING','Tourcoin','la table est à Tourcoing','Tourcoing dans le Nord'], ko=['Roubaix','Lille','59200','Lyon']),
},
'deposer-une-annonce-3e': dict(
  ok=['la messagerie du site','par la messagerie du site','messagerie','par messages sur le site','par message sur le site',"par la messagerie de l'annonce",'avec la messagerie du site','la messagerie interne du site',"par la messagerie du site d'annonces","elle répond par la messagerie du site d'annonces","elle continue à lui écrire sur le site","en lui répondant par la messagerie du site",'messagerie du site.','messages du site','le chat du site',"l'appli du site"],
  ko=['par téléphone','par SMS','par mail','courriel','WhatsApp','en lui donnant son numéro','par téléphone fixe','numéro de portable']),
'donner-son-avis-en-ligne-1a': dict(
  ok=['3','trois','3 étoiles','trois étoiles','3 sur 5','3/5','3 étoiles sur 5','elle a donné 3 étoiles',"c'est 3",'3 étoiles pleines','Simone a donné 3 étoiles','3 étoiles.'],
  ko=['4','4,3','2','5','4 sur 5','3 sur 4','86']),
'donner-son-avis-en-ligne-1b': dict(
  ok=['5','cinq','5 étoiles','cinq étoiles','5 sur 5','5/5','toutes les étoiles','le maximum','je donne 5 étoiles','5 étoiles.','cinq sur cinq','la note maximale, 5','5 étoiles, la note maximale'],
  ko=['4','1','3','4 sur 5','4/5','0']),
'donner-son-avis-en-ligne-1c': {
  'moyenne': dict(ok=['4,3','4.3','4,3/5','4,3 sur 5','4,3 étoiles','la moyenne est de 4,3','note moyenne 4,3','quatre virgule trois','4,3 sur 5 étoiles','4,3.'], ko=['3','4','4,5','86','4 étoiles','3,4']),
  'nombre': dict(ok=['86','86 avis','quatre-vingt-six','quatre-vingt-six avis','il y a 86 avis','86 avis reçus','86.'], ko=['68','8','43','4,3','85']),
},
'donner-son-avis-en-ligne-6b': dict(
  ok=['diffamation','la diffamation','pour diffamation','Diffamation.','diffamation publique',"c'est de la diffamation",'de diffamation','une diffamation','difamation','délit de diffamation','il peut porter plainte pour diffamation','diffamation (accusation sans preuve)'],
  ko=['injure','insulte','dénigrement','escroquerie','calomnie','harcèlement','injure publique']),
'droit-a-l-image-2a': dict(
  ok=['18','18 ans','dix-huit ans','à 18 ans','à partir de 18 ans','dès 18 ans','à la majorité','majorité','18 ans (majorité)','quand on est majeur',"à partir de 18 ans, l'âge de la majorité",'18 ans.','à sa majorité','18 ans, à la majorité','la majorité, 18 ans'],
  ko=['15','16','15 ans','16 ans','13 ans','mineur','à partir de 15 ans','12']),
'partage-par-lien-1a': dict(
  ok=['Partager','partager','sur Partager','le bouton Partager','elle appuie sur Partager',"c'est Partager",'« Partager »','Partager.','partager la photo','elle appuie sur partager en bas','appuyer sur partager','bouton partager (la flèche)'],
  ko=['Modifier','Favori','Supprimer','envoyer','elle appuie sur Supprimer']),
'partage-par-lien-1c': dict(
  ok=['lien','un lien','le lien','URL','une URL',"l'URL",'adresse URL','lien hypertexte','hyperlien','lien internet','Lien.',"c'est un lien",'un lien web','liens'],
  ko=['page','site','fichier','onglet','adresse mail']),
'partage-par-lien-2c': dict(
  ok=['Coller','coller','« Coller »','Coller.','je choisis Coller','sur Coller',"j'appuie sur coller",'coller le lien','colle','le mot coller','je sélectionne coller','coler'],
  ko=['Copier','Couper','Partager','Sélectionner','tout sélectionner','copier le lien']),
'partager-oeuvres-3b': dict(
  ok=["l'auteur",'auteur',"le nom de l'auteur","nom de l'autrice","l'écrivain","nom de l'auteur du livre",'le nom de l\'auteur.',"le titre",'titre du livre','le titre du roman','la source'],
  ko=['la date','la page','le prix','la maison d\'édition']),
'partager-oeuvres-6a': dict(
  ok=['70','70 ans','soixante-dix','soixante-dix ans','70 ans après sa mort','70 ans après la mort de l\'auteur','70 ans.','il faut 70 ans',"c'est 70 ans",'70 ans après le décès'],
  ko=['50','100','20','75','60']),
'partager-oeuvres-6c': dict(
  ok=['2051','en 2051','le 1er janvier 2051','1er janvier 2051','01/01/2051','à partir du 1er janvier 2051','dès 2051','2051.',"en 2051, le 1er janvier","l'année 2051",'le 1 janvier 2051','au 1er janvier 2051'],
  ko=['2050','2052','en 2050','31 décembre 2050','1er janvier 2050','2080','2030']),
'publier-reseau-social-1a': dict(
  ok=['Publier','publier','sur Publier','le bouton Publier','elle appuie sur Publier','« Publier »','Publier.','le grand bouton Publier',"c'est Publier",'appuyer sur publier','publie','elle appuie sur le bouton publier en bas'],
  ko=['Amis','Photo','Créer une publication','partager','envoyer']),
'publier-reseau-social-2c': dict(
  ok=["Modifier l'audience","modifier l'audience","« Modifier l'audience »","Modifier l'audience.","il choisit Modifier l'audience","sur Modifier l'audience","l'option Modifier l'audience","modifier l audience","Modifier l'audiance","il clique sur Modifier l'audience","modifier l'audience pour mettre amis"],
  ko=['Modifier la publication','Archiver','Supprimer la publication','modifier']),
'publier-reseau-social-3a': {
  'brocante': dict(ok=['Public','public','« Public »','en public','Public.','tout le monde','Public – Tout le monde','le réglage Public','Public - Tout le monde, sur le réseau ou en dehors','publique'], ko=['Amis','Moi uniquement','Amis sauf']),
  'anniversaire': dict(ok=['Amis','amis','« Amis »','mes amis','Amis.','en Amis','Amis – Vos amis sur le réseau','Amis - vos amis sur le réseau','le réglage Amis','seulement mes amis','vos amis'], ko=['Public','Moi uniquement','Amis sauf']),
  'souvenirs': dict(ok=['Moi uniquement','moi uniquement','« Moi uniquement »','Moi uniquement.','uniquement moi','moi','seulement moi','Moi uniquement – Personne d\'autre que vous','le réglage Moi uniquement','Moi seul'], ko=['Amis','Public','Amis sauf']),
},
}
