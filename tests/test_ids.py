"""Ids that last (docs/ids.md): a skill keeps its id when it changes level, a retired challenge is
never asked again but old tests that met it still resume, and mistakes give file:line."""

from __future__ import annotations

import json
import random
from pathlib import Path

from builder.bundle import referential_bundle
from builder.loading import load_and_check
from engine import Assessment, load_referential
from engine.record import make_record, make_result_file
from engine.resultfile import validate_result_file

from .test_content_errors import edit, line_of

TUBE = "referential/4.1/mots-de-passe.yaml"
START, END = "2026-12-07T15:00:00Z", "2026-12-07T15:30:00Z"


def bundle_of(content_dir: Path):
    content, problems = load_and_check(content_dir)
    assert not problems.errors, "\n".join(map(str, problems.errors))
    return content, problems, referential_bundle(content, {})


def problems_of(content_dir: Path) -> list[str]:
    _content, problems = load_and_check(content_dir)
    return [f"{Path(p.path).as_posix()}:{p.line}: {p.message}" for p in problems.errors]


def assert_reported(problems: list[str], rel: str, line: int, fragment: str) -> None:
    wanted = [p for p in problems if p.split(":")[0].endswith(rel) and f":{line}: " in p
              and fragment in p]
    assert wanted, f"no problem at {rel}:{line} containing {fragment!r} in:\n" + "\n".join(problems)


def play(ref, assessment, seed, stop_when=None):
    rng = random.Random(seed)
    while (challenge := assessment.next_challenge()) is not None:
        if stop_when and stop_when(assessment):
            break
        assessment.record(challenge.id, rng.random() < 0.7)
    return assessment


def test_a_skill_keeps_its_id_when_it_changes_level(content_copy):
    _, _, before = bundle_of(content_copy)
    old_ref = load_referential(before)
    assert old_ref.skills["@mots-de-passe2"].level == 2
    # An old test on 4.1 that answered a level-2 challenge, stored as a state and as a record.
    assessment = Assessment.start(old_ref, ["4.1"], seed=0)
    for seed in range(50):
        assessment = play(old_ref, Assessment.start(old_ref, ["4.1"], seed=seed), seed)
        if any(old_ref.challenges[a.challenge_id].skill_id == "@mots-de-passe2"
               for a in assessment.answers):
            break
    asked = [a.challenge_id for a in assessment.answers]
    moved = next(c for c in asked if old_ref.challenges[c].skill_id == "@mots-de-passe2")
    state = json.loads(json.dumps(assessment.to_dict()))
    record = make_record(old_ref, assessment, started_at=START, finished_at=END)

    # The editor swaps two rungs: only the « niveau » lines change.
    edit(content_copy, TUBE, '  - niveau: 2\n    id: "@mots-de-passe2"',
         '  - niveau: 3\n    id: "@mots-de-passe2"')
    edit(content_copy, TUBE, '  - niveau: 3\n    id: "@mots-de-passe3"',
         '  - niveau: 2\n    id: "@mots-de-passe3"')
    content, _, after = bundle_of(content_copy)
    new_ref = load_referential(after)
    assert new_ref.version != old_ref.version
    assert new_ref.skills["@mots-de-passe2"].level == 3
    assert new_ref.challenges[moved].skill_id == "@mots-de-passe2"
    essentiel = next(p for p in after["profiles"] if p["id"] == "essentiel")
    assert "@mots-de-passe2" in essentiel["tubes"][0]["skills"]
    tutorial = next(t for t in content.tutorials if t.id == "guide-mots-de-passe")
    assert "@mots-de-passe2" in tutorial.skills

    resumed = Assessment.from_dict(new_ref, state)
    assert [a.challenge_id for a in resumed.answers] == asked
    # The old record is read as it was taken: on the old level, still a valid result file.
    kept = next(a for a in record["answers"] if a["challenge"] == moved)
    assert kept["skill"] == "@mots-de-passe2" and kept["level"] == 2
    assert record["referential"]["version"] == old_ref.version
    assert validate_result_file(make_result_file([record], created=END)) == []
    # A record of the same answers on today's content says today's level.
    again = make_record(new_ref, resumed, started_at=START, finished_at=END)
    assert next(a for a in again["answers"] if a["challenge"] == moved)["level"] == 3


def test_a_skill_id_need_not_name_its_level(content_copy):
    edit(content_copy, TUBE, 'id: "@mots-de-passe2"', 'id: "@mots-de-passe-solide"')
    edit(content_copy, "tutorials/guide-mots-de-passe.md", '"@mots-de-passe2"',
         '"@mots-de-passe-solide"')
    edit(content_copy, "tutorials/guide-mots-de-passe.md", '"@mots-de-passe1", ', "")
    edit(content_copy, "tutorials/guide-mots-de-passe.md", '["@mots-de-passe3"]', "[]")
    content, _, bundle = bundle_of(content_copy)
    skill = next(s for s in bundle["skills"] if s["id"] == "@mots-de-passe-solide")
    assert (skill["tube_id"], skill["level"], skill["tutorials"]) == (
        "mots-de-passe", 2, ["guide-mots-de-passe"])
    assert content.tube_of("@mots-de-passe-solide") == "mots-de-passe"
    assert content.tube_of("@inconnu2") is None


def test_duplicate_missing_and_malformed_skill_ids(content_copy):
    first = line_of(content_copy, TUBE, 'id: "@mots-de-passe2"')
    dup = edit(content_copy, TUBE, 'id: "@mots-de-passe3"', 'id: "@mots-de-passe2"')
    bad = edit(content_copy, TUBE, 'id: "@mots-de-passe4"', 'id: "@Mots de passe"')
    missing = edit(content_copy, TUBE, '  - niveau: 5\n    id: "@mots-de-passe5"\n',
                   "  - niveau: 5\n")
    across = edit(content_copy, "referential/4.1/arnaques.yaml", 'id: "@arnaques1"',
                  'id: "@mots-de-passe1"')
    problems = problems_of(content_copy)
    assert_reported(problems, TUBE, dup, "acquis « @mots-de-passe2 » en double (déjà défini "
                                         f"dans content/{TUBE}:{first})")
    assert_reported(problems, TUBE, bad, "« id » vaut « @Mots de passe »")
    assert_reported(problems, TUBE, missing, 'ajoutez la ligne id: "@mots-de-passe5"')
    # Both places are named: the second one found, and the first one in the message.
    assert_reported(problems, TUBE, 5, "acquis « @mots-de-passe1 » en double (déjà défini dans "
                                       f"content/referential/4.1/arnaques.yaml:{across})")


def retire(content_dir: Path, challenge: str, extra: str = "") -> int:
    return edit(content_dir, TUBE, f"      - id: {challenge}\n",
                f"      - id: {challenge}\n        retiree: oui\n{extra}")


def test_a_retired_challenge_stays_in_the_bundle_and_is_never_asked(content_copy):
    retire(content_copy, "mots-de-passe-1a", "        remplacee_par: mots-de-passe-1b\n")
    retire(content_copy, "mots-de-passe-2a")
    retire(content_copy, "mots-de-passe-2b")
    retire(content_copy, "mots-de-passe-2c")
    _content, problems, bundle = bundle_of(content_copy)
    records = {c["id"]: c for c in bundle["challenges"]}
    assert records["mots-de-passe-1a"]["retired"] is True
    assert records["mots-de-passe-1a"]["replaced_by"] == "mots-de-passe-1b"
    assert "retired" not in records["mots-de-passe-1b"]
    # A skill whose challenges are all retired: a warning, and out of the profile's target.
    assert any("@mots-de-passe2" in p.message and "retirées" in p.message
               for p in problems.warnings)
    essentiel = next(p for p in bundle["profiles"] if p["id"] == "essentiel")
    assert essentiel["tubes"][0]["skills"] == ["@mots-de-passe1", "@mots-de-passe3"]
    ref = load_referential(bundle)
    retired = {"mots-de-passe-1a", "mots-de-passe-2a", "mots-de-passe-2b", "mots-de-passe-2c"}
    for seed in range(30):
        asked = {a.challenge_id for a in play(ref, Assessment.start(ref, ["4.1"], seed=seed),
                                              seed).answers}
        assert asked and not asked & retired, seed


def test_retirement_mistakes_name_file_and_line(content_copy):
    unknown = retire(content_copy, "mots-de-passe-1a", "        remplacee_par: mots-de-passe-9z\n")
    retire(content_copy, "mots-de-passe-3a")
    to_retired = retire(content_copy, "mots-de-passe-3b",
                        "        remplacee_par: mots-de-passe-3a\n")
    alive = edit(content_copy, TUBE, "      - id: mots-de-passe-4a\n",
                 "      - id: mots-de-passe-4a\n        remplacee_par: mots-de-passe-4b\n")
    not_bool = edit(content_copy, TUBE, "      - id: mots-de-passe-5a\n",
                    "      - id: mots-de-passe-5a\n        retiree: peut-être\n")
    problems = problems_of(content_copy)
    assert_reported(problems, TUBE, unknown + 2, "épreuve inconnue « mots-de-passe-9z »")
    assert_reported(problems, TUBE, to_retired + 2, "« mots-de-passe-3a » est elle-même retirée")
    assert_reported(problems, TUBE, alive + 1, "ne s'utilise qu'avec « retiree: oui »")
    assert_reported(problems, TUBE, not_bool + 1, "« retiree » doit valoir oui ou non")


def test_ids_that_results_carry_are_bounded(content_copy):
    long_id = "mots-de-passe-" + "x" * 100
    line = edit(content_copy, TUBE, "      - id: mots-de-passe-1a\n", f"      - id: {long_id}\n")
    (content_copy / "referential/parcours/essentiel.yaml").rename(
        content_copy / "referential/parcours/Essentiel_2.yaml")
    problems = problems_of(content_copy)
    assert_reported(problems, TUBE, line, f"« id » vaut « {long_id} »")
    assert_reported(problems, "referential/parcours/Essentiel_2.yaml", 0,
                    "nom de parcours « Essentiel_2 » invalide")
