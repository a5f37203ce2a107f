"""The first question of a test, chosen at build time so that the page can show it at once.

The engine's start is deterministic given the seed, so the builder runs it (in CPython) for a few
fixed seeds per competence and per parcours and writes what the engine would answer to ``start``:
the state, the question's view and the progress, exactly as the protocol sends them. The page
shows one of them while Pyodide is still downloading, keeps the learner's response, and hands it
to the engine once it is ready (start with the same seed, then answer). Written to
``data/first/<version>/<target>.json``, one small file per target.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from engine.protocol import _start, _step
from engine.referential import load_referential
from engine.text import to_wire

SEEDS_PER_TARGET = 16


def seeds(count: int = SEEDS_PER_TARGET) -> list[int]:
    """Fixed seeds spread over the 32-bit range the page draws its own seeds from."""
    return [(i * 2654435761) % 2**32 for i in range(1, count + 1)]


def target_file(kind: str, target_id: str) -> str:
    """The file name of a target's first questions (the page builds the same name)."""
    return f"{kind}-{target_id}.json"


def start_request(kind: str, target_id: str, seed: int) -> dict[str, Any]:
    """The ``start`` request the page sends for this target and seed."""
    if kind == "parcours":
        return {"type": "start", "profile": target_id, "seed": seed}
    return {"type": "start", "competences": [target_id], "seed": seed}


def first_steps(ref, kind: str, target_id: str, count: int = SEEDS_PER_TARGET) -> list[dict]:
    """What the engine answers to ``start`` for each seed: {seed, state, challenge, progress}."""
    out = []
    for seed in seeds(count):
        step = to_wire(_step(ref, _start(ref, start_request(kind, target_id, seed))))
        if step.get("challenge") is None:
            continue  # nothing to ask (an empty competence): the page waits for the engine
        out.append({"seed": seed, "state": step["state"], "challenge": step["challenge"],
                    "progress": step["progress"]})
    return out


# Steps per target, keyed on what the engine reads for it (see ``_target_key``); each
# build keeps only the targets it used, so a long ``diagnum serve`` session holds one build's.
_STEPS: dict[str, list[dict[str, Any]]] = {}


def engine_key(root: Path) -> str:
    """A fingerprint of the engine's code: its first questions change with it."""
    digest = hashlib.sha256()
    for path in sorted((root / "engine").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def first_questions(bundle: dict[str, Any], engine_key: str = "") -> dict[str, dict[str, Any]]:
    """File name → document for ``data/first/<version>/``, one per competence and parcours.

    An editor's rebuild recomputes only the targets whose content changed: a target's steps are
    kept on its own competences' tubes, skills and challenges (plus the lists of domains and
    competences the views name, the parcours' definition and the engine's code), and only the
    referential version written in each state is brought up to date."""
    version = bundle["version"]
    ref = None
    files: dict[str, dict[str, Any]] = {}
    used: dict[str, list[dict[str, Any]]] = {}
    for kind, target_id, key in _targets(bundle, engine_key):
        steps = _STEPS.get(key)
        if steps is None:
            ref = ref or load_referential(bundle)
            steps = first_steps(ref, kind, target_id)
        used[key] = steps
        if steps:
            files[target_file(kind, target_id)] = {"version": version,
                                                   "steps": _with_version(steps, version)}
    _STEPS.clear()
    _STEPS.update(used)
    return files


def _targets(bundle: dict[str, Any], engine_key: str):
    """(kind, id, key) of each target: the key says everything the engine's start reads."""
    tube_competence = {t["id"]: t["competence_id"] for t in bundle["tubes"]}
    skill_competence = {s["id"]: tube_competence[s["tube_id"]] for s in bundle["skills"]}
    own: dict[str, list[Any]] = {c["id"]: [[], [], []] for c in bundle["competences"]}
    for tube in bundle["tubes"]:
        own[tube["competence_id"]][0].append(tube)
    for skill in bundle["skills"]:
        own[skill_competence[skill["id"]]][1].append(skill)
    for challenge in bundle["challenges"]:
        own[skill_competence[challenge["skill_id"]]][2].append(challenge)

    def digest(value: Any) -> str:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    shared = digest([engine_key, bundle["domains"], bundle["competences"]])
    of = {cid: digest(parts) for cid, parts in own.items()}
    for competence in bundle["competences"]:
        cid = competence["id"]
        yield "competence", cid, digest([shared, "competence", cid, of[cid]])
    for profile in bundle.get("profiles") or []:
        cids = sorted({tube_competence.get(t["tube"], "") for t in profile["tubes"]})
        yield "parcours", profile["id"], digest([shared, "parcours", profile,
                                                 [of.get(c) for c in cids]])


def _with_version(steps: list[dict[str, Any]], version: str) -> list[dict[str, Any]]:
    """The steps with this referential version in their states (all else is unchanged)."""
    if all(step["state"].get("referential") == version for step in steps):
        return steps
    # New dicts on the path to the version only: the rest is shared, and never modified.
    return [{**step, "state": {**step["state"], "referential": version}} for step in steps]
