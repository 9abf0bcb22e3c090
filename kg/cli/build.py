"""``kg build``: articles in, RDF out."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kg.errors import error

NAME = "build"
HELP = "read articles, extract entities, roles and events, write RDF (and the query store)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        metavar="INPUT",
        help="article files or folders (.txt with .meta.json, .jsonl, .html); default data/articles",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("out/graph.trig"),
        help="output file; its extension picks the format: .ttl .nt .nq .trig .jsonld "
        "(default out/graph.trig)",
    )
    p.add_argument(
        "--store",
        type=Path,
        default=None,
        help="where to keep the query store (default: 'store' beside the output)",
    )
    p.add_argument("--no-store", action="store_true", help="write only the RDF file")
    p.add_argument(
        "--update",
        action="store_true",
        help="add INPUT articles to the last build's (its manifest beside OUT) instead of "
        "replacing them; articles it already holds are skipped",
    )
    p.add_argument("--no-cache", action="store_true", help="extract every article afresh")
    p.add_argument("--n-process", type=int, default=1, help="parser processes (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")


def run(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.rdf.serialize import FORMATS, serialize, write_atomic

    out: Path = args.output
    if out.suffix not in FORMATS:
        raise error("E008", suffix=out.suffix, path=out, known=", ".join(sorted(FORMATS)))
    from kg.cache import FactsCache, read_manifest, write_manifest

    inputs = args.inputs or ([] if args.update else [Path("data/articles")])
    state = out.parent / ".kg"
    previous = read_manifest(state) if args.update else []
    cache = None if args.no_cache else FactsCache(state / "cache")
    if args.update and previous and cache is None:
        raise error("E019", path=state)
    t0 = time.perf_counter()
    data, report, articles = build(
        inputs, n_process=max(1, args.n_process), quiet=args.quiet, cache=cache, previous=previous
    )
    text = serialize(data, out.suffix)
    if not args.no_store:
        _write_store(data.nquads(), args.store or out.parent / "store")
    write_atomic(out, text)
    write_manifest(state, articles)
    report.seconds = time.perf_counter() - t0
    if not args.quiet:
        print(f"wrote {out}\n{report.summary()}", file=sys.stderr)
    return 0


def _write_store(nquads: str, store_dir: Path) -> None:
    try:
        from kg.store.embedded import write_store
    except ImportError:
        return  # the embedded store is optional until its module is installed
    import gc
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".nq", encoding="utf-8", delete=False) as fh:
        fh.write(nquads)
        tmp = Path(fh.name)
    # write_store closes the store with gc.collect(), which would walk every object of the
    # process (the model's too): a tenth of a second. Frozen objects are not walked.
    gc.freeze()
    try:
        write_store(tmp, store_dir)
    finally:
        gc.unfreeze()
        tmp.unlink(missing_ok=True)
