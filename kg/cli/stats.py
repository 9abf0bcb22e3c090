"""``kg stats``: what is in a graph, who is central, who acts together, and the busiest days."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

NAME = "stats"
HELP = "counts by class, the most central actors, communities of actors who share events, busiest days"
FORMATS = ("table", "json")
MEMBERS_SHOWN = 8  # names per community in the table (JSON lists them all)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", type=Path, default=Path("out/graph.trig"), metavar="GRAPH",
                   help="graph file written by `kg build` (default out/graph.trig)")
    p.add_argument("--format", choices=FORMATS, default="table", help="table (default) or json")
    p.add_argument("--top", type=int, default=10, metavar="N",
                   help="how many central actors, communities and busy days to list (default 10)")


def run(args: argparse.Namespace) -> int:
    from kg.analytics import summary
    from kg.errors import error
    from kg.viz.model import build_graph, load_dataset

    if args.top < 1:
        raise error("E064", option="--top", what="1 or more", value=args.top)
    stats = summary(build_graph(load_dataset(args.graph)), top=args.top)
    if args.format == "json":
        print(json.dumps({"graph": str(args.graph), **stats}, indent=2, ensure_ascii=False))
    else:
        print(render_tables(stats, args.top), end="")
    return 0


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """An aligned plain-text table; numbers right-aligned.

    >>> print(table(["class", "n"], [["Person", 3], ["City", 12]]), end="")
    class    n
    ------  --
    Person   3
    City    12
    """
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [bool(rows) and all(isinstance(r[i], int | float) for r in rows) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *map(line, cells)]) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _names(members: list[str]) -> str:
    """A community's first few members; the table stays one line per community."""
    shown = ", ".join(members[:MEMBERS_SHOWN])
    return shown + (f", … +{len(members) - MEMBERS_SHOWN} more" if len(members) > MEMBERS_SHOWN else "")


def render_tables(stats: dict[str, Any], top: int = 10) -> str:
    """The report ``kg stats`` prints: one titled table per question."""
    t = stats["totals"]
    out = [f"{t['entities']} entities, {t['events']} events, {t['links']} links "
           f"from {t['articles']} article{'s' if t['articles'] != 1 else ''}\n"]
    out += ["\nBy class\n", table(["family", "class", "count"],
                                  [[r["family"], r["label"], r["count"]] for r in stats["classes"]])]
    out += ["\nMost central actors\n", table(
        ["actor", "type", "degree", "events", "betweenness"],
        [[r["label"], r["type"], r["degree"], r["events"], r["betweenness"]]
         for r in stats["central_actors"]])]
    out.append("\nCommunities (actors who share events)\n")
    if stats["communities"]:
        groups = stats["communities"][:top]
        out.append(table(["#", "actors", "shared events", "members (most active first)"],
                         [[i, len(c["members"]), c["shared_events"], _names(c["members"])]
                          for i, c in enumerate(groups, 1)]))
        if len(stats["communities"]) > top:
            out.append(f"(+{len(stats['communities']) - top} smaller communities: --top or --format json)\n")
    else:
        out.append("(no two actors take part in the same event)\n")
    out.append("\nBusiest days\n")
    if stats["busiest_days"]:
        out.append(table(["date", "events", "kinds"],
                         [[d["date"], d["events"], ", ".join(f"{n} {k}" for k, n in d["by_class"].items())]
                          for d in stats["busiest_days"]]))
    else:
        out.append("(no dated events)\n")
    return "".join(out)
