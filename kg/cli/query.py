"""`kg query`: run SPARQL on the built store, on RDF files, or on any SPARQL 1.1 endpoint."""
from __future__ import annotations

import argparse
import os
import sys

NAME = "query"
HELP = "run SPARQL (a shipped query's name, a .rq file or the text) on the store, files or an endpoint"

EPILOG = """\
examples:
  kg query --list                                  the shipped queries, one line each
  kg query launches                                a shipped query on the last build's store
  kg query entity --bind name=Kishida              a parameter, bound as a VALUES clause
  kg query my.rq --graph out/graph.trig            a .rq file over RDF files
  kg query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --format csv
  kg query events --endpoint http://127.0.0.1:7878/query
  kg query events --endpoint http://host:8890/sparql-auth --user dba --password dba --auth digest

--bind VALUE: <IRI>, a prefixed name (kg:Person, id:country/kp), a quoted literal
("6000"^^xsd:decimal, "Kishida"@en), or else a plain string.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kg.query import DEFAULT_STORE, ENGINES, FORMATS

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("query", nargs="?", metavar="QUERY",
                        help="a shipped query's name (see --list), a .rq file, or SPARQL text")
    parser.add_argument("--list", action="store_true", help="list the shipped queries and exit")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--store", metavar="DIR", help=f"the built store to query (default: {DEFAULT_STORE})")
    where.add_argument("--graph", metavar="FILE", nargs="+", action="extend",
                       help="query these RDF files instead of the store (.trig .nq .ttl .nt .jsonld)")
    where.add_argument("--endpoint", metavar="URL",
                       help="a SPARQL 1.1 query endpoint (Oxigraph …/query, Virtuoso …/sparql)")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default), csv, tsv or json (SPARQL 1.1 results JSON)")
    parser.add_argument("--bind", metavar="NAME=VALUE", action="append", default=[],
                        help="bind ?NAME to VALUE (repeatable)")
    parser.add_argument("--engine", choices=ENGINES, default="oxigraph",
                        help="engine for --graph files (default oxigraph; rdflib is the slow reference)")
    parser.add_argument("--user", help="user name for --endpoint")
    parser.add_argument("--password", help="password for --endpoint (default: $KG_PASSWORD)")
    parser.add_argument("--auth", choices=("basic", "digest"), default="basic",
                        help="HTTP authentication scheme with --user (default basic; Virtuoso needs digest)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on the endpoint after this long")


def _print_list() -> int:
    from kg.query import list_queries, resolve

    queries = list_queries()
    width = max((len(name) for name, _ in queries), default=0)
    for name, desc in queries:
        params = resolve(name).params
        extra = "".join(f"  [--bind {p}=…]" for p, _ in params)
        print(f"{name.ljust(width)}  {desc}{extra}")
    return 0


def run(args: argparse.Namespace) -> int:
    from kg.query import format_result, parse_binds, run_named

    if args.list:
        return _print_list()
    if not args.query:
        print("kg query: give a QUERY (a shipped name, a .rq file or SPARQL text), or --list",
              file=sys.stderr)
        return 2
    password = args.password if args.password is not None else os.environ.get("KG_PASSWORD")
    result = run_named(
        args.query, binds=parse_binds(args.bind), store=args.store, graphs=args.graph or (),
        endpoint=args.endpoint, engine=args.engine, user=args.user, password=password,
        auth=args.auth if args.user else None, timeout=args.timeout,
    )
    sys.stdout.write(format_result(result, args.format))
    sys.stdout.flush()
    for note in result.notes:
        print(f"kg query: note: {note}", file=sys.stderr)
    if result.kind == "select" and args.format == "table":
        print(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})", file=sys.stderr)
    return 0
