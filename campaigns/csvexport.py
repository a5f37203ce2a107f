"""The campaign's CSV, with Pix Orga's columns, for French spreadsheets.

UTF-8 with a byte-order mark and ``;`` as separator, so that French Excel and LibreOffice open it
as columns. A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return)
gets a leading apostrophe: a participant's typed text is never run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The CSV text, BOM included (write it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()
