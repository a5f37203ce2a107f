"""A synthetic referential with the shape of the real one, for development and the smoke test.

Only the structure matters to the benchmark (competences, tubes, skill levels, variants, challenge
types and option counts), so texts are placeholders. The shape follows what the content team
aims at: 16 competences, 3–4 tubes each, 4–6 consecutive levels per tube within 1–7 (the first
tube of a competence starts at level 1), 2–4 variants per skill, types mixed in the shares each
type declares (``sample_share``, about the bundled bank's).
"""

from __future__ import annotations

import random
from typing import Any

from engine.types import REGISTRY

COMPETENCES = ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4",
               "4.1", "4.2", "4.3", "5.1", "5.2")


def _challenge(cid: str, skill_id: str, rng: random.Random) -> dict[str, Any]:
    kinds = list(REGISTRY.values())
    kind = rng.choices(kinds, weights=[k.sample_share for k in kinds])[0]
    return {"id": cid, "skill_id": skill_id, "type": kind.name,
            "instruction": f"Consigne {cid}", **kind.sample(rng)}


def generate(seed: int = 0) -> dict[str, Any]:
    """The referential bundle (same dict shape as ``dist/data/referential.json``)."""
    rng = random.Random(f"synthetic:{seed}")
    data: dict[str, Any] = {
        "version": f"synthetic-{seed}",
        "domains": [{"id": d, "title": f"Domaine {d}"} for d in "12345"],
        "competences": [], "tubes": [], "skills": [], "challenges": [],
    }
    for comp in COMPETENCES:
        data["competences"].append({"id": comp, "title": f"Compétence {comp}",
                                    "domain_id": comp.split(".")[0]})
        for t in range(rng.choice((3, 4))):
            tube_id = f"{comp}.{'abcd'[t]}"
            data["tubes"].append({"id": tube_id, "competence_id": comp,
                                  "title": f"Sujet {tube_id}"})
            count = rng.randint(4, 6)
            # Every competence has beginner content (Pix's scoring and first question assume it).
            start = 1 if t == 0 else rng.randint(1, 8 - count)
            for level in range(start, start + count):
                skill_id = f"{tube_id}{level}"
                data["skills"].append({"id": skill_id, "tube_id": tube_id, "level": level,
                                       "title": f"Acquis {skill_id}"})
                for v in range(rng.randint(2, 4)):
                    data["challenges"].append(_challenge(f"{skill_id}-{v + 1}", skill_id, rng))
    return data
