"""Diagnum's adaptive engine: pure Python (standard library only), for CPython ≥ 3.11 and Pyodide.

What "level" means: a person is at level L in a competence when they succeed at least half the
time on typical level-L challenges of that competence, guessing aside. Levels run 0..8, capped at
the highest level the competence has content for.

How it works (each choice is a field of ``EngineConfig``, measured in docs/benchmark-engine.md):
a challenge's expert level is a noisy label (difficulty ~ N(level, 0.6²)), with a guessing floor
from its type and options and a slip rate (``model``); each competence has a posterior on a grid
of the level scale, whose prior comes from the competences already finished. The first question
is easy; then the engine asks the challenge whose answer best separates the levels still in doubt,
among those the person is likely enough to succeed (more so after one or two failures), covering
the tubes, never the same skill twice, at random among the best. It stops when the level is known
with enough confidence, between a minimum and a maximum number of questions. Pix's tube inference
gives the validated and failed skills; pix follow Pix's scale (8 per level, 64 per competence).

Public API (stable; tools outside the package rely on it):

- ``load_referential(path_or_dict) -> Referential``: ``ref.competences`` (list; ``.id`` like "1.1",
  ``.title``, ``.domain_id``), ``ref.tubes`` (id → Tube: ``.id``, ``.competence_id``, ``.title``),
  ``ref.skills`` (id → Skill: ``.id``, ``.tube_id``, ``.competence_id``, ``.level`` 1..8),
  ``ref.challenges`` (id → Challenge: ``.id``, ``.skill_id``, ``.type`` one of
  ``engine.types.NAMES``, ``.proposals`` for choice questions, ``.data`` as its type parsed it).
- ``Assessment.start(ref, competences=[ids], seed=int, config=None, skills=None)``;
  ``a.next_challenge() -> Challenge | None`` (None when the test is over);
  ``a.answer(challenge_id, response) -> bool`` checks a learner's raw response;
  ``a.record(challenge_id, correct)`` records an outcome without a response;
  ``a.result()`` with ``.competences[cid].level`` (0..8), ``.pix``, ``.probability``,
  ``.validated_skills`` / ``.failed_skills``; ``a.to_dict()`` / ``Assessment.from_dict(ref, d)``.
- ``is_correct(challenge, response)``: the answer checker alone (the content check uses it).
- ``engine.types``: one module per challenge type (fields, checks, answer checking, views).
- ``EngineConfig``: the tunable choices (the benchmark compares variants).
- ``EngineError``: every refusal, with ``.code`` and a French ``.message``.
- ``protocol.handle(request) -> response``: the JSON message protocol of the browser's worker.
- ``record.make_record(ref, assessment, started_at=…, finished_at=…, status=…)``: a test as a
  self-contained record; ``resultfile.validate_result_file(data)`` / ``parse_result_file(text)``:
  the one result file (docs/result-file.md).
"""

from .answers import is_correct
from .assessment import AnswerRecord, Assessment
from .config import EngineConfig
from .errors import EngineError
from .model import ModelParams
from .referential import Challenge, Competence, Referential, Skill, Tube, load_referential
from .scoring import AssessmentResult, CompetenceResult

__all__ = [
    "AnswerRecord",
    "Assessment",
    "AssessmentResult",
    "Challenge",
    "Competence",
    "CompetenceResult",
    "EngineConfig",
    "EngineError",
    "ModelParams",
    "Referential",
    "Skill",
    "Tube",
    "is_correct",
    "load_referential",
]
