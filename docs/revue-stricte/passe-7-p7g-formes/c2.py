CASES = {
 'donnees-sante-3d': {'ok': ["Êtes-vous membre d'un syndicat ? *", "membre d'un syndicat *", "la case « Êtes-vous membre d'un syndicat ? »", "la 4e case, syndicat", "syndicat, donnée sensible", "la question syndicale", "appartenance syndicale car c'est discriminatoire"],
   'ko': ["Permis de conduire B *", "Hors Union européenne", "autorisation de travail *", "titre de séjour (PDF)"]},
 'cyberharcelement-3a': {'ok': ['3018 (Net Écoute)', 'le 3018, numéro national', 'appeler 3018'], 'ko': ['3918', '3019', '0 800']},
}
