"""Benchmarks of Diagnum's adaptive engine (standard library only).

``python -m benchmarks.engine --help``: simulated learners answer the referential's challenges
under truth models the engines never see; our engine is compared with random tests and with a
re-implementation of Pix's smart-random algorithm. See ``docs/benchmark-engine.md``.
"""

import shlex
import sys


def command_line(module: str, argv: list[str] | None) -> str:
    """The command that produced a benchmark's figures, as its documents quote it."""
    args = argv if argv is not None else sys.argv[1:]
    return f"python -m {module} " + " ".join(shlex.quote(a) for a in args)
