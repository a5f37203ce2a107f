"""How long an editor waits: Diagnum's full build and one-file rebuild, next to MkDocs.

Figures, each the median (min–max) of ``--runs`` runs on the bundled content:

- full build in a new process (``diagnum build``), with an empty parse cache (cold) and with the
  on-disk parse cache of a previous build (warm);
- ``diagnum serve``: from saving one file (a tutorial, the largest sujet) to the served page
  showing the change, polled over HTTP like a browser would (watcher delay included);
- MkDocs 1.6 on the same tutorials (front matter removed, title as the page's heading): a full
  ``mkdocs build`` in a new process, and the in-process rebuild ``mkdocs serve`` runs after an edit.

    pip install -e '.[bench]'     # MkDocs, only for this comparison
    python -m benchmarks.build_times [--runs 5] [--write docs/benchmark-build.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


Times = list[tuple[float, float]]  # (wall seconds, processor seconds) of each run


def _clock() -> tuple[float, float]:
    """Wall time, and processor time of this process (all threads) plus its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), time.process_time() + children.ru_utime + children.ru_stime


def _since(start: tuple[float, float]) -> tuple[float, float]:
    now = _clock()
    return now[0] - start[0], now[1] - start[1]


def _median(times: Times) -> str:
    if not times:
        return "— | —"
    wall = [w for w, _ in times]
    cpu = statistics.median(c for _, c in times)
    return f"{statistics.median(wall):.2f} s ({min(wall):.2f}–{max(wall):.2f}) | {cpu:.2f} s"


def _timed(action: Callable[[], None], runs: int, before: Callable[[], None] = lambda: None,
           warmup: int = 1) -> Times:
    times = []
    for i in range(warmup + runs):
        before()
        started = _clock()
        action()
        if i >= warmup:
            times.append(_since(started))
    return times


def _scratch_root(tmp: Path) -> Path:
    """A project root with its own .cache/ (parse cache) but the real templates, engine, Pyodide."""
    root = tmp / "root"
    (root / ".cache").mkdir(parents=True)
    for name in ("site_templates", "engine", "node_modules"):
        (root / name).symlink_to(ROOT / name)
    for stdlib in (ROOT / ".cache").glob("pyodide-*-stdlib-pyc.zip"):
        (root / ".cache" / stdlib.name).symlink_to(stdlib)
    return root


def diagnum_full(tmp: Path, runs: int) -> dict[str, Times]:
    root = _scratch_root(tmp)
    dist = tmp / "dist-full"
    command = [sys.executable, "-m", "builder", "--content", str(CONTENT), "--root", str(root),
               "build", "-o", str(dist)]

    def run() -> None:
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)

    def forget() -> None:
        shutil.rmtree(root / ".cache" / "parsed", ignore_errors=True)
        shutil.rmtree(dist, ignore_errors=True)

    return {"cold": _timed(run, runs, before=forget),
            "warm": _timed(run, runs, before=lambda: shutil.rmtree(dist, ignore_errors=True))}


def _get(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode("utf-8")


def _largest_sujet(content: Path) -> Path:
    return max((p for p in (content / "referential").glob("*/*.yaml")
                if p.name != "competence.yaml"), key=lambda p: p.stat().st_size)


def _add_sentence(tutorial: Path, number: int) -> str:
    """An editor's edit of a tutorial: a sentence added at the end; the sentence is returned."""
    marker = f"Modification numéro {number}."
    with tutorial.open("a", encoding="utf-8") as f:
        f.write(f"\n{marker}\n")
    return marker


def _retitle(sujet: Path, number: int) -> str:
    """An editor's edit of a sujet: its title changed (every page naming it changes too)."""
    marker = f"version {number}"
    lines = sujet.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].split(" — ")[0] + f" — {marker}"
    sujet.write_text("\n".join(lines), encoding="utf-8")
    return marker


def diagnum_serve(tmp: Path, runs: int) -> dict[str, Times]:
    """Save a file, then poll the served page until it shows the change (what an editor sees)."""
    import builder.build
    from builder.serve import DevServer

    builds: Times = []
    original = builder.build.build

    def timed_build(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            builds.append((time.perf_counter() - wall, time.thread_time() - cpu))

    attempts: Times = []
    original_rebuild = DevServer.rebuild

    def timed_rebuild(self):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return original_rebuild(self)
        finally:
            attempts.append((time.perf_counter() - wall, time.thread_time() - cpu))

    builder.build.build = timed_build
    DevServer.rebuild = timed_rebuild
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    dev = DevServer(content, tmp / "dist-serve", ROOT, port=0, log=lambda _m: None)
    dev.rebuild()
    dev.start(watch=True)
    tutorial = content / "tutorials" / sorted(os.listdir(content / "tutorials"))[0]
    sujet = _largest_sujet(content)
    competence = sujet.parent.name
    counter = iter(range(10_000))

    def edit_tutorial() -> tuple[Path, str, str]:
        marker = _add_sentence(tutorial, next(counter))
        return tutorial, f"tutoriels/{tutorial.stem}/index.html", marker

    def edit_sujet() -> tuple[Path, str, str]:
        marker = _retitle(sujet, next(counter))
        return sujet, f"competences/{competence}/index.html", marker

    def measure(edit) -> tuple[Times, Times, Times]:
        """End-to-end times as the editor's open page sees them: it long-polls the server (as
        builder/js/livereload.js does, one request waiting) and fetches the page when a build
        is announced; the build that produced each change (the last one before the page showed
        it: a save seen half-written may trigger one more), and the whole attempt."""
        times, produced, whole = [], [], []
        for i in range(runs + 1):
            time.sleep(0.5)  # the watcher has seen the previous state
            since = json.loads(_get(dev.url + ".diagnum/livereload?since=-1"))["attempt"]
            started = _clock()
            _, page, marker = edit()
            while True:
                state = json.loads(_get(f"{dev.url}.diagnum/livereload?since={since}"))
                since = state["attempt"]
                if marker in _get(dev.url + page):
                    break
            if i:  # the first run is a warm-up
                times.append(_since(started))
                produced.append(builds[-1])
                count = len(builds)
                while len(attempts) < count:  # the deferred steps finish after the page
                    time.sleep(0.01)
                whole.append(attempts[count - 1])
        return times, produced, whole

    try:
        (tutorial_times, tutorial_builds, tutorial_whole), (sujet_times, sujet_builds,
                                                            sujet_whole) = (
            measure(edit_tutorial), measure(edit_sujet))
        return {"tutorial": tutorial_times, "sujet": sujet_times,
                "tutorial-build": tutorial_builds, "sujet-build": sujet_builds,
                "tutorial-whole": tutorial_whole, "sujet-whole": sujet_whole}
    finally:
        dev.shutdown()
        builder.build.build = original
        DevServer.rebuild = original_rebuild


_NAVIGATION = """() => {
  const entry = performance.getEntriesByType("navigation")[0];
  return performance.timeOrigin + entry.loadEventEnd;
}"""


def _process_cpu(pid: int) -> float:
    """Processor seconds used so far by a process (Linux's /proc), 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def diagnum_browser(tmp: Path, runs: int) -> dict[str, Times] | None:
    """What an editor sees: ``diagnum serve`` in its own process, the page open in Chromium on
    the same cores; from saving the file to the reloaded page's load event (the page's own
    clock, ``performance.timeOrigin``, against this process's: both are the system's clock).
    The processor time is that of the ``diagnum serve`` process for the edit."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    import threading

    root = _scratch_root(tmp / "browser")
    content = tmp / "browser" / "content"
    shutil.copytree(CONTENT, content)
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "--content", str(content), "--root", str(root),
         "serve", "--port", "0", "-o", str(tmp / "browser" / "dist")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    # The server's output is read all along: a full pipe would stop it.
    threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
    try:
        while not any("servi sur" in line for line in lines):
            if server.poll() is not None:
                raise RuntimeError("diagnum serve s'est arrêté :\n" + "".join(lines[-20:]))
            time.sleep(0.1)
        url = next(line for line in lines if "servi sur" in line).split("servi sur ")[1].split()[0]
        tutorial = content / "tutorials" / sorted(os.listdir(content / "tutorials"))[0]
        sujet = _largest_sujet(content)
        counter = iter(range(10_000))

        def edit_tutorial() -> str:
            return _add_sentence(tutorial, next(counter))

        def edit_sujet() -> str:
            return _retitle(sujet, next(counter))

        times: dict[str, Times] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 headless=True, args=["--no-sandbox"])
            page = browser.new_page()
            for name, edit, path in (("tutorial", edit_tutorial, f"tutoriels/{tutorial.stem}/"),
                                     ("sujet", edit_sujet, f"competences/{sujet.parent.name}/")):
                page.goto(url + path)
                times[name] = []
                for i in range(runs + 1):
                    time.sleep(2.5)  # the server is idle again (its collector has run)
                    cpu = _process_cpu(server.pid)
                    with page.expect_navigation(wait_until="load", timeout=30_000):
                        saved = time.time()
                        marker = edit()
                    shown = page.evaluate(_NAVIGATION) / 1000
                    if marker not in page.content():
                        raise RuntimeError(f"la page rechargée ne montre pas « {marker} »")
                    if i:  # the first run is a warm-up
                        times[name].append((shown - saved, _process_cpu(server.pid) - cpu))
            browser.close()
        return times
    finally:
        server.terminate()
        server.wait(timeout=60)


def _mkdocs_project(tmp: Path) -> Path:
    project = tmp / "mkdocs"
    docs = project / "docs"
    docs.mkdir(parents=True)
    names = []
    for source in sorted((CONTENT / "tutorials").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        title = next(line.split(":", 1)[1].strip() for line in front.split("\n")
                     if line.startswith("titre:"))
        (docs / source.name).write_text(f"# {title}\n{body}", encoding="utf-8")
        names.append(source.name)
    (docs / "index.md").write_text("# Tutoriels\n\n" + "\n".join(
        f"- [{n[:-3]}]({n})" for n in names) + "\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Tutoriels\nuse_directory_urls: true\n",
                                        encoding="utf-8")
    return project


def mkdocs_times(tmp: Path, runs: int) -> dict | None:
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
    except ImportError:
        return None
    project = _mkdocs_project(tmp)
    config_file = str(project / "mkdocs.yml")

    def full() -> None:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_file],
                       check=True, capture_output=True, cwd=project)

    tutorial = sorted((project / "docs").glob("*.md"))[1]
    counter = iter(range(10_000))

    def rebuild() -> None:
        with tutorial.open("a", encoding="utf-8") as f:
            f.write(f"\nModification numéro {next(counter)}.\n")
        config = load_config(config_file, quiet=True)
        build(config, serve_url="http://127.0.0.1:8000/")  # what ``mkdocs serve`` runs on a change

    import logging

    import mkdocs

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    return {"full": _timed(full, runs), "rebuild": _timed(rebuild, runs),
            "version": mkdocs.__version__}


def report(runs: int) -> str:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="diagnum-bench-") as tmp:
        base = Path(tmp)
        full = diagnum_full(base, runs)
        served = diagnum_serve(base, runs)
        browser = diagnum_browser(base, runs)
        mkdocs = mkdocs_times(base, runs)
    load_after = os.getloadavg()[0]
    tutorials = len(list((CONTENT / "tutorials").glob("*.md")))
    rows = [
        ("Diagnum — construction complète, nouveau processus, cache vide", _median(full["cold"])),
        ("Diagnum — construction complète, nouveau processus, cache de lecture sur disque",
         _median(full["warm"])),
        ("`diagnum serve` — un tutoriel enregistré → page à jour servie", _median(served["tutorial"])),
        ("`diagnum serve` — le plus gros sujet enregistré → page à jour servie",
         _median(served["sujet"])),
    ]
    if browser:
        rows += [
            ("`diagnum serve` et Chromium — un tutoriel enregistré → page ouverte rechargée "
             "(événement load)", _median(browser["tutorial"])),
            ("`diagnum serve` et Chromium — le plus gros sujet enregistré → page de la "
             "compétence rechargée", _median(browser["sujet"])),
        ]
    rows += [
        ("`diagnum serve` — reconstruction seule, après un tutoriel modifié",
         _median(served["tutorial-build"])),
        ("`diagnum serve` — reconstruction seule, après le plus gros sujet modifié",
         _median(served["sujet-build"])),
        ("`diagnum serve` — reconstruction et étapes différées (premières questions, manifeste "
         "hors ligne), après un tutoriel modifié", _median(served["tutorial-whole"])),
        ("`diagnum serve` — reconstruction et étapes différées, après le plus gros sujet modifié",
         _median(served["sujet-whole"])),
    ]
    if mkdocs:
        version = mkdocs["version"]
        rows += [(f"MkDocs {version} — `mkdocs build` des {tutorials} tutoriels, nouveau processus",
                  _median(mkdocs["full"])),
                 (f"MkDocs {version} — reconstruction après modification d'un tutoriel "
                  "(ce que fait `mkdocs serve`)", _median(mkdocs["rebuild"]))]
    table = "\n".join(f"| {what} | {figure} |" for what, figure in rows)
    return f"""# Temps de construction du site

Mesuré par `python -m benchmarks.build_times --runs {runs}` le {time.strftime('%Y-%m-%d')}, sur
{os.cpu_count()} cœurs, Python {platform.python_version()}, {platform.system()} ; contenu livré
({tutorials} tutoriels, tout le référentiel). Chaque chiffre est la médiane (min–max) de {runs}
mesures après une mesure d'échauffement non comptée. Charge moyenne de la machine (sur une minute)
au début et à la fin de la mesure : {load_before:.1f} et {load_after:.1f} ; quand elle dépasse le
nombre de cœurs, les durées s'allongent d'autant, et le temps processeur est le chiffre à comparer.

| quoi | durée : médiane (min–max) | temps processeur (médiane) |
|---|---|---|
{table}

Ce qui est mesuré :

- **Construction complète** : `diagnum build` dans un nouveau processus (démarrage de Python
  compris) : lecture et vérification de tout le contenu, rendu des pages, Pyodide et moteur. « Cache
  vide » : aucun fichier YAML déjà lu ; « cache sur disque » : les fichiers lus par une construction
  précédente sont repris de `.cache/parsed/` (clé : le texte du fichier et le code du lecteur).
- **`diagnum serve`** : du moment où le fichier est enregistré jusqu'au moment où la page servie
  montre la modification, lue par HTTP comme le ferait le navigateur. Cela comprend le délai de la
  surveillance (sous Linux, inotify réveille le serveur dès l'enregistrement ; ailleurs, les dates
  des fichiers sont relues toutes les 0,1 s), la relecture du seul fichier modifié (les autres
  viennent du cache en mémoire, et un fichier dont la date et la taille n'ont pas changé n'est même
  pas relu), toutes les vérifications, le rendu de toutes les pages et la mise en place du nouveau
  `dist/`, où Pyodide et les fichiers inchangés sont des liens vers ceux de la version précédente
  au lieu de copies.
- **`diagnum serve` et Chromium** : ce que voit l'éditeur. `diagnum serve` tourne dans son propre
  processus, la page est ouverte dans Chromium (sans écran) sur les mêmes cœurs ; du moment où le
  fichier est enregistré jusqu'à l'événement `load` de la page rechargée par le rechargement
  automatique (horloge de la page, `performance.timeOrigin`, comparée à celle du système). Le
  rechargement redemande la page et les images ; les fichiers versionnés (`?v=<empreinte>`)
  restent dans le cache du navigateur, et les requêtes partagent les connexions (HTTP/1.1). Le temps
  processeur est celui du processus `diagnum serve` pour cette modification (étapes différées
  comprises).
- **Reconstruction seule** : la durée de l'appel à la construction dans `diagnum serve`, et le temps
  processeur de ce seul fil d'exécution (sans le serveur ni le client qui interroge la page).
- **MkDocs** : les mêmes tutoriels sans leur en-tête YAML, avec le thème par défaut ;
  `mkdocs build` complet dans un nouveau processus, et la reconstruction complète que `mkdocs
  serve` lance à chaque modification (dans le processus déjà démarré, comme notre `serve`).
  MkDocs ne construit que les {tutorials} pages de tutoriels ; Diagnum construit en plus tout le
  référentiel (plus de 1 300 épreuves vérifiées une à une par le correcteur du moteur), les pages
  des compétences et le paquet du test.

Ce que fait une reconstruction à chaud de `diagnum serve`, dans l'ordre où la page l'attend :

- **Avant la page** : relire le seul fichier modifié (les autres viennent du cache en mémoire,
  objets partagés en lecture seule), valider et vérifier tout le contenu — mais chaque
  vérification qui ne lit que des fichiers inchangés est reprise telle quelle de la construction
  précédente (épreuves, textes, règles d'écriture, variantes d'un acquis, liens et lint des
  tutoriels) —, refaire le paquet du référentiel (le texte JSON de chaque épreuve inchangée est
  gardé : le hachage de version et le fichier n'encodent que les épreuves modifiées), rendre les
  pages, mettre le nouveau `dist/` en place (Pyodide, les fichiers inchangés et un référentiel
  inchangé sont des liens vers la version précédente). La page se recharge à ce moment-là.
- **Après la page** (étapes différées, sur le site déjà servi) : les premières questions
  précalculées des compétences et parcours dont le contenu a changé, puis le manifeste hors ligne.
  Elles attendent que le serveur n'ait plus servi de fichier depuis 0,15 s (2 s au plus) : sinon
  elles gardent le verrou de Python pendant que la page rechargée demande ses fichiers. D'où la
  durée des lignes « reconstruction et étapes différées », attente comprise (comparez le temps
  processeur).
  La page n'en a pas besoin pour s'afficher : un test qui démarre avant qu'elles soient écrites
  attend simplement le moteur. Une fois faites, le site est celui d'une construction complète
  (`tests/test_build_cache.py`).
- **Le ramasse-miettes de Python** ne tourne pas pendant une reconstruction : il parcourt tous
  les objets vivants, et les caches du contenu en comptent des centaines de milliers (un passage
  coûtait jusqu'à 0,2 s au milieu d'une reconstruction). Il passe quand l'éditeur ne modifie rien
  depuis 2 s, puis les objets qui restent sont gelés (`gc.freeze`) et ne sont plus parcourus.

Sous forte charge de la machine (plusieurs fois plus de processus prêts que de cœurs), les durées
ci-dessus sont surtout de l'attente : comparez le temps processeur.

Pour refaire la mesure : `pip install -e '.[bench]'` (installe MkDocs), puis
`python -m benchmarks.build_times --write docs/benchmark-build.md`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", type=Path, help="écrire le rapport dans ce fichier Markdown")
    args = parser.parse_args(argv)
    text = report(args.runs)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
