CASES = {
 "dossier-partage-equipe-3f": {"ok": ["0", "zéro", "aucun", "Aucun.", "aucun des cinq", "personne", "plus personne", "0 bénévole", "aucun bénévole", "aucun, il l'a déplacé", "0, car il l'a déplacé", "aucun : le fichier n'est plus dans le dossier partagé", "plus aucun", "aucun d'entre eux", "personne ne le trouve"],
   "ko": ["5", "cinq", "tous", "4", "1", "6", "les cinq", "tout le monde", "5 sur 5"]},
}
CASES["saisie-au-clavier-2a"] = {"ok": ["maj", "Maj", "la touche Maj", "shift", "majuscule", "la touche majuscule", "la flèche", "la touche Shift (Maj)", "maj gauche", "la touche MAJ"], "ko": ["verr maj", "verrouillage majuscule", "caps lock", "alt gr", "ctrl", "fn", "verr. maj", "la touche verr maj", "verrouillage majuscules"]}
