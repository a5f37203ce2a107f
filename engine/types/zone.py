"""« Cliquer au bon endroit » (zone): the learner shows where they would act on a screen.

The statement's illustration is an SVG; zones are rectangles or polygons on the SVG's own
coordinates (its viewBox), some right, the others wrong. Every zone, right or wrong, is sent to
the page in a neutral reading order with a neutral label (its position and what is visible
there), so the mouse, touch and the keyboard (a radio per zone) offer the same choices and a
blind guess has the same known chance: right zones / all zones. The answer is a zone's key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from .base import Case, ChallengeType, Spec

MIN_ZONES = 3
_NUMBER = r"-?\d+(?:\.\d+)?"
_RECT = re.compile(rf"\s*({_NUMBER})[\s,]+({_NUMBER})[\s,]+({_NUMBER})[\s,]+({_NUMBER})\s*")
_POINT = re.compile(rf"({_NUMBER})\s*,\s*({_NUMBER})")

Point = tuple[float, float]


@dataclass(frozen=True)
class Zone:
    key: str
    points: tuple[Point, ...]
    label: str


@dataclass(frozen=True)
class Zones:
    zones: tuple[Zone, ...]
    right: frozenset[str]
    view_box: tuple[float, float, float, float]
    image: dict[str, Any]


class ClickZone(ChallengeType):
    name = "zone"
    title = "Cliquer au bon endroit"
    needs_illustration = True
    sample_share = 0.0   # of a typical bank (synthetic banks)
    fields: ClassVar[Spec] = {"zones": {"kind": "list", "required": True, "item": {
        "kind": "map", "fields": {"rect": {}, "polygone": {}, "description": {"required": True},
                                  "bonne": {"kind": "bool", "default": False}}}}}

    # ------------------------------------------------------------------ builder side
    def load(self, values, report, assets):
        image = (values.get("illustration") or {}).get("image")
        if not image:
            report("une épreuve « zone » a une illustration (illustration: image, alt) : "
                   "c'est sur elle que l'on clique", "type")
            return None
        box = assets.image_box(str(image))
        if box is None:
            report(f"l'image « {image} » doit être un SVG avec un viewBox (ses coordonnées servent "
                   "à placer les zones)", "illustration")
            return None
        zones = []
        for raw in values.get("zones") or []:
            if not raw:
                continue
            points = _points(raw, report)
            if points is None:
                continue
            at = _located(raw)
            if not _inside(points, box):
                report("la zone sort de l'image : ses coordonnées doivent être dans le viewBox "
                       f"{' '.join(_fmt(v) for v in box)}", at)
            zones.append({"points": points, "description": str(raw.get("description") or ""),
                          "right": bool(raw.get("bonne")), "at": at})
        right = [z for z in zones if z["right"]]
        if zones and len(zones) < MIN_ZONES:
            report(f"il faut au moins {MIN_ZONES} zones (une bonne et des mauvaises), pas "
                   f"{len(zones)}", "zones")
        if zones and not right:
            report("aucune zone n'a « bonne: oui »", "zones")
        if len(right) * 2 > len(zones):
            report("trop de bonnes zones : au plus la moitié des zones peuvent être bonnes, "
                   "sinon on réussit au hasard", "zones")
        for r in right:
            for w in zones:
                if not w["right"] and _overlap(r["points"], w["points"]):
                    report(f"une bonne zone chevauche une mauvaise zone (« {w['description']} ») :"
                           " un même clic ne peut pas être juste et faux", r["at"])
        ordered = sorted(zones, key=lambda z: _reading_key(z["points"], box))
        return {"view_box": list(box), "zones": [
            {"key": str(i), "points": [list(p) for p in z["points"]], "right": z["right"],
             "label": f"{_position(z['points'], box)} : {z['description']}"}
            for i, z in enumerate(ordered, 1)]}

    def record(self, payload, render):
        return {"view_box": payload["view_box"],
                "zones": [{"key": z["key"], "points": z["points"], "label": z["label"]}
                          for z in payload["zones"]],
                "solution": [z["key"] for z in payload["zones"] if z["right"]]}

    def self_checks(self, payload, data):
        for zone in data.zones:
            if zone.key in data.right:
                yield Case(zone.key, True, "zones", f"la bonne zone {zone.key} est refusée")
            else:
                yield Case(zone.key, False, "zones", f"la mauvaise zone {zone.key} est acceptée")
        yield Case("0", False, "zones", "un clic hors des zones est accepté")

    # ------------------------------------------------------------------ engine side
    def parse(self, record):
        illustration = record.get("illustration") or {}
        return Zones(
            tuple(Zone(str(z["key"]), tuple((float(x), float(y)) for x, y in z["points"]),
                       str(z["label"])) for z in record["zones"]),
            frozenset(str(k) for k in record["solution"]),
            tuple(float(v) for v in record["view_box"]),
            {"src": illustration.get("src", ""), "alt": illustration.get("alt", "")})

    def is_correct(self, data, response):
        if isinstance(response, (int, float)) and not isinstance(response, bool):
            response = str(int(response))
        return isinstance(response, str) and response.strip() in data.right

    def guessing(self, data, params):
        return len(data.right) / max(1, len(data.zones))

    def view(self, data):
        return {"image": {**data.image, "viewBox": list(data.view_box)},
                "zones": [{"key": z.key, "points": [list(p) for p in z.points], "label": z.label}
                          for z in data.zones]}

    def response_view(self, data, response):
        labels = {z.key: z.label for z in data.zones}
        key = str(response).strip() if response is not None else None
        return [f"Zone {key} — {labels[key]}"] if key in labels else []

    def solution_view(self, data):
        return [f"Zone {z.key} — {z.label}" for z in data.zones if z.key in data.right]

    def sample(self, rng) -> dict[str, Any]:
        count = rng.choice((3, 4, 5))
        zones = [{"key": str(i), "points": [[i * 10, 0], [i * 10 + 8, 0], [i * 10 + 8, 8],
                                            [i * 10, 8]], "label": f"zone {i}"}
                 for i in range(1, count + 1)]
        return {"view_box": [0, 0, 100, 10], "zones": zones,
                "solution": [str(rng.randint(1, count))],
                "illustration": {"src": "data/images/exemple.svg", "alt": "Un écran d'exemple."}}

    def sample_responses(self, data):
        right = min(data.right)
        return right, next(z.key for z in data.zones if z.key not in data.right)


def _located(raw: dict[str, Any]) -> Any:
    """The first value of a zone that knows its line (the zone's own map does not)."""
    return next((raw[k] for k in ("rect", "polygone", "description") if raw.get(k) is not None),
                "zones")


def _fmt(value: float) -> str:
    return f"{value:g}"


def _points(raw: dict[str, Any], report) -> tuple[Point, ...] | None:
    rect, polygon = raw.get("rect"), raw.get("polygone")
    if (rect is None) == (polygon is None):
        report("chaque zone a soit « rect: x y largeur hauteur », soit « polygone: \"x1,y1 x2,y2 "
               "x3,y3\" »", _located(raw))
        return None
    if rect is not None:
        match = _RECT.fullmatch(str(rect))
        if not match:
            report(f"« rect » vaut « {rect} » : écrivez quatre nombres, x y largeur hauteur "
                   "(ex. 20 60 140 36)", rect)
            return None
        x, y, w, h = (float(v) for v in match.groups())
        if w <= 0 or h <= 0:
            report("une zone « rect » a une largeur et une hauteur positives", rect)
            return None
        return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    text = str(polygon)
    points = tuple((float(a), float(b)) for a, b in _POINT.findall(text))
    if len(points) < 3 or _POINT.sub("", text).strip(" ,"):
        report("un « polygone » est une liste d'au moins trois points « x,y » séparés par des "
               "espaces, entre guillemets : \"10,10 80,10 45,60\"", polygon)
        return None
    return points


def _inside(points: tuple[Point, ...], box: tuple[float, float, float, float]) -> bool:
    x0, y0, w, h = box
    return all(x0 <= x <= x0 + w and y0 <= y <= y0 + h for x, y in points)


def _centroid(points: tuple[Point, ...]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _reading_key(points: tuple[Point, ...], box: tuple[float, float, float, float]) -> tuple:
    """Top to bottom by rows of an eighth of the height, then left to right."""
    x, y = _centroid(points)
    return (int((y - box[1]) / (box[3] / 8)), x, y)


def _position(points: tuple[Point, ...], box: tuple[float, float, float, float]) -> str:
    x, y = _centroid(points)
    col = min(2, int(3 * (x - box[0]) / box[2]))
    row = min(2, int(3 * (y - box[1]) / box[3]))
    vertical = ("en haut", "au milieu", "en bas")[row]
    horizontal = ("à gauche", "au centre", "à droite")[col]
    if row == 1 and col == 1:
        return "au centre"
    return f"{vertical} {horizontal}" if row != 1 else f"au milieu {horizontal}"


def _contains(points: tuple[Point, ...], x: float, y: float) -> bool:
    """Even-odd rule."""
    inside = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _overlap(a: tuple[Point, ...], b: tuple[Point, ...], samples: int = 48) -> bool:
    """Do two shapes share some area? Sampled on their common bounding box: shapes that only
    touch along an edge (two buttons side by side) do not overlap."""
    left = max(min(p[0] for p in a), min(p[0] for p in b))
    right = min(max(p[0] for p in a), max(p[0] for p in b))
    top = max(min(p[1] for p in a), min(p[1] for p in b))
    bottom = min(max(p[1] for p in a), max(p[1] for p in b))
    if right <= left or bottom <= top:
        return False
    for i in range(samples):
        x = left + (i + 0.5) * (right - left) / samples
        for j in range(samples):
            y = top + (j + 0.5) * (bottom - top) / samples
            if _contains(a, x, y) and _contains(b, x, y):
                return True
    return False


TYPE = ClickZone()
