"""Essaie chaque forme des listes `c*.py` avec le vrai correcteur (`engine.answers.is_correct`).

    .venv/bin/python docs/revue-stricte/passe-4-typed3-formes/essayer.py docs/revue-stricte/passe-4-typed3-formes/c*.py

Chaque fichier définit `CASES = {id: {'ok': [...], 'ko': [...]}}` (QROC, QROCM-dep) ou
`{id: {cle: {'ok': [...], 'ko': [...]}}}` (QROCM-ind). Une forme de QROCM-dep est essayée dans le
premier champ, les autres remplis par les premières réponses des autres groupes ; une forme de
QROCM-ind dans son champ, les autres remplis par leur première réponse. Affiche ce qui diffère de
l'attendu (REFUSED : forme naturelle refusée ; ACCEPTED : forme fausse acceptée). Un id qui
commence par « _ » est sauté (épreuve retirée). `CONTENT=/chemin/content` essaie un autre contenu.
"""
import json
import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from builder.bundle import referential_bundle  # noqa: E402
from builder.content import load_content  # noqa: E402
from builder.diagnostics import Problems  # noqa: E402
from engine.answers import is_correct  # noqa: E402
from engine.referential import load_referential  # noqa: E402

content = load_content(Path(os.environ.get("CONTENT", ROOT / "content")), Problems())
R = load_referential(json.loads(referential_bundle(content, {}).json()))


def dep_ok(ch, s):
    keys = [f.key for f in ch.data.fields]
    for i in range(len(ch.data.groups)):
        others = [g[0] for j, g in enumerate(ch.data.groups) if j != i]
        resp = {keys[0]: s, **{k: others[n] for n, k in enumerate(keys[1:])}}
        if is_correct(ch, resp):
            return True
    return False


def ind_ok(ch, key, s):
    resp = {f.key: f.answers[0] for f in ch.data.fields}
    resp[key] = s
    return is_correct(ch, resp)


bad = total = 0
for path in sys.argv[1:]:
    for cid, spec in runpy.run_path(path)["CASES"].items():
        if cid.startswith("_"):
            continue
        ch = R.challenges[cid]
        subs = spec.items() if ch.type == "QROCM-ind" else [(None, spec)]
        for key, sub in subs:
            for expected in (True, False):
                for s in sub.get("ok" if expected else "ko", []):
                    total += 1
                    if ch.type == "QROCM-ind":
                        got = ind_ok(ch, key, s)
                    elif ch.type == "QROCM-dep":
                        got = dep_ok(ch, s)
                    else:
                        got = is_correct(ch, s)
                    if got != expected:
                        bad += 1
                        where = f"[{key}]" if key else ""
                        print(f"{'REFUSED ' if expected else 'ACCEPTED'} {cid}{where}: {s!r}")
print(f"--- {bad} écarts / {total} formes")
