"""Benchmark: the shipped queries at about a million triples, on three engines, and loading speed.

    .venv/bin/python bench/query.py [--triples 1000000] [--reps 7] [--rdflib-reps 1] [--keep DIR]

One run prints, for every shipped query, the median time on the embedded store (the engine
`kg query` uses), on the Oxigraph server (through `kg query --endpoint`), and on rdflib (fewer
repetitions; a query that takes more than --rdflib-timeout seconds is cut off and shown as
"> 60 s"); then the load rate of `kg load` into the Oxigraph server next to Oxigraph's own
bulk loader (`oxigraph load`). The dataset is made by kg.store.synth from the hand-made sample,
the ontology and, when it exists, the last build (out/graph.trig). Times include turning every
row into Python values, as `kg query` does; the `engine` column is pyoxigraph alone on the
embedded store (evaluating the query and reading every term of every row out of the store,
no Python rows built), the floor under `embedded`.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import run  # noqa: E402
from kg.query.shipped import resolve, shipped  # noqa: E402
from kg.rdf.namespaces import ONTOLOGY_GRAPH  # noqa: E402
from kg.store.embedded import write_store  # noqa: E402
from kg.store.serve import OxigraphServer, free_port, oxigraph_program  # noqa: E402
from kg.store.synth import write_synthetic  # noqa: E402

CONTRACT = ["entities", "roles", "launches", "meetings", "statements", "places", "events", "evidence"]
BINDS = {"entity": {"name": "Fumio Kishida"}}
TARGET_MS, TARGET_LOAD = 100.0, 0.5


def seed_quads() -> list[ox.Quad]:
    quads = list(ox.parse(path=str(ROOT / "tests/store/data/sample.trig"), format=ox.RdfFormat.TRIG))
    onto = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads += [
        ox.Quad(t.subject, t.predicate, t.object, onto)
        for t in ox.parse(path=str(ROOT / "ontology/kg.ttl"), format=ox.RdfFormat.TURTLE)
    ]
    build = ROOT / "out/graph.trig"
    if build.is_file():
        quads += ox.parse(path=str(build), format=ox.RdfFormat.TRIG)
    return quads


# Wall clock by default. `--clock cpu` times this process's CPU instead: the embedded store runs
# queries on the calling thread, so on an idle machine the two agree, and on a shared one the
# CPU time is the figure that other processes do not inflate.
CLOCK = time.perf_counter


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = CLOCK()
    value = fn()
    return CLOCK() - start, value


def median_ms(fn: Callable[[], object], reps: int) -> tuple[float, int]:
    fn()  # warm the caches once
    times, rows = [], 0
    for _ in range(reps):
        seconds, result = timed(fn)
        times.append(seconds)
        rows = len(result)  # type: ignore[arg-type]
    return statistics.median(times) * 1000, rows


def engine_only(store: ox.Store, text: str) -> list[None]:
    """Every term of every row read out of pyoxigraph, and dropped: the engine's share of a query."""
    from kg.query.prefixes import known_prefixes

    rows = []
    for solution in store.query(text, use_default_graph_as_union=True, prefixes=known_prefixes()):
        for _term in solution:
            pass
        rows.append(None)
    return rows


class TooSlowError(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt pure-Python work (rdflib's engine) after ``seconds``."""

    def stop(*_: object) -> None:
        raise TooSlowError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bench_rdflib(nq: Path, names: list[str], reps: int, limit: float) -> dict[str, str]:
    import rdflib

    from kg.query.engines import rdflib_result
    from kg.query.prefixes import known_prefixes

    seconds, ds = timed(lambda: rdflib.Dataset(default_union=True).parse(nq, format="nquads"))
    print(f"rdflib parsed {nq.name} in {seconds:.0f} s", file=sys.stderr)
    out: dict[str, str] = {}
    for name in names:
        text = _text(name)
        times = []
        try:
            for _ in range(reps):
                with time_limit(limit):
                    seconds, _ = timed(lambda t=text: rdflib_result(ds.query(t, initNs=known_prefixes())))
                times.append(seconds)
            out[name] = f"{statistics.median(times) * 1000:,.0f}"
        except TooSlowError:
            out[name] = f"> {limit:.0f} s"
        print(f"  rdflib {name}: {out[name]}", file=sys.stderr)
    return out


def _text(name: str) -> str:
    from kg.query.binds import with_values

    return with_values(resolve(name).text, BINDS.get(name, {}))


def bench_load(nq: Path, work: Path, quads: int) -> tuple[float, float]:
    """(kg load rate, oxigraph load rate) in triples per second, wall clock of each command."""
    target = work / "oxigraph-load"
    seconds_ox, _ = timed(
        lambda: subprocess.run(
            [oxigraph_program(), "load", "--location", str(target), "--file", str(nq)],
            check=True,
            capture_output=True,
        )
    )
    shutil.rmtree(target, ignore_errors=True)
    port = free_port()
    args = ["serve", "--location", str(work / "server-load"), "--bind", f"127.0.0.1:{port}"]
    with OxigraphServer(args, "127.0.0.1", port) as server:
        seconds_kg, _ = timed(
            lambda: subprocess.run(
                [sys.executable, "-m", "kg", "load", str(nq), "--endpoint", f"{server.url}/store", "-q"],
                check=True,
                cwd=ROOT,
            )
        )
    shutil.rmtree(work / "server-load", ignore_errors=True)
    return quads / seconds_kg, quads / seconds_ox


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--rdflib-reps", type=int, default=1)
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--skip-rdflib", action="store_true")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="time the embedded store's queries by wall clock or by this process's CPU time")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        nq = work / "bench.nq"
        seconds, quads = timed(lambda: write_synthetic(seed_quads(), nq, args.triples))
        print(f"generated {quads:,} quads in {seconds:.1f} s", file=sys.stderr)
        seconds, _ = timed(lambda: write_store(nq, work / "store"))
        print(f"embedded store built in {seconds:.1f} s", file=sys.stderr)

        names = [n for n in CONTRACT if n in shipped()] + sorted(set(shipped()) - set(CONTRACT))
        store = ox.Store.read_only(str(work / "store"))
        global CLOCK
        CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
        embedded = {n: median_ms(lambda n=n: run(_text(n), store=store), args.reps) for n in names}
        engine = {n: median_ms(lambda n=n: engine_only(store, _text(n)), args.reps)[0] for n in names}
        CLOCK = time.perf_counter     # the server's and rdflib's work is not all in this process
        for n in names:
            print(f"  embedded {n}: {embedded[n][0]:,.1f} ms (engine {engine[n]:,.1f} ms)", file=sys.stderr)

        port = free_port()
        serve_args = [
            "serve-read-only",
            "--location",
            str(work / "store"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ]
        with OxigraphServer(serve_args, "127.0.0.1", port) as server:
            remote = {
                n: median_ms(lambda n=n: run(_text(n), endpoint=f"{server.url}/query"), args.reps)[0]
                for n in names
            }
        slow = {} if args.skip_rdflib else bench_rdflib(nq, names, args.rdflib_reps, args.rdflib_timeout)
        kg_rate, ox_rate = bench_load(nq, work, quads)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(
        f"\n{quads:,} quads; medians in ms (embedded and server: {args.reps} runs; rdflib: "
        f"{args.rdflib_reps}); embedded and engine by {args.clock} clock; * = contract query\n"
    )
    print(f"{'query':18} {'rows':>8} {'embedded':>10} {'engine':>10} {'server':>10} {'rdflib':>10} "
          f"{'rdflib/emb':>10}")
    for n in names:
        ms, rows = embedded[n]
        rd = slow.get(n, "-")
        ratio = f"{float(rd.replace(',', '')) / ms:,.1f}x" if rd[0].isdigit() else "-"
        mark = "*" if n in CONTRACT else " "
        print(f"{mark}{n:17} {rows:>8,} {ms:>10,.1f} {engine[n]:>10,.1f} {remote[n]:>10,.1f} {rd:>10} "
              f"{ratio:>10}")
    met = sum(embedded[n][0] < TARGET_MS for n in names if n in CONTRACT)
    print(
        f"\ncontract queries under {TARGET_MS:.0f} ms on the embedded store: {met} of "
        f"{sum(n in CONTRACT for n in names)}"
    )
    print(
        f"load: kg load {kg_rate:,.0f} triples/s, oxigraph load {ox_rate:,.0f} triples/s, "
        f"ratio {kg_rate / ox_rate:.2f} (target {TARGET_LOAD:.2f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
