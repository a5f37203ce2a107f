# Formes essayées pour un cas discutable (§ 5) de la revue à l'aveugle n° 9, corrigé en passe 9 (f9).
CASES = {
    "mots-cles-5b": {
        "operateur1": {
            "ok": ["site", "site:", "« site »", "\"site\"", "« site: »", "\"site:\"", "« site : »",
                   "'site'", "'site:'", "`site:`", "`site`", "site:ameli.fr", "le mot site",
                   "l'opérateur site", "l'opérateur « site »", "l'opérateur \"site:\"", "Site",
                   "SITE:", "le mot « site »", "opérateur « site: »", "« site:ameli.fr »"],
            "ko": ["lien", "url", "« lien »", "\"url\"", "« url: »", "`url:`", "filetype",
                   "« filetype »", "ext", "\"inurl\"", "« domaine »"],
        },
        "operateur2": {
            "ok": ["filetype", "filetype:", "« filetype »", "\"filetype\"", "« filetype: »",
                   "\"filetype:\"", "'filetype'", "`filetype:`", "« ext »", "\"ext:\"", "`ext:`",
                   "« filetype:pdf »", "\"filetype:pdf\"", "ext:pdf", "l'opérateur « filetype »",
                   "le mot \"filetype\"", "FILETYPE:", "file type", "« ext: »", "'ext'",
                   "l'opérateur \"ext:\""],
            "ko": ["type", "format", "fichier", "« type »", "\"format\"", "« fichier: »", "site",
                   "« site »", "`type:`", "\"filetyp\"", "« pdf »"],
        },
    },
}
