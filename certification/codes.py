"""Session codes in Pix's shape: 4 letters and 2 digits from characters no one confuses."""

from __future__ import annotations

import re

LETTERS = "BCDFGHJKMPQRTVWXY"
DIGITS = "2346789"
SHAPE = re.compile(rf"[{LETTERS}]{{4}}[{DIGITS}]{{2}}")


class SessionCodeError(ValueError):
    pass


def new_session_code(random_below) -> str:
    return ("".join(LETTERS[random_below(len(LETTERS))] for _ in range(4))
            + "".join(DIGITS[random_below(len(DIGITS))] for _ in range(2)))


def normalise(text: str) -> str:
    code = re.sub(r"[\s\-]", "", text).upper()
    if not SHAPE.fullmatch(code):
        raise SessionCodeError("Un code de session a 4 lettres puis 2 chiffres (par exemple "
                               "BKRT47), tel qu'affiché dans la salle.")
    return code
