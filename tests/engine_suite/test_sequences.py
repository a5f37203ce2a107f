"""The default engine asks the same challenges as before to the same simulated learners."""

import unittest

from engine import load_referential

from .bank import make_bank
from .expected_sequences import EXPECTED
from .sequences import BANK_RUNS, SEEDS, all_sequences


class SequenceRegressionTests(unittest.TestCase):
    def test_same_challenges_for_the_same_learners(self):
        got = all_sequences(load_referential(make_bank()), range(SEEDS), BANK_RUNS)
        self.assertEqual(sorted(got), sorted(EXPECTED))
        for key, expected in EXPECTED.items():
            self.assertEqual(" ".join(got[key]), expected, key)
