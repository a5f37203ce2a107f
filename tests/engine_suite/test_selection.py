"""A campaign's selection of sujets with a level cap each: the engine starts on it alone."""

import unittest

from engine import EngineError
from engine.profiles import selection_skills
from engine.protocol import handle, referential

from .bank import correct_response, make_bank

BANK = make_bank()


class SelectionTests(unittest.TestCase):
    def setUp(self):
        self.assertTrue(handle({"type": "init", "referential": BANK})["ok"])

    def test_the_skills_of_each_sujet_up_to_its_cap_easiest_first(self):
        ref = referential()
        skills = selection_skills(ref, [{"tube": "sujet-1-b", "max_level": 3},
                                        {"tube": "sujet-0-a", "max_level": 2}])
        self.assertEqual(skills, ["@sujet-1-b1", "@sujet-1-b2", "@sujet-1-b3",
                                  "@sujet-0-a1", "@sujet-0-a2"])

    def test_the_test_asks_only_the_selection_and_resumes_from_its_state(self):
        selection = [{"tube": "sujet-0-b", "max_level": 2}]
        step = handle({"type": "start", "seed": 4, "selection": selection})
        self.assertTrue(step["ok"], step)
        self.assertEqual(step["state"]["competences"], ["1.1"])
        self.assertEqual(step["state"]["skills"], ["@sujet-0-b1", "@sujet-0-b2"])
        asked = []
        while step["challenge"] is not None:
            resumed = handle({"type": "resume", "state": step["state"]})
            self.assertEqual(resumed["challenge"]["id"], step["challenge"]["id"])
            asked.append(step["challenge"]["id"])
            challenge = referential().challenges[step["challenge"]["id"]]
            step = handle({"type": "answer", "state": step["state"], "challenge": challenge.id,
                           "response": correct_response(challenge)})
        self.assertTrue(asked and all(c.startswith("sujet-0-b-") for c in asked))
        self.assertTrue(all(c["max_level"] <= 2 for c in step["record"]["competences"]))

    def test_a_malformed_selection_is_refused_in_french(self):
        for selection in ([], "tout", [{"tube": "nulle-part", "max_level": 2}],
                          [{"tube": "sujet-0-a", "max_level": 0}],
                          [{"tube": "sujet-0-a", "max_level": "2"}]):
            with self.assertRaises(EngineError) as caught:
                selection_skills(referential(), selection)
            self.assertEqual(caught.exception.code, "bad-selection")
            out = handle({"type": "start", "seed": 1, "selection": selection})
            self.assertFalse(out["ok"])
