CASES = {
 "partager-oeuvres-3b": {"ok": ["l'auteur", "le nom de l'auteur", "auteur", "nom de l'écrivain", "le nom de l'autrice", "le titre du livre", "titre du roman", "le titre", "la source", "le nom du livre", "titre", "nom de l'auteur du roman", "l'auteur du livre", "l'écrivain"],
   "ko": ["la date", "le prix", "la page", "guillemets", "son nom", "le nom de Mehdi"]},
 "partager-oeuvres-6a": {"ok": ["70", "70 ans", "soixante-dix", "soixante-dix ans", "70 ans après sa mort", "70 ans après le décès de l'auteur", "soixante dix ans", "70 années"], "ko": ["50", "50 ans", "100", "100 ans", "20", "75", "7"]},
 "partager-oeuvres-6c": {"ok": ["2051", "en 2051", "le 1er janvier 2051", "2051, car 1981 + 70", "en 2051 (1981 + 70 ans)", "à partir de 2051", "deux mille cinquante et un", "1er janvier 2051", "l'année 2051"], "ko": ["2050", "en 2050", "2052", "2030", "2080", "le 31 décembre 2050", "1er janvier 2050"]},
 "publier-reseau-social-1a": {"ok": ["publier", "Publier", "le bouton Publier", "« Publier »", "sur publier", "elle appuie sur publier", "le grand bouton publier en bas", "publier, en bas"], "ko": ["amis", "photo", "créer une publication", "envoyer", "partager"]},
 "publier-reseau-social-2c": {"ok": ["Modifier l'audience", "modifier l'audience", "« Modifier l'audience »", "l'option modifier l'audience", "modifier l'audience puis amis", "modifier l'audience, pour mettre Amis", "il choisit modifier l'audience", "Modifier l’audience", "modifer l'audience", "modifier l'audiance"], "ko": ["modifier la publication", "archiver", "supprimer la publication", "amis", "public"]},
 "publier-reseau-social-3a": {"brocante": {"ok": ["Public", "public", "« Public »", "tout le monde", "public, pour que tout le monde la voie", "en public"], "ko": ["amis", "moi uniquement", "amis sauf…"]},
   "anniversaire": {"ok": ["Amis", "amis", "« Amis »", "mes amis", "amis seulement", "amis, pas public", "amis uniquement"], "ko": ["public", "moi uniquement"]},
   "souvenirs": {"ok": ["Moi uniquement", "moi uniquement", "« Moi uniquement »", "moi seul", "seulement moi", "uniquement moi", "moi uniquement, c'est privé"], "ko": ["amis", "public", "amis sauf", "amis sauf…"]}},
}
