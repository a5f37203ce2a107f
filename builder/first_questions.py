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


_CACHE: dict[str, dict[str, dict[str, Any]]] = {}


def engine_key(root: Path) -> str:
    """A fingerprint of the engine's code: its first questions change with it."""
    digest = hashlib.sha256()
    for path in sorted((root / "engine").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def first_questions(bundle: dict[str, Any], engine_key: str = "") -> dict[str, dict[str, Any]]:
    """File name → document for ``data/first/<version>/``, one per competence and parcours.

    Kept per referential version and engine (``engine_key``: the engine zip's name) across an
    editor's rebuilds: editing a tutorial's text changes neither."""
    key = f"{bundle['version']}:{engine_key}"
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _compute(bundle)
    return _CACHE[key]


def _compute(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    ref = load_referential(bundle)
    files: dict[str, dict[str, Any]] = {}
    targets = [("competence", c["id"]) for c in bundle["competences"]]
    targets += [("parcours", p["id"]) for p in bundle.get("profiles") or []]
    for kind, target_id in targets:
        steps = first_steps(ref, kind, target_id)
        if steps:
            files[target_file(kind, target_id)] = {"version": bundle["version"], "steps": steps}
    return files
