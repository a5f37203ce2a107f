"""Everything the mediator's space checks again before it signs an attestation.

The candidate's page computes nothing the mediator trusts: from the candidate's file, the
session and the site's referential, this module re-checks the session code, the room word and
the proctor's codes, the dates, eligibility, that the asked challenges are the ones
``certification.selection`` may choose, re-marks every response with the engine's checker,
scores with ``certification.scoring`` and enforces the centre's delay before a retake.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from engine.answers import is_correct
from engine.profiles import profile_result
from engine.referential import Challenge, Referential

from . import candidate_file, codes, scoring, selection

TIME_GRACE = 5          # seconds allowed past a challenge's time limit (the page's own delays)
BADGE_MIN_RATE = scoring.MIN_RATE_TRUSTED


@dataclass(frozen=True)
class Catalogue:
    """What the check needs of the site: ``ref`` holds every competence, tube and skill and at
    least the asked challenges; ``variants`` lists each skill's askable challenge ids and
    ``known`` every challenge id (retired ones included)."""

    ref: Referential
    variants: dict[str, list[str]]
    known: frozenset[str]
    time_limits: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_bundle(cls, bundle: dict[str, Any], catalogue: Iterable[dict[str, Any]] | None = None
                    ) -> Catalogue:
        """From a bundle (``bundle["challenges"]`` may be only the asked ones) and the list of
        every challenge as ``{"id", "skill_id", "retired"}`` (default: the bundle's own)."""
        from engine import load_referential

        rows = list(catalogue if catalogue is not None else bundle["challenges"])
        variants: dict[str, list[str]] = {}
        for row in rows:
            if not row.get("retired"):
                variants.setdefault(row["skill_id"], []).append(row["id"])
        limits = {c["id"]: float(c["time_limit"]) for c in bundle["challenges"]
                  if isinstance(c.get("time_limit"), (int, float))}
        ref = load_referential(bundle)
        # The challenges not sent in full stand in by their id, skill and retirement, so that
        # the session's draw (certification.selection) sees every variant, as on the candidate's page.
        stubs = {r["id"]: Challenge(id=r["id"], skill_id=r["skill_id"], type="", retired=bool(
            r.get("retired"))) for r in rows if r["id"] not in ref.challenges
                 and r["skill_id"] in ref.skills}
        if stubs:
            ref = Referential(ref.domains, ref.competences, ref.tubes, ref.skills,
                              {**ref.challenges, **stubs}, ref.tutorials, ref.profiles,
                              ref.version)
        return cls(ref, variants, frozenset(r["id"] for r in rows), limits)


def normal_word(text: str) -> str:
    """A word or a name as people type it: capitals, accents and extra spaces aside."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def file_id(data: dict[str, Any]) -> str:
    """The same candidate file gives the same id (a second import is spotted)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _when(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


ANSWERED = ("ok", "ko", "skipped")   # a response given (or refused), not an outcome imported


def directly_validated(profile: dict[str, Any]) -> set[str]:
    """Skills whose latest answer in the record was right (as Pix's knowledge elements; the
    candidate's page, certification/placement.py, uses the same rule)."""
    latest: dict[str, bool] = {}
    for answer in profile["answers"]:
        if answer.get("status") in ANSWERED:
            latest[answer["skill"]] = answer["correct"]
    return {skill for skill, right in latest.items() if right}


def _clock(text: str) -> str:
    try:
        return _when(text).strftime("%H:%M")
    except ValueError:
        return text


ACTION_NAMES = {"pause": "la pause", "resume": "la reprise", "note": "la note",
                "end": "la fin de session"}


def _check_session(session: dict[str, Any], data: dict[str, Any], problems: list[str]) -> None:
    try:
        typed = codes.normalise(data["session"])
    except codes.SessionCodeError:
        typed = data["session"]
    if typed != session["code"]:
        problems.append(f"Ce résultat est celui de la session {typed}, pas de la session "
                        f"{session['code']}.")
    if normal_word(data["room_word"]) != normal_word(session["room_word"]):
        problems.append(f"Le mot de la salle tapé par le candidat (« {data['room_word']} ») "
                        f"n'est pas celui de la session.")
    for event in data["proctor_events"]:
        if event["code"] != session["proctor_code"]:
            problems.append(f"{ACTION_NAMES[event['action']].capitalize()} de "
                            f"{_clock(event['at'])} a été faite avec un code du surveillant "
                            f"faux (« {event['code']} ») : seul le surveillant peut agir sur "
                            f"l'écran du candidat.")
    try:
        started, finished = _when(data["started_at"]), _when(data["finished_at"])
        profile_done = _when(data["profile"]["finished_at"])
        day = date.fromisoformat(session["date"])
    except ValueError:
        problems.append("Une date du fichier est illisible.")
        return
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    # Time zones run from −12 h to +14 h: the test's start must fall on the session's day there.
    if not midnight - timedelta(hours=14) <= started < midnight + timedelta(hours=36):
        problems.append(f"Le test a commencé le {data['started_at'][:10]}, la session est du "
                        f"{session['date']}.")
    if finished < started:
        problems.append("Le test finit avant d'avoir commencé.")
    if profile_done > started:
        problems.append("Le profil qui rend le candidat éligible a été fini après le début de "
                        "la session.")


@dataclass
class _Asked:
    challenge_id: str
    competence_id: str | None
    skill_id: str | None
    level: int
    correct: bool
    neutralised: bool
    note: str = ""


def _check_choice(cat: Catalogue, profile: dict[str, Any], asked: list[dict[str, Any]],
                  eligible: list[str], problems: list[str]) -> dict[str, int]:
    """The asked challenges against selection's rules; returns how many each competence
    should have had."""
    ref = cat.ref
    direct = directly_validated(profile)
    seen = {a["challenge"] for a in profile["answers"]}
    usable = {cid: [s for s in ref.skills_by_competence.get(cid, ())
                    if s.id in direct and cat.variants.get(s.id)] for cid in eligible}
    expected = {cid: min(selection.PER_COMPETENCE, len(skills)) for cid, skills in usable.items()}
    by_comp: dict[str, list[Any]] = {}
    ids = [a["challenge"] for a in asked]
    for cid in sorted({c for c in ids if ids.count(c) > 1}):
        problems.append(f"L'épreuve {cid} a été posée deux fois.")
    for item in asked:
        cid = item["challenge"]
        challenge = ref.challenges.get(cid)
        if challenge is None or not challenge.type:
            problems.append(f"L'épreuve {cid} n'existe pas dans le référentiel de ce site."
                            if cid not in cat.known else f"L'épreuve {cid} est introuvable.")
            continue
        if challenge.retired:
            problems.append(f"L'épreuve {cid} est retirée : elle ne peut pas être posée.")
        skill = ref.skills[challenge.skill_id]
        comp = skill.competence_id
        if comp not in eligible:
            problems.append(f"L'épreuve {cid} est de la compétence {comp}, où le profil n'a pas "
                            f"le niveau 1.")
            continue
        if skill.id not in direct:
            problems.append(f"L'épreuve {cid} teste l'acquis {skill.id}, que le profil n'a pas "
                            f"validé directement.")
        if cid in seen and any(v not in seen for v in cat.variants.get(skill.id, ())):
            problems.append(f"L'épreuve {cid} a déjà été vue dans le profil alors que l'acquis "
                            f"{skill.id} a une autre variante.")
        by_comp.setdefault(comp, []).append(skill)
    for comp, skills in by_comp.items():
        if len(skills) > selection.PER_COMPETENCE:
            problems.append(f"{len(skills)} épreuves posées pour la compétence {comp} : 3 au "
                            f"plus.")
            continue
        top = sorted((s.level for s in usable[comp]), reverse=True)[:expected[comp]]
        remaining = list(top)
        for skill in skills:
            if skill.level in remaining:
                remaining.remove(skill.level)
            else:
                problems.append(f"Compétence {comp} : l'acquis {skill.id} (niveau {skill.level})"
                                f" n'est pas parmi les plus difficiles que le profil a validés.")
        _check_sujets(comp, skills, usable[comp], problems)
    return expected


def _check_sujets(comp: str, skills: list[Any], usable: list[Any], problems: list[str]) -> None:
    """Within a level, sujets not used at higher levels come first (as selection.choose)."""
    for level in sorted({s.level for s in skills}, reverse=True):
        before = {s.tube_id for s in skills if s.level > level}
        picked = [s for s in skills if s.level == level]
        again = [s for s in picked if s.tube_id in before]
        fresh_left = [s for s in usable if s.level == level and s.tube_id not in before
                      and s not in picked]
        if again and fresh_left:
            problems.append(f"Compétence {comp} : l'acquis {again[0].id} reprend un sujet déjà "
                            f"posé alors que {fresh_left[0].id} en offrait un autre.")


def recheck(cat: Catalogue, session: dict[str, Any], data: dict[str, Any],
            earlier: Iterable[dict[str, Any]] = (), neutralised: Iterable[str] = ()
            ) -> dict[str, Any]:
    """The check and the score of one validated candidate file, as JSON for the page.

    ``earlier``: the other candidates kept in the space, ``{"name", "date", "session",
    "file_id"}``. ``neutralised``: challenge ids the mediator neutralises (a technical problem
    the proctor noted). The result's ``problems`` are empty when the attestation may be signed.
    """
    problems: list[str] = []
    ref = cat.ref
    profile = data["profile"]
    _check_session(session, data, problems)
    levels = {c["id"]: c["level"] for c in profile["competences"]
              if c["id"] in ref.competence_by_id}
    eligible = selection.eligible_competences(levels)
    if not eligible:
        problems.append("Le profil n'a pas 5 compétences au niveau 1 ou plus : le candidat "
                        "n'est pas éligible.")
    before = len(problems)
    expected = _check_choice(cat, profile, data["asked"], eligible, problems)
    if "seed" in data and eligible and len(problems) == before:
        # The file says which seed drew its questions: the same draw, from the same profile.
        problems += [f"Les questions ne sont pas celles du tirage : {p}."
                     for p in candidate_file.asked_as_chosen(ref, data)]
    neutral = set(neutralised)
    marked: list[_Asked] = []
    for item in data["asked"]:
        challenge = ref.challenges.get(item["challenge"])
        if challenge is None or not challenge.type:
            continue
        skill = ref.skills[challenge.skill_id]
        right = is_correct(challenge, item["response"])
        note = ""
        limit = cat.time_limits.get(challenge.id)
        if right and item.get("timed_out"):
            right, note = False, "temps écoulé"
        elif right and limit is not None and item["seconds"] > limit + TIME_GRACE:
            right, note = False, "temps dépassé"
        marked.append(_Asked(challenge.id, skill.competence_id, skill.id, skill.level, right,
                             challenge.id in neutral, note))
    answers = [(a.competence_id, a.correct, a.neutralised) for a in marked
               if a.competence_id in expected]
    missing = []
    for comp, count in expected.items():
        absent = count - sum(1 for a in marked if a.competence_id == comp)
        answers += [(comp, False, False)] * max(0, absent)
        if absent > 0:
            missing.append({"competence": comp, "count": absent})
    measured = {c["id"]: (c["level"], c["pix"]) for c in profile["competences"]
                if c["id"] in expected}
    outcome = scoring.score(answers, measured)
    this_id = file_id(data)
    _check_retake(session, data["candidate"]["name"], this_id, earlier, problems)
    titles = {c.id: c.title for c in ref.competences}
    return {
        "ok": not problems, "problems": problems, "file_id": this_id,
        "name": data["candidate"]["name"], "session": session["code"], "date": session["date"],
        "rate": outcome.rate, "certified": outcome.certified, "pix": outcome.pix,
        "competences": [{"id": c.competence_id, "title": str(titles.get(c.competence_id, "")),
                         "action": c.action, "level": c.level, "pix": c.pix,
                         "measured": list(measured[c.competence_id])}
                        for c in outcome.competences],
        "answers": [{"challenge": a.challenge_id, "competence": a.competence_id,
                     "level": a.level, "correct": a.correct, "neutralised": a.neutralised,
                     "note": a.note} for a in marked],
        "missing": missing,
        "badges": _badges(ref, profile) if outcome.rate >= BADGE_MIN_RATE else [],
        "events": data["proctor_events"],
        "started_at": data["started_at"], "finished_at": data["finished_at"],
    }


def _check_retake(session: dict[str, Any], name: str, this_id: str,
                  earlier: Iterable[dict[str, Any]], problems: list[str]) -> None:
    day = date.fromisoformat(session["date"])
    who = normal_word(name)
    for other in earlier:
        if other.get("file_id") == this_id:
            problems.append("Ce résultat a déjà été importé dans cette session.")
            continue
        if normal_word(other.get("name", "")) != who:
            continue
        if other.get("session") == session["code"]:
            problems.append(f"La session a déjà un candidat nommé « {other['name']} ».")
            continue
        gap = abs((day - date.fromisoformat(other["date"])).days)
        if gap < session["retake_days"]:
            again = date.fromisoformat(other["date"]) + timedelta(days=session["retake_days"])
            problems.append(f"« {name} » a passé une certification blanche le {other['date']} "
                            f"(session {other['session']}) : le centre demande "
                            f"{session['retake_days']} jours avant de la repasser, donc pas "
                            f"avant le {again.isoformat()}.")


def _badges(ref: Referential, profile: dict[str, Any]) -> list[dict[str, str]]:
    """The parcours badges the profile's validated skills earn, recomputed here."""
    validated = {s for c in profile["competences"] for s in c["validated"]}
    out = []
    for parcours in ref.profiles.values():
        for badge in profile_result(parcours, validated)["badges"]:
            if badge["obtained"]:
                out.append({"id": str(badge["id"]), "parcours": str(parcours["id"]),
                            "title": str(badge.get("title", badge["id"])),
                            "description": str(badge.get("description", ""))})
    return out
