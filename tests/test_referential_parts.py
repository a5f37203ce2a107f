"""The referential split per competence (data/referential/<version>/) that tests download."""

from __future__ import annotations

import json
from pathlib import Path

from engine import load_referential


def _parts(built_site: Path) -> tuple[dict, Path]:
    bundle = json.loads((built_site / "data/referential.json").read_text(encoding="utf-8"))
    return bundle, built_site / "data/referential" / bundle["version"]


def test_parts_are_the_whole_bundle_split(built_site: Path):
    bundle, folder = _parts(built_site)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert "challenges" not in index
    for key in ("version", "domains", "competences", "tubes", "skills", "tutorials", "profiles"):
        assert index[key] == bundle[key], key
    assert set(index["parts"]) == {c["id"] for c in bundle["competences"]}
    union = []
    for cid, name in index["parts"].items():
        part = json.loads((folder / name).read_text(encoding="utf-8"))
        assert part["version"] == bundle["version"] and part["competence"] == cid
        union += part["challenges"]
    assert sorted(union, key=lambda c: c["id"]) == sorted(bundle["challenges"], key=lambda c: c["id"])
    # A part is a fraction of the whole: what makes a one-competence test download less.
    assert (folder / "4.1.json").stat().st_size < (built_site / "data/referential.json").stat().st_size / 2


def test_a_parcours_lists_the_parts_it_needs(built_site: Path):
    bundle, folder = _parts(built_site)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    tube_competence = {t["id"]: t["competence_id"] for t in bundle["tubes"]}
    for profile in bundle["profiles"]:
        needed = {tube_competence[t["tube"]] for t in profile["tubes"]}
        assert set(index["profile_competences"][profile["id"]]) == needed


def test_the_engine_loads_the_index_with_one_part(built_site: Path):
    bundle, folder = _parts(built_site)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    part = json.loads((folder / index["parts"]["4.1"]).read_text(encoding="utf-8"))
    partial = load_referential({"index": index, "parts": [part]})
    whole = load_referential(bundle)
    assert [c.id for c in partial.competences] == ["4.1"]
    assert partial.version == whole.version
    assert partial.max_level("4.1") == whole.max_level("4.1")
    assert set(partial.challenges) == {c.id for c in whole.challenges.values()
                                       if whole.skills[c.skill_id].competence_id == "4.1"}
