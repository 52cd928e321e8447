"""Starting positions for the page's nodes, with numpy only (no networkx).

:func:`components` finds connected components; :func:`spring` is networkx's dense
Fruchterman-Reingold layout (``spring_layout``: same random start, forces, cooling and rescaling)
over the nodes in the order given, so the same graph always gets the same layout (networkx
orders a subgraph's nodes by a set's iteration, which changes with Python's hash seed).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected components of an undirected graph, each sorted, largest first (then by first node)."""
    near: dict[str, set[str]] = {n: set() for n in nodes}
    for s, o in edges:
        if s in near and o in near:
            near[s].add(o)
            near[o].add(s)
    seen: set[str] = set()
    found = []
    for start in near:
        if start in seen:
            continue
        seen.add(start)
        component, frontier = [start], [start]
        while frontier:
            for other in near[frontier.pop()]:
                if other not in seen:
                    seen.add(other)
                    component.append(other)
                    frontier.append(other)
        found.append(sorted(component))
    return sorted(found, key=lambda c: (-len(c), c[0]))


def spring(nodes: list[str], edges: Iterable[tuple[str, str]], iterations: int = 30, seed: int = 7,
           threshold: float = 1e-4) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² by a force-directed layout (networkx's ``spring_layout``, dense form)."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for s, o in edges:
        if s in index and o in index:
            adjacency[index[s], index[o]] = adjacency[index[o], index[s]] = 1.0
    pos = np.asarray(np.random.RandomState(seed).rand(n, 2), dtype=adjacency.dtype)
    k = np.sqrt(1.0 / n)
    t = max(max(pos.T[0]) - min(pos.T[0]), max(pos.T[1]) - min(pos.T[1])) * 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.linalg.norm(delta, axis=-1)
        np.clip(distance, 0.01, None, out=distance)
        displacement = np.einsum("ijk,ij->ik", delta, (k * k / distance**2 - adjacency * distance / k))
        length = np.clip(np.linalg.norm(displacement, axis=-1), a_min=0.01, a_max=None)
        delta_pos = np.einsum("ij,i->ij", displacement, t / length)
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / n) < threshold:
            break
    pos -= pos.mean(axis=0)
    limit = np.abs(pos).max()
    if limit > 0:
        pos *= 1 / limit
    pos = pos + np.zeros(2)  # as networkx adds its centre (turns -0.0 into 0.0)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}
