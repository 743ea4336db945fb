"""The ``graphbuild_article_countries`` component: the countries an article is about.

A vote: countries named (2), provinces (1.5), towns (1, a hamlet 0.7), unit words only one
country has ("LGA"), nationalities, known actors' home countries, and the article's outlet and
title (``doc._.source``, ``doc._.title``), which count as little as an untagged nationality.
Countries far behind the leader are namesakes'. Results: ``doc._.countries`` (codes, most
voted first) and ``doc._.publisher_countries``.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..articles import Article
from ..gazetteer import fold
from ..settings import setting, word_values, words
from .known_actors import KnownActors, known_actor_ids
from .place_names import PLACES, armed_owner, is_event_place, region_word_after, sponsor
from .resources import resources
from .spans import entities, lower_text

NATIONAL_UNIT_WORDS = word_values("national-unit")
_UNIT_WORD = re.compile(r"\b(" + "|".join(word_values("national-unit")) + r")\b")
SUBLOCALITY_WORDS = words("sublocality")
KNOWN_CITY = setting("known-city")
MEDIA_CITIES = words("media-city")
HAMLET = setting("hamlet")
COMPASS_NAME_WORDS = words("compass-name")
OUTLET_WORDS = words("media") | words("outlet")
VOTE = {name: setting(name) for name in (
    "vote-country", "vote-province", "vote-town", "vote-hamlet", "vote-unit-word", "vote-nationality",
    "vote-army-nationality", "vote-weak", "vote-publisher", "vote-shared-name", "vote-namesake-share",
    "vote-actor", "vote-army", "vote-alternate-name")}
TOWN_NAMED_SUBLOCALITIES = words("town-named-sublocality")

for _name in ("title", "source"):  # the article's metadata, set before the pipeline runs
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("countries", "publisher_countries"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("graphbuild_article_countries", default_config={"actor_files": []},
                  assigns=["doc._.countries", "doc._.publisher_countries"])
def make_article_countries(nlp: Language, name: str, actor_files: list[str]):
    return ArticleCountries(nlp, name, actor_files=actor_files)


class ArticleCountries:
    """The countries an article is about, by a vote of its places, nationalities, known
    actors and outlet (:func:`document_countries`): ``doc._.countries`` (country codes, most
    voted first) and ``doc._.publisher_countries`` (those of ``doc._.title`` and
    ``doc._.source``, the article's title and outlet when the caller sets them)."""

    def __init__(self, nlp: Language, name: str = "graphbuild_article_countries", *, actor_files=()):
        self.name = name
        self.nlp = nlp
        self.resources = resources(tuple(actor_files))

    def read(self, text: str) -> Doc:
        """A title or an outlet's name as a Doc, with the known actors it names."""
        doc = self.nlp.tokenizer(text)
        known = next((pipe for _, pipe in self.nlp.pipeline if isinstance(pipe, KnownActors)), None)
        return known(doc) if known is not None else doc

    def __call__(self, doc: Doc) -> Doc:
        meta = Article(text="", title=doc._.title, source=doc._.source)
        publisher = publisher_countries(self.resources, meta, self.read) if (meta.title or meta.source) else Counter()
        doc._.publisher_countries = list(publisher)
        doc._.countries = document_countries(self.resources, doc, list(doc.spans.get(PLACES, ())), publisher)
        return doc


def document_countries(res, doc: Doc, places: list[Span], publisher: Counter | None = None,
                        places_only: bool = False) -> list[str]:
    """Country codes the article is about, most mentioned first. ``publisher`` holds the
    countries its title and source name, which count as little as an untagged nationality.
    ``places_only``: by the places alone, not nationalities or known actors."""
    counts: Counter[str] = Counter()
    ambiguous, ambiguous_readings = [], []
    by_start, by_end = {s.start: s for s in places}, {s.end: s for s in places}
    for span in places:
        if not is_event_place(span) and span.root.dep_ in ("compound", "amod", "nmod"):
            continue  # "US dollar": a modifier says nothing of where the article is
        if span.end < len(doc) and doc[span.end].lower_ in SUBLOCALITY_WORDS - TOWN_NAMED_SUBLOCALITIES:
            continue  # "the al Nour square": a square's name is no town's
        if sponsor(span):
            continue  # "a Turkey backed faction" is not in Turkey
        found = res.gazetteer.candidates(span.text)
        # "(Beni, Nord-Kivu)": a place written before its region lies in the region's country
        # (unless the gazetteer lacks that region: "Hinche, Centre")
        after = region_after(res, span, by_start)
        found = [p for p in found if p.country_code in after] or found
        regions = [p for p in found if p.feature in ("admin1", "admin2", "country")]
        # "Zhari district", "Ersam (Ansongo, Gao)": only regions can be meant
        if region_word_after(span) or (regions and (region_of_previous(res, span, by_end, regions)
                                                     or in_region_list(span))):
            found = regions
            # "(Borgu LGA, Niger)": a province of the country the rest of the list is in,
            # not the country of that name
            units = unit_countries(span)
            if units and any(p.feature != "country" and p.country_code in units for p in found):
                found = [p for p in found if p.feature != "country" and p.country_code in units]
        if not found:
            continue
        if compass_name(span.text):
            continue  # "North East", "Central": every other country has a region called so
        if found[0].feature == "country":
            # "troops of Zorbaland", "Zorbaland's drones": an army's country, often abroad
            counts[found[0].country_code] += VOTE["vote-army-nationality"] if armed_owner(span) else VOTE["vote-country"]
        elif len({p.country_code for p in found}) == 1:
            # a province names its country more surely than a town that may be a namesake
            # ("Kech, Balochistan": Balochistan, not a German Ketsch, decides), and a town
            # more surely than a hamlet, which a national outlet outweighs ("Koya": not Japan's)
            small = all(p.feature == "city" and p.population < HAMLET for p in found)
            # a name another language or a code gives a place abroad ("Pressburg", Bratislava's
            # German name, in a Nigerian report) says less than the outlet's country
            alternate = not any(res.gazetteer.written_for(p, span.text) for p in found)
            counts[found[0].country_code] += (VOTE["vote-alternate-name"] if alternate
                                              else VOTE["vote-province"] if found[0].feature == "admin1"
                                              else VOTE["vote-hamlet"] if small else VOTE["vote-town"])
        else:  # the most populous reading votes, if nothing unambiguous does
            # by its own name before an alternate one ("Gao" is Mali's, not a name of Guantánamo)
            ambiguous.append(max(found, key=lambda p: (fold(p.name) == fold(span.text), p.population)).country_code)
            ambiguous_readings.append((span, {p.country_code for p in found}))
    units = () if places_only else {NATIONAL_UNIT_WORDS[w] for w in _UNIT_WORD.findall(lower_text(doc))}
    for code in sorted(units):
        counts[code] += VOTE["vote-unit-word"]  # "Rafi LGA": Nigeria
    for ent in ([] if places_only else entities(doc)):
        if ent.label_ == "NORP" and not sponsor(ent):
            country = res.demonyms.get(ent.text.lower())
            code = res.gazetteer.country_code(country) if country else None
            if code:
                # "French Barkhane forces", "Israeli troops": an army is often abroad
                heads = [ent.root.head, ent.root.head.head]
                abroad = armed_owner(ent) or any(getattr(res.lexicon.actor_nouns.get(h.lemma_.lower()), "category", None)
                                                 == "State forces" for h in heads if h.i != ent.root.i)
                counts[code] += VOTE["vote-army-nationality"] if abroad else VOTE["vote-nationality"]
    # nationalities the model did not tag ("the Libyan Audit Bureau") and the known groups
    # of one country ("GNA and LNA forces") say where the article is, less surely
    untagged = Counter() if places_only else demonym_countries(res, doc, skip_tagged=True)
    for code, n in (untagged + (Counter() if places_only else actor_countries(res, doc))).items():
        counts[code] += VOTE["vote-weak"] * n
    text_voted = bool(counts)
    for code in publisher or ():
        counts[code] += VOTE["vote-publisher"]
    # a name several countries share ("Tripoli") is the one of a country the text speaks of
    for span, readings in ambiguous_readings:
        known = sorted(code for code in readings if counts.get(code))  # ties: the same every run
        if known:
            counts[max(known, key=counts.get)] += VOTE["vote-shared-name"]
    if ambiguous and not text_voted:
        # only names shared by several countries ("Tripoli"): a nationality or a known
        # actor of one of them decides, else the most populous reading
        counts.update(Counter() if places_only else weak_countries(res, doc))
        readings = {code for span in places for code in
                    {p.country_code for p in res.gazetteer.candidates(span.text)}}
        # a national outlet's country stands when no reading of the names is in it and none is a
        # city known abroad: they are namesakes of local places the gazetteer lacks ("Doka" in a
        # Nigerian outlet), not towns abroad by their own names ("Paris" is still France's)
        known_abroad = any(p.population >= KNOWN_CITY and fold(p.name) == fold(span.text)
                           for span in places for p in res.gazetteer.candidates(span.text))
        counts = Counter({c: n for c, n in counts.items() if c in readings}) \
            or Counter({c: n for c, n in counts.items() if c in (publisher or ()) and not known_abroad})
        if not counts:
            counts.update(ambiguous)
    if not counts and not places_only:
        counts.update(weak_countries(res, doc))
    if not counts:
        return []
    # countries far behind the leader are namesakes' ("Pati village (Barwani, Madhya
    # Pradesh)": India, not the Indonesian Pati); close ones are real (Turkey shelling Syria)
    top = max(counts.values())
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties: the same every run
    return [code for code, n in ranked if n >= top * VOTE["vote-namesake-share"]]


def region_after(res, span: Span, by_start: dict[int, Span]) -> set[str]:
    """The countries of the region written right after a place ("Beni, Nord-Kivu"), if any.
    ``by_start``: the article's places by their first token."""
    other = by_start.get(span.end + 1)
    if other is None or span.doc[span.end].text not in (",", "("):
        return set()
    return {p.country_code for p in res.gazetteer.candidates(other.text) if p.feature in ("admin1", "country")}


def region_of_previous(res, span: Span, by_end: dict[int, Span], regions: list) -> bool:
    """Whether a name written after a place ("Ansongo, Gao") is read as the region of that
    place: when the place is unknown, or has a namesake in the region's country.
    ``by_end``: the article's places by the token after their last."""
    other = by_end.get(span.start - 1)
    if other is None or span.doc[other.end].text not in (",", "("):
        return False
    inner = {p.country_code for p in res.gazetteer.candidates(other.text)}
    return not inner or bool(inner & {p.country_code for p in regions})


def publisher_countries(res, article: Article, read) -> Counter:
    """Countries the article's title and source name: a country ("National News Agency
    Lebanon", "Ministry of Defence of Ukraine"), a nationality ("the Lebanese daily"), a
    known actor of one country ("DPR Armed Forces Press Service"), the country of a known
    national outlet ("El Nashra; An-Nahar"). Once each."""
    key = (article.title, article.source)
    if key not in res.publisher_memo:  # a batch has few outlets
        if len(res.publisher_memo) > 10_000:
            res.publisher_memo.clear()
        res.publisher_memo[key] = find_publisher_countries(res, article, read)
    return Counter(res.publisher_memo[key])


def find_publisher_countries(res, article: Article, read) -> Counter:
    """The countries of :func:`publisher_countries`; ``read(text)`` makes a Doc of a title or an
    outlet's name, with its known actors."""
    parts = [part for part in re.split(r"[;|]", article.source or "") if part.strip()]
    # an international agency or broadcaster ("Voice of America", "Xinhua") has no country: it
    # reports from everywhere, so neither it nor a country in its name votes
    found: set[str] = {res.outlets[fold(part)] for part in parts if res.outlets.get(fold(part))}
    # the outlets the lexicon does not know are read for a country, a nationality or a town
    unknown = "; ".join(part for part in parts if fold(part) not in res.outlets)
    for text in (article.title, unknown):
        if not text:
            continue
        meta = read(re.sub(r"(?<=[^\W\d])(?=\d)", " ", text[:300]))  # "Libya24"
        words, consumed = [t for t in meta if t.is_alpha], set()
        for i, token in enumerate(words):
            if not token.text[:1].isupper():
                continue
            country = res.demonyms.get(token.lower_)
            code = res.gazetteer.country_code(country) if country else None
            for n in (4, 3, 2, 1):  # "Democratic Republic of Congo", "South Sudan", "Lebanon"
                if code is None and i + n <= len(words):
                    name = " ".join(t.text for t in words[i:i + n])
                    code = next((p.country_code for p in res.gazetteer.candidates(name)
                                 if p.feature == "country"), None)
            if code is None and text is unknown and i not in consumed:
                if res.gazetteer.candidates(" ".join(t.text for t in words[i:i + 2])):
                    consumed.add(i + 1)  # "New York": not York
                code = home_town(res, words[i:i + 2]) or home_town(res, words[i:i + 1])
            if code:
                found.add(code)
        found |= set(actor_countries(res, meta))
    return Counter(found)


def home_town(res, words) -> str | None:
    """The country of a large city or a province an outlet is named after ("Chandigarh
    Tribune", "Diario de Yucatan", "Estrella Iquique"), by its own name and in one country."""
    name = " ".join(t.text for t in words)
    if not words or any(t.lower_ in OUTLET_WORDS for t in words) or fold(name) in MEDIA_CITIES:
        return None
    found = [p for p in res.gazetteer.candidates(name) if fold(p.name) == fold(name)
             and (p.feature == "admin1" or p.feature == "city" and p.population >= KNOWN_CITY)]
    codes = {p.country_code for p in found}
    return codes.pop() if len(codes) == 1 else None


def weak_countries(res, doc: Doc) -> Counter:
    """Countries from demonyms the model did not tag ("the Ukrainian Forces"), else from
    the home countries of the known actors the article names."""
    counts = demonym_countries(res, doc)
    if not counts:
        counts.update(actor_countries(res, doc))
    return counts


def demonym_countries(res, doc: Doc, skip_tagged: bool = False) -> Counter:
    counts: Counter[str] = Counter()
    words = set(re.findall(r"[^\W\d_]+", lower_text(doc))) & res.demonyms.keys()
    for token in (doc if words else ()):  # most notes name no nationality: no token loop
        if token.lower_ not in words or (skip_tagged and token.ent_type_ == "NORP"):
            continue
        if sponsor(doc[token.i:token.i + 1]):
            continue
        country = res.demonyms.get(token.lower_) if token.pos_ in ("ADJ", "PROPN") else None
        code = res.gazetteer.country_code(country) if country else None
        if code:
            counts[code] += 1
    return counts


def actor_countries(res, doc: Doc) -> Counter:
    """Home countries of the known actors the article names, once per actor."""
    counts: Counter[str] = Counter()
    for key in known_actor_ids(doc):
        known = res.known.get(key)
        code = res.gazetteer.country_code(known.country) if known is not None and known.country else None
        if code:  # an army is often abroad ("Turkish forces shelled Zinar"): its country counts half
            counts[code] += VOTE["vote-army"] if known.category in ("State forces", "External/Other forces") else VOTE["vote-actor"]
    return counts


def in_region_list(span: Span) -> bool:
    """"Kagara (Rafi LGA, Niger)", "(Pobe-Mengao, Soum)": the last name of a bracketed list
    after a place, which names the regions the place lies in."""
    doc = span.doc
    if not (span.start > 0 and doc[span.start - 1].text == "," and span.end < len(doc) and doc[span.end].text == ")"):
        return False
    for tok in reversed(list(doc[max(0, span.start - 8):span.start])):
        if tok.text == ")":
            return False
        if tok.text == "(":
            return True
    return False


def unit_countries(span: Span) -> set[str]:
    """The countries the administrative unit words of a bracketed list belong to ("Rafi LGA")."""
    doc = span.doc
    found = set()
    for tok in reversed(list(doc[max(0, span.start - 8):span.start])):
        if tok.text == "(":
            break
        if tok.lower_ in NATIONAL_UNIT_WORDS:
            found.add(NATIONAL_UNIT_WORDS[tok.lower_])
    return found


def compass_name(name: str) -> bool:
    """A region name made only of compass words ("North East", "Central", "Upper West")."""
    words = fold(name).split()
    return bool(words) and all(w in COMPASS_NAME_WORDS for w in words)
