"""The editor guide's examples are real: put together, they form content the check accepts."""

from __future__ import annotations

import re

from builder.loading import load_and_check

from .conftest import ROOT

GUIDE = ROOT / "docs" / "guide-redaction.md"
FENCE = re.compile(r"^```(?:yaml|markdown|svg) (content/\S+)\n(.*?)^```$", re.S | re.M)


def test_guide_examples_pass_the_check(tmp_path):
    examples = FENCE.findall(GUIDE.read_text(encoding="utf-8"))
    paths = [path for path, _ in examples]
    assert "content/referential/4.1/mots-de-passe.yaml" in paths
    assert any(p.startswith("content/tutorials/") for p in paths)
    assert any(p.startswith("content/referential/parcours/") for p in paths)
    assert any(p.startswith("content/referential/images/") for p in paths)
    for path, text in examples:
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (tmp_path / "content/referential/domaines.yaml").write_text(
        (ROOT / "content/referential/domaines.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    content, problems = load_and_check(tmp_path / "content")
    assert not problems.errors, "\n".join(map(str, problems.errors))
    types = {c.type for c in content.challenges}
    assert types == {"QCU", "QCM", "QROC", "QROCM-ind", "QROCM-dep", "zone"}
    assert len(content.tutorials) == 1 and len(content.profiles) == 1
    assert [c["name"] for c in content.campaigns] == ["Atelier sécurité du jeudi"]
