"""The benchmark runs, and its Pix baseline behaves as Pix's smart-random does."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.pix import SmartRandom, pix_level, predicted_level
from engine import load_referential

from .conftest import ROOT
from .engine_suite.bank import make_bank

REF = load_referential(make_bank(competences=1, tubes=3, levels=(1, 2, 3, 4, 5), variants=2))


def test_quick_benchmark_reports_every_engine_and_the_targets():
    result = subprocess.run([sys.executable, "-m", "benchmarks.engine", "--synthetic", "--quick"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for row in ("random-15 · EAP", "every skill · EAP", "Pix smart-random · Pix scoring",
                "**ours**", "ours · at Pix's length"):
        assert row in out, row
    for world in ("S1", "S2", "S3", "S5"):
        assert f"| {world} |" in out
    assert "Targets, realistic world S2" in out


def test_pix_starts_at_level_two_and_infers_along_tubes():
    pix = SmartRandom(REF, "1.1", 7)
    first = pix.next_challenge()
    assert REF.skills[first.skill_id].level == 2
    pix.record(first, True)
    tube = REF.skills[first.skill_id].tube_id
    assert pix.knowledge.status[f"@{tube}1"] is True
    asked = 1
    while (challenge := pix.next_challenge()) is not None:
        assert challenge.skill_id not in {REF.challenges[c].skill_id for c in pix.answered}
        pix.record(challenge, False)
        asked += 1
    assert asked < len(REF.skills)  # inference ends the test before every skill is asked
    # Validated: levels 1 and 2 of one tube, 8/3 pix each: 5.3 pix, level 0.
    assert pix.level() == 0
    assert pix_level(REF, "1.1", [(REF.challenges_by_skill[f"@{t}{lv}"][0], True)
                                  for t in REF.tubes for lv in (1, 2, 3)]) == 3


def test_pix_predicted_level_matches_observed_successes():
    assert predicted_level([]) == 3.5
    assert predicted_level([(1, 5), (1, 6)]) > predicted_level([(0, 1), (0, 2)])


def test_profile_benchmark_compares_both_priors():
    from benchmarks.profile import run

    ref = load_referential(make_bank(competences=4, tubes=2, levels=(1, 2, 3, 4), variants=2))
    table = run(ref, people=8)
    rows = [line for line in table.splitlines() if line.startswith("| with") or
            line.startswith("| each")]
    assert len(rows) == 2
    assert all("| 32 |" in row for row in rows)  # 8 people × 4 competences each


def test_express_benchmark_reports_every_world_against_the_targets():
    from benchmarks import express

    ref = load_referential(make_express_bank())
    table, rows, details = express.run(ref, 4, express.EXPRESS_WORLDS)
    assert set(rows) == {w.name for w in express.EXPRESS_WORLDS}
    assert all(len(lines) == len(ref.competences) for lines in details.values())
    assert any(w.correlation < 0.5 for w in express.EXPRESS_WORLDS)  # weaker than assumed (0.5)
    for row in rows.values():
        assert row["people"] == 4
        assert 16 <= row["q_mean"] <= row["q_max"] <= 80
        assert 0 <= row["worst"] <= row["within"] <= 1
    for world in express.EXPRESS_WORLDS:
        assert f"| {world.name}: " in table
        # Tuning happens on other people than those reported.
        assert express.split_seed(world, "dev") != express.split_seed(world, "eval")
    _, dev, _ = express.run(ref, 4, express.EXPRESS_WORLDS[:1], split="dev")
    assert [dev["E1"][k] for k in ("q_mean", "exact", "within", "predicted")] != [
        rows["E1"][k] for k in ("q_mean", "exact", "within", "predicted")]


def make_express_bank():
    from .engine_suite.test_express import express_bank

    return express_bank()


def test_express_references_are_told_the_truth_on_the_level_scale():
    import random

    from benchmarks import express
    from benchmarks.worlds import HARSH, build_bank

    ref = load_referential(make_express_bank())
    competences = [c.id for c in ref.competences]
    bank = build_bank(ref, competences, HARSH, random.Random(1))
    told = express.told_the_truth(ref, bank, HARSH)
    for cid, item in bank.items():
        cal = told.challenges[cid].calibration
        # The harsh world puts level L at 1 + 0.8 (L − 1) on its ability scale.
        assert abs(1 + 0.8 * (cal.difficulty - 1) - item.difficulty) < 1e-9
        assert abs(cal.discrimination - 0.8 * item.slope) < 1e-9 and cal.sd == 0
    assert all(c.calibration is None for c in ref.challenges.values())  # the original is intact
    table, rows, _ = express.run(ref, 2, express.EXPRESS_WORLDS[:1], reference=True)
    assert set(rows) == {"E1", "E1 truth", "E1 reference"}
    assert "E1, the reference: told the truth too" in table
    # The same people: as many competence tests, within the same 80 questions.
    assert {r["people"] for r in rows.values()} == {2}
    assert all(r["q_max"] <= 80 for r in rows.values())
