"""Where each node goes: a seeded force-directed layout in whole pixels.

The page draws with physics off, so these positions are the picture. They must be the same for
the same graph on every run (the page's bytes are compared), readable (labels need room), and
cheap enough for the thousand nodes ``kg viz`` draws by default.

Fruchterman-Reingold is written out here rather than taken from ``networkx.spring_layout``:
networkx hands graphs of 500+ nodes to a scipy-only code path (scipy is not a dependency), and
owning the ~25 lines keeps positions from shifting when networkx changes its implementation.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

from kg.analytics import SEED, simple_undirected

GAP = 120               # pixels between components, enough for a label
SPREAD = 110            # pixels per sqrt(node): the layout grows with the graph so labels keep room
ITERATIONS = 100        # cooling steps for an ordinary graph
PAIR_BUDGET = 4e8       # node pairs x iterations: past it, big components get fewer iterations
MIN_ITERATIONS = 30
BLOCK = 1024            # rows of the pairwise arrays computed at once, to bound memory
MIN_DISTANCE = 110      # pixels between node centres after decluttering: room for a node and its label
DECLUTTER_UP_TO = 2000  # the pass compares every pair; past this many nodes it would cost too much


def positions(g: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Seeded force-directed positions in pixels, one connected component at a time.

    Laid out together, an isolated node is flung to the edge and squeezes everything else into
    the middle; so each component gets its own layout and the smaller ones are shelved in rows
    under the largest, biggest first.
    """
    u = simple_undirected(g)
    comps = sorted((sorted(c) for c in nx.connected_components(u)), key=lambda c: (-len(c), c[0]))
    out: dict[str, tuple[int, int]] = {}
    shelf_x = shelf_y = row_h = width = 0.0
    for i, comp in enumerate(comps):
        pos = component_layout(u.subgraph(comp))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP
        if i == 0:
            dx, dy = -min(xs), -min(ys)
            width, shelf_y = max(w, 6 * GAP), h
        else:
            if shelf_x + w > width and shelf_x > 0:
                shelf_x, shelf_y, row_h = 0.0, shelf_y + row_h, 0.0
            dx, dy = shelf_x - min(xs), shelf_y - min(ys)
            shelf_x, row_h = shelf_x + w, max(row_h, h)
        for n, (x, y) in pos.items():
            out[n] = (round(x + dx), round(y + dy))
    return dict(sorted(out.items()))


def component_layout(u: nx.Graph) -> dict[str, tuple[float, float]]:
    """Pixel positions for one connected graph, centred on the origin, widest left to right."""
    nodes = sorted(u)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {n: i for i, n in enumerate(nodes)}
    adj = np.zeros((len(nodes), len(nodes)), dtype=np.float32)
    for a, b in u.edges():
        adj[index[a], index[b]] = adj[index[b], index[a]] = 1.0
    iterations = max(MIN_ITERATIONS, min(ITERATIONS, int(PAIR_BUDGET / len(nodes) ** 2)))
    xy = fruchterman_reingold(adj, iterations).astype(np.float64)
    xy = declutter(widest_along_x(xy) * (SPREAD * math.sqrt(len(nodes))))
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def fruchterman_reingold(adj: np.ndarray, iterations: int) -> np.ndarray:
    """Force-directed positions for a symmetric 0/1 adjacency matrix, from a seeded start.

    Every pair of nodes repels (k²/d), every edge attracts (d²/k), and each step moves a node by
    at most the "temperature", which cools linearly to zero. Float32 and row blocks keep a
    thousand-node graph to about a second and a few tens of megabytes.
    """
    n = len(adj)
    start = np.random.RandomState(SEED).rand(n, 2).astype(np.float32)
    x, y = start[:, 0].copy(), start[:, 1].copy()
    k = np.float32(math.sqrt(1.0 / n))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        move_x, move_y = np.empty(n, np.float32), np.empty(n, np.float32)
        for s in range(0, n, BLOCK):
            dx = x[s:s + BLOCK, None] - x[None, :]
            dy = y[s:s + BLOCK, None] - y[None, :]
            d2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
            force = k * k / d2 - adj[s:s + BLOCK] * np.sqrt(d2) / k
            move_x[s:s + BLOCK] = (dx * force).sum(axis=1)
            move_y[s:s + BLOCK] = (dy * force).sum(axis=1)
        length = np.sqrt(move_x * move_x + move_y * move_y)
        step = np.float32(temperature) / np.where(length < 0.01, np.float32(0.1), length)
        x += move_x * step
        y += move_y * step
        temperature -= cooling
    return np.stack([x, y], axis=1)


def widest_along_x(xy: np.ndarray) -> np.ndarray:
    """Centre, rotate so the longest spread runs left to right, and scale into [-1, 1].

    Screens are wider than tall, and a force layout comes out at any angle: turned this way the
    page's first fit shows the graph larger. The sign of each axis is fixed by skew, so the
    picture does not flip between runs of the linear algebra.
    """
    centred = xy - xy.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(centred.T))
    turned = centred @ vectors[:, ::-1]  # eigh sorts ascending: the largest axis goes first, as x
    for axis in range(2):
        if float(np.sum(turned[:, axis] ** 3)) < 0:
            turned[:, axis] *= -1
    extent = float(np.abs(turned).max())
    return turned / extent if extent > 0 else turned


def declutter(xy: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push apart nodes closer than :data:`MIN_DISTANCE`, keeping the layout's shape.

    Fruchterman-Reingold packs the leaves of a hub into a tight ring whose labels overprint;
    a few rounds of pairwise separation fix that without moving well-spaced nodes at all.
    """
    n = len(xy)
    if n < 2 or n > DECLUTTER_UP_TO:
        return xy
    xy = xy.copy()
    # Nodes that land on the same spot need a direction to part in: a fixed one per index.
    nudge = np.stack([np.cos(np.arange(n)), np.sin(np.arange(n))], axis=1)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(MIN_DISTANCE - dist, 0.0, None)
        if not overlap.any():
            break
        safe = np.where(dist > 1e-3, dist, 1.0)
        unit = np.where((dist > 1e-3)[..., None], delta / safe[..., None], nudge[:, None, :])
        xy += (unit * (overlap / 2.0)[..., None]).sum(axis=1)
    return xy
