"""The Pyodide benchmark's express walks in CPython, counted in machine instructions.

``benchmarks/pyodide_steps.mjs`` times the « profil express » step in Pyodide; on a shared
machine its times say little. This is the same walk (its level-3 person: the referential's own
solution to single-choice and one-field typed challenges up to level 3, 85 times in 100, its
random numbers from the same generator, so the same answers) through the same entry point,
``engine.protocol.handle_json``, in CPython, so that valgrind can count the instructions of a
step, which no load inflates:

    python -m benchmarks.express_steps dist --walks 2 --valgrind

prints the questions of each walk (to check that a change of the engine asks the same ones) and,
with ``--valgrind``, the instructions per answer step spent in the worker's entry point: the whole
run minus a run that loads the referential, starts the walks and does the client's side of every
step alone (parsing the engine's recorded answers, writing the next requests), divided by the
answers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
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
    """``levelled(level)`` of pyodide_steps.mjs: the right answer to single-choice and one-field
    typed challenges up to ``level``, 85 times in 100; otherwise at random. (Told apart by their
    records' shape, as type names belong to engine/types: a single solution, or a list of
    accepted answers.)"""
    by_id = {c["id"]: c for c in referential["challenges"]}
    skill_level = {s["id"]: s["level"] for s in referential["skills"]}

    def answer(challenge: dict[str, Any], random: Lcg) -> Any:
        full = by_id.get(challenge["id"])
        if full and skill_level[full["skill_id"]] <= level and random() < 0.85:
            if isinstance(full.get("solution"), int):
                return _js_string(full["solution"])
            if isinstance(full.get("answers"), list) and full["answers"]:
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


def call(request: dict[str, Any], transcript: list[str] | None = None) -> dict[str, Any]:
    """One request through the worker's entry point (``transcript``: its answer kept)."""
    answer = protocol.handle_json(json.dumps(request))
    if transcript is not None:
        transcript.append(answer)
    return json.loads(answer)


def walk(referential: dict[str, Any], run: int, answers: bool = True,
         transcript: list[str] | None = None) -> list[str]:
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
                         "challenge": challenge["id"], "response": answer(challenge, random)},
                        transcript)
        if not response.get("ok"):
            raise RuntimeError(json.dumps(response.get("error")))
    return asked


def client_side(referential: dict[str, Any], run: int, answers: list[str]) -> None:
    """What the walk does around the engine, on the answers it got (the baseline that is
    subtracted): the start, then each answer parsed and the next request written."""
    answer = answerer(referential, LEVEL)
    random = Lcg(1000 + run)
    response = call({"type": "start", "profile": PROFILE, "seed": 1000 + run})
    for text in answers:
        challenge = response["challenge"]
        json.dumps({"type": "answer", "state": response["state"], "challenge": challenge["id"],
                    "response": answer(challenge, random)})
        response = json.loads(text)


def walks(dist: Path, count: int, answers: bool = True, transcript: Path | None = None,
          client: bool = False) -> list[list[str]]:
    """The walks (``transcript``: the file of the engine's answers, written, or with
    ``client``, read to do only the client's side of each step)."""
    referential = json.loads((dist / "data" / "referential.json").read_text(encoding="utf-8"))
    call({"type": "init", "referential": referential})
    kept = (transcript.read_text(encoding="utf-8").split("\n\n")
            if transcript is not None and transcript.exists() else None)
    if client:
        if kept is None:
            raise SystemExit("--client needs the transcript of a full run")
        starts = [i for i, text in enumerate(kept) if text == ""] + [len(kept)]
        for run in range(count):
            client_side(referential, run, kept[starts[run] + 1:starts[run + 1]])
        return []
    done = []
    written: list[str] = []
    for run in range(count):
        written.append("")
        done.append(walk(referential, run, answers, written))
    if transcript is not None and kept is None:
        transcript.write_text("\n\n".join(written), encoding="utf-8")
    return done


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
    parser.add_argument("--transcript", type=Path,
                        help="the engine's answers: written by a first run, read by the others")
    parser.add_argument("--client", action="store_true",
                        help="only the client's side of each step, from --transcript (baseline)")
    parser.add_argument("--valgrind", action="store_true",
                        help="count the instructions per answer step (runs valgrind twice)")
    args = parser.parse_args(argv)
    if args.valgrind:
        with tempfile.TemporaryDirectory() as folder:
            transcript = Path(folder) / "transcript.txt"
            steps = sum(len(w) for w in walks(Path(args.dist), args.walks, True, transcript))
            base = [args.dist, "--walks", str(args.walks), "--transcript", str(transcript)]
            full = instructions(base)
            client = instructions([*base, "--client"])
        print(f"{steps} answer steps; {full:,} instructions in all, {client:,} for the start, "
              f"the referential and the client's side alone: {(full - client) / steps / 1e6:.2f} "
              "million per step in the engine's worker entry point")
        return 0
    done = walks(Path(args.dist), args.walks, True, args.transcript, args.client)
    for index, asked in enumerate(done):
        digest = hashlib.sha256(" ".join(asked).encode()).hexdigest()[:12]
        print(f"walk {index}: {len(asked)} questions, {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
