"""Simulated participants of a campaign: real engine runs turned into real result files.

Shared by the mediator's unit tests, browser tests and scale benchmark: each participant takes the
campaign's parcours with the engine (outcomes drawn from a seeded ability), and the result is
written by ``engine.record`` exactly as the participant's page writes it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from engine import Assessment, load_referential
from engine.record import make_record, make_result_file


def load_bundle(dist: Path) -> dict[str, Any]:
    return json.loads((dist / "data" / "referential.json").read_text(encoding="utf-8"))


def result_file(ref, campaign_code: str, parcours: str, seed: int, *, external_id: str = "",
                nickname: str = "", finished_at: str = "2026-12-07T16:00:00Z") -> dict[str, Any]:
    """One participant's result file for ``campaign_code`` (a test on ``parcours``)."""
    rng = random.Random(seed)
    ability = rng.uniform(0.5, 4.5)
    a = Assessment.start(ref, profile=parcours, seed=seed)
    while (challenge := a.next_challenge()) is not None:
        level = ref.skills[challenge.skill_id].level
        a.record(challenge.id, rng.random() < 1 / (1 + 2.7 ** (level - ability)))
    record = make_record(ref, a, started_at="2026-12-07T15:00:00Z", finished_at=finished_at)
    campaign = {"code": campaign_code}
    if external_id:
        campaign["external_id"] = external_id
    return make_result_file([record], created=finished_at, nickname=nickname or None,
                            campaign=campaign)


def referential(dist: Path):
    return load_referential(load_bundle(dist))
