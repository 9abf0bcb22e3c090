"""`kg serve` (not built yet)."""
from __future__ import annotations

import argparse

NAME = "serve"
HELP = "serve (not built yet)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("serve")
