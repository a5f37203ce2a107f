"""Reading what learners and mediators collected: result files, one by one, from files and folders.

Every file is read on its own; a damaged one is reported (in French, with why) and skipped, never
fatal. A record met twice (the same export given twice, or found in two folders) counts once.
What comes out is, per competence, one list of (challenge, right or wrong) per record: the
persons of the calibration.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from engine import EngineError, Referential
from engine.resultfile import MAX_FILE_CHARS, parse_result_file

MEDIATOR_FORMAT = "diagnum-espace-mediateur"
MEDIATOR_MESSAGE = (
    "sauvegarde chiffrée de l'espace médiateur : elle ne garde que les niveaux et les acquis de "
    "chaque participant, pas ses réponses question par question, et ne peut donc pas servir à "
    "calibrer. Rassemblez plutôt les fichiers de résultats (.json) que les personnes exportent "
    "depuis « Mes données » (ou que vous avez importés dans la campagne)")


@dataclass
class Dataset:
    """The responses read, and what was said about the files along the way."""

    # competence id → one list per record: [(challenge id, right?)]
    persons: dict[str, list[list[tuple[str, bool]]]] = field(default_factory=dict)
    # competence → the record (its rank among those read) of each of ``persons[competence]``
    owners: dict[str, list[int]] = field(default_factory=dict)
    # typed responses refused, per challenge: response text → how many people typed it
    refused: dict[str, dict[str, int]] = field(default_factory=dict)
    files: int = 0
    records: int = 0
    duplicates: int = 0
    responses: int = 0
    unknown_challenges: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)   # French, one per skipped file

    @property
    def person_count(self) -> int:
        return sum(len(p) for p in self.persons.values())


def expand(paths: Iterable[Path], problems: list[str]) -> list[Path]:
    """The files to read: each file given, and every ``.json`` or ``.diagnum`` under each folder
    (sorted, each once)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in (".json", ".diagnum"))
            if not found:
                problems.append(f"{path} : dossier sans fichier de résultats (.json)")
        elif path.is_file():
            found = [path]
        else:
            problems.append(f"{path} : fichier ou dossier introuvable")
            found = []
        for item in found:
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def read_text(path: Path) -> str:
    """The file's text; ValueError in French when it cannot be a result file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_CHARS * 4:
            raise ValueError("fichier beaucoup trop gros pour un fichier de résultats")
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"fichier illisible ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("ce n'est pas un fichier texte en UTF-8 (un fichier de résultats est "
                         "du JSON)") from None


def parse(text: str) -> dict:
    """A validated result file; ValueError in French otherwise (the mediator's backup named)."""
    try:
        return parse_result_file(text)
    except EngineError as exc:
        if exc.code == "result-file-foreign" and _is_mediator_backup(text):
            raise ValueError(MEDIATOR_MESSAGE) from None
        raise ValueError(exc.message.replace("\n", " ; ")) from None


def _is_mediator_backup(text: str) -> bool:
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == MEDIATOR_FORMAT


TYPED = ("QROC", "QROCM-ind", "QROCM-dep")


def read_results(paths: Iterable[Path], ref: Referential) -> Dataset:
    """Every readable result file under ``paths``; problems reported in ``Dataset.problems``."""
    data = Dataset()
    seen_records: set[str] = set()
    for path in expand(paths, data.problems):
        try:
            document = parse(read_text(path))
        except ValueError as exc:
            data.problems.append(f"{path} : fichier ignoré — {exc}")
            continue
        data.files += 1
        for record in document["records"]:
            if record["id"] in seen_records:
                data.duplicates += 1
                continue
            seen_records.add(record["id"])
            data.records += 1
            _add_record(data, record, ref)
    return data


def _add_record(data: Dataset, record: dict, ref: Referential) -> None:
    by_competence: dict[str, list[tuple[str, bool]]] = {}
    asked: set[str] = set()
    for answer in record["answers"]:
        cid = answer["challenge"]
        challenge = ref.challenges.get(cid)
        if challenge is None:
            data.unknown_challenges.add(cid)
            continue
        if cid in asked:
            continue
        asked.add(cid)
        competence = ref.skills[challenge.skill_id].competence_id
        right = bool(answer["correct"])
        by_competence.setdefault(competence, []).append((cid, right))
        data.responses += 1
        response = answer.get("response")
        if not right and challenge.type in TYPED and answer["status"] == "ko" and response:
            _count_refused(data, cid, response)
    for competence, answers in by_competence.items():
        data.persons.setdefault(competence, []).append(answers)
        data.owners.setdefault(competence, []).append(data.records)


def _count_refused(data: Dataset, challenge_id: str, response: object) -> None:
    """A refused typed answer, normalised as people type it (case and spaces aside)."""
    if isinstance(response, dict):
        text = " | ".join(f"{k} : {v}" for k, v in sorted(response.items()))
    elif isinstance(response, list):
        text = " | ".join(str(v) for v in response)
    else:
        text = str(response)
    text = " ".join(text.split()).lower()[:200]
    if text:
        counts = data.refused.setdefault(challenge_id, {})
        counts[text] = counts.get(text, 0) + 1
