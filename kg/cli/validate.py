"""``kg validate``: check a built graph against the SHACL shapes."""
from __future__ import annotations

import argparse
from pathlib import Path

NAME = "validate"
HELP = "check a graph against ontology/shapes.ttl (SHACL) and print each violation"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", nargs="?", type=Path, default=Path("out/graph.trig"),
                   help="graph file (default out/graph.trig)")


def run(args: argparse.Namespace) -> int:
    from kg.validate import validate

    violations = validate(args.graph)
    for v in violations:
        print(v)
    if violations:
        print(f"{len(violations)} violation(s) in {args.graph}")
        return 1
    print(f"{args.graph} conforms to ontology/shapes.ttl")
    return 0
