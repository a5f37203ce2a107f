CASES = {
 "hameconnage-2d": {"ok": ["horizon-banque-securite.com", "@horizon-banque-securite.com", "HORIZON-BANQUE-SECURITE.COM", "horizon-banque-sécurité.com", "c'est horizon-banque-securite.com", "le domaine horizon-banque-securite.com", "horizon-banque-securite.com.", "horizon-banque-securite .com", "horizon-banque-securite", ], "ko": ["banque-horizon.fr", "alerte", "alerte@horizon-banque-securite.com", "horizon-banque.fr", "horizon-banque-securite.fr", "banque-securite.com"]},
 "hameconnage-3a": {"ok": ["remboursement-assure.com", "www.remboursement-assure.com", "remboursement-assuré.com", "REMBOURSEMENT-ASSURE.COM", "c'est remboursement-assure.com", "elle est sur remboursement-assure.com", "sur le site remboursement-assure.com", "remboursement-assure.com/", "le site remboursement-assure.com", "remboursement-assure.com, pas ameli.fr"], "ko": ["ameli.fr", "www.ameli.fr", "ameli.fr.remboursement-assure.com", "assure.com", "remboursement-assure.fr", "remboursement-assure"]},
 "hameconnage-3c": {"lien1": {"ok": ["fr-verification.com", "FR-VERIFICATION.COM", "fr-vérification.com", "c'est fr-verification.com", "www.fr-verification.com", "https://fr-verification.com"], "ko": ["franceconnect.gouv.fr", "gouv.fr", "verification.com", "gouv.fr-verification.com"]}, "lien2": {"ok": ["suivi-envoi.net", "SUIVI-ENVOI.NET", "c'est suivi-envoi.net", "le site suivi-envoi.net", "www.suivi-envoi.net"], "ko": ["laposte.fr", "envoi.net", "laposte.fr.suivi-envoi.net", "suivi-envoi.fr"]}},
 "hameconnage-5a": {"ok": ["33700", "33 700", "au 33700", "au 33 700", "le 33700", "le 33 700", "c'est le 33700", "33700.", "je le transfère au 33700", "le numéro 33700", "numéro 33 700", "transférer le SMS au 33 700", "33-700", ], "ko": ["3018", "17", "33300", "37000", "3370", "7726", "33 300"]},
 "mots-de-passe-3c": {"ok": ["1", "un", "un seul", "1 seul", "un seul mot de passe", "le mot de passe du gestionnaire", "celui du gestionnaire", "1 : celui du gestionnaire", "un seul, celui du gestionnaire", "seulement un", "un : le mot de passe principal", "le mot de passe principal", "1 mot de passe", "juste celui du gestionnaire", "un seul (le mot de passe principal)", "1, le mot de passe principal", "1 (celui du gestionnaire)", "uniquement 1", "un seul mot de passe, celui du coffre-fort"], "ko": ["0", "2", "15", "16", "aucun", "tous", "un par compte", "15 mots de passe", "deux"]},
 "securite-appareils-3b": {"ok": ["exe", ".exe", "EXE", ".EXE", "c'est exe", "l'extension exe", "c'est un .exe", "exe, c'est un programme", "exe (programme)", "« exe »", "extension .exe", "la vraie extension est .exe"], "ko": ["pdf", ".pdf", "pdf.exe", "facture", "pdf exe", "pdf ou exe"]},
 "securite-appareils-3d": {"fichier1": {"ok": ["js", ".js", "JS", "c'est js", "extension js", "« js »"], "ko": ["pdf", "pdf.js", ".pdf"]}, "fichier2": {"ok": ["docx", ".docx", "DOCX", "c'est docx", "extension .docx"], "ko": ["doc", "cv", "pdf"]}},
 "telephone-perdu-ou-vole-1c": {"ok": ["SIM", "sim", "carte SIM", "la carte SIM", "« SIM »", "S.I.M.", "Sim", "puce SIM", "nano-SIM", "eSIM", "carte sim"], "ko": ["SD", "mémoire", "vitale", "bancaire", "micro SD", "puce", "carte SD"]},
 "telephone-perdu-ou-vole-2c": {"ok": ["Faire sonner", "faire sonner", "« Faire sonner »", "Faire sonner.", "le bouton Faire sonner", "le bouton « Faire sonner »", "sur Faire sonner", "elle clique sur Faire sonner", "faire sonner le téléphone", "Faire sonner, car il est en silencieux", "sonner", "faire sonnner", "Faire sonner (même en mode silencieux)"], "ko": ["Verrouiller", "Effacer l'appareil", "Effacer", "Faire sonner ou Verrouiller", "localiser", "ne pas faire sonner"]},
 "telephone-perdu-ou-vole-4a": {"ok": ["*#06#", "*#06# puis appel", "taper *#06#", "le code *#06#", "* # 0 6 #", "*#06 #", "*# 06 #", "étoile dièse zéro six dièse", "étoile dièse 06 dièse", "*#06#.", "je tape *#06#"], "ko": ["#06#", "*06#", "*#06", "06", "*#60#", "*#07#", "#*06#"]},
 "wifi-de-la-maison-1c": {"ok": ["cadenas", "un cadenas", "le cadenas", "Cadenas", "cadenat", "cadena", "c'est un cadenas", "un petit cadenas", "l'icône du cadenas", "cadenas fermé", "un cadenas fermé"], "ko": ["clé", "serrure", "cadenas ouvert", "bouclier", "ondes", "étoile"]},
 "wifi-de-la-maison-2b": {"ok": ["4", "quatre", "4 appareils", "quatre appareils", "il y en a 4", "4 (2 téléphones, la tablette et l'imprimante)", "4 : les deux téléphones, la tablette et l'imprimante"], "ko": ["5", "1", "3", "0", "2"]},
 "wifi-de-la-maison-3b": {"tablette": {"ok": ["Tq7wZ4nPx9Kd", " Tq7wZ4nPx9Kd", "Tq7wZ4nPx9Kd "], "ko": ["tq7wz4npx9kd", "gK83vRm2", "Tq7wZ4nPx9K"]}, "reglages": {"ok": ["gK83vRm2", "gK83vRm2 "], "ko": ["GK83VRM2", "Tq7wZ4nPx9Kd", "admin"]}},
}

# Deuxième série (QROC de 3.4 et 4.1 mêlés) : fusionnée dans CASES.
CASES_MORE = {
 "telephone-perdu-ou-vole-2c": {"ok": ["cliquer sur « Faire sonner »", "le bouton faire sonner", "Faire sonner le téléphone de Lucie", "elle clique sur le bouton Faire sonner", "Faire sonner !", "FAIRE SONNER", "faire sonné", "appuyer sur le bouton Faire sonner", "elle doit utiliser Faire sonner", "le premier bouton, Faire sonner"], "ko": ["Effacer l'appareil", "Verrouiller le téléphone", "faire vibrer"]},
 "telephone-perdu-ou-vole-1c": {"ok": ["une SIM", "la SIM", "puce SIM", "la puce SIM", "carte SIM", "sim.", "la carte sim", "c'est la carte SIM", "SIM (ou eSIM)"], "ko": ["carte mémoire", "carte bancaire", "carte vitale"]},
 "wifi-de-la-maison-1c": {"ok": ["Un cadenas.", "cadenas ferme", "le petit cadenas", "c'est le cadenas", "un cadena", "cadenas 🔒"], "ko": ["une clé", "un cadenas ouvert"]},
 "hameconnage-5a": {"ok": ["33700", "au 33 700", "le 33 700.", "Le 33700", "numéro 33700", "c'est le 33 700", "au numéro 33 700", "je transfère au 33700", "il faut le transférer au 33700"], "ko": ["17", "33 701", "3370"]},
 "hameconnage-2d": {"ok": ["horizon-banque-securite.com", "@horizon-banque-securite.com", "le domaine horizon-banque-securite.com", "c'est horizon-banque-securite.com", "Horizon-Banque-Securite.com", "horizon-banque-securite.com ", " horizon-banque-securite.com"], "ko": ["banque-horizon.fr", "horizon.com"]},
 "hameconnage-3c": {"lien1": {"ok": ["fr-verification.com", "le domaine fr-verification.com", "c'est fr-verification.com", "fr-verification.com/login"], "ko": ["gouv.fr", "franceconnect.gouv.fr"]}, "lien2": {"ok": ["suivi-envoi.net", "le site suivi-envoi.net", "c'est suivi-envoi.net", "suivi-envoi.net/colis"], "ko": ["laposte.fr", "envoi.net"]}},
 "telephone-perdu-ou-vole-4a": {"ok": ["*#06#", "*#06# ", "le code *#06#", "il faut taper *#06#", "composer *#06#", "*#06# sur le clavier", "taper *#06# sur le clavier d'appel"], "ko": ["*#06", "#06#", "*#60#"]},
 "listes-de-valeurs-1b": {"ok": ["Farine", "la farine.", "c'est farine", "élément 4 : farine", "4 farine", "farine !"], "ko": ["lait", "œufs"]},
 "actions-automatiques-1b": {"ok": ["vingt-trois heures", "23 h 00", "à 23 heures", "il commencera à 23 heures", "23"], "ko": ["22", "24"]},
}

for _k, _v in CASES_MORE.items():
    if _k in CASES and "ok" in _v and "ok" in CASES[_k]:
        CASES[_k]["ok"] += _v["ok"]; CASES[_k]["ko"] += _v.get("ko", [])
    elif _k in CASES:
        for _c, _f in _v.items():
            CASES[_k][_c]["ok"] += _f["ok"]; CASES[_k][_c]["ko"] += _f["ko"]
    else:
        CASES[_k] = _v
