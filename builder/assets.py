"""Runtime assets copied into dist/: Pyodide's core files, the engine zip, the static files.

Every cacheable URL carries a version: Pyodide lives under ``pyodide/<version>/``, the engine
zip is named by its content hash, and static modules are loaded as ``x.js?v=<hash>`` down to
their own imports (``copy_static``), so hosts may cache them forever.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from .security import CONTENT_SECURITY_POLICY

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYC_SCRIPT = Path(__file__).parent / "js" / "pyc_stdlib.mjs"
# The stdlib modules shipped (measured, plus a margin): see the file's header to regenerate it.
STDLIB_KEEP = Path(__file__).parent / "js" / "stdlib_keep.txt"


class AssetError(Exception):
    """A runtime asset is missing: said in French, with what to run."""


MISSING_PYODIDE = ("Pyodide est introuvable dans node_modules/ : lancez « npm ci » à la racine du "
                   "projet (ou « make serve », qui installe tout), puis recommencez.")


def place(source: Path, dest: Path, rel: str, previous: Path | None = None) -> None:
    """Put ``source`` at ``dest/rel``: a hard link to the previous site's file when that one is an
    unchanged copy (same size and date as ``source``), a fresh copy otherwise.

    Rebuilds then neither copy Pyodide's 15 MB nor unchanged files; the source files are never
    linked, so nothing written into a built site can reach node_modules/ or the content.
    """
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None:
        old = previous / rel
        try:
            src, was = source.stat(), old.stat()
            if (src.st_size, src.st_mtime_ns) == (was.st_size, was.st_mtime_ns):
                os.link(old, target)
                return
        except OSError:
            pass
    shutil.copy2(source, target)


def pyodide_version(root: Path) -> str:
    package = root / "node_modules" / "pyodide" / "package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as exc:
        raise AssetError(MISSING_PYODIDE) from exc


def pyodide_lock_info(root: Path) -> dict:
    lock = root / "node_modules" / "pyodide" / "pyodide-lock.json"
    try:
        return json.loads(lock.read_text(encoding="utf-8"))["info"]
    except (OSError, ValueError, KeyError) as exc:
        raise AssetError(MISSING_PYODIDE) from exc


def copy_pyodide(root: Path, dest: Path, log=print, previous: Path | None = None) -> str:
    """Copy the core runtime to ``dest/pyodide/<version>/`` with a .pyc stdlib when possible."""
    version = pyodide_version(root)
    source = root / "node_modules" / "pyodide"
    folder = f"pyodide/{version}"
    if not all((source / name).is_file() for name in PYODIDE_FILES):
        raise AssetError(MISSING_PYODIDE)
    for name in PYODIDE_FILES:
        place(source / name, dest, f"{folder}/{name}", previous)
    place(_stdlib(root, source, version, log), dest, f"{folder}/python_stdlib.zip", previous)
    return version


def _stdlib(root: Path, source: Path, version: str, log) -> Path:
    """The precompiled, trimmed stdlib, built once per Pyodide version and keep list, cached in
    .cache/ (the Pyodide tests in tests/test_engine_in_pyodide.py run against it)."""
    keep = hashlib.sha256(STDLIB_KEEP.read_bytes()).hexdigest()[:10]
    cached = root / ".cache" / f"pyodide-{version}-stdlib-pyc-{keep}.zip"
    if cached.is_file():
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    try:
        subprocess.run(["node", str(PYC_SCRIPT), str(source), str(partial), str(STDLIB_KEEP)],
                       check=True, capture_output=True, timeout=300)
        partial.replace(cached)
        for stale in cached.parent.glob(f"pyodide-{version}-stdlib-pyc*.zip"):
            if stale != cached:  # built from an older keep list
                stale.unlink(missing_ok=True)
        log(f"Bibliothèque standard précompilée pour Pyodide {version} ({cached.name}).")
        return cached
    except (OSError, subprocess.SubprocessError) as exc:
        log(f"avertissement : précompilation de la bibliothèque standard impossible ({exc}) ; "
            "le démarrage du test sera plus lent.")
        return source / "python_stdlib.zip"


# What the participant's page needs of campaigns/ (the mediator's figures stay out of the test's
# download): campaigns.participant and what it imports.
PARTICIPANT_MODULES = ("campaigns/__init__.py", "campaigns/codes.py", "campaigns/links.py",
                       "campaigns/results.py", "campaigns/participant.py")


def engine_zip(root: Path, dest: Path) -> str:
    """Pack engine/ and the participant's part of campaigns/ into ``engine/engine.<hash>.zip`` for
    the learner's worker (campaign codes are read, and result codes made, next to the engine)."""
    return _python_zip(root, dest, "engine", ("engine", "campaigns"),
                       keep=lambda rel: not rel.startswith("campaigns/")
                       or rel in PARTICIPANT_MODULES)


def mediator_zip(root: Path, dest: Path) -> str:
    """Pack engine/, campaigns/ and certification/ for the mediator's worker."""
    return _python_zip(root, dest, "mediator", ("engine", "campaigns", "certification"))


def certification_zip(root: Path, dest: Path) -> str:
    """Pack engine/ and certification/ for the candidate's worker (« certification blanche »)."""
    return _python_zip(root, dest, "certification", ("engine", "certification"))


# Zips already made in this process, by their sources' (path, size, modification time): an
# editor's rebuild does not compress the same Python files again.
_ZIPS: dict[tuple, bytes] = {}


def _python_zip(root: Path, dest: Path, name: str, packages: tuple[str, ...],
                keep=lambda rel: True) -> str:
    """``engine/<name>.<hash>.zip`` of the packages' *.py (reproducible: fixed dates, sorted),
    named by its content so hosts may cache it forever; ``keep(path)`` filters the files."""
    sources = [(path.relative_to(root).as_posix(), path)
               for package in packages for path in sorted((root / package).rglob("*.py"))]
    sources = [(rel, path) for rel, path in sources if keep(rel)]
    key = (name, tuple((rel, path.stat().st_size, path.stat().st_mtime_ns) for rel, path in sources))
    data = _ZIPS.get(key)
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel, path in sources:
                info = zipfile.ZipInfo(rel, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
        data = buffer.getvalue()
        if len(_ZIPS) > 16:
            _ZIPS.clear()
        _ZIPS[key] = data
    filename = f"{name}.{hashlib.sha256(data).hexdigest()[:10]}.zip"
    (dest / "engine").mkdir(parents=True, exist_ok=True)
    (dest / "engine" / filename).write_bytes(data)
    return f"engine/{filename}"


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


# A relative module specifier in an import or export (static or dynamic): ./x.js, ../y.mjs.
_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.\.?/[^"'?#\s]+?\.m?js)\2""")


def copy_static(templates: Path, dest: Path, previous: Path | None = None) -> dict[str, str]:
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
        if not rel.endswith((".js", ".mjs")):
            place(files[rel], dest, f"static/{rel}", previous)   # unchanged files are linked
            hashes[rel] = hashlib.sha256(data).hexdigest()[:10]
            return hashes[rel]

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

# Fichiers précompressés : la construction du site écrit, à côté des gros fichiers, une version
# brotli (fichier.br) et une version gzip (fichier.gz). Quand le navigateur les accepte
# (en-tête Accept-Encoding), Apache envoie la version compressée telle quelle, sans rien
# recompresser : c'est ce qui divise par trois le téléchargement du premier test.
# Il faut mod_rewrite et mod_headers ; sans eux, les fichiers d'origine sont servis (plus lourds).
# Si le site est publié sous un alias Apache, ajoutez « RewriteBase /chemin/du/site/ ».
<IfModule mod_rewrite.c>
  RewriteEngine On
  RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
  RewriteCond %{{REQUEST_FILENAME}}.br -f
  RewriteRule ^(.+)$ $1.br [L]
  RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
  RewriteCond %{{REQUEST_FILENAME}}.gz -f
  RewriteRule ^(.+)$ $1.gz [L]
  # Le type annoncé reste celui du fichier d'origine ; no-gzip et no-brotli empêchent
  # mod_deflate et mod_brotli de compresser une seconde fois.
  RewriteRule \\.wasm\\.(br|gz)$ - [T=application/wasm,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.m?js\\.(br|gz)$ - [T=text/javascript;charset=utf-8,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.json\\.(br|gz)$ - [T=application/json;charset=utf-8,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.html\\.(br|gz)$ - [T=text/html;charset=utf-8,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.css\\.(br|gz)$ - [T=text/css;charset=utf-8,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.svg\\.(br|gz)$ - [T=image/svg+xml,E=no-gzip:1,E=no-brotli:1]
  RewriteRule \\.zip\\.(br|gz)$ - [T=application/zip,E=no-gzip:1,E=no-brotli:1]
</IfModule>
# Une version .gz ou .br n'est pas une archive à télécharger : c'est le même fichier, compressé.
RemoveType .br .gz
RemoveEncoding .br .gz

<IfModule mod_deflate.c>
  # Les autres fichiers (petits) sont compressés à la volée par Apache, s'il sait le faire.
  AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript
  AddOutputFilterByType DEFLATE application/json application/wasm image/svg+xml
</IfModule>

<IfModule mod_headers.c>
  <FilesMatch "\\.br$">
    Header set Content-Encoding br
  </FilesMatch>
  <FilesMatch "\\.gz$">
    Header set Content-Encoding gzip
  </FilesMatch>
  # Les caches intermédiaires doivent garder une version par encodage accepté.
  <FilesMatch "\\.(wasm|mjs|js|json|html|css|svg|zip)(\\.br|\\.gz)?$">
    Header append Vary Accept-Encoding
  </FilesMatch>
  # Fichiers versionnés (dossier pyodide/<version>/, moteur nommé par son empreinte) : cache long.
  <FilesMatch "\\.(wasm|mjs|zip)(\\.br|\\.gz)?$">
    Header set Cache-Control "public, max-age=31536000, immutable"
  </FilesMatch>
  # Le service worker du mode hors ligne et la liste des fichiers : toujours revalidés.
  <FilesMatch "^(sw\\.js|offline-manifest\\.json)(\\.br|\\.gz)?$">
    Header set Cache-Control "no-cache"
  </FilesMatch>
  # Pages et données : toujours revalidées, pour voir tout de suite une mise à jour.
  <FilesMatch "\\.(html|json)(\\.br|\\.gz)?$">
    Header set Cache-Control "no-cache"
  </FilesMatch>
  Header set X-Content-Type-Options "nosniff"
  # Même origine seulement, aucun script en ligne (voir builder/security.py) ; l'en-tête est
  # le seul à s'appliquer au Web Worker du moteur.
  Header set Content-Security-Policy "{CONTENT_SECURITY_POLICY}"
</IfModule>
"""
