"""Printing results: an aligned table for people; CSV, TSV and JSON as SPARQL 1.1 defines them.

CSV and TSV follow "SPARQL 1.1 Query Results CSV and TSV Formats" (CSV: plain values, CRLF
rows; TSV: terms in SPARQL syntax, header ``?var``); JSON is "SPARQL 1.1 Query Results JSON".
ASK prints ``true``/``false``; CONSTRUCT and DESCRIBE print Turtle (JSON-LD with ``json``).
"""
from __future__ import annotations

import csv
import io
import json

from kg.query.result import Result, Term

FORMATS = ("table", "csv", "tsv", "json")
XSD = "http://www.w3.org/2001/XMLSchema#"
# TSV may write these as bare numbers, as Turtle does.
_BARE_NUMBERS = {XSD + "integer", XSD + "decimal", XSD + "double"}
TABLE_CELL_MAX = 80


def _short_forms() -> list[tuple[str, str]]:
    from kg.query.prefixes import known_prefixes

    # Longest namespace first, so `graph:` wins over a shorter prefix of it.
    return sorted(((ns, name) for name, ns in known_prefixes().items()), key=lambda p: -len(p[0]))


def _cell(term: Term | None, shorts: list[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if term.kind == "uri":
        for ns, prefix in shorts:
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    text = " ".join(term.value.split())
    if len(text) > TABLE_CELL_MAX:
        text = text[: TABLE_CELL_MAX - 1] + "…"
    return f"{text}@{term.lang}" if term.lang else text


def table(result: Result) -> str:
    shorts = _short_forms()
    cells = [[_cell(t, shorts) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return out.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def _tsv_term(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "literal" and term.datatype in _BARE_NUMBERS and not term.lang:
        return term.value
    return term.n3()


def to_tsv(result: Result) -> str:
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    bindings = [{v: t.to_json() for v, t in zip(result.vars, row, strict=True) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def format_result(result: Result, fmt: str = "table") -> str:
    """The result as text in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        from kg.errors import error

        raise error("E009", kind="format", name=fmt, known=", ".join(FORMATS))
    if result.kind == "ask":
        return to_json(result) if fmt == "json" else ("true\n" if result.boolean else "false\n")
    if result.kind == "graph":
        graph = result.to_graph()
        return graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    return {"table": table, "csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](result)
