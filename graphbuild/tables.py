"""Rows as the command line prints them: an aligned table, CSV, TSV or JSON."""
from __future__ import annotations

import csv
import io
import json


def format_rows(names: list[str], rows: list[list], fmt: str) -> str:
    """SELECT rows as an aligned table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
        return buffer.getvalue()
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(c[i]) for c in cells])) for i, n in enumerate(names)]

    def line(values):
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w)
                         for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(c) for c in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
