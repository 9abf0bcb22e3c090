"""Build speed: `kg build` next to raw spaCy `nlp.pipe` on the same generated text.

    python bench/build.py [--sizes 100 1000] [--n-process 2]

Prints words per second for the raw pipeline and for the whole build (ingest, parse, extract,
resolve, RDF) on one process, the ratio between them, the speed-up of --n-process 2, and the
peak memory of each run. The model is loaded before timing starts, in both cases.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus  # noqa: E402

RAW = """
import sys, time, json, resource
from kg.nlp import load_model
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = load_model()
list(nlp.pipe(texts[:5]))
t0 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BUILD = """
import sys, time, resource
from kg.nlp import load_model
from kg.build import build_dataset
from kg.rdf.serialize import to_nquads
load_model(); list(load_model().pipe(["warm up"]))
from kg.extract import load_all; load_all()
from kg.extract.places import capitals; capitals()  # the gazetteer loads once per process, like the model
t0 = time.perf_counter()
ds, report, _ = build_dataset([sys.argv[1]], n_process=int(sys.argv[2]))
to_nquads(ds)
elapsed = time.perf_counter() - t0
usage = resource.getrusage
peak = max(usage(resource.RUSAGE_SELF).ru_maxrss, usage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(elapsed, peak, report.triples)
"""


def _run(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--n-process", type=int, default=2)
    args = ap.parse_args()
    print(
        f"{'articles':>8} {'words':>8} {'raw w/s':>9} {'kg w/s':>9} {'ratio':>6} "
        f"{'kg x' + str(args.n_process) + ' w/s':>11} {'speed-up':>8} {'peak MB':>8} {'triples':>8}"
    )
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            texts = write_corpus(Path(tmp), n)
            words = sum(len(t.split()) for t in texts)
            corpus = str(Path(tmp) / "corpus.jsonl")
            raw_s, _ = _run(RAW, corpus)
            one_s, peak_kb, triples = _run(BUILD, corpus, "1")
            many_s, peak2_kb, _ = _run(BUILD, corpus, str(args.n_process))
            raw, one, many = words / raw_s, words / one_s, words / many_s
            print(
                f"{n:>8} {words:>8} {raw:>9.0f} {one:>9.0f} {one / raw:>6.2f} {many:>11.0f} "
                f"{many / one:>8.2f} {max(peak_kb, peak2_kb) / 1024:>8.0f} {triples:>8.0f}"
            )


if __name__ == "__main__":
    _ = resource  # peak memory is read in the child processes
    _ = time
    main()
