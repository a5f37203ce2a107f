CASES = {
    "mots-cles-4e": {"ok": ["-colocation", "« -colocation »", "«-colocation»", "`-colocation`", "-Colocation"],
                     "ko": ["« - colocation »", "- colocation", "sans colocation", "« colocation »", "+colocation"]},
}
