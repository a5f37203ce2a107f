"""The build pipeline: load → check → render into a temporary folder → swap into place.

The output folder is replaced only when every step succeeded, so a content error (or a crash)
leaves the site that was there before untouched.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from campaigns import codes

from . import assets, cache, compress, markdown, offline
from .bundle import referential_bundle, referential_parts
from .centres import write_centres
from .declared_campaigns import write_campaigns
from .diagnostics import ContentError
from .first_questions import engine_key, first_questions
from .loading import load_and_check
from .site import make_environment, plan_pages, render_pages
from .tutorial_pictures import used_pictures

Step = Callable[[Path], object]  # a last step of the build, given the site's folder


def build(content_dir: Path, output: Path, root: Path = Path("."), log=print,
          precompress: bool = True, remove=None,
          defer: Callable[[Callable[[], None]], None] | None = None) -> str:
    """Build the site; raises ContentError (the editor's problems) or AssetError (what to run).

    ``precompress=False`` skips the .br/.gz variants: ``diagnum serve`` serves files as they
    are, and an editor's rebuild must stay fast. ``remove(path)`` deletes the site that was
    replaced (default: at once); ``diagnum serve`` does it after the page has reloaded, since
    deleting a thousand files takes longer than building them on some disks. ``defer(job)``
    (``diagnum serve``) takes the steps no page waits for — the precomputed first questions
    and the offline manifest — to run on the served site just after the swap: the editor's
    page shows the change first, and the site ends up the same as without it."""
    if defer is not None and precompress:
        raise ValueError("defer is for an editor's rebuild, which is not precompressed")
    started = time.perf_counter()
    assets.pyodide_version(root)  # a missing node_modules/ is said before any long work
    cache.use_disk(root.resolve() / ".cache" / "parsed")
    content, problems = load_and_check(content_dir)
    for warning in problems.warnings:
        log(str(warning))
    if problems.errors:
        raise ContentError(problems.errors)
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        summary, last_steps = _build_into(content, staging, root.resolve(), log,
                                          previous=output if output.is_dir() else None)
        if defer is None:
            _finish(staging, last_steps)
            if precompress:
                compress.precompress(staging, root.resolve() / ".cache" / "compressed", log)
        _swap(staging, output, remove or _remove_tree)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if defer is not None:
        defer(lambda: _finish(output, last_steps))
    elapsed = time.perf_counter() - started
    return f"Site construit dans {output} en {elapsed:.1f} s — {summary}"


def _finish(site: Path, steps: list[Step]) -> None:
    for step in steps:
        step(site)


def _build_into(content, dest: Path, root: Path, log,
                previous: Path | None) -> tuple[str, list[Step]]:
    """Everything but the last steps, which are returned: they read the finished site."""
    dest.mkdir(parents=True)
    templates = root / "site_templates"
    ref_dir = content.referential_dir

    data_dir = dest / "data"
    data_dir.mkdir()
    used_images = sorted({c.illustration["image"] for c in content.challenges if c.illustration}
                         | used_pictures(content))
    for image in used_images:
        assets.place(ref_dir / image, dest, f"data/{image}", previous)
    documents = {doc: markdown.render((ref_dir / doc).read_text(encoding="utf-8"))
                 for doc in sorted({c.document for c in content.challenges if c.document})}
    bundle = referential_bundle(content, documents)
    if not _reuse_referential(previous, dest, bundle["version"]):
        (data_dir / "referential.json").write_text(bundle.json(), encoding="utf-8")
        parts_dir = data_dir / "referential" / bundle["version"]
        parts_dir.mkdir(parents=True)
        for name, part in referential_parts(bundle).items():
            (parts_dir / name).write_text(bundle.json(part), encoding="utf-8")
        _note_referential(data_dir, bundle["version"])

    campaigns_path = write_campaigns(dest, getattr(content, "campaigns", []))
    centres_path = write_centres(dest, getattr(content, "centres", []))
    pyodide_version = assets.copy_pyodide(root, dest, log, previous)
    engine_path = assets.engine_zip(root, dest)
    mediator_path = assets.mediator_zip(root, dest)
    certification_path = assets.certification_zip(root, dest)
    qrcode_path = assets.copy_qrcode(root, dest)
    static_hashes = assets.copy_static(templates, dest, previous)
    (dest / ".htaccess").write_text(assets.HTACCESS, encoding="utf-8")

    runtime = {
        "pyodide": f"pyodide/{pyodide_version}/",
        "engine": engine_path,
        "referential": f"data/referential.json?v={bundle['version']}",
        "parts": f"data/referential/{bundle['version']}/",
        "first": f"data/first/{bundle['version']}/",
        # The big files of the engine's start and their size: the page's download bar.
        "downloads": {path: (dest / path).stat().st_size for path in (
            f"pyodide/{pyodide_version}/pyodide.asm.wasm",
            f"pyodide/{pyodide_version}/python_stdlib.zip", engine_path)},
        "lock": assets.pyodide_lock_info(root),
        "version": bundle["version"],
        "titles": {c.id: c.title for c in content.competences},
        "profiles": {p.id: p.data["titre"] for p in content.profiles},
        "labels": content.site.labels(),
        "mediator": mediator_path,
        "certification": certification_path,
        "campaigns": campaigns_path,
        "qrcode": qrcode_path,
        # A campaign code names its parcours by a number: the home page's « J'ai un code ».
        "campaign_slots": {str(codes.parcours_slot(p.id)): p.id for p in content.profiles},
        "centres": centres_path,
    }
    env = make_environment(templates)
    pages = plan_pages(content)
    render_pages(env, pages, dest, {
        "site": content.site, "site_name": content.site.name, "runtime": runtime,
        "static_hashes": static_hashes,
        "domains": content.domains, "all_competences": content.competences,
    })
    offline.place_service_worker(dest)
    key = engine_key(root)
    summary = (f"{len(pages)} pages, {len(content.challenges)} épreuves, "
               f"{len(content.tutorials)} tutoriels, Pyodide {pyodide_version}, {engine_path}")
    return summary, [lambda site: _write_first_questions(site, bundle, key),
                     offline.write_manifest]


def _write_first_questions(site: Path, bundle: dict, key: str) -> None:
    first_dir = site / "data" / "first" / bundle["version"]
    first_dir.mkdir(parents=True, exist_ok=True)
    for name, document in first_questions(bundle, key).items():
        (first_dir / name).write_text(
            json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# What this process last wrote of the referential: its version, and relative path → (inode,
# size, modification time). A previous site's file is reused only if it is still exactly that.
_WRITTEN: dict[str, tuple[int, int, int]] = {}
_WRITTEN_VERSION = [""]


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _referential_files(data_dir: Path, version: str) -> list[str]:
    parts = data_dir / "referential" / version
    return ["referential.json",
            *sorted(f"referential/{version}/{p.name}" for p in parts.glob("*.json"))]


def _reuse_referential(previous: Path | None, dest: Path, version: str) -> bool:
    """Link the previous site's referential files when they are of this very version (the
    version is the bundle's hash) and untouched since written: an edited tutorial's text leaves
    them unchanged, and writing them again was most of an editor's rebuild."""
    if previous is None or _WRITTEN_VERSION[0] != version:
        return False
    try:
        names = _referential_files(previous / "data", version)
        if not all(_WRITTEN.get(name) == _signature(previous / "data" / name) for name in names):
            return False
        (dest / "data" / "referential" / version).mkdir(parents=True)
        for name in names:
            os.link(previous / "data" / name, dest / "data" / name)
    except OSError:
        shutil.rmtree(dest / "data" / "referential", ignore_errors=True)
        (dest / "data" / "referential.json").unlink(missing_ok=True)
        return False
    return True


def _note_referential(data_dir: Path, version: str) -> None:
    _WRITTEN.clear()
    _WRITTEN_VERSION[0] = version
    for name in _referential_files(data_dir, version):
        _WRITTEN[name] = _signature(data_dir / name)


_REPLACED = itertools.count()  # a name of its own for each replaced site, still being removed


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _swap(staging: Path, output: Path, remove=_remove_tree) -> None:
    """Put the new site in place with two renames; the old one is removed only afterwards."""
    old = output.parent / f".{output.name}.old-{os.getpid()}-{next(_REPLACED)}"
    if output.exists():
        output.rename(old)
    try:
        staging.rename(output)
    except OSError:
        if old.exists():
            old.rename(output)
        raise
    if old.exists():
        remove(old)
