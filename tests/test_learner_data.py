"""The learner's data on the engine's side: the worker's ``validate-result-file`` request, which
the import of « Mes données » relies on (a damaged or foreign file is refused with every problem
in French, and changes nothing)."""

from __future__ import annotations

import json

from engine import load_referential
from engine.protocol import MAX_FILE_PROBLEMS, handle, handle_json
from engine.record import make_result_file

from .engine_suite.bank import make_bank
from .test_result_file import NOW, _record


def _file() -> dict:
    ref = load_referential(make_bank())
    return make_result_file([_record(ref, 1), _record(ref, 2, "interrupted")], created=NOW,
                            nickname="Mado")


def test_a_good_file_is_valid_and_returned_as_data():
    good = _file()
    answer = handle({"type": "validate-result-file", "text": json.dumps(good)})
    assert answer == {"ok": True, "valid": True, "problems": [], "file": good}


def test_the_request_needs_no_referential():
    """The import page validates before (or without) the engine's referential."""
    import engine.protocol as protocol

    saved, protocol._referential = protocol._referential, None
    try:
        answer = handle({"type": "validate-result-file", "text": json.dumps(_file())})
    finally:
        protocol._referential = saved
    assert answer["ok"] and answer["valid"]


def test_every_problem_of_a_damaged_file_is_listed_in_french():
    bad = _file()
    bad["records"][0]["seed"] = "douze"
    bad["records"][1]["answers"][0]["challenge"] = 7
    bad["surprise"] = True
    answer = handle({"type": "validate-result-file", "text": json.dumps(bad)})
    assert answer["ok"] and not answer["valid"] and "file" not in answer
    text = "\n".join(answer["problems"])
    assert "records[0].seed" in text and "records[1].answers[0].challenge" in text
    assert "champ inconnu « surprise »" in text
    assert len(answer["problems"]) == 3


def test_many_problems_are_capped_and_counted():
    bad = _file()
    for answer in bad["records"][0]["answers"]:
        answer["level"] = "x"
    for answer in bad["records"][1]["answers"]:
        answer["level"] = "x"
    count = len(bad["records"][0]["answers"]) + len(bad["records"][1]["answers"])
    assert count > MAX_FILE_PROBLEMS
    problems = handle({"type": "validate-result-file", "text": json.dumps(bad)})["problems"]
    assert len(problems) == MAX_FILE_PROBLEMS + 1
    assert problems[-1] == f"… et {count - MAX_FILE_PROBLEMS} autre(s) problème(s)"


def test_foreign_and_unreadable_files_get_one_clear_message():
    cases = {
        "{pas du json": "n'est pas un fichier de résultats lisible",
        json.dumps({"format": "autre-chose", "records": []}): "n'est pas un fichier de résultats Diagnum",
        json.dumps({**_file(), "version": 9}): "version que ce site ne connaît pas",
        '{"format": "diagnum-resultats", "format": "x"}': "apparaît deux fois",
    }
    for text, message in cases.items():
        answer = json.loads(handle_json(json.dumps({"type": "validate-result-file", "text": text})))
        assert answer["ok"] and not answer["valid"], text
        (problem,) = answer["problems"]
        assert message in problem, (text, problem)


def test_the_text_must_be_text():
    answer = handle({"type": "validate-result-file", "text": {"format": "diagnum-resultats"}})
    assert answer == {"ok": False, "error": {"code": "bad-request",
                                             "message": "Le fichier doit être envoyé comme du texte."}}
