"""Page-relative URLs, so the built site works from any sub-folder of any host."""

from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=8192)   # the same few hundred links on every page of every rebuild
def relative(target: str, page: str) -> str:
    """URL of ``target`` (a path from the site root) as seen from ``page`` (another such path)."""
    page_dir = posixpath.dirname(page) or "."
    rel = posixpath.relpath(target, page_dir)
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


def asset_name(content_path: str) -> str:
    """Where a content asset (``images/x.svg``) lands under ``data/``."""
    return content_path.lstrip("./")
