"""Calibration against sample size: how well ``diagnum calibrate`` recovers known parameters, and
what that does to the levels the engine finds.

A world (S2 « realistic » by default: mislabelled skills and variants, varying slopes) gives every
challenge a true difficulty and discrimination the engine never sees. N simulated learners take an
adaptive test (the engine as shipped, uncalibrated) on the chosen competences; their result files
are written to a temporary folder exactly as the site exports them, then calibrated with the
tool's own code. We report the recovery of the difficulties (RMSE against the truth, next to the
RMSE of the declared levels; correlation) and the level accuracy of the engine on fresh learners:
uncalibrated, calibrated from N learners, and two references that know every challenge's true
difficulty and discrimination: the engine as it is (benevolent), and one that asks the most
informative question with no kindness (``benchmarks.reference``); their difference is the price
of kindness. All engines meet the same fresh people (paired), and the share of the gap closed gets
a 95 % interval by bootstrap over those people. Samples are nested (the first 100 of the 300, …),
one process.

    python -m benchmarks.calibration [--sizes 100,300,1000,3000] [--write docs/benchmark-calibration.md]

Settings are chosen with ``--split dev`` (another bank of true parameters, other learners and
other evaluation people); the committed figures come from ``--split test``, the default.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import multiprocessing
import random
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

from . import command_line, synthetic
from .reference import reference_config
from .worlds import WORLDS, Item, Simulee, Truth, World, build_bank

MARK_START, MARK_END = "<!-- calibration:start -->", "<!-- calibration:end -->"
DATE = "2026-12-07T10:00:00Z"
BOOTSTRAP = 2000
# Seeds of the bank of true parameters, the learners who are calibrated on and the people who
# are scored: "test" are the committed figures' (never tuned on), "dev" the ones settings are
# chosen on.
SPLITS = {"test": ("calibration", "calibration:learners", "calibration:eval"),
          "dev": ("calibration-dev", "calibration-dev:learners", "calibration-dev:eval")}
# Per evaluated person: (competence tests exactly right, within one, questions, tests).
Scores = list[tuple[int, int, int, int]]


def take(ref: engine.Referential, sims: dict[str, Simulee], competences: list[str],
         seed: int, profile: str | None = None, config: engine.EngineConfig | None = None
         ) -> engine.Assessment:
    """One simulated person through an adaptive test of these competences (or a parcours);
    ``config``: another engine configuration than the parcours' (the reference's)."""
    if profile:
        assessment = engine.Assessment.start(ref, profile=profile, seed=seed, config=config)
    else:
        assessment = engine.Assessment.start(ref, competences=competences, seed=seed,
                                             config=config)
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
            folder: Path, seed: str, per_file: int = 50, profile: str | None = None,
            pool: Any = None) -> None:
    """Each person's record, as the site exports it, in result files of ``per_file`` records
    (``pool``: a process pool forked after ``_CONTEXT`` was set, to share the work)."""
    parts = [(start, min(start + per_file, len(crowd))) for start in range(0, len(crowd), per_file)]
    if pool is None:
        documents = [_result_file(ref, crowd, competences, seed, profile, a, b) for a, b in parts]
    else:
        documents = pool.map(_collect_part, [(seed, profile, a, b) for a, b in parts])
    for index, document in enumerate(documents):
        (folder / f"resultats-{index:04d}.json").write_text(document, encoding="utf-8")


def _result_file(ref: engine.Referential, crowd: list[dict[str, Simulee]], competences: list[str],
                 seed: str, profile: str | None, start: int, stop: int) -> str:
    records = []
    for i in range(start, stop):
        assessment = take(ref, crowd[i], competences,
                          random.Random(f"{seed}:seed:{i}").getrandbits(31), profile)
        records.append(make_record(ref, assessment, started_at=DATE, finished_at=DATE))
    return json.dumps(make_result_file(records, created=DATE), ensure_ascii=False)


# What forked workers share: the referential and bundle, the people, the competences, the parcours.
_CONTEXT: dict[str, Any] = {}


def _collect_part(task: tuple[str, str | None, int, int]) -> str:
    seed, profile, start, stop = task
    c = _CONTEXT
    return _result_file(c["ref"], c["crowd"], c["competences"], seed, profile, start, stop)


def _score_part(task: tuple[Any, bool, int, int]) -> Scores:
    params, reference, start, stop = task
    c = _CONTEXT
    ref = c["ref"] if params is None else with_calibration(c["bundle"], params)
    config = reference_config(c["config"]) if reference else None
    return scores(ref, c["evaluators"][start:stop], c["competences"], "u", c["profile"], config,
                  first=start)


def scores_in(pool: Any, ref: engine.Referential, params: dict[str, Any] | None,
              reference: bool = False) -> Scores:
    """``scores`` of the evaluators on the referential with these calibrated parameters (None:
    ``ref``), shared out over the pool (or here when there is none)."""
    c = _CONTEXT
    count = len(c["evaluators"])
    if pool is None:
        target = ref if params is None else with_calibration(c["bundle"], params)
        return scores(target, c["evaluators"], c["competences"], "u", c["profile"],
                      reference_config(c["config"]) if reference else None)
    chunk = max(1, math.ceil(count / 16))
    tasks = [(params, reference, a, min(a + chunk, count)) for a in range(0, count, chunk)]
    return [row for part in pool.map(_score_part, tasks) for row in part]


def with_calibration(bundle: dict[str, Any], params: dict[str, dict[str, float]]
                     ) -> engine.Referential:
    """The referential with these calibrated parameters (challenge id → record fields)."""
    data = copy.deepcopy(bundle)
    for record in data["challenges"]:
        if record["id"] in params:
            record["calibration"] = params[record["id"]]
    return engine.load_referential(data)


def scores(ref: engine.Referential, crowd: list[dict[str, Simulee]], competences: list[str],
           seed: str, profile: str | None = None, config: engine.EngineConfig | None = None,
           first: int = 0) -> Scores:
    """Per person: (exact, within one, questions, competence tests) of the engine on ``ref``
    (``first``: the index of ``crowd[0]`` among the people, for its seed)."""
    out = []
    for i, sims in enumerate(crowd, start=first):
        assessment = take(ref, sims, competences, random.Random(f"{seed}:eval:{i}").getrandbits(31),
                          profile, config)
        result = assessment.result()
        exact = within = 0
        for cid in competences:
            level, truth = result.competences[cid].level, sims[cid].true_level
            exact += level == truth
            within += abs(level - truth) <= 1
        out.append((exact, within, len(assessment.answers), len(competences)))
    return out


def accuracy(per_person: Scores) -> tuple[float, float, float]:
    """(exact, within one, questions per competence) over every competence test."""
    tests = sum(p[3] for p in per_person)
    return tuple(sum(p[k] for p in per_person) / tests for k in range(3))  # type: ignore[return-value]


def closed(engine_: Scores, low: Scores, high: Scores, draws: int = BOOTSTRAP,
           seed: str = "closed") -> tuple[float, float, float]:
    """The share of the exact-level gap between ``low`` and ``high`` that ``engine_`` closes,
    and its 95 % percentile interval by bootstrap over the (same) people."""
    def share(idx: Sequence[int]) -> float:
        e = sum(engine_[i][0] for i in idx)
        lo = sum(low[i][0] for i in idx)
        hi = sum(high[i][0] for i in idx)
        return (e - lo) / (hi - lo) if hi != lo else math.nan

    people_ = range(len(engine_))
    rng = random.Random(seed)
    draws_ = sorted(v for v in (share([rng.choice(people_) for _ in people_])
                                for _ in range(draws)) if not math.isnan(v))
    if not draws_:
        return share(people_), math.nan, math.nan
    return (share(people_), draws_[int(0.025 * len(draws_))],
            draws_[min(len(draws_) - 1, int(0.975 * len(draws_)))])


def recovery(ref: engine.Referential, bank: dict[str, Item], estimates: dict[str, Any],
             truth: Truth) -> dict[str, float]:
    """Difficulty recovery over the challenges that were calibrated, on the engine's level
    scale."""
    ids = [cid for cid, it in estimates.items() if it.calibrated]
    if not ids:
        return {"calibrated": 0, "rmse": float("nan"), "rmse_labels": float("nan"),
                "corr": float("nan"), "rmse_log_a": float("nan")}
    est = [estimates[c].difficulty for c in ids]
    true = [truth.on_level_scale(bank[c].difficulty, bank[c].slope)[0] for c in ids]
    labels = [ref.skills[ref.challenges[c].skill_id].level for c in ids]

    def rmse(xs: Sequence[float], ys: Sequence[float]) -> float:
        return math.sqrt(sum((x - y) ** 2 for x, y in zip(xs, ys, strict=True)) / len(xs))

    mx, my = sum(est) / len(est), sum(true) / len(true)
    cov = sum((x - mx) * (y - my) for x, y in zip(est, true, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in est))
    sy = math.sqrt(sum((y - my) ** 2 for y in true))
    log_a = [math.log(estimates[c].discrimination
                      / truth.on_level_scale(bank[c].difficulty, bank[c].slope)[1]) for c in ids]
    return {"calibrated": len(ids), "rmse": rmse(est, true), "rmse_labels": rmse(labels, true),
            "corr": cov / (sx * sy) if sx and sy else float("nan"),
            "rmse_log_a": math.sqrt(sum(x * x for x in log_a) / len(log_a))}


def run(bundle: dict[str, Any], competences: list[str], sizes: list[int], evaluation: int,
        world_name: str, min_answers: int, profile: str | None = None, split: str = "test",
        options: dict[str, Any] | None = None, workers: int = 1) -> tuple[str, dict[str, Any]]:
    ref = engine.load_referential(bundle)
    if profile:
        wanted = {ref.skills[s].competence_id for s in profile_skills(ref.profiles[profile])
                  if s in ref.skills}
        competences = [c.id for c in ref.competences if c.id in wanted]
        config = engine.EngineConfig.for_mode(ref.profiles[profile].get("engine"))
    else:
        config = engine.EngineConfig()
    bank_seed, learners_seed, eval_seed = SPLITS[split]
    world = WORLDS[world_name]
    bank = build_bank(ref, competences, world.truth, random.Random(f"{bank_seed}:{world_name}"))
    evaluators = people(ref, world, bank, competences, evaluation, eval_seed)
    # On the engine's level scale (S3's levels are 0.8 apart on its ability scale).
    truth = {cid: dict(zip(("difficulty", "discrimination"),
                           world.truth.on_level_scale(it.difficulty, it.slope), strict=True),
                       sd=0.0) for cid, it in bank.items()}
    crowd = people(ref, world, bank, competences, max(sizes), learners_seed)
    _CONTEXT.update(ref=ref, bundle=bundle, crowd=crowd, evaluators=evaluators,
                    competences=competences, profile=profile, config=config, world=world)
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
    try:
        return _run(ref, bundle, bank, sizes, min_answers, learners_seed, truth, options or {},
                    pool)
    finally:
        if pool is not None:
            pool.close()
            pool.join()


def _run(ref: engine.Referential, bundle: dict[str, Any], bank: dict[str, Item],
         sizes: list[int], min_answers: int, learners_seed: str, truth: dict[str, Any],
         options: dict[str, Any], pool: Any) -> tuple[str, dict[str, Any]]:
    c = _CONTEXT
    per: dict[Any, Scores] = {
        "uncalibrated": scores_in(pool, ref, None),
        "truth": scores_in(pool, ref, truth),
        "reference": scores_in(pool, ref, truth, reference=True),
    }
    rows: dict[Any, Any] = {k: {"accuracy": accuracy(v)} for k, v in per.items()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        collect(ref, c["crowd"], c["competences"], folder, learners_seed, 50, c["profile"], pool)
        files = sorted(folder.glob("*.json"))
        for n in sizes:
            started = time.perf_counter()
            data = read_results(files[:math.ceil(n / 50)], ref)
            cal = calibrate(ref, data.persons, min_answers=min_answers, owners=data.owners,
                            **options)
            seconds = time.perf_counter() - started
            params = {it.challenge_id: {"difficulty": it.difficulty,
                                        "discrimination": it.discrimination, "sd": it.sd}
                      for it in cal.items.values() if it.calibrated}
            per[n] = scores_in(pool, ref, params)
            rows[n] = {"recovery": recovery(ref, bank, cal.items, c["world"].truth),
                       "seconds": seconds,
                       "responses": data.responses, "answered": len(cal.items),
                       "accuracy": accuracy(per[n]),
                       "closed": {high: closed(per[n], per["uncalibrated"], per[high])
                                  for high in ("truth", "reference")}}
    rows["kindness_gap"] = _paired_gap(per["reference"], per["truth"])
    return table(rows, sizes, len(bank)), rows


def _paired_gap(a: Scores, b: Scores, draws: int = BOOTSTRAP) -> tuple[float, float, float]:
    """Exact accuracy of ``a`` minus ``b`` (same people) and its 95 % bootstrap interval."""
    tests = sum(p[3] for p in a)
    diffs = [x[0] - y[0] for x, y in zip(a, b, strict=True)]
    rng = random.Random("gap")
    idx = range(len(diffs))
    draws_ = sorted(sum(diffs[rng.choice(idx)] for _ in idx) / tests for _ in range(draws))
    return sum(diffs) / tests, draws_[int(0.025 * draws)], draws_[int(0.975 * draws) - 1]


def _share(c: tuple[float, float, float]) -> str:
    return f"{100 * c[0]:.0f} % [{100 * c[1]:.0f}, {100 * c[2]:.0f}]"


def table(rows: dict[Any, Any], sizes: list[int], bank_size: int) -> str:
    lines = ["| learners | responses | challenges answered / calibrated (of "
             f"{bank_size}) | RMSE of b (labels: RMSE) | correlation | RMSE of log a | "
             "exact | within one | questions | gap closed: benevolent reference "
             "| gap closed: non-benevolent reference | calibration time |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    u, t, x = (rows[k]["accuracy"] for k in ("uncalibrated", "truth", "reference"))
    lines.append(f"| — uncalibrated engine | | | | | | {u[0]:.3f} | {u[1]:.3f} | {u[2]:.1f} "
                 "| 0 % | 0 % | |")
    for n in sizes:
        r, a, c = rows[n]["recovery"], rows[n]["accuracy"], rows[n]["closed"]
        lines.append(f"| {n} | {rows[n]['responses']} | {rows[n]['answered']} / "
                     f"{r['calibrated']} | {r['rmse']:.3f} ({r['rmse_labels']:.3f}) | "
                     f"{r['corr']:.3f} | {r['rmse_log_a']:.3f} | {a[0]:.3f} | {a[1]:.3f} | "
                     f"{a[2]:.1f} | {_share(c['truth'])} | {_share(c['reference'])} | "
                     f"{rows[n]['seconds']:.1f} s |")
    lines.append(f"| — benevolent reference: the engine as it is, told the truth | | | | | | "
                 f"{t[0]:.3f} | {t[1]:.3f} | {t[2]:.1f} | 100 % | | |")
    lines.append(f"| — non-benevolent reference: the truth, the most informative question, no "
                 f"kindness | | | | | | {x[0]:.3f} | {x[1]:.3f} | {x[2]:.1f} | | 100 % | |")
    kind = rows["kindness_gap"]
    lines.append(f"\nPrice of kindness (non-benevolent − benevolent reference, exact level, same "
                 f"people): {kind[0]:+.3f} [{kind[1]:+.3f}, {kind[2]:+.3f}].")
    if 1000 in rows:
        c = rows[1000]["closed"]
        lines.append(
            f"At 1,000 learners the calibrated engine closes {_share(c['reference'])} of the "
            "exact-level gap between the uncalibrated engine and the non-benevolent reference "
            f"(the issue's target: at least 50 %, {_verdict(c['reference'])}), and "
            f"{_share(c['truth'])} of the gap to the benevolent reference "
            f"({_verdict(c['truth'])}). In brackets: 95 % interval, bootstrap over the people "
            "scored (every engine meets the same people).")
    return "\n".join(lines)


def _verdict(c: tuple[float, float, float]) -> str:
    if c[1] >= 0.5:
        return "met"
    if c[2] < 0.5:
        return "not met"
    return "not shown either way: 50 % is inside the interval"


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
    parser.add_argument("--split", choices=sorted(SPLITS), default="test",
                        help="test: the committed seeds; dev: other seeds, to choose settings on")
    parser.add_argument("--options", default="{}",
                        help="more calibrate() keyword arguments, as JSON (to compare settings)")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes that take the tests (the calibration runs in one)")
    parser.add_argument("--write", help="replace the calibration block of this Markdown file")
    parser.add_argument("--block", default=None,
                        help="the name of the block --write replaces (default: the parcours', "
                             "or the competences' block): another run of the same design")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.synthetic:
        bundle = synthetic.generate(0)
    else:
        bundle = json.loads(Path(args.referential).read_text(encoding="utf-8"))
    competences = [c.strip() for c in args.competences.split(",") if c.strip()]
    sizes = sorted(int(s) for s in args.sizes.split(","))
    text, _ = run(bundle, competences, sizes, args.evaluation, args.world, args.min_answers,
                  args.parcours, args.split, json.loads(args.options), args.workers)
    if args.parcours:
        competences = [f"parcours {args.parcours}"]
    command = command_line("benchmarks.calibration", argv)
    block = (f"Command: `{command.strip()}` · referential `{bundle.get('version')}` · world "
             f"{args.world} (seeds « {args.split} ») · competences {', '.join(competences)} · "
             f"{args.evaluation} fresh "
             f"learners scored per engine · minimum {args.min_answers} answers per calibrated "
             f"challenge · {time.perf_counter() - started:.0f} s in one process\n\n{text}\n")
    print(block)
    if args.write:
        write_block(Path(args.write), block, args.block or args.parcours)
    return 0


def write_block(path: Path, block: str, name: str | None = None) -> None:
    """Replace, only it, the generated block ``name`` of a Markdown file (None: the block of
    the competences design), adding it at the end when the file has none: one block per design
    (competences, each parcours) or per named run (``--block``)."""
    mark_start, mark_end = MARK_START, MARK_END
    if name:
        mark_start = MARK_START.replace("calibration:", f"calibration-{name}:")
        mark_end = MARK_END.replace("calibration:", f"calibration-{name}:")
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if mark_start not in old:
        old += f"\n{mark_start}\n{mark_end}\n"
    start, end = old.index(mark_start) + len(mark_start), old.index(mark_end)
    path.write_text(old[:start] + "\n" + block + old[end:], encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
