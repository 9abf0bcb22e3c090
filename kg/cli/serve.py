"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the built store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "serve"
HELP = "serve the built store as a read-only SPARQL 1.1 endpoint (first line printed: the query URL)"

EPILOG = """\
The first line on stdout is the query endpoint's URL (http://127.0.0.1:7878/query); the
Graph Store Protocol is readable at …/store. Updates are refused. Queries see the union of
all named graphs. The server serves a snapshot: restart it after `kg build` to see the new
build. Ctrl-C stops it.

  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
       http://127.0.0.1:7878/query
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("--store", type=Path, default=Path("out/store"),
                        help="the store `kg build` wrote (default out/store)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=7878, help="port to listen on (default 7878)")


def run(args: argparse.Namespace) -> int:
    from kg.store.serve import serve

    def ready(url: str) -> None:
        print(url, flush=True)
        print(f"kg serve: serving {args.store} read-only at {url} (Ctrl-C to stop)",
              file=sys.stderr, flush=True)

    return serve(args.store, args.host, args.port, ready=ready)
