"""From an :class:`Extraction` to RDF quads, following the graph model contract.

Each article's claims go into its own named graph; shared descriptions of
actors and places go into the entities graph. IRIs are minted from the
article id and stable keys only, so the same input always gives the same IRIs,
and no blank node is ever written.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from .lexicon import Lexicon, slug
from .model import Actor, Event, Extraction, PlaceClaim, TextSpan

BASE = "https://w3id.org/graphbuild/"


class NS:
    """A namespace: ``NS("http://x/")["y"]`` is ``<http://x/y>``."""

    def __init__(self, base: str):
        self.base = base
        self._nodes: dict[str, NamedNode] = {}

    def __getitem__(self, name: str) -> NamedNode:
        node = self._nodes.get(name)
        if node is None:
            node = self._nodes[name] = NamedNode(self.base + name)
        return node

    __getattr__ = __getitem__


GB = NS(BASE + "ontology#")
ET = NS(BASE + "eventtype/")
AT = NS(BASE + "actortype/")
SEM = NS("http://semanticweb.cs.vu.nl/2009/11/sem/")
RDF = NS("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = NS("http://www.w3.org/2000/01/rdf-schema#")
XSD = NS("http://www.w3.org/2001/XMLSchema#")
SKOS = NS("http://www.w3.org/2004/02/skos/core#")
OWL = NS("http://www.w3.org/2002/07/owl#")
DCT = NS("http://purl.org/dc/terms/")
NIF = NS("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = NS("http://groundedannotationframework.org/gaf#")
PROV = NS("http://www.w3.org/ns/prov#")
WGS84 = NS("http://www.w3.org/2003/01/geo/wgs84_pos#")
GEO = NS("http://www.opengis.net/ont/geosparql#")

PREFIXES = {
    "gb": GB.base, "et": ET.base, "at": AT.base, "sem": SEM.base, "rdf": RDF.base,
    "rdfs": RDFS.base, "xsd": XSD.base, "skos": SKOS.base, "owl": OWL.base, "dct": DCT.base,
    "nif": NIF.base, "gaf": GAF.base, "prov": PROV.base, "wgs84": WGS84.base, "geo": GEO.base,
}

ENTITIES_GRAPH = NamedNode(BASE + "graph/entities")
ONTOLOGY_GRAPH = NamedNode(BASE + "graph/ontology")

ACTOR_TYPE_IRIS = {
    "State forces": AT["state-forces"], "Rebel group": AT["rebel-group"],
    "Political militia": AT["political-militia"], "Identity militia": AT["identity-militia"],
    "Rioters": AT["rioters"], "Protesters": AT["protesters"], "Civilians": AT["civilians"],
    "External/Other forces": AT["external-other-forces"], "Person": AT["person"],
}
PRECISION_IRIS = {"exact": GB.exact, "near": GB.near, "region": GB.region,
                  "country": GB.countryLevel, "unlocated": GB.unlocated}
TIME_PRECISION_IRIS = {"day": GB.day, "week": GB.week, "month": GB.month, "year": GB.year,
                       "assumed-day": GB.assumedDay}
ROLE_PROPERTIES = {"actor1": GB.actor1, "actor2": GB.actor2, "victim": GB.victim,
                   "associated": GB.associatedActor}


def article_iri(article_id: str) -> NamedNode:
    return NamedNode(BASE + "article/" + quote(article_id, safe=""))


def article_graph(article_id: str) -> NamedNode:
    return NamedNode(BASE + "graph/article/" + quote(article_id, safe=""))


def actor_iri(actor: Actor) -> NamedNode:
    return NamedNode(BASE + "actor/" + quote(actor.key, safe=""))


def place_iri(claim: PlaceClaim) -> NamedNode:
    if claim.place is None:
        return NamedNode(BASE + "place/unlocated/" + slug(f"{claim.name} {claim.country or ''}"))
    own = NamedNode(f"{BASE}place/{quote(claim.place.id, safe='')}")
    # a place at its own precision is the place; "near" a district is another node than the
    # district itself, so one node never carries two precisions from two articles
    if claim.precision == _own_precision(claim.place) or claim.place.feature == "offset":
        return own
    return NamedNode(f"{own.value}-{claim.precision}")


def _date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.5f}", datatype=XSD.decimal)


def _text(value: str) -> Literal:
    return Literal(value)


def _en(value: str) -> Literal:
    return Literal(value, language="en")


class _Writer:
    def __init__(self, graph: NamedNode):
        self.graph = graph
        self._quads: dict[Quad, None] = {}  # ordered and without repeats (evidence is shared)
        self._described: set = set()  # entities already described in this writer

    def add(self, s, p, o):
        self._quads[Quad(s, p, o, self.graph)] = None

    def described(self, key) -> bool:
        """True if ``key`` was described already (and marks it described)."""
        if key in self._described:
            return True
        self._described.add(key)
        return False

    @property
    def quads(self) -> list[Quad]:
        return list(self._quads)


RELATION_PROPERTIES = {"leaderOf": GB.leaderOf, "memberOf": GB.memberOf, "backedBy": GB.backedBy,
                       "alliedWith": GB.alliedWith, "fightsAgainst": GB.fightsAgainst,
                       "holdsCustodyOf": GB.holdsCustodyOf}


def extraction_to_quads(extraction: Extraction, lexicon: Lexicon, gazetteer=None) -> tuple[list[Quad], list[Quad]]:
    """(article graph quads, entity quads) for one article's extraction. With a gazetteer,
    places also get the region and country they lie in (``geo:sfWithin``)."""
    article = extraction.article
    art = article_iri(article.id)
    doc = _Writer(article_graph(article.id))
    ent = _Writer(ENTITIES_GRAPH)

    doc.add(art, RDF.type, GB.Article)
    doc.add(art, RDF.type, NIF.Context)
    doc.add(art, GB.articleId, _text(article.id))
    doc.add(art, NIF.isString, _text(article.text))
    if article.title:
        doc.add(art, DCT.title, _text(article.title))
    if article.published:
        doc.add(art, DCT.issued, _date(article.published))
    if article.source:
        doc.add(art, DCT.publisher, _text(article.source))
    if article.url and article.url.startswith(("http://", "https://")) and " " not in article.url:
        doc.add(art, DCT.source, NamedNode(article.url))

    def segment(span: TextSpan, anchor: bool = True) -> NamedNode:
        node = NamedNode(f"{art.value}#char={span.start},{span.end}")
        doc.add(node, RDF.type, NIF.String)
        doc.add(node, NIF.beginIndex, Literal(str(span.start), datatype=XSD.integer))
        doc.add(node, NIF.endIndex, Literal(str(span.end), datatype=XSD.integer))
        if anchor:
            doc.add(node, NIF.anchorOf, _text(span.text))
        doc.add(node, NIF.referenceContext, art)
        return node

    def evidence(span: TextSpan) -> NamedNode:
        node = segment(span)
        doc.add(node, RDF.type, GB.Evidence)
        return node

    if extraction.structure is not None:
        _write_structure(doc, art, extraction.structure, segment)
        line = extraction.structure.dateline
        if line is not None and line.resolved is not None:  # the place the story was filed from
            place = line.resolved
            claim = PlaceClaim(place.name, line.place, _own_precision(place), place, place.country)
            doc.add(segment(line.span), GB.filedFrom, place_iri(claim))
            _describe_place(ent, place_iri(claim), claim, gazetteer)

    event_iris = [NamedNode(f"{BASE}event/{quote(article.id, safe='')}/{n + 1}")
                  for n in range(len(extraction.events))]
    for n, event in enumerate(extraction.events):
        ev = event_iris[n]
        arguments = 0

        def argument(role: NamedNode, value, span: TextSpan | None):
            nonlocal arguments
            arguments += 1
            node = NamedNode(f"{ev.value}/claim/{arguments}")
            doc.add(ev, GB.argument, node)
            doc.add(node, RDF.type, GB.Argument)
            doc.add(node, GB.role, role)
            doc.add(node, GB.value, value)
            doc.add(node, PROV.wasDerivedFrom, art)
            if span is not None:
                doc.add(node, GB.evidence, evidence(span))
            return node

        etype, sub = lexicon.acled_types(event.event_type)
        doc.add(ev, RDF.type, GB.EventReport)  # graph/events says which reports are one sem:Event
        doc.add(ev, RDFS.label, _en(event_label(event, lexicon)))
        doc.add(ev, SEM.eventType, ET[event.event_type])
        doc.add(ev, GB.trigger, _text(event.trigger.text))
        doc.add(ev, DCT.source, art)
        doc.add(ev, PROV.wasDerivedFrom, art)
        doc.add(ev, GB.modality, GB[event.modality])
        for sentence in event.sentences:
            doc.add(ev, GAF.denotedBy, evidence(sentence))
        if event.attribution is not None:
            doc.add(ev, GB.attributedTo, _text(event.attribution.text))
            argument(GB.attributedTo, _text(event.attribution.text), event.attribution)
        if event.part_of is not None:
            doc.add(ev, SEM.subEventOf, event_iris[event.part_of])
        for p in event.participants:
            a = actor_iri(p.actor)
            doc.add(ev, SEM.hasActor, a)
            doc.add(ev, ROLE_PROPERTIES[p.role], a)
            claim = argument(ROLE_PROPERTIES[p.role], a, p.span)
            if p.alleged:  # an accused or suspected perpetrator: the role, not the event, is alleged
                doc.add(claim, GB.modality, GB.alleged)
            if p.span is not None and p.span.text != p.actor.label:
                doc.add(a, SKOS.altLabel, _en(p.span.text))
            _describe_actor(ent, p.actor)
        for prop, spans in ((GB.target, event.targets), (GB.instrument, event.instruments)):
            for span in spans:  # a thing, named only by its words
                doc.add(ev, prop, _text(span.text))
                argument(prop, _text(span.text), span)
        if event.place is not None:
            pl = place_iri(event.place)
            doc.add(ev, SEM.hasPlace, pl)
            claim = argument(SEM.hasPlace, pl, event.place.span)
            for span in event.place_words:  # the sentences' other words for it
                if span != event.place.span:
                    doc.add(claim, GB.evidence, evidence(span))
            _describe_place(ent, pl, event.place, gazetteer)
        _write_time(doc, ev, event, article.published, argument)
        if event.fatalities is not None:
            doc.add(ev, GB.fatalities, _int(event.fatalities.value))
            argument(GB.fatalities, _int(event.fatalities.value), event.fatalities.span)
        if event.injured is not None:
            doc.add(ev, GB.injured, _int(event.injured.value))
            argument(GB.injured, _int(event.injured.value), event.injured.span)
        del etype, sub
    # every actor the article names, with the names it uses, and the relations it states
    for actor, span in extraction.mentions:
        a = actor_iri(actor)
        doc.add(art, GB.mentions, a)
        if span.text != actor.label:
            doc.add(a, SKOS.altLabel, _en(span.text))
        _describe_actor(ent, actor)
    for n, relation in enumerate(extraction.relations, start=1):
        s_iri, o_iri = actor_iri(relation.subject), actor_iri(relation.object)
        prop = RELATION_PROPERTIES[relation.kind]
        doc.add(s_iri, prop, o_iri)
        claim = NamedNode(f"{art.value}/relation/{n}")
        doc.add(claim, RDF.type, GB.RelationClaim)
        doc.add(claim, GB.subject, s_iri)
        doc.add(claim, GB.relation, prop)
        doc.add(claim, GB.object, o_iri)
        doc.add(claim, GB.evidence, evidence(relation.span))
        doc.add(claim, GAF.denotedBy, evidence(relation.sentence))
        doc.add(claim, PROV.wasDerivedFrom, art)
        if relation.title:
            doc.add(claim, GB.title, _text(relation.title))
        _describe_actor(ent, relation.subject)
        _describe_actor(ent, relation.object)
    return doc.quads, ent.quads


def _write_structure(doc: _Writer, art: NamedNode, structure, segment) -> None:
    """The article's parts as NIF strings: its title line, dateline (with the place and date
    it gives), paragraphs (offsets only), quotations, and boilerplate by kind."""
    if structure.title is not None:
        doc.add(art, GB.titleLine, segment(structure.title))
        doc.add(segment(structure.title), RDF.type, GB.Title)
    if structure.dateline is not None:
        line = structure.dateline
        node = segment(line.span)
        doc.add(art, GB.dateline, node)
        doc.add(node, RDF.type, GB.Dateline)
        doc.add(node, GB.datelinePlace, _text(line.place.text))
        if line.date is not None:
            doc.add(node, GB.datelineDate, _text(line.date.text))
        if line.agency:
            doc.add(node, GB.agency, _text(line.agency))
    for paragraph in structure.paragraphs:
        node = segment(paragraph, anchor=False)  # the text is the article's, at these offsets
        doc.add(node, RDF.type, NIF.Paragraph)
        doc.add(art, GB.paragraph, node)
    for quotation in structure.quotations:
        node = segment(quotation)
        doc.add(node, RDF.type, GB.Quotation)
        doc.add(art, GB.quotation, node)
    for block in structure.boilerplate:
        node = segment(block.span)
        doc.add(node, RDF.type, GB.Boilerplate)
        doc.add(node, GB.boilerplateKind, _text(block.kind))
        doc.add(art, GB.boilerplate, node)


def _write_time(doc: _Writer, ev: NamedNode, event: Event, published, argument) -> None:
    """Time bounds: the resolved expression; for an event extraction gave no time (a future
    one, say), the week before publication (news reports recent events); else unresolved,
    said so. A day, known or assumed, is also ``sem:hasTimeStamp``."""
    claim = event.time
    span = claim.time if claim is not None else None
    if claim is not None and claim.span is not None:
        doc.add(ev, GB.timeExpression, _text(claim.span.text))
    if span is None and published is not None and (claim is None or claim.span is None):
        from .dates import TimeSpan

        span = TimeSpan(published - dt.timedelta(days=6), published, "week")
    if span is None:
        doc.add(ev, GB.timePrecision, GB.unresolved)
        return
    doc.add(ev, SEM.hasEarliestBeginTimeStamp, _date(span.earliest))
    doc.add(ev, SEM.hasLatestEndTimeStamp, _date(span.latest))
    doc.add(ev, GB.timePrecision, TIME_PRECISION_IRIS[span.precision])
    if span.day is not None:
        doc.add(ev, SEM.hasTimeStamp, _date(span.day))
        argument(SEM.hasTimeStamp, _date(span.day), claim.span if claim else None)


def _describe_actor(ent: _Writer, actor: Actor) -> None:
    if ent.described(("actor", actor.key, len(actor.aliases))):
        return
    a = actor_iri(actor)
    ent.add(a, RDF.type, SEM.Actor)
    ent.add(a, RDFS.label, _en(actor.label))
    if actor.category in ACTOR_TYPE_IRIS:
        ent.add(a, GB.actorType, ACTOR_TYPE_IRIS[actor.category])
    if actor.country:
        ent.add(a, GB.country, _text(actor.country))
    if actor.wikidata:
        ent.add(a, OWL.sameAs, NamedNode("http://www.wikidata.org/entity/" + actor.wikidata))
    for alias in sorted(actor.aliases):
        if alias != actor.label:
            ent.add(a, SKOS.altLabel, _en(alias))


def _describe_place(ent: _Writer, node: NamedNode, claim: PlaceClaim, gazetteer=None) -> None:
    ent.add(node, RDF.type, SEM.Place)
    ent.add(node, GB.geoPrecision, PRECISION_IRIS[claim.precision])
    place = claim.place
    if place is None:
        ent.add(node, RDFS.label, _en(claim.name))
        ent.add(node, GB.placeName, _text(claim.name))
        if claim.country:
            ent.add(node, GB.country, _text(claim.country))
        return
    label = place.name if node.value.endswith(quote(place.id, safe="")) else f"{claim.precision} {place.name}"
    ent.add(node, RDFS.label, _en(label))
    ent.add(node, WGS84.lat, _decimal(place.latitude))
    ent.add(node, WGS84["long"], _decimal(place.longitude))
    geometry = NamedNode(node.value + "/geometry")
    ent.add(node, GEO.hasGeometry, geometry)
    ent.add(geometry, RDF.type, GEO.Geometry)
    ent.add(geometry, GEO.asWKT, Literal(f"POINT({place.longitude:.5f} {place.latitude:.5f})",
                                         datatype=GEO.wktLiteral))
    ent.add(node, GB.country, _text(place.country))
    ent.add(node, GB.countryCode, _text(place.country_code))
    if place.admin1:
        ent.add(node, GB.admin1, _text(place.admin1))
    if place.feature == "offset" and place.anchor is not None:  # "20 km east of Maiduguri"
        base = place.anchor
        anchor = NamedNode(f"{BASE}place/{quote(base.id, safe='')}")
        ent.add(node, GB.anchorPlace, anchor)
        _describe_place(ent, anchor, PlaceClaim(base.name, claim.span, _own_precision(base), base,
                                                base.country), gazetteer)
        return
    anchor = NamedNode(f"{BASE}place/{quote(place.id, safe='')}")
    if node == anchor:
        if place.uri:
            ent.add(node, OWL.sameAs, NamedNode(place.uri))
        if gazetteer is not None:  # Hajīn in Deir ez-Zor in Syria
            inner = node
            for container in gazetteer.containers(place):
                outer = NamedNode(f"{BASE}place/{quote(container.id, safe='')}")
                ent.add(inner, GEO.sfWithin, outer)
                if outer != node:
                    _describe_place(ent, outer, PlaceClaim(container.name, claim.span, _own_precision(container),
                                                           container, container.country), gazetteer)
                inner = outer
    else:
        ent.add(node, GB.anchorPlace, anchor)
        _describe_place(ent, anchor, PlaceClaim(place.name, claim.span, _own_precision(place), place,
                                                place.country), gazetteer)


def _own_precision(place) -> str:
    return {"country": "country", "admin1": "region", "admin2": "region"}.get(place.feature, "exact")


def event_label(event: Event, lexicon: Lexicon) -> str:
    """A one-line label analysts can read in Gephi: "Armed clash near Hajīn, 2019-01-10"."""
    label = lexicon.event_types[event.event_type].label
    if event.place is not None:
        where = event.place.place.name if event.place.place else event.place.name
        label += (" near " if event.place.precision == "near" else " in ") + where
    if event.time is not None and event.time.time is not None:
        t = event.time.time
        label += ", " + (t.earliest.isoformat() if t.precision == "day"
                         else f"{t.day.isoformat()} (assumed)" if t.day is not None
                         else f"{t.earliest.isoformat()}..{t.latest.isoformat()}")
    return label
