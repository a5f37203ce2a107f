CASES = {
    "affiche-invitation-6d": {
        "largeur": {"ok": ["154", "154 mm", "15,4 cm", "15.4 cm", "154mm", "148 + 6 = 154", "154 millimètres"],
                    "ko": ["15,4", "151", "148", "148 mm", "15,1 cm", "14,8 cm"]},
        "hauteur": {"ok": ["216", "216 mm", "21,6 cm", "21.6 cm", "216mm", "21,6 centimètres"],
                    "ko": ["21,6", "213", "210", "21 cm", "21,3 cm"]},
    },
}
