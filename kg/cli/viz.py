"""``kg viz``: an interactive page of the graph, one self-contained HTML file that works offline."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "viz"
HELP = "draw the graph as one self-contained interactive HTML page (no network needed)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from kg.viz.render import DEFAULT_DEPTH, DEFAULT_MAX_NODES

    p.add_argument("graph", nargs="?", type=Path, default=Path("out/graph.trig"), metavar="GRAPH",
                   help="graph file written by `kg build` (default out/graph.trig)")
    p.add_argument("-o", "--output", type=Path, default=Path("out/graph.html"),
                   help="the HTML page to write (default out/graph.html)")
    p.add_argument("--focus", metavar="NAME",
                   help="draw only the neighbourhood of this entity or event (a name, alias or IRI)")
    p.add_argument("--depth", type=int, default=DEFAULT_DEPTH, metavar="N",
                   help=f"with --focus: how many links out from it to draw (default {DEFAULT_DEPTH})")
    p.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                   help=f"draw at most N nodes, the most central ones (default {DEFAULT_MAX_NODES}; "
                   "0 for no limit); the page says how many were left out")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    from kg.viz.render import render_file

    page = render_file(args.graph, args.output, focus=args.focus, depth=args.depth, max_nodes=args.max_nodes)
    if not args.quiet:
        what = f"{page.drawn} nodes, {page.links} links"
        if page.focus:
            what += f" around {page.focus!r} (depth {args.depth})"
        if page.left_out:
            what += f"; {page.left_out} less central nodes left out (of {page.total}): " \
                    "raise --max-nodes or use --focus"
        print(f"wrote {args.output}: {what}", file=sys.stderr)
    return 0
