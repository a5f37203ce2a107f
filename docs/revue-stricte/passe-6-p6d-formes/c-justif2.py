CASES = {
 "candidature-en-ligne-1a": {"contrat": {"ok": ["CDD, de 6 mois", "CDD (pouvant être prolongé)", "un CDD de 6 mois."], "ko": ["CDI"]}, "heures": {"ok": ["28 heures, du lundi au jeudi", "28 h (temps partiel)", "28"], "ko": ["35"]}},
 "demarches-administratives-4b": {"prime": {"ok": ["la CAF, sur caf.fr", "CAF (ou MSA pour les agriculteurs)", "la CAF ou la MSA"], "ko": ["ameli"]}, "css": {"ok": ["l'Assurance maladie, sur ameli", "ameli, l'Assurance maladie", "la CPAM, sur ameli.fr"], "ko": ["CAF"]}},
 "rendez-vous-en-ligne-2a": {"ok": ["l'ordonnance du médecin", "l'ordonnance (prescription)", "la carte Vitale, pour être remboursée", "sa carte Vitale."], "ko": ["carte bancaire"]},
 "cv-lettre-motivation-3b": {"expediteur": {"ok": ["zone 1, en haut à gauche", "1, en haut à gauche", "la 1 (en haut à gauche)"], "ko": ["2"]}, "date": {"ok": ["zone 3, à droite", "3, à droite", "la 3, sous le destinataire"], "ko": ["4"]}},
 "mise-en-forme-texte-3c": {"ok": ["2, les numéros se recalculent", "elle devient la 2", "2 (la liste se renumérote)", "le numéro 2, automatiquement"], "ko": ["3", "3, car rien ne change"]},
 "relecture-orthographe-1b": {"ok": ["atestation, il manque un t", "« atestation »."], "ko": ["domicile"]},
 "saisie-au-clavier-2b": {"ok": ["e, en gardant le doigt appuyé", "la lettre e (sans accent)", "le e, appui long"], "ko": ["é"]},
 "saisie-au-clavier-3d": {"enfoncee": {"ok": ["Alt Gr, à droite de l'espace", "Alt Gr (à droite de la barre d'espace)"], "ko": ["Maj"]}, "touche": {"ok": ["à, la touche du 0", "la touche à (avec le 0 et le @)", "la touche 4, celle du à", "à (touche 4)"], "ko": ["é"]}},
 "tableaux-et-images-3a": {"colonnes": {"ok": ["6, avec la colonne des horaires", "6 (1 + 5)", "six, une pour les horaires et cinq jours"], "ko": ["5"]}, "lignes": {"ok": ["5, avec la ligne de titres", "5 (1 + 4)", "cinq, une de titres et quatre créneaux"], "ko": ["4"]}},
 "civilite-en-ligne-2b": {"ok": ["3018, gratuit et anonyme", "le 3018."], "ko": []},
 "candidature-en-ligne-3b": {"ok": ["une alerte, par courriel", "alerte (par mail)"], "ko": []},
}
