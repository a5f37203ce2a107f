"""The participant's side of a campaign, run in the learner's worker next to the engine.

Which campaign a typed code or an opened link names, which test it runs, and the result code
the participant hands over to the mediator. The engine knows nothing of campaigns: the worker
sends ``campaign-*`` requests here and every other request to ``engine.protocol``; this module
reads the referential the engine was given. Requests (JSON in, JSON out):

- ``{"type": "campaign-read", "code", "fragment", "declared": [campaign…]}`` → ``{"ok",
  "campaign"}``: the campaign (``name`` empty when a bare code carries none) with ``title``
  (what it measures), ``start`` (the fields of the engine's ``start`` request) and ``skills``
  (how many target skills); a typo, an unknown parcours or a damaged link → ``{"ok": false,
  "error": {"code": "campaign-unknown", "message"}}``.
- ``{"type": "campaign-result", "campaign", "records": [record…]}`` → ``{"ok", "code",
  "characters", "mastery"}``: the result code of the newest finished record (« évaluer »), or of
  the profile the records make (« collecter les profils »: the latest level and pix of each
  competence). Every string is text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from engine import protocol as engine_protocol
from engine.errors import EngineError
from engine.messages import error as _error
from engine.messages import json_call
from engine.profiles import profile_result, profile_skills, selection_skills

from . import codes, links
from . import results as rc


class CampaignUnknown(ValueError):
    """A code or a link that names no campaign this site can run, in French."""


def _plain(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("html"), str):
        return re.sub(r"<[^>]*>", "", value["html"])
    return "" if value is None else str(value)


def _declared(declared: Sequence[Any], code: str) -> dict[str, Any] | None:
    for item in declared:
        if isinstance(item, dict) and item.get("code") == code:
            return item
    return None


def read_campaign(ref: Any, code: str = "", fragment: str = "",
                  declared: Sequence[Any] = ()) -> dict[str, Any]:
    """The campaign a typed code (and, for a link, its ``#c=…`` fragment) names."""
    fragment = fragment.lstrip("#")
    if fragment.startswith("c="):
        try:
            campaign = links.decode_campaign(fragment)
        except links.LinkError as exc:
            raise CampaignUnknown(str(exc)) from None
        if code and codes.normalise(code) != campaign["code"]:
            raise CampaignUnknown("Ce lien de campagne est abîmé : son code ne correspond pas. "
                                  "Demandez à nouveau le lien, ou tapez le code de la campagne.")
    else:
        try:
            decoded = codes.decode(code)
        except codes.CodeError as exc:
            raise CampaignUnknown(str(exc)) from None
        normal = codes.normalise(code)
        known = _declared(declared, normal)
        if known is not None:
            campaign = {k: known.get(k) for k in ("code", "name", "goal", "parcours", "selection",
                                                  "external_id_label", "landing_text",
                                                  "result_text")}
        else:
            parcours = None
            if decoded.goal == "evaluer":
                found = [p for p in ref.profiles if codes.parcours_slot(p) == decoded.slot]
                if not found:
                    raise CampaignUnknown(
                        "Ce code de campagne est bien écrit, mais il ne correspond à aucun parcours "
                        "de ce site. Si la personne qui anime la séance vous a donné un lien ou un "
                        "QR code, utilisez-le ; sinon, vérifiez que vous êtes sur le bon site.")
                parcours = found[0]
            campaign = {"code": normal, "name": "", "goal": decoded.goal, "parcours": parcours,
                        "selection": None, "external_id_label": "", "landing_text": "",
                        "result_text": ""}
    if campaign.get("parcours") and campaign["parcours"] not in ref.profiles:
        raise CampaignUnknown("Cette campagne porte sur un parcours que ce site n'a pas : "
                              "vérifiez que vous êtes sur le bon site.")
    for key in ("name", "external_id_label", "landing_text", "result_text"):
        campaign[key] = str(campaign.get(key) or "")
    try:
        skills = target_skills(ref, campaign)
    except EngineError as exc:
        raise CampaignUnknown(f"Cette campagne ne peut pas se passer sur ce site : {exc.message}") \
            from None
    return {**campaign, "title": title(ref, campaign), "start": start_fields(ref, campaign),
            "skills": len(skills)}


def title(ref: Any, campaign: dict[str, Any]) -> str:
    """What the campaign measures, in words."""
    if campaign["goal"] != "evaluer":
        return "Collecte des profils : votre niveau dans chaque compétence"
    if campaign.get("parcours"):
        return f"Parcours « {_plain(ref.profiles[campaign['parcours']]['title'])} »"
    tubes = [_plain(ref.tubes[s["tube"]].title) for s in campaign.get("selection") or []
             if s["tube"] in ref.tubes]
    return "Sujets : " + ", ".join(tubes)


def start_fields(ref: Any, campaign: dict[str, Any]) -> dict[str, Any]:
    """The fields of the engine's ``start`` request that run this campaign's test."""
    if campaign["goal"] != "evaluer":
        return {"competences": [c.id for c in ref.competences]}
    if campaign.get("parcours"):
        return {"profile": campaign["parcours"]}
    return {"selection": [{"tube": s["tube"], "max_level": s["max_level"]}
                          for s in campaign.get("selection") or []]}


def target_skills(ref: Any, campaign: dict[str, Any]) -> list[str]:
    """The target skills in the order result codes list them (the mediator's order)."""
    if campaign["goal"] != "evaluer":
        return []
    if campaign.get("parcours"):
        return profile_skills(ref.profiles[campaign["parcours"]])
    return selection_skills(ref, campaign.get("selection"))


def _latest(records: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The newest measure of each competence over finished records (as the mediator counts)."""
    latest: dict[str, tuple[str, dict[str, Any]]] = {}
    for record in records:
        if record.get("status") != "finished":
            continue
        for c in record["competences"]:
            if c["id"] not in latest or latest[c["id"]][0] < record["finished_at"]:
                latest[c["id"]] = (record["finished_at"], c)
    return {cid: c for cid, (_, c) in latest.items()}


def result_code(ref: Any, campaign: dict[str, Any], records: Sequence[dict[str, Any]]
                ) -> dict[str, Any]:
    """The code the participant hands over, and the figures the page shows next to it."""
    if campaign["goal"] != "evaluer":
        latest = _latest(records)
        if not latest:
            raise CampaignUnknown("Vous n'avez encore aucun résultat à envoyer : passez d'abord "
                                  "un test.")
        keys = [c.id for c in ref.competences]
        levels = {cid: (c["level"], c["pix"]) for cid, c in latest.items()}
        code = rc.encode_profile(campaign["code"], keys, levels)
        return {"code": code, "characters": len(code.replace("-", "")), "mastery": None,
                "competences": [{"id": cid, "level": levels[cid][0], "pix": levels[cid][1]}
                                for cid in keys if cid in levels]}
    finished = [r for r in records if r.get("status") == "finished"]
    if not finished:
        raise CampaignUnknown("Le test de la campagne n'est pas terminé : il n'y a pas encore de "
                              "résultat à envoyer.")
    record = max(finished, key=lambda r: r["finished_at"])
    skills = target_skills(ref, campaign)
    outcomes: dict[str, bool] = {}
    for c in record["competences"]:
        outcomes.update({s: False for s in c["failed"]})
        outcomes.update({s: True for s in c["validated"]})
    code = rc.encode_skills(campaign["code"], skills, outcomes)
    profile = {"id": "campagne", "title": "", "tubes": [{"skills": skills}]}
    mastery = profile_result(profile, [s for s in skills if outcomes.get(s)])["mastery"]
    return {"code": code, "characters": len(code.replace("-", "")), "mastery": mastery,
            "competences": None}


def handle(request: dict[str, Any]) -> dict[str, Any]:
    kind = request.get("type")
    try:
        ref = engine_protocol.referential()
        if kind == "campaign-read":
            return {"ok": True, "campaign": read_campaign(
                ref, str(request.get("code") or ""), str(request.get("fragment") or ""),
                request.get("declared") or [])}
        if kind == "campaign-result":
            return {"ok": True, **result_code(ref, request["campaign"], request["records"])}
        return _error("bad-request", f"Demande inconnue : {kind!r}")
    except CampaignUnknown as exc:
        return _error("campaign-unknown", str(exc))
    except EngineError as exc:
        return _error(exc.code, exc.message)
    except (KeyError, TypeError, ValueError) as exc:
        return _error("bad-request", f"Demande incomplète ou mal formée ({exc!r}).")


def handle_json(request: str) -> str:
    """Entry point for the worker: a JSON string in, a JSON string out."""
    return json_call(handle, request)
