"""The candidate's « certification blanche » protocol inside real Pyodide (Node), from the
certification zip shipped in dist/ (the worker of the candidate's page loads the same zip)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import ROOT


def test_a_whole_session_runs_in_pyodide(built_site: Path):
    result = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_certification.mjs"), str(built_site),
         str(ROOT / "tests/engine_suite")], capture_output=True, text=True, timeout=300)
    print(result.stdout[-3000:], result.stderr[-3000:])
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1].startswith("certification ok in Python 3.14")
