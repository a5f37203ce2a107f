"""Calibration against sample size: how well ``diagnum calibrate`` recovers known parameters, and
what that does to the levels the engine finds.

A world (S2 « realistic » by default: mislabelled skills and variants, varying slopes) gives every
challenge a true difficulty and discrimination the engine never sees. N simulated learners take an
adaptive test (the engine as shipped, uncalibrated) on the chosen competences; their result files
are written to a temporary folder exactly as the site exports them, then calibrated with the
tool's own code. We report the recovery of the difficulties (RMSE against the truth, next to the
RMSE of the declared levels; correlation) and the level accuracy of the engine on fresh learners:
uncalibrated, calibrated from N learners, and a reference that knows every challenge's true
difficulty and discrimination. Samples are nested (the first 100 of the 300, …), one process.

    python -m benchmarks.calibration [--sizes 100,300,1000,3000] [--write docs/benchmark-calibration.md]
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import random
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import engine
from calibration.estimate import calibrate
from calibration.inputs import read_results
from engine.profiles import profile_skills
from engine.record import make_record, make_result_file

from . import synthetic
from .worlds import WORLDS, Item, Simulee, World, build_bank

MARK_START, MARK_END = "<!-- calibration:start -->", "<!-- calibration:end -->"
DATE = "2026-12-07T10:00:00Z"


def take(ref: engine.Referential, sims: dict[str, Simulee], competences: list[str],
         seed: int, profile: str | None = None) -> engine.Assessment:
    """One simulated person through an adaptive test of these competences (or a parcours)."""
    if profile:
        assessment = engine.Assessment.start(ref, profile=profile, seed=seed)
    else:
        assessment = engine.Assessment.start(ref, competences=competences, seed=seed)
    while (challenge := assessment.next_challenge()) is not None:
        cid = ref.skills[challenge.skill_id].competence_id
        assessment.record(challenge.id, sims[cid].answer(challenge.id))
    return assessment


def people(ref: engine.Referential, world: World, bank: dict[str, Item], competences: list[str],
           count: int, seed: str) -> list[dict[str, Simulee]]:
    """People whose competences correlate (0.64, as the express benchmark's E1): a general ability
    N(mean, 1.6²) plus a deviation N(0, 1.2²) per competence, so each competence has the world's
    population sd (2)."""
    out = []
    pop = world.population
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        general = rng.gauss(pop.mean, 1.6)
        out.append({cid: Simulee(ref, cid, world, bank, rng, theta=min(
            pop.high, max(pop.low, general + rng.gauss(0.0, 1.2)))) for cid in competences})
    return out


def collect(ref: engine.Referential, crowd: list[dict[str, Simulee]], competences: list[str],
            folder: Path, seed: str, per_file: int = 50, profile: str | None = None) -> None:
    """Each person's record, as the site exports it, in result files of ``per_file`` records."""
    records = []
    for i, sims in enumerate(crowd):
        assessment = take(ref, sims, competences, random.Random(f"{seed}:seed:{i}").getrandbits(31),
                          profile)
        records.append(make_record(ref, assessment, started_at=DATE, finished_at=DATE))
    for start in range(0, len(records), per_file):
        document = make_result_file(records[start:start + per_file], created=DATE)
        (folder / f"resultats-{start // per_file:04d}.json").write_text(
            json.dumps(document, ensure_ascii=False), encoding="utf-8")


def with_calibration(bundle: dict[str, Any], params: dict[str, dict[str, float]]
                     ) -> engine.Referential:
    """The referential with these calibrated parameters (challenge id → record fields)."""
    data = copy.deepcopy(bundle)
    for record in data["challenges"]:
        if record["id"] in params:
            record["calibration"] = params[record["id"]]
    return engine.load_referential(data)


def accuracy(ref: engine.Referential, crowd: list[dict[str, Simulee]], competences: list[str],
             seed: str, profile: str | None = None) -> tuple[float, float, float]:
    """(exact, within one, questions per competence) of the engine on ``ref``."""
    exact = within = tests = questions = 0
    for i, sims in enumerate(crowd):
        assessment = take(ref, sims, competences, random.Random(f"{seed}:eval:{i}").getrandbits(31),
                          profile)
        result = assessment.result()
        questions += len(assessment.answers)
        for cid in competences:
            level, truth = result.competences[cid].level, sims[cid].true_level
            exact += level == truth
            within += abs(level - truth) <= 1
            tests += 1
    return exact / tests, within / tests, questions / tests


def recovery(ref: engine.Referential, bank: dict[str, Item], estimates: dict[str, Any]
             ) -> dict[str, float]:
    """Difficulty recovery over the challenges that were calibrated."""
    ids = [cid for cid, it in estimates.items() if it.calibrated]
    if not ids:
        return {"calibrated": 0, "rmse": float("nan"), "rmse_labels": float("nan"),
                "corr": float("nan"), "rmse_log_a": float("nan")}
    est = [estimates[c].difficulty for c in ids]
    true = [bank[c].difficulty for c in ids]
    labels = [ref.skills[ref.challenges[c].skill_id].level for c in ids]

    def rmse(xs: Sequence[float], ys: Sequence[float]) -> float:
        return math.sqrt(sum((x - y) ** 2 for x, y in zip(xs, ys, strict=True)) / len(xs))

    mx, my = sum(est) / len(est), sum(true) / len(true)
    cov = sum((x - mx) * (y - my) for x, y in zip(est, true, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in est))
    sy = math.sqrt(sum((y - my) ** 2 for y in true))
    log_a = [math.log(estimates[c].discrimination / bank[c].slope) for c in ids]
    return {"calibrated": len(ids), "rmse": rmse(est, true), "rmse_labels": rmse(labels, true),
            "corr": cov / (sx * sy) if sx and sy else float("nan"),
            "rmse_log_a": math.sqrt(sum(x * x for x in log_a) / len(log_a))}


def run(bundle: dict[str, Any], competences: list[str], sizes: list[int], evaluation: int,
        world_name: str, min_answers: int, profile: str | None = None
        ) -> tuple[str, dict[str, Any]]:
    ref = engine.load_referential(bundle)
    if profile:
        wanted = {ref.skills[s].competence_id for s in profile_skills(ref.profiles[profile])
                  if s in ref.skills}
        competences = [c.id for c in ref.competences if c.id in wanted]
    world = WORLDS[world_name]
    bank = build_bank(ref, competences, world.truth, random.Random(f"calibration:{world_name}"))
    evaluators = people(ref, world, bank, competences, evaluation, "calibration:eval")
    truth_ref = with_calibration(bundle, {cid: {"difficulty": it.difficulty,
                                                "discrimination": it.slope, "sd": 0.0}
                                          for cid, it in bank.items()})
    rows: dict[str, Any] = {
        "uncalibrated": {"accuracy": accuracy(ref, evaluators, competences, "u", profile)},
        "truth": {"accuracy": accuracy(truth_ref, evaluators, competences, "u", profile)},
    }
    crowd = people(ref, world, bank, competences, max(sizes), "calibration:learners")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        collect(ref, crowd, competences, folder, "calibration:learners", 50, profile)
        files = sorted(folder.glob("*.json"))
        for n in sizes:
            started = time.perf_counter()
            data = read_results(files[:math.ceil(n / 50)], ref)
            cal = calibrate(ref, data.persons, min_answers=min_answers, owners=data.owners)
            seconds = time.perf_counter() - started
            params = {it.challenge_id: {"difficulty": it.difficulty,
                                        "discrimination": it.discrimination, "sd": it.sd}
                      for it in cal.items.values() if it.calibrated}
            rows[n] = {"recovery": recovery(ref, bank, cal.items), "seconds": seconds,
                       "responses": data.responses, "answered": len(cal.items),
                       "accuracy": accuracy(with_calibration(bundle, params), evaluators,
                                            competences, "u", profile)}
    return table(rows, sizes, len(bank)), rows


def table(rows: dict[Any, Any], sizes: list[int], bank_size: int) -> str:
    lines = ["| learners | responses | challenges answered / calibrated (of "
             f"{bank_size}) | RMSE of b (labels: RMSE) | correlation | RMSE of log a | "
             "exact | within one | questions | calibration time |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    u, t = rows["uncalibrated"]["accuracy"], rows["truth"]["accuracy"]
    lines.append(f"| — uncalibrated engine | | | | | | {u[0]:.3f} | {u[1]:.3f} | {u[2]:.1f} | |")
    for n in sizes:
        r, a = rows[n]["recovery"], rows[n]["accuracy"]
        lines.append(f"| {n} | {rows[n]['responses']} | {rows[n]['answered']} / "
                     f"{r['calibrated']} | {r['rmse']:.3f} ({r['rmse_labels']:.3f}) | "
                     f"{r['corr']:.3f} | {r['rmse_log_a']:.3f} | {a[0]:.3f} | {a[1]:.3f} | "
                     f"{a[2]:.1f} | {rows[n]['seconds']:.1f} s |")
    lines.append(f"| — reference knowing the truth | | | | | | {t[0]:.3f} | {t[1]:.3f} | "
                 f"{t[2]:.1f} | |")
    gap = t[0] - u[0]
    if gap > 0 and 1000 in rows:
        closed = (rows[1000]["accuracy"][0] - u[0]) / gap
        lines.append(f"\nAt 1,000 learners the calibrated engine closes {100 * closed:.0f} % of "
                     "the exact-level gap between the uncalibrated engine and the reference.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.calibration", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--referential", default="dist/data/referential.json")
    parser.add_argument("--synthetic", action="store_true", help="a generated referential")
    parser.add_argument("--competences", default="1.1,4.1")
    parser.add_argument("--sizes", default="100,300,1000,3000")
    parser.add_argument("--evaluation", type=int, default=400, help="fresh learners scored")
    parser.add_argument("--world", default="S2", choices=sorted(WORLDS))
    parser.add_argument("--min-answers", type=int, default=30)
    parser.add_argument("--parcours", default=None,
                        help="learners take this parcours (e.g. profil-express, as a « collecter "
                             "les profils » campaign gives) instead of --competences")
    parser.add_argument("--write", help="replace the calibration block of this Markdown file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.synthetic:
        bundle = synthetic.generate(0)
    else:
        bundle = json.loads(Path(args.referential).read_text(encoding="utf-8"))
    competences = [c.strip() for c in args.competences.split(",") if c.strip()]
    sizes = sorted(int(s) for s in args.sizes.split(","))
    text, _ = run(bundle, competences, sizes, args.evaluation, args.world, args.min_answers,
                  args.parcours)
    if args.parcours:
        competences = [f"parcours {args.parcours}"]
    command = "python -m benchmarks.calibration " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    block = (f"Command: `{command.strip()}` · referential `{bundle.get('version')}` · world "
             f"{args.world} · competences {', '.join(competences)} · {args.evaluation} fresh "
             f"learners scored per engine · minimum {args.min_answers} answers per calibrated "
             f"challenge · {time.perf_counter() - started:.0f} s in one process\n\n{text}\n")
    print(block)
    if args.write:
        # One generated block per design: competences, or each parcours.
        mark_start, mark_end = MARK_START, MARK_END
        if args.parcours:
            mark_start = MARK_START.replace("calibration:", f"calibration-{args.parcours}:")
            mark_end = MARK_END.replace("calibration:", f"calibration-{args.parcours}:")
        path = Path(args.write)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if mark_start not in old:
            old += f"\n{mark_start}\n{mark_end}\n"
        start, end = old.index(mark_start) + len(mark_start), old.index(mark_end)
        path.write_text(old[:start] + "\n" + block + old[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
