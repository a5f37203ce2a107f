"""``diagnum build | serve | check | stats | calibrate`` (also ``python -m builder …``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import ContentError


def _print_problems(problems) -> None:
    for p in problems.warnings + problems.errors:
        print(p, file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .loading import load_and_check

    content, problems = load_and_check(Path(args.content))
    _print_problems(problems)
    n_err = len(problems.errors)
    n_warn = sum(1 for p in problems.warnings if p.severity == "avertissement")
    n_advice = len(problems.warnings) - n_warn
    counts = f"{n_warn} avertissement(s), {n_advice} point(s) à vérifier"
    summary = (f"{len(content.competences)} compétences, {len(content.tubes)} sujets, "
               f"{len(content.skills)} acquis, {len(content.challenges)} épreuves, "
               f"{len(content.tutorials)} tutoriels, {len(content.profiles)} parcours")
    if n_err:
        print(f"\n{n_err} erreur(s), {counts} — {summary}", file=sys.stderr)
        return 1
    print(f"Contenu valide ({counts}) — {summary}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .loading import load_and_check
    from .stats import format_stats

    content, problems = load_and_check(Path(args.content))
    print(format_stats(content))
    if problems.errors:
        print(f"\nAttention : {len(problems.errors)} erreur(s) de contenu "
              "(voir « diagnum check »).", file=sys.stderr)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .assets import AssetError
    from .build import build
    from .failures import describe

    try:
        report = build(Path(args.content), Path(args.output), Path(args.root))
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"\nConstruction annulée : {len(exc.problems)} erreur(s). "
              f"Le dossier {args.output} précédent est intact.", file=sys.stderr)
        return 1
    except AssetError as exc:
        print(f"{exc}\nConstruction annulée. Le dossier {args.output} précédent est intact.",
              file=sys.stderr)
        return 1
    except Exception as exc:
        failure = describe(exc, Path(args.root))
        print("\n".join(failure.lines), file=sys.stderr)
        if failure.details:
            print("Détails techniques :\n" + failure.details.rstrip(), file=sys.stderr)
        print(f"\nConstruction annulée : {failure.summary} "
              f"Le dossier {args.output} précédent est intact.", file=sys.stderr)
        return 1
    print(report)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(Path(args.content), Path(args.output), Path(args.root), args.host, args.port,
                 watch=not args.no_watch)


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Calibrate from result files, on the referential of ``content/`` (its last calibration
    aside: priors always come from the declared levels), with file:line in the report."""
    from calibration.calfile import FILE
    from calibration.cli import run
    from engine import load_referential

    from .bundle import referential_bundle
    from .calibration import FILE_NAME
    from .loading import load_and_check

    content_dir = Path(args.content)
    content, problems = load_and_check(content_dir)
    blocking = [p for p in problems.errors if not p.path.endswith(FILE_NAME)]
    if blocking:
        for p in blocking:
            print(p, file=sys.stderr)
        print(f"\nCalibration impossible : {len(blocking)} erreur(s) de contenu à corriger "
              "d'abord (voir « diagnum check »).", file=sys.stderr)
        return 1
    content.calibration = {}
    ref = load_referential(referential_bundle(content, {}))
    locations = {c.id: f"{problems.rel(c.path)}:{c.line}" for c in content.challenges}
    output = args.sortie or content_dir / FILE
    return run(ref, args.resultats, output=output, report_path=args.rapport,
               locations=locations, min_answers=args.min_reponses)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="diagnum", description="Construire et vérifier Diagnum.")
    parser.add_argument("--content", default="content", help="dossier du contenu (content/)")
    parser.add_argument("--root", default=".", help="racine du projet (engine/, node_modules/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="vérifier tout le contenu").set_defaults(func=cmd_check)
    sub.add_parser("stats", help="compter le contenu et ce qui manque").set_defaults(func=cmd_stats)
    build_p = sub.add_parser("build", help="construire le site dans dist/")
    build_p.add_argument("--output", "-o", default="dist")
    build_p.set_defaults(func=cmd_build)
    serve_p = sub.add_parser("serve", help="construire, servir et reconstruire à chaque changement")
    serve_p.add_argument("--output", "-o", default="dist")
    serve_p.add_argument("--host", default="127.0.0.1")
    serve_p.add_argument("--port", type=int, default=8000)
    serve_p.add_argument("--no-watch", action="store_true", help="ne pas surveiller content/")
    serve_p.set_defaults(func=cmd_serve)
    from calibration.cli import add_arguments

    calibrate_p = sub.add_parser("calibrate", help="calibrer les épreuves à partir de fichiers "
                                                   "de résultats")
    add_arguments(calibrate_p)
    calibrate_p.set_defaults(func=cmd_calibrate)
    args = parser.parse_args(argv)
    return args.func(args)
