"""What the builder needs to know of an SVG illustration: its coordinate box (viewBox).

Zones to click are declared on the SVG's own coordinates, and the page overlays them on the
picture with the same viewBox; the box is read here once per file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@lru_cache(maxsize=512)
def _box(path: Path, stamp: float) -> tuple[float, float, float, float] | None:
    try:
        for _event, element in ET.iterparse(path, events=("start",)):
            view_box = element.get("viewBox")
            if view_box:
                numbers = [float(n) for n in _NUMBER.findall(view_box)]
                return tuple(numbers) if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0 \
                    else None
            width, height = element.get("width"), element.get("height")
            if width and height and _NUMBER.fullmatch(width) and _NUMBER.fullmatch(height):
                return (0.0, 0.0, float(width), float(height))
            return None
    except (OSError, ET.ParseError):
        return None
    return None


class ContentAssets:
    """The content's images, as challenge types may ask about them."""

    def __init__(self, referential_dir: Path) -> None:
        self.root = referential_dir

    def image_box(self, path: str) -> tuple[float, float, float, float] | None:
        target = self.root / path
        if not path.endswith(".svg") or ".." in path or not target.is_file():
            return None
        return _box(target, target.stat().st_mtime)
