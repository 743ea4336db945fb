"""The ``graphbuild_place_names`` and ``graphbuild_targeted_places`` components: place names.

The model's GPE/LOC/FAC entities, split where the model ran over a comma ("Nis, Serbia"),
extended where it cut a name short ("Foz" of "Foz do Iguacu"), and proper names it mislabels
or misses that stand where places stand and the gazetteer knows. Results:
``doc.spans["graphbuild_places"]``. Helpers that tell where a name stands (before a site word,
after a locative preposition, a sponsor's nationality) serve the country vote and event places too.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..gazetteer import fold
from ..settings import setting, words
from .known_actors import ACRONYMS
from .resources import resources
from .spans import entities, looks_like_person, name_words, starts_name

SETTLEMENT_WORDS = words("settlement")
NEAR_WORDS = words("near")
REGION_WORDS = words("region")
ADMIN_UNIT_WORDS = words("admin-unit")
SPONSOR_WORDS = words("sponsor")
PLACE_PREPS = words("place-prep")
COMPASS_WORDS = words("compass-adjective")
COMPASS_NAME_WORDS = words("compass-name")  # "East Belfast" is one name, no quarter called East
SUBLOCALITY_WORDS = words("sublocality")
PLACE_NOUNS = words("place-noun")
KNOWN_CITY = setting("known-city")
CALENDAR_WORDS = words("calendar")
SITE_NOUNS = words("site")
NAMED_SITES = words("site") | words("named-site")
INSTITUTION_WORDS = words("institution")
LOCATIVE_PREPS = words("locative-prep")
AWAY_PREPS = words("away-prep")
ORIGIN_NOUNS = words("origin-noun")
NAME_PARTICLES = words("name-particle")
ARMED_MEANS = words("armed-means")
PLACES = "graphbuild_places"
LOOSE_REGION_WORDS = words("loose-region")
VERB_SPONSOR_WORDS = words("verb-sponsor")
NOT_LOCATIVE_PREPS = words("not-locative-prep")
INNER_PARTICLES = words("inner-particle")
OFFICE_ABROAD_WORDS = words("office-abroad")
STREET_WORDS = words("street-named")
#: nouns a place name modifies that are still where it is: "Idlib province", "Samba sector", "Rafi LGA"
TOWN_PARTS = REGION_WORDS | PLACE_NOUNS | ADMIN_UNIT_WORDS | SITE_NOUNS | SUBLOCALITY_WORDS


@Language.factory("graphbuild_place_names", default_config={"actor_files": []})
def make_place_names(nlp: Language, name: str, actor_files: list[str]):
    return PlaceNames(name, actor_files=actor_files)


class PlaceNames:
    """Place names, repaired and extended (:func:`place_spans`): ``doc.spans["graphbuild_places"]``."""

    def __init__(self, name: str = "graphbuild_place_names", *, actor_files=()):
        self.name = name
        self.resources = resources(tuple(actor_files))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[PLACES] = place_spans(self.resources, doc)
        return doc


@Language.factory("graphbuild_targeted_places", default_config={"actor_files": []},
                  requires=["doc._.countries"])
def make_targeted_places(nlp: Language, name: str, actor_files: list[str]):
    return TargetedPlaces(name, actor_files=actor_files)


class TargetedPlaces:
    """Adds to ``doc.spans["graphbuild_places"]`` the names the model took for people that
    are places of the article's countries (:func:`targeted_places`); runs after the country vote."""

    def __init__(self, name: str = "graphbuild_targeted_places", *, actor_files=()):
        self.name = name
        self.resources = resources(tuple(actor_files))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[PLACES] = targeted_places(self.resources, doc, list(doc.spans[PLACES]), doc._.countries or [])
        return doc


def place_spans(res, doc: Doc) -> list[Span]:
    """Place names: the model's GPE/LOC/FAC entities, and proper names the model
    mislabels or misses ("Kafr Amma" as a person, "Aleppo" as a nationality) when the
    gazetteer knows them and they stand where places stand: after "in", "near", "of",
    "at", "outside", ... or in the parentheses that follow a place."""
    # a known group's acronym is that group, not a namesake place ("GNA forces")
    acronyms = {(s.start, s.end) for s in doc.spans.get(ACRONYMS, ())}
    # a name the article also gives a person in full ("Abu Bakr al-Baghdadi" ... "from
    # Baghdadi") is that person; the model's PERSON label alone is too often a village
    full_names = [(e.start, name_words(e.text)) for e in entities(doc)
                  if e.label_ == "PERSON" and len(name_words(e.text)) > 1
                  and not res.gazetteer.candidates(e.text)]  # "Gombe LGA" is no person's name
    spans = []
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "LOC", "FAC") or (spans and ent.start < spans[-1].end):
            continue
        if (ent.start, ent.end) in acronyms and not any(
                p.feature == "country" for p in res.gazetteer.candidates(ent.text)):
            continue
        if not res.gazetteer.candidates(ent.text) and any(
                start != ent.start and name_words(ent.text) <= words for start, words in full_names):
            continue  # "Azamat Tazhayakov" ... "20-year-old Tazhayakov": a person the model took for a place
        ent = without_possessive(ent, res.gazetteer)  # "south Kashmir's": Kashmir, the owner of what follows
        if ent is None:
            continue
        parts = name_parts(extended(extended_left(ent, res.gazetteer), res.gazetteer))  # "Nis, Serbia"
        parts = [q for part in parts for q in split_region(res, part)]
        while spans and parts[0].start < spans[-1].end and spans[-1].start >= parts[0].start:
            spans.pop()  # the model's "Sao" + "Paulo", now one "Sao Paulo"
        if spans and parts[0].start < spans[-1].end:
            continue
        if spans and parts[0].start == spans[-1].end and (
                spans[-1][0].lower_ in SUBLOCALITY_WORDS | SETTLEMENT_WORDS
                or res.gazetteer.candidates(doc[spans[-1].start:parts[0].end].text)):
            # the model's "Baja" + "California", "Colonia" + "San Jacinto": one name
            parts[0] = Span(doc, spans.pop().start, parts[0].end, label=ent.label_)
        spans.extend(parts)
    taken = {i for e in spans for i in range(e.start, e.end)} | {i for s, e in acronyms for i in range(s, e)}
    taken |= {i for e in entities(doc) if e.label_ in ("PERSON", "ORG")
              and ((looks_like_person(e) and not located_name(res, e))
                   or any(start != e.start and name_words(e.text) <= words for start, words in full_names))
              for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.i in taken or not starts_name(tok):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 6 and not site_named_after(res, doc[i:end], doc[end]) and (
                starts_name(doc[end]) or (doc[end].text in ("-", "'") or doc[end].lower_ in NAME_PARTICLES)
                and end + 1 < len(doc) and starts_name(doc[end + 1])):
            end += 1
        if end + 1 < len(doc) and doc[end].tag_ == "POS" and starts_name(doc[end + 1]) \
                and res.gazetteer.candidates(doc[i:end + 2].text):
            end += 2  # "Cox's Bazar": a name with an owner's "'s" in it, when the gazetteer knows it
        span = doc[i:end]
        if end < len(doc) and doc[end].tag_ == "NNS" and all(t.pos_ == "ADJ" for t in span):
            i = end  # "in Western cities", "in Northern towns": a kind of places, no name
            continue
        previous = doc[i - 1] if i > 0 else None
        placed = previous is not None and (previous.lower_ in PLACE_PREPS or previous.text in ("(", ",")
                                           or previous.lower_ in COMPASS_WORDS)
        # "in south Kashmir's Anantnag": a name a place owns stands where places stand
        placed = placed or (previous is not None and previous.tag_ == "POS" and bool(spans) and spans[-1].end == i - 1)
        if previous is not None and previous.lower_ == "of" and previous.ent_type_ == "ORG":
            placed = False  # "the Association of Banks", "University of Nairobi": a name
        named_place = i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS
        # "in Kumb town", "in Jaghuri district": a place even when the gazetteer lacks it
        named_place = named_place or (placed and end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS)
        # "stormed Samarra, Salah ad Din, Iraq", "Nahiyat X town, Al Anbar governorate": a name
        # written before the province it lies in is a place wherever it stands
        named_place = named_place or before_province(res, doc, end)
        # "in Buleda (Kech, Balochistan)": a name followed by the regions it lies in
        named_place = named_place or (placed and end + 1 < len(doc) and doc[end].text == "("
                                      and bool(res.gazetteer.candidates(doc[end + 1].text)))
        # "the Idlib countryside", "the Zhari district": a known name before a region word;
        # "the Zahle roundabout", "the Damboa - Maiduguri road": before a site named after it
        # "struck Samarra city": a known name before a word for a settlement is that settlement
        placed = placed or (end < len(doc) and doc[end].lower_ in REGION_WORDS | ADMIN_UNIT_WORDS | SETTLEMENT_WORDS) \
            or before_site(doc, end) or (len(span) > 1 and span[-1].lower_ in ADMIN_UNIT_WORDS) \
            or (end < len(doc) and site_named_after(res, span, doc[end]))  # "Sapele LGA", "Dhaka University"
        # (after a preposition or another place: "in Pedrak, Kech Turbat Balochistan", not a
        # person in a list, "her relatives, Lidia Falcon")
        after_place = previous is not None and previous.text in (",", "(") and bool(spans) and spans[-1].end == i - 1
        if placed and not named_place and (after_place or previous is not None and previous.lower_ in PLACE_PREPS) \
                and not any(t.i in taken for t in span) \
                and not any(t.like_num or t.lower_ in CALENDAR_WORDS for t in span) \
                and len(parts := split_region(res, span)) == 2:
            spans.extend(Span(doc, q.start, q.end, label="GPE") for q in parts)  # "in Mojolo Sinaloa"
            taken.update(range(span.start, span.end))
            i = end
            continue
        if (named_place or placed) and not any(t.i in taken for t in span) \
                and not any(t.ent_type_ in ("TIME", "CARDINAL", "MONEY") or t.ent_type_ == "DATE"
                            and (t.like_num or t.lower_ in CALENDAR_WORDS) for t in span) \
                and (named_place or res.gazetteer.candidates(span.text)
                     or (placed and known_head(res, span))):
            # "the village of Kansafra" is a place even when the gazetteer lacks it
            spans.append(Span(doc, span.start, span.end, label="GPE"))
            taken.update(range(span.start, span.end))
        i = end
    # "Police forces", "a Police officer": a capitalised actor word, not the Polish town
    spans = [s for s in spans if not common_word(res, s)]
    return sorted(spans, key=lambda s: s.start)


def without_possessive(ent: Span, gazetteer) -> Span | None:
    """The model's "south Kashmir's", "North Waziristan's": a place name without the owner's
    "'s" it ran over (the name is the owner of the place written next: "Kashmir's Anantnag");
    a name the gazetteer has with it ("Cox's Bazar") stays whole. None when nothing is left."""
    if len(ent) < 2 or ent[-1].tag_ != "POS" or gazetteer.candidates(ent.text):
        return ent
    return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)


def site_named_after(res, name: Span, word: Token) -> bool:
    """"Dhaka University", "the Karachi Press Club": an institution's word after a city's own
    name ends the name (not after an alternate name: "Jagannath University" is not in Puri; nor
    after a small town's, which is too often a word: "the Justice Palace"; nor before a street,
    which is named after a town elsewhere: "Oxford Street")."""
    return word.lower_ in INSTITUTION_WORDS and any(
        fold(p.name) == fold(name.text) and p.feature == "city" and p.population >= KNOWN_CITY
        for p in res.gazetteer.candidates(name.text))


def common_word(res, span: Span) -> bool:
    """"Police forces", "Street 90": a capitalised common word that only a small town is
    called ("Police", Poland), not a city ("Man", Côte d'Ivoire) or a region ("Centre")."""
    word = span.text.lower()
    if word not in res.lexicon.actor_nouns and span.root.lemma_.lower() not in res.lexicon.actor_nouns \
            and word not in SUBLOCALITY_WORDS | SITE_NOUNS | PLACE_NOUNS:
        return False
    return not any(p.feature in ("admin1", "country") or p.population >= KNOWN_CITY
                   for p in res.gazetteer.candidates(span.text))


def split_region(res, span: Span) -> list[Span]:
    """"Mojolo Sinaloa", "Zzyz Colony Kaduna": an unknown name that ends with a province's
    name, or with a city's own name, is a place and the province or city it lies in, written
    without a comma."""
    if len(span) < 2 or res.gazetteer.candidates(span.text):
        return [span]
    for cut in range(span.start + 1, span.end):
        tail = span.doc[cut:span.end]
        head = span.doc[span.start:cut]
        if not all(starts_name(t) for t in tail):
            continue
        found = [p for p in res.gazetteer.candidates(tail.text) if fold(p.name) == fold(tail.text)]
        province = any(p.feature == "admin1" for p in found) and not res.gazetteer.candidates(head.text)
        # a quarter glued to its city, though the quarter's name has namesakes elsewhere; not a
        # village's name that ends like a city, written before the region it lies in
        # ("Zzyz Kano, in Jigawa"), nor a name the model does not take for a place unless it
        # stands where places stand ("supporters of Zzyz Kano": a person)
        where = span.label_ in ("GPE", "LOC", "FAC") or (
            span.start > 0 and span.doc[span.start - 1].lower_ in LOCATIVE_PREPS)
        city = where and not all(t.lower_ in COMPASS_WORDS | COMPASS_NAME_WORDS for t in head) \
            and any(p.feature == "city" and p.population >= KNOWN_CITY for p in found) \
            and not region_follows(res, span.doc, span.end) and not any(t.ent_type_ == "PERSON" for t in span)
        if province or city:
            return [Span(span.doc, span.start, cut, label=span.label_),
                    Span(span.doc, cut, span.end, label=span.label_)]
    return [span]


def region_follows(res, doc: Doc, end: int) -> bool:
    """Whether a known place is written right after the name ending at ``end`` as what it lies
    in (", Y", " in Y", ", in Y", " (Y")."""
    i = end
    while i < min(len(doc), end + 3) and doc[i].lower_ in (",", "(", "in", "of"):
        i += 1
    return i > end and i < len(doc) and starts_name(doc[i]) and bool(res.gazetteer.candidates(doc[i].text))


def known_head(res, span: Span) -> bool:
    """"Zolote-4", "Machiques de Perija": a name whose first part, before a hyphen or a
    particle, is a town the gazetteer knows (the rest names a quarter or is a longer form)."""
    head = re.split(r"\s*[-–]\s*|\s+(?:" + "|".join(sorted(NAME_PARTICLES - INNER_PARTICLES)) + r")\s+",
                    span.text, maxsplit=1)[0]
    return head != span.text and any(p.feature == "city" for p in res.gazetteer.candidates(head))


def located_name(res, ent: Span) -> bool:
    """"in al-Hasakeh", "near al-Bab": an "al-" name where places stand that the gazetteer
    knows as a town or region is that place, whatever the model's label; so is a region's name
    before the word for it ("Al Anbar governorate") or between a place and its country
    ("Kubaysah, Al Anbar, Iraq")."""
    previous = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before_province(res, ent.doc, ent.end):  # "Nahiyat X, Al Anbar": no person's name
        return True
    if region_word_after(ent):  # "Al Anbar governorate": no person's name
        return any(p.feature in ("admin1", "admin2") for p in res.gazetteer.candidates(ent.text))
    doc = ent.doc
    if previous is not None and previous.text == "," and ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        # "Kubaysah, Al Anbar, Iraq": a province of the country written after it
        country = res.gazetteer.country_code(doc[ent.end + 1].text)
        return country is not None and any(p.feature == "admin1" and p.country_code == country
                                           for p in res.gazetteer.candidates(ent.text))
    return previous is not None and previous.lower_ in LOCATIVE_PREPS and any(
        p.feature != "country" for p in res.gazetteer.candidates(ent.text))


def before_province(res, doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is written before the province it lies in, after
    its own settlement word and a comma: "Baiji, Salah ad Din, Iraq", "X town, Diyala
    governorate"."""
    if end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS | ADMIN_UNIT_WORDS:
        end += 1
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    for size in (3, 2, 1):
        name = doc[end + 1:min(end + 1 + size, len(doc))]
        after = doc[name.end] if name.end < len(doc) else None
        if len(name) == size and after is not None and (after.text == "," or after.lower_ in REGION_WORDS) \
                and all(starts_name(t) or t.lower_ in NAME_PARTICLES for t in name) \
                and any(p.feature == "admin1" for p in res.gazetteer.candidates(name.text)):
            return True
    return False


def targeted_places(res, doc: Doc, places: list[Span], countries: list[str]) -> list[Span]:
    """Names the model took for people that stand where places stand (after "in",
    "near", ..., or as the object of an attack verb: "regime forces shelled Kafr Amma")
    and that the gazetteer knows in the article's countries."""
    taken = {i for span in places for i in range(span.start, span.end)}
    extra = []
    for ent in entities(doc):
        if ent.label_ not in ("PERSON", "ORG") or any(t.i in taken for t in ent):
            continue
        previous = doc[ent.start - 1] if ent.start > 0 else None
        after_prep = previous is not None and previous.lower_ in PLACE_PREPS - NOT_LOCATIVE_PREPS
        attacked = ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in res.attack_verbs
        if not (after_prep or attacked):
            continue
        place = res.gazetteer.resolve(ent.text, tuple(countries)) or res.gazetteer.fuzzy(
            ent.text, tuple(countries[:2]))
        if place is not None and place.country_code in countries[:2]:
            extra.append(Span(doc, ent.start, ent.end, label="GPE"))
    return sorted(places + extra, key=lambda s: s.start)


def is_event_place(ent: Span) -> bool:
    """False for places that are not where an event happened: a destination or origin
    ("escape to Turkey", "a citizen of Kyrgyzstan"), a modifier ("Britain-based", "US dollar"), an actor ("America
    withdraws")."""
    root = ent.root
    doc = ent.doc
    if root.dep_ == "pobj" and root.head.lower_ in AWAY_PREPS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in ORIGIN_NOUNS:
        return False  # "a citizen of Kyrgyzstan": where a person is from, not where they are
    if ent.end < len(doc) and doc[ent.end].text in ("-", "–") and not (
            ent.end + 1 < len(doc) and (doc[ent.end + 1].is_digit or doc[ent.end + 1].text[:1].isupper())):
        return False  # "Britain-based", but "Zolote-4" and "the Damboa - Maiduguri road" are places
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() in SITE_NOUNS:
        return True  # "outside the regional court of Limassol"
    if root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN" and root.head.i >= ent.end \
            and not (ent.end < len(doc) and doc[ent.end].text in ("-", "–")) \
            and modified_noun(root).lemma_.lower() not in TOWN_PARTS:
        return False  # "salaries in US dollars": a modifier, even after "in"
    if armed_owner(ent):
        return False  # "India's border force fired", "troops of Zorbaland": whose forces, not where
    if locative_before(ent):
        return True  # "in Emiliano Zapata, Hidalgo, police demonstrated", whatever the parse hangs it on
    if root.dep_ in ("nsubj", "nsubjpass"):
        return False
    if before_site(doc, ent.end):
        return True  # "blocked the Zahle roundabout", however the parse hangs it
    if root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.pos_ == "NOUN" \
            and modified_noun(root).lemma_.lower() not in TOWN_PARTS:
        return False
    return True


def armed_owner(ent: Span) -> bool:
    """A country or nationality named as the owner of a force or weapon ("a Zorban drone
    strike", "Zorbaland's border force", "troops of Zorbaland", "fire by Zorbaland"): the side
    that used it, often from abroad, not the place where it struck."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:  # "troops of Zorbaland and Yorbia"
        root = root.head
    if root.dep_ in ("compound", "amod", "poss") and root.head.i > root.i:
        # the noun itself, or the head of the name it opens ("Zorbaland's Border Security Force"),
        # not one a common noun leads to ("the Zzyz roundabout and army units")
        noun = modified_noun(root) if root.head.pos_ == "PROPN" else root.head
    elif root.dep_ == "pobj" and root.head.lower_ in ("of", "by") and root.head.head.i < root.head.i:
        noun = root.head.head
    else:
        return False
    return noun.lemma_.lower() in ARMED_MEANS or noun.lower_ in ARMED_MEANS


def modified_noun(token: Token) -> Token:
    """The noun a name modifies, through the nouns compounded with it: "Kushtia sadar
    upazila" names an upazila, "Peshawar police chief" a chief."""
    head = token.head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        head = head.head
    return head


def extended(ent: Span, gazetteer) -> Span:
    """The model's "Foz" of "Foz do Iguacu": a name continued by a particle and a name, when
    the gazetteer knows the longer one."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES:
        # "de" + "los" + "Reyes": one or two particles, then a name
        step = 2 if end + 2 < len(doc) and doc[end + 1].lower_ in NAME_PARTICLES else 1
        if not starts_name(doc[end + step]):
            break
        longer = doc[ent.start:end + step + 1]
        if not gazetteer.candidates(longer.text):
            break
        end += step + 1
    # the model's "Al" of "Al Bab": a name continued by capitalised words the gazetteer knows with it
    for extra in (1, 2):
        if end + extra <= len(doc) and all(starts_name(t) for t in doc[end:end + extra]) \
                and gazetteer.candidates(doc[ent.start:end + extra].text) \
                and (doc[ent.start:end].text.lower() in NAME_PARTICLES
                     or not gazetteer.candidates(doc[ent.start:end].text)):
            end += extra
            break
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def extended_left(ent: Span, gazetteer) -> Span:
    """The model's "Rocha" of "Catole do Rocha", "Taran" of "Tarn Taran": a name preceded by
    capitalised words (and particles) the gazetteer knows with it."""
    doc = ent.doc
    for start in (ent.start - 1, ent.start - 2, ent.start - 3):
        if start < 0 or not starts_name(doc[start]):
            continue
        words = doc[start:ent.start]
        if all(starts_name(t) or t.lower_ in NAME_PARTICLES for t in words) \
                and not any(t.ent_type_ and t.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG") for t in words) \
                and gazetteer.candidates(doc[start:ent.end].text):
            return Span(doc, start, ent.end, label=ent.label_)
    return ent


def name_parts(ent: Span) -> list[Span]:
    """The places of an entity the model ran over a comma or a bracket ("Nis, Serbia",
    "Penas Blancas (Alajuela"): each part its own place, the innermost first."""
    parts, start = [], ent.start
    for tok in ent:
        if tok.text in (",", "(", ")"):
            if tok.i > start:
                parts.append(Span(ent.doc, start, tok.i, label=ent.label_))
            start = tok.i + 1
    if start == ent.start:
        return [ent]
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return parts


def before_site(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` names a site after it ("the Zahle roundabout",
    "the Damboa - Maiduguri road", "Al Watiyah airbase")."""
    if end < len(doc) and doc[end].lower_ in NAMED_SITES:
        return True
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and any(
        t.lower_ in NAMED_SITES for t in doc[end + 1:min(len(doc), end + 5)])


def locative_before(ent: Span) -> bool:
    """"in X", "near X", "outside of X", "north of X": words that put something at a place."""
    doc = ent.doc
    if ent.start == 0:
        return False
    before = doc[ent.start - 1].lower_
    if before in LOCATIVE_PREPS:
        return True
    return before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in LOCATIVE_PREPS | NEAR_WORDS


def region_word_after(ent: Span) -> bool:
    """"Deir ez-Zor province", "Zhari district", "southern Idlib": a region's name."""
    doc = ent.doc
    words = REGION_WORDS - LOOSE_REGION_WORDS
    if len(ent) > 1 and ent[-1].lower_ in words:  # the model's span "Kandahar province"
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in words


def sponsor(ent: Span) -> bool:
    """"Saudi-led", "Iranian-backed", "a Turkey backed faction": who leads or backs a force."""
    doc = ent.doc
    hyphen = ent.end < len(doc) and doc[ent.end].text in ("-", "–")
    after = ent.end + 1 if hyphen else ent.end
    if after >= len(doc) or doc[after].lower_ not in SPONSOR_WORDS:
        return False
    # without a hyphen only a participle modifying what follows ("a Turkey backed faction"), not a
    # verb ("the protest in Kano led to clashes")
    return hyphen or (doc[after].tag_ == "VBN" and doc[after].dep_ in ("amod", "compound", "acl")
                      and doc[after].lower_ not in VERB_SPONSOR_WORDS)


def organisation_towns(res, sent: Span, places: list[Span]) -> list[tuple[Span, Span]]:
    """The names that open an organisation's or office's name the model tags as a whole
    ("the Zzyz Press Club", "Zzyz district police", "Zzyz's county assembly", "the Zzyz
    policemen"), each with the organisation's words: candidate towns for where it acts. Not
    a name the places already hold, a nationality's ("the Kenyan Red Cross"), one before a
    hyphen ("a Zzyz-based firm"), a street's ("the Zzyz Street bus station" may be in any town)
    or a government's name for who speaks for it abroad ("Zzyz's envoy")."""
    doc = sent.doc
    taken = {i for span in places for i in range(span.start, span.end)}
    found = []
    for ent in sent.ents:
        start = ent.start + 1 if ent[0].pos_ == "DET" else ent.start
        owned = ent.end < len(doc) and doc[ent.end].tag_ == "POS"  # "Zzyz's municipal corporation"
        if start >= ent.end or any(t.i in taken for t in ent) or (ent.label_ not in ("ORG", "FAC") and not owned):
            continue
        head = ent.root.head if ent.root.dep_ in ("compound", "poss", "nmod", "amod") else ent.root
        if any(t.lower_ in OFFICE_ABROAD_WORDS for t in (*ent, head)):
            continue
        # the name opening it, or one after its "of" ("Detectives of Zzyz Metropolitan Police",
        # "the University of Zzyz"), which may end it
        opening = [(start, False)] + [(t.i + 1, True) for t in ent if t.lower_ == "of" and t.i + 1 < ent.end]
        for start, end, after_of in [(first, last, of) for first, of in opening
                                     for last in range(min(ent.end, first + 3), first, -1)]:
            name = doc[start:end]
            whole = end == ent.end and not after_of
            if not all(starts_name(t) for t in name) or any(t.lower_ in res.demonyms for t in name) \
                    or (whole and not (owned or ent.root.dep_ in ("compound", "nmod") and head.i >= ent.end)) \
                    or (end < len(doc) and doc[end].text in ("-", "–") or not whole and doc[end].tag_ == "POS") or sponsor(name) \
                    or (end < len(doc) and doc[end].lower_ in STREET_WORDS):
                continue  # a whole name only as the owner or the modifier of a noun ("Zzyz policemen")
            if res.gazetteer.candidates(name.text):
                # the organisation's words, with the noun it names when that follows ("Zzyz policemen")
                found.append((name, Span(doc, ent.start, head.i + 1, label=ent.label_) if head.i >= ent.end else ent))
                break
    return found
