CASES = {
    "carnet-de-contacts-1a": {
        "ok": ["Enregistrer", "enregistrer", "le bouton Enregistrer", "« Enregistrer »", "sur Enregistrer", "elle appuie sur Enregistrer",
               "Enregistrer, en haut à droite", "elle touche Enregistrer", "elle appuie sur « Enregistrer »", "ENREGISTRER", "Enregistrer."],
        "ko": ["Annuler", "Ajouter un champ", "Ajouter une photo", "OK"],
    },
    "carnet-de-contacts-2c": {
        "ok": ["Modifier", "modifier", "le bouton Modifier", "« Modifier »", "le crayon", "j'appuie sur Modifier", "Modifier (le crayon)",
               "sur Modifier", "Éditer", "je touche Modifier", "modifier.", "le petit crayon", "Modifier le contact"],
        "ko": ["Supprimer", "Partager", "Enregistrer", "Appeler"],
    },
    "carnet-de-contacts-3a": {
        "indicatif": {"ok": ["33", "+33", "trente-trois", "l'indicatif 33", "+ 33", "33 (France)", "c'est 33"],
                      "ko": ["32", "0033", "330", "06"]},
        "numero": {"ok": ["6 39 98 41 27", "639984127", "6.39.98.41.27", "6 39 98 41 27 (sans le 0)", "639 98 41 27", "6-39-98-41-27"],
                   "ko": ["06 39 98 41 27", "0639984127", "39 98 41 27"]},
    },
    "carnet-de-contacts-3b": {
        "ok": ["+212 6 12 34 56 78", "+212612345678", "+212 612 345 678", "00212 6 12 34 56 78", "00 212 6 12 34 56 78", "+212 6 12 34 56 78.",
               "il écrit +212 6 12 34 56 78", "+212 6 12 34 56 78 (sans le 0)", "+212 6 12 34 56 78 sans le 0", "(+212) 6 12 34 56 78", "+212-612345678",
               "+212 6.12.34.56.78"],
        "ko": ["+212 06 12 34 56 78", "06 12 34 56 78", "212 6 12 34 56 78", "+33 6 12 34 56 78", "+2120612345678"],
    },
    "fichiers-et-dossiers-3a": {
        "ok": ["Papiers", "papiers", "le dossier Papiers", "dans Papiers", "Documents › Papiers", "Documents > Papiers", "« Papiers »",
               "il est dans le dossier Papiers", "Papiers, dans Documents", "dans le dossier « Papiers »", "PAPIERS", "Papier"],
        "ko": ["Documents", "Santé", "Ce PC", "Papiers › Santé"],
    },
    "fichiers-telecharges-2c": {
        "ok": ["Téléchargements", "telechargements", "le dossier Téléchargements", "Downloads", "« Téléchargements »", "dans Téléchargements",
               "Téléchargement", "dans le dossier « Téléchargements »", "TÉLÉCHARGEMENTS", "Téléchargements (Downloads)", "téléchargements."],
        "ko": ["Documents", "Bureau", "Images"],
    },
    "fichiers-telecharges-3a": {
        "ok": ["CAF", "caf", "le dossier CAF", "dans CAF", "Documents › Papiers › CAF", "« CAF »", "dans le dossier « CAF »", "Papiers › CAF",
               "le dossier CAF, dans Papiers", "CAF (dans Papiers)", "dans le dossier CAF de Documents", "Documents > Papiers > CAF"],
        "ko": ["Papiers", "Documents", "Téléchargements", "Bureau"],
    },
    "noms-de-fichiers-2a": {
        "ok": ["pdf", "PDF", ".pdf", "c'est pdf", "l'extension pdf", "« pdf »", "pdf.", "Pdf", "du PDF", "en pdf", "c'est un pdf"],
        "ko": ["avis", "imposition", "avis-imposition", "doc"],
    },
    "noms-de-fichiers-2b": {
        "ok": ["png", "PNG", ".png", "c'est png", "l'extension png", "« png »", "une image png", "Png"],
        "ko": ["identite", "jpg", "mariam", "photo", "identite.mariam.png"],
    },
    "noms-de-fichiers-2c": {
        "nom": {"ok": ["releve-compte-mars", "relevé-compte-mars", "Releve-compte-mars", "« releve-compte-mars »", "releve compte mars", "`releve-compte-mars`"],
                "ko": ["releve-compte-mars.pdf", "releve", "pdf"]},
        "extension": {"ok": ["pdf", "PDF", ".pdf", "« pdf »", "c'est pdf"], "ko": ["mars", "releve"]},
    },
    "photos-du-telephone-1a": {
        "ok": ["Galerie", "Photos", "la Galerie", "l'application Photos", "Google Photos", "galerie", "photos", "Galerie ou Photos", "l'appli Galerie",
               "« Galerie »", "Galerie photos", "elle ouvre la galerie", "Galerie.", "les photos", "l'application Galerie (ou Photos)"],
        "ko": ["Messages", "Fichiers", "Contacts", "Appareil photo", "Réglages"],
    },
    "photos-du-telephone-1c": {
        "ok": ["3", "trois", "3 photos", "trois photos", "il en a pris 3", "il a pris 3 photos", "3 aujourd'hui", "c'est 3"],
        "ko": ["2", "4", "9"],
    },
    "photos-du-telephone-2c": {
        "ok": ["Restaurer", "restaurer", "Récupérer", "le bouton Restaurer", "« Restaurer »", "il appuie sur Restaurer", "Restaurer.", "sur Restaurer",
               "il touche Restaurer", "récupérer", "restaurer la photo", "Restaurer ou Récupérer"],
        "ko": ["Supprimer", "Partager", "Modifier", "Envoyer"],
    },
    "photos-du-telephone-5c": {
        "original": {"ok": ["A", "a", "photo A", "la photo A", "c'est la A", "la A", "A.", "« A »", "la photo A (4000 × 3000)", "A car elle est plus lourde"],
                     "ko": ["B", "photo B", "la B"]},
        "jour": {"ok": ["14", "le 14", "14 juillet", "quatorze", "le 14 juillet", "14/07", "14 juillet 2024", "14 juillet 2024 à 21:47", "le 14 juillet 2024",
                        "le quatorze", "14 juillet à 21h47", "14.07"],
                 "ko": ["16", "16 juillet", "le 16", "21"]},
    },
    "sauvegarde-des-donnees-2b": {
        "ok": ["corbeille", "la corbeille", "Corbeille", "dans la corbeille", "la Corbeille", "« Corbeille »", "poubelle", "la poubelle",
               "il va dans la corbeille", "corbeille.", "dans la poubelle"],
        "ko": ["Téléchargements", "Documents", "Bureau"],
    },
}
