"""``diagnum stats``: what the content holds, and what is missing against the minimums."""

from __future__ import annotations

from collections import Counter

from .content import Content
from .markdown import headings, pictures, slug, word_count

MINIMUMS = {"competences": 16, "tubes": 48, "skills": 200, "challenges": 500, "tutorials": 48,
            "illustrations": 30}


def format_stats(content: Content) -> str:
    lines = ["Compétence | sujets | acquis | épreuves | illustrations | niveaux", "---|---|---|---|---|---"]
    missing = []
    for comp in sorted(content.competences, key=lambda c: [int(x) for x in c.id.split(".")]):
        tubes = [t for t in content.tubes if t.competence_id == comp.id]
        skills = [s for t in tubes for s in t.skills]
        challenges = [c for s in skills for c in s.challenges]
        levels = sorted({s.level for s in skills})
        lines.append(f"{comp.id} {comp.title} | {len(tubes)} | {len(skills)} | {len(challenges)} "
                     f"| {sum(1 for c in challenges if c.illustration)} | "
                     f"{','.join(map(str, levels)) or '-'}")
        if len(tubes) < 3:
            missing.append(f"{comp.id} : {len(tubes)} sujet(s), il en faut au moins 3")
        for tube in tubes:
            if len({s.level for s in tube.skills}) < 4:
                missing.append(f"{comp.id} / {tube.id} : {len(tube.skills)} niveau(x), "
                               "il en faut au moins 4")
            for skill in tube.skills:
                need = 3 if skill.level <= 3 else 2
                if len(skill.challenges) < need:
                    missing.append(f"{skill.id} : {len(skill.challenges)} épreuve(s), "
                                   f"il en faut au moins {need}")
    lines += ["", "Sujet | compétence | niveaux | acquis | épreuves | types", "---|---|---|---|---|---"]
    for tube in sorted(content.tubes, key=lambda t: ([int(x) for x in t.competence_id.split(".")],
                                                     t.id)):
        challenges = [c for s in tube.skills for c in s.challenges]
        kinds = Counter(c.type for c in challenges)
        lines.append(f"{tube.id} | {tube.competence_id} | "
                     f"{','.join(str(s.level) for s in sorted(tube.skills, key=lambda s: s.level))} | "
                     f"{len(tube.skills)} | {len(challenges)} | "
                     + " ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    types = Counter(c.type for c in content.challenges)
    levels = Counter(s.level for s in content.skills)
    totals = {"competences": len(content.competences), "tubes": len(content.tubes),
              "skills": len(content.skills), "challenges": len(content.challenges),
              "tutorials": len(content.tutorials),
              "illustrations": sum(1 for c in content.challenges if c.illustration)}
    names = {"competences": "compétences", "tubes": "sujets", "skills": "acquis",
             "challenges": "épreuves", "tutorials": "tutoriels", "illustrations": "illustrations"}
    lines += ["", "Totaux : " + ", ".join(f"{totals[k]} {names[k]} (min. {MINIMUMS[k]})"
                                          for k in MINIMUMS)]
    lines.append("Par type : " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    lines.append("Acquis par niveau : " + ", ".join(f"{lv}: {n}" for lv, n in sorted(levels.items())))
    lines += ["", *format_coverage(content), "", *format_tutorials(content)]
    for key, minimum in MINIMUMS.items():
        if totals[key] < minimum:
            missing.append(f"{names[key]} : {totals[key]}, il en faut au moins {minimum}")
    for tut in content.tutorials:
        words = word_count(tut.body)
        if not 300 <= words <= 900:
            missing.append(f"tutoriel {tut.id} : {words} mots (attendu : 300 à 900)")
    lines += ["", "Ce qui manque :" if missing else "Rien ne manque par rapport aux minimums."]
    lines += [f"- {m}" for m in missing]
    return "\n".join(lines)


def format_coverage(content: Content) -> list[str]:
    """Tutorial coverage per level (a skill counts when a tutorial, or a section of one, names
    it) and the challenges of each type per level."""
    linked = {ref.split("#", 1)[0] for t in content.tutorials for ref in t.skills + t.learning_more}
    levels = sorted({s.level for s in content.skills})
    types = sorted({c.type for c in content.challenges})
    lines = ["Niveau | acquis reliés à un tutoriel | acquis | couverture | "
             + " | ".join(types), "---|---|---|---" + "|---" * len(types)]
    uncovered = []
    for level in levels:
        skills = [s for s in content.skills if s.level == level]
        covered = [s for s in skills if s.id in linked]
        uncovered += [s.id for s in skills if s.id not in linked]
        kinds = Counter(c.type for s in skills for c in s.challenges if not c.retired)
        lines.append(f"{level} | {len(covered)} | {len(skills)} | "
                     f"{round(100 * len(covered) / len(skills))} % | "
                     + " | ".join(str(kinds[t]) for t in types))
    lines.append("Acquis sans tutoriel : " + (", ".join(uncovered) if uncovered else "aucun"))
    return lines


PHONE, COMPUTER = "sur-un-telephone", "sur-un-ordinateur"


def covers_phone_and_computer(body: str) -> bool:
    """Does a tutorial give the steps for both, as sections « Sur un téléphone… » and « Sur un
    ordinateur… » (the editors' guide's rule)?"""
    anchors = [slug(text) for _level, text, _line in headings(body)]
    return (any(a.startswith(PHONE) for a in anchors)
            and any(a.startswith(COMPUTER) for a in anchors))


def format_tutorials(content: Content) -> list[str]:
    """How many tutorials show pictures, and how many give the steps on a phone and on a
    computer."""
    total = len(content.tutorials)
    illustrated = [t for t in content.tutorials if pictures(t.body)]
    both = [t for t in content.tutorials if covers_phone_and_computer(t.body)]
    count = sum(len(pictures(t.body)) for t in illustrated)
    plural = "s" if count > 1 else ""
    return [f"Tutoriels avec images : {len(illustrated)} sur {total} ({count} image{plural})",
            f"Tutoriels avec « Sur un téléphone » et « Sur un ordinateur » : {len(both)} sur "
            f"{total}"]
