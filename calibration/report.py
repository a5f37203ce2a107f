"""The editors' report: one self-contained HTML page (French, no external request) saying which
challenges the answers contradict, with the file and line to open.

It shows responses learners typed, so it is written outside ``dist/`` and never published.
Thresholds: a difficulty more than one level away from the declared level; a discrimination below
half the engine's slope; a tube whose rungs are inverted by more than half a level; a refused
typed answer given by at least 3 people and a tenth of the wrong answers; fewer answers than the
calibration needs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from html import escape

from engine import Referential

from .estimate import Calibration, ItemEstimate
from .inputs import Dataset

LEVEL_GAP = 1.0
INVERSION_GAP = 0.5
REFUSED_MIN, REFUSED_SHARE = 3, 0.1

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;
color:#1a1a1a;background:#fff;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #0b5394}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #888;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef7}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-size:.95em;background:#f3f3f3;padding:0 .2em}
.note{color:#333}.vide{font-style:italic}
.defile{overflow-x:auto}.defile:focus{outline:3px solid #0b5394;outline-offset:2px}
"""


def _cell(value: object, numeric: bool = False) -> str:
    cls = ' class="n"' if numeric else ""
    return f"<td{cls}>{escape(str(value))}</td>"


def _table(caption: str, headers: list[str], rows: list[list[tuple[object, bool]]],
           empty: str) -> str:
    if not rows:
        return f'<p class="vide">{escape(empty)}</p>'
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(_cell(v, n) for v, n in row) + "</tr>" for row in rows)
    # A wide table scrolls on its own (keyboard too), not the whole page, on a phone.
    return (f'<div class="defile" role="region" tabindex="0" aria-label="{escape(caption)}">'
            f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


def _fr(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",").replace("-", "−")


def _where(locations: Mapping[str, str], cid: str) -> str:
    return locations.get(cid, "(emplacement inconnu)")


def level_contradictions(cal: Calibration) -> list[ItemEstimate]:
    """Calibrated challenges whose difficulty is more than one level from the declared one."""
    found = [it for it in cal.items.values()
             if it.calibrated and abs(it.difficulty - it.level) > LEVEL_GAP]
    return sorted(found, key=lambda it: -abs(it.difficulty - it.level))


def weak_discrimination(cal: Calibration) -> list[ItemEstimate]:
    limit = cal.params.slope / 2
    return sorted((it for it in cal.items.values() if it.calibrated and it.discrimination < limit),
                  key=lambda it: it.discrimination)


def inverted_rungs(ref: Referential, cal: Calibration) -> list[tuple[str, int, float, int, float]]:
    """(tube, lower level, its difficulty, higher level, its difficulty) where the higher rung
    is easier by more than half a level (mean of the skill's calibrated challenges)."""
    by_skill: dict[str, list[float]] = defaultdict(list)
    for it in cal.items.values():
        if it.calibrated:
            by_skill[ref.challenges[it.challenge_id].skill_id].append(it.difficulty)
    out = []
    for tube_id, skills in ref.skills_by_tube.items():
        rungs = [(s.level, sum(by_skill[s.id]) / len(by_skill[s.id]))
                 for s in skills if by_skill.get(s.id)]
        for i, (low, low_b) in enumerate(rungs):
            for high, high_b in rungs[i + 1:]:
                if high > low and low_b - high_b > INVERSION_GAP:
                    out.append((tube_id, low, low_b, high, high_b))
    return out


def frequent_refusals(data: Dataset, cal: Calibration) -> list[tuple[str, str, int, int]]:
    """(challenge, typed answer, people, wrong answers) for refused answers typed often."""
    out = []
    for cid, counts in data.refused.items():
        item = cal.items.get(cid)
        wrong = (item.answers - item.right) if item else sum(counts.values())
        for text, n in counts.items():
            if n >= REFUSED_MIN and n >= REFUSED_SHARE * wrong:
                out.append((cid, text, n, wrong))
    return sorted(out, key=lambda r: (-r[2], r[0], r[1]))


def render(ref: Referential, data: Dataset, cal: Calibration, locations: Mapping[str, str],
           *, created: str, output: str | None) -> str:
    """The report's HTML."""
    loc = locations
    few = sorted((it for it in cal.items.values() if not it.calibrated),
                 key=lambda it: (it.answers, it.challenge_id))
    never = sum(1 for c in ref.challenges.values() if not c.retired and c.id not in cal.items)
    calibrated = sum(1 for it in cal.items.values() if it.calibrated)
    parts = [
        "<!DOCTYPE html>", '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Diagnum — rapport de calibration</title>", f"<style>{STYLE}</style></head><body>",
        "<main><h1>Rapport de calibration des épreuves</h1>",
        f'<p class="note">Fait le {escape(created)}. Ce rapport montre des réponses tapées par '
        "des personnes : gardez-le pour l'équipe de rédaction, ne le publiez pas.</p>",
        "<h2>Ce qui a été lu</h2><ul>",
        f"<li>{data.files} fichier(s) de résultats lu(s), {len(data.problems)} ignoré(s) ; "
        f"{data.records} test(s) ({data.duplicates} en double, comptés une fois) ; "
        f"{data.responses} réponse(s).</li>",
        f"<li>{calibrated} épreuve(s) calibrée(s) (au moins {cal.min_answers} réponses"
        f"{_pooled_words(cal)}) ; "
        f"{len(few)} épreuve(s) avec trop peu de réponses gardent leur niveau déclaré ; "
        f"{never} épreuve(s) sans aucune réponse.</li>",
    ]
    if output:
        parts.append(f"<li>Calibration écrite dans <code>{escape(output)}</code>.</li>")
    parts.append("</ul>")
    if data.problems:
        parts.append("<h3>Fichiers ignorés</h3><ul>"
                     + "".join(f"<li>{escape(p)}</li>" for p in data.problems) + "</ul>")
    parts.append(_section_levels(cal, loc))
    parts.append(_section_discrimination(cal, loc))
    parts.append(_section_rungs(ref, cal))
    parts.append(_section_refusals(data, cal, loc))
    parts.append(_section_few(few, cal, loc))
    parts.append(_section_reading(cal))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _section_levels(cal: Calibration, loc: Mapping[str, str]) -> str:
    rows = []
    for it in level_contradictions(cal):
        sense = "plus facile" if it.difficulty < it.level else "plus difficile"
        rows.append([(it.challenge_id, False), (_where(loc, it.challenge_id), False),
                     (it.level, True), (f"{_fr(it.difficulty)} ± {_fr(2 * it.sd)}", True),
                     (f"{sense} que son niveau", False),
                     (f"{round(100 * it.success_rate)} %", True), (it.answers, True)])
    return ("<h2>Difficulté contraire au niveau déclaré</h2>"
            '<p class="note">La difficulté estimée est à plus d\'un niveau du niveau de l\'acquis '
            "(par exemple une épreuve facile sur une marche haute). Relisez l'épreuve : est-elle "
            "au bon acquis, la consigne donne-t-elle la réponse, ou la rend-elle plus dure que "
            "prévu ?</p>"
            + _table("Épreuves dont la difficulté contredit le niveau",
                     ["Épreuve", "Fichier:ligne", "Niveau déclaré", "Difficulté estimée",
                      "Sens", "Réussite", "Réponses"], rows,
                     "Aucune épreuve calibrée ne s'écarte de plus d'un niveau de son acquis."))


def _section_discrimination(cal: Calibration, loc: Mapping[str, str]) -> str:
    rows = [[(it.challenge_id, False), (_where(loc, it.challenge_id), False), (it.level, True),
             (_fr(it.discrimination, 2), True), (f"{round(100 * it.success_rate)} %", True),
             (it.answers, True)] for it in weak_discrimination(cal)]
    return ("<h2>Épreuves qui discriminent mal</h2>"
            f'<p class="note">Leur pente est sous {_fr(cal.params.slope / 2, 2)} (la moitié de '
            "celle que le moteur suppose) : les personnes à l'aise et les autres y réussissent "
            "presque autant. Souvent une consigne ambiguë, une réponse attendue discutable ou "
            "une proposition piège.</p>"
            + _table("Épreuves à faible discrimination",
                     ["Épreuve", "Fichier:ligne", "Niveau déclaré", "Discrimination",
                      "Réussite", "Réponses"], rows, "Aucune épreuve calibrée ne discrimine mal."))


def _section_rungs(ref: Referential, cal: Calibration) -> str:
    rows = [[(ref.tubes[t].title if t in ref.tubes else t, False), (t, False),
             (f"niveau {low} : {_fr(lb)}", False), (f"niveau {high} : {_fr(hb)}", False)]
            for t, low, lb, high, hb in inverted_rungs(ref, cal)]
    return ("<h2>Sujets dont les marches sont inversées</h2>"
            '<p class="note">Dans ces sujets, les épreuves d\'un acquis plus haut sont en moyenne '
            "plus faciles que celles d'un acquis plus bas (de plus d'un demi-niveau).</p>"
            + _table("Marches inversées", ["Sujet", "Identifiant", "Acquis plus bas",
                                           "Acquis plus haut"], rows,
                     "Aucun sujet n'a de marches inversées parmi les épreuves calibrées."))


def _section_refusals(data: Dataset, cal: Calibration, loc: Mapping[str, str]) -> str:
    rows = [[(cid, False), (_where(loc, cid), False), (text, False), (n, True), (wrong, True)]
            for cid, text, n, wrong in frequent_refusals(data, cal)]
    return ("<h2>Réponses refusées tapées souvent</h2>"
            '<p class="note">Réponses tapées jugées fausses par au moins '
            f"{REFUSED_MIN} personnes et un dixième des réponses fausses : si elles sont justes, "
            "ajoutez-les aux réponses acceptées de l'épreuve.</p>"
            + _table("Candidates aux réponses acceptées",
                     ["Épreuve", "Fichier:ligne", "Réponse tapée (en minuscules)", "Personnes",
                      "Réponses fausses"], rows, "Aucune réponse refusée n'a été tapée souvent."))


def _pooled_words(cal: Calibration) -> str:
    return (", à elles seules ou avec les autres variantes de leur acquis" if cal.pooled else "")


def _section_few(few: Iterable[ItemEstimate], cal: Calibration, loc: Mapping[str, str]) -> str:
    rows = [[(it.challenge_id, False), (_where(loc, it.challenge_id), False), (it.level, True),
             (it.answers, True)] for it in few]
    return ("<h2>Épreuves avec trop peu de réponses</h2>"
            f'<p class="note">Moins de {cal.min_answers} réponses{_pooled_words(cal)} : ces '
            "épreuves gardent le niveau de leur acquis. Elles seront calibrées quand plus de "
            "personnes y auront répondu.</p>"
            + _table("Épreuves répondues trop peu de fois",
                     ["Épreuve", "Fichier:ligne", "Niveau déclaré", "Réponses"], rows,
                     "Toutes les épreuves répondues ont assez de réponses."))


def _section_reading(cal: Calibration) -> str:
    fits = "".join(
        f"<li>Compétence {escape(f.competence_id)} : {f.persons} personne(s), niveau moyen "
        f"{_fr(f.mean)} (écart-type {_fr(f.sd)}){'' if f.converged else ' — calcul non stabilisé'}"
        "</li>" for f in cal.competences.values())
    return ("<h2>Comment lire ce rapport</h2>"
            '<p class="note">La difficulté est sur l\'échelle des niveaux : une épreuve de '
            "difficulté 3 est réussie une fois sur deux par une personne de niveau 3 (hasard "
            "mis à part). « ± » donne l'incertitude (deux écarts-types). Avec peu de réponses, "
            "l'estimation reste proche du niveau déclaré.</p>"
            f"<ul>{fits}</ul>")
