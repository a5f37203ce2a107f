"""Campaign codes, result codes, the « Analyse » relevance formula and the CSV."""

from __future__ import annotations

import csv
import io
import random

import pytest

from campaigns import analysis, codes, csvexport
from campaigns import results as rc

RNG = random.Random(7)


def some_codes(count: int = 200) -> list[str]:
    return [codes.encode(codes.new_code(RNG.randrange(codes.PARCOURS_SLOTS),
                                        RNG.choice(codes.GOALS), RNG.randrange))
            for _ in range(count)]


def test_campaign_codes_round_trip_in_pix_shape():
    for _ in range(500):
        code = codes.new_code(RNG.randrange(32), RNG.choice(codes.GOALS), RNG.randrange)
        text = codes.encode(code)
        assert codes.SHAPE.fullmatch(text) and not set(text) & set("ILO01")
        assert codes.decode(text) == code
        assert codes.decode(f" {text[:3].lower()}-{text[3:6]} {text[6:]} ") == code


def test_every_single_typo_and_every_neighbour_swap_is_caught():
    for text in some_codes():
        for i, old in enumerate(text):
            for new in (codes.LETTERS if i < 6 else codes.DIGITS):
                if new != old:
                    with pytest.raises(codes.CodeError):
                        codes.decode(text[:i] + new + text[i + 1:])
        for i in range(8):
            if text[i] != text[i + 1]:
                with pytest.raises(codes.CodeError):
                    codes.decode(text[:i] + text[i + 1] + text[i] + text[i + 2:])


@pytest.mark.parametrize(("typed", "fragment"), [
    ("KXRTPM24", "9 caractères"), ("KXRTPM2488", "9 caractères"), ("KXRTP2248", "6 lettres"),
    ("KXRTPO248", "ni I, ni L, ni O"), ("KXRTPM218", "ni I, ni L, ni O"),
])
def test_malformed_campaign_codes_say_why_in_french(typed, fragment):
    with pytest.raises(codes.CodeError, match=fragment):
        codes.decode(typed)


def test_parcours_slots_are_stable():
    assert codes.parcours_slot("bases-du-numerique") == codes.parcours_slot("bases-du-numerique")
    assert 0 <= codes.parcours_slot("profil-express") < codes.PARCOURS_SLOTS


SKILLS = [f"@sujet-{t}{lv}" for t in range(17) for lv in (1, 2)]


def test_a_bases_result_code_is_short_enough_to_type_and_round_trips():
    outcomes = {s: RNG.random() < 0.6 for s in SKILLS if RNG.random() < 0.9}
    text = rc.encode_skills("KXRTPM248", SKILLS, outcomes)
    assert len(rc.normalise(text)) <= 20
    decoded = rc.decode(text.lower().replace("-", " "), "KXRTPM248", SKILLS)
    assert decoded.outcomes == tuple(outcomes.get(s) for s in SKILLS)


def test_result_code_typos_swaps_truncation_and_other_campaigns_are_refused():
    text = rc.normalise(rc.encode_skills("KXRTPM248", SKILLS, {s: True for s in SKILLS[:20]}))
    for i, old in enumerate(text):
        for new in rc.ALPHABET:
            if new != old:
                with pytest.raises(rc.ResultCodeError):
                    rc.decode(text[:i] + new + text[i + 1:], "KXRTPM248", SKILLS)
        if i + 1 < len(text) and text[i] != text[i + 1]:
            with pytest.raises(rc.ResultCodeError):
                rc.decode(text[:i] + text[i + 1] + text[i] + text[i + 2:], "KXRTPM248", SKILLS)
    with pytest.raises(rc.ResultCodeError, match="en entier"):
        rc.decode(text[:-1], "KXRTPM248", SKILLS)
    with pytest.raises(rc.ResultCodeError, match="autre campagne"):
        rc.decode(text, "ABCDEF234", SKILLS)
    with pytest.raises(rc.ResultCodeError, match="autre version du site"):
        rc.decode(text, "KXRTPM248", [*SKILLS[:-1], "@autre1"])


def test_a_forged_better_result_fails_the_check():
    honest = rc.normalise(rc.encode_skills("KXRTPM248", SKILLS, {s: False for s in SKILLS}))
    better = rc.normalise(rc.encode_skills("KXRTPM248", SKILLS, {s: True for s in SKILLS}))
    # Pasting the outcome part of a better code onto the honest check does not pass.
    forged = better[:-4] + honest[-4:]
    with pytest.raises(rc.ResultCodeError):
        rc.decode(forged, "KXRTPM248", SKILLS)


def test_a_profile_result_code_round_trips():
    comps = ["1.1", "1.2", "2.1", "4.1"]
    levels = {"1.1": (3, 24), "1.2": (0, 0), "2.1": (8, 64), "4.1": (2, 17)}
    text = rc.encode_profile("KXRTPM248", comps, levels)
    assert rc.decode(text, "KXRTPM248", comps, rc.KIND_PROFILE).competences == tuple(
        levels[c] for c in comps)


def test_relevance_against_a_hand_computed_case():
    # Levels 1, 2, 3 in the sujet; the campaign goes up to level 4.
    # A person with levels 1 and 2: 40/3·2 + 30/4·3 + 20/3·2 + 10/3·2 = 69.1667.
    assert analysis.participant_score([1, 2, 3], [1, 2], 4) == pytest.approx(69.1667, abs=1e-3)
    # Nothing validated: only the difficulty term, 30/4·3 = 22.5.
    assert analysis.participant_score([1, 2, 3], [], 4) == pytest.approx(22.5)
    # Everything: 40 + 22.5 + 20 + 10/3·3 = 92.5.
    assert analysis.participant_score([1, 2, 3], [1, 2, 3], 4) == pytest.approx(92.5)
    tubes = {"courriel": {"@c1": 1, "@c2": 2, "@c3": 3}, "web": {"@w1": 1, "@w4": 4}}
    group = [{"@c1", "@c2", "@w1"}, set()]
    ranked = analysis.analyse(tubes, group)
    # courriel: (69.1667 + 22.5) / 2 = 45.83 → 3 bubbles; web: person 1: 40/4·1 + 30 + 10 +
    # 10/4·1 = 52.5, person 2: 30 → 41.25 → 3 bubbles, and first (lower score).
    assert [t.tube_id for t in ranked] == ["web", "courriel"]
    assert ranked[0].score == pytest.approx(41.25) and ranked[1].score == pytest.approx(45.83)
    assert (ranked[0].bubbles, ranked[0].label) == (3, "Fortement recommandé")
    assert analysis.recommendation(25) == (4, "Très fortement recommandé")
    assert analysis.recommendation(75.01) == (1, "Modérément recommandé")
    assert ranked[1].mastery == 33   # 2 of 6 (3 skills × 2 people)


def test_csv_opens_in_french_spreadsheets_and_never_runs_a_formula():
    text = csvexport.to_csv(["Nom du Participant", "% de progression"],
                            [["=HYPERLINK(\"x\")", 100], ["@SUM(A1)", 50], ["Zoé; « test »", 0]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Nom du Participant", "% de progression"]
    assert rows[1][0] == "'=HYPERLINK(\"x\")" and rows[2][0] == "'@SUM(A1)"
    assert rows[3] == ["Zoé; « test »", "0"]
