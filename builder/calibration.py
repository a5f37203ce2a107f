"""The calibration file (content/referential/calibration.yaml), checked like the rest of the content.

``diagnum calibrate`` writes it from collected answers (package ``calibration``); the builder
checks it (every problem with its file and line, in French) and puts each calibrated challenge's
parameters into its bundle record (``calibration``), where the engine finds them. No file: no
calibration, and the bundle is exactly what it was without one.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from .content import Content, _read_yaml
from .diagnostics import Problems

FILE_NAME = "calibration.yaml"
FORMAT, VERSION = "diagnum-calibration", 1
HEADER_KEYS = {"format", "version", "cree", "personnes", "reponses", "epreuves"}
# key → (bundle name, lowest, highest, integer?)
FIELDS: dict[str, tuple[str, float, float, bool]] = {
    "difficulte": ("difficulty", -5.0, 15.0, False),
    "discrimination": ("discrimination", 0.01, 10.0, False),
    "incertitude": ("sd", 0.0, 10.0, False),
    "reponses": ("answers", 0, 10**9, True),
}
_NUMBER = re.compile(r"[+-]?(\d+([.]\d*)?|[.]\d+)")


def _line(data: Any, key: str) -> int:
    line_of = getattr(data, "line_of", None)
    return line_of(key) if line_of else getattr(data, "line", 1) or 1


def load_calibration(content_dir: Path, content: Content, problems: Problems
                     ) -> dict[str, dict[str, float]]:
    """Challenge id → {difficulty, discrimination, sd, answers}; {} when there is no file."""
    path = content_dir / "referential" / FILE_NAME
    if not path.is_file():
        return {}
    data = _read_yaml(path, problems, "la calibration des épreuves (écrite par « diagnum "
                                      "calibrate »)")
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.error(path, getattr(data, "line", 1), "la calibration doit être un ensemble de "
                       "clés (format, version, epreuves…) : recalibrez avec « diagnum calibrate »")
        return {}
    for key in data:
        if key not in HEADER_KEYS:
            problems.error(path, _line(data, key), f"clé inconnue « {key} » (attendues : "
                           f"{', '.join(sorted(HEADER_KEYS))})")
    if data.get("format") != FORMAT:
        problems.error(path, _line(data, "format"),
                       f"ce fichier n'est pas une calibration Diagnum (« format: {FORMAT} » "
                       "attendu) : recalibrez avec « diagnum calibrate »")
        return {}
    if data.get("version") != str(VERSION):
        problems.error(path, _line(data, "version"),
                       f"version de calibration inconnue « {data.get('version')} » (1 attendue)")
        return {}
    entries = data.get("epreuves")
    if entries is None or entries == "":
        problems.error(path, _line(data, "epreuves"), "il manque « epreuves: » (la liste des "
                       "épreuves calibrées)")
        return {}
    if not isinstance(entries, dict):
        problems.error(path, _line(data, "epreuves"), "« epreuves » doit associer à chaque "
                       "identifiant d'épreuve ses paramètres ({difficulte: …, discrimination: …})")
        return {}
    known = {c.id for c in content.challenges}
    out: dict[str, dict[str, float]] = {}
    for cid, raw in entries.items():
        line = _line(entries, cid)
        if cid not in known:
            problems.error(path, line, f"épreuve inconnue « {cid} » : aucune épreuve du "
                           "référentiel n'a cet identifiant (recalibrez, ou retirez cette ligne)")
            continue
        record = _entry(path, line, cid, raw, problems)
        if record is not None:
            out[cid] = record
    return out


def _entry(path: Path, line: int, cid: str, raw: Any, problems: Problems
           ) -> dict[str, float] | None:
    if not isinstance(raw, dict):
        problems.error(path, line, f"épreuve « {cid} » : paramètres attendus entre accolades "
                       "({difficulte: …, discrimination: …, incertitude: …, reponses: …})")
        return None
    record: dict[str, float] = {}
    ok = True
    for key in raw:
        if key not in FIELDS:
            problems.error(path, _line(raw, key) or line, f"épreuve « {cid} » : clé inconnue "
                           f"« {key} » (attendues : {', '.join(FIELDS)})")
            ok = False
    for key, (name, low, high, integer) in FIELDS.items():
        value = raw.get(key)
        where = _line(raw, key) or line
        if value is None:
            problems.error(path, line, f"épreuve « {cid} » : il manque « {key} »")
            ok = False
            continue
        text = str(value).strip()
        if not _NUMBER.fullmatch(text) or (integer and not text.lstrip("+-").isdigit()):
            kind = "un nombre entier" if integer else "un nombre (avec un point : 1.5)"
            problems.error(path, where, f"épreuve « {cid} » : « {key} » doit être {kind}, "
                           f"pas « {text} »")
            ok = False
            continue
        number = int(text) if integer else float(text)
        if not (math.isfinite(number) and low <= number <= high):
            problems.error(path, where, f"épreuve « {cid} » : « {key} » vaut {text}, hors des "
                           f"limites ({low:g} à {high:g})")
            ok = False
            continue
        record[name] = number
    return record if ok else None
