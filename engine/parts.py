"""The engine's four parts, as ``EngineConfig`` names them (a name, or a dict with ``name`` and
EngineConfig fields that apply to that part only; both stay JSON in a stored state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .estimation import ESTIMATORS, GridEstimator
from .initialization import INITIALIZERS, EasyStart
from .selection import SELECTORS, InformationSelector
from .stopping import STOPPERS, ConfidenceStop

if TYPE_CHECKING:
    from .config import EngineConfig

REGISTRIES: dict[str, dict[str, type]] = {
    "initializer": INITIALIZERS, "selector": SELECTORS, "estimator": ESTIMATORS,
    "stopper": STOPPERS,
}


@dataclass(frozen=True)
class Parts:
    initializer: EasyStart
    selector: InformationSelector
    estimator: GridEstimator
    stopper: ConfidenceStop


def spec(value: str | dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(name, overrides) of a part's entry in the configuration."""
    if isinstance(value, str):
        return value, {}
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"], {k: v for k, v in value.items() if k != "name"}
    raise ValueError(f"partie du moteur mal décrite : {value!r}")


def check(config: EngineConfig) -> None:
    """Every part names a known implementation (a ValueError otherwise)."""
    for part, registry in REGISTRIES.items():
        name, _ = spec(getattr(config, part))
        if name not in registry:
            raise ValueError(f"{part} inconnu : {name!r} (connus : {', '.join(registry)})")


def _own_config(config: EngineConfig, overrides: dict[str, Any]) -> EngineConfig:
    if not overrides:
        return config
    merged = {**config.to_dict(), **overrides}
    return type(config).from_dict(merged)


def build(config: EngineConfig) -> Parts:
    check(config)
    made: dict[str, Any] = {}
    name, overrides = spec(config.estimator)
    made["estimator"] = ESTIMATORS[name](_own_config(config, overrides).model)
    for part in ("initializer", "stopper"):
        name, overrides = spec(getattr(config, part))
        made[part] = REGISTRIES[part][name](_own_config(config, overrides))
    name, overrides = spec(config.selector)
    made["selector"] = SELECTORS[name](_own_config(config, overrides), made["estimator"])
    return Parts(**made)
