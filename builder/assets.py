"""Runtime assets copied into dist/: Pyodide's core files, the engine zip, the static files.

Every cacheable URL carries a version: Pyodide lives under ``pyodide/<version>/`` and the engine
zip is named by its content hash, so hosts may cache them forever.
"""

from __future__ import annotations

import hashlib
import io
import json
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


def mediator_zip(root: Path, dest: Path) -> str:
    """Pack engine/ and campaigns/ for the mediator's worker, named by content hash."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for package in ("engine", "campaigns"):
            for path in sorted((root / package).rglob("*.py")):
                info = zipfile.ZipInfo(path.relative_to(root).as_posix(),
                                       date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    data = buffer.getvalue()
    name = f"mediator.{hashlib.sha256(data).hexdigest()[:10]}.zip"
    (dest / "engine").mkdir(parents=True, exist_ok=True)
    (dest / "engine" / name).write_bytes(data)
    return f"engine/{name}"


QRCODE_PACKAGE = "qrcode-generator"


def copy_qrcode(root: Path, dest: Path) -> str:
    """Copy the QR code encoder (npm ``qrcode-generator``, pinned in package-lock.json) to
    ``vendor/qrcode-generator/<version>/``: QR codes are drawn on the device, never fetched."""
    source = root / "node_modules" / QRCODE_PACKAGE
    try:
        version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as exc:
        raise AssetError("qrcode-generator est introuvable dans node_modules/ : lancez "
                         "« npm ci » (ou « make serve », qui le fait).") from exc
    target = dest / "vendor" / QRCODE_PACKAGE / version
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "dist" / "qrcode.mjs", target / "qrcode.mjs")  # MIT, in its header
    return f"vendor/{QRCODE_PACKAGE}/{version}/qrcode.mjs"


def copy_static(templates: Path, dest: Path) -> dict[str, str]:
    """Copy site_templates/static/ and return each file's short content hash (cache busting)."""
    hashes = {}
    source = templates / "static"
    for path in sorted(source.rglob("*")):
        if path.is_file():
            rel = path.relative_to(source).as_posix()
            target = dest / "static" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
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
