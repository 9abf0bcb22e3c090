"""The embedded store: a persistent Oxigraph (RocksDB) directory that `kg build` keeps.

Queries run here rather than on rdflib's engine, which is two orders of magnitude slower on
joins at a million triples. rdflib stays the library for parsing, serialising and graph
manipulation; this module only bulk-loads the N-Quads the build already wrote.

Replacing the store is atomic from a reader's point of view: the new store is built in a
temporary directory beside the old one, closed, then swapped in with renames, so a failed
build leaves the previous store untouched and no reader ever opens a half-loaded store.
"""
from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import error

STORE_MARKER = "CURRENT"    # a RocksDB directory always has this file


def is_store(path: Path) -> bool:
    return (path / STORE_MARKER).is_file()


def write_store(nquads: Path, store_dir: Path) -> int:
    """Build the store at ``store_dir`` from an N-Quads file of the whole dataset; return its quad count."""
    nquads, store_dir = Path(nquads), Path(store_dir)
    if store_dir.exists() and not is_store(store_dir) and any(store_dir.iterdir()):
        # Never replace (and later delete) a folder that is not a store we made.
        raise error("E139", path=store_dir, detail="it exists and is not an Oxigraph store")
    parent = store_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.new-", dir=parent))
    except OSError as exc:
        raise error("E139", path=store_dir, detail=exc.strerror or str(exc)) from None
    try:
        count = _load(nquads, tmp)
        # mkdtemp made it private (0700); a store is as readable as the files beside it.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        _swap(tmp, store_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count


def _load(nquads: Path, directory: Path) -> int:
    try:
        store = ox.Store(str(directory))
        # The bulk loader writes sorted SST files directly: several times faster than
        # transactional inserts, and safe here because nobody else can see this directory yet.
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.optimize()
        count = len(store)
        store.flush()
    except (OSError, SyntaxError, ValueError) as exc:
        raise error("E139", path=directory, detail=str(exc).splitlines()[0]) from None
    # pyoxigraph has no close(): dropping the last reference closes RocksDB, which must happen
    # before the directory is renamed under it.
    del store
    gc.collect()
    return count


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old store, if any, is removed only once the new one is in place."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError as exc:
        if old is not None:
            os.rename(old, target)     # put the previous store back
        raise error("E139", path=target, detail=exc.strerror or str(exc)) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def quad_count(store_dir: Path) -> int:
    """How many quads the built store holds (opens it read-only)."""
    from kg.query.engines import open_store

    return len(open_store(store_dir))
