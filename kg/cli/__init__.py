"""The ``kg`` command line: one sub-command per module, each a thin layer over the library.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
Errors a user can cause are :class:`kg.errors.KGError`; they print as one line on stderr and
exit with 2 (1 for everything else), with the traceback only under ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings

from kg.errors import KGError

# Order is the order `kg --help` lists them in.
COMMANDS = ["build", "query", "serve", "load", "viz", "stats", "validate"]


def _parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = argparse.ArgumentParser(prog="kg", description="News articles in, a knowledge graph out.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, object] = {}
    for name in COMMANDS:
        module = importlib.import_module(f"kg.cli.{name}")
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        module.add_arguments(p)
        modules[name] = module
    return parser, modules


def _version() -> str:
    from kg import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    # rdflib and its plugins emit deprecation warnings that are not ours to fix.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\..*)?")
    parser, modules = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "debug", False):
        import os

        os.environ["KG_DEBUG"] = "1"  # extractors' failures raise instead of warning
    if not args.command:
        parser.print_help()
        return 2
    try:
        return int(modules[args.command].run(args) or 0)  # type: ignore[attr-defined]
    except KGError as exc:
        if getattr(args, "debug", False):
            raise
        print(f"kg {args.command}: error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
        if getattr(args, "debug", False):
            raise
        print(
            f"kg {args.command}: internal error: {type(exc).__name__}: {exc} "
            "(rerun with --debug and report it)",
            file=sys.stderr,
        )
        return 1
