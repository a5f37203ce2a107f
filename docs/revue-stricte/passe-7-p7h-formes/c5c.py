CASES = {
 "choisir-equipement-connexion-3g": {"ok": ["128", "128 Go", "cent vingt-huit", "128 Go de mémoire interne", "128 go"], "ko": ["6", "134", "6 Go", "134 Go", "122"]},
}
