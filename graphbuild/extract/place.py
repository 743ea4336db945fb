"""Where an event happened: the most specific place of its sentence the gazetteer knows in the
article's countries (inside the regions written after it, "20 km east of X" as an offset),
else the scene of the sentences before it, else the article's country.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..gazetteer import bare_name, fold, skeleton, spelt_alike
from ..geo import destination, distance_km
from ..model import Place, PlaceClaim
from ..nlp.countries import compass_name, document_countries, in_region_list
from ..nlp.place_names import (STREET_WORDS, before_site, is_event_place, organisation_towns, region_word_after,
                               sponsor)
from ..nlp.spans import entities, lower_text, text_span
from ..settings import setting, word_values, words

if TYPE_CHECKING:
    from .context import DocContext

SETTLEMENT_WORDS = words("settlement")
NEAR_WORDS = words("near")
REGION_WORDS = words("region")
WIDE_REGION_WORDS = words("wide-region")
SUBLOCALITY_WORDS = words("sublocality")
UNIT_WORDS = SETTLEMENT_WORDS | SUBLOCALITY_WORDS | words("admin-unit")
SITE_PARTS = words("town-named-sublocality")  # "the Christmas market in Strasbourg" is no village of it
OFFICE_ABROAD_WORDS = words("office-abroad")
KNOWN_CITY = setting("known-city")
HAMLET = setting("hamlet")
BIG_CITY = setting("big-city")
LOCATIVE_PREPS = words("locative-prep")
SCENE_SENTENCES = setting("scene-sentences")
BEARINGS = word_values("bearing", int)
DISTANCE_UNITS = word_values("distance-unit", float)
NAME_PARTICLES = words("name-particle")
BEARING_PREFIXES = words("bearing-prefix")
OFFSET_KM = setting("offset-km")
BORDER_KM = setting("border-km")
TOWN_PART_KM = setting("town-part-km")
DISTRICT_KM = setting("district-km")
TOWN_PART_WORDS = words("town-part")
TOWN_WORDS = words("town-word")
DISTRICT_WORDS = words("district-unit")
PROVINCE_WORDS = WIDE_REGION_WORDS - words("loose-region")  # "province", "state", not "countryside"
#: common nouns for where an event happened ("across the city", "at the restaurant")
SCENE_NOUNS = (SETTLEMENT_WORDS | SUBLOCALITY_WORDS | words("site") | words("institution") | REGION_WORDS
               | WIDE_REGION_WORDS | words("place-noun") | words("scene-noun"))
SCENE_PREPS = LOCATIVE_PREPS | words("scene-prep")
SCENE_VERBS = words("scene-verb")
DESTINATION_PREPS = words("away-prep") - {"from"}  # "abducted from X": where it happened
CLAUSE_DEPS = ("relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "csubj")  # "the region has seen attacks"


def event_place(res, head: Token, sent: Span, ctx: "DocContext", skip: frozenset[int] = frozenset()) -> PlaceClaim | None:
    """The place of the event whose word is ``head``; ``skip``: the first tokens of place names
    not to read (the other towns of a list, :mod:`.place_lists`)."""
    candidates = [ent for ent in ctx.places(sent) if is_event_place(ent) and ent.start not in skip]
    # "abducted from Zzyz city, Borno state": a place written before the region it lies in is
    # where the region says the event was, whatever the word before it (but a destination)
    candidates = sorted(candidates + [ent for ent in ctx.places(sent) if ent not in candidates and ent.start not in skip and not (
        ent.root.dep_ == "pobj" and ent.root.head.lower_ in DESTINATION_PREPS) and any(
        0 < other.start - ent.end <= 3 and all(joins_unit(t) for t in sent.doc[ent.end:other.start])
        for other in candidates)], key=lambda ent: ent.start)
    if not candidates:
        claim = institution_place(res, sent, ctx)
        capital = capital_in(res, sent, ctx) if claim is None else None
        if capital is not None:  # "two bombs went off in the capital"
            return PlaceClaim(capital[1].name, text_span(capital[0]), "exact", capital[1], capital[1].country)
        return claim
    countries = tuple(ctx.countries)
    names = {ent.start: fold(ent.text) for ent in ctx.places(sent)}
    resolved, partial = {}, set()
    for ent in candidates:
        context = frozenset(n for start, n in names.items() if start != ent.start)
        # "Tijuana, Baja California", "Oicha (Beni, Nord-Kivu)": what follows a place is its region
        follows = after_place(ent, ctx.places(sent)) or in_region_list(ent) or (
            0 < ent.start and ent.doc[ent.start - 1].text == "(" and ent.end < len(ent.doc)
            and ent.doc[ent.end].text in (")", ","))  # "Shaaf district (Al Jawf)"
        place = res.gazetteer.resolve(ent.text, countries, context, region=region_word_after(ent) or follows,
                                      region_word=region_word_after(ent))
        if place is not None and countries and place.country_code not in countries \
                and not (place.feature == "city" and place.population >= BIG_CITY and not before_site(sent.doc, ent.end)
                         and fold(place.name) == fold(ent.text)):  # "JaS" is no name of Jos
            # a namesake abroad ("Martinez", California, in an Argentine report); a site named
            # after a city abroad ("the Zanzibar junction" in Mogadishu) is not in that city
            place = None
        if place is not None and not supported(res, place, ent, ctx):
            place = None  # "Kelly" in a report from Idlib is no town in the United States
        if place is not None and compass_name(ent.text) and place.country_code not in countries:
            place = None  # "North East" with nothing to say whose
        if place is None and countries:  # "Tal Tamer" for Tall Tamr, "Mineralne" for Mineral'noye
            # every word of the name must be spelt alike, not a stray one ("Abu Al-Ghareb" is
            # not Az Zawiyah, though one of its names has "Gharb" in it)
            words = [w for w in fold(ent.text).split() if w not in NAME_PARTICLES]
            # a spelling is looked for in the article's own country, not in one a namesake
            # brought in (a Nigerian village is not a French town spelt like it)
            if len(skeleton(fold(ent.text)).split()) == len(words):
                place = res.gazetteer.fuzzy(ent.text, countries[:1])
        if place is None:
            # "Donetsk Airport", "Mogadishu-Bondhere": a site or quarter named after a known town
            place = part_place(res, ent.text, countries)
            if place is not None:
                partial.add(ent.start)
        if place is not None and not supported(res, place, ent, ctx):
            place = None  # nor is a spelling or a part of a name that only a namesake abroad has
            partial.discard(ent.start)
        resolved[ent.start] = place
    # "Dunda (Uttarakhand)", "Buleda (Kech, Balochistan)": a place is inside the region
    # named right after it, so a namesake in another country is not it (outermost first:
    # in "a village, La Guajira, Zulia state" Zulia rules out Colombia's La Guajira)
    for ent in reversed(candidates):
        inner = resolved[ent.start]
        container = container_after(ent, candidates, resolved)
        # a part of a town ("Ghadeer area, Baghdad city", "Zzyz Colony Kaduna") lies in or beside the town
        town = town_after(ent, candidates, resolved) \
            if ent.end < len(sent.doc) and sent.doc[ent.end].lower_ in TOWN_PART_WORDS \
            else glued_town(ent, candidates, resolved)
        if inner is not None and town is not None and fold(town.name) != fold(inner.name) \
                and not beside(inner, town):
            inside = [p for p in res.gazetteer.candidates(ent.text) if beside(p, town)]
            resolved[ent.start] = inside[0] if inside else None
            if not inside:
                partial.discard(ent.start)
            continue
        if inner is None or container is None or fold(container.name) == fold(inner.name):
            continue
        written = next((o.text for o in candidates if resolved.get(o.start) is container), container.name)
        if not lies_inside(inner, container) or far_from(res, inner, container, written):
            # the namesake inside that region, if the gazetteer has one ("Bijapur district of
            # Chhattisgarh" is not Karnataka's bigger Bijapur); else a known city of the same
            # country called so, which GeoNames may file under another province, or a town on
            # the region's edge, which sources draw either side of it, stays (not a name only
            # spelt like it: a village spelt like a far town is not it)
            named = res.gazetteer.candidates(ent.text)
            inside = [p for p in named if lies_inside(p, container) and not far_from(res, p, container, written)]
            if not inside and (
                    any(p.id == inner.id for p in named) and inner.country_code == container.country_code
                    and inner.population >= KNOWN_CITY
                    or same_name(inner.name, bare_name(ent.text))  # "Zzyz district, Y province"
                    and res.gazetteer.borders(inner, container, BORDER_KM)):
                continue
            resolved[ent.start] = inside[0] if inside else None
            if not inside:
                partial.discard(ent.start)
    # "Baama town, Borno state", "Iziyum, Kharkiv oblast": a name the gazetteer does not
    # have as written is another spelling of a town of the region written after it
    for ent in reversed(candidates):
        region = region_after(ent, candidates, resolved)
        if resolved[ent.start] is None and region is not None and not compass_name(ent.text) \
                and not res.gazetteer.candidates(ent.text):  # (not a name refused above)
            resolved[ent.start] = spelling_in(res, ent.text, region)

    def rank(ent):
        # the most specific place the gazetteer knows: a town before its district,
        # province or country; a neighbourhood or street, or a site known only by the
        # town in its name ("Colonia Alamar"), after its town
        place = resolved[ent.start]
        if place is None:
            level = 5
        else:
            level = {"city": 0, "site": 0, "admin2": 2, "admin1": 3, "country": 4}.get(place.feature, 3)
            # ("a main street in Daquq": the street is in the town, which stays a town)
            before = sent.doc[max(0, ent.start - 2):ent.start + 1]
            if ent.start > 0 and (sent.doc[ent.start - 1].lower_ in LOCATIVE_PREPS
                                  or sent.doc[ent.start - 1].text == ","):
                before = sent.doc[ent.start:ent.start + 1]  # not the word of the place before ("X area, Y")
            if ent.end < len(sent.doc) and sent.doc[ent.end].lower_ in SUBLOCALITY_WORDS \
                    or any(t.lower_ in SUBLOCALITY_WORDS for t in before) \
                    or ent.start in partial:
                level = max(level, 1)
            if ent.end < len(sent.doc) and sent.doc[ent.end].text in ("-", "–"):
                level = max(level, 2.5)  # an end of "the Mumbai-Barwani stretch", after the district it is in
            if ent.end < len(sent.doc) and sent.doc[ent.end].lower_ in WIDE_REGION_WORDS:
                level = max(level, 2)  # "Aleppo countryside" is a region, however it resolved
                # (a district is named after its main town, which is where it is coded)
            if region_word_after(ent) and holds_place(ent, ctx.places(sent), resolved):
                level = max(level, 1.5)  # "Keran sector in Kupwara district": the sector's town first
            if possessor(ent, ctx.places(sent)) or written_as_region(ent, ctx.places(sent)):
                # "Narathiwat's Rueso district", "Rueso district of Narathiwat", "X district, Y": the province
                level = max(level, 3)  # the district lies in, even where a town has its name
        in_subtree = any(t.i == head.i for t in ent.root.ancestors)
        # "On Monday, in Puno city, neighbours of the Rinconada area protested": the place
        # the sentence opens with is its scene
        opening = ent.start > sent.start and ent.start < sent.root.i \
            and sent.doc[ent.start - 1].lower_ in LOCATIVE_PREPS
        return (level, 0 if in_subtree else 1, 0 if opening else 1, abs(ent.start - head.i))

    candidates.sort(key=rank)
    ent = candidates[0]
    # "Kafr Amma in Aleppo", "Maraba, Para", "Oicha (Beni, Nord-Kivu)": the inner place
    for other in candidates:
        between = sent.doc[other.end:ent.start]
        if 0 < len(between) <= 2 and all(t.lower_ in ("in", ",", "(", "of") for t in between) \
                and resolved[other.start] is not None and rank(other)[0] < 1:
            ent = other
            break
    place = resolved[ent.start]
    # "Kumb town (Khairpur, Sindh)" with Kumb unknown: the event is in Khairpur's area, not
    # at Khairpur's point; say so (ACLED's precision 2) rather than give a false exact place
    for other in candidates:
        between = sent.doc[other.end:owned_start(ent, ctx.places(sent))]  # (past "Jharkhand's" in "X village in Jharkhand's Y district")
        if place is not None and resolved[other.start] is None and 0 < len(between) <= 3 \
                and all(t.lower_ == "near" or joins_unit(t) and t.lower_ not in SITE_PARTS for t in between) and place.feature != "country":
            # within a district: near it, or near the town it is named after ("Kotdiji
            # (Khairpur, Sindh)"); within a province: only the province is known
            town = region_town(res, place) or town_named_in(res, place, ctx)
            if town is not None:
                return PlaceClaim(other.text, text_span(other), "near", town, town.country)
            precision = "region" if place.feature == "admin1" else "near"
            return PlaceClaim(other.text, text_span(other), precision, place, place.country)
    words = {t.lower_ for t in ent.root.ancestors if t.i >= sent.start and t.i < ent.start}
    words |= {t.lower_ for t in sent.doc[max(sent.start, ent.start - 3):ent.start]}
    after = {t.lower_ for t in sent.doc[ent.end:min(sent.end, ent.end + 2)]}
    if ent.start in partial:
        return PlaceClaim(ent.text, text_span(ent), "near", place, place.country)
    offset = offset_place(sent.doc, ent, place) if place is not None and place.feature != "country" else None
    if offset is not None:  # "20 km east of Maiduguri": the point that far, precision near
        phrase = sent.doc[offset[1]:ent.end]
        return PlaceClaim(phrase.text, text_span(phrase), "near", offset[0], place.country)
    capital = capital_in(res, sent, ctx) if place is None else None
    if capital is not None:  # "the capital's Kadamtoli area": a part of the capital the gazetteer lacks
        return PlaceClaim(ent.text, text_span(ent), "near", capital[1], capital[1].country)
    if place is None:
        precision = "unlocated"
        country = res.gazetteer.country_name(ctx.main_country) if ctx.main_country else None
    elif place.feature == "country":
        # "In Kenya, the Zzyz Press Club ...": the town an organisation is named after says more
        precision, country = "country", place.country
        claim = institution_place(res, sent, ctx) or organisation_place(res, sent, ctx)
        if claim is not None:
            return claim
    else:
        country = place.country
        town = inner_organisation_place(res, sent, ctx, place, ent) if place.feature == "admin1" else None
        if town is not None:
            return town
        if after & REGION_WORDS or place.feature in ("admin1", "admin2"):
            precision = "region"
        elif words & NEAR_WORDS:
            precision = "near"
        else:
            precision = "exact"
    return PlaceClaim(ent.text, text_span(ent), precision, place, country)


def capital_in(res, sent: Span, ctx: "DocContext") -> tuple[Span, Place] | None:
    """The capital a sentence names by that word ("in the capital", "the capital's X area",
    "the Afghan capital") and the words that name it: the capital of the country whose
    nationality is written before the word, else of the article's country; not "capital
    punishment" nor a capital the text names ("the capital, Kabul" is Kabul's)."""
    for token in sent:
        if token.lower_ != "capital" or token.i == sent.start or token.pos_ not in ("NOUN", "PROPN") \
                or token.dep_ == "compound":
            continue
        before = sent.doc[token.i - 1]
        country = res.demonyms.get(before.lower_)
        code = res.gazetteer.country_code(country) if country else None
        if code is None and before.lower_ in ("the", "in"):
            code = ctx.main_country
        if code is None and before.tag_ == "POS" and sent.doc[before.i - 1].lower_ == "country":
            code = ctx.main_country  # "the country's capital"
        place = res.gazetteer.capital(code) if code else None
        if place is not None:
            return sent.doc[max(sent.start, token.i - 1):token.i + 1], place
    return None


def institution_place(res, sent: Span, ctx: "DocContext") -> PlaceClaim | None:
    """A sentence with no place of its own whose institution or site is named after a town (or
    owned by it: "Zzyz's county assembly") of the article's countries, or a city when no
    country is said ("a bomb went off at the Peshawar bus terminal"): the event is near that town."""
    countries = tuple(ctx.countries)
    for ent in ctx.places(sent):
        root = ent.root
        owner = root.dep_ == "poss" and ent.end < len(sent.doc) and sent.doc[ent.end].tag_ == "POS"  # "Zzyz's council"
        if root.dep_ not in ("compound", "amod") and not owner or root.head.pos_ != "NOUN" or root.head.i < ent.end \
                or sponsor(ent) or (ent.end < len(sent.doc) and sent.doc[ent.end].text in ("-", "–")):
            continue  # "Britain-based", "Saudi-led": no place of the event
        if root.head.lower_ in OFFICE_ABROAD_WORDS:
            continue  # "the Bogota envoy" speaks for a government wherever he is
        place = res.gazetteer.resolve(ent.text, countries)
        # with no country said, only a city that the name alone tells ("the Peshawar bus terminal")
        known = place is not None and (place.country_code in countries if countries else place.population >= KNOWN_CITY)
        if known and place.feature in ("city", "admin2") and town_named(place, ent.text) \
                and supported(res, place, ent, ctx):
            return PlaceClaim(ent.text, text_span(ent), "near", place, place.country)
    return None


def organisation_place(res, sent: Span, ctx: "DocContext") -> PlaceClaim | None:
    """A sentence with no place better than its country whose organisation or office is named
    after a town or district of the article's countries ("the Zzyz Press Club", "Zzyz district
    police", "Zzyz's municipal corporation"): the event is at that place, at its precision,
    the town's name inside the organisation's its evidence (the words that name the place, not
    the organisation: "Zzyz" of "the Zzyz Press Club"). Only a place the name alone says in the article's
    countries (with none, a known city), not a namesake abroad or a person's name."""
    countries = tuple(ctx.countries)
    speech = res.lexicon.cue("claim") | res.lexicon.cue("report")
    for name, words in organisation_towns(res, sent, ctx.places(sent)):
        if words.root.dep_ == "nsubj" and words.root.head.lemma_.lower() in speech:
            continue  # "..., the Zzyz Republican Council said": who speaks, not where
        place = res.gazetteer.resolve(name.text, countries)
        known = place is not None and (place.country_code in countries if countries else place.population >= KNOWN_CITY)
        # a name the model took for a person's is a town's only when a known city's
        person = words.label_ not in ("ORG", "FAC") and (place is None or place.population < KNOWN_CITY)
        if known and not person and place.feature in ("city", "admin2") and town_named(place, name.text) \
                and supported(res, place, name, ctx):
            precision = "exact" if place.feature == "city" else "region"
            return PlaceClaim(name.text, text_span(name), precision, place, place.country)
    return None


def inner_organisation_place(res, sent: Span, ctx: "DocContext", province: Place, written: Span) -> PlaceClaim | None:
    """A sentence whose best place is a province (``written``), with an institution or organisation
    named after a town or district inside it ("the Zzyz chapter of the party protested in Sindh"):
    that town says more of where the event was than the province (not the province's own name
    before a unit word: "Zzyz district")."""
    claim = institution_place(res, sent, ctx) or organisation_place(res, sent, ctx)
    if claim is None or claim.place is None or claim.place.feature == "admin1" \
            or claim.span is None or claim.span.start < written.end_char and written.start_char < claim.span.end \
            or not lies_inside(claim.place, province):
        return None
    return claim


def town_named(place: Place, written: str) -> bool:
    """Whether ``written`` is a town's own name (or a spelling of it, or that with its kind:
    "Zzyz City"), the name of the region the town is the seat of ("Chittagong" for Chattogram,
    which the Chittagong division is called after), or any name of a big city, whose former
    names stay in use ("Allahabad" for Prayagraj); not another name of a smaller town."""
    return same_name(place.name, written) or same_name(place.name, bare_name(written)) \
        or place.feature == "city" and (fold(written) in (fold(place.admin1 or ""), fold(place.admin2 or ""))
                                        or place.population >= BIG_CITY)


def supported(res, place: Place, ent: Span, ctx: "DocContext") -> bool:
    """Whether a town read in another country than the article's main one has anything but
    its own name for that country (a nationality, another place, the outlet): else it is a
    namesake of a local place the gazetteer lacks ("Police forces" in Lebanon, "Koya")."""
    if place.country_code == ctx.main_country or place.feature == "country" or not ctx.main_country \
            or (place.population >= HAMLET and same_name(place.name, ent.text)
                and res.gazetteer.written_for(place, ent.text)):
        # a town called so ("Qalqiliyah" in a report an Israeli outlet published), not a
        # region only spelt with its consonants (a village's name may have a French region's)
        return True
    key = fold(ent.text)
    if key not in ctx.without:  # the article's countries by all but this name (each time it is written)
        others = [p for p in ctx.all_places if fold(p.text) != key]
        ctx.without[key] = (document_countries(res, ctx.doc, others, Counter(ctx.publisher)),
                            document_countries(res, ctx.doc, others, places_only=True))
    everything, places = ctx.without[key]
    if place.country_code in everything:
        return True
    if ctx.main_country in ctx.publisher:
        return False  # a national outlet's country against a hamlet's or another name's
    if place.population >= HAMLET:
        return True  # a town against other words of the text ("protested in Grodno ... Russia")
    return ctx.main_country not in places


def holds_place(ent: Span, places: list[Span], resolved: dict | None = None) -> bool:
    """Whether another place is written right before a region as lying in it ("Keran sector of
    the frontier Kupwara district")."""
    doc = ent.doc
    # "Keran sector of north Kashmir's Kupwara district": the province owning the district is
    # written between them
    start = owned_start(ent, places)
    if start != ent.start:
        # (a place the gazetteer knows: an unknown village "in Jharkhand's Latehar district" is near the district)
        places = [p for p in places if p.end <= start and (resolved is None or resolved.get(p.start) is not None)]
    return any(0 < start - p.end <= 4 and all(joins_unit(t) or t.pos_ in ("ADJ", "DET", "NOUN")
                                              for t in doc[p.end:start]) for p in places)


def owned_start(ent: Span, places: list[Span]) -> int:
    """Where a place's name starts with the place written as its owner ("Jharkhand's Latehar"
    starts at Jharkhand), else where its own name does."""
    doc = ent.doc
    owner = next((p for p in places if ent.start > 0 and p.end == ent.start - 1 and doc[ent.start - 1].tag_ == "POS"),
                 None)
    return owner.start if owner is not None else ent.start


def possessor(ent: Span, places: list[Span]) -> bool:
    """Whether a place is written as the owner of the next place ("Narathiwat's Rueso
    district", "Kashmir's Kupwara"): the region the other lies in."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].tag_ == "POS" and any(p.start == ent.end + 1 for p in places)


def written_as_region(ent: Span, places: list[Span]) -> bool:
    """Whether a place is written as a province ("the state of Jammu and Kashmir") or as the
    region of a district named before it ("Rueso district of Narathiwat", "Qarabagh
    district, Ghazni"), not as a town's own kind ("the town of Jarabulus") or a village's
    ("X village of Y subdivision" keeps Y a town)."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("of", "in", ","):
        return False
    unit = doc[ent.start - 2]
    if doc[ent.start - 1].lower_ == "of" and unit.lower_ in PROVINCE_WORDS:
        return True
    return unit.lower_ in DISTRICT_WORDS and any(p.end == unit.i for p in places)


def region_town(res, region: Place) -> Place | None:
    """The town a district or province is named after (Khairpur in Khairpur district)."""
    if region.feature != "admin2":  # a province is too large to stand for its capital
        return None
    towns = [p for p in res.gazetteer.candidates(region.name) if p.feature == "city"
             and p.country_code == region.country_code and p.admin1 == region.admin1]
    return towns[0] if towns else None


def town_named_in(res, province: Place, ctx: "DocContext") -> Place | None:
    """The one town or district of ``province`` the article names elsewhere ("Zzyz village,
    X province. ... one of two raids in Y district", Y in X): an unknown village written in a
    province is nearer that town than the province's middle. None when it names several."""
    if province.feature != "admin1":
        return None
    found = {}
    for span in ctx.all_places:
        place = res.gazetteer.resolve(span.text, tuple(ctx.countries))
        if place is not None and place.feature in ("city", "admin2") and lies_inside(place, province) \
                and place.admin1 == province.name and not same_name(province.name, bare_name(span.text)):
            # (not the province's own name again: "Kandahar" is the province as often as its capital)
            town = region_town(res, place) if place.feature == "admin2" else place
            town = town or place
            found[fold(town.name)] = town
    return next(iter(found.values())) if len(found) == 1 else None


def container_after(ent: Span, candidates: list[Span], resolved: dict) -> "Place | None":
    """The resolved region written right after a place ("X (Y, Z)", "X, Y", "X in Y", "X
    sector of Y district"); a town written as a district ("Poonch district") stands for the
    district around it, which lies in the town's province."""
    doc = ent.doc
    for other in candidates:
        between = doc[ent.end:other.start]
        if 0 < len(between) <= 3 and all(joins_unit(t) for t in between):
            place = resolved.get(other.start)
            if place is not None and place.feature in ("admin1", "admin2", "country"):
                return place
            if place is not None and place.feature == "city" and region_word_after(other):
                return Place(place.id, place.name, place.latitude, place.longitude, place.country_code,
                             place.country, place.admin1, place.name, place.population, "admin2")
            if place is not None:  # "Kech, Balochistan": the next one may be the region
                return container_after(other, candidates, resolved) or place
    return None


def spelling_in(res, name: str, region: Place) -> Place | None:
    """The town of ``region``'s province spelt like ``name`` (within `district-km` of ``region``
    when that is a town), else the one of its country on the province's edge (sources draw
    borders differently from GeoNames)."""
    place = res.gazetteer.spelt_like(name, region)
    if region.feature in ("city", "site"):  # "X, Y": in the district named after town Y, or a part of Y
        near = place is not None and distance_km(place.latitude, place.longitude,
                                                 region.latitude, region.longitude) <= DISTRICT_KM
        return place if near else None
    if place is not None or region.feature == "country":
        return place
    country = res.gazetteer.resolve(region.country)
    place = res.gazetteer.spelt_like(name, country) if country is not None and country.feature == "country" else None
    province = region if region.feature == "admin1" else next(
        (p for p in res.gazetteer.containers(region) if p.feature == "admin1"), None)
    if place is None or province is None or not res.gazetteer.borders(place, province, BORDER_KM):
        return None
    return place


def region_after(ent: Span, candidates: list[Span], resolved: dict) -> "Place | None":
    """The first known place written after a place as what it lies in ("X, Y, Z", "X area,
    Y governorate", "X in Y"), whatever its kind."""
    doc = ent.doc
    for other in candidates:
        between = doc[ent.end:other.start]
        if 0 < len(between) <= 3 and all(joins_unit(t) for t in between):
            return resolved.get(other.start) or region_after(other, candidates, resolved)
    return None


def town_after(ent: Span, candidates: list[Span], resolved: dict) -> "Place | None":
    """The town written right after a place as a town ("Ghadeer area, Baghdad city"); not a
    name that may be the province's ("Daquq area, Kirkuk")."""
    doc = ent.doc
    for other in candidates:
        between = doc[ent.end:other.start]
        place = resolved.get(other.start)
        if 0 < len(between) <= 3 and all(joins_unit(t) for t in between) and place is not None:
            written = other[-1].lower_ in TOWN_WORDS or (other.end < len(doc) and doc[other.end].lower_ in TOWN_WORDS)
            return place if written and place.feature == "city" else None
    return None


def glued_town(ent: Span, candidates: list[Span], resolved: dict) -> "Place | None":
    """The city a place is written against with no word between ("Zzyz Colony Kaduna", which
    :func:`~graphbuild.nlp.place_names.split_region` splits): the place is a part of it."""
    place = next((resolved.get(o.start) for o in candidates if o.start == ent.end), None)
    return place if place is not None and place.feature == "city" else None


def beside(place: Place, town: Place) -> bool:
    """Whether ``place`` can be a part of ``town``: close enough to it."""
    return place.country_code == town.country_code and distance_km(
        place.latitude, place.longitude, town.latitude, town.longitude) <= TOWN_PART_KM


def joins_unit(token: Token) -> bool:
    """A word between a place and the unit it lies in: "X, Y", "X in Y", "X village under Y
    upazila", "X sector of Y district"."""
    return token.lower_ in ("in", ",", "(", "of", "under") or token.lower_ in UNIT_WORDS


def part_place(res, name: str, countries: tuple[str, ...]):
    """The town a longer place name starts or ends with, in the article's countries
    ("Donetsk Filtration Station" -> Donetsk, "Mogadishu-Hodan" -> Mogadishu), or None."""
    words = re.split(r"[\s\-–]+", name.strip())
    if len(words) < 2 or words[-1].lower() in STREET_WORDS:
        return None  # "Oxford Street" is a street named after a town, which may be anywhere
    for n in range(len(words) - 1, 0, -1):
        for part in (" ".join(words[:n]), " ".join(words[-n:])):
            if compass_name(part):
                continue  # "north" of "north Kashmir's" is no place called North
            if part.lower() in SUBLOCALITY_WORDS:
                continue  # "Hayy" of "Hayy ad Dubat" is the word for a quarter, not the town Al Hayy
            place = res.gazetteer.resolve(part, countries)
            # with no country to go by, only a name the gazetteer gives one country ("Zolote-4")
            known = place is not None and (place.country_code in countries if countries else len(
                {p.country_code for p in res.gazetteer.candidates(part)}) == 1)
            if known and place.feature in ("city", "site", "admin2"):
                return place
    return None


def scene_place(res, sent: Span, ctx: "DocContext") -> PlaceClaim | None:
    """The place of the story an event's sentence belongs to, when the sentence names none:
    the one the sentences just before it are set in ("In Niteroi, police raided a favela. A
    shoot-out broke out"), else the next sentence's ("Gunmen killed two. It happened in X").
    Only within the paragraph (a line, as :mod:`graphbuild.text.structure` reads articles), and
    never a country: that is :func:`country_place`'s. An event told in another paragraph gets
    the article's country, never an exact point borrowed from another paragraph's event."""
    sents = ctx.sentences
    i = ctx.sentence_index(sent.start_char)
    for j in [*range(i - 1, max(-1, i - 1 - SCENE_SENTENCES), -1), i + 1]:
        if not 0 <= j < len(sents):
            continue
        lo, hi = sorted((sents[j], sent), key=lambda s: s.start)
        if "\n" in lower_text(ctx.doc)[lo.start_char:hi.end_char].strip():
            continue  # another paragraph may be another story
        if j not in ctx.scenes:
            ctx.scenes[j] = event_place(res, sents[j].root, sents[j], ctx)
        claim = ctx.scenes[j]
        if claim is not None and claim.place is not None and claim.precision != "country":
            return claim
    return None


def located_in_scene(claim: PlaceClaim, scene: PlaceClaim | None) -> PlaceClaim:
    """A place the gazetteer lacks ("Rupdah village in Sadar upazila") in a paragraph whose
    sentences around it are set in a known place ("In Rajbari, ..."): near that place, named
    as written; else as it was, unlocated."""
    if claim.place is not None or scene is None or scene.place is None:
        return claim
    precision = "region" if scene.place.feature == "admin1" else "near"
    return PlaceClaim(claim.name, claim.span, precision, scene.place, scene.country)


def filed_scene(sent: Span, ctx: "DocContext") -> PlaceClaim | None:
    """The dateline's town (:func:`filed_place`) for a sentence of the paragraph the dateline
    opens: a later paragraph may tell another story (history, an attack elsewhere)."""
    if ctx.filed_from is None or ctx.dateline is None:
        return None
    between = ctx.doc.text[ctx.dateline.end:sent.start_char].lstrip()  # ("KABUL (AP)\nGunmen ...")
    return ctx.filed_from if "\n" not in between else None


def filed_place(dateline, main_country: str | None) -> PlaceClaim | None:
    """The town a story was filed from ("Zzyz, May 3 (Agency) -"), near which an event the text
    places nowhere but in its country happened, as far as the text tells; not when the town lies
    outside the country the article is about (a capital's desk reporting on a neighbour)."""
    place = dateline.resolved if dateline is not None else None
    if place is None or place.feature == "country" or main_country and place.country_code != main_country:
        return None
    return PlaceClaim(place.name, dateline.place, "near", place, place.country)


def country_place(res, ctx: "DocContext") -> PlaceClaim | None:
    """An event whose sentence names no place happened, as far as the text says, in the
    country the article is about: a country-precision place, with the words that named it
    (the country's own name where the article writes it, else a place of that country)."""
    if not ctx.main_country:
        return None
    inside = []  # the places of that country the article names, the country's own name first
    for span in ctx.all_places:
        place = res.gazetteer.resolve(span.text, tuple(ctx.countries))
        if place is not None and place.country_code == ctx.main_country:
            inside.append((place.feature != "country", span, place))
    for _, span, place in sorted(inside, key=lambda found: found[0]):
        country = res.gazetteer.resolve(place.country)
        if country is not None and country.feature == "country":
            return PlaceClaim(country.name, text_span(span), "country", country, country.name)
    # no place of that country is named: a demonym or a known actor of it is the evidence
    name = res.gazetteer.country_name(ctx.main_country)
    country = res.gazetteer.resolve(name) if name else None
    if country is None or country.feature != "country":
        return None
    for token in ctx.doc:
        if res.demonyms.get(token.lower_) == name:
            return PlaceClaim(country.name, text_span(ctx.doc[token.i:token.i + 1]), "country", country, name)
    for m in ctx.mentions:
        if m.actor.country == name and m.actor.named:
            return PlaceClaim(country.name, m.span(ctx.doc), "country", country, name)
    if ctx.main_country in ctx.publisher:
        # only the outlet or the title says where ("El Nashra": Lebanon): no words to point at
        return PlaceClaim(country.name, None, "country", country, name)
    return None


def scene_words(head: Token, sent: Span, ctx: "DocContext") -> Span | None:
    """The words an event's own sentence has for where it happened when it names no place: a
    common noun after a locative preposition ("bombs went off across the city", "a man was shot in
    the main market area") or the subject of "has seen" ("the republic has seen bombings"), the
    nearest to the event's word. The place itself is inferred from around the sentence; these
    are its evidence, at whatever precision that place has."""
    taken = {i for span in ctx.places(sent) for i in range(span.start, span.end)}
    found = []
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in SCENE_NOUNS or token.i in taken:
            continue
        if not (token.tag_ in ("NNS", "NNPS") or any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in token.lefts)):
            continue  # "in place", "in town": an idiom, not a scene
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.lefts):
            continue  # "their posts": whose, not where
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in SCENE_PREPS:
            anchor = prep.head
        elif token.dep_ == "nsubj" and prep.lemma_ in SCENE_VERBS and any(t.i == head.i for t in prep.subtree):
            anchor = prep
        else:
            continue
        if not same_clause(anchor, head) and not same_clause(head, anchor):
            continue  # a place of another clause's happening ("farmers who had lived in the village")
        found.append((abs(token.i - head.i), token))
    if not found:
        return None
    token = min(found, key=lambda f: f[0])[1]
    return sent.doc[token.left_edge.i:token.i + 1]


def regions_written_after(claim_span, sent: Span, ctx: "DocContext", place: Place | None = None,
                          res=None) -> list[Span]:
    """The places written right after an event's place as the regions it lies in ("Camp X in
    Helmand Province, Afghanistan", "X, Y"): more of the sentence's words for where it happened."""
    places = ctx.places(sent)
    own = next((p for p in places if p.start_char == claim_span.start), None)
    end = own.end if own is not None else None
    listed = {t.i for t in own.root.conjuncts} if own is not None else set()  # "Zzyz, Yyy and Xxx": a list of towns
    if listed and res is not None:  # (but "Daquq, Kirkuk, Iraq": a town, its province and country)
        listed = coordinated(res, own, place)
    regions = []
    for place in places:
        if end is not None and 0 < place.start - end <= 3 and all(joins_unit(t) for t in sent.doc[end:place.start]) \
                and place.root.i not in listed:
            regions.append(place)
            end = place.end
    return regions


def coordinated(res, own: Span, place: Place | None) -> set[int]:
    """The tokens of the names listed with a place ("Zzyz, Yyy and Xxx"), not those the parse
    lists with it, with no "and" or "or", or that name a region it lies in ("Daquq, Kirkuk, Iraq": Kirkuk is the
    province, though a city has its name; "X, Salahuddin province") or its country."""
    doc = own.doc
    conjuncts = own.root.conjuncts
    if not any(t.dep_ == "cc" for c in (own.root, *conjuncts) for t in c.children):
        return set()  # "X, Y, Iraq": a place and what it lies in, with no "and" of a list
    containers = res.gazetteer.containers(place) if place is not None else []
    regions = {fold(c.name) for c in containers} | ({fold(place.admin2)} - {""} if place is not None else set())
    listed = set()
    for token in conjuncts:
        name = next((e for e in entities(doc) if e.start <= token.i < e.end), doc[token.i:token.i + 1])
        key = fold(name.text)
        if not key or any(re.search(rf"\b{re.escape(key)}\b", region) for region in regions) \
                or name.end < len(doc) and doc[name.end].lower_ in REGION_WORDS | WIDE_REGION_WORDS \
                or place is not None and any(p.feature in ("admin1", "admin2", "country") and lies_inside(place, p)
                                             for p in res.gazetteer.candidates(name.text)):
            continue
        listed.add(token.i)
    return listed


def same_clause(token: Token, above: Token) -> bool:
    """Whether ``above`` is ``token`` or governs it with no clause between them."""
    while token.i != above.i:
        if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def lies_inside(place: Place, container: Place) -> bool:
    """Whether ``place`` can lie in ``container``, as far as the gazetteer knows."""
    if place.country_code != container.country_code:
        return False
    if container.feature == "admin1":
        return not place.admin1 or place.admin1 == container.name
    if container.feature == "admin2":  # districts are redrawn more often than GeoNames knows
        return not place.admin1 or place.admin1 == container.admin1
    # a town written after a town may be the district or province named after it
    # ("Marbel, Matalam, Cotabato"): only its country is sure (but see :func:`far_from`)
    return True


def far_from(res, place: Place, town: Place, written: str) -> bool:
    """Whether a place written as lying in a town ("Damasak, Ibadan") lies beyond a district's
    reach of it (`district-km`), when the name written for the town is no province's or
    district's ("Banka district of Bihar": Bihar is the state, though a town has the name)."""
    if town.feature not in ("city", "site") or any(
            p.feature in ("admin1", "admin2") and p.country_code == town.country_code
            for p in res.gazetteer.candidates(written)):
        return False
    return distance_km(place.latitude, place.longitude, town.latitude, town.longitude) > DISTRICT_KM


def after_place(ent: Span, places: list[Span]) -> bool:
    """"Tijuana, Baja California", "Oicha (Beni, Nord-Kivu)": a name written right after
    another place, which makes it that place's region."""
    return any(0 < ent.start - other.end <= 1 and ent.doc[other.end:ent.start].text in (",", "(")
               for other in places)


def same_name(name: str, written: str) -> bool:
    """A place's own name, or a spelling of it ("al-Hasakeh" for Al-Hasakah, "Tell Abiad" for Tall
    Abyad), rather than another of its names ("Elenovka", Sevan's old one)."""
    return spelt_alike(fold(name), fold(written))


def offset_place(doc: Doc, ent: Span, place):
    """For "20 km east of Maiduguri" (or "20km north-east of X"), a place that far in that
    direction from X, and the token where the phrase starts; else None."""
    i = ent.start
    if i < 4 or doc[i - 1].lower_ != "of":
        return None
    j = i - 2
    bearing_words = [doc[j].lower_]
    if j >= 2 and doc[j - 1].text in ("-",) and doc[j - 2].lower_ in BEARING_PREFIXES:
        bearing_words = [doc[j - 2].lower_, "-", doc[j].lower_]
        j -= 2
    bearing = BEARINGS.get("".join(bearing_words))
    if bearing is None:
        return None
    unit = doc[j - 1]
    number = doc[j - 2] if unit.lower_ in DISTANCE_UNITS else None
    if number is None:  # "20km" as one token
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(km|kms|mi)", unit.lower_)
        if not match:
            return None
        km, start = float(match.group(1)) * DISTANCE_UNITS[match.group(2)], j - 1
    else:
        try:
            km = float(number.text.replace(",", "")) * DISTANCE_UNITS[unit.lower_]
        except ValueError:
            return None
        start = j - 2
    if not 0 < km <= OFFSET_KM:
        return None
    lat2, lon2 = destination(place.latitude, place.longitude, km, bearing)
    direction = "".join(bearing_words).replace("-", "")
    name = f"{km:g} km {direction} of {place.name}"
    offset = Place(f"{place.id}-{km:g}km-{direction}", name, round(lat2, 5),
                   round(lon2, 5), place.country_code, place.country, place.admin1,
                   place.admin2, 0, "offset", place)
    return offset, start
