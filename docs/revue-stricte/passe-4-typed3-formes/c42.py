CASES = {
'donnees-sante-1c': dict(
  ok=['ordonnance-dentiste.pdf','ordonnance-dentiste','ordonnance','l\'ordonnance','le fichier ordonnance-dentiste.pdf','le fichier ordonnance','ordonnance dentiste.pdf','ORDONNANCE-DENTISTE.PDF',"c'est ordonnance-dentiste.pdf","l'ordonnance du dentiste",'ordonance-dentiste.pdf','ordonnance-dentiste.pdf.','« ordonnance-dentiste.pdf »','`ordonnance-dentiste.pdf`','ordonnance_dentiste.pdf','ordonnance-dentiste .pdf','celui de l\'ordonnance','le fichier de l\'ordonnance','ordonnance du dentiste.pdf','ordonnancedentiste.pdf'],
  ko=['facture-electricite.pdf','billet-train-lyon.pdf','quittance-loyer-mai.pdf','facture','quittance','billet','aucun']),
'donnees-sante-3b': dict(
  ok=['Problèmes de santé','problèmes de santé','santé','la case Problèmes de santé','problème de santé','case santé','les problèmes de santé','Problèmes de santé.',"c'est Problèmes de santé",'la case des problèmes de santé','celle des problèmes de santé','probleme de sante','« Problèmes de santé »','la case « Problèmes de santé »','état de santé','la santé','case Problèmes de santé','la question sur la santé'],
  ko=['Permis de conduire','Téléphone','Expérience de la livraison','Date','Nom','Prénom','permis','Date à laquelle vous pouvez commencer','expérience','âge']),
'donnees-sante-3c': dict(
  ok=['sensibles','sensible','données sensibles','des données sensibles','les données sensibles','données sensible','sensibles.','Sensibles','SENSIBLES','« sensibles »','données personnelles sensibles','particulières','données particulières'],
  ko=['personnelles','privées','confidentielles','secrètes','médicales','insensibles','non sensibles','intimes','protégées','données personnelles']),
'droits-donnees-2c': dict(
  ok=['RGPD','rgpd','le RGPD','R.G.P.D.','R.G.P.D','GDPR',"c'est le RGPD",'RGDP','RGPD.','la RGPD','RGP','règlement général sur la protection des données','R G P D'],
  ko=['CNIL','RGAA','DPO','LCEN','loi informatique et libertés']),
'droits-donnees-3a': {
  'adresse': dict(ok=['donnees@salle-atlas.fr','données@salle-atlas.fr','Donnees@Salle-Atlas.fr','donnees @ salle-atlas.fr','à donnees@salle-atlas.fr','donnees@salle-atlas.fr.',"c'est donnees@salle-atlas.fr",'par courriel à donnees@salle-atlas.fr','**donnees@salle-atlas.fr**','« donnees@salle-atlas.fr »','mail : donnees@salle-atlas.fr'],
                  ko=['accueil@salle-atlas.fr','cnil','salle-atlas.fr','donnees@salle-atlas.com','donnees@atlas.fr']),
  'factures': dict(ok=['10','10 ans','dix ans','dix','pendant 10 ans','10 années','10ans','10 ans.',"c'est 10 ans",'durant 10 ans','elle les garde 10 ans','elle garde les factures 10 ans','les factures sont gardées 10 ans','10 ANS','10 an','pendant dix ans','10 ans (obligation légale)','10 ans, la loi l\'impose'],
                   ko=['3','3 ans','1','3 mois','1 an','10 mois','100 ans','dix mois']),
},
'droits-donnees-3b': dict(
  ok=['accès',"droit d'accès",'acces','accés',"d'accès",'accès aux données',"droit d'accès aux données",'accès à mes données','accès à ses données',"l'accès","c'est le droit d'accès",'accès aux informations',"droit d'accès aux informations",'Accès.','acès','accèss'],
  ko=['rectification','opposition','effacement','oubli','information','portabilité','copie','droit de rectification',"droit à l'effacement"]),
'droits-donnees-4a': dict(
  ok=['1','un','1 mois','un mois','dans un délai d\'un mois',"d'un mois",'un seul mois','sous un mois','sous 1 mois','en un mois','1 mois maximum','un mois maximum','au maximum 1 mois','au plus un mois','1 mois max','dans le mois','il doit répondre dans un délai d\'un mois','un mois, prolongeable de deux mois'],
  ko=['2','3','6','12','deux','3 mois','30','2 mois','au moins 1 mois','plus d\'un mois','1 ou 2']),
'publicite-ciblee-1d': dict(
  ok=['ciblée','ciblee','personnalisée','comportementale','une publicité ciblée','publicité ciblée','ciblé','ciblées','ciblé(e)','pub ciblée','publicité personnalisée','pub personnalisée','ciblée.','CIBLÉE','personnalisé','publicité ciblé','une pub ciblée'],
  ko=['gratuite','sponsorisée','mensongère','payante','aléatoire','non ciblée','sponsorisé','intrusive','générale','publicitaire']),
'publicite-ciblee-3b': {
  'annonceur': dict(ok=['Finances Éclair','finances eclair','Finance Éclair','Finances Éclair.',"c'est Finances Éclair",'la société Finances Éclair',"l'entreprise Finances Éclair",'Finances-Éclair','FINANCES ÉCLAIR','Finances Eclaire',"l'annonceur Finances Éclair",'le site Finances Éclair'],
                    ko=['Malik','Rennes','Facebook','crédit auto','voitures']),
  'ville': dict(ok=['Rennes','près de Rennes','à Rennes','Rennes (35)','la ville de Rennes','Renne','rennes','RENNES',"c'est Rennes",'autour de Rennes','région de Rennes','dans la région de Rennes','Rennes et alentours','Rennes et ses alentours','environs de Rennes','aux environs de Rennes','proche de Rennes','sa position près de Rennes','Rennes.'],
                ko=['Finances Éclair','Paris','Lille','Nantes','Brest']),
},
'publicite-ciblee-4b': dict(
  ok=['profilage','le profilage',"c'est le profilage",'profiling','Profilage.','profilages','prophilage','un profilage','profilage automatisé','PROFILAGE','« profilage »'],
  ko=['ciblage','pistage','traçage','espionnage','fichage','profil','tracking','personnalisation','surveillance']),
}
