"""Print review cards for every askable challenge of some competences, with automatic signals.

Usage: python docs/revue-stricte/outils/fiches.py content 1.1 1.2 > fiches.txt
Signals are hints for a strict reviewer, never verdicts:
  ECHO   words of the right option (same family: same 5-letter stem, or an abbreviation) found in the
         statement and in no wrong option;
  FORM   the wrong options share their first two words and the right one does not; the right option
         is much longer than every wrong one;
  NEAR   challenges of the whole bank, two or more levels lower, whose words overlap most with this one
         (a task that may be a lower rung of another sujet).
"""

import re
import sys
import unicodedata
from pathlib import Path

import yaml

_STOP_WORDS = """le la les un une des du de d l au aux et ou en dans sur pour par avec sans que qui
quoi quel quelle
quels quelles est sont a ont il elle ils elles on vous nous je tu se sa son ses leur leurs ce cet cette ces
pas ne plus tout tous toute toutes faire fait peut doit veut avoir etre votre vos mon ma mes ton ta tes
y en lui comme mais si alors puis aussi tres bien quand dont cela ceci ca c est n s qu m t j"""
STOP = frozenset(_STOP_WORDS.split())


def _literal(dumper, data):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


yaml.SafeDumper.add_representer(str, _literal)


def plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def words(s: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", plain(s)) if w not in STOP and len(w) >= 3]


def stem(w: str) -> str:
    return w[:5]


def echoes(word: str, statement_words: list[str]) -> bool:
    if len(word) >= 5:
        return any(stem(s) == stem(word) for s in statement_words if len(s) >= 5)
    return any(s == word or (len(s) > len(word) and s.startswith(word)) for s in statement_words)


def askable(e: dict) -> bool:
    return str(e.get("retiree", "")).lower() not in ("oui", "true")


def load(content: Path) -> list[dict]:
    rows = []
    root = content / "referential"
    for comp in sorted(
        p
        for p in root.iterdir()
        if p.is_dir() and p.name not in ("parcours", "documents", "images")
    ):
        for f in sorted(comp.glob("*.yaml")):
            if f.name == "competence.yaml":
                continue
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
            for acq in data.get("acquis", []):
                for e in acq.get("epreuves", []):
                    rows.append(
                        {
                            "comp": comp.name,
                            "tube": f.stem,
                            "file": str(f),
                            "level": int(acq["niveau"]),
                            "skill": acq.get("intitule", ""),
                            "challenge": e,
                        }
                    )
    return rows


def text_of(e: dict) -> str:
    parts = [str(e.get("consigne", ""))]
    for p in e.get("propositions", []) or []:
        parts.append(str(p))
    for key in ("reponses", "champ"):
        v = e.get(key)
        if v:
            parts.append(" ".join(map(str, v)) if isinstance(v, list) else str(v))
    return " ".join(parts)


def signals(e: dict) -> list[str]:
    out = []
    props = [str(p) for p in e.get("propositions", []) or []]
    if not props:
        return out
    right = e.get("reponse")
    right = (
        {
            int(x)
            for x in (right if isinstance(right, list) else str(right).replace(",", " ").split())
        }
        if right
        else set()
    )
    st = words(str(e.get("consigne", "")))
    wrong_words = [set(words(p)) for i, p in enumerate(props, 1) if i not in right]
    for i in right:
        if i > len(props):
            continue
        hits = [
            w
            for w in set(words(props[i - 1]))
            if echoes(w, st)
            and not any(any(stem(w) == stem(x) or x == w for x in ww) for ww in wrong_words)
        ]
        if hits:
            out.append(f"ECHO option {i}: {', '.join(sorted(hits))}")
    heads = [" ".join(plain(p).split()[:2]) for p in props]
    wrong_heads = {h for i, h in enumerate(heads, 1) if i not in right}
    if len(right) == 1 and len(wrong_heads) == 1 and len(props) - 1 >= 2:
        (i,) = right
        if heads[i - 1] not in wrong_heads:
            out.append(
                f"FORM wrong options all begin « {wrong_heads.pop()} », the right one does not"
            )
    lens = [len(p) for p in props]
    for i in right:
        others = [n for j, n in enumerate(lens, 1) if j not in right]
        if others and i <= len(lens) and lens[i - 1] > 1.4 * max(others):
            out.append(
                f"FORM option {i} is the longest by far ({lens[i - 1]} vs ≤ {max(others)} chars)"
            )
    return out


def main() -> None:
    content = Path(sys.argv[1])
    wanted = set(sys.argv[2:])
    rows = load(content)
    bag = [
        (r, set(map(stem, words(text_of(r["challenge"]))))) for r in rows if askable(r["challenge"])
    ]
    by_tube: dict[str, list[dict]] = {}
    for r in rows:
        by_tube.setdefault(r["tube"], []).append(r)
    for r in rows:
        e = r["challenge"]
        if r["comp"] not in wanted or not askable(e):
            continue
        print("=" * 100)
        print(f"{e['id']}  level {r['level']}  {e.get('type')}  {r['file']}")
        print(f"skill: {r['skill']}")
        print(
            "sujet ladder: "
            + " | ".join(sorted({f"{x['level']}: {x['skill']}" for x in by_tube[r["tube"]]}))
        )
        print(yaml.safe_dump(e, allow_unicode=True, sort_keys=False, width=110).rstrip())
        for s in signals(e):
            print("SIGNAL " + s)
        mine = set(map(stem, words(text_of(e))))
        near = []
        for other, ws in bag:
            if other["level"] <= r["level"] - 2 and other["tube"] != r["tube"] and mine and ws:
                j = len(mine & ws) / len(mine | ws)
                near.append((j, other["challenge"]["id"], other["level"]))
        near.sort(reverse=True)
        if r["level"] >= 3 and near:
            print(
                "NEAR (other sujets, ≥2 levels lower): "
                + ", ".join(f"{i} (niv. {lv}, {j:.2f})" for j, i, lv in near[:3])
            )
        lower = [
            x
            for x in by_tube[r["tube"]]
            if r["level"] - 2 <= x["level"] < r["level"] and askable(x["challenge"])
        ]
        for x in lower:
            c = x["challenge"]
            opts = " / ".join(str(p) for p in c.get("propositions", []) or [])
            statement = " ".join(str(c.get("consigne", "")).split())[:300]
            print(
                f"  lower rung {c['id']} (niv. {x['level']}): {statement}"
                + (
                    f" || {opts[:300]} || reponse {c.get('reponse')}"
                    if opts
                    else f" || reponses {str(c.get('reponses'))[:200]}"
                )
            )


if __name__ == "__main__":
    main()
