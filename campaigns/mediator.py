"""The mediator's figures: campaigns, imports, the results table, « Analyse » and the CSV.

Everything the « Espace médiateur » shows is computed here, from the site's referential bundle
(``data/referential.json``, as a dict), the campaign and the participations the mediator stored:
the page only displays it. The same code runs in CPython (tests, tools) and in Pyodide in the
mediator's worker (``campaigns.protocol``).

A participation, as stored (JSON), is what one person sent for one campaign::

    {"id", "campaign" (code), "source": "fichier" | "code", "label" (external id or nickname),
     "date" (ISO 8601), "status", "validated": [skill ids], "failed": [skill ids],
     "competences": [{"id", "level", "pix"}] | [] , "levels_known": bool}

Result codes of an « évaluer » campaign list the target skills in the profile's order
(``engine.profiles.profile_skills``); those of « collecter les profils » list every competence
of the site in the bundle's order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from engine.errors import EngineError
from engine.profiles import profile_result, profile_skills
from engine.resultfile import MAX_DEPTH, nesting_depth, parse_result_file  # noqa: F401 (re-exported)

from . import analysis, codes, csvexport, links
from . import results as rc

MAX_NAME, MAX_LABEL, MAX_TEXT = 100, 100, 5000
LEVEL_NAMES = ("débutant", "novice", "novice", "indépendant", "indépendant", "avancé", "avancé",
               "expert", "expert")


class CampaignError(ValueError):
    """A campaign form that cannot be accepted: every problem, in French."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# --------------------------------------------------------------------------- the referential
def _text(value: Any) -> str:
    """A bundle display value as plain text (titles may come as {"html": …})."""
    if isinstance(value, dict) and isinstance(value.get("html"), str):
        return re.sub(r"<[^>]*>", "", value["html"])
    return "" if value is None else str(value)


class Site:
    """The bundle, indexed once for the mediator's questions."""

    def __init__(self, bundle: dict[str, Any]):
        self.version = bundle.get("version", "")
        self.domains = [{"id": d["id"], "title": _text(d["title"])} for d in bundle["domains"]]
        self.competences = [{"id": c["id"], "title": _text(c["title"]),
                             "domain_id": c["domain_id"]} for c in bundle["competences"]]
        self.competence = {c["id"]: c for c in self.competences}
        self.tubes = {t["id"]: {"id": t["id"], "title": _text(t["title"]),
                                "competence_id": t["competence_id"]} for t in bundle["tubes"]}
        askable = {ch["skill_id"] for ch in bundle["challenges"] if not ch.get("retired")}
        self.skills = {s["id"]: {"id": s["id"], "tube_id": s["tube_id"], "level": s["level"],
                                 "tutorials": list(s.get("tutorials", ())),
                                 "askable": s["id"] in askable} for s in bundle["skills"]}
        self.tutorials = {t["id"]: {"id": t["id"], "title": _text(t["title"]),
                                    "url": t["url"], "duration": t.get("duration")}
                          for t in bundle["tutorials"]}
        self.profiles = {p["id"]: p for p in bundle["profiles"]}

    def describe(self) -> dict[str, Any]:
        """What the campaign form offers: the parcours and the sujets with their levels."""
        by_tube: dict[str, list[int]] = {}
        for s in self.skills.values():
            if s["askable"]:
                by_tube.setdefault(s["tube_id"], []).append(s["level"])
        return {
            "version": self.version,
            "parcours": [{"id": p["id"], "title": _text(p["title"]),
                          "skills": len(profile_skills(p)), "slot": codes.parcours_slot(p["id"])}
                         for p in self.profiles.values()],
            "competences": self.competences,
            "tubes": [{**t, "levels": sorted(by_tube[t["id"]])}
                      for t in sorted(self.tubes.values(),
                                      key=lambda t: (_ckey(t["competence_id"]), t["title"]))
                      if t["id"] in by_tube],
        }


def _ckey(cid: str) -> list[int]:
    return [int(x) for x in cid.split(".")]


# --------------------------------------------------------------------------- campaigns
def new_campaign(site: Site, fields: dict[str, Any], random_words: Sequence[int],
                 created: str) -> dict[str, Any]:
    """A campaign from the mediator's form; ``random_words`` are 32-bit values from
    ``crypto.getRandomValues`` (the code's random number is drawn from them without bias)."""
    problems = []
    name = str(fields.get("name") or "").strip()
    if not name:
        problems.append("Donnez un nom à la campagne (par exemple « Atelier du mardi »).")
    elif len(name) > MAX_NAME:
        problems.append(f"Le nom de la campagne est trop long ({len(name)} caractères, "
                        f"{MAX_NAME} au plus).")
    goal = fields.get("goal")
    if goal not in codes.GOALS:
        problems.append("Choisissez l'objectif : « évaluer » ou « collecter les profils ».")
    parcours, selection = None, None
    if goal == "evaluer":
        parcours = fields.get("parcours") or None
        if parcours and parcours not in site.profiles:
            problems.append(f"Le parcours « {parcours} » n'existe pas sur ce site.")
        if not parcours:
            selection = []
            for item in fields.get("selection") or []:
                tube, cap = item.get("tube"), item.get("max_level")
                if tube not in site.tubes or not isinstance(cap, int) or not 1 <= cap <= 8:
                    problems.append(f"Sujet ou niveau inconnu dans la sélection : « {tube} ».")
                else:
                    selection.append({"tube": tube, "max_level": cap})
            if not selection:
                problems.append("Choisissez un parcours, ou au moins un sujet avec son niveau "
                                "maximal.")
    texts = {}
    for key, label, limit in (("external_id_label", "Le libellé de l'identifiant", MAX_LABEL),
                              ("landing_text", "Le texte d'accueil", MAX_TEXT),
                              ("result_text", "Le texte de la page de résultats", MAX_TEXT)):
        value = str(fields.get(key) or "").strip()
        if len(value) > limit:
            problems.append(f"{label} est trop long ({len(value)} caractères, {limit} au plus).")
        texts[key] = value
    if problems:
        raise CampaignError(problems)
    if parcours:
        slot = codes.parcours_slot(parcours)
    elif selection:
        slot = codes.parcours_slot("selection:" + links.selection_text(selection))
    else:
        slot = 0
    code = str(codes.new_code(slot, goal, _below(random_words)))
    campaign = {"code": code, "name": name, "goal": goal, "parcours": parcours,
                "selection": selection or None, **texts, "created": created}
    return with_link(campaign)


def with_link(campaign: dict[str, Any]) -> dict[str, Any]:
    """The campaign with ``needs_link`` (its code alone is not enough) and its ``fragment``."""
    needs = bool(campaign.get("selection") or campaign.get("external_id_label")
                 or campaign.get("landing_text") or campaign.get("result_text"))
    return {**campaign, "needs_link": needs,
            "fragment": "c=" + links.encode_campaign(campaign) if needs else ""}


def _below(words: Sequence[int]):
    """``random_below(n)`` by rejection sampling over the given 32-bit words."""
    def random_below(n: int) -> int:
        limit = (1 << 32) // n * n
        for w in words:
            if 0 <= w < limit:
                return w % n
        raise CampaignError(["Le tirage au hasard du code a échoué : réessayez."])
    return random_below


def target_profile(site: Site, campaign: dict[str, Any]) -> dict[str, Any] | None:
    """The campaign's target profile as ``engine.profiles`` reads it (None when collecting)."""
    if campaign["goal"] != "evaluer":
        return None
    if campaign.get("parcours"):
        return site.profiles[campaign["parcours"]]
    tubes = []
    for item in campaign.get("selection") or []:
        skills = sorted((s for s in site.skills.values()
                         if s["tube_id"] == item["tube"] and s["askable"]
                         and s["level"] <= item["max_level"]), key=lambda s: s["level"])
        tubes.append({"tube": item["tube"], "max_level": item["max_level"], "block": None,
                      "skills": [s["id"] for s in skills]})
    return {"id": "campagne-" + campaign["code"].lower(), "title": campaign["name"],
            "tubes": tubes, "blocks": [], "badges": [], "stages": []}


def profile_title(site: Site, campaign: dict[str, Any]) -> str:
    if campaign["goal"] != "evaluer":
        return "Collecte des profils"
    if campaign.get("parcours"):
        return _text(site.profiles[campaign["parcours"]]["title"])
    return "Sélection de sujets"


# --------------------------------------------------------------------------- imports
class ImportRefused(ValueError):
    """One file or code that changes nothing, with a French message saying why."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _participation_from_records(site: Site, campaign: dict[str, Any], data: dict[str, Any]
                                ) -> dict[str, Any]:
    profile = target_profile(site, campaign)
    records = data["records"]
    label = ((data.get("campaign") or {}).get("external_id") or data.get("nickname") or "")
    if profile is not None:
        wanted = campaign.get("parcours")
        usable = [r for r in records if not wanted or (r["profile"] or {}).get("id") == wanted]
        if not usable:
            raise ImportRefused("Ce fichier ne contient aucun test sur le parcours de cette "
                                "campagne.")
        finished = [r for r in usable if r["status"] == "finished"]
        record = max(finished or usable, key=lambda r: r["finished_at"])
        targets = set(profile_skills(profile))
        validated = [s for c in record["competences"] for s in c["validated"] if s in targets]
        failed = [s for c in record["competences"] for s in c["failed"] if s in targets]
        competences = [{"id": c["id"], "level": c["level"], "pix": c["pix"]}
                       for c in record["competences"]]
        return {"id": record["id"], "source": "fichier", "label": label,
                "date": record["finished_at"], "status": record["status"],
                "validated": validated, "failed": failed, "competences": competences,
                "levels_known": True}
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for record in records:
        for c in record["competences"]:
            if c["id"] not in latest or latest[c["id"]][0] < record["finished_at"]:
                latest[c["id"]] = (record["finished_at"], c)
    if not latest:
        raise ImportRefused("Ce fichier ne contient aucun résultat de compétence.")
    newest = max(records, key=lambda r: r["finished_at"])
    key = "|".join(sorted(r["id"] for r in records))
    return {"id": hashlib.sha256(key.encode()).hexdigest()[:16], "source": "fichier",
            "label": label, "date": newest["finished_at"], "status": "finished",
            "validated": [], "failed": [],
            "competences": [{"id": cid, "level": c["level"], "pix": c["pix"]}
                            for cid, (_, c) in sorted(latest.items(), key=lambda i: _ckey(i[0]))],
            "levels_known": True}


def read_file(site: Site, campaign: dict[str, Any], text: str) -> dict[str, Any]:
    """A participation from a result file's text, or ``ImportRefused`` in French (a file
    nested too deep is refused before parsing, by ``parse_result_file``)."""
    try:
        data = parse_result_file(text)
    except EngineError as exc:
        raise ImportRefused(exc.message) from None
    code = (data.get("campaign") or {}).get("code")
    if not code:
        raise ImportRefused("Ce fichier de résultats n'a pas été fait pour une campagne : la "
                            "personne doit passer le test avec le code ou le lien de la "
                            "campagne.")
    if code != campaign["code"]:
        raise ImportRefused(f"Ce fichier est pour la campagne {code}, pas pour celle-ci "
                            f"({campaign['code']}).")
    return {**_participation_from_records(site, campaign, data), "campaign": campaign["code"]}


def read_code(site: Site, campaign: dict[str, Any], text: str, label: str = "",
              date: str | None = None) -> dict[str, Any]:
    """A participation from a typed, pasted or scanned result code."""
    normal = rc.normalise(text)
    if not normal:
        raise ImportRefused("Tapez ou collez un code de résultat.")
    profile = target_profile(site, campaign)
    try:
        if profile is not None:
            skills = profile_skills(profile)
            decoded = rc.decode(text, campaign["code"], skills, rc.KIND_SKILLS)
            validated = [s for s, ok in zip(skills, decoded.outcomes, strict=True) if ok]
            failed = [s for s, ok in zip(skills, decoded.outcomes, strict=True) if ok is False]
            competences: list[dict[str, Any]] = []
        else:
            keys = [c["id"] for c in site.competences]
            decoded = rc.decode(text, campaign["code"], keys, rc.KIND_PROFILE)
            validated, failed = [], []
            competences = [{"id": cid, "level": lv, "pix": pix}
                           for cid, (lv, pix) in zip(keys, decoded.competences, strict=True)]
    except rc.ResultCodeError as exc:
        raise ImportRefused(str(exc)) from None
    label = str(label or "").strip()[:MAX_LABEL]
    return {"id": "code-" + hashlib.sha256(normal.encode()).hexdigest()[:16],
            "campaign": campaign["code"], "source": "code", "label": label,
            "date": date or _now(), "status": "finished", "validated": validated,
            "failed": failed, "competences": competences, "levels_known": profile is None}


def import_batch(site: Site, campaign: dict[str, Any], items: Sequence[dict[str, Any]],
                 known: Sequence[str]) -> list[dict[str, Any]]:
    """Files (``{"name", "text"}``) or codes (``{"name", "code", "label"}``), one outcome each:
    ``{"name", "ok": True, "participation"}`` or ``{"name", "ok": False, "message"}``. A
    duplicate (already stored, or twice in the batch) is refused like a damaged one."""
    seen = set(known)
    out = []
    for item in items:
        name = str(item.get("name") or "")
        try:
            if "code" in item:
                got = read_code(site, campaign, str(item["code"]), str(item.get("label") or ""))
            else:
                got = read_file(site, campaign, str(item.get("text") or ""))
            if got["id"] in seen:
                raise ImportRefused("Ce résultat est déjà dans la campagne : il n'a pas été "
                                    "importé une deuxième fois.")
            seen.add(got["id"])
            out.append({"name": name, "ok": True, "participation": got})
        except ImportRefused as exc:
            out.append({"name": name, "ok": False, "message": str(exc)})
    return out


# --------------------------------------------------------------------------- the figures
def _competence_skills(site: Site, skills: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for sid in skills:
        tube = site.tubes.get(site.skills[sid]["tube_id"]) if sid in site.skills else None
        if tube:
            out.setdefault(tube["competence_id"], []).append(sid)
    return dict(sorted(out.items(), key=lambda i: _ckey(i[0])))


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _tutorials(site: Site, skills: Sequence[str]) -> list[dict[str, Any]]:
    ids: list[str] = []
    for sid in skills:
        for tid in site.skills.get(sid, {}).get("tutorials", ()):
            if tid not in ids and tid in site.tutorials:
                ids.append(tid)
    return [site.tutorials[t] for t in ids]


@dataclass(frozen=True)
class Frame:
    """What every participant of one campaign is measured against: computed once per report."""
    profile: dict[str, Any] | None
    skills: tuple[str, ...]
    by_comp: dict[str, list[str]]


def frame_of(site: Site, campaign: dict[str, Any]) -> Frame:
    profile = target_profile(site, campaign)
    skills = tuple(profile_skills(profile)) if profile else ()
    return Frame(profile, skills, _competence_skills(site, skills))


def participant_view(site: Site, campaign: dict[str, Any], p: dict[str, Any],
                     frame: Frame | None = None) -> dict[str, Any]:
    """One row of the table, and what the participant's panel shows (competence titles and
    tutorials by id: the report gives them once)."""
    frame = frame or frame_of(site, campaign)
    profile = frame.profile
    levels = {c["id"]: c for c in p["competences"]}
    if profile is None:
        comps = [{"id": c["id"], "level": levels.get(c["id"], {}).get("level"),
                  "pix": levels.get(c["id"], {}).get("pix")} for c in site.competences]
        pix = sum(c["pix"] or 0 for c in comps)
        return {"id": p["id"], "label": p["label"], "date": p["date"][:10], "source": p["source"],
                "progress": 100, "pix": pix, "competences": comps,
                "certifiable": sum(1 for c in comps if (c["level"] or 0) >= 1) >= 5,
                "tutorials": []}
    skills = frame.skills
    done = set(p["validated"])
    failed = set(p["failed"])
    outcome = profile_result(profile, done)
    progress = 100 if p["status"] == "finished" else _pct(
        sum(s in done or s in failed for s in skills), len(skills))
    comps = []
    for cid, cskills in frame.by_comp.items():
        validated = [s for s in cskills if s in done]
        known = levels.get(cid, {}).get("level") if p.get("levels_known") else None
        estimated = max((site.skills[s]["level"] for s in validated), default=0)
        comps.append({"id": cid, "skills": len(cskills),
                      "validated": len(validated), "mastery": _pct(len(validated), len(cskills)),
                      "level": known if known is not None else estimated,
                      "level_estimated": known is None})
    failed_in_profile = [s for s in skills if s in failed]
    return {"id": p["id"], "label": p["label"], "date": p["date"][:10], "source": p["source"],
            "status": p["status"], "progress": progress, "mastery": outcome["mastery"],
            "validated": outcome["validated"], "skills": outcome["skills"],
            "competences": comps,
            "badges": [{"id": b["id"], "title": _text(b["title"]), "obtained": b["obtained"],
                        "progress": b["progress"]} for b in outcome["badges"]],
            "stage": ({"index": outcome["stage_index"], "count": outcome["stage_count"],
                       "title": _text(outcome["stage"]["title"])} if outcome["stage"] else None),
            "tutorials": [t["id"] for t in _tutorials(site, failed_in_profile)]}


def analyse(site: Site, campaign: dict[str, Any], participations: Sequence[dict[str, Any]],
            views: Sequence[dict[str, Any]] | None = None, frame: Frame | None = None
            ) -> dict[str, Any]:
    """« Analyse »: mastery per competence and domain, sujets ranked by relevance, levels."""
    frame = frame or frame_of(site, campaign)
    if views is None:
        views = [participant_view(site, campaign, p, frame) for p in participations]
    profile = frame.profile
    count = len(participations)
    if profile is None:
        return {"participants": count, "competences": [], "domains": [], "tubes": [],
                "levels": _level_distribution(site, views)}
    sets = [set(p["validated"]) for p in participations]
    by_comp = frame.by_comp
    competences = []
    for cid, cskills in by_comp.items():
        validated = sum(1 for done in sets for s in cskills if s in done)
        competences.append({"id": cid, "title": site.competence[cid]["title"],
                            "domain_id": site.competence[cid]["domain_id"],
                            "skills": len(cskills),
                            "mastery": _pct(validated, len(cskills) * count)})
    domains = []
    for d in site.domains:
        dskills = [s for cid, cs in by_comp.items() if site.competence[cid]["domain_id"] == d["id"]
                   for s in cs]
        if dskills:
            validated = sum(1 for done in sets for s in dskills if s in done)
            domains.append({"id": d["id"], "title": d["title"], "skills": len(dskills),
                            "mastery": _pct(validated, len(dskills) * count)})
    tubes = {t["tube"]: {s: site.skills[s]["level"] for s in t["skills"] if s in site.skills}
             for t in profile["tubes"] if t["skills"]}
    ranked = []
    for row in analysis.analyse(tubes, sets):
        tube = site.tubes.get(row.tube_id, {"title": row.tube_id, "competence_id": ""})
        ranked.append({"id": row.tube_id, "title": tube["title"],
                       "competence_id": tube["competence_id"], "score": row.score,
                       "bubbles": row.bubbles, "label": row.label, "mastery": row.mastery,
                       "tutorials": _tutorials(site, list(tubes[row.tube_id]))})
    return {"participants": count, "competences": competences, "domains": domains,
            "tubes": ranked, "levels": _level_distribution(site, views),
            "stages": _stage_distribution(profile, views)}


def _level_distribution(site: Site, views: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """How many participants at each level (0–8), per competence: for the chart."""
    counts: dict[str, list[int]] = {}
    for v in views:
        for c in v["competences"]:
            if c["level"] is not None:
                counts.setdefault(c["id"], [0] * 9)[max(0, min(8, c["level"]))] += 1
    return [{"id": comp["id"], "title": comp["title"], "counts": counts[comp["id"]]}
            for comp in site.competences if comp["id"] in counts]


def _stage_distribution(profile: dict[str, Any], views: Sequence[dict[str, Any]]
                        ) -> list[dict[str, Any]]:
    stages = profile.get("stages") or []
    counts = [0] * len(stages)
    for v in views:
        if v["stage"] is not None:
            counts[v["stage"]["index"]] += 1
    return [{"index": i, "title": _text(s["title"]), "count": counts[i]}
            for i, s in enumerate(stages)]


def csv_text(site: Site, campaign: dict[str, Any], participations: Sequence[dict[str, Any]],
             organisation: str = "", views: Sequence[dict[str, Any]] | None = None,
             frame: Frame | None = None) -> str:
    """The campaign's CSV with Pix Orga's columns (percentages as whole numbers)."""
    label = campaign.get("external_id_label") or ""
    head = [organisation, campaign["code"], campaign["code"], campaign["name"]]
    frame = frame or frame_of(site, campaign)
    if views is None:
        views = [participant_view(site, campaign, p, frame) for p in participations]
    header = ["Nom de l'organisation", "ID Campagne", "Code", "Nom de la campagne"]
    profile = frame.profile
    if profile is None:
        header += ["Nom du Participant", "Prénom du Participant", *([label] if label else []),
                   "Envoi (O/N)", "Date de l'envoi", "Nombre de pix total", "Certifiable (O/N)",
                   "Nombre de compétences certifiables"]
        for c in site.competences:
            header += [f"Niveau pour la compétence {c['title']}",
                       f"Nombre de pix pour la compétence {c['title']}"]
        rows = []
        for v in views:
            row = [*head, v["label"], "", *([v["label"]] if label else []), "O", v["date"],
                   v["pix"], "O" if v["certifiable"] else "N",
                   sum(1 for c in v["competences"] if (c["level"] or 0) >= 1)]
            for c in v["competences"]:
                row += [c["level"] if c["level"] is not None else "NA",
                        c["pix"] if c["pix"] is not None else "NA"]
            rows.append(row)
        return csvexport.to_csv(header, rows)
    by_comp = frame.by_comp
    stages = profile.get("stages") or []
    header += ["Nom du Profil Cible", "Nom du Participant", "Prénom du Participant",
               *([label] if label else []), "% de progression", "Date de début",
               "Partage (O/N)", "Date du partage",
               *([f"Palier obtenu (/{len(stages) - 1})"] if stages else []),
               *[_text(b["title"]) for b in profile.get("badges") or []],
               "% maitrise de l'ensemble des acquis du profil"]
    for cid in by_comp:
        title = site.competence[cid]["title"]
        header += [f"% de maitrise des acquis de la compétence {title}",
                   f"Nombre d'acquis du profil cible dans la compétence {title}",
                   f"Acquis maitrisés dans la compétence {title}"]
    domain_skills = []
    for d in site.domains:
        ds = [s for cid, cs in by_comp.items() if site.competence[cid]["domain_id"] == d["id"]
              for s in cs]
        if ds:
            domain_skills.append((d, ds))
            header += [f"% de maitrise des acquis du domaine {d['title']}",
                       f"Nombre d'acquis du profil cible du domaine {d['title']}",
                       f"Acquis maitrisés du domaine {d['title']}"]
    rows = []
    for p, v in zip(participations, views, strict=True):
        done = set(p["validated"])
        row = [*head, profile_title(site, campaign), v["label"], "",
               *([v["label"]] if label else []), v["progress"], v["date"], "O", v["date"],
               *([v["stage"]["index"] if v["stage"] else 0] if stages else []),
               *["O" if b["obtained"] else "N" for b in v["badges"]], v["mastery"]]
        for c in v["competences"]:
            row += [c["mastery"], c["skills"], c["validated"]]
        for _, ds in domain_skills:
            n = sum(1 for s in ds if s in done)
            row += [_pct(n, len(ds)), len(ds), n]
        rows.append(row)
    return csvexport.to_csv(header, rows)


def report(site: Site, campaign: dict[str, Any], participations: Sequence[dict[str, Any]],
           with_csv: bool = True) -> dict[str, Any]:
    """Everything the campaign's screens show: rows, analysis and (on request) the CSV."""
    ordered = sorted(participations, key=lambda p: (p["date"], p["label"], p["id"]))
    frame = frame_of(site, campaign)
    views = [participant_view(site, campaign, p, frame) for p in ordered]
    used = {t for v in views for t in v["tutorials"]}
    return {"campaign": campaign, "profile_title": profile_title(site, campaign),
            "skills": len(frame.skills),
            "badges": [_text(b["title"]) for b in (frame.profile or {}).get("badges") or []],
            "competence_titles": {c["id"]: c["title"] for c in site.competences},
            "tutorials": {t: site.tutorials[t] for t in sorted(used)},
            "rows": views,
            "analysis": analyse(site, campaign, ordered, views, frame),
            "csv": csv_text(site, campaign, ordered, views=views, frame=frame) if with_csv
            else None}


def compare(site: Site, items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Several campaigns side by side (before / after): mastery per competence for each."""
    columns = []
    rows: dict[str, dict[str, Any]] = {}
    for item in items:
        campaign, parts = item["campaign"], item["participations"]
        frame = frame_of(site, campaign)
        views = [participant_view(site, campaign, p, frame) for p in parts]
        result = analyse(site, campaign, parts, views, frame)
        overall = [v.get("mastery", 0) for v in views]
        columns.append({"code": campaign["code"], "name": campaign["name"],
                        "participants": len(parts),
                        "mastery": round(sum(overall) / len(overall)) if overall else None})
        for c in result["competences"]:
            rows.setdefault(c["id"], {"id": c["id"], "title": c["title"], "values": {}})
            rows[c["id"]]["values"][campaign["code"]] = c["mastery"] if parts else None
    ordered = [rows[k] for k in sorted(rows, key=_ckey)]
    return {"campaigns": columns,
            "competences": [{**r, "values": [r["values"].get(c["code"]) for c in columns]}
                            for r in ordered]}
