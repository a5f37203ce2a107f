CASES = {
'donnees-sante-1c': dict(
  ok=['ordonnance-dentiste.pdf','ordonnance-dentiste','ordonnance dentiste','Ordonnance-dentiste.PDF','l\'ordonnance','ordonnance','le fichier ordonnance-dentiste.pdf',
      'ordonnance_dentiste.pdf','ordonnance-dentiste .pdf','ordonnance-dentiste.pdf.','ordonnance du dentiste','l\'ordonnance du dentiste',
      'c\'est ordonnance-dentiste.pdf','ordonnance-dentist.pdf','ordonnance dentiste pdf','le fichier ordonnance','ordonnance-dentiste.pdf car c\'est une ordonnance',
      'ordonnance-dentiste, c\'est une ordonnance','celui de l\'ordonnance','ordonnance dentaire','« ordonnance-dentiste.pdf »','ordonance-dentiste.pdf'],
  ko=['facture-electricite.pdf','billet-train-lyon.pdf','quittance-loyer-mai.pdf','facture','quittance','billet de train','quittance-loyer-mai','dentiste']),
'_donnees-sante-3b': dict(
  ok=['Problèmes de santé','problèmes de santé','probleme de sante','problème de santé','santé','la case santé','la case Problèmes de santé','« Problèmes de santé »',
      'les problèmes de santé','ses problèmes de santé','case problèmes de santé','Problèmes de santé.','état de santé','la santé','question sur la santé',
      'problèmes de santé car ça ne le regarde pas','Problèmes de santé, c\'est interdit','la case sur la santé','celle sur la santé','vos problèmes de santé','problèmes de santés'],
  ko=['Permis de conduire','Téléphone','Expérience de la livraison','Date','Nom','Prénom','permis','expérience','Date à laquelle vous pouvez commencer','Permis de conduire B']),
'donnees-sante-3c': dict(
  ok=['sensibles','sensible','données sensibles','des données sensibles','Sensibles.','« sensibles »','données personnelles sensibles','les données sensibles',
      'particulières','catégories particulières','données dites sensibles','sensibles !'],
  ko=['personnelles','privées','confidentielles','secrètes','médicales','insensibles','non sensibles','intimes','protégées','données personnelles','sensationnelles']),
'droits-donnees-2c': dict(
  ok=['RGPD','rgpd','le RGPD','R.G.P.D.','R G P D','RGPD.','c\'est le RGPD','GDPR','Rgpd','règlement général sur la protection des données','RGDP','le règlement RGPD','R.G.P.D'],
  ko=['CNIL','RGAA','DPO','LCEN','RGPP']),
'_droits-donnees-3a': {
  'adresse': dict(ok=['donnees@salle-atlas.fr','données@salle-atlas.fr','DONNEES@SALLE-ATLAS.FR','donnees@salle-atlas.fr.',' donnees@salle-atlas.fr','l\'adresse donnees@salle-atlas.fr','à donnees@salle-atlas.fr','c\'est donnees@salle-atlas.fr','par courriel : donnees@salle-atlas.fr','donnees @ salle-atlas.fr','« donnees@salle-atlas.fr »'],
                  ko=['accueil@salle-atlas.fr','cnil','donnees@salle-atlas.com','salle-atlas.fr','donnees@sale-atlas.fr']),
  'factures': dict(ok=['10','10 ans','dix','dix ans','10 années','pendant 10 ans','10ans','10 ans.','Dix ans','elle les garde 10 ans','10 ans (obligation légale)','10 ans, la loi l\'impose'],
                   ko=['3','3 ans','1','3 mois','10 mois','1 an','dix mois','100','100 ans']),
},
'droits-donnees-3b': dict(
  ok=['accès','acces','Accès','d\'accès','d\'acces','droit d\'accès','le droit d\'accès','accès.','droit d\'accès aux données','accès à mes données','accès à ses données','l\'accès','le droit d\'acces','accés','« accès »','d\'accès aux données'],
  ko=['rectification','opposition','effacement','oubli','information','portabilité','droit de rectification','d\'effacement','de rectification']),
'droits-donnees-4a': dict(
  ok=['1','un','1 mois','un mois','dans un mois','sous un mois','sous 1 mois','1 mois maximum','au plus un mois','dans un délai d\'un mois','un mois.','1 mois max','Un mois','30 jours','un mois au maximum','il a 1 mois','en un mois'],
  ko=['2','3','6','12','deux','3 mois','2 mois','au plus 2 mois','3 mois maximum','au moins 1 mois','15 jours','1 an']),
'publicite-ciblee-1d': dict(
  ok=['ciblée','ciblee','Ciblée','ciblé','une publicité ciblée','publicité ciblée','pub ciblée','personnalisée','personnalisé','comportementale','ciblée.','« ciblée »','ciblées','publicités ciblées','une pub ciblée','ciblée ou personnalisée','personnalisee'],
  ko=['gratuite','sponsorisée','mensongère','payante','aléatoire','non ciblée','sponsorisé','intrusive','générale','ciblage']),
'_publicite-ciblee-3b': {
  'annonceur': dict(ok=['Finances Éclair','finances eclair','Finances Eclair','FINANCES ÉCLAIR','l\'annonceur Finances Éclair','c\'est Finances Éclair','Finances Éclair.','« Finances Éclair »','Finance Éclair','Finances-Éclair','la société Finances Éclair','Finances Eclaire'],
                    ko=['Malik','Rennes','le réseau social','Éclair']),
  'ville': dict(ok=['Rennes','rennes','près de Rennes','la ville de Rennes','Rennes.','autour de Rennes','c\'est Rennes','à Rennes','Renne','RENNES','vers Rennes','environs de Rennes','sa position près de Rennes'],
                ko=['Finances Éclair','Paris','Nantes','Lille','Reims']),
},
'publicite-ciblee-4b': dict(
  ok=['profilage','le profilage','Profilage','profilage.','c\'est le profilage','du profilage','profilages','profilag','prolifage','profiling','« profilage »','profilage automatisé','un profilage'],
  ko=['ciblage','pistage','traçage','espionnage','fichage','profil','tracking','personnalisation']),
'audition-ecouteurs-4d': dict(
  ok=['15','15 min','15 minutes','quinze','quinze minutes','un quart d\'heure','15 mn','au bout de 15 minutes','environ 15 minutes','15 minutes.','15min','15 minutes (8 h, 4 h, 2 h, 1 h, 30 min, 15 min)','au bout d\'un quart d\'heure','après 15 minutes','15 minutes seulement','15 minutes environ','0,25 h','1/4 d\'heure','15 minutes car on divise par deux tous les 3 décibels','15 min à peu près'],
  ko=['30','60','120','7,5','400','150','16','5','30 minutes','1 heure','une demi-heure','15 secondes','10 minutes','8 heures','4 heures','15 heures','1 h 15']),
'audition-ecouteurs-5c': dict(
  ok=['acouphènes','acouphène','des acouphènes','acouphenes','Acouphènes','les acouphènes','un acouphène','acouphènes.','ce sont des acouphènes','acoufènes','acouphène(s)','tinnitus','acouphènnes','accouphènes'],
  ko=['otite','vertiges','surdité','hyperacousie','larsen','bourdonnements','sifflements','migraine']),
'cyberharcelement-1c': dict(
  ok=['cyberharcèlement','cyber-harcèlement','cyber harcèlement','harcèlement','du harcèlement','c\'est du harcèlement','harcèlement en ligne','harcelement','cyberharcelement','Harcèlement.','harcèlement moral','harcèlement par SMS','harcèlement par messages','du cyber harcèlement','il est harcelé','il subit du harcèlement','c\'est du cyber-harcèlement','harcèlement téléphonique','harcèlement au travail','harcélement','du harcèlement numérique','harcèlement par texto'],
  ko=['piratage','hameçonnage','spam','dispute','arnaque','insultes','menaces','intimidation','conflit','pas du harcèlement']),
'cyberharcelement-3a': dict(
  ok=['3018','le 3018','30 18','30-18','3018.','le numéro 3018','appeler le 3018','c\'est le 3018','elle appelle le 3018','au 3018','trois mille dix-huit','30.18','le 30 18','numéro 3018'],
  ko=['3019','3918','3919','119','17','3008','3180','1318','15','114']),
'enfants-ecrans-1a': dict(
  ok=['3','3 ans','trois','trois ans','3ans','3 ans.','avant 3 ans','pas avant 3 ans','à partir de 3 ans','pas d\'écran avant 3 ans','avant trois ans','Trois ans','avant l\'âge de 3 ans','3 ans minimum','à 3 ans','dès 3 ans','jusqu\'à 3 ans','3 ans révolus','moins de 3 ans'],
  ko=['1','2','6','10','13 ans','avant 6 ans','avant 2 ans','3 mois','6 ans','2 ans','18 mois','avant 12 ans','30 ans','4 ans']),
'enfants-ecrans-2a': dict(
  ok=['7','7 ans','sept','sept ans','PEGI 7','pegi 7','PEGI7','à partir de 7 ans','dès 7 ans','7 ans et plus','7+','+7','7ans','7 ans.','Sept ans','pour les 7 ans et plus','à partir de 7','plus de 7 ans','7 ans minimum'],
  ko=['3','12','16','18','17 ans','PEGI 12','PEGI 3','10 ans','6 ans','49,99','77']),
'enfants-ecrans-3d': dict(
  ok=['achats intégrés','achat intégré','des achats intégrés','les achats intégrés','achats integres','Achats intégrés.','achats in-app','achats in app','in-app','achats dans l\'application','microtransactions','achats intégrés (in-app)','« achats intégrés »','achats intégrés au jeu','achats integrés','achat integre','achats intégré','des achats in-app'],
  ko=['achats en ligne','abonnement','publicité','achats groupés','achats virtuels','achats','paiement en ligne','achats non intégrés']),
'numerique-responsable-2d': dict(
  ok=['144p','144','144 p','144P','la 144p','en 144p','la plus basse','la qualité la plus basse','144p.','« 144p »','il choisit 144p','144p (la plus basse)','144p car c\'est la plus basse','la dernière','qualité 144p','la 144','144 pixels','basse qualité','la plus faible'],
  ko=['360p','480p','720p','1080p','Auto','la plus haute','HD','la meilleure','automatique','360','240p','240','14p','1440p']),
'numerique-responsable-5b': dict(
  ok=['effet rebond','l\'effet rebond','Effet rebond','effet-rebond','effet rebond.','c\'est l\'effet rebond','effet de rebond','rebond','effets rebond','un effet rebond','effet rebon','« effet rebond »','paradoxe de Jevons'],
  ko=['obsolescence programmée','effet de serre','effet papillon','effet domino','effet boomerang','surconsommation','effet de mode']),
}
CASES.update({
'donnees-sante-3d': dict(
  ok=["Êtes-vous membre d'un syndicat ?","syndicat","le syndicat","membre d'un syndicat","la case syndicat","appartenance syndicale","Syndicat.","sindicat","la question sur le syndicat","« Êtes-vous membre d'un syndicat ? »","syndicat car c'est interdit","êtes vous membre d'un syndicat","les syndicats","adhésion à un syndicat","celle sur le syndicat","syndiqué","la case membre d'un syndicat"],
  ko=["Permis de conduire B","Téléphone","Expérience de la livraison","Date","Nom","permis","expérience","autorisation de travail","titre de séjour","Hors Union européenne : autorisation de travail","nationalité","non syndiqué"]),
})

_EXTRA = {
'droits-donnees-4a': dict(ok=['1','un','1 mois','un mois','Un mois.','dans un délai d\'un mois','sous un mois','un mois maximum','1 mois max','30 jours','au plus un mois','c\'est un mois','il a un mois pour répondre','un mois (prolongeable de deux mois)','1 mois, prolongeable','dans le mois','en un mois','1mois','un moi'],
  ko=['1 an','un an','1 semaine','2','3','2 mois','3 mois','deux mois','6 mois','12','15 jours','au moins un mois','pas plus de 2 mois']),
'cyberharcelement-1c': dict(ok=['du harcèlement, il peut porter plainte','c\'est du harcèlement car les messages se répètent','harcèlement moral répété','du harcèlement de la part d\'un ancien collègue','cyberharcèlement (harcèlement par téléphone)'], ko=[]),
'enfants-ecrans-1a': dict(ok=['3 ans, selon le carnet de santé','pas d\'écran avant 3 ans, selon le carnet de santé','3 (trois ans)'], ko=[]),
'enfants-ecrans-2a': dict(ok=['7 ans, c\'est écrit PEGI 7','7 ans car c\'est PEGI 7','PEGI 7, donc 7 ans'], ko=[]),
'cyberharcelement-3a': dict(ok=['le 3018, gratuit et anonyme','3018 (numéro gratuit)','elle peut appeler le 3018'], ko=[]),
'droits-donnees-3b': dict(ok=['droit d\'accès (copie des données)','d\'accès, pour avoir une copie'], ko=[]),
'publicite-ciblee-4b': dict(ok=['le profilage (RGPD)','profilage, selon le RGPD'], ko=[]),
'numerique-responsable-5b': dict(ok=['l\'effet rebond : on consomme plus','effet rebond (paradoxe de Jevons)'], ko=[]),
'audition-ecouteurs-5c': dict(ok=['des acouphènes (sifflements)','acouphènes, il faut consulter'], ko=[]),
'enfants-ecrans-3d': dict(ok=['achats intégrés dans l\'appli'], ko=[]),
'donnees-sante-3c': dict(ok=['données sensibles (santé, religion...)','sensibles, protégées plus strictement'], ko=[]),
'droits-donnees-2c': dict(ok=['RGPD (règlement général sur la protection des données)','RGPD, règlement européen'], ko=[]),
}
for _k, _v in _EXTRA.items():
    if _k in CASES:
        CASES[_k]['ok'] = CASES[_k]['ok'] + _v['ok']
        CASES[_k]['ko'] = CASES[_k]['ko'] + _v['ko']
    else:
        CASES[_k] = _v
CASES['droits-donnees-3d'] = {
 'adresse': dict(ok=['donnees@salle-atlas.fr','données@salle-atlas.fr','l\'adresse donnees@salle-atlas.fr','à donnees@salle-atlas.fr','c\'est donnees@salle-atlas.fr','DONNEES@SALLE-ATLAS.FR'], ko=['accueil@salle-atlas.fr','cnil','salle-atlas.fr']),
 'donnee': dict(ok=['factures','les factures','ses factures','Factures.','facture','la facture','les factures (10 ans)','factures, pendant 10 ans','les factures car la loi l\'impose','fatcures','factures de Samuel','« Factures »','les factures, obligations comptables'],
                ko=['nom','adresse','date de naissance','IBAN','coordonnées bancaires','heures de passage','adresse électronique','rien','aucune','nom, prénom, adresse, date de naissance','tout','abonnement']),
}
