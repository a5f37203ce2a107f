"""The referential bundle: the one JSON document the engine (and other tools) read.

Written to ``dist/data/referential.json``. Display texts are rendered to sanitised HTML here, so
the engine only passes opaque strings and never sees Markdown or YAML.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from engine.types import challenge_type

from . import markdown
from .cache import BuildMemo
from .content import Challenge, Content
from .urls import asset_name


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Bundle(dict):
    """The bundle, with the JSON text of each challenge's record (``texts``: id of the record →
    text). Encoding 1,400 records three times (the version's hash, the bundle, its parts) was
    a large part of an editor's rebuild; a record's text is kept while its challenge is the
    same object, i.e. while its file has not changed (``cache.BuildMemo``). Like the
    parse results it is made from, a bundle is read-only once made: its own text is kept."""

    texts: dict[int, str]
    text: str = ""

    def json(self, document: dict[str, Any] | None = None) -> str:
        """``document`` (default: the bundle) as compact JSON, its challenges from ``texts``."""
        if document is None and self.text:
            return self.text
        document = self if document is None else document
        items = [f"{_json(key)}:{_json(value)}" for key, value in document.items()
                 if key != "challenges"]
        if "challenges" in document:
            items.append('"challenges":[' + ",".join(
                self.texts.get(id(record)) or _json(record)
                for record in document["challenges"]) + "]")
        return "{" + ",".join(items) + "}"


_RECORD_TEXTS = BuildMemo()


class MarkdownRenderer:
    """Display strings as the page gets them: Markdown rendered, then sanitised."""

    block = staticmethod(markdown.render)
    inline = staticmethod(markdown.render_inline)


class SourceRenderer:
    """Display strings left as written (the content check needs no HTML)."""

    @staticmethod
    def block(text: str) -> str:
        return text

    inline = block


def challenge_record(ch: Challenge, render: bool = True) -> dict[str, Any]:
    """The bundle record of a challenge: common fields, then its type's own."""
    renderer = MarkdownRenderer if render else SourceRenderer
    record: dict[str, Any] = {
        "id": ch.id, "skill_id": ch.skill_id, "type": ch.type,
        "instruction": renderer.block(ch.instruction),
        "explanation": renderer.block(ch.explanation),
    }
    if ch.illustration:
        record["illustration"] = {"src": "data/" + asset_name(ch.illustration["image"]),
                                  "alt": ch.illustration["alt"]}
    if ch.document:
        record["document"] = ch.document
    if ch.retired:  # kept so that old states and results stay readable; never asked again
        record["retired"] = True
        if ch.replaced_by:
            record["replaced_by"] = ch.replaced_by
    if ch.time_limit:  # seconds, used by the « certification blanche » only
        record["time_limit"] = ch.time_limit
    record.update(challenge_type(ch.type).record(ch.payload, renderer))
    return record


def referential_bundle(content: Content, documents: dict[str, str]) -> dict[str, Any]:
    """The bundle as a dict; ``documents`` maps a document path to its rendered HTML."""
    competences = sorted(content.competences, key=lambda c: [int(x) for x in c.id.split(".")])
    tutorials_by_skill: dict[str, list[str]] = {}
    more_by_skill: dict[str, list[str]] = {}
    sections: dict[str, dict[str, str]] = {}
    for tut in content.tutorials:
        # "@skill#anchor" links the skill to a section: the skill's entry is "tutorial#anchor".
        for refs, by_skill in ((tut.skills, tutorials_by_skill), (tut.learning_more, more_by_skill)):
            for ref in refs:
                sid, _, anchor = ref.partition("#")
                by_skill.setdefault(sid, []).append(f"{tut.id}#{anchor}" if anchor else tut.id)
                if anchor:
                    sections.setdefault(tut.id, {})[anchor] = markdown.heading_title(tut.body,
                                                                                     anchor)
    challenges = []
    texts: dict[int, str] = {}
    calibration = getattr(content, "calibration", None) or {}
    _RECORD_TEXTS.next_build()
    for ch in content.challenges:
        record = challenge_record(ch)
        if ch.document:
            record["document"] = documents.get(ch.document, "")
        if ch.id in calibration:   # content/referential/calibration.yaml (diagnum calibrate)
            record["calibration"] = dict(calibration[ch.id])
        extra = (record.get("document"), _json(record.get("calibration")))
        text = _RECORD_TEXTS.get((ch,), extra)
        if text is None:
            text = _json(record)
            _RECORD_TEXTS.put((ch,), extra, text)
        texts[id(record)] = text
        challenges.append(record)
    data: dict[str, Any] = {
        "format": 1,
        "domains": [{"id": d.id, "title": d.title} for d in content.domains],
        "competences": [{"id": c.id, "title": c.title, "domain_id": c.domain_id,
                         "description": c.description, "levels": c.levels} for c in competences],
        "tubes": [{"id": t.id, "competence_id": t.competence_id, "title": t.title,
                   "description": t.description} for t in content.tubes],
        "skills": [{"id": s.id, "tube_id": s.tube_id, "level": s.level, "title": s.title,
                    "tutorials": tutorials_by_skill.get(s.id, []),
                    "learning_more": more_by_skill.get(s.id, [])} for s in content.skills],
        "challenges": challenges,
        "tutorials": [{"id": t.id, "title": t.title, "summary": t.summary, "duration": t.duration,
                       "format": t.format, "url": f"tutoriels/{t.id}/index.html",
                       **({"sections": sections[t.id]} if t.id in sections else {})}
                      for t in content.tutorials],
        "profiles": [profile_record(content, p) for p in content.profiles],
    }
    bundle = Bundle(data)
    bundle.texts = texts
    text = bundle.json()
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    bundle.clear()
    bundle.update({"version": digest, **data})
    bundle.text = f'{{"version":{_json(digest)},{text[1:]}'   # = bundle.json(), made once
    return bundle


def profile_record(content: Content, profile: Any) -> dict[str, Any]:
    """A target profile as capped tubes, with its skills frozen (as Pix does for campaigns)."""
    v = profile.data
    tubes_by_id = {t.id: t for t in content.tubes}
    capped = [(t["sujet"], t["niveau_max"], t.get("bloc")) for t in v["sujets"] or [] if t]
    for cid in v["competences"] or []:
        capped += [(t.id, v["niveau_max"] or 8, None) for t in content.tubes
                   if t.competence_id == cid]
    tubes = []
    for tube_id, cap, bloc in capped:
        tube = tubes_by_id.get(tube_id)
        if tube is None:
            continue
        tubes.append({"tube": tube_id, "max_level": cap, "block": bloc,
                      "skills": [s.id for s in tube.skills if s.level <= cap and s.askable]})
    record: dict[str, Any] = {
        "id": profile.id, "title": v["titre"], "description": v["description"],
        "tubes": tubes,
        "blocks": [{"id": b["id"], "title": b["titre"], "description": b.get("description")}
                   for b in v["blocs"] or [] if b],
        "badges": [{"id": b["id"], "title": b["titre"], "description": b["description"],
                    "threshold": b["seuil"], "blocks": b["blocs"] or [],
                    "block_threshold": b.get("seuil_par_bloc")} for b in v["badges"] or [] if b],
        "stages": sorted(({"threshold": s["seuil"], "title": s["titre"], "message": s["message"]}
                          for s in v["paliers"] or [] if s), key=lambda s: s["threshold"]),
    }
    if v.get("moteur"):
        record["engine"] = v["moteur"]   # engine.config.MODES
    return record


def referential_parts(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The bundle split so that a test downloads only what it uses.

    Returns file name → document for ``data/referential/<version>/``: ``index.json`` (everything
    but the challenges, with ``parts``: competence → file, and ``profile_competences``: parcours →
    the competences it needs) and one ``<competence>.json`` per competence holding its challenges.
    The engine loads the index with the parts a test needs (``engine.load_referential``).
    """
    tube_competence = {t["id"]: t["competence_id"] for t in bundle["tubes"]}
    skill_competence = {s["id"]: tube_competence[s["tube_id"]] for s in bundle["skills"]}
    by_competence: dict[str, list[dict[str, Any]]] = {c["id"]: [] for c in bundle["competences"]}
    for challenge in bundle["challenges"]:
        by_competence[skill_competence[challenge["skill_id"]]].append(challenge)
    order = [c["id"] for c in bundle["competences"]]
    index = {key: value for key, value in bundle.items() if key != "challenges"}
    index["parts"] = {cid: f"{cid}.json" for cid in order}
    index["profile_competences"] = {
        p["id"]: [cid for cid in order
                  if any(tube_competence.get(t["tube"]) == cid for t in p["tubes"])]
        for p in bundle["profiles"]}
    parts = {"index.json": index}
    for cid in order:
        parts[f"{cid}.json"] = {"version": bundle["version"], "competence": cid,
                                "challenges": by_competence[cid]}
    return parts
