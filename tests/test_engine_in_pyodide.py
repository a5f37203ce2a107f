"""The engine suite inside real Pyodide (Node), against the runtime and zip shipped in dist/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import ROOT


def test_engine_suite_passes_in_pyodide(built_site: Path):
    result = subprocess.run(
        ["node", str(ROOT / "tests/pyodide/run_engine_tests.mjs"), str(built_site),
         str(ROOT / "tests/engine_suite")], capture_output=True, text=True, timeout=300)
    print(result.stdout[-3000:], result.stderr[-3000:])
    assert result.returncode == 0
    last = result.stdout.strip().splitlines()[-1]
    passed, failed = (int(part.split()[0]) for part in last.split(", "))
    assert failed == 0 and passed >= 20, last
    assert "Python 3.14" in result.stdout


def test_the_stdlib_shipped_is_the_trimmed_one(built_site: Path):
    """The suite above ran against this zip: proof that the trimmed library is enough."""
    import zipfile

    stdlib = next((built_site / "pyodide").iterdir()) / "python_stdlib.zip"
    with zipfile.ZipFile(stdlib) as zf:
        names = set(zf.namelist())
    assert "json/__init__.pyc" in names and "encodings/cp437.pyc" in names  # unpackArchive
    assert not any(n.startswith(("email/", "xml/", "http/", "tkinter/")) for n in names)
    assert len(names) < 400
