"""The result file's two definitions agree: the engine's validator and the published JSON Schema
(docs/result-file.schema.json, checked with the ``jsonschema`` package) accept and refuse the
same documents, and the published schema is exactly the one the engine declares."""

from __future__ import annotations

import copy
import json
import random

import jsonschema
import pytest

from engine import Assessment, load_referential
from engine.record import make_record, make_result_file
from engine.resultfile import json_schema, validate_result_file

from .conftest import ROOT
from .engine_suite.bank import correct_response, make_bank, wrong_response

SCHEMA_PATH = ROOT / "docs" / "result-file.schema.json"
NOW = "2026-12-07T16:00:00Z"


def _record(ref, seed, status="finished", profile=None):
    a = (Assessment.start(ref, profile=profile, seed=seed) if profile
         else Assessment.start(ref, ["1.1", "1.2"], seed=seed))
    rng = random.Random(seed)
    while (challenge := a.next_challenge()) is not None:
        if rng.random() < 0.1:
            a.answer(challenge.id, None)
        else:
            a.answer(challenge.id, correct_response(challenge) if rng.random() < 0.6
                     else wrong_response(challenge))
    return make_record(ref, a, started_at="2026-12-07T15:00:00.5+01:00", finished_at=NOW,
                       status=status)


@pytest.fixture(scope="module")
def good() -> dict:
    ref = load_referential(make_bank())
    records = [_record(ref, 1), _record(ref, 2, "interrupted"), _record(ref, 3, profile="bases")]
    return make_result_file(records, created=NOW)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_published_schema_is_the_engines_declaration():
    published = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert published == json_schema(), (
        "docs/result-file.schema.json is stale: regenerate it with\n"
        "python -c \"import json; from engine.resultfile import json_schema; "
        "print(json.dumps(json_schema(), ensure_ascii=False, indent=2))\" "
        "> docs/result-file.schema.json")


def _set(doc, path, value):
    *parents, last = path
    target = doc
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value


DELETE = object()
R0 = ("records", 0)
A0 = (*R0, "answers", 0)
C0 = (*R0, "competences", 0)

GOOD_VARIANTS = [
    ((*A0, "response"), None),
    ((*A0, "response"), ""),
    ((*A0, "response"), ["1", "3"]),
    ((*A0, "response"), {"ville": "Lyon", "code_postal": "69001"}),
    ((*R0, "seed"), 3.0),
    ((*R0, "status"), "content-changed"),
    ((*R0, "started_at"), "2026-12-07T15:00:00.123456Z"),
    (("nickname",), "Jo"),
    (("campaign",), {"code": "ABCDEF234"}),
    (("campaign",), {"code": "ABCDEF234", "external_id": "jo@example.org"}),
    ((*C0, "probability"), 1),
    ((*A0, "skill"), "@mots-de-passe-phrase"),
    ((*R0, "profile"), {"id": "bases", "mastery": 0, "badges": [], "stage": None}),
]

BAD_VARIANTS = [
    (("format",), "autre-chose"),
    (("version",), 2),
    (("version",), True),
    (("created",), "7 décembre 2026"),
    (("created",), "2026-12-07T16:00:00Z\n"),
    (("app",), ""),
    (("app",), "x" * 101),
    (("records",), []),
    (("records",), {}),
    (("extra",), 1),
    (("nickname",), "x" * 101),
    (("campaign",), {"code": "abc"}),
    (("campaign",), {"code": "ABCDEF234", "name": "Jo Dupont"}),
    (("campaign",), {"external_id": "12"}),
    ((*R0, "id"), "XYZ"),
    ((*R0, "status"), "done"),
    ((*R0, "seed"), -1),
    ((*R0, "seed"), 1.5),
    ((*R0, "seed"), True),
    ((*R0, "pix"), 99999),
    ((*R0, "referential"), {"version": "abc", "hash": "x"}),
    ((*R0, "referential"), {}),
    ((*R0, "engine", "state_format"), "1"),
    ((*R0, "answers"), "none"),
    ((*R0, "profile"), {"id": "bases", "mastery": 101, "badges": [], "stage": None}),
    ((*R0, "profile"), {"id": "bases", "mastery": 50, "badges": ["a", "a"], "stage": None}),
    ((*R0, "profile"), {"id": "bases", "mastery": 50, "badges": [], "stage": "Fin"}),
    ((*R0, "profile"), "bases"),
    ((*R0, "finished_at"), DELETE),
    ((*A0, "challenge"), 12),
    ((*A0, "challenge"), "Mots-Clés"),
    ((*A0, "skill"), "mots-cles2"),
    ((*A0, "skill"), "@Mots"),
    ((*A0, "competence"), "1"),
    ((*A0, "level"), 0),
    ((*A0, "level"), 9),
    ((*A0, "status"), "maybe"),
    ((*A0, "correct"), 1),
    ((*A0, "response"), 3),
    ((*A0, "response"), "x" * 1001),
    ((*A0, "response"), ["x"] * 51),
    ((*A0, "response"), [1]),
    ((*A0, "response"), {"a b": "x"}),
    ((*A0, "response"), {"a": 1}),
    ((*A0, "response"), True),
    ((*A0, "extra"), "x"),
    ((*A0, "type"), DELETE),
    ((*C0, "probability"), 1.5),
    ((*C0, "probability"), "0.5"),
    ((*C0, "validated"), ["@a", "@a"]),
    ((*C0, "validated"), ["a"]),
    ((*C0, "pix"), 65),
    ((*C0, "level"), None),
]


def _variant(doc, path, value):
    doc = copy.deepcopy(doc)
    _set(doc, path, value)
    return doc


def test_the_good_document_is_valid_for_both(good, validator):
    assert validate_result_file(good) == []
    assert list(validator.iter_errors(good)) == []
    assert len(good["records"]) == 3 and good["records"][2]["profile"]["id"] == "bases"


@pytest.mark.parametrize("path,value", GOOD_VARIANTS, ids=lambda v: str(v)[:40])
def test_good_variants_pass_both(good, validator, path, value):
    doc = _variant(good, path, value)
    assert validate_result_file(doc) == []
    assert list(validator.iter_errors(doc)) == []


@pytest.mark.parametrize("path,value", BAD_VARIANTS, ids=lambda v: str(v)[:40])
def test_bad_variants_fail_both(good, validator, path, value):
    doc = _variant(good, path, value)
    problems = validate_result_file(doc)
    assert problems, "the engine accepted it"
    assert list(validator.iter_errors(doc)), f"the schema accepted what the engine refused: {problems}"
    where = ".".join(f"[{k}]" if isinstance(k, int) else k for k in path).replace(".[", "[")
    parent = where.rsplit(".", 1)[0] if "." in where else "(document)"
    assert any(p.startswith((where, parent + " ")) for p in problems), problems


@pytest.mark.parametrize("document", [None, [], "texte", 3, {"format": "diagnum-resultats"}])
def test_not_a_result_file_fails_both(validator, document):
    assert validate_result_file(document)
    assert list(validator.iter_errors(document))


def test_random_damage_is_judged_alike(good, validator):
    """Fuzz: replace random leaves of a real file with values of other kinds."""
    rng = random.Random(2026)
    odd_values = [None, True, 0, -5, 2.5, "", "x", "@x", [], {}, ["a"], {"k": "v"}, 10 ** 20]
    leaves = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, (*path, key))
        elif isinstance(node, list) and node:
            for index, item in enumerate(node[:3]):
                walk(item, (*path, index))
        else:
            leaves.append(path)

    small = {**good, "records": good["records"][2:]}
    walk(small, ())
    for _ in range(200):
        doc = _variant(small, rng.choice(leaves), rng.choice(odd_values))
        assert (validate_result_file(doc) == []) == validator.is_valid(doc), doc
