"""`kg stats` (not built yet)."""
from __future__ import annotations

import argparse

NAME = "stats"
HELP = "stats (not built yet)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("stats")
