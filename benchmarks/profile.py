"""Several competences in one assessment: does what earlier competences showed help later ones?

People have a general ability and, per competence, an ability correlated with it (ρ ≈ 0.64).
Each takes four competences in one ``engine.Assessment``, once with the collateral prior (the
default) and once without (``competence_correlation`` 0), answering the same challenges the same
way both times. World S2 (realistic), held-out seeds.

    python -m benchmarks.profile [--people 1500] [--write docs/benchmark-engine.md]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time

import engine

from . import command_line
from .worlds import WORLDS, Simulee, build_bank

GENERAL_MEAN, GENERAL_SD, SPECIFIC_SD = 3.0, 1.6, 1.2
MARK_START, MARK_END = "<!-- profile:start -->", "<!-- profile:end -->"


def run(ref: engine.Referential, people: int, competences_per_test: int = 4) -> str:
    world = WORLDS["S2"]
    configs = {"with the collateral prior (default)": engine.EngineConfig(),
               "each competence from the population prior": dataclasses.replace(
                   engine.EngineConfig(), competence_correlation=0.0)}
    totals = {name: {"exact": 0, "within": 0, "questions": 0, "later_q": 0, "later_n": 0,
                     "n": 0} for name in configs}
    all_competences = [c.id for c in ref.competences]
    for bank_index in range(4):
        bank_rng = random.Random(f"profile:bank:{bank_index}")
        bank = build_bank(ref, all_competences, world.truth, bank_rng)
        for i in range(people // 4):
            rng = random.Random(f"profile:person:{bank_index}:{i}")
            general = rng.gauss(GENERAL_MEAN, GENERAL_SD)
            chosen = rng.sample(all_competences, competences_per_test)
            sims = {cid: Simulee(ref, cid, world, bank, rng,
                                 theta=min(9, max(-1, general + rng.gauss(0, SPECIFIC_SD))))
                    for cid in chosen}
            seed = rng.getrandbits(31)
            for name, config in configs.items():
                a = engine.Assessment.start(ref, chosen, seed=seed, config=config)
                while (ch := a.next_challenge()) is not None:
                    cid = ref.skills[ch.skill_id].competence_id
                    a.record(ch.id, sims[cid].answer(ch.id))
                result = a.result()
                t = totals[name]
                for k, cid in enumerate(chosen):
                    comp = result.competences[cid]
                    truth = sims[cid].true_level
                    t["n"] += 1
                    t["exact"] += comp.level == truth
                    t["within"] += abs(comp.level - truth) <= 1
                    t["questions"] += comp.asked
                    if k:
                        t["later_q"] += comp.asked
                        t["later_n"] += 1
    lines = ["| assessment | competence tests | exact | ±1 level | mean q per competence "
             "| mean q, competences 2–4 |", "|---|---:|---:|---:|---:|---:|"]
    for name, t in totals.items():
        lines.append(f"| {name} | {t['n']} | {t['exact'] / t['n']:.3f} | "
                     f"{t['within'] / t['n']:.3f} | {t['questions'] / t['n']:.1f} | "
                     f"{t['later_q'] / t['later_n']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("--referential", default="dist/data/referential.json")
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--write", help="replace the profile block of this Markdown file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ref = engine.load_referential(args.referential)
    table = run(ref, args.people)
    command = command_line("benchmarks.profile", argv)
    block = (f"Command: `{command.strip()}` · referential `{ref.version}` · "
             f"{args.people} people × 4 competences · {time.perf_counter() - started:.0f} s\n\n"
             f"{table}\n")
    print(block)
    if args.write:
        from pathlib import Path

        path = Path(args.write)
        text = path.read_text(encoding="utf-8")
        start, end = text.index(MARK_START) + len(MARK_START), text.index(MARK_END)
        path.write_text(text[:start] + "\n" + block + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
