"""Simulation benchmark of the adaptive engine against random tests and Pix's smart-random.

Every simulee takes one competence; all engines meet the same person, who gives the same answer
to the same challenge (common random numbers), so differences between engines are paired.
The truth (``worlds``) is hidden from the engines: they see only the referential.

    python -m benchmarks.engine --synthetic --quick          # smoke test, a few seconds
    python -m benchmarks.engine --split dev --config strict='{"stop_confidence": 0.8}'
    python -m benchmarks.engine --split test --write docs/benchmark-engine.md

Tune with ``--split dev`` (tuning worlds S1–S3, dev seeds); report with ``--split test``
(disjoint seeds, and S5 and the two populations that tuning never sees).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import multiprocessing
import os
import platform
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import engine

from . import command_line, synthetic
from .pix import SmartRandom, pix_level, playable_skills
from .worlds import TUNING_WORLDS, WORLDS, Simulee, build_bank

DEFAULT_REFERENTIAL = "dist/data/referential.json"
PIX_ROW = "Pix smart-random · Pix scoring"
OURS = "ours"
AT_PIX_LENGTH = "ours · at Pix's length"
START_QUESTIONS, START_LEVELS = 5, (0, 1, 2)
MARK_START, MARK_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
Answers = list[tuple[engine.Challenge, bool]]


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to replay its share of the run."""

    referential: str | None          # a path, or None for the synthetic referential
    split: str
    worlds: tuple[str, ...]
    simulees: int                    # per world, over all banks
    world_seeds: int
    competences: tuple[str, ...]
    random_lengths: tuple[int, ...]  # 0 = every skill once (what the bank allows at best)
    configs: dict[str, engine.EngineConfig] = field(default_factory=dict)
    baselines: bool = True           # random tests and Pix (off: only ours, to tune faster)


# ----------------------------------------------------------------------------- engines
def eap_level(ref: engine.Referential, competence_id: str, answers: Answers,
              config: engine.EngineConfig) -> int:
    """Our scoring (the engine's estimator) applied to answers chosen by another engine."""
    estimator = config.parts.estimator
    post = estimator.posterior(((ref.skills[c.skill_id].level, c, correct)
                                for c, correct in answers), config.prior_mean, config.prior_sd)
    return estimator.level(post, ref.max_level(competence_id))


def run_random(ref: engine.Referential, sim: Simulee, length: int,
               seed: int) -> tuple[dict[str, int], Answers, float]:
    """Distinct skills drawn at random, a random variant of each; scored by EAP and by Pix."""
    cid = sim.competence_id
    start = time.perf_counter()
    rng = random.Random(f"random:{seed}")
    skills = playable_skills(ref, cid)
    answers = []
    for skill in rng.sample(skills, min(length or len(skills), len(skills))):
        challenge = rng.choice(ref.challenges_by_skill[skill.id])
        answers.append((challenge, sim.answer(challenge.id)))
    levels = {"EAP": eap_level(ref, cid, answers, engine.EngineConfig()),
              "Pix scoring": pix_level(ref, cid, answers)}
    return levels, answers, time.perf_counter() - start


def run_pix(ref: engine.Referential, sim: Simulee,
            seed: int) -> tuple[dict[str, int], Answers, float]:
    cid = sim.competence_id
    spent = 0.0
    answers: Answers = []
    start = time.perf_counter()
    pix = SmartRandom(ref, cid, seed)
    while (challenge := pix.next_challenge()) is not None:
        spent += time.perf_counter() - start
        correct = sim.answer(challenge.id)
        start = time.perf_counter()
        pix.record(challenge, correct)
        answers.append((challenge, correct))
    level = pix.level()
    spent += time.perf_counter() - start
    return ({"Pix scoring": level, "EAP (ablation)": eap_level(ref, cid, answers,
                                                              engine.EngineConfig())},
            answers, spent)


def run_ours(ref: engine.Referential, sim: Simulee, seed: int,
             config: engine.EngineConfig) -> tuple[int, Answers, float]:
    cid = sim.competence_id
    answers: Answers = []
    start = time.perf_counter()
    assessment = engine.Assessment.start(ref, competences=[cid], seed=seed, config=config)
    spent = 0.0
    while (challenge := assessment.next_challenge()) is not None:
        spent += time.perf_counter() - start
        correct = sim.answer(challenge.id)
        start = time.perf_counter()
        assessment.record(challenge.id, correct)
        answers.append((challenge, correct))
    spent += time.perf_counter() - start
    return assessment.result().competences[cid].level, answers, spent


# ----------------------------------------------------------------------------- simulation
_REF: engine.Referential | None = None
_SETTINGS: Settings | None = None


def load(referential: str | None) -> engine.Referential:
    return engine.load_referential(referential or synthetic.generate(0))


def _init(settings: Settings) -> None:
    global _REF, _SETTINGS
    _REF, _SETTINGS = load(settings.referential), settings


class Record(NamedTuple):
    """One simulated test, reduced to what the metrics need."""

    world: str
    row: str                 # engine (and scoring) name
    bank: int
    competence: str
    truth: int               # true level
    level: int               # estimated level
    questions: int
    sum_p: float             # sum of the true P(success) of the questions asked
    after_failure: int       # questions asked right after a failure...
    hard_after_failure: int  # ...of which the person was more likely to fail
    asked: tuple[str, ...]
    seconds: float           # engine time
    # The start: (skill level, P(success) predicted by the engine's model, true P(success)) of
    # the first questions, and the largest step up in level right after a right answer.
    start: tuple[tuple[int, float, float], ...] = ()
    step_up: int = 0


def _record(world: str, row: str, bank: int, sim: Simulee, level: int, answers: Answers,
            seconds: float, ref: engine.Referential,
            config: engine.EngineConfig | None = None) -> Record:
    after = hard = step_up = 0
    levels = [ref.skills[c.skill_id].level for c, _ in answers]
    for i, ((_, was_right), (challenge, _)) in enumerate(itertools.pairwise(answers)):
        if not was_right:
            after += 1
            hard += sim.p[challenge.id] < 0.5
        else:
            step_up = max(step_up, levels[i + 1] - levels[i])
    return Record(world, row, bank, sim.competence_id, sim.true_level, level, len(answers),
                  sum(sim.p[c.id] for c, _ in answers), after, hard,
                  tuple(c.id for c, _ in answers), seconds,
                  start_of(answers, levels, sim, config), step_up)


def start_of(answers: Answers, levels: list[int], sim: Simulee,
             config: engine.EngineConfig | None) -> tuple[tuple[int, float, float], ...]:
    """The first questions: level, the engine's predicted success (NaN for other engines, whose
    model differs), and the person's true probability of success."""
    out = []
    if config is not None:
        estimator = config.parts.estimator
        post = estimator.prior(config.prior_mean, config.prior_sd)
    for i, (challenge, correct) in enumerate(answers[:START_QUESTIONS]):
        predicted = math.nan
        if config is not None:
            predicted = estimator.predict(post, levels[i], challenge)
            post = estimator.update(post, levels[i], challenge, correct)
        out.append((levels[i], predicted, sim.p[challenge.id]))
    return tuple(out)


def simulate(job: tuple[str, int, int, int]) -> list[Record]:
    """Simulees ``start..stop`` of one bank of one world, through every engine."""
    world_name, bank_index, start, stop = job
    ref, settings = _REF, _SETTINGS
    assert ref is not None and settings is not None
    world = WORLDS[world_name]
    bank_rng = random.Random(f"{settings.split}:bank:{world.bank}:{bank_index}")
    bank = build_bank(ref, list(settings.competences), world.truth, bank_rng)
    out: list[Record] = []
    for i in range(start, stop):
        rng = random.Random(f"{settings.split}:simulee:{world_name}:{bank_index}:{i}")
        cid = settings.competences[i % len(settings.competences)]
        sim = Simulee(ref, cid, world, bank, rng)
        seed = rng.getrandbits(31)
        for name, config in settings.configs.items():
            level, answers, spent = run_ours(ref, sim, seed, config)
            out.append(_record(world_name, name, bank_index, sim, level, answers, spent, ref,
                               config))
        if not settings.baselines:
            continue
        for length in settings.random_lengths:
            levels, answers, spent = run_random(ref, sim, length, seed)
            for scoring, level in levels.items():
                out.append(_record(world_name, f"{_random_name(length)} · {scoring}", bank_index,
                                   sim, level, answers, spent, ref))
        levels, answers, spent = run_pix(ref, sim, seed)
        for scoring, level in levels.items():
            out.append(_record(world_name, f"Pix smart-random · {scoring}", bank_index, sim,
                               level, answers, spent, ref))
        # Ours, never asking this person more questions than Pix asked them (paired lengths).
        default = settings.configs[OURS]
        capped = dataclasses.replace(default, max_questions=len(answers),
                                     min_questions=min(default.min_questions, len(answers)))
        level, answers, spent = run_ours(ref, sim, seed, capped)
        out.append(_record(world_name, AT_PIX_LENGTH, bank_index, sim, level, answers, spent,
                           ref, capped))
    return out


def _random_name(length: int) -> str:
    return f"random-{length}" if length else "every skill"


def jobs(settings: Settings, chunk: int = 25) -> list[tuple[str, int, int, int]]:
    per_bank = math.ceil(settings.simulees / settings.world_seeds)
    return [(w, b, s, min(s + chunk, per_bank)) for w in settings.worlds
            for b in range(settings.world_seeds) for s in range(0, per_bank, chunk)]


def run(settings: Settings, workers: int) -> list[Record]:
    todo = jobs(settings)
    if workers <= 1:
        _init(settings)
        return [r for job in todo for r in simulate(job)]
    with multiprocessing.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        return [r for part in pool.imap_unordered(simulate, todo) for r in part]


# ----------------------------------------------------------------------------- metrics
@dataclass
class Stats:
    tests: int = 0
    exact: int = 0
    within: int = 0
    lengths: list[int] = field(default_factory=list)
    sum_p: float = 0.0
    after: int = 0
    hard: int = 0
    seconds: float = 0.0
    bank_exact: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    seen: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    takers: Counter[str] = field(default_factory=Counter)

    def add(self, r: Record) -> None:
        hit = r.level == r.truth
        self.tests += 1
        self.exact += hit
        self.within += abs(r.level - r.truth) <= 1
        self.lengths.append(r.questions)
        self.sum_p += r.sum_p
        self.after += r.after_failure
        self.hard += r.hard_after_failure
        self.seconds += r.seconds
        self.bank_exact[r.bank][0] += hit
        self.bank_exact[r.bank][1] += 1
        self.seen[r.competence].update(r.asked)
        self.takers[r.competence] += 1

    def rate(self, k: int) -> float:
        return k / self.tests if self.tests else 0.0

    def ci(self, k: int) -> float:
        p = self.rate(k)
        return 1.96 * math.sqrt(p * (1 - p) / self.tests) if self.tests else 0.0

    @property
    def mean_length(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @property
    def p90_length(self) -> int:
        ordered = sorted(self.lengths)
        return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)] if ordered else 0

    @property
    def mean_p(self) -> float:
        total = sum(self.lengths)
        return self.sum_p / total if total else 0.0

    @property
    def hard_after_failure(self) -> float:
        return self.hard / self.after if self.after else 0.0

    @property
    def bank_sd(self) -> float:
        rates = [k / n for k, n in self.bank_exact.values() if n]
        if len(rates) < 2:
            return 0.0
        mean = sum(rates) / len(rates)
        return math.sqrt(sum((r - mean) ** 2 for r in rates) / (len(rates) - 1))

    @property
    def max_exposure(self) -> float:
        return max((n / self.takers[cid] for cid, seen in self.seen.items()
                    for n in seen.values()), default=0.0)

    @property
    def ms_per_step(self) -> float:
        steps = sum(self.lengths)
        return 1000 * self.seconds / steps if steps else 0.0


def aggregate(records: Iterable[Record]) -> dict[tuple[str, str], Stats]:
    stats: dict[tuple[str, str], Stats] = defaultdict(Stats)
    for r in records:
        stats[r.world, r.row].add(r)
    return stats


# ----------------------------------------------------------------------------- report
def _row_order(settings: Settings) -> list[str]:
    rows = []
    for length in settings.random_lengths:
        rows += [f"{_random_name(length)} · EAP", f"{_random_name(length)} · Pix scoring"]
    return [*rows, PIX_ROW, "Pix smart-random · EAP (ablation)", AT_PIX_LENGTH, *settings.configs]


def main_table(settings: Settings, stats: dict[tuple[str, str], Stats]) -> list[str]:
    lines = ["| world | population | engine | tests | exact | ±95 % | bank sd | ±1 level "
             "| mean q | p90 q | P(success) | hard after fail | max exposure | ms/step |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for w in settings.worlds:
        for row in _row_order(settings):
            s = stats.get((w, row))
            if s is None:
                continue
            label = f"**{row}**" if row.startswith(OURS) else row
            lines.append(
                f"| {w} | {WORLDS[w].population_name} | {label} | {s.tests} "
                f"| {s.rate(s.exact):.3f} | {s.ci(s.exact):.3f} | {s.bank_sd:.3f} "
                f"| {s.rate(s.within):.3f} | {s.mean_length:.1f} | {s.p90_length} "
                f"| {s.mean_p:.2f} | {s.hard_after_failure:.2f} | {s.max_exposure:.2f} "
                f"| {s.ms_per_step:.2f} |")
    return lines


def targets(settings: Settings, stats: dict[tuple[str, str], Stats]) -> list[str]:
    """The issue's targets, in the realistic world S2 (one line per configuration of ours)."""
    pix = stats.get(("S2", PIX_ROW))
    if pix is None:
        return []
    short = stats[("S2", AT_PIX_LENGTH)]
    lines = ["| configuration | ±1 ≥ 0.97 | exact ≥ 0.62 | mean q ≤ 15 | P(success) ≥ 0.55 "
             "| exact > Pix, at ≤ Pix's questions (same people) |", "|---|---|---|---|---|---|"]
    for name in settings.configs:
        s = stats[("S2", name)]
        checks = [(s.rate(s.within) >= 0.97, f"{s.rate(s.within):.3f}"),
                  (s.rate(s.exact) >= 0.62, f"{s.rate(s.exact):.3f}"),
                  (s.mean_length <= 15, f"{s.mean_length:.1f}"),
                  (s.mean_p >= 0.55, f"{s.mean_p:.2f}")]
        if name == OURS:
            checks.append((short.rate(short.exact) > pix.rate(pix.exact)
                           and short.mean_length <= pix.mean_length,
                           f"{short.rate(short.exact):.3f} in {short.mean_length:.1f} q vs "
                           f"{pix.rate(pix.exact):.3f} in {pix.mean_length:.1f} q"))
        else:
            checks.append((True, "(see ours)"))
        cells = " | ".join(f"{'✅' if ok else '❌'} {text}" for ok, text in checks)
        lines.append(f"| {name} | {cells} |")
    return lines


def confusion(records: list[Record], world: str, row: str) -> list[str]:
    """Ours in one world, per true level: where the errors are."""
    by_level: dict[int, list[Record]] = defaultdict(list)
    for r in records:
        if r.world == world and r.row == row:
            by_level[r.truth].append(r)
    lines = ["| true level | tests | exact | ±1 level | ≤ −2 | −1 | 0 | +1 | ≥ +2 | mean q |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for level in sorted(by_level):
        rs = by_level[level]
        diffs = Counter(max(-2, min(2, r.level - r.truth)) for r in rs)
        share = [f"{diffs[d] / len(rs):.2f}" for d in (-2, -1, 0, 1, 2)]
        within = sum(diffs[d] for d in (-1, 0, 1)) / len(rs)
        lines.append(f"| {level} | {len(rs)} | {diffs[0] / len(rs):.3f} | {within:.3f} | "
                     + " | ".join(share) + f" | {sum(r.questions for r in rs) / len(rs):.1f} |")
    return lines


def start_table(records: list[Record], world: str, rows: list[str]) -> list[str]:
    """The start of a test for beginners: per true level 0–2, predicted / true P(success) of
    each of the first questions, and the largest step up in level after a right answer (per
    test, over the whole test; mean and worst)."""
    head = " | ".join(f"q{k + 1}" for k in range(START_QUESTIONS))
    lines = [f"| engine | true level | tests | {head} | step up after a success: mean | worst "
             "| share ≥ 2 |", "|---|---:|---:|" + "---:|" * (START_QUESTIONS + 3)]
    for row in rows:
        for truth in START_LEVELS:
            rs = [r for r in records if r.world == world and r.row == row and r.truth == truth]
            if not rs:
                continue
            cells = []
            for k in range(START_QUESTIONS):
                at = [r.start[k] for r in rs if len(r.start) > k]
                if not at:
                    cells.append("–")
                    continue
                predicted = [p for _, p, _ in at if not math.isnan(p)]
                true_p = sum(t for _, _, t in at) / len(at)
                level = sum(lv for lv, _, _ in at) / len(at)
                shown = f"{sum(predicted) / len(predicted):.2f} / " if predicted else ""
                cells.append(f"{shown}{true_p:.2f} (L{level:.1f})")
            steps = [r.step_up for r in rs]
            lines.append(f"| {row} | {truth} | {len(rs)} | " + " | ".join(cells)
                         + f" | {sum(steps) / len(steps):.2f} | {max(steps)} "
                         f"| {sum(s >= 2 for s in steps) / len(steps):.2f} |")
    return lines


def per_competence(records: list[Record], world: str, rows: list[str]) -> list[str]:
    lines = ["| engine | competence | tests | exact | ±1 level | mean q |",
             "|---|---|---:|---:|---:|---:|"]
    for row in rows:
        groups: dict[str, list[Record]] = defaultdict(list)
        for r in records:
            if r.world == world and r.row == row:
                groups[r.competence].append(r)
        for cid in sorted(groups):
            rs = groups[cid]
            lines.append(f"| {row} | {cid} | {len(rs)} "
                         f"| {sum(r.level == r.truth for r in rs) / len(rs):.3f} "
                         f"| {sum(abs(r.level - r.truth) <= 1 for r in rs) / len(rs):.3f} "
                         f"| {sum(r.questions for r in rs) / len(rs):.1f} |")
    return lines


def report(settings: Settings, records: list[Record], command: str, elapsed: float,
           ref: engine.Referential) -> str:
    stats = aggregate(records)
    comps = settings.competences
    skills = [s for c in comps for s in playable_skills(ref, c)]
    challenges = sum(len(ref.challenges_by_skill[s.id]) for s in skills)
    tubes = {s.tube_id for s in skills}
    out = [
        f"Command: `{command}`",
        "",
        f"Date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC · Python {platform.python_version()} · "
        f"{elapsed:.0f} s · referential `{ref.version or '?'}` "
        f"({'synthetic' if settings.referential is None else settings.referential}) · "
        f"competences {', '.join(comps)}: {len(tubes)} tubes, {len(skills)} skills, "
        f"{challenges} challenges · split `{settings.split}` · {settings.world_seeds} banks × "
        f"{math.ceil(settings.simulees / settings.world_seeds)} simulees per world.",
        "",
        *[f"- `{name}`: `{json.dumps(_diff(cfg))}`" for name, cfg in settings.configs.items()
          if name != OURS],
        "",
        *main_table(settings, stats),
        "",
    ]
    if target_lines := targets(settings, stats):
        out += ["Targets, realistic world S2 (per competence):", "", *target_lines, ""]
    if "S2" in settings.worlds:
        out += ["Ours in S2 by true level (share of estimate − truth):", "",
                *confusion(records, "S2", OURS), "",
                "The start for beginners, S2: each of the first questions as predicted P(success) "
                "by the engine / true P(success) (mean skill level); then the largest step up "
                "in level right after a right answer, per test:", "",
                *start_table(records, "S2", [PIX_ROW, *settings.configs]), "",
                "S2 by competence:", "",
                *per_competence(records, "S2", [PIX_ROW, *settings.configs]), ""]
    return "\n".join(out)


def _diff(config: engine.EngineConfig) -> dict[str, Any]:
    """Only what a named configuration changes from the default."""
    base, mine = engine.EngineConfig().to_dict(), config.to_dict()
    out: dict[str, Any] = {}
    for key, value in mine.items():
        if isinstance(value, dict):
            inner = {k: v for k, v in value.items() if base[key].get(k) != v}
            if inner:
                out[key] = inner
        elif base[key] != value and not (isinstance(value, tuple) and list(value) == base[key]):
            out[key] = value
    return out


def write_doc(path: Path, block: str) -> None:
    """Replace the generated block of the document (or create a minimal document)."""
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Engine benchmark\n\n" + MARK_START + "\n" + MARK_END + "\n")
    if MARK_START not in text or MARK_END not in text:
        text += "\n" + MARK_START + "\n" + MARK_END + "\n"
    head, rest = text.split(MARK_START, 1)
    tail = rest.split(MARK_END, 1)[1]
    path.write_text(f"{head}{MARK_START}\n{block}\n{MARK_END}{tail}", encoding="utf-8")


# ----------------------------------------------------------------------------- command line
def pick_competences(ref: engine.Referential, spec: str) -> tuple[str, ...]:
    """``all``, a count (evenly spaced among competences with content) or a list of ids."""
    available = [c.id for c in ref.competences if playable_skills(ref, c.id)]
    if spec == "all":
        return tuple(available)
    if spec.isdigit():
        k = min(int(spec), len(available))
        if k <= 1:
            return tuple(available[:k])
        return tuple(available[round(i * (len(available) - 1) / (k - 1))] for i in range(k))
    wanted = tuple(c.strip() for c in spec.split(",") if c.strip())
    if missing := [c for c in wanted if c not in available]:
        raise SystemExit(f"competences without content or unknown: {', '.join(missing)}")
    return wanted


def parse_config(text: str) -> tuple[str, engine.EngineConfig]:
    name, _, raw = text.partition("=")
    if not name or not raw:
        raise argparse.ArgumentTypeError("expected name=JSON")
    try:
        return f"{OURS}:{name}", engine.EngineConfig.from_dict(json.loads(raw))
    except (ValueError, TypeError) as exc:
        raise argparse.ArgumentTypeError(f"bad configuration {name}: {exc}") from exc


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.engine",
        description="Simulation benchmark: our engine vs random tests vs Pix's smart-random.")
    parser.add_argument("--referential", default=DEFAULT_REFERENTIAL,
                        help=f"referential bundle (default {DEFAULT_REFERENTIAL})")
    parser.add_argument("--synthetic", action="store_true",
                        help="use the synthetic referential (benchmarks/synthetic.py)")
    parser.add_argument("--split", choices=("dev", "test"), default="dev",
                        help="dev: tuning seeds and worlds; test: held-out seeds, all worlds")
    parser.add_argument("--worlds", help=f"comma list among {', '.join(WORLDS)} "
                        f"(default: {', '.join(TUNING_WORLDS)} for dev, all for test)")
    parser.add_argument("--simulees", type=int, default=4000, help="per world (default 4000)")
    parser.add_argument("--world-seeds", type=int, default=4,
                        help="independently generated banks per world (default 4)")
    parser.add_argument("--competences", default="8",
                        help="'all', a count spread over the framework, or ids (default 8)")
    parser.add_argument("--random-length", default="15,all",
                        help="length(s) of the random baseline, comma list; 'all' asks every "
                        "skill once, the ceiling of any selection (default 15,all)")
    parser.add_argument("--config", action="append", type=parse_config, default=[],
                        metavar="NAME=JSON",
                        help="a variant of ours, EngineConfig fields as JSON (repeatable)")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="processes (default 2; engine time is measured inside each)")
    parser.add_argument("--no-baselines", action="store_true",
                        help="only our configurations (faster, to tune; no targets table)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: every world, 2 competences, 2 banks, 60 simulees")
    parser.add_argument("--write", type=Path, metavar="PATH",
                        help="also write the tables into this Markdown file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    referential = None if args.synthetic else args.referential
    if referential is not None and not Path(referential).exists():
        raise SystemExit(f"{referential} not found: build the site first, or use --synthetic")
    ref = load(referential)
    if args.quick:
        args.simulees, args.world_seeds, args.competences = 60, 2, "2"
    worlds = tuple(w.strip() for w in args.worlds.split(",")) if args.worlds else (
        TUNING_WORLDS if args.split == "dev" and not args.quick else tuple(WORLDS))
    if unknown := [w for w in worlds if w not in WORLDS]:
        raise SystemExit(f"unknown worlds: {', '.join(unknown)}")
    settings = Settings(
        referential=referential, split=args.split, worlds=worlds, simulees=args.simulees,
        world_seeds=max(1, args.world_seeds), competences=pick_competences(ref, args.competences),
        random_lengths=tuple(0 if n == "all" else int(n) for n in args.random_length.split(",")),
        configs={OURS: engine.EngineConfig(), **dict(args.config)},
        baselines=not args.no_baselines)
    started = time.perf_counter()
    records = run(settings, args.workers)
    elapsed = time.perf_counter() - started
    command = command_line("benchmarks.engine", argv)
    block = report(settings, records, command.strip(), elapsed, ref)
    print(block)
    if args.write:
        write_doc(args.write, block)
    return 0


if __name__ == "__main__":
    # Run the importable copy, so that worker processes pickle ``benchmarks.engine.*`` names
    # (needed with the "spawn" start method of macOS and Windows).
    from benchmarks.engine import main as run_main

    raise SystemExit(run_main())
