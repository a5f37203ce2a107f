"""``diagnum calibrate``: EM recovers known parameters, sparse challenges keep their level, the
calibration file goes through the builder to the engine (which uses it), damaged inputs are
reported one by one, and the editors' report points at file:line."""

from __future__ import annotations

import json
import math
import random
import re

from builder.bundle import referential_bundle
from builder.cli import main as diagnum
from builder.loading import load_and_check
from calibration import calfile, report
from calibration.cli import run
from calibration.estimate import calibrate
from calibration.inputs import read_results
from engine import Assessment, EngineConfig, ModelParams, load_referential
from engine.model import guessing
from engine.resultfile import validate_result_file
from engine.selection import valued_level

from .engine_suite.bank import make_bank
from .engine_suite.sequences import all_sequences

DATE = "2026-12-07T10:00:00Z"


# ----------------------------------------------------------------------------- simulation
def true_parameters(ref, rng, easy=()):
    """Challenge id → (b, a, g): b = level + N(0, .6), a = 1.5·LogN(0, .3); ``easy`` ones at b = 0."""
    params = ModelParams()
    out = {}
    for cid in sorted(ref.challenges):
        challenge = ref.challenges[cid]
        level = ref.skills[challenge.skill_id].level
        b = 0.0 if cid in easy else level + rng.gauss(0, 0.6)
        out[cid] = (b, 1.5 * math.exp(rng.gauss(0, 0.3)), guessing(challenge, params))
    return out


def answers_of(truth, ids, theta, rng):
    out = []
    for cid in ids:
        b, a, g = truth[cid]
        p = g + (1 - g - 0.05) / (1 + math.exp(-a * (theta - b)))
        out.append((cid, rng.random() < p))
    return out


def record(ref, index, answers, response="faux"):
    """A result-file record of these (challenge id, right?) answers, as the site writes it."""
    rows = []
    for cid, right in answers:
        challenge = ref.challenges[cid]
        skill = ref.skills[challenge.skill_id]
        rows.append({"challenge": cid, "skill": skill.id, "tube": skill.tube_id,
                     "competence": skill.competence_id, "level": skill.level,
                     "type": challenge.type, "status": "ok" if right else "ko",
                     "correct": right, "response": None if right else response})
    return {"id": f"{index:016x}", "status": "finished", "started_at": DATE, "finished_at": DATE,
            "referential": {"version": "test"}, "engine": {"version": "1", "state_format": 1},
            "seed": index, "profile": None, "answers": rows, "competences": [], "pix": 0}


def result_file(records):
    data = {"format": "diagnum-resultats", "version": 1, "created": DATE, "app": "Diagnum",
            "records": records}
    assert validate_result_file(data) == []
    return json.dumps(data, ensure_ascii=False)


def rmse(xs):
    return math.sqrt(sum(x * x for x in xs) / len(xs))


# ----------------------------------------------------------------------------- estimation
def test_em_recovers_known_parameters():
    ref = load_referential(make_bank(competences=1, tubes=3, variants=3))
    rng = random.Random(7)
    truth = true_parameters(ref, rng)
    ids = sorted(truth)
    persons = [answers_of(truth, rng.sample(ids, 15), rng.gauss(3, 2), rng) for _ in range(600)]
    # Every challenge its own offset here (no skill structure): the unpooled prior.
    cal = calibrate(ref, {"1.1": persons}, pooled=False)
    errors = [cal.items[c].difficulty - truth[c][0] for c in ids]
    label_errors = [ref.skills[ref.challenges[c].skill_id].level - truth[c][0] for c in ids]
    assert all(cal.items[c].calibrated for c in ids)
    assert rmse(errors) < 0.35, rmse(errors)
    assert rmse(errors) < 0.6 * rmse(label_errors)
    assert abs(sum(errors) / len(errors)) < 0.15         # the labels anchor the scale
    est, true = [cal.items[c].difficulty for c in ids], [truth[c][0] for c in ids]
    mx, my = sum(est) / len(est), sum(true) / len(true)
    corr = (sum((x - mx) * (y - my) for x, y in zip(est, true, strict=True))
            / math.sqrt(sum((x - mx) ** 2 for x in est) * sum((y - my) ** 2 for y in true)))
    assert corr > 0.93, corr
    assert rmse([math.log(cal.items[c].discrimination / truth[c][1]) for c in ids]) < 0.3
    fit = cal.competences["1.1"]
    assert fit.converged and abs(fit.mean - 3) < 0.4 and abs(fit.sd - 2) < 0.4
    assert all(0 < cal.items[c].sd < 0.6 for c in ids)


def test_pooling_by_skill_recovers_a_skill_offset_from_few_answers_per_variant():
    """Variants share most of their offset from the declared level with their skill (sujet a is
    one level harder than declared, sujet b one level easier), and each variant has only about
    ten answers: pooled by skill, the offsets come through; each variant on its own, its prior
    holds it near its level."""
    ref = load_referential(make_bank(competences=1, tubes=3, variants=3))
    rng = random.Random(11)
    params = ModelParams()
    shift = {"sujet-0-a": 1.0, "sujet-0-b": -1.0, "sujet-0-c": 0.0}
    truth = {}
    for cid in sorted(ref.challenges):
        challenge = ref.challenges[cid]
        skill = ref.skills[challenge.skill_id]
        truth[cid] = (skill.level + shift[skill.tube_id] + rng.gauss(0, 0.1), 1.5,
                      guessing(challenge, params))
    ids = sorted(truth)
    persons = [answers_of(truth, rng.sample(ids, 10), rng.gauss(3.5, 2), rng) for _ in range(55)]
    pooled = calibrate(ref, {"1.1": persons}, min_answers=1)
    alone = calibrate(ref, {"1.1": persons}, min_answers=1, pooled=False)
    assert 5 <= sum(pooled.items[c].answers for c in ids) / len(ids) <= 15

    def mean_offset(cal, tube):
        mine = [c for c in ids if c in cal.items and c.startswith(tube)]
        return sum(cal.items[c].difficulty - ref.skills[ref.challenges[c].skill_id].level
                   for c in mine) / len(mine)

    assert mean_offset(pooled, "sujet-0-a") > 0.4 and mean_offset(pooled, "sujet-0-b") < -0.4
    assert mean_offset(pooled, "sujet-0-a") - mean_offset(pooled, "sujet-0-b") > 1.3 * (
        mean_offset(alone, "sujet-0-a") - mean_offset(alone, "sujet-0-b"))
    answered = [c for c in ids if c in pooled.items]
    err_pooled = rmse([pooled.items[c].difficulty - truth[c][0] for c in answered])
    err_alone = rmse([alone.items[c].difficulty - truth[c][0] for c in answered])
    assert err_pooled < 0.8 * err_alone, (err_pooled, err_alone)
    # Each variant's uncertainty says what its skill's answers told it too: smaller than alone.
    assert (sum(pooled.items[c].sd for c in answered)
            < 0.9 * sum(alone.items[c].sd for c in answered))


def test_few_answers_keep_the_declared_level_and_are_flagged():
    ref = load_referential(make_bank(competences=1, tubes=3, variants=3))
    rng = random.Random(3)
    rare = "sujet-0-a-6a"          # level 6, truly easy, answered by only 6 people
    truth = true_parameters(ref, rng, easy={rare})
    common = [c for c in sorted(truth) if c != rare]
    persons = [answers_of(truth, rng.sample(common, 12), rng.gauss(3, 2), rng)
               for _ in range(400)]
    for person in persons[:6]:
        person += answers_of(truth, [rare], 3.0, rng)
    # Each variant on its own (pooled, its skill's other variants' answers would count).
    cal = calibrate(ref, {"1.1": persons}, min_answers=30, pooled=False)
    item = cal.items[rare]
    assert item.answers == 6 and not item.calibrated
    assert calibrate(ref, {"1.1": persons}, min_answers=30).items[rare].calibrated
    assert 4.5 < item.difficulty <= 6.0        # pulled a little, but held near its level
    text = calfile.render(cal, created=DATE, persons=400, responses=4806)
    assert rare not in text and "sujet-0-a-5a:" in text
    page = report.render(ref, read_results([], ref), cal, {rare: "ici.yaml:12"}, created=DATE,
                         output=None)
    few = page.split("trop peu de réponses</h2>")[1]
    assert rare in few and "ici.yaml:12" in few


def test_other_competences_inform_the_prior_when_they_chose_the_questions():
    """Questions of competence 1.2 chosen from the answers in 1.1 (as the engine's collateral
    prior does): calibrating 1.2 alone mistakes who was asked what for how hard it is (its
    difficulties come out squeezed, slope 0.67 here); with the records linked, they do not."""
    ref = load_referential(make_bank(competences=2, tubes=3, variants=2))
    rng = random.Random(2)
    truth = true_parameters(ref, rng)

    def competence(cid):
        return ref.skills[ref.challenges[cid].skill_id].competence_id

    def level(cid):
        return ref.skills[ref.challenges[cid].skill_id].level

    def answer(cid, theta):
        b, a, g = truth[cid]
        return rng.random() < g + (1 - g - 0.05) / (1 + math.exp(-a * (theta - b)))

    by = {k: sorted(c for c in truth if competence(c) == k) for k in ("1.1", "1.2")}
    persons: dict[str, list] = {"1.1": [], "1.2": []}
    for _ in range(500):
        general = rng.gauss(3, 1.8)
        first = [(c, answer(c, general + rng.gauss(0, 0.8))) for c in rng.sample(by["1.1"], 6)]
        guess = sum(level(c) + (1 if right else -1) for c, right in first) / 6
        near = [c for c in by["1.2"] if abs(level(c) - guess) <= 1] or by["1.2"]
        theta = general + rng.gauss(0, 0.8)
        persons["1.1"].append(first)
        persons["1.2"].append([(c, answer(c, theta)) for c in rng.sample(near, min(4, len(near)))])
    owners = {k: list(range(500)) for k in persons}
    cal = calibrate(ref, persons, owners=owners, min_answers=20)
    ids = [c for c in by["1.2"] if cal.items[c].calibrated]
    est, true = [cal.items[c].difficulty for c in ids], [truth[c][0] for c in ids]
    mx, my = sum(true) / len(true), sum(est) / len(est)
    slope = (sum((t - mx) * (e - my) for t, e in zip(true, est, strict=True))
             / sum((t - mx) ** 2 for t in true))
    assert len(ids) >= 20 and slope > 0.8, slope
    assert rmse([e - t for e, t in zip(est, true, strict=True)]) < 0.42


# ----------------------------------------------------------------------------- the engine
def calibrated_bank(shift):
    """make_bank() with every challenge calibrated at level + shift(level), engine slope."""
    params = ModelParams()
    data = make_bank()
    levels = {s["id"]: s["level"] for s in data["skills"]}
    for c in data["challenges"]:
        level = levels[c["skill_id"]]
        c["calibration"] = {"difficulty": level + shift(level), "discrimination": params.slope,
                            "sd": params.label_sd, "answers": 100}
    return load_referential(data)


def test_engine_uses_calibrated_parameters_and_nothing_else_changes():
    plain = load_referential(make_bank())
    runs = [(["1.1"], None)]
    before = all_sequences(plain, range(4), runs)
    # The level-derived parameters written as a calibration: the very same tests.
    assert all_sequences(calibrated_bank(lambda level: 0.0), range(4), runs) == before
    # Hard challenges that are in truth easy: the engine must see it.
    easy_top = calibrated_bank(lambda level: -3.0 if level >= 4 else 0.0)
    assert all_sequences(easy_top, range(4), runs) != before
    top = next(c for c in easy_top.challenges.values() if c.id == "sujet-0-a-6a")
    estimator = Assessment.start(easy_top, ["1.1"], seed=1).config.parts.estimator
    prior = estimator.prior(2.5, 2.0)
    # Failing a level-6 challenge says little; failing one that is in truth at level 3 says more.
    after_calibrated = estimator.eap(estimator.update(prior, 6, top, False))
    after_plain = estimator.eap(estimator.update(prior, 6, plain.challenges[top.id], False))
    assert after_calibrated < after_plain - 0.5, (after_calibrated, after_plain)


# ----------------------------------------------------------------------------- files
def test_calibration_file_round_trip(content_copy):
    content, problems = load_and_check(content_copy)
    assert not problems.errors
    ref = load_referential(referential_bundle(content, {}))
    rng = random.Random(5)
    truth = true_parameters(ref, rng)
    ids = sorted(c for c in truth if ref.skills[ref.challenges[c].skill_id].competence_id == "1.1")
    persons = [answers_of(truth, ids, rng.gauss(3, 2), rng) for _ in range(80)]
    cal = calibrate(ref, {"1.1": persons}, min_answers=30)
    path = content_copy / calfile.FILE
    calfile.write(path, calfile.render(cal, created=DATE, persons=80, responses=80 * len(ids)))
    content, problems = load_and_check(content_copy)
    assert not problems.errors, problems.errors
    bundle = referential_bundle(content, {})
    records = {c["id"]: c for c in bundle["challenges"]}
    again = load_referential(bundle)
    for cid in ids:
        it = cal.items[cid]
        assert records[cid]["calibration"]["answers"] == 80
        got = again.challenges[cid].calibration
        assert abs(got.difficulty - it.difficulty) < 1e-3
        assert abs(got.discrimination - it.discrimination) < 1e-3
        assert abs(got.sd - it.sd) < 1e-3
    assert all("calibration" not in records[c] for c in records if c not in ids)
    path.unlink()
    content, _ = load_and_check(content_copy)
    assert all("calibration" not in c for c in referential_bundle(content, {})["challenges"])


def test_builder_reports_every_problem_of_a_calibration_file(content_copy):
    path = content_copy / calfile.FILE
    path.write_text(
        "format: diagnum-calibration\n"
        "version: 1\n"
        "surprise: 3\n"
        "epreuves:\n"
        "  mots-cles-1a: {difficulte: 1.2, discrimination: 1.5, incertitude: 0.2, reponses: 40}\n"
        "  epreuve-fantome: {difficulte: 1.2, discrimination: 1.5, incertitude: 0.2, reponses: 4}\n"
        "  mots-cles-2a: {difficulte: douze, discrimination: 1.5, incertitude: 0.2, reponses: 4}\n"
        "  mots-cles-3a: {difficulte: 3, discrimination: -1, incertitude: 0.2, reponses: 4}\n"
        "  mots-cles-4a: {difficulte: 3, discrimination: 1.5, reponses: 4, pente: 2}\n"
        "  mots-cles-5a: 3\n", encoding="utf-8")
    _, problems = load_and_check(content_copy)
    errors = [str(p) for p in problems.errors]
    where = "content/referential/calibration.yaml"

    def said(line, *words):
        return any(f"{where}:{line}:" in e and all(w in e for w in words) for e in errors)

    assert said(3, "clé inconnue « surprise »")
    assert said(6, "épreuve inconnue « epreuve-fantome »")
    assert said(7, "« difficulte » doit être un nombre", "douze")
    assert said(8, "« discrimination » vaut -1, hors des limites")
    assert said(9, "il manque « incertitude »") and said(9, "clé inconnue « pente »")
    assert said(10, "« mots-cles-5a » : paramètres attendus")
    assert not any(":5:" in e for e in errors)
    assert len(errors) == 7, errors
    path.write_text("format: autre\nversion: 1\nepreuves: {}\n", encoding="utf-8")
    _, problems = load_and_check(content_copy)
    assert [str(p) for p in problems.errors] == [
        f"{where}:1: ce fichier n'est pas une calibration Diagnum (« format: "
        "diagnum-calibration » attendu) : recalibrez avec « diagnum calibrate »"]


def test_damaged_inputs_are_reported_one_by_one(tmp_path):
    ref = load_referential(make_bank(competences=1))
    rng = random.Random(9)
    truth = true_parameters(ref, rng)
    ids = sorted(truth)
    good = [record(ref, i, answers_of(truth, rng.sample(ids, 20), rng.gauss(3, 2), rng))
            for i in range(150)]
    folder = tmp_path / "resultats"
    folder.mkdir()
    (folder / "bon.json").write_text(result_file(good), encoding="utf-8")
    (folder / "bon-encore.json").write_text(result_file(good[:10]), encoding="utf-8")  # doubles
    (folder / "pas-json.json").write_text("ceci n'est pas du JSON", encoding="utf-8")
    (folder / "coupe.json").write_text(result_file(good[:3])[:500], encoding="utf-8")
    (folder / "autre.json").write_text('{"format": "autre chose"}', encoding="utf-8")
    (folder / "binaire.json").write_bytes(b"\xff\xfe\x00\x81 abc")
    (folder / "vide.json").write_text("", encoding="utf-8")
    (folder / "profond.json").write_text("[" * 100_000, encoding="utf-8")
    broken = json.loads(result_file(good[:2]))
    broken["records"][0]["answers"][0]["correct"] = "oui"
    (folder / "abime.json").write_text(json.dumps(broken), encoding="utf-8")
    (folder / "espace-mediateur.diagnum").write_text(json.dumps(
        {"format": "diagnum-espace-mediateur", "version": 1, "data": "AAAA"}), encoding="utf-8")
    (folder / "notes.txt").write_text("ignoré", encoding="utf-8")
    said, warned = [], []
    rc = run(ref, [folder, tmp_path / "absent"], output=tmp_path / "calibration.yaml",
             report_path=tmp_path / "rapport.html", locations={}, say=said.append,
             warn=warned.append)
    assert rc == 0
    bad = ["pas-json", "coupe", "autre", "binaire", "vide", "profond", "abime",
           "espace-mediateur"]
    for name in bad:
        lines = [w for w in warned if f"{name}." in w]
        assert len(lines) == 1, (name, warned)
        assert "fichier ignoré" in lines[0]
    assert any("absent : fichier ou dossier introuvable" in w for w in warned)
    assert any("JSON invalide" in w for w in warned if "pas-json" in w)
    assert any("UTF-8" in w for w in warned if "binaire" in w)
    assert any("records[0].answers[0].correct" in w for w in warned if "abime" in w)
    assert any("ne garde que les niveaux" in w for w in warned if "espace-mediateur" in w)
    assert not any("notes" in w or "bon" in w for w in warned)
    assert said[0].startswith("2 fichier(s) lu(s), 9 ignoré(s) ; 150 test(s)")
    assert (tmp_path / "calibration.yaml").is_file()
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "10 en double" in page and "coupe.json" in page


def test_nothing_usable_changes_nothing(tmp_path):
    ref = load_referential(make_bank(competences=1))
    existing = tmp_path / "calibration.yaml"
    existing.write_text("ancienne", encoding="utf-8")
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    warned = []
    assert run(ref, [tmp_path / "x.json"], output=existing, report_path=None, locations={},
               say=lambda _m: None, warn=warned.append) == 1
    assert existing.read_text(encoding="utf-8") == "ancienne"
    assert any("Aucune réponse utilisable" in w for w in warned)


def test_diagnum_calibrate_end_to_end(content_copy, tmp_path, capsys):
    content, _ = load_and_check(content_copy)
    ref = load_referential(referential_bundle(content, {}))
    rng = random.Random(11)
    easy = "mots-cles-5a"            # a level-5 challenge that everybody succeeds
    truth = true_parameters(ref, rng, easy={easy})
    ids = sorted(truth)
    folder = tmp_path / "resultats"
    folder.mkdir()
    for f in range(4):
        records = [record(ref, 100 * f + i, answers_of(truth, ids, rng.gauss(3, 2), rng),
                          response="Moteur de recherche ")
                   for i in range(100)]
        (folder / f"r{f}.json").write_text(result_file(records), encoding="utf-8")
    page = tmp_path / "rapport.html"
    # A broken previous calibration does not stop a new one.
    (content_copy / calfile.FILE).write_text("format: [\n", encoding="utf-8")
    rc = diagnum(["--content", str(content_copy), "calibrate", str(folder), "--rapport",
                  str(page)])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "4 fichier(s) lu(s), 0 ignoré(s) ; 400 test(s)" in out
    content, problems = load_and_check(content_copy)
    assert not problems.errors, problems.errors
    loaded = load_referential(referential_bundle(content, {}))
    assert loaded.challenges[easy].calibration.difficulty < 3.0
    html = page.read_text(encoding="utf-8")
    location = next(f"{c.path.relative_to(content_copy.parent).as_posix()}:{c.line}"
                    for c in content.challenges if c.id == easy)
    contrary = html.split("Difficulté contraire au niveau déclaré</h2>")[1].split("<h2>")[0]
    assert easy in contrary and location in contrary and "plus facile que son niveau" in contrary
    refused = html.split("Réponses refusées tapées souvent</h2>")[1].split("<h2>")[0]
    assert "moteur de recherche" in refused       # the QROC answers everybody typed
    assert not re.search(r"""(src|href)\s*=|url\(|@import|https?://""", html)
    assert '<html lang="fr">' in html and "<caption>" in html


def test_report_finds_weak_challenges_and_inverted_rungs():
    ref = load_referential(make_bank(competences=1, tubes=2, variants=3))
    rng = random.Random(21)
    truth = true_parameters(ref, rng)
    flat = "sujet-0-a-3b"                       # answered almost at random by everybody
    truth[flat] = (3.0, 0.1, truth[flat][2])
    for v in "abc":                             # rung 5 of tube b easier than its rung 2
        truth[f"sujet-0-b-5{v}"] = (0.5, 1.5, truth[f"sujet-0-b-5{v}"][2])
        truth[f"sujet-0-b-2{v}"] = (3.0, 1.5, truth[f"sujet-0-b-2{v}"][2])
    ids = sorted(truth)
    persons = [answers_of(truth, rng.sample(ids, 18), rng.gauss(3, 2), rng) for _ in range(900)]
    cal = calibrate(ref, {"1.1": persons})
    weak = [it.challenge_id for it in report.weak_discrimination(cal)]
    assert weak[:1] == [flat]
    inverted = report.inverted_rungs(ref, cal)
    assert ("sujet-0-b", 2) in {(t, low) for t, low, _, high, _ in inverted if high == 5}
    assert all(t == "sujet-0-b" for t, *_ in inverted)
    contrary = {it.challenge_id for it in report.level_contradictions(cal)}
    assert {"sujet-0-b-5a", "sujet-0-b-5b", "sujet-0-b-5c"} <= contrary
    page = report.render(ref, read_results([], ref), cal, {}, created=DATE, output=None)
    assert flat in page.split("discriminent mal</h2>")[1].split("<h2>")[0]


def test_calibration_runs_without_the_builder_on_a_built_bundle(tmp_path, capsys):
    import subprocess
    import sys

    from .conftest import ROOT

    data = make_bank(competences=1)
    ref = load_referential(data)
    (tmp_path / "referential.json").write_text(json.dumps(data), encoding="utf-8")
    rng = random.Random(4)
    truth = true_parameters(ref, rng)
    records = [record(ref, i, answers_of(truth, rng.sample(sorted(truth), 20), rng.gauss(3, 2),
                                         rng)) for i in range(120)]
    (tmp_path / "r.json").write_text(result_file(records), encoding="utf-8")
    # No PyYAML, no builder: the tool must not need them.
    guard = ("import sys; sys.modules['yaml'] = None; sys.modules['builder'] = None; "
             "from calibration.cli import main; raise SystemExit(main())")
    done = subprocess.run(
        [sys.executable, "-c", guard, "--referential", str(tmp_path / "referential.json"),
         "--sortie", str(tmp_path / "cal.yaml"), "--rapport", str(tmp_path / "r.html"),
         str(tmp_path / "r.json")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "120 test(s)" in done.stdout
    assert "sujet-0-a-1a: {difficulte:" in (tmp_path / "cal.yaml").read_text(encoding="utf-8")


def express_sequence(ref, seed):
    """The questions the express engine asks on competences 1.1 and 1.2 of someone who succeeds
    exactly up to level 3."""
    assessment = Assessment.start(ref, competences=["1.1", "1.2"], seed=seed,
                                  config=EngineConfig.for_mode("express"))
    asked = []
    while (challenge := assessment.next_challenge()) is not None:
        asked.append(challenge.id)
        assessment.record(challenge.id, ref.skills[challenge.skill_id].level <= 3)
    return asked


def test_the_express_selector_values_a_calibrated_question_at_its_calibrated_level():
    plain = load_referential(make_bank())
    same = calibrated_bank(lambda level: 0.0)
    assert ([express_sequence(same, s) for s in range(3)]
            == [express_sequence(plain, s) for s in range(3)])
    easy_top = calibrated_bank(lambda level: -3.0 if level >= 4 else 0.0)
    top = next(c for c in easy_top.challenges.values() if easy_top.skills[c.skill_id].level == 6)
    assert valued_level(top, 6) == 3 and valued_level(plain.challenges[top.id], 6) == 6
    assessment = Assessment.start(easy_top, competences=["1.1", "1.2"], seed=0,
                                  config=EngineConfig.for_mode("express"))
    assessment.next_challenge()
    selector = assessment.config.parts.selector
    run = assessment._run(easy_top.skills[top.skill_id].competence_id)
    guess = selector.guess(easy_top, top)
    assert selector.value(easy_top, run, 6, top, {}) == selector.key_value(run, (3, guess), {})
    assert selector.value(easy_top, run, 6, top, {}) != selector.key_value(run, (6, guess), {})
    assert (3, guess) in selector.keys(easy_top, easy_top.skills[top.skill_id])
    # Within the competence chosen, its skills are ranked on the same values.
    options = [o for opts in selector.ranked(easy_top, run, [easy_top.skills[top.skill_id]])
               for o in opts if o[1] is top]
    assert options and options[0][2:] == selector.key_value(run, (3, guess), {})


def test_the_non_benevolent_reference_is_the_engine_without_kindness():
    """benchmarks/reference.py: same estimator, stopping rule and budget as the engine it is made
    from, but no easy start and nothing holds a harder question back after a failure."""
    from benchmarks.reference import reference_config

    ref = calibrated_bank(lambda level: 0.0)
    for base in (EngineConfig(), EngineConfig.for_mode("express")):
        config = reference_config(base)
        assert type(config.parts.estimator) is type(base.parts.estimator)
        assert type(config.parts.stopper) is type(base.parts.stopper)
        assert (config.max_questions, config.total_max_questions) == (
            base.max_questions, base.total_max_questions)
        firsts = {}
        for name, cfg in (("kind", base), ("reference", config)):
            assessment = Assessment.start(ref, competences=["1.1"], seed=0, config=cfg)
            first = assessment.next_challenge()
            firsts[name] = ref.skills[first.skill_id].level
            assessment.record(first.id, False)
            following = assessment.next_challenge()
            firsts[name + " after a failure"] = (
                ref.skills[following.skill_id].level if following else None)
        # The engine starts easy and never asks harder right after a failed first question; the
        # reference starts harder, or asks harder after that failure, when that tells the most.
        assert firsts["kind after a failure"] in (None, *range(firsts["kind"] + 1)), firsts
        assert (firsts["reference"] > firsts["kind"]
                or firsts["reference after a failure"] > firsts["reference"]), firsts


def test_the_express_reference_ranks_questions_on_their_true_curves():
    """Within the competence it chose, the reference ranks each question on its own calibrated
    curve (the truth it is told), as it chose the competence, not on its skill's level."""
    from benchmarks.reference import reference_config

    ref = calibrated_bank(lambda level: -3.0 if level >= 4 else 0.0)
    config = reference_config(EngineConfig.for_mode("express"))
    assessment = Assessment.start(ref, competences=["1.1", "1.2"], seed=0, config=config)
    assessment.next_challenge()
    selector = config.parts.selector
    top = next(c for c in ref.challenges.values() if ref.skills[c.skill_id].level == 6)
    skill = ref.skills[top.skill_id]
    run = assessment._run(skill.competence_id)
    truth = selector.estimator.curve_key(6, top)
    assert selector.question_key(ref, skill, top) == truth and truth[0] == 3.0
    options = [o for opts in selector.ranked(ref, run, [skill]) for o in opts if o[1] is top]
    assert options and options[0][2:] == selector.key_value(run, truth, {})
    assert options[0][2:] != selector.key_value(run, (6, selector.guess(ref, top)), {})
    # The engine ranking the same referential keeps its own keys (the caches are per selector).
    own = EngineConfig.for_mode("express").parts.selector
    valued = (3, own.guess(ref, top))
    run.memo.clear()
    options = [o for opts in own.ranked(ref, run, [skill]) for o in opts if o[1] is top]
    assert options and options[0][2:] == own.key_value(run, valued, {})


def test_the_calibration_benchmark_replaces_only_its_own_block(tmp_path):
    """``--write`` with ``--block``: a second run of the same design gets a block of its own and
    leaves the others as they are."""
    from benchmarks.calibration import write_block

    doc = tmp_path / "bench.md"
    doc.write_text("# Titre\n\ntexte\n", encoding="utf-8")
    write_block(doc, "express 400\n", "profil-express")
    write_block(doc, "express 800\n", "profil-express-1000")
    write_block(doc, "competences\n")
    write_block(doc, "express 400 again\n", "profil-express")
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Titre\n\ntexte\n")
    assert text.count("express 400 again") == 1 and "express 400\n" not in text
    assert ("<!-- calibration-profil-express-1000:start -->\nexpress 800\n"
            "<!-- calibration-profil-express-1000:end -->") in text
    assert "<!-- calibration:start -->\ncompetences\n<!-- calibration:end -->" in text
