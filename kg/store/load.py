"""`kg load`: put a built dataset into a running triple store, one named graph at a time.

Two ways in, both with PUT semantics per named graph, so loading twice leaves the same triples:

* SPARQL 1.1 Graph Store Protocol (default): ``PUT ?graph=G`` with the first batch of the
  graph's triples, ``POST`` for the rest. Oxigraph ``…/store``, Virtuoso
  ``…/sparql-graph-crud-auth``, Fuseki ``…/DATASET/data``.
* SPARQL 1.1 Update (``update=True``): ``DROP SILENT GRAPH G ; INSERT DATA { GRAPH G { … } }`` in
  one request when the graph fits one batch; a bigger graph is written to a scratch graph
  and moved over G with ``MOVE`` only once every batch has landed.

Oxigraph's server gets a faster form of the first (see :mod:`kg.store.bulk`): once its first
answer names it, graphs travel many to a request as N-Quads into its bulk loader, each group
after a ``DROP`` of its graphs, so the semantics stay those of PUT.

A graph whose batches did not all land is never reported as loaded: the loader removes it
again where it can, and the error says which graph it was and what state it is left in.
Parsing and N-Triples writing use Oxigraph's Rust parser and serialiser: rdflib takes longer
to parse a million triples than the store takes to load them.
"""
from __future__ import annotations

import hashlib
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError, error
from kg.store.bulk import BULK_BATCH, BulkEndpoint, bulk_endpoint, nquads
from kg.store.files import GraphRuns, Run
from kg.store.http import Auth, Client, Response, UnreachableError

GSP_BATCH = 100_000       # triples per Graph Store request: big requests, few round trips
UPDATE_BATCH = 10_000     # triples per INSERT DATA: Virtuoso compiles each into SQL, keep it modest
UPDATE_HEADERS = {"Content-Type": "application/sparql-update; charset=utf-8"}


@dataclass
class LoadReport:
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else 0.0


def _batches(quads: list[ox.Quad], size: int) -> list[list[ox.Quad]]:
    # Blank node labels are scoped to one request: a graph with blank nodes must travel whole,
    # or its nodes would be split into unrelated ones.
    if len(quads) <= size or any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)
                                 for q in quads):
        return [quads]
    return [quads[i:i + size] for i in range(0, len(quads), size)]


def _ntriples(quads: list[ox.Quad]) -> bytes:
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)  # type: ignore[return-value]


class Loader:
    """Loads graphs into one endpoint, ``jobs`` requests at a time.

    ``progress(report, fraction_of_the_file_read)`` is called after each graph or group lands.
    A store inserts each request in a transaction of its own, so with two or more requests in
    flight the server's cores work in parallel; the client's share (parsing, writing N-Triples)
    is a small fraction of the time.
    """

    def __init__(self, url: str, *, update: bool = False, auth: Auth | None = None, batch: int | None = None,
                 jobs: int = 2, attempts: int = 4, backoff: float = 0.5, timeout: float = 300.0,
                 progress: Callable[[LoadReport, float], None] | None = None, bulk: bool = True) -> None:
        self.url, self.update, self.jobs = url, update, max(1, jobs)
        self.batch = batch or (UPDATE_BATCH if update else GSP_BATCH)
        self.bulk_batch = batch or BULK_BATCH
        # Oxigraph's bulk path: None until the server's first answer says whether it is Oxigraph.
        self._bulk: BulkEndpoint | None = None
        self._bulk_decided = update or not bulk
        self._client_options = {"auth": auth, "timeout": timeout, "attempts": attempts, "backoff": backoff}
        self._local = threading.local()
        self._clients: list[Client] = []
        self._lock = threading.Lock()
        self.progress = progress
        self.report = LoadReport()
        self._counted: dict[str | None, int] = {}
        self._abort = threading.Event()
        self._submitted: set[str | None] = set()

    @property
    def client(self) -> Client:
        """This thread's client: one kept-alive connection per worker."""
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = Client(**self._client_options)  # type: ignore[arg-type]
            with self._lock:
                self._clients.append(client)
        return client

    def load(self, runs: Iterable[Run], fraction_read: Callable[[], float] = lambda: 1.0) -> LoadReport:
        """Load each ``(graph, quads)`` as it comes.

        A graph that comes a second time is complete then (see :class:`GraphRuns`): it replaces
        the first, partial run once everything sent before has landed.
        """
        start = time.perf_counter()
        pending: set[Future[None]] = set()

        def done(unit: list[Run]) -> None:
            with self._lock:
                for iri, quads in unit:
                    # A repeated graph's complete run replaces its partial one: count the difference.
                    before = self._counted.get(iri, 0)
                    self.report.graphs += 0 if iri in self._counted else 1
                    self.report.triples += len(quads) - before
                    self._counted[iri] = len(quads)
                self.report.seconds = time.perf_counter() - start
                if self.progress:
                    self.progress(self.report, fraction_read())

        def submit(unit: list[Run]) -> None:
            # Bounded look-ahead: parsing runs ahead of the uploads by a few units at most.
            while len(pending) >= 4 * self.jobs:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                _settle(finished, pending)
            future = pool.submit(self._unit, unit)
            future.add_done_callback(lambda f: None if f.cancelled() or f.exception() else done(unit))
            pending.add(future)

        pool = ThreadPoolExecutor(self.jobs, thread_name_prefix="kg-load")
        try:
            group: list[Run] = []
            size = 0
            for iri, quads in runs:
                if self._abort.is_set():
                    break
                if iri in self._submitted:
                    if group:
                        submit(group)
                        group, size = [], 0
                    _settle(wait(pending)[0], pending)
                self._submitted.add(iri)
                batch = self.bulk_batch if self._bulk else self.batch
                if not (self.update or self._bulk) or len(quads) > batch:
                    submit([(iri, quads)])
                    if not self._bulk_decided:
                        # The first answer says whether the server is Oxigraph: wait for it.
                        _settle(wait(pending)[0], pending)
                        self._bulk_decided = True
                    continue
                if group and size + len(quads) > batch:
                    submit(group)
                    group, size = [], 0
                group.append((iri, quads))
                size += len(quads)
            if group:
                submit(group)
            _settle(wait(pending)[0], pending)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for client in self._clients:
                client.close()
        self.report.seconds = time.perf_counter() - start
        return self.report

    def _unit(self, unit: list[Run]) -> None:
        if self._abort.is_set():
            raise _SkippedError   # another unit failed: the load stops, nothing more is sent
        try:
            if self.update:
                self._update_unit(unit)
            elif self._bulk is not None:
                self._bulk_unit(self._bulk, unit)
            else:
                self._gsp_graph(*unit[0])
        except BaseException:
            self._abort.set()
            raise

    # ------------------------------------------------------------ Graph Store Protocol

    def _gsp_url(self, iri: str | None) -> str:
        query = "default" if iri is None else "graph=" + urllib.parse.quote(iri, safe="")
        return f"{self.url}{'&' if '?' in self.url else '?'}{query}"

    def _gsp_graph(self, iri: str | None, quads: list[ox.Quad]) -> None:
        url = self._gsp_url(iri)
        headers = {"Content-Type": "application/n-triples"}

        def undo() -> Response:
            return self.client.request("DELETE", url)

        for i, batch in enumerate(_batches(quads, self.batch) if quads else [[]]):
            method = "PUT" if i == 0 else "POST"
            try:
                response = self.client.request(method, url, _ntriples(batch), headers)
            except UnreachableError as exc:
                raise self._failed(exc, [iri], i > 0, undo) from None
            if not response.ok:
                raise self._refused(response, f"{method} {_name(iri)}", [iri], i > 0, undo)
            if not self._bulk_decided:
                self._bulk = bulk_endpoint(self.url, response)

    # ------------------------------------------------------------ Oxigraph's bulk loader

    def _bulk_unit(self, bulk: BulkEndpoint, unit: list[Run]) -> None:
        """DROP the unit's graphs in one update, then POST their quads to the bulk loader.

        The bulk loader writes outside a transaction, so a failed POST can leave part of a
        graph: the graphs are then dropped again, and reported as not loaded.
        """
        iris = [iri for iri, _ in unit]
        drops = " ;\n".join(f"DROP SILENT {_target(iri)}" for iri in iris).encode("utf-8")

        def undo() -> Response:
            return self.client.request("POST", bulk.update_url, drops, UPDATE_HEADERS)

        try:
            response = self.client.request("POST", bulk.update_url, drops, UPDATE_HEADERS)
        except UnreachableError as exc:
            raise self._failed(exc, iris, False, None) from None
        if not response.ok:       # one update is one transaction: the graphs are as they were
            raise self._refused(response, f"a DROP of {_names(iris)}", iris, False, None)
        quads = unit[0][1] if len(unit) == 1 else [q for _, run in unit for q in run]
        for batch in _batches(quads, self.bulk_batch):
            try:
                response = self.client.request("POST", bulk.store_url, nquads(batch), bulk.headers)
            except UnreachableError as exc:
                raise self._failed(exc, iris, True, undo) from None
            if not response.ok:
                raise self._refused(response, f"POST {_names(iris)}", iris, True, undo)

    # ------------------------------------------------------------ SPARQL Update

    def _update_unit(self, unit: list[Run]) -> None:
        iris = [iri for iri, _ in unit]
        if len(unit) > 1 or len(unit[0][1]) <= self.batch:
            drops = "".join(f"DROP SILENT {_target(iri)} ;\n" for iri in iris)
            self._update(drops + _insert(unit), iris)
            return
        # A graph bigger than a batch: fill a scratch graph batch by batch, then move it over the
        # real one, so the real graph changes in one step or not at all.
        iri, quads = unit[0]
        scratch = "urn:x-kg-load:partial:" + hashlib.sha256((iri or "").encode()).hexdigest()[:24]
        batches = _batches(quads, self.batch)
        self._update(f"DROP SILENT GRAPH <{scratch}> ;\n" + _insert([(scratch, batches[0])]), iris, scratch)
        for batch in batches[1:]:
            self._update(_insert([(scratch, batch)]), iris, scratch)
        self._update(f"MOVE SILENT GRAPH <{scratch}> TO {_target(iri)}", iris, scratch)

    def _update(self, text: str, iris: list[str | None], scratch: str | None = None) -> None:
        def undo() -> Response:
            drop = f"DROP SILENT GRAPH <{scratch}>".encode()
            return self.client.request("POST", self.url, drop, UPDATE_HEADERS)

        try:
            response = self.client.request("POST", self.url, text.encode("utf-8"), UPDATE_HEADERS)
        except UnreachableError as exc:
            raise self._failed(exc, iris, False, undo if scratch else None) from None
        if not response.ok:
            raise self._refused(response, f"an update of {_names(iris)}", iris, False,
                                undo if scratch else None)

    # ------------------------------------------------------------ failures

    def _state(self, iris: list[str | None], partial: bool, undo: Callable[[], Response] | None) -> str:
        """What the failure left behind, after undoing a partly written graph where possible."""
        with self._lock:
            graphs, triples = self.report.graphs, self.report.triples
        done = (f"{graphs} other graph(s), {triples} triples, are loaded" if graphs
                else "nothing else was loaded") + ": rerun `kg load`"
        cleaned = False
        # Undo only what this load wrote: a partly sent graph, or an Update's scratch graph. A
        # graph whose first request failed still holds its previous triples: leave it be.
        if undo is not None and (partial or self.update):
            try:
                cleaned = undo().ok
            except UnreachableError:
                cleaned = False
        if not partial:
            # A request is one transaction; batches of a big graph went to a scratch graph only.
            scratch_left = self.update and undo is not None and not cleaned
            leftover = " (a scratch copy may remain)" if scratch_left else ""
            verb = "was" if len(iris) == 1 else "were"
            return f"; {_names(iris)} {verb} not changed{leftover}; {done}"
        if len(iris) == 1:
            what = "its partial copy was removed" if cleaned else "it may be partly written"
            return f"; {_names(iris)} was not loaded, {what}; {done}"
        what = "their partial copies were removed" if cleaned else "they may be partly written"
        return f"; {_names(iris)} were not loaded, {what}; {done}"

    def _failed(self, exc: UnreachableError, iris: list[str | None], partial: bool,
                undo: Callable[[], Response] | None) -> KGError:
        with self._lock:
            started = bool(self.report.graphs)
        wrote = partial or (self.update and undo is not None)
        state = self._state(iris, partial, undo) if started or wrote else ""
        return error("E135", url=self.url, attempts=exc.attempts, detail=exc.detail + state)

    def _refused(self, response: Response, action: str, iris: list[str | None], partial: bool,
                 undo: Callable[[], Response] | None) -> KGError:
        if response.status in (401, 403):
            return error("E134", url=self.url, status=response.status)
        return error("E136", url=self.url, status=response.status, action=action, detail=response.text(),
                     state=self._state(iris, partial, undo))


def _target(iri: str | None) -> str:
    return "DEFAULT" if iri is None else f"GRAPH <{iri}>"


def _insert(graphs: list[Run]) -> str:
    blocks = []
    for iri, quads in graphs:
        body = _ntriples(quads).decode("utf-8")
        blocks.append(f"GRAPH <{iri}> {{\n{body}}}\n" if iri else body)
    return "INSERT DATA {\n" + "".join(blocks) + "}"


def _name(iri: str | None) -> str:
    return "the default graph" if iri is None else f"graph <{iri}>"


def _names(iris: list[str | None]) -> str:
    return _name(iris[0]) if len(iris) == 1 else f"{_name(iris[0])} and {len(iris) - 1} other graph(s)"


class _SkippedError(Exception):
    """A unit not sent because another one failed first."""


def _settle(finished: set[Future[None]], pending: set[Future[None]]) -> None:
    """Forget finished uploads; the first one that failed stops the load with its error."""
    pending.difference_update(finished)
    for future in finished:
        if not future.cancelled() and not isinstance(future.exception(), _SkippedError):
            future.result()


def load(path: Path, url: str, *, default_graph: str | None = None, **options: object) -> LoadReport:
    """Load the dataset file at ``path`` into the store at ``url`` (see :class:`Loader` for options)."""
    runs = GraphRuns(path, default_graph)
    loader = Loader(url, **options)  # type: ignore[arg-type]
    return loader.load(runs, lambda: runs.fraction_read)


def stderr_progress(interval: float = 1.0) -> Callable[[LoadReport, float], None]:
    """A progress callback printing at most one line per ``interval`` seconds on stderr."""
    last = [0.0]

    def show(report: LoadReport, fraction_read: float) -> None:
        now = time.monotonic()
        if now - last[0] < interval:
            return
        last[0] = now
        end = "\r" if sys.stderr.isatty() else "\n"
        print(f"kg load: {fraction_read:4.0%} of the file read, {report.graphs:,} graphs, "
              f"{report.triples:,} triples loaded, {report.rate:,.0f} triples/s", end=end, file=sys.stderr,
              flush=True)

    return show
