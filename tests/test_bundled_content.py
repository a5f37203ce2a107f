"""The content shipped in content/: valid, complete against the minimums, and buildable."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from builder.build import build
from builder.loading import load_and_check
from builder.markdown import word_count
from builder.stats import MINIMUMS
from engine import Assessment, load_referential

from .conftest import ROOT

OFFICIAL = {
    "1.1": "Mener une recherche et une veille d'information", "1.2": "Gérer des données",
    "1.3": "Traiter des données", "2.1": "Interagir", "2.2": "Partager et publier",
    "2.3": "Collaborer", "2.4": "S'insérer dans le monde numérique",
    "3.1": "Développer des documents textuels", "3.2": "Développer des documents multimédia",
    "3.3": "Adapter les documents à leur finalité", "3.4": "Programmer",
    "4.1": "Sécuriser l'environnement numérique",
    "4.2": "Protéger les données personnelles et la vie privée",
    "4.3": "Protéger la santé, le bien-être et l'environnement",
    "5.1": "Résoudre des problèmes techniques", "5.2": "Construire un environnement numérique",
}


@pytest.fixture(scope="module")
def checked():
    content, problems = load_and_check(ROOT / "content")
    return content, problems


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("bundled") / "dist"
    build(ROOT / "content", dist, ROOT, log=lambda _m: None)
    return dist


def test_no_content_error(checked):
    _, problems = checked
    assert not problems.errors, "\n".join(map(str, problems.errors))
    warnings = [w for w in problems.warnings if w.severity == "avertissement"]
    assert not warnings, "\n".join(map(str, warnings))


def test_official_framework(checked):
    content, _ = checked
    assert {c.id: c.title for c in content.competences} == OFFICIAL
    assert [d.title for d in content.domains] == [
        "Information et données", "Communication et collaboration", "Création de contenus",
        "Protection et sécurité", "Environnement numérique"]


def test_minimums(checked):
    content, _ = checked
    assert len(content.tubes) >= MINIMUMS["tubes"]
    assert len(content.skills) >= MINIMUMS["skills"]
    assert len(content.challenges) >= MINIMUMS["challenges"]
    assert len(content.tutorials) >= MINIMUMS["tutorials"]
    assert sum(1 for c in content.challenges if c.illustration) >= MINIMUMS["illustrations"]
    per_comp = Counter(t.competence_id for t in content.tubes)
    assert all(per_comp[cid] >= 3 for cid in OFFICIAL), per_comp
    for tube in content.tubes:
        levels = {s.level for s in tube.skills}
        assert len(levels) >= 4 and min(levels) >= 1, tube.id
        for skill in tube.skills:
            assert len(skill.challenges) >= (3 if skill.level <= 3 else 2), skill.id
    for tut in content.tutorials:
        assert 300 <= word_count(tut.body) <= 900, tut.id


def test_profiles(checked):
    content, _ = checked
    ids = {p.id for p in content.profiles}
    assert {"bases-du-numerique", "insertion-professionnelle", "profil-complet"} <= ids
    clea = next(p for p in content.profiles if p.id == "insertion-professionnelle")
    assert len(clea.data["blocs"]) == 4
    assert any(b["seuil"] == 80 for b in clea.data["badges"])


def test_bundle_loads_in_the_engine_and_every_competence_can_be_tested(bundled_site):
    ref = load_referential(bundled_site / "data" / "referential.json")
    assert len(ref.competences) == 16
    for comp in ref.competences:
        a = Assessment.start(ref, [comp.id], seed=1)
        count = 0
        while (challenge := a.next_challenge()) is not None:
            a.record(challenge.id, count % 3 != 0)
            count += 1
        assert 5 <= count <= 20, (comp.id, count)
        assert a.result().competences[comp.id].max_level >= 4
    for profile_id in ref.profiles:
        assert Assessment.start(ref, profile=profile_id, seed=3).next_challenge() is not None
