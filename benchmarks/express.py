"""The « profil express »: the 16 competences in one short sitting, measured on people whose
competences are correlated.

Each simulated person has a general ability and, per competence, a deviation from it; the
correlation between two competences is general_sd² / (general_sd² + specific_sd²). The worlds
(truth of the items × population) and their seeds are below; the engine does not know the
correlation (the express mode weighs 0.3, 0.55 and 0.8 for each person, 0.55 the most a priori,
``EngineConfig.correlation_choices``), and one world has a weaker one than any of these. Every
person takes the whole parcours ``profil-express`` through the public API
(``Assessment.start(ref, profile="profil-express", seed=…)``), one process; the time per step is
the engine's CPU time (a loaded machine does not inflate it as it does wall time).

    python -m benchmarks.express [--people 200] [--write docs/benchmark-engine.md]

``--reference`` takes the same people through two references as well: the engine told every
challenge's true difficulty and discrimination, and the non-benevolent reference that knows them
(``benchmarks.reference``: the most informative question, no kindness), in the same 80
questions; with ``--write`` their table goes into its own block.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import engine
from engine.referential import Calibration

from . import command_line
from .reference import reference_config
from .worlds import HARSH, REALISTIC, Item, Population, Simulee, Truth, World, build_bank

PROFILE = "profil-express"
MARK_START, MARK_END = "<!-- express:start -->", "<!-- express:end -->"
REFERENCE_START, REFERENCE_END = "<!-- express-reference:start -->", "<!-- express-reference:end -->"
TARGET_QUESTIONS, TARGET_MEAN, TARGET_WORST = 80, 0.95, 0.92


@dataclass(frozen=True)
class ProfileWorld:
    """Item truth and a population of correlated competences."""

    name: str
    truth: Truth
    general_mean: float
    general_sd: float
    specific_sd: float
    seed: str
    about: str

    @property
    def correlation(self) -> float:
        g, s = self.general_sd ** 2, self.specific_sd ** 2
        return g / (g + s)


EXPRESS_WORLDS: tuple[ProfileWorld, ...] = (
    ProfileWorld("E1", REALISTIC, 3.0, 1.6, 1.2, "express:E1",
                 "realistic items (S2), correlation 0.64"),
    ProfileWorld("E2", REALISTIC, 3.0, 1.8, 0.8, "express:E2",
                 "realistic items (S2), strong correlation 0.84"),
    ProfileWorld("E3-weak", REALISTIC, 3.0, 1.0, 1.7, "express:E3",
                 "realistic items (S2), weak correlation 0.26 (below the engine's prior: "
                 "0.3, 0.55, 0.8)"),
    ProfileWorld("E4-harsh", HARSH, 3.0, 1.6, 1.2, "express:E4",
                 "harsh items (S3), correlation 0.64"),
)
BANKS = 2


@dataclass
class Tally:
    tests: int = 0
    questions: list[int] | None = None
    exact: dict[str, int] | None = None
    within: dict[str, int] | None = None
    counts: dict[str, int] | None = None
    step_seconds: list[float] | None = None
    predicted: dict[str, float] | None = None
    asked: dict[str, int] | None = None
    capped: dict[str, int] | None = None

    def __post_init__(self) -> None:
        self.questions, self.exact, self.within, self.counts = [], {}, {}, {}
        self.step_seconds = []
        self.predicted, self.asked, self.capped = {}, {}, {}


# Seeds: the committed evaluation people (reported) and a development split (to tune on).
SPLITS = ("eval", "dev")


def split_seed(world: ProfileWorld, split: str) -> str:
    """The seed prefix of a world's people and banks: the evaluation split keeps the committed
    seeds; the development split draws other people and other banks from the same world."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    return world.seed if split == "eval" else f"{world.seed}:dev"


def take(ref: engine.Referential, sims: dict[str, Simulee], seed: int,
         config: engine.EngineConfig | None = None) -> tuple[
        engine.AssessmentResult, int, list[float]]:
    """One person through the whole express parcours: (result, questions, the engine's CPU
    seconds for each step: an answer recorded and the next question chosen). CPU time, not wall
    time, so that a shared, loaded machine does not inflate it."""
    clock = time.process_time
    start = clock()
    assessment = engine.Assessment.start(ref, profile=PROFILE, seed=seed, config=config)
    steps = []
    while (challenge := assessment.next_challenge()) is not None:
        steps.append(clock() - start)
        cid = ref.skills[challenge.skill_id].competence_id
        correct = sims[cid].answer(challenge.id)
        start = clock()
        assessment.record(challenge.id, correct)
    steps.append(clock() - start)
    start = clock()
    result = assessment.result()
    steps[-1] += clock() - start
    return result, len(steps) - 1, steps


def told_the_truth(ref: engine.Referential, bank: dict[str, Item], truth: Truth
                   ) -> engine.Referential:
    """The referential with every challenge's true difficulty and discrimination as its
    calibration (uncertainty 0), on the engine's level scale (``Truth.on_level_scale``)."""
    challenges = {
        cid: dataclasses.replace(ch, calibration=Calibration(
            *truth.on_level_scale(bank[cid].difficulty, bank[cid].slope), 0.0))
        if cid in bank else ch for cid, ch in ref.challenges.items()}
    return engine.Referential(ref.domains, ref.competences, ref.tubes, ref.skills, challenges,
                              ref.tutorials, ref.profiles, ref.version)


def run_world(ref: engine.Referential, world: ProfileWorld, people: int, split: str = "eval",
              config: engine.EngineConfig | None = None, told: str = "") -> Tally:
    """The world's people through the express parcours. ``told``: "truth", the engine as it
    is told every challenge's true difficulty and discrimination (the benevolent reference);
    "reference", told the truth and asking the most informative question with no kindness, in
    the same 80 questions. The same people give the same answers."""
    competences = [c.id for c in ref.competences]
    tally = Tally()
    per_bank = max(1, people // BANKS)
    seed = split_seed(world, split)
    mode = config or engine.EngineConfig.for_mode(ref.profiles[PROFILE].get("engine"))
    cap = mode.max_questions
    if told == REFERENCE:
        config = reference_config(mode)
    for bank_index in range(BANKS):
        bank = build_bank(ref, competences, world.truth,
                          random.Random(f"{seed}:bank:{bank_index}"))
        asked_on = told_the_truth(ref, bank, world.truth) if told else ref
        as_world = World(world.name, "express", world.truth, Population(3.0, 2.0), "profile", "")
        for i in range(per_bank):
            rng = random.Random(f"{seed}:person:{bank_index}:{i}")
            general = rng.gauss(world.general_mean, world.general_sd)
            sims = {cid: Simulee(ref, cid, as_world, bank, rng, theta=min(
                9.0, max(-1.0, general + rng.gauss(0.0, world.specific_sd))))
                for cid in competences}
            result, asked, steps = take(asked_on, sims, rng.getrandbits(31), config)
            tally.tests += 1
            tally.questions.append(asked)
            tally.step_seconds.extend(steps)
            for cid in competences:
                found = result.competences[cid]
                level, truth = found.level, sims[cid].true_level
                tally.counts[cid] = tally.counts.get(cid, 0) + 1
                tally.exact[cid] = tally.exact.get(cid, 0) + (level == truth)
                tally.within[cid] = tally.within.get(cid, 0) + (abs(level - truth) <= 1)
                # What the engine believes of its own announcement, and where questions went.
                tally.predicted[cid] = tally.predicted.get(cid, 0.0) + sum(
                    found.level_probabilities[max(0, level - 1):level + 2])
                tally.asked[cid] = tally.asked.get(cid, 0) + found.asked
                tally.capped[cid] = tally.capped.get(cid, 0) + (found.asked >= cap)
    return tally


def summary(tally: Tally) -> dict[str, float]:
    n = sum(tally.counts.values())
    worst = min(tally.counts, key=lambda c: tally.within[c] / tally.counts[c])
    steps = sorted(tally.step_seconds)
    return {"people": tally.tests, "q_mean": sum(tally.questions) / tally.tests,
            "q_max": max(tally.questions), "exact": sum(tally.exact.values()) / n,
            "within": sum(tally.within.values()) / n,
            "worst": tally.within[worst] / tally.counts[worst], "worst_competence": worst,
            "ms_per_step": 1000 * sum(steps) / max(1, len(steps)),
            "ms_p95": 1000 * steps[min(len(steps) - 1, int(0.95 * len(steps)))],
            "ms_max": 1000 * steps[-1],
            "predicted": sum(tally.predicted.values()) / n}


def per_competence(tally: Tally) -> list[str]:
    """One line per competence: observed and predicted within-one, questions, share at the cap
    (where the questions went, and whether the engine knows how well it did)."""
    lines = []
    for cid in sorted(tally.counts, key=lambda c: tally.within[c] / tally.counts[c]):
        n = tally.counts[cid]
        lines.append(f"{cid}: within {tally.within[cid] / n:.3f} predicted "
                     f"{tally.predicted[cid] / n:.3f} exact {tally.exact[cid] / n:.3f} "
                     f"questions {tally.asked[cid] / n:.2f} at cap {tally.capped[cid] / n:.2f}")
    return lines


def _world_row(job: tuple[str | engine.Referential, ProfileWorld, int, str,
                           dict[str, Any] | None, str]) -> tuple[dict[str, float], list[str]]:
    source, world, people, split, overrides, told = job
    ref = _referential(source) if isinstance(source, str) else source
    tally = run_world(ref, world, people, split, express_config(ref, overrides), told)
    return summary(tally), per_competence(tally)


# What the references are told and do (rows « <world> truth » and « <world> reference »).
TRUTH, REFERENCE = "truth", "reference"
TOLD_ABOUT = {
    TRUTH: "the engine as it is, told every challenge's true difficulty and discrimination",
    REFERENCE: "the reference: told the truth too, the most informative question, no kindness "
               "(no floor, no gentle start, no tube rule), same 80 questions"}


_REFERENTIALS: dict[str, engine.Referential] = {}


def _referential(path: str) -> engine.Referential:
    if path not in _REFERENTIALS:
        _REFERENTIALS[path] = engine.load_referential(path)
    return _REFERENTIALS[path]


def express_config(ref: engine.Referential, overrides: dict[str, Any] | None
                   ) -> engine.EngineConfig | None:
    """The parcours's own engine mode, with these fields changed (None: the mode as it is)."""
    if not overrides:
        return None
    mode = engine.EngineConfig.for_mode(ref.profiles[PROFILE].get("engine"))
    return engine.EngineConfig.from_dict({**mode.to_dict(), **overrides})


def run(ref: str | engine.Referential, people: int,
        worlds: Sequence[ProfileWorld] = EXPRESS_WORLDS, split: str = "eval",
        overrides: dict[str, Any] | None = None, jobs: int = 1, reference: bool = False
        ) -> tuple[str, dict[str, dict[str, float]], dict[str, list[str]]]:
    """The table of the worlds, the summaries and the per-competence details; ``ref``: the
    referential or its path (a path lets ``jobs`` processes run worlds at once); ``reference``:
    each world's people through both references too (rows « <world> truth » and « <world>
    reference »: the engine told the truth, and the non-benevolent reference)."""
    kinds = ("", TRUTH, REFERENCE) if reference else ("",)
    # The slow reference first, so that parallel jobs end together.
    runs = [(w, told) for told in sorted(kinds, key=lambda k: k != REFERENCE) for w in worlds]
    tasks = [(ref, w, people, split, overrides, told) for w, told in runs]
    if jobs > 1 and isinstance(ref, str):
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = list(pool.map(_world_row, tasks))
    else:
        done = [_world_row(t) for t in tasks]
    names = [f"{w.name} {told}" if told else w.name for w, told in runs]
    rows = {name: row for name, (row, _) in zip(names, done, strict=True)}
    details = {name: lines for name, (_, lines) in zip(names, done, strict=True)}
    lines = ["| world | correlation | people | questions mean | max | exact | within one "
             "| worst competence (within one) | engine's own expected within one | targets "
             "| CPU ms per step (CPython): mean / 95th percentile / max |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|"]
    for w in worlds:
        for name, about in ((w.name, f"{w.name}: {w.about}"),
                            *((f"{w.name} {k}", f"{w.name}, {TOLD_ABOUT[k]}") for k in kinds[1:])):
            if name not in rows:
                continue
            r = rows[name]
            ok = (r["q_max"] <= TARGET_QUESTIONS and r["within"] >= TARGET_MEAN
                  and r["worst"] >= TARGET_WORST)
            lines.append(f"| {about} | {w.correlation:.2f} | {r['people']} | "
                         f"{r['q_mean']:.1f} | {r['q_max']} | {r['exact']:.3f} | "
                         f"{r['within']:.3f} | {r['worst']:.3f} ({r['worst_competence']}) | "
                         f"{r['predicted']:.3f} | {'met' if ok else '**not met**'} | "
                         f"{r['ms_per_step']:.1f} / {r['ms_p95']:.1f} / {r['ms_max']:.1f} |")
    return "\n".join(lines), rows, details


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.express", description=__doc__)
    parser.add_argument("--referential", default="dist/data/referential.json")
    parser.add_argument("--people", type=int, default=200, help="per world")
    parser.add_argument("--split", choices=SPLITS, default="eval",
                        help="eval: the committed people (reported); dev: others, to tune on")
    parser.add_argument("--worlds", help="comma-separated world names (default: all)")
    parser.add_argument("--config", help="JSON fields changed in the express mode (tuning)")
    parser.add_argument("--jobs", type=int, default=1, help="worlds run at once")
    parser.add_argument("--details", action="store_true", help="print each competence's line")
    parser.add_argument("--reference", action="store_true",
                        help="the same people through the engine told the truth, and through "
                             "the non-benevolent reference that knows it, too")
    parser.add_argument("--write", help="replace the express block of this Markdown file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ref = _referential(args.referential)
    worlds = [w for w in EXPRESS_WORLDS
              if not args.worlds or w.name in args.worlds.split(",")]
    overrides = json.loads(args.config) if args.config else None
    if args.write and (args.split != "eval" or overrides):
        parser.error("--write reports the evaluation split of the express mode as it is")
    table, _, details = run(args.referential, args.people, worlds, args.split, overrides,
                            args.jobs, args.reference)
    command = command_line("benchmarks.express", argv)
    block = (f"Command: `{command.strip()}` · referential `{ref.version}` · {args.people} people "
             f"per world ({BANKS} item banks each), {args.split} split, on a shared, loaded "
             f"machine · {time.perf_counter() - started:.0f} s · targets: at most "
             f"{TARGET_QUESTIONS} questions, within one ≥ {TARGET_MEAN} on average and ≥ "
             f"{TARGET_WORST} in the worst competence\n\n{table}\n")
    if args.details:
        for name, lines in details.items():
            print(f"{name}:\n  " + "\n  ".join(lines))
    print(block)
    if args.write:
        from pathlib import Path

        path = Path(args.write)
        text = path.read_text(encoding="utf-8")
        # The references' rows have their own block (fewer people: the reference is slow).
        marks = (REFERENCE_START, REFERENCE_END) if args.reference else (MARK_START, MARK_END)
        if marks[0] not in text:
            text += ("\n## The « profil express »: 16 competences in at most 80 questions\n\n"
                     f"{marks[0]}\n{marks[1]}\n")
        start, end = text.index(marks[0]) + len(marks[0]), text.index(marks[1])
        path.write_text(text[:start] + "\n" + block + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
