"""The content field « temps_limite » (seconds, for a « certification blanche »): good values reach
the bundle and the engine; bad ones are reported in French with file:line, all at once."""

from __future__ import annotations

import json

from builder.build import build
from engine import load_referential

from .conftest import ROOT
from .test_content_errors import assert_reported, edit, line_of, problems_of

TUBE = "referential/4.1/arnaques.yaml"


def test_a_time_limit_reaches_the_bundle_and_the_engine(content_copy, tmp_path):
    edit(content_copy, TUBE, "      - id: arnaques-2a\n        type: QCU\n",
         "      - id: arnaques-2a\n        type: QCU\n        temps_limite: 90\n")
    edit(content_copy, TUBE, "      - id: arnaques-1a\n        type: QCU\n",
         "      - id: arnaques-1a\n        type: QCU\n        temps_limite: 10\n")
    dist = tmp_path / "dist"
    build(content_copy, dist, ROOT, log=lambda _m: None, precompress=False)
    bundle = json.loads((dist / "data/referential.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in bundle["challenges"]}
    assert by_id["arnaques-2a"]["time_limit"] == 90
    assert by_id["arnaques-1a"]["time_limit"] == 10
    assert "time_limit" not in by_id["arnaques-1b"]       # untimed: no field at all
    ref = load_referential(bundle)
    assert ref.challenges["arnaques-2a"].time_limit == 90
    assert ref.challenges["arnaques-1b"].time_limit is None


def test_bad_time_limits_are_reported_with_file_and_line(content_copy, previous_dist):
    for cid, kind, value in (("arnaques-1a", "QCU", "601"), ("arnaques-2a", "QCU", "90 s"),
                             ("arnaques-3a", "QCU", "5"), ("arnaques-1b", "QROC", "[60]")):
        edit(content_copy, TUBE, f"      - id: {cid}\n        type: {kind}\n",
             f"      - id: {cid}\n        type: {kind}\n        temps_limite: {value}\n")
    too_long, words, short, listed = (line_of(content_copy, TUBE, f"temps_limite: {v}\n")
                                      for v in ("601", "90 s", "5", "[60]"))
    problems = problems_of(content_copy, previous_dist)
    assert_reported(problems, TUBE, too_long, "« temps_limite » doit être entre 10 et 600, pas 601")
    assert_reported(problems, TUBE, words, "« temps_limite » doit être un nombre entier, pas « 90 s »")
    assert_reported(problems, TUBE, short, "« temps_limite » doit être entre 10 et 600, pas 5")
    assert_reported(problems, TUBE, listed, "« temps_limite » doit être une valeur simple")
