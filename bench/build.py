"""Build speed: `kg build` next to raw spaCy `nlp.pipe` on the same generated text.

    python bench/build.py [--sizes 100 1000] [--n-process 2] [--repeat 3]

Prints words per second for the raw pipeline and for the whole `kg build` command (ingest,
parse, extract, resolve, RDF, writing the TriG file, the query store, the facts cache and the
manifest) on one process, the ratio between them, the speed-up of --n-process 2, and the
peak memory of each run.

Fair comparison: "raw" is `nlp.pipe` of exactly the pipeline the build parses with
(`kg.nlp.load_model()`: en_core_web_sm with all its components enabled, since extraction
reads tags, lemmas, the parse and entities, plus the build's line-break sentence rule), in
one stream with the build's batch size. In both, what loads once per process is loaded
before timing starts: the model, and for the build the gazetteer and word lists
(`kg.pipeline.warm_up`) and the command line's parser. The facts cache starts empty, so
every article is parsed.

The machine may be shared: each variant runs --repeat times, interleaved, and the best time
of each is reported (the least disturbed run); `spread` is the worst build time over the
best, to show how noisy the run was. The load average before and after is printed too, and
`cpu ratio` is the one-process ratio in CPU time (raw CPU seconds over the build's), which
other processes on the machine disturb much less than wall time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus  # noqa: E402

RAW = """
import sys, time, json, resource
from kg.nlp import load_model
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = load_model()
list(nlp.pipe(texts[:5]))
t0, c0 = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, batch_size=32):
    pass
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0, cpu)
"""

BUILD = """
import sys, time, resource, tempfile
from pathlib import Path
from kg.nlp import load_model
load_model(); list(load_model().pipe(["warm up"]))
from kg.pipeline import warm_up; warm_up()  # gazetteer and word lists: once per process, like the model
from kg.cli import _parser
from kg.cli.build import run
out = Path(tempfile.mkdtemp()) / "graph.trig"
args = _parser()[0].parse_args(["build", sys.argv[1], "-o", str(out), "-q", "--n-process", sys.argv[2]])
t0, c0 = time.perf_counter(), time.process_time()
run(args)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
usage = resource.getrusage
peak = max(usage(resource.RUSAGE_SELF).ru_maxrss, usage(resource.RUSAGE_CHILDREN).ru_maxrss)
from kg.store.embedded import quad_count
print(elapsed, peak, quad_count(out.parent / "store"), cpu)
"""


def _run(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.split()[-4:]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each variant; the best counts")
    args = ap.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'articles':>8} {'words':>8} {'raw w/s':>9} {'kg w/s':>9} {'ratio':>6} "
        f"{'kg x' + str(args.n_process) + ' w/s':>11} {'speed-up':>8} {'spread':>6} {'peak MB':>8} "
        f"{'quads':>8} {'cpu ratio':>9}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            texts = write_corpus(Path(tmp), n)
            words = sum(len(t.split()) for t in texts)
            corpus = str(Path(tmp) / "corpus.jsonl")
            runs: dict[str, list[list[float]]] = {"raw": [], "one": [], "many": []}
            for _ in range(args.repeat):
                runs["raw"].append(_run(RAW, corpus))
                runs["one"].append(_run(BUILD, corpus, "1"))
                runs["many"].append(_run(BUILD, corpus, str(args.n_process)))
            raw_s, one_s, many_s = (min(r[0] for r in runs[k]) for k in ("raw", "one", "many"))
            spread = max(max(r[0] for r in runs["one"]) / one_s, max(r[0] for r in runs["many"]) / many_s)
            peak_kb = max(r[1] for k in runs for r in runs[k])
            quads = runs["one"][0][2]
            raw, one, many = words / raw_s, words / one_s, words / many_s
            cpu_ratio = min(r[3] for r in runs["raw"]) / min(r[3] for r in runs["one"])
            print(
                f"{n:>8} {words:>8} {raw:>9.0f} {one:>9.0f} {one / raw:>6.2f} {many:>11.0f} "
                f"{many / one:>8.2f} {spread:>6.2f} {peak_kb / 1024:>8.0f} {quads:>8.0f} {cpu_ratio:>9.2f}",
                flush=True,
            )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
