"""The first questions written by the builder are exactly what the engine picks for those seeds."""

from __future__ import annotations

import json

from builder.first_questions import SEEDS_PER_TARGET, seeds, start_request
from engine import protocol


def test_precomputed_first_questions_equal_the_engine_start(built_site):
    bundle = json.loads((built_site / "data" / "referential.json").read_text(encoding="utf-8"))
    folder = built_site / "data" / "first" / bundle["version"]
    files = sorted(folder.glob("*.json"))
    expected = {f"competence-{c['id']}.json" for c in bundle["competences"]}
    expected |= {f"parcours-{p['id']}.json" for p in bundle.get("profiles") or []}
    assert {f.name for f in files} == expected
    protocol.handle({"type": "init", "referential": bundle})
    for file in files:
        document = json.loads(file.read_text(encoding="utf-8"))
        assert document["version"] == bundle["version"]
        assert [s["seed"] for s in document["steps"]] == seeds(SEEDS_PER_TARGET)
        kind, _, target_id = file.stem.partition("-")
        for step in document["steps"]:
            # What the worker would send back, through the same JSON door.
            sent = json.loads(protocol.handle_json(json.dumps(start_request(kind, target_id, step["seed"]))))
            assert sent["ok"], sent
            assert step["challenge"] == sent["challenge"]
            assert step["state"] == sent["state"]
            assert step["progress"] == sent["progress"]


def test_seeds_differ_and_fit_the_page_range():
    values = seeds()
    assert len(set(values)) == len(values) == SEEDS_PER_TARGET
    assert all(0 <= v < 2**32 for v in values)
