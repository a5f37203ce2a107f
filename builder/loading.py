"""Load and check the content in one call: what ``check``, ``stats`` and ``build`` all start with."""

from __future__ import annotations

from pathlib import Path

from .calibration import load_calibration
from .centres import load_centres
from .checks import check_content
from .content import Content, load_content
from .declared_campaigns import load_campaigns
from .diagnostics import Problems


def load_and_check(content_dir: Path) -> tuple[Content, Problems]:
    problems = Problems(root=content_dir)
    content = load_content(content_dir, problems)
    check_content(content, problems)
    content.campaigns = load_campaigns(content_dir, content, problems)  # data/campagnes.json
    content.centres = load_centres(content_dir, problems)  # data/centres.json
    content.calibration = load_calibration(content_dir, content, problems)  # diagnum calibrate
    return content, problems
