CASES = {
    "chercher-dans-un-site-3c": {"ok": ["7", "sept", "7 fois", "sept fois", "encore 7", "encore 7 fois", "il en reste 7", "9 - 2 = 7", "7 car 2 sur 9", "7, car le compteur dit 2 sur 9", "7 autres", "7 fois plus bas", "il apparaît encore 7 fois", "Sept"],
                                 "ko": ["9", "9 fois", "2", "2 sur 9", "11", "neuf", "deux"]},
    "lieux-horaires-trajets-1b": {"ok": ["Itinéraire pour avoir le chemin", "Itinéraire", "le bouton Itinéraire pour y aller"],
                                  "ko": ["Appeler", "Site web"]},
    "chercher-dans-un-site-3b": {"ok": ["Ctrl+F pour chercher", "Ctrl+F", "ctrl f pour trouver le mot"],
                                 "ko": ["Ctrl+C", "F5"]},
    "photos-du-telephone-2c": {"ok": ["Restaurer pour la remettre", "Restaurer", "restaurer pour la récupérer"],
                               "ko": ["Supprimer", "Partager"]},
    "mots-cles-1c": {"ok": ["légumes", "aux légumes", "le mot légumes", "légumes, pour ne pas avoir la viande", "il doit ajouter légumes", "légume", "« légumes »", "legumes"],
                     "ko": ["viande", "poulet", "recette", "couscous", "ce soir", "soir", "cuisiner", "pour ce soir"]},
    "mots-cles-2c": {"ok": ["Lille", "lille", "à Lille", "le mot Lille", "il ajoute Lille", "Lile", "la ville", "Lille pour avoir le bon accueil"],
                     "ko": ["Paris", "France", "ouverture", "d'ouverture", "Nord"]},
}
