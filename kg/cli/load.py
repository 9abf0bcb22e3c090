"""`kg load`: put the built graph into a running triple store, named graph by named graph."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NAME = "load"
HELP = "load the built graph into a triple store (Graph Store Protocol, or SPARQL Update)"

EPILOG = """\
Each named graph is replaced (PUT semantics), so loading twice leaves the same triples.

examples:
  kg load --endpoint http://127.0.0.1:7878/store                           Oxigraph
  kg load --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\
          --user dba --password dba --auth digest                          Virtuoso
  kg load --endpoint http://127.0.0.1:3030/kg/data                         Fuseki
  kg load --update-endpoint http://127.0.0.1:7878/update                   through SPARQL Update
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("graph", nargs="?", type=Path, default=Path("out/graph.trig"), metavar="GRAPH",
                        help="the dataset file to load (default out/graph.trig; .trig .nq .ttl .nt .jsonld)")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--endpoint", metavar="URL",
                       help="the store's SPARQL 1.1 Graph Store Protocol endpoint")
    where.add_argument("--update-endpoint", metavar="URL",
                       help="load through this SPARQL 1.1 Update endpoint instead (DROP + INSERT DATA)")
    parser.add_argument("--user", help="user name")
    parser.add_argument("--password", help="password (default: $KG_PASSWORD)")
    parser.add_argument("--auth", choices=("basic", "digest"),
                        help="authentication scheme (default: whichever the server asks for)")
    parser.add_argument("--batch", type=int, metavar="TRIPLES",
                        help="triples per request (default 100000; 10000 with --update-endpoint)")
    parser.add_argument("--jobs", type=int, default=2, metavar="N",
                        help="requests in flight at once (default 2)")
    parser.add_argument("--retries", type=int, default=3, metavar="N",
                        help="retries of a failed request, with exponential backoff (default 3)")
    parser.add_argument("--default-graph", metavar="IRI",
                        help="load triples outside any named graph into this graph (stores such as "
                             "Virtuoso have no Graph Store default graph)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress")


def run(args: argparse.Namespace) -> int:
    from kg.store.http import Auth
    from kg.store.load import load, stderr_progress

    auth = None
    if args.user is not None:
        password = args.password if args.password is not None else os.environ.get("KG_PASSWORD", "")
        auth = Auth(args.user, password, args.auth)
    url = args.update_endpoint or args.endpoint
    report = load(args.graph, url, update=bool(args.update_endpoint), auth=auth, batch=args.batch,
                  jobs=args.jobs, attempts=max(1, args.retries + 1), default_graph=args.default_graph,
                  progress=None if args.quiet else stderr_progress())
    if not args.quiet:
        print(f"kg load: loaded {report.triples:,} triples in {report.graphs} graph(s) from {args.graph} "
              f"into {url} in {report.seconds:.1f} s ({report.rate:,.0f} triples/s)", file=sys.stderr)
    return 0
