"""The Pyodide benchmark's express walks in CPython, counted in machine instructions.

``benchmarks/pyodide_steps.mjs`` times the « profil express » step in Pyodide; on a shared
machine its times say little. This is the same walk (its level-3 person: the referential's own
solution to QCU and QROC challenges up to level 3, 85 times in 100, its random numbers from the
same generator, so the same answers) through the same entry point, ``engine.protocol.
handle_json``, in CPython, so that valgrind can count the instructions of a step, which no load
inflates:

    python -m benchmarks.express_steps dist --walks 2 --valgrind

prints the questions of each walk (to check that a change of the engine asks the same ones) and,
with ``--valgrind``, the instructions per answer step: the whole run minus a run that only loads
the referential and starts the walks, divided by the answers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import protocol

PROFILE = "profil-express"
LEVEL = 3


class Lcg:
    """The JavaScript benchmark's generator, with its double-precision arithmetic."""

    def __init__(self, seed: int) -> None:
        self.seed = float(seed)

    def __call__(self) -> float:
        self.seed = (self.seed * 1103515245.0 + 12345.0) % 2147483648.0
        return self.seed / 2147483648.0


def answerer(referential: dict[str, Any], level: int) -> Callable[[dict[str, Any], Lcg], Any]:
    """``levelled(level)`` of pyodide_steps.mjs: the right answer to QCU and QROC challenges up
    to ``level``, 85 times in 100; otherwise at random."""
    by_id = {c["id"]: c for c in referential["challenges"]}
    skill_level = {s["id"]: s["level"] for s in referential["skills"]}

    def answer(challenge: dict[str, Any], random: Lcg) -> Any:
        full = by_id.get(challenge["id"])
        if full and skill_level[full["skill_id"]] <= level and random() < 0.85:
            if full["type"] == "QCU":
                return _js_string(full["solution"])
            if full["type"] == "QROC":
                return full["answers"][0]
        proposals = challenge.get("proposals")
        if proposals:
            return str(1 + int(random() * len(proposals)))
        return None if random() < 0.5 else "réponse"

    return answer


def _js_string(value: Any) -> str:
    """``String(value)`` as JavaScript writes a JSON number or string."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def call(request: dict[str, Any]) -> dict[str, Any]:
    return json.loads(protocol.handle_json(json.dumps(request)))


def walk(referential: dict[str, Any], run: int, answers: bool = True) -> list[str]:
    """One express walk (seed 1000 + run), the challenge ids in the order asked; ``answers``
    False: its start alone."""
    answer = answerer(referential, LEVEL)
    random = Lcg(1000 + run)
    response = call({"type": "start", "profile": PROFILE, "seed": 1000 + run})
    asked = []
    while answers and response.get("challenge"):
        challenge = response["challenge"]
        asked.append(challenge["id"])
        response = call({"type": "answer", "state": response["state"],
                         "challenge": challenge["id"], "response": answer(challenge, random)})
        if not response.get("ok"):
            raise RuntimeError(json.dumps(response.get("error")))
    return asked


def walks(dist: Path, count: int, answers: bool = True) -> list[list[str]]:
    referential = json.loads((dist / "data" / "referential.json").read_text(encoding="utf-8"))
    call({"type": "init", "referential": referential})
    return [walk(referential, run, answers) for run in range(count)]


def instructions(argv: list[str]) -> int:
    """Instructions valgrind counts for this module run with ``argv`` (cachegrind, no cache
    simulation; a fixed hash seed so that two runs do the same work)."""
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-m", "benchmarks.express_steps", *argv],
        env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if found is None:
        raise RuntimeError(out.stderr[-2000:])
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.express_steps",
                                     description=__doc__)
    parser.add_argument("dist", nargs="?", default="dist")
    parser.add_argument("--walks", type=int, default=2)
    parser.add_argument("--starts-only", action="store_true",
                        help="load and start the walks, answer nothing (the baseline)")
    parser.add_argument("--valgrind", action="store_true",
                        help="count the instructions per answer step (runs valgrind twice)")
    args = parser.parse_args(argv)
    if args.valgrind:
        base = [args.dist, "--walks", str(args.walks)]
        full = instructions(base)
        starts = instructions([*base, "--starts-only"])
        steps = sum(len(w) for w in walks(Path(args.dist), args.walks))
        print(f"{steps} answer steps; {full:,} instructions in all, {starts:,} without the "
              f"answers: {(full - starts) / steps / 1e6:.2f} million per step")
        return 0
    done = walks(Path(args.dist), args.walks, not args.starts_only)
    for index, asked in enumerate(done):
        digest = hashlib.sha256(" ".join(asked).encode()).hexdigest()[:12]
        print(f"walk {index}: {len(asked)} questions, {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
