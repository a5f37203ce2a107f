"""On the test fixture content, the default engine asks the same challenges as before to the
same simulated learners (tests/fixtures/engine_sequences.json; regenerate it with
``python -m tests.engine_suite.sequences`` only for an intended change of behaviour)."""

from __future__ import annotations

import json

from .conftest import ROOT
from .engine_suite.sequences import FIXTURE_RUNS, SEEDS, all_sequences, fixture_referential


def test_same_challenges_on_the_fixture_content():
    expected = json.loads((ROOT / "tests/fixtures/engine_sequences.json").read_text("utf-8"))
    got = all_sequences(fixture_referential(), range(SEEDS), FIXTURE_RUNS)
    assert sorted(got) == sorted(expected)
    for key, sequence in expected.items():
        assert " ".join(got[key]) == sequence, key
