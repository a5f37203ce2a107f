CASES = {
'actions-automatiques-1b': dict(
  ok=['23','23 h','23h','23h00','23:00','à 23 h','à 23h00','23 heures','vingt-trois','vingt-trois heures','vingt trois heures',
      'il commencera à 23 h','le lavage commencera à 23h','à 23 heures','23 h 00','23H','à vingt-trois heures',"c'est à 23 h",'23 h.', '11 h du soir', '11h du soir','à 11 heures du soir','23h pile'],
  ko=['20','3','17','21','23 h 30','2 h','11','20 h','vingt heures','entre 20 et 23','après 23 h','vers 23 h']),
'actions-automatiques-2a': dict(
  ok=['16','16 °C','16°C','16°','16 degrés','seize','seize degrés','16 degres',"c'est 16 °C",'il demande 16 °C','16 C','16°c','la température est de 16 °C','16 degrés Celsius'],
  ko=['20','17','22','23','20 °C','17 degrés','16 ou 17']),
'actions-automatiques-2b': dict(
  ok=['6','six','6 fois','six fois','il arrose 6 fois',"6 arrosages","ça fait 6",'6 fois en deux semaines','3 x 2 = 6'],
  ko=['3','2','14','20','40','3 fois','12','120 minutes']),
'actions-automatiques-3d': dict(
  ok=['2','deux','2 messages','deux messages','les messages 1 et 2','1 et 2','le 1 et le 2','2 (le 1 et le 2)','il y en a 2','messages 1 et 2'],
  ko=['1','3','0','un','trois','1 et 3','2 et 3']),
'actions-automatiques-5a': {
  'essai1': dict(ok=['6','six','6 points','points = 6','6 pts'], ko=['8','4','3','2']),
  'essai2': dict(ok=['8','huit','8 points','points = 8'], ko=['6','4','3','16']),
},
'boucles-repeter-2a': dict(
  ok=['4','quatre','4 cuillères','quatre cuillères','4 cuillères de farine','il met 4 cuillères','4 c.','4 cuilleres'],
  ko=['1','5','3','une','8']),
'boucles-repeter-3b': dict(
  ok=['4','case 4','la case 4','sur la case 4','quatre','la 4','case n°4','case numéro 4','il arrive sur la case 4','la quatrième case','4e case','4ème case','la 4e','case quatre'],
  ko=['7','3','6','2','case 7','5']),
'boucles-repeter-5c': dict(
  ok=['10','dix','10 fois','dix fois','il parle 10 fois','10 paroles','10 fois en tout','en tout 10','au total 10', '3 + 6 + 1 = 10'],
  ko=['6','7','9','11','12','4','9 fois','environ 10']),
'conditions-si-sinon-2b': dict(
  ok=['47','47 €','47€','47 euros','47,00','47.00','quarante-sept','quarante-sept euros','elle paie 47 €',"ça fait 47 euros",'47,00 €','47e','47 eur','42 + 5 = 47'],
  ko=['42','45','52','5','47,50']),
'conditions-si-sinon-3b': {
  'lucas': dict(ok=['2','2 €','deux','2 euros','deux euros','2€'], ko=['0','3','4']),
  'odile': dict(ok=['3','3 €','trois euros','3 euros'], ko=['4','2','0']),
  'rachid': dict(ok=['4','4 €','quatre','4 euros'], ko=['3','2','0']),
},
'listes-de-valeurs-1b': dict(
  ok=['farine','Farine','la farine','de la farine',"c'est la farine",'farines','farin','fariné','4 farine','4. farine','l\'élément farine',"c'est farine", 'élément farine','4 : farine','farine.'],
  ko=['le mot farine','tomates','œufs','oeufs','lait','4','pain','tomate','oeuf','5 œufs','3 tomates']),
'listes-de-valeurs-2b': dict(
  ok=['6','six','6 personnes','six personnes','il y a 6 personnes','elle contient 6 personnes','6 noms','longueur 6','longueur : 6'],
  ko=['7','5','4','8','sept']),
'listes-de-valeurs-3d': dict(
  ok=['11','onze','11 messages','onze messages','il envoie 11 messages','11 en tout','10 + 1 = 11','5 SMS et 6 courriels'],
  ko=['10','15','6','5','12','10 messages','5']),
'listes-de-valeurs-4a': dict(
  ok=['3','trois','3 jours','il dit 3','3 jours chauds','jours_chauds = 3','trois jours'],
  ko=['4','6','2','1','31 33 35']),
'listes-de-valeurs-5b': dict(
  ok=['2','deux','il dit 2','2 fois','2 changements','changements = 2','deux fois'],
  ko=['3','6','5','1','4','12']),
'listes-de-valeurs-6b': dict(
  ok=['10','dix','10 noms','dix noms','au plus 10','au maximum 10','10 au maximum','10 maximum','10 noms au plus','il regarde 10 noms','10 fois','au pire 10','dans le pire des cas 10','10 noms maximum','au plus dix noms', 'pas plus de 10'],
  ko=['500','1000','100','9','11','1 000','mille','environ 10','au moins 10','au plus 9','au plus 11','10 ou 11','1000 noms','moins de 10','plus de 10']),
'suivre-un-algorithme-1c': dict(
  ok=['6','six','case 6','la case 6','sur la case 6','case numéro 6','il arrive case 6','la 6','la sixième case','6e case','la sixième'],
  ko=['7','5','8','case 7']),
'suivre-un-algorithme-2d': dict(
  ok=['E','e','la case E','case E',"c'est E",'sur E','en E',"il s'arrête sur la case E",'la E','sur la E','E.','(E)','lettre E','« E »','"E"','case e', 'la case E (colonne 4, ligne 2)', 'E, colonne 4 ligne 2', "il s'arrête en E", 'il arrive en E','il arrive sur la case E','dans la case E','à la case E','à E'],
  ko=['D','B','A','C','en D','case B','4','colonne 4, ligne 2','F','E ou D','pas E']),
'suivre-un-algorithme-3c': dict(
  ok=['8','huit','8 flèches','huit flèches','au minimum 8','au moins 8','il faut 8 flèches','minimum 8','8 minimum','8 au minimum','il en faut 8','il faut au minimum 8 flèches','il faut au moins 8 flèches'],
  ko=['6','7','10','six','sept','6 flèches','au moins 6','plus de 8','au plus 8','environ 8','9']),
'variables-programme-2b': dict(
  ok=['1700','1 700','1.700','mille sept cents','mille sept cent','1700 pas','pas = 1700','pas vaut 1700','elle vaut 1700','la variable pas vaut 1 700','1 700 pas','pas=1700','500 + 1200 = 1700'],
  ko=['1200','500','0','1200 pas','pas = 1200','17000','170']),
'variables-programme-3a': dict(
  ok=['95','quatre-vingt-quinze','95 €','95 euros','solde = 95','solde vaut 95','il vaut 95','solde=95','elle vaut 95'],
  ko=['55','195','105','115','75','-95']),
'variables-programme-4d': dict(
  ok=['80','quatre-vingts','quatre-vingt','épargne = 80','80 €','80 euros','elle vaut 80','épargne vaut 80','epargne=80'],
  ko=['60','30','20','40','16','160']),
'variables-programme-4e': {
  'a': dict(ok=['5','cinq','a = 5','a vaut 5','a=5'], ko=['2','3','4','6']),
  'b': dict(ok=['9','neuf','b = 9','b vaut 9','b=9'], ko=['6','12','3','15','10']),
},
'variables-programme-5b': dict(
  ok=['7','sept','il dit 7','total = 7','total vaut 7','le programme dit 7','7.','« 7 »','dire 7','total=7'],
  ko=['10','9','3','12','4','0']),
}
