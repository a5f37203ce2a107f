"""Generated answers for every typed field of the bank, and what the checker says of each.

For the matcher's rules (engine/matching.py), two sets are generated from the content itself:
- typos: for each accepted answer of each « texte » field, one-typo variants per word of four
  or more letters (a letter deleted, replaced, two letters swapped, one doubled), at fixed
  positions so that two runs generate the same set;
- sentences: each accepted answer and each refused answer inside the short sentences people
  type (« je clique sur le bouton … », « c'est … »), joined to a refused answer (« … ou … »),
  negated (« pas … »), and the refused answers with one typo;
- reasons: each accepted answer followed by a reason (« …, car c'est ce qui est écrit »), and
  wrong ones: a refused answer with a reason, an accepted one whose reason names a refused one
  (« …, pas R », « … car R », « …, R »).
Each answer is asked to ``engine.answers.is_correct`` on its challenge, the other fields holding
their first accepted answer. The output (JSON lines: challenge, field, set, kind, answer,
accepted) is meant to be diffed between two versions of the engine:

    .venv/bin/python -m benchmarks.typed_variants > /tmp/after.jsonl
    .venv/bin/python -m benchmarks.typed_variants --summary /tmp/after.jsonl
    .venv/bin/python -m benchmarks.typed_variants --diff /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.bundle import challenge_record  # noqa: E402
from builder.content import load_content  # noqa: E402
from builder.diagnostics import Problems  # noqa: E402
from engine.answers import is_correct  # noqa: E402
from engine.referential import challenge_from_record  # noqa: E402
from engine.types.typed import Typed  # noqa: E402

SENTENCES = ("je clique sur le bouton {}", "il clique sur {}", "c'est {}", "il faut choisir {}",
             "j'appuie sur {}", "{} ?")
WRONG_SENTENCES = ("pas {}", "jamais {}", "sauf {}", "ne pas choisir {}")
# A right answer with its reason (engine/reasons.py); a wrong one keeps its reason wrong.
REASONS = ("{}, car c'est ce qui est écrit", "{} (c'est ce qui est écrit)",
           "{} parce que c'est écrit")
WRONG_REASONS = ("{a}, pas {r}", "{a} car {r}", "{a}, peut-être {r}", "{a}, {r}")


def typos(word: str) -> list[tuple[str, str]]:
    """Four one-typo variants of a word, at positions fixed by its length."""
    if len(word) < 4 or not word.isalpha():
        return []
    i = len(word) // 2
    other = "e" if word[i].lower() != "e" else "a"
    return [("deletion", word[:i] + word[i + 1:]),
            ("substitution", word[:i] + other + word[i + 1:]),
            ("transposition", word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]),
            ("insertion", word[:i] + word[i] + word[i:])]


def answer_typos(answer: str) -> list[tuple[str, str]]:
    words = answer.split(" ")
    return [(kind, " ".join([*words[:k], variant, *words[k + 1:]]))
            for k, word in enumerate(words) for kind, variant in typos(word)]


def fields(content_dir: Path) -> list[dict[str, Any]]:
    """One entry per typed field: the engine challenge, how to build a response, its answers."""
    content = load_content(content_dir, Problems())
    out = []
    for skill in content.skills:
        for ch in skill.challenges:
            if not ch.valid or ch.retired:
                continue
            engine_ch = challenge_from_record(challenge_record(ch, render=False))
            data, payload = engine_ch.data, ch.payload
            if not isinstance(data, Typed):
                continue
            if data.groups:                   # any order: the variant goes in the first field
                keys = [f.key for f in data.fields]
                for i, group in enumerate(data.groups):
                    others = [g[0] for j, g in enumerate(data.groups) if j != i]
                    good = dict(zip(keys[1:], others, strict=False))
                    out.append({"ch": engine_ch, "key": f"groupe{i + 1}", "format": data.format,
                                "tolerances": data.tolerances, "answers": group,
                                "refused": payload["refused"],
                                "respond": lambda v, k=keys[0], g=good: {**g, k: v}})
            elif "fields" in payload:         # one answer list per field
                good = {f.key: f.answers[0] for f in data.fields}
                for f, pf in zip(data.fields, payload["fields"], strict=True):
                    out.append({"ch": engine_ch, "key": f.key, "format": data.format,
                                "tolerances": f.tolerances or data.tolerances,
                                "answers": f.answers, "refused": pf["refused"],
                                "respond": lambda v, k=f.key, g=good: {**g, k: v}})
            else:                             # one field, the response is its text
                out.append({"ch": engine_ch, "key": "reponse", "format": data.format,
                            "tolerances": data.tolerances, "answers": data.fields[0].answers,
                            "refused": payload["refused"], "respond": lambda v: v})
    return out


def variants(field: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(set, kind, answer) of one field; kind says whether the answer is right or wrong."""
    out = []
    if field["format"] == "texte":
        out += [("typos", kind, v) for a in field["answers"] for kind, v in answer_typos(a)]
    for a in field["answers"]:
        out += [("sentences", "right", s.format(a)) for s in SENTENCES]
        out += [("sentences", "wrong", s.format(a)) for s in WRONG_SENTENCES]
        out += [("sentences", "wrong", f"{a} ou {r}") for r in field["refused"][:2]]
        out += [("sentences", "wrong", f"{a} et {r}") for r in field["refused"][:2]]
        out += [("reasons", "right", s.format(a)) for s in REASONS]
        out += [("reasons", "wrong", s.format(a=a, r=r))
                for r in field["refused"][:2] for s in WRONG_REASONS]
    for r in field["refused"]:
        out += [("sentences", "wrong", s.format(r)) for s in SENTENCES]
        out += [("reasons", "wrong", s.format(r)) for s in REASONS]
        out += [("refused-typos", "wrong", v) for _, v in answer_typos(r)]
    return out


def run(content_dir: Path) -> None:
    for field in fields(content_dir):
        seen = set()
        for kind_set, kind, answer in variants(field):
            if answer in seen:
                continue
            seen.add(answer)
            accepted = is_correct(field["ch"], field["respond"](answer))
            print(json.dumps({"id": field["ch"].id, "field": field["key"], "set": kind_set,
                              "kind": kind, "tolerances": list(field["tolerances"]),
                              "answer": answer, "accepted": accepted}, ensure_ascii=False))


def load(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def summary(rows: list[dict[str, Any]]) -> None:
    counts: Counter = Counter()
    for r in rows:
        t3 = "T3" if "T3" in r["tolerances"] else "sans T3"
        label = r["kind"] if r["set"] != "typos" else f"{r['kind']} ({t3})"
        counts[(r["set"], label, r["accepted"])] += 1
    for key in sorted({(s, k) for s, k, _ in counts}):
        yes, no = counts[(*key, True)], counts[(*key, False)]
        print(f"{key[0]:14} {key[1]:28} acceptées {yes:6} / {yes + no:6}")


def diff(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    old = {(r["id"], r["field"], r["answer"]): r["accepted"] for r in before}
    changed = [r for r in after if old.get((r["id"], r["field"], r["answer"]), r["accepted"])
               != r["accepted"]]
    for r in changed:
        arrow = "refusée → acceptée" if r["accepted"] else "acceptée → refusée"
        print(f"{r['id']}/{r['field']} [{r['set']}, {r['kind']}] « {r['answer']} » : {arrow}")
    print(f"{len(changed)} changements ; épreuves touchées : "
          f"{len({r['id'] for r in changed})}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--summary", metavar="JSONL")
    parser.add_argument("--diff", nargs=2, metavar=("AVANT", "APRES"))
    args = parser.parse_args(argv)
    if args.summary:
        summary(load(args.summary))
    elif args.diff:
        diff(load(args.diff[0]), load(args.diff[1]))
    else:
        run(args.content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
