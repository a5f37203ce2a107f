"""The calibration file, ``content/referential/calibration.yaml``: what the engine uses.

Written by ``diagnum calibrate`` (standard library: a small, fixed YAML shape), read and checked by
the builder (``builder/calibration.py``), carried in the bundle to the engine. Only challenges with
enough answers are listed; every other challenge keeps the parameters its level gives it.

    format: diagnum-calibration
    version: 1
    cree: "2026-12-07T19:00:00Z"
    personnes: 812
    reponses: 10394
    epreuves:
      mots-de-passe-1a: {difficulte: 1.42, discrimination: 1.61, incertitude: 0.21, reponses: 212}
"""

from __future__ import annotations

from pathlib import Path

from .estimate import Calibration

FORMAT = "diagnum-calibration"
VERSION = 1
FILE = Path("referential") / "calibration.yaml"

HEADER = """\
# Calibration des épreuves à partir des réponses recueillies (docs/guide-redaction.md,
# « Calibrer les épreuves »). Écrit par « diagnum calibrate » : ne le modifiez pas à la main,
# recalibrez. Chaque épreuve listée a une difficulté (sur l'échelle des niveaux), une
# discrimination (pente, en logits par niveau), l'incertitude de cette difficulté et le nombre de
# réponses sur lequel elle repose ; le moteur les utilise à la place du niveau déclaré. Les
# épreuves absentes gardent le niveau de leur acquis. Supprimer ce fichier revient au moteur
# sans calibration.
"""


def render(cal: Calibration, *, created: str, persons: int, responses: int) -> str:
    """The file's text (sorted by challenge id, stable from run to run)."""
    lines = [HEADER, f"format: {FORMAT}", f"version: {VERSION}", f'cree: "{created}"',
             f"personnes: {persons}", f"reponses: {responses}"]
    kept = sorted((it for it in cal.items.values() if it.calibrated),
                  key=lambda it: it.challenge_id)
    if not kept:
        lines.append("epreuves: {}")
    else:
        lines.append("epreuves:")
        for it in kept:
            lines.append(f"  {it.challenge_id}: {{difficulte: {it.difficulty:.3f}, "
                         f"discrimination: {it.discrimination:.3f}, "
                         f"incertitude: {it.sd:.3f}, reponses: {it.answers}}}")
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    """Write through a temporary file, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
