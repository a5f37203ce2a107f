CASES = {
'audition-ecouteurs-4d': dict(
  ok=['15','15 minutes','15min','15 mn','quinze minutes','1/4 h',"un quart d'heure","au bout de 15 minutes",'environ 15 min',"15'",'0,25 heure','au bout de 15 min','après 15 minutes',"au bout d'environ 15 minutes",'15 minutes.','il devient dangereux au bout de 15 minutes',"c'est 15 minutes",'15 min environ','à partir de 15 minutes','dès 15 minutes','15 minutes seulement','seulement 15 minutes','quinze','15 mins','15 minute','1/4 heure',"un quart d'heure environ",'environ un quart d\'heure','au-delà de 15 minutes','plus de 15 minutes'],
  ko=['30','60','120','7,5','400','150','16','5','30 minutes','1 heure','une demi-heure','15 secondes','8 heures','4 heures','10 minutes','45']),
'audition-ecouteurs-5c': dict(
  ok=['acouphènes','acouphène','acouphene','accouphène','accouphènes','des acouphènes','les acouphènes','un acouphène','tinnitus','acouphènes.',"c'est des acouphènes",'ce sont des acouphènes','acoufène','acouphènes (tinnitus)'],
  ko=['otite','vertiges','surdité','hyperacousie','larsen','bourdonnements','sifflements','migraine','écho']),
'cyberharcelement-1c': dict(
  ok=['cyberharcèlement','cyber-harcèlement','cyber harcèlement','harcèlement','harcelement','harcellement','cyberharcellement','harcèlement moral','du harcèlement moral',"c'est du harcèlement moral",'du harcèlement',"c'est du harcèlement",'du harcèlement en ligne',"c'est du harcèlement en ligne",'du harcèlement par SMS','harcèlement par SMS','harcèlement par message','harcèlement téléphonique','harcèlements','du cyber-harcèlement','il est harcelé','il se fait harceler','il subit du harcèlement','le harcèlement','un harcèlement','harcèlement répété','harcèlement au travail','harcelement moral','harcèlemnt','cyberharcelement.','HARCÈLEMENT'],
  ko=['piratage','hameçonnage','spam','dispute','arnaque','insultes','menaces','intimidation','conflit','chantage','usurpation']),
'cyberharcelement-3a': dict(
  ok=['3018','le 3018','30 18','3018.','appeler le 3018','le 30-18',"c'est le 3018",'elle appelle le 3018','composer le 3018','numéro 3018','le numéro 3018','au 3018','3018 (gratuit)','le 3018, numéro gratuit','appeler au 3018','il faut appeler le 3018','trois mille dix-huit','3018 e-Enfance','elle doit composer le 3018','le 3 0 1 8'],
  ko=['3019','3918','3919','119','17','3008','3180','1318','30 19']),
'enfants-ecrans-1a': dict(
  ok=['3','3 ans','trois ans','avant 3 ans','pas avant 3 ans','3 ans révolus','à partir de 3 ans','jamais avant 3 ans','3ans','pas d\'écran avant 3 ans','aucun écran avant 3 ans','avant ses 3 ans','pas avant ses 3 ans','pas avant ses trois ans','3 ans minimum','au moins 3 ans','après 3 ans','de 0 à 3 ans','avant 3 ans.','3 ANS',"c'est 3 ans",'pas avant 3 ans (règle 3-6-9-12)','3 ans au moins','moins de 3 ans','avant trois ans'],
  ko=['1','2','6','10','13 ans','avant 6 ans','avant 2 ans','3 mois','6 ans','2 ans','12 ans','18 mois']),
'enfants-ecrans-2a': dict(
  ok=['7','7 ans','PEGI 7','7 ans et plus','à partir de 7 ans','7+','dès 7 ans','pegi7','+7','+ de 7 ans','7 ans et +','plus de 7 ans','à partir de 7','dès 7','7 ans minimum','sept ans',"c'est 7 ans",'7 ans.','PEGI 7 : à partir de 7 ans','7 ans (PEGI 7)','au moins 7 ans','7 et +'],
  ko=['3','12','16','18','17 ans','PEGI 12','PEGI 3','49,99','10 ans','6 ans']),
'enfants-ecrans-3d': dict(
  ok=['achats intégrés','achat intégré','achats intégré','achats intégrées','des achats intégrés','achats in-app','achats in app','in-app','achats dans l\'appli','achats dans l\'application','microtransactions','micro-transactions','achats en jeu','achats in-game','achats intégrés.','Achats intégrés','les achats intégrés','achats intègres','achat in-app','achats intégrés (in-app)','achats in-app (intégrés)'],
  ko=['des achats dans le jeu','achats dans le jeu','micro-achats','microachats','achats en ligne','abonnement','publicité','achats groupés','achats virtuels','paiement en ligne','achats','pierres précieuses','achats compulsifs']),
'numerique-responsable-2d': dict(
  ok=['144p','144','144 p','144P','la 144p','en 144p','la plus basse','la qualité la plus basse','la moins bonne','la plus mauvaise','basse qualité','qualité basse','la qualité minimale','la plus faible qualité','la qualité 144p',"c'est 144p",'il choisit 144p','144p.','la plus faible','la plus petite','la dernière','144 pixels','la 144','qualité 144','la plus petite qualité','la qualité la plus faible','qualité minimum','la moins bonne qualité'],
  ko=['240p','240','360p','480p','720p','1080p','Auto','la plus haute','1080','360','HD','la meilleure','automatique']),
'numerique-responsable-5b': dict(
  ok=['effet rebond',"l'effet rebond",'effet rebond.','effets rebond','effet-rebond','effet rebonds','efet rebond','paradoxe de Jevons','rebond','le rebond',"c'est l'effet rebond",'effet de rebond','Effet rebond','effet rebond énergétique','un effet rebond','effet rebon'],
  ko=['obsolescence programmée','effet de serre','effet papillon','effet domino','effet boomerang','surconsommation','gaspillage','effet de mode']),
}
