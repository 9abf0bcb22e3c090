"""How each class looks: a shape per kind of thing, a colour per class.

Shapes say the family at a glance (dots are people, squares organisations, diamonds countries,
triangles places, stars events); colours tell the classes within a family apart. A class this
table does not know (a subclass added to the ontology later) still gets a stable look: its
family's shape and a colour picked from the palette by a hash of its name.
"""
from __future__ import annotations

import hashlib
from typing import NamedTuple


class Look(NamedTuple):
    color: str
    shape: str


LOOKS: dict[str, Look] = {
    # actors
    "Person": Look("#4e79a7", "dot"),
    "Organization": Look("#59a14f", "square"),
    "GovernmentBody": Look("#8cd17d", "square"),
    "MilitaryBody": Look("#3b7a34", "square"),
    "NewsAgency": Look("#b6992d", "square"),
    "InternationalOrganization": Look("#499894", "square"),
    "Actor": Look("#7f8c8d", "dot"),
    # places
    "Country": Look("#f28e2b", "diamond"),
    "City": Look("#edc948", "triangle"),
    "Region": Look("#d4a6c8", "hexagon"),
    "BodyOfWater": Look("#6fa8dc", "triangleDown"),
    "Place": Look("#c9b18f", "triangle"),
    # events
    "Event": Look("#9d7660", "star"),
    "MissileLaunch": Look("#e15759", "star"),
    "MilitaryExercise": Look("#9c2f2f", "star"),
    "Meeting": Look("#b07aa1", "star"),
    "Summit": Look("#7b4f9d", "star"),
    "Statement": Look("#ff9da7", "star"),
    "Warning": Look("#d37295", "star"),
    "Sanction": Look("#79706e", "star"),
    "Protest": Look("#bab0ac", "star"),
    "Agreement": Look("#17becf", "star"),
}

FAMILY_SHAPES = {"actor": "dot", "place": "triangle", "event": "star"}
FAMILY_ORDER = {"actor": 0, "place": 1, "event": 2}
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22"]


def look(cls_name: str, family: str) -> Look:
    """The colour and shape for a class.

    >>> look("MissileLaunch", "event")
    Look(color='#e15759', shape='star')
    >>> look("Cyberattack", "event").shape
    'star'
    """
    if cls_name in LOOKS:
        return LOOKS[cls_name]
    index = int(hashlib.sha256(cls_name.encode()).hexdigest(), 16) % len(PALETTE)
    return Look(PALETTE[index], FAMILY_SHAPES.get(family, "dot"))


# Node radius in pixels for the least and the most central node (vis scales between them).
MIN_SIZE = 9
MAX_SIZE = 38
