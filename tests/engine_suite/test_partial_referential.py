"""A test loads only its competences' parts of the referential, and runs exactly as on the whole."""

import json
import math
import random
import unittest

from engine import EngineError, load_referential
from engine.protocol import handle

from .bank import correct_response, make_bank, wrong_response

BUNDLE = make_bank(competences=3)


def split(bundle):
    """The builder's split (builder.bundle.referential_parts): an index and one part per competence."""
    tube_competence = {t["id"]: t["competence_id"] for t in bundle["tubes"]}
    skill_competence = {s["id"]: tube_competence[s["tube_id"]] for s in bundle["skills"]}
    index = {k: v for k, v in bundle.items() if k != "challenges"}
    parts = {c["id"]: {"version": bundle["version"], "competence": c["id"],
                       "challenges": [ch for ch in bundle["challenges"]
                                      if skill_competence[ch["skill_id"]] == c["id"]]}
             for c in bundle["competences"]}
    return index, parts


def play(referential, target, seed, theta=3.0):
    """A whole test through the worker's messages; returns the questions asked and the result."""
    assert handle({"type": "init", "referential": referential})["ok"]
    ref = load_referential(referential)
    rng = random.Random(seed)
    response = handle({"type": "start", "seed": seed, **target})
    assert response["ok"], response
    asked = []
    while response["challenge"]:
        challenge = ref.challenges[response["challenge"]["id"]]
        level = ref.skills[challenge.skill_id].level
        success = rng.random() < 1 / (1 + math.exp(-2 * (theta - level)))
        answer = correct_response(challenge) if success else wrong_response(challenge)
        asked.append(challenge.id)
        response = handle({"type": "answer", "state": response["state"], "challenge": challenge.id,
                           "response": answer})
    return asked, response["result"]


class PartialReferentialTests(unittest.TestCase):
    def test_a_part_holds_only_its_competence(self):
        index, parts = split(BUNDLE)
        ref = load_referential(index, [parts["1.2"]])
        self.assertEqual([c.id for c in ref.competences], ["1.2"])
        self.assertEqual({s.competence_id for s in ref.skills.values()}, {"1.2"})
        self.assertEqual({ref.skills[c.skill_id].competence_id for c in ref.challenges.values()},
                         {"1.2"})
        self.assertEqual(ref.version, BUNDLE["version"])
        self.assertEqual(set(ref.tutorials), {"tuto-a"})  # every tutorial stays known
        self.assertEqual(set(ref.profiles), {"bases"})

    def test_one_competence_runs_exactly_as_on_the_whole_bundle(self):
        index, parts = split(BUNDLE)
        for seed in (1, 2, 3):
            whole = play(BUNDLE, {"competences": ["1.2"]}, seed)
            partial = play({"index": index, "parts": [parts["1.2"]]}, {"competences": ["1.2"]}, seed)
            self.assertEqual(partial, whole)

    def test_a_parcours_runs_on_the_union_of_its_parts(self):
        index, parts = split(BUNDLE)
        whole = play(BUNDLE, {"profile": "bases"}, 5)
        partial = play({"index": index, "parts": [parts["1.1"], parts["1.2"]]}, {"profile": "bases"}, 5)
        self.assertEqual(partial, whole)
        self.assertIsNotNone(partial[1]["profile"])

    def test_a_competence_not_loaded_is_refused_not_empty(self):
        index, parts = split(BUNDLE)
        self.assertTrue(handle({"type": "init", "referential": {"index": index,
                                                                "parts": [parts["1.1"]]}})["ok"])
        refused = handle({"type": "start", "competences": ["1.3"], "seed": 1})
        self.assertFalse(refused["ok"])
        self.assertEqual(refused["error"]["code"], "unknown-competence")

    def test_parts_of_another_version_are_refused(self):
        index, parts = split(BUNDLE)
        stale = {**parts["1.1"], "version": "ancienne"}
        with self.assertRaises(EngineError) as caught:
            load_referential(index, [stale])
        self.assertEqual(caught.exception.code, "referential-mismatch")
        reply = handle({"type": "init", "referential": {"index": index, "parts": [stale]}})
        self.assertFalse(reply["ok"])
        self.assertIn("rechargez la page", reply["error"]["message"])

    def test_a_part_round_trips_through_json(self):
        index, parts = split(BUNDLE)
        text = json.dumps({"index": index, "parts": [parts["1.3"]]})
        ref = load_referential(json.loads(text))
        self.assertEqual(ref.max_level("1.3"), load_referential(BUNDLE).max_level("1.3"))


if __name__ == "__main__":
    unittest.main()
