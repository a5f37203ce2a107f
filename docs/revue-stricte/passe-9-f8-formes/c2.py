# Formes essayées pour les cas discutables (§5) corrigés en passe 9 (f8).
CASES = {
    "actions-automatiques-3d": {
        "ok": ["2", "deux", "2 messages", "deux messages", "il y en a 2", "1 et 2", "le 1 et le 2",
               "le 1er et le 2e", "le 1er et le 2ème", "les 1er et 2e", "1 et 2 seulement",
               "seulement 1 et 2", "seulement le 1 et le 2", "les messages 1 et 2 seulement",
               "le premier et le deuxième", "le premier et le second", "les deux premiers",
               "les 2 premiers", "2 (le 1 et le 2)", "messages 1 et 2", "les messages 1 et 2",
               "2 : le 1 et le 2", "le message 1 et le message 2"],
        "ko": ["1", "3", "0", "4", "1 et 3", "2 et 3", "1, 2 et 3", "le 1er et le 3e",
               "le premier et le troisième", "les trois premiers", "3 seulement", "le 2e et le 3e",
               "les 3 premiers"],
    },
    "civilite-en-ligne-2b": {
        "ok": ["3018", "le 3018", "30 18", "appeler le 3018", "appelez le 3018", "appelle le 3018",
               "il faut appeler le 3018", "composer le 3018", "composez le 3018", "on appelle le 3018",
               "ils appellent le 3018", "trois mille dix-huit", "n° 3018", "numéro 3018",
               "le numéro 3018", "3018 (gratuit et anonyme)", "c'est le 3018", "30-18",
               "téléphoner au 3018", "appeler le 30 18"],
        "ko": ["3019", "3919", "119", "17", "3020", "appelez le 3919", "appeler le 119",
               "composez le 17", "le 112"],
    },
    "actions-automatiques-1b": {
        "ok": ["23", "23 h", "23h00", "23:00", "vingt-trois heures", "à 23 h",
               "23 heures", "20 + 3 = 23", "23 h (20 h + 3 h)", "il commence à 23 h",
               "23 h car 20 h + 3 h", "23 h (11 h du soir)", "23 (11 h du soir)"],
        # « 11 h du soir » reste refusée : écrite comme réponse acceptée, elle fait accepter
        # « 11 h » et « 11 h du matin » (une heure vaut toutes ses écritures) ; la consigne
        # demande d'ailleurs l'heure en chiffres, avec un exemple.
        "ko": ["20", "3", "11", "17", "21", "11 h", "11 h du matin", "20 h", "3 h", "11 heures",
               "22 h", "minuit"],
    },
    "tableur-formules-1b": {
        "ok": ["A2", "la cellule A2", "c'est A2", "A2 Loyer", "A2 (Loyer)", "A2, Loyer",
               "la cellule A2 contient Loyer", "A2 contient Loyer", "la case A2 contient Loyer",
               "la cellule A2 contient le mot Loyer", "A2 contient le mot Loyer",
               "c'est A2 qui contient Loyer", "A2, qui contient Loyer", "colonne A ligne 2",
               "ligne 2, colonne A", "a2", "A 2", "cellule A2", "dans la case A2", "en A2"],
        "ko": ["B2", "A1", "2A", "A3", "la cellule A3", "cellule B2", "B2 contient Loyer",
               "la cellule B2 contient Loyer", "A3 contient Loyer", "Loyer"],
    },
}
