"""Runtime assets copied into dist/: Pyodide's core files, the engine zip, the static files.

Every cacheable URL carries a version: Pyodide lives under ``pyodide/<version>/``, the engine
zip is named by its content hash, and static modules are loaded as ``x.js?v=<hash>`` down to
their own imports (``copy_static``), so hosts may cache them forever.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from .security import CONTENT_SECURITY_POLICY

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYC_SCRIPT = Path(__file__).parent / "js" / "pyc_stdlib.mjs"


class AssetError(Exception):
    """A runtime asset is missing: said in French, with what to run."""


def pyodide_version(root: Path) -> str:
    package = root / "node_modules" / "pyodide" / "package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as exc:
        raise AssetError("Pyodide est introuvable dans node_modules/ : lancez « npm ci » "
                         "(ou « make serve », qui le fait).") from exc


def pyodide_lock_info(root: Path) -> dict:
    lock = root / "node_modules" / "pyodide" / "pyodide-lock.json"
    return json.loads(lock.read_text(encoding="utf-8"))["info"]


def copy_pyodide(root: Path, dest: Path, log=print) -> str:
    """Copy the core runtime to ``dest/pyodide/<version>/`` with a .pyc stdlib when possible."""
    version = pyodide_version(root)
    source = root / "node_modules" / "pyodide"
    target = dest / "pyodide" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(source / name, target / name)
    shutil.copy2(_stdlib(root, source, version, log), target / "python_stdlib.zip")
    return version


def _stdlib(root: Path, source: Path, version: str, log) -> Path:
    """The precompiled stdlib, built once per Pyodide version and cached in .cache/."""
    cached = root / ".cache" / f"pyodide-{version}-stdlib-pyc.zip"
    if cached.is_file():
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    try:
        subprocess.run(["node", str(PYC_SCRIPT), str(source), str(partial)], check=True,
                       capture_output=True, timeout=300)
        partial.replace(cached)
        log(f"Bibliothèque standard précompilée pour Pyodide {version} ({cached.name}).")
        return cached
    except (OSError, subprocess.SubprocessError) as exc:
        log(f"avertissement : précompilation de la bibliothèque standard impossible ({exc}) ; "
            "le démarrage du test sera plus lent.")
        return source / "python_stdlib.zip"


def engine_zip(root: Path, dest: Path) -> str:
    """Pack engine/*.py into ``engine/engine.<hash>.zip`` (reproducible: fixed dates, sorted)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted((root / "engine").rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            info = zipfile.ZipInfo(rel, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    data = buffer.getvalue()
    name = f"engine.{hashlib.sha256(data).hexdigest()[:10]}.zip"
    (dest / "engine").mkdir(parents=True, exist_ok=True)
    (dest / "engine" / name).write_bytes(data)
    return f"engine/{name}"


# A relative module specifier in an import or export (static or dynamic): ./x.js, ../y.mjs.
_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.\.?/[^"'?#\s]+?\.m?js)\2""")


def copy_static(templates: Path, dest: Path) -> dict[str, str]:
    """Copy site_templates/static/ and return each file's short content hash (cache busting).

    Pages load ``static/x.js?v=<hash>``; inside the modules, every relative import gets its
    target's version too (``./storage.js?v=<hash>``), and a module's hash is taken after that
    rewriting, so a change in any module changes the URL of every module that imports it: a
    browser can never mix a new module with old ones it imports.
    """
    source = templates / "static"
    files = {p.relative_to(source).as_posix(): p for p in sorted(source.rglob("*")) if p.is_file()}
    hashes: dict[str, str] = {}

    def version(rel: str, chain: tuple[str, ...] = ()) -> str:
        if rel in hashes:
            return hashes[rel]
        if rel in chain:
            raise AssetError("Import circulaire entre modules : " + " → ".join((*chain, rel)))
        data = files[rel].read_bytes()
        if rel.endswith((".js", ".mjs")):
            def versioned(match: re.Match[str]) -> str:
                spec = match.group(3)
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), spec))
                if target not in files:
                    raise AssetError(f"site_templates/static/{rel} importe « {spec} », "
                                     "qui n'existe pas.")
                quote = match.group(2)
                return f"{match.group(1)}{quote}{spec}?v={version(target, (*chain, rel))}{quote}"
            data = _IMPORT.sub(versioned, data.decode("utf-8")).encode("utf-8")
        target_path = dest / "static" / rel
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target_path.write_bytes(data)
        hashes[rel] = hashlib.sha256(data).hexdigest()[:10]
        return hashes[rel]

    for rel in files:
        version(rel)
    return hashes


HTACCESS = f"""\
# Diagnum — réglages pour les hébergements Apache qui ne connaissent pas ces types de fichiers.
AddType application/wasm .wasm
AddType text/javascript .mjs .js
AddType application/json .json
AddType image/svg+xml .svg
AddCharset utf-8 .html .css .js .mjs .json .svg

<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript
  AddOutputFilterByType DEFLATE application/json application/wasm image/svg+xml
</IfModule>

<IfModule mod_headers.c>
  # Fichiers versionnés (dossier pyodide/<version>/, moteur nommé par son empreinte) : cache long.
  <FilesMatch "\\.(wasm|mjs|zip)$">
    Header set Cache-Control "public, max-age=31536000, immutable"
  </FilesMatch>
  # Pages et données : toujours revalidées, pour voir tout de suite une mise à jour.
  <FilesMatch "\\.(html|json)$">
    Header set Cache-Control "no-cache"
  </FilesMatch>
  Header set X-Content-Type-Options "nosniff"
  # Même origine seulement, aucun script en ligne (voir builder/security.py) ; l'en-tête est
  # le seul à s'appliquer au Web Worker du moteur.
  Header set Content-Security-Policy "{CONTENT_SECURITY_POLICY}"
</IfModule>
"""
