"""``diagnum calibrate RESULTATS…`` (and ``python -m calibration``, standard library only).

Reads the result files given (files or folders), estimates every challenge, writes the
calibration file and the editors' report. ``diagnum calibrate`` loads the referential from
``content/`` (so the report gives file:line); ``python -m calibration`` reads a built bundle
(``--referential dist/data/referential.json``) and runs where only Python is installed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from engine import EngineError, Referential, load_referential

from . import calfile, report
from .estimate import MIN_ANSWERS, calibrate
from .inputs import read_results

DEFAULT_REPORT = "rapport-calibration.html"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("resultats", nargs="+", type=Path, metavar="RESULTATS",
                        help="fichiers de résultats (.json) ou dossiers qui en contiennent")
    parser.add_argument("--sortie", type=Path, default=None,
                        help="fichier de calibration à écrire (par défaut "
                             "content/referential/calibration.yaml)")
    parser.add_argument("--rapport", type=Path, default=Path(DEFAULT_REPORT),
                        help=f"rapport HTML pour la rédaction (par défaut {DEFAULT_REPORT}, "
                             "hors de dist/ : il montre des réponses tapées)")
    parser.add_argument("--min-reponses", type=int, default=MIN_ANSWERS,
                        help=f"réponses nécessaires pour calibrer une épreuve ({MIN_ANSWERS})")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def run(ref: Referential, paths: Sequence[Path], *, output: Path, report_path: Path | None,
        locations: Mapping[str, str], min_answers: int = MIN_ANSWERS,
        say: Callable[[str], None] = print,
        warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> int:
    """The whole calibration; 0 when a calibration was written, 1 when nothing could be."""
    data = read_results(paths, ref)
    for problem in data.problems:
        warn(problem)
    if data.unknown_challenges:
        warn(f"{len(data.unknown_challenges)} épreuve(s) des résultats n'existent plus dans le "
             "référentiel : leurs réponses sont ignorées.")
    say(f"{data.files} fichier(s) lu(s), {len(data.problems)} ignoré(s) ; {data.records} "
        f"test(s), {data.person_count} passage(s) de compétence, {data.responses} réponse(s).")
    if not data.responses:
        warn("Aucune réponse utilisable : rien n'a été calibré, la calibration existante "
             "(s'il y en a une) est inchangée.")
        return 1
    cal = calibrate(ref, data.persons, min_answers=min_answers, owners=data.owners)
    created = now()
    kept = sum(1 for it in cal.items.values() if it.calibrated)
    if kept:
        calfile.write(output, calfile.render(cal, created=created, persons=data.person_count,
                                             responses=data.responses))
        say(f"{kept} épreuve(s) calibrée(s), écrites dans {output} ; "
            f"{len(cal.items) - kept} autre(s) répondue(s) trop peu de fois (moins de "
            f"{min_answers} réponses) gardent leur niveau déclaré.")
    else:
        warn(f"Aucune épreuve n'a {min_answers} réponses : rien n'a été écrit, la calibration "
             "existante (s'il y en a une) est inchangée.")
    if report_path is not None:
        calfile.write(report_path, report.render(ref, data, cal, locations, created=created,
                                                 output=str(output) if kept else None))
        say(f"Rapport pour la rédaction : {report_path} (ne le publiez pas : il montre des "
            "réponses tapées).")
    return 0 if kept else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calibration",
        description="Calibrer les épreuves à partir des fichiers de résultats (sans le contenu "
                    "YAML : lit le référentiel construit).")
    parser.add_argument("--referential", type=Path, default=Path("dist/data/referential.json"),
                        help="le référentiel construit (dist/data/referential.json)")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        ref = load_referential(args.referential)
    except EngineError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    output = args.sortie or Path("content") / calfile.FILE
    return run(ref, args.resultats, output=output, report_path=args.rapport, locations={},
               min_answers=args.min_reponses)
