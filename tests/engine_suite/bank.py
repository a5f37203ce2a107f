"""A small referential in the bundle's JSON shape, with every challenge type."""

from __future__ import annotations

from typing import Any

from engine.types import challenge_type


def make_bank(competences: int = 2, tubes: int = 3, levels: tuple[int, ...] = (1, 2, 3, 4, 5, 6),
              variants: int = 3) -> dict[str, Any]:
    data: dict[str, Any] = {"version": "test", "domains": [{"id": "1", "title": "Domaine"}],
                            "competences": [], "tubes": [], "skills": [], "challenges": [],
                            "tutorials": [{"id": "tuto-a", "title": "Tuto", "summary": "Résumé",
                                           "duration": 5, "format": "fiche",
                                           "url": "tutoriels/tuto-a/index.html"}],
                            "profiles": []}
    for c in range(competences):
        cid = f"1.{c + 1}"
        data["competences"].append({"id": cid, "title": f"Compétence {cid}", "domain_id": "1"})
        for t in range(tubes):
            tid = f"sujet-{c}-{'abcdefgh'[t]}"
            data["tubes"].append({"id": tid, "competence_id": cid, "title": f"Sujet {tid}"})
            for level in levels:
                sid = f"@{tid}{level}"
                data["skills"].append({"id": sid, "tube_id": tid, "level": level,
                                       "title": f"Acquis {sid}", "tutorials": ["tuto-a"]})
                for v in range(variants):
                    data["challenges"].append(_challenge(f"{tid}-{level}{'abcdef'[v]}", sid, v))
    data["profiles"].append({
        "id": "bases", "title": "Bases", "description": "…",
        "tubes": [{"tube": "sujet-0-a", "max_level": 2, "block": "un",
                   "skills": ["@sujet-0-a1", "@sujet-0-a2"]},
                  {"tube": "sujet-1-b", "max_level": 3, "block": "deux",
                   "skills": ["@sujet-1-b1", "@sujet-1-b2", "@sujet-1-b3"]}],
        "blocks": [{"id": "un", "title": "Un"}, {"id": "deux", "title": "Deux"}],
        "badges": [{"id": "pret", "title": "Prêt", "description": "…", "threshold": 80,
                    "blocks": ["un", "deux"], "block_threshold": 50}],
        "stages": [{"threshold": 0, "title": "Départ", "message": "…"},
                   {"threshold": 50, "title": "Milieu", "message": "…"},
                   {"threshold": 100, "title": "Fin", "message": "…"}]})
    return data


def _challenge(cid: str, sid: str, variant: int) -> dict[str, Any]:
    base = {"id": cid, "skill_id": sid, "instruction": f"<p>{cid}</p>", "explanation": "<p>…</p>"}
    kind = variant % 3
    if kind == 0:
        return {**base, "type": "QCU", "proposals": ["A", "B", "C", "D"], "solution": 2}
    if kind == 1:
        return {**base, "type": "QCM", "proposals": ["A", "B", "C", "D"], "solution": [1, 3]}
    return {**base, "type": "QROC", "answers": ["médiathèque"], "label": "Réponse",
            "tolerances": ["T1", "T2", "T3"], "format": "texte"}


def correct_response(challenge) -> object:
    """A response that solves ``challenge`` (an engine Challenge)."""
    return challenge_type(challenge.type).sample_responses(challenge.data)[0]


def wrong_response(challenge) -> object:
    return challenge_type(challenge.type).sample_responses(challenge.data)[1]


def challenge(kind: str, **record: Any):
    """An engine Challenge of type ``kind`` from its bundle record fields."""
    from engine.referential import challenge_from_record

    return challenge_from_record({"id": "c", "skill_id": "s", "type": kind, **record})


def qroc(answers, tolerances=("T1", "T2", "T3"), fmt="texte", refused=()):
    return challenge("QROC", answers=list(answers), tolerances=list(tolerances), format=fmt,
                     **({"refused": list(refused)} if refused else {}))
