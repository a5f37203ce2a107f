"""The challenge types: one module each, and this registry, the only list of them.

Adding a type means adding one module here (and its entry in the page's
``site_templates/static/types.js`` and its section of the editors' guide).
"""

from __future__ import annotations

from ..errors import EngineError
from . import qcm, qcu, qroc, qrocm_dep, qrocm_ind, zone
from .base import ChallengeType

REGISTRY: dict[str, ChallengeType] = {
    module.TYPE.name: module.TYPE for module in (qcu, qcm, qroc, qrocm_ind, qrocm_dep, zone)
}
NAMES: tuple[str, ...] = tuple(REGISTRY)


def challenge_type(name: str) -> ChallengeType:
    try:
        return REGISTRY[name]
    except KeyError:
        raise EngineError("unknown-type", f"Type d'épreuve inconnu : {name!r} (types possibles : "
                                          + ", ".join(NAMES) + ")") from None
