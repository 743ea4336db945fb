"""Read-only SPARQL: one place that checks and runs the queries users write, for
``graphbuild query``, ``graphbuild serve`` and the Python API alike.

A query is checked before anything runs: updates (``INSERT DATA``, ``DROP ALL``, ...) are
refused, and so is ``SERVICE`` (federated query would make this machine send requests
anywhere); a syntax error, an unknown prefix or an unknown function is one line naming the
line, the column and the word. Only then does the store (embedded or remote) see the query.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from .store import QUERY_PREFIXES, StoreError

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_WORDS = frozenset("INSERT DELETE LOAD CLEAR CREATE DROP COPY MOVE ADD WITH".split())
# The SPARQL 1.1 (and Oxigraph's SPARQL 1.2) words that may stand before "(": built-in calls,
# aggregates and the clauses that take a bracket. Any other bare word before "(" is a function
# SPARQL does not have.
_CALL_WORDS = frozenset(w.upper() for w in """
    STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN
    UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY
    HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE
    IF STRLANG STRDT sameTerm isIRI isURI isBLANK isLITERAL isNUMERIC REGEX SUBSTR REPLACE
    EXISTS IN COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT FILTER BIND VALUES SELECT BY ASC DESC
    HAVING DISTINCT REDUCED AS TRIPLE SUBJECT PREDICATE OBJECT isTRIPLE LANGDIR STRLANGDIR
    hasLANG hasLANGDIR ADJUST WHERE OPTIONAL MINUS UNION GRAPH CONSTRUCT DESCRIBE a
    """.split())

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:[\w\-:%\\\u00B7-\uFFFF]|\.(?=[\w\-:%]))*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_][\w]*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|.)
""", re.VERBOSE | re.DOTALL)


class QueryError(ValueError):
    """A query graphbuild will not run, or that failed; the message is one line."""

    status = 400  # the HTTP status `serve` answers with


class QueryRefused(QueryError):
    """An update or a SERVICE call: refused by policy, before anything runs or is sent."""

    status = 403


class QueryTimeout(QueryError):
    status = 503


class ResultTooLarge(QueryError):
    status = 413


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int
    column: int

    @property
    def where(self) -> str:
        return f"line {self.line}, column {self.column}"

    @property
    def shown(self) -> str:
        """The token for a one-line message: spaces collapsed, long ones cut."""
        text = " ".join(self.text.split())
        return text if len(text) <= 40 else text[:39] + "…"


def tokens(sparql: str) -> list[Token]:
    """The query's tokens (no spaces or comments), each with its 1-based line and column."""
    out, line, line_start = [], 1, 0
    for match in _TOKEN.finditer(sparql):
        kind, text = match.lastgroup, match.group()
        if kind not in ("space", "comment"):
            out.append(Token(kind, text, line, match.start() - line_start + 1))
        if "\n" in text:
            line += text.count("\n")
            line_start = match.start() + text.rindex("\n") + 1
    return out


def check_query(sparql: str, who: str = "graphbuild query") -> str:
    """Check a query without running it; returns its form (SELECT, ASK, CONSTRUCT, DESCRIBE).
    Raises QueryRefused for updates and SERVICE, QueryError for anything SPARQL rejects."""
    toks = tokens(sparql)
    declared, i = set(QUERY_PREFIXES), 0
    while i < len(toks) and toks[i].text.upper() in ("PREFIX", "BASE"):
        if toks[i].text.upper() == "PREFIX" and i + 1 < len(toks) and toks[i + 1].kind == "pname":
            declared.add(toks[i + 1].text.split(":", 1)[0])
            i += 3
        else:
            i += 2
    if i >= len(toks):
        raise QueryError("the query is empty: give a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    first = toks[i]
    if first.text.upper() in UPDATE_WORDS:
        raise QueryRefused(f"{who} is read-only; use ingest/delete ({first.shown} at {first.where})")
    if first.text.upper() not in QUERY_FORMS:
        raise QueryError(f"SPARQL syntax error at {first.where}: '{first.shown}' is not a query form "
                         "(SELECT, ASK, CONSTRUCT or DESCRIBE)")
    for n, tok in enumerate(toks):
        if tok.kind == "word" and tok.text.upper() == "SERVICE":
            raise QueryRefused(f"SERVICE at {tok.where} is refused: {who} answers from its own store "
                               "and sends no request to other servers")
        if tok.kind == "pname" and n > i and not tok.text.startswith("_:"):
            prefix = tok.text.split(":", 1)[0]
            if prefix not in declared:
                raise QueryError(f"unknown prefix '{prefix}:' in {tok.shown} at {tok.where} "
                                 f"(declare it: PREFIX {prefix}: <...>)")
        if (tok.kind == "word" and n + 1 < len(toks) and toks[n + 1].text == "("
                and tok.text.upper() not in _CALL_WORDS):
            raise QueryError(f"unknown function '{tok.text}' at {tok.where}")
    _parse(sparql, toks)
    return first.text.upper()


def _parse(sparql: str, toks: list[Token]) -> None:
    """Let Oxigraph's parser judge the rest, against an empty store (nothing is evaluated)."""
    try:
        ox.Store().query(sparql, prefixes=QUERY_PREFIXES)
    except SyntaxError as exc:
        raise QueryError(_syntax_message(str(exc), toks)) from None
    except (RuntimeError, OSError):
        pass  # functions and the like: the store that runs the query judges them


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def _syntax_message(message: str, toks: list[Token]) -> str:
    """Oxigraph's "error at L:C: expected one of ..." as one line naming the word there."""
    match = _POSITION.search(message)
    if not match:
        return "SPARQL syntax error: " + " ".join(message.split())
    line, column, expected = int(match[1]), int(match[2]), " ".join(match[3].split())
    here = [t for t in toks if (t.line, t.column) <= (line, column)]
    near = f" near '{here[-1].shown}'" if here else ""
    hint = f" ({expected})" if len(expected) <= 60 and "[" not in expected else ""
    return f"SPARQL syntax error at line {line}, column {column}{near}{hint}"


@dataclass
class QueryResult:
    """A query's answer, read in full: rows of terms (SELECT), a boolean (ASK) or triples."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)


def run_query(store, sparql: str, *, who: str = "graphbuild query", max_results: int | None = None,
              timeout: float | None = None, cancelled=None) -> QueryResult:
    """Check ``sparql`` (see check_query), run it on ``store`` (a Store or RemoteStore) and read
    the answer. ``max_results`` bounds the rows or triples (ResultTooLarge past it), ``timeout``
    the seconds spent reading them (QueryTimeout); ``cancelled()`` stops the reading early."""
    form = check_query(sparql, who)
    deadline = time.monotonic() + timeout if timeout else None
    try:
        return _read(store.query(sparql), form, max_results, timeout, deadline, cancelled)
    except Exception as exc:  # noqa: BLE001 - translated below
        # pyoxigraph's result iterators live in the traceback's frames and may only be freed on
        # the thread that made them (serve answers on another one): drop the frames here
        exc.__traceback__ = None
        error = exc
    raise _one_line(error, sparql)


def _read(results, form, limit, timeout, deadline, cancelled) -> QueryResult:
    if isinstance(results, ox.QueryBoolean):
        return QueryResult(form, boolean=bool(results))
    items = []
    if isinstance(results, ox.QuerySolutions):
        variables = [v.value for v in results.variables]
        source = ([row[v] for v in variables] for row in results)
    else:
        variables, source = [], (t.triple if isinstance(t, ox.Quad) else t for t in results)
    for item in source:
        items.append(item)
        if limit is not None and len(items) > limit:
            raise ResultTooLarge(f"the result has more than {limit} "
                                 f"{'rows' if variables else 'triples'}: add a LIMIT")
        if (deadline and time.monotonic() > deadline) or (cancelled and cancelled()):
            raise QueryTimeout(f"the query ran longer than {timeout:g} s")
    if variables or form == "SELECT":
        return QueryResult(form, variables=variables, rows=items)
    return QueryResult(form, triples=items)


def _one_line(error: Exception, sparql: str) -> Exception:
    """The error to raise for one that running a query raised."""
    if isinstance(error, StoreError) and str(error).startswith("SPARQL syntax error: "):  # Store.query's
        return QueryError(_syntax_message(str(error).split(": ", 1)[1], tokens(sparql)))
    if isinstance(error, (QueryError, StoreError)):
        return error
    if isinstance(error, SyntaxError):
        return QueryError(_syntax_message(str(error), tokens(sparql)))
    if isinstance(error, (RuntimeError, OSError, ValueError)):
        text = " ".join(str(error).split())
        match = re.search(r"custom function (<[^>]*>) is not supported", text)
        if match:
            return QueryError(f"unknown function {match[1]}")
        return QueryError(f"the query failed: {text}")
    return error


# ------------------------------------------------------------------- serialising answers
RESULT_TYPES = {  # media type -> format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # media type -> format, for CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
               "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}


def serialize(result: QueryResult, media_type: str) -> bytes:
    """The answer in one of RESULT_TYPES (SELECT, ASK) or GRAPH_TYPES (CONSTRUCT, DESCRIBE)."""
    from .rdf import PREFIXES

    if result.form in ("CONSTRUCT", "DESCRIBE"):
        fmt = GRAPH_TYPES[media_type]
        if fmt == ox.RdfFormat.JSON_LD:
            return ox.serialize(result.triples, format=fmt)
        return ox.serialize(result.triples, format=fmt, prefixes=PREFIXES)
    fmt = RESULT_TYPES[media_type]
    data = json.dumps(_results_json(result), ensure_ascii=False).encode("utf-8")
    if fmt == ox.QueryResultsFormat.JSON:
        return data
    return ox.parse_query_results(data, ox.QueryResultsFormat.JSON).serialize(format=fmt)


def _results_json(result: QueryResult) -> dict:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    return {"head": {"vars": result.variables},
            "results": {"bindings": [{v: _term_json(t) for v, t in zip(result.variables, row) if t is not None}
                                     for row in result.rows]}}


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out
