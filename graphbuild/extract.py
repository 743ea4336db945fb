"""From a parsed article to events: triggers, roles, places, times, counts, modality.

The extractor reads the dependency parse, not word order: who acted is the
subject of an active trigger or the "by" phrase of a passive one or of an event
noun; the other side is the object, the "on/against" phrase, or the second
member of "between X and Y". Mentions of one happening in several sentences
("The clash occurred on January 10 ... There was a clash and two people were
killed") are merged into one event; a sentence reporting two happenings keeps both.
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .articles import Article
from .dates import assumed_day, resolve_date
from .gazetteer import Gazetteer, Place, consonants, fold, skeleton
from .lexicon import ARMED_CATEGORIES, Lexicon, ontology_path, read_csv, slug
from .model import (Actor, CountClaim, Event, Extraction, Participant, PlaceClaim, TextSpan,
                    TimeClaim)
from .numbers import VAGUE, count_of
from .relations import descriptions, find_relations

ADDITIVE = re.compile(r"\b(?:also|another|other|additional|more)\b", re.I)
FOUND_VERBS = {"find", "discover", "recover", "dump", "retrieve", "exhume", "wash", "pull"}
SETTLEMENT_WORDS = {"town", "village", "city", "district", "area", "neighbourhood", "neighborhood", "camp",
                    "locality", "municipality", "commune", "settlement", "quarter", "suburb"}
NEAR_WORDS = {"near", "outside", "around", "close", "nearby", "off", "north", "south", "east",
              "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometres",
              "kilometers", "miles", "outskirts", "vicinity", "countryside"}
REGION_WORDS = {"province", "governorate", "region", "state", "district", "county", "prefecture",
                "department", "countryside", "valley", "area"}
#: Region words that name more than a town's surroundings ("Aleppo countryside", "Idlib province").
WIDE_REGION_WORDS = {"countryside", "province", "governorate", "region", "state", "valley"}
#: Words for the administrative units countries have below a province ("Mokolo subdivision").
ADMIN_UNIT_WORDS = {"subdivision", "municipality", "lga", "mandal", "woreda", "tehsil", "taluka", "township",
                    "block", "commune", "subdistrict", "sub-district", "division", "circle", "raion",
                    "oblast", "canton", "locality", "upazila", "union", "barangay"}
#: Words for administrative units only one country has ("Borgu LGA": Nigeria's local government
#: areas; "Kongor payam": South Sudan's), which say where the article is as a place name does.
NATIONAL_UNIT_WORDS = {"lga": "NG", "woreda": "ET", "kebele": "ET", "upazila": "BD", "upazilla": "BD",
                       "barangay": "PH", "payam": "SS", "amphoe": "TH", "tambon": "TH", "kecamatan": "ID",
                       "kabupaten": "ID", "hromada": "UA", "dzongkhag": "BT", "gewog": "BT",
                       "vereda": "CO", "mandal": "IN"}
_UNIT_WORD = re.compile(r"\b(" + "|".join(NATIONAL_UNIT_WORDS) + r")\b")
#: "Saudi-led", "Iranian-backed", "Turkey-based": a nationality that qualifies a sponsor, not a place.
SPONSOR_WORDS = {"led", "backed", "based", "funded", "supported", "sponsored", "trained", "allied", "aligned",
                 "affiliated", "owned", "brokered", "armed", "run", "made"}
PLACE_PREPS = {"in", "near", "at", "outside", "around", "of", "from", "to", "into", "across", "towards",
               "toward", "between", "on", "via"}
COMPASS_WORDS = {"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                 "southeastern", "southwestern", "central", "rural", "upper", "lower"}
SUBLOCALITY_WORDS = {"neighbourhood", "neighborhood", "street", "road", "square", "market", "quarter",
                     "sector", "colonia", "barangay", "ward", "block", "junction", "section"}
PLACE_NOUNS = {"city", "town", "village", "neighbourhood", "neighborhood", "camp", "suburb", "quarter",
               "market", "square", "road", "street", "border", "outskirts", "hills", "mountain"}
#: A city this populous is the one meant even when the text puts it in another province
#: ("Mariupol, Zaporizhia").
KNOWN_CITY = 100_000
#: Cities whose outlets report the whole world ("New York Times", "Washington Post").
MEDIA_CITIES = {"new york", "washington", "london", "paris", "los angeles", "doha", "dubai", "new"}
#: Names of months and days: a capitalised word the model calls a date that is none of these
#: may be a place ("in Posadas (Misiones)").
CALENDAR_WORDS = {m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]
                  + calendar.day_name[:] + calendar.day_abbr[:]} | {"sept", "today", "yesterday", "tomorrow"}
#: A place this small may be a namesake of a local place the gazetteer lacks: it names its country
#: less surely than a town does.
HAMLET = 10_000
COMPASS_NAME_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "central", "centre", "center", "northern", "southern", "eastern", "western", "upper", "lower",
                      "middle", "region", "province", "state"}
#: Verbs of damage that are an event of their own only when no attack in the sentence did it.
DAMAGE_VERBS = {"destroy", "smash"}
#: Sites named after the town they are in ("the Zahle roundabout", "the Beddawi highway").
SITE_NOUNS = {"highway", "motorway", "roundabout", "bridge", "airbase", "airport", "crossing", "checkpoint",
              "bazaar", "cemetery", "stadium", "university", "mosque", "church", "hotel", "station",
              "court", "office", "headquarters", "building", "parliament", "council", "hall", "palace", "school",
              "college", "centre", "center", "outskirts", "camp", "port", "harbour", "harbor", "prison", "hospital", "entrance", "frontline"}
NAMED_SITES = SITE_NOUNS | {"road", "street", "square", "market"}
#: A city this populous is meant even when the article seems to be about another country
#: (Jerusalem in a report coded to Palestine).
BIG_CITY = 500_000
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around"}
#: Words of gunfire: whoever fires a gun is armed, not a mob.
GUNFIRE_WORDS = {"shoot", "shootout", "gunfire", "firefight", "gunfight", "gunshot", "gunman"}
#: What a crowd of civilians does that makes a demonstration of it ("residents blocked the road",
#: "migrant workers threw stones at police").
CROWD_ACTS = {"block", "barricade", "cut", "pelt", "burn", "storm", "throw", "hurl", "vandalize", "vandalise",
              "smash", "torch", "occupy"}
#: What any organisation's members do that is a demonstration.
BLOCKADES = {"block", "barricade", "occupy", "picket"}
MEMBER_WORDS = {"member", "affiliate", "supporter", "loyalist"}
CLAIMED_WORDS = {"responsibility", "attack", "bombing", "killing", "assassination", "abduction", "ambush"}
AWAY_PREPS = {"to", "from", "toward", "towards", "into"}
DEATH_VERBS = {"kill", "die", "execute", "behead", "massacre", "slay", "murder"}
INJURY_WORDS = {"wound", "injure", "injury", "hurt"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
GROUP_PRONOUNS = {"they", "them", "their"}
MEDIA_WORDS = {"observatory", "news", "agency", "times", "post", "guardian", "press", "tv",
               "television", "radio", "reuters", "afp", "ap", "bbc", "cnn", "online", "sun",
               "journal", "daily", "herald", "tribune", "gazette", "telegraph"}
#: Words of outlets' names, with those that are also towns' names somewhere ("Metro", "Aurora").
OUTLET_WORDS = MEDIA_WORDS | {"metro", "star", "media", "aurora", "victoria", "globe", "mail", "today", "express",
                              "mirror", "voice", "nation", "union"}
FUTURE_AUX = {"will", "shall", "'ll"}
#: Event types that describe harm done to people rather than a fight between armed sides.
VIOLENT_LEAVES = {"shelling-artillery-missile-attack", "air-drone-strike", "armed-clash", "attack"}
VIOLENT_TOP_TYPES = {"battles", "explosions-remote-violence", "violence-against-civilians", "riots"}
#: Two mentions of the same type this close (in characters) with nothing conflicting are
#: taken as one event even without an anaphoric cue: news repeats a fact in the next sentences.
NEARBY_CHARS = 400
DEMONSTRATIONS = ("peaceful-protest", "protest-with-intervention", "violent-demonstration")
CROWD_CATEGORIES = ("Protesters", "Rioters", "Civilians")
SCENE_SENTENCES = 3  # how far back an event with no place of its own looks for its scene
#: Events that a crowd's violence in the same sentence makes part of one riot.
RIOT_PARTS = {"looting-property-destruction", "@violence", "attack", "armed-clash"}
ONE_SIDED = {"attack", "execution", "abduction-forced-disappearance", "capture", "sexual-violence",
             "arrests"}


@dataclass
class ActorMention:
    start: int  # token indices in the doc
    end: int
    actor: Actor

    def span(self, doc: Doc) -> TextSpan:
        return _text_span(doc[self.start:self.end])


@dataclass
class Mention:
    """One trigger in one sentence, before mentions of the same event are merged."""

    event_type: str
    head: Token
    tokens: Span
    cue: bool = False
    roles: dict[str, list[ActorMention]] = field(default_factory=dict)
    anaphoric: bool = False
    part_of_head: Token | None = None
    targets: list[Token] = field(default_factory=list)  # raw object/target words
    weapon: str | None = None  # the explosion type a weapon word in the sentence names


class Extractor:
    """Turns spaCy Docs into :class:`Extraction` objects; build once, call per article."""

    def __init__(self, nlp, lexicon: Lexicon, gazetteer: Gazetteer):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.tokenizer = nlp.tokenizer
        # Triggers match on lemmas ("shelled" -> shell), or on the surface form where the
        # tagger's lemma differs from the lexicon's ("airstrikes").
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.trigger_info = {}
        for number, trig in enumerate(lexicon.triggers):
            key = f"T{number}"
            self.trigger_info[nlp.vocab.strings.add(key)] = trig
            words = list(trig.lemmas)
            self.lemma_matcher.add(key, [Doc(nlp.vocab, words=words, lemmas=words)])
            self.lower_matcher.add(key, [Doc(nlp.vocab, words=words)])
        self.actor_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronym_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known = {}
        for known in lexicon.actors:
            actor_key = nlp.vocab.strings.add(known.id)
            self.known[actor_key] = known
            long_forms, short_forms = [], []
            for form in {known.name, *known.aliases}:
                (short_forms if len(form) <= 5 else long_forms).append(form)
            if long_forms:
                self.actor_matcher.add(known.id, list(nlp.tokenizer.pipe(long_forms)))
            if short_forms:
                self.acronym_matcher.add(known.id, list(nlp.tokenizer.pipe(short_forms)))
        self.demonyms = {r["adjective"]: r["country"] for r in read_csv(ontology_path("demonyms.csv"))}
        self.outlets = {fold(r["outlet"]): r["country"] for r in read_csv(ontology_path("outlets.csv"))}
        self._publisher_memo: dict[tuple, Counter] = {}
        #: Sub-types of the violent ACLED event types: a death report belongs to one of these.
        self.attack_verbs = {t.lemmas[0] for t in lexicon.triggers if len(t.lemmas) == 1
                             and t.pos in ("VERB", "ANY")
                             and (t.event_type == "@violence" or t.event_type in VIOLENT_LEAVES)}
        self.violent_types = {t for t in lexicon.event_types
                              if lexicon.acled_types(t)[0].id in VIOLENT_TOP_TYPES} | {"@violence"}

    # ------------------------------------------------------------------ entry point
    def extract(self, doc: Doc, article: Article) -> Extraction:
        places = self._place_spans(doc)
        publisher = self._publisher_countries(article)
        countries = self._document_countries(doc, places, publisher)
        places = self._targeted_places(doc, places, countries)
        main_country = countries[0] if countries else None
        place_tokens = {i for span in places for i in range(span.start, span.end)}
        mentions = self._actor_mentions(doc, main_country, place_tokens)
        relations = find_relations(doc, mentions)
        described = descriptions(doc, mentions, relations)
        if described:  # "the warlord", "the so-called 'Invisible Sheikh'", a defined acronym
            mentions = [m for m in mentions if not any(s <= m.start < e for s, e, _ in described)]
            mentions = sorted(mentions + [ActorMention(s, e, a) for s, e, a in described], key=lambda m: m.start)
        by_token = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token[i] = m
        context = _DocContext(doc, article, countries, main_country, mentions, by_token, places)
        context.publisher = set(publisher)
        raw: list[tuple[Mention, Event]] = []
        matches_by_sentence: dict[int, list] = {}
        found = set(self.lemma_matcher(doc)) | set(self.lower_matcher(doc))
        for match_id, start, end in sorted(found, key=lambda m: m[1]):
            matches_by_sentence.setdefault(doc[start].sent.start, []).append((match_id, start, end))
        for sent in doc.sents:
            found = matches_by_sentence.get(sent.start, [])
            if not any(t.pos_ in ("VERB", "AUX") for t in sent) and not any(
                    self.trigger_info[mid].event_type == "@death" for mid, _, _ in found):
                continue  # a heading such as "AIRSTRIKES" names no event of its own
            mentions = self._sentence_mentions(sent, found, context) if found else self._disruptions(sent, context)
            if not mentions:
                mentions = self._crowd_mentions(sent, context)
            for mention in mentions:
                raw.append((mention, self._event_from(mention, sent, context)))
            own_time = self._time(sent.root, sent, context, inherit=False)
            if own_time is not None and own_time.time is not None:
                context.last_time = own_time  # later sentences speak of this time unless they say
        events = _merge(raw, self.violent_types)
        for event in events:
            if event.event_type == "peaceful-protest":
                # ACLED's convention: a protest nobody intervened in has no second actor; what
                # it is against, and who joined it, stay in the graph as associated actors
                for p in event.participants:
                    if p.role in ("actor2", "victim"):
                        p.role = "associated"
            # "JNIM claimed responsibility for the attack": the claimant is who acted
            self._claimed_actor(event, context)
            # a death report typed only now, or a clash nobody is named in
            self._unidentified_actor(event, context, battles=True)
            if event.time is None and article.published and event.modality not in ("future", "hypothetical"):
                event.time = TimeClaim(None, assumed_day(article.published))  # no time words: dates.py's rule
        return Extraction(article=article, events=events, relations=relations,
                          mentions=[(m.actor, m.span(doc)) for m in context.mentions])

    # ------------------------------------------------------------------ actors
    def _place_spans(self, doc: Doc) -> list[Span]:
        """Place names: the model's GPE/LOC/FAC entities, and proper names the model
        mislabels or misses ("Kafr Amma" as a person, "Aleppo" as a nationality) when the
        gazetteer knows them and they stand where places stand: after "in", "near", "of",
        "at", "outside", ... or in the parentheses that follow a place."""
        # a known group's acronym is that group, not a namesake place ("GNA forces")
        acronyms = {(s, e) for _, s, e in self.acronym_matcher(doc)}
        spans = []
        for ent in _ents(doc):
            if ent.label_ not in ("GPE", "LOC", "FAC") or (spans and ent.start < spans[-1].end):
                continue
            if (ent.start, ent.end) in acronyms and not any(
                    p.feature == "country" for p in self.gazetteer.candidates(ent.text)):
                continue
            parts = _name_parts(_extended(_extended_left(ent, self.gazetteer), self.gazetteer))  # "Nis, Serbia"
            parts = [q for part in parts for q in self._split_region(part)]
            while spans and parts[0].start < spans[-1].end and spans[-1].start >= parts[0].start:
                spans.pop()  # the model's "Sao" + "Paulo", now one "Sao Paulo"
            if spans and parts[0].start < spans[-1].end:
                continue
            if spans and parts[0].start == spans[-1].end and (
                    spans[-1][0].lower_ in SUBLOCALITY_WORDS | SETTLEMENT_WORDS
                    or self.gazetteer.candidates(doc[spans[-1].start:parts[0].end].text)):
                # the model's "Baja" + "California", "Colonia" + "San Jacinto": one name
                parts[0] = Span(doc, spans.pop().start, parts[0].end, label=ent.label_)
            spans.extend(parts)
        taken = {i for e in spans for i in range(e.start, e.end)} | {i for s, e in acronyms for i in range(s, e)}
        # a name the article also gives a person in full ("Abu Bakr al-Baghdadi" ... "from
        # Baghdadi") is that person; the model's PERSON label alone is too often a village
        full_names = [(e.start, _name_words(e.text)) for e in _ents(doc)
                      if e.label_ == "PERSON" and len(_name_words(e.text)) > 1
                      and not self.gazetteer.candidates(e.text)]  # "Gombe LGA" is no person's name
        taken |= {i for e in _ents(doc) if e.label_ in ("PERSON", "ORG")
                  and ((_looks_like_person(e) and not self._located_name(e))
                       or any(start != e.start and _name_words(e.text) <= words for start, words in full_names))
                  for i in range(e.start, e.end)}
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.i in taken or not _starts_name(tok):
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 6 and (
                    _starts_name(doc[end]) or (doc[end].text in ("-", "'") or doc[end].lower_ in NAME_PARTICLES)
                    and end + 1 < len(doc) and _starts_name(doc[end + 1])):
                end += 1
            span = doc[i:end]
            previous = doc[i - 1] if i > 0 else None
            placed = previous is not None and (previous.lower_ in PLACE_PREPS or previous.text in ("(", ",")
                                               or previous.lower_ in COMPASS_WORDS)
            if previous is not None and previous.lower_ == "of" and previous.ent_type_ == "ORG":
                placed = False  # "the Association of Banks", "University of Nairobi": a name
            named_place = i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS
            # "in Kumb town", "in Jaghuri district": a place even when the gazetteer lacks it
            named_place = named_place or (placed and end < len(doc) and doc[end].lower_ in SETTLEMENT_WORDS)
            # "in Buleda (Kech, Balochistan)": a name followed by the regions it lies in
            named_place = named_place or (placed and end + 1 < len(doc) and doc[end].text == "("
                                          and bool(self.gazetteer.candidates(doc[end + 1].text)))
            # "the Idlib countryside", "the Zhari district": a known name before a region word;
            # "the Zahle roundabout", "the Damboa - Maiduguri road": before a site named after it
            placed = placed or (end < len(doc) and doc[end].lower_ in REGION_WORDS | ADMIN_UNIT_WORDS) \
                or _before_site(doc, end) or (len(span) > 1 and span[-1].lower_ in ADMIN_UNIT_WORDS)  # "Sapele LGA"
            if placed and not named_place and not any(t.i in taken for t in span) \
                    and not any(t.like_num or t.lower_ in CALENDAR_WORDS for t in span) \
                    and len(parts := self._split_region(span)) == 2:
                spans.extend(Span(doc, q.start, q.end, label="GPE") for q in parts)  # "in Mojolo Sinaloa"
                taken.update(range(span.start, span.end))
                i = end
                continue
            if (named_place or placed) and not any(t.i in taken for t in span) \
                    and not any(t.ent_type_ in ("TIME", "CARDINAL", "MONEY") or t.ent_type_ == "DATE"
                                and (t.like_num or t.lower_ in CALENDAR_WORDS) for t in span) \
                    and (named_place or self.gazetteer.candidates(span.text)
                         or (placed and self._known_head(span))):
                # "the village of Kansafra" is a place even when the gazetteer lacks it
                spans.append(Span(doc, span.start, span.end, label="GPE"))
                taken.update(range(span.start, span.end))
            i = end
        # "Police forces", "a Police officer": a capitalised actor word, not the Polish town
        spans = [s for s in spans if not self._common_word(s)]
        return sorted(spans, key=lambda s: s.start)

    def _common_word(self, span: Span) -> bool:
        """"Police forces", "Street 90": a capitalised common word that only a small town is
        called ("Police", Poland), not a city ("Man", Côte d'Ivoire) or a region ("Centre")."""
        word = span.text.lower()
        if word not in self.lexicon.actor_nouns and span.root.lemma_.lower() not in self.lexicon.actor_nouns \
                and word not in SUBLOCALITY_WORDS | SITE_NOUNS | PLACE_NOUNS:
            return False
        return not any(p.feature in ("admin1", "country") or p.population >= KNOWN_CITY
                       for p in self.gazetteer.candidates(span.text))

    def _split_region(self, span: Span) -> list[Span]:
        """"Mojolo Sinaloa": an unknown name that ends with a province's name is a place and its
        province written without a comma."""
        if len(span) < 2 or self.gazetteer.candidates(span.text):
            return [span]
        for cut in range(span.start + 1, span.end):
            tail = span.doc[cut:span.end]
            head = span.doc[span.start:cut]
            if all(_starts_name(t) for t in tail) and not self.gazetteer.candidates(head.text) and any(
                    p.feature == "admin1" and fold(p.name) == fold(tail.text) for p in self.gazetteer.candidates(tail.text)):
                return [Span(span.doc, span.start, cut, label=span.label_), Span(span.doc, cut, span.end, label=span.label_)]
        return [span]

    def _known_head(self, span: Span) -> bool:
        """"Zolote-4", "Machiques de Perija": a name whose first part, before a hyphen or a
        particle, is a town the gazetteer knows (the rest names a quarter or is a longer form)."""
        head = re.split(r"\s*[-–]\s*|\s+(?:" + "|".join(sorted(NAME_PARTICLES - {"al", "el", "e"})) + r")\s+",
                        span.text, maxsplit=1)[0]
        return head != span.text and any(p.feature == "city" for p in self.gazetteer.candidates(head))

    def _located_name(self, ent: Span) -> bool:
        """"in al-Hasakeh", "near al-Bab": an "al-" name where places stand that the gazetteer
        knows as a town or region is that place, whatever the model's label."""
        previous = ent.doc[ent.start - 1] if ent.start > 0 else None
        return previous is not None and previous.lower_ in LOCATIVE_PREPS and any(
            p.feature != "country" for p in self.gazetteer.candidates(ent.text))

    def _targeted_places(self, doc: Doc, places: list[Span], countries: list[str]) -> list[Span]:
        """Names the model took for people that stand where places stand (after "in",
        "near", ..., or as the object of an attack verb: "regime forces shelled Kafr Amma")
        and that the gazetteer knows in the article's countries."""
        taken = {i for span in places for i in range(span.start, span.end)}
        extra = []
        for ent in _ents(doc):
            if ent.label_ not in ("PERSON", "ORG") or any(t.i in taken for t in ent):
                continue
            previous = doc[ent.start - 1] if ent.start > 0 else None
            after_prep = previous is not None and previous.lower_ in PLACE_PREPS - {"of", "from", "to", "between"}
            attacked = ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in self.attack_verbs
            if not (after_prep or attacked):
                continue
            place = self.gazetteer.resolve(ent.text, tuple(countries)) or self.gazetteer.fuzzy(
                ent.text, tuple(countries[:2]))
            if place is not None and place.country_code in countries[:2]:
                extra.append(Span(doc, ent.start, ent.end, label="GPE"))
        return sorted(places + extra, key=lambda s: s.start)

    def _document_countries(self, doc: Doc, places: list[Span], publisher: Counter | None = None,
                            places_only: bool = False) -> list[str]:
        """Country codes the article is about, most mentioned first. ``publisher`` holds the
        countries its title and source name, which count as little as an untagged nationality.
        ``places_only``: by the places alone, not nationalities or known actors."""
        counts: Counter[str] = Counter()
        ambiguous, ambiguous_readings = [], []
        by_start, by_end = {s.start: s for s in places}, {s.end: s for s in places}
        for span in places:
            if not self._is_event_place(span) and span.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "US dollar": a modifier says nothing of where the article is
            if span.end < len(doc) and doc[span.end].lower_ in SUBLOCALITY_WORDS - {"market", "quarter"}:
                continue  # "the al Nour square": a square's name is no town's
            if _sponsor(span):
                continue  # "a Turkey backed faction" is not in Turkey
            found = self.gazetteer.candidates(span.text)
            # "(Beni, Nord-Kivu)": a place written before its region lies in the region's country
            # (unless the gazetteer lacks that region: "Hinche, Centre")
            after = self._region_after(span, by_start)
            found = [p for p in found if p.country_code in after] or found
            regions = [p for p in found if p.feature in ("admin1", "admin2", "country")]
            # "Zhari district", "Ersam (Ansongo, Gao)": only regions can be meant
            if _region_word_after(span) or (regions and (self._region_of_previous(span, by_end, regions)
                                                         or _in_region_list(span))):
                found = regions
                # "(Borgu LGA, Niger)": a province of the country the rest of the list is in,
                # not the country of that name
                units = _unit_countries(span)
                if units and any(p.feature != "country" and p.country_code in units for p in found):
                    found = [p for p in found if p.feature != "country" and p.country_code in units]
            if not found:
                continue
            if _compass_name(span.text):
                continue  # "North East", "Central": every other country has a region called so
            if found[0].feature == "country":
                counts[found[0].country_code] += 2
            elif len({p.country_code for p in found}) == 1:
                # a province names its country more surely than a town that may be a namesake
                # ("Kech, Balochistan": Balochistan, not a German Ketsch, decides), and a town
                # more surely than a hamlet, which a national outlet outweighs ("Koya": not Japan's)
                small = all(p.feature == "city" and p.population < HAMLET for p in found)
                counts[found[0].country_code] += 1.5 if found[0].feature == "admin1" else 0.7 if small else 1
            else:  # the most populous reading votes, if nothing unambiguous does
                # by its own name before an alternate one ("Gao" is Mali's, not a name of Guantánamo)
                ambiguous.append(max(found, key=lambda p: (fold(p.name) == fold(span.text), p.population)).country_code)
                ambiguous_readings.append((span, {p.country_code for p in found}))
        units = () if places_only else {NATIONAL_UNIT_WORDS[w] for w in _UNIT_WORD.findall(_lower_text(doc))}
        for code in sorted(units):
            counts[code] += 1  # "Rafi LGA": Nigeria
        for ent in ([] if places_only else _ents(doc)):
            if ent.label_ == "NORP" and not _sponsor(ent):
                country = self.demonyms.get(ent.text.lower())
                code = self.gazetteer.country_code(country) if country else None
                if code:
                    # "French Barkhane forces", "Israeli troops": an army is often abroad
                    heads = [ent.root.head, ent.root.head.head]
                    abroad = any(getattr(self.lexicon.actor_nouns.get(h.lemma_.lower()), "category", None)
                                 == "State forces" for h in heads if h.i != ent.root.i)
                    counts[code] += 0.5 if abroad else 1
        # nationalities the model did not tag ("the Libyan Audit Bureau") and the known groups
        # of one country ("GNA and LNA forces") say where the article is, less surely
        untagged = Counter() if places_only else self._demonym_countries(doc, skip_tagged=True)
        for code, n in (untagged + (Counter() if places_only else self._actor_countries(doc))).items():
            counts[code] += 0.75 * n
        text_voted = bool(counts)
        for code in publisher or ():
            counts[code] += 0.75
        # a name several countries share ("Tripoli") is the one of a country the text speaks of
        for span, readings in ambiguous_readings:
            known = sorted(code for code in readings if counts.get(code))  # ties: the same every run
            if known:
                counts[max(known, key=counts.get)] += 1
        if ambiguous and not text_voted:
            # only names shared by several countries ("Tripoli"): a nationality or a known
            # actor of one of them decides, else the most populous reading
            counts.update(Counter() if places_only else self._weak_countries(doc))
            readings = {code for span in places for code in
                        {p.country_code for p in self.gazetteer.candidates(span.text)}}
            counts = Counter({c: n for c, n in counts.items() if c in readings})
            if not counts:
                counts.update(ambiguous)
        if not counts and not places_only:
            counts.update(self._weak_countries(doc))
        if not counts:
            return []
        # countries far behind the leader are namesakes' ("Pati village (Barwani, Madhya
        # Pradesh)": India, not the Indonesian Pati); close ones are real (Turkey shelling Syria)
        top = max(counts.values())
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties: the same every run
        return [code for code, n in ranked if n * 2 >= top]

    def _region_after(self, span: Span, by_start: dict[int, Span]) -> set[str]:
        """The countries of the region written right after a place ("Beni, Nord-Kivu"), if any.
        ``by_start``: the article's places by their first token."""
        other = by_start.get(span.end + 1)
        if other is None or span.doc[span.end].text not in (",", "("):
            return set()
        return {p.country_code for p in self.gazetteer.candidates(other.text) if p.feature in ("admin1", "country")}

    def _region_of_previous(self, span: Span, by_end: dict[int, Span], regions: list) -> bool:
        """Whether a name written after a place ("Ansongo, Gao") is read as the region of that
        place: when the place is unknown, or has a namesake in the region's country.
        ``by_end``: the article's places by the token after their last."""
        other = by_end.get(span.start - 1)
        if other is None or span.doc[other.end].text not in (",", "("):
            return False
        inner = {p.country_code for p in self.gazetteer.candidates(other.text)}
        return not inner or bool(inner & {p.country_code for p in regions})

    def _publisher_countries(self, article: Article) -> Counter:
        """Countries the article's title and source name: a country ("National News Agency
        Lebanon", "Ministry of Defence of Ukraine"), a nationality ("the Lebanese daily"), a
        known actor of one country ("DPR Armed Forces Press Service"), the country of a known
        national outlet ("El Nashra; An-Nahar"). Once each."""
        key = (article.title, article.source)
        if key not in self._publisher_memo:  # a batch has few outlets
            if len(self._publisher_memo) > 10_000:
                self._publisher_memo.clear()
            self._publisher_memo[key] = self._find_publisher_countries(article)
        return Counter(self._publisher_memo[key])

    def _find_publisher_countries(self, article: Article) -> Counter:
        parts = [part for part in re.split(r"[;|]", article.source or "") if part.strip()]
        found: set[str] = {self.outlets[fold(part)] for part in parts if fold(part) in self.outlets}
        # the outlets the lexicon does not know are read for a country, a nationality or a town
        unknown = "; ".join(part for part in parts if fold(part) not in self.outlets)
        for text in (article.title, unknown):
            if not text:
                continue
            meta = self.tokenizer(re.sub(r"(?<=[^\W\d])(?=\d)", " ", text[:300]))  # "Libya24"
            words, consumed = [t for t in meta if t.is_alpha], set()
            for i, token in enumerate(words):
                if not token.text[:1].isupper():
                    continue
                country = self.demonyms.get(token.lower_)
                code = self.gazetteer.country_code(country) if country else None
                for n in (4, 3, 2, 1):  # "Democratic Republic of Congo", "South Sudan", "Lebanon"
                    if code is None and i + n <= len(words):
                        name = " ".join(t.text for t in words[i:i + n])
                        code = next((p.country_code for p in self.gazetteer.candidates(name)
                                     if p.feature == "country"), None)
                if code is None and text is unknown and i not in consumed:
                    if self.gazetteer.candidates(" ".join(t.text for t in words[i:i + 2])):
                        consumed.add(i + 1)  # "New York": not York
                    code = self._home_town(words[i:i + 2]) or self._home_town(words[i:i + 1])
                if code:
                    found.add(code)
            found |= set(self._actor_countries(meta))
        return Counter(found)

    def _home_town(self, words) -> str | None:
        """The country of a large city or a province an outlet is named after ("Chandigarh
        Tribune", "Diario de Yucatan", "Estrella Iquique"), by its own name and in one country."""
        name = " ".join(t.text for t in words)
        if not words or any(t.lower_ in OUTLET_WORDS for t in words) or fold(name) in MEDIA_CITIES:
            return None
        found = [p for p in self.gazetteer.candidates(name) if fold(p.name) == fold(name)
                 and (p.feature == "admin1" or p.feature == "city" and p.population >= KNOWN_CITY)]
        codes = {p.country_code for p in found}
        return codes.pop() if len(codes) == 1 else None

    def _weak_countries(self, doc: Doc) -> Counter:
        """Countries from demonyms the model did not tag ("the Ukrainian Forces"), else from
        the home countries of the known actors the article names."""
        counts = self._demonym_countries(doc)
        if not counts:
            counts.update(self._actor_countries(doc))
        return counts

    def _demonym_countries(self, doc: Doc, skip_tagged: bool = False) -> Counter:
        counts: Counter[str] = Counter()
        words = set(re.findall(r"[^\W\d_]+", _lower_text(doc))) & self.demonyms.keys()
        for token in (doc if words else ()):  # most notes name no nationality: no token loop
            if token.lower_ not in words or (skip_tagged and token.ent_type_ == "NORP"):
                continue
            if _sponsor(doc[token.i:token.i + 1]):
                continue
            country = self.demonyms.get(token.lower_) if token.pos_ in ("ADJ", "PROPN") else None
            code = self.gazetteer.country_code(country) if country else None
            if code:
                counts[code] += 1
        return counts

    def _actor_countries(self, doc: Doc) -> Counter:
        """Home countries of the known actors the article names, once per actor."""
        counts: Counter[str] = Counter()
        keys = {key for key, _, _ in list(self.actor_matcher(doc)) + list(self.acronym_matcher(doc))}
        for key in keys:
            known = self.known.get(key)
            code = self.gazetteer.country_code(known.country) if known is not None and known.country else None
            if code:  # an army is often abroad ("Turkish forces shelled Zinar"): its country counts half
                counts[code] += 0.5 if known.category in ("State forces", "External/Other forces") else 1
        return counts

    def _actor_mentions(self, doc: Doc, main_country: str | None,
                        place_tokens: set[int]) -> list[ActorMention]:
        found: list[ActorMention] = []
        taken: set[int] = set()

        def add(start, end, actor):
            if any(i in taken for i in range(start, end)):
                return
            taken.update(range(start, end))
            found.append(ActorMention(start, end, actor))

        matches = [(s, e, key, True) for key, s, e in self.actor_matcher(doc)]
        matches += [(s, e, key, False) for key, s, e in self.acronym_matcher(doc)
                    if doc[s:e].text.isupper() or doc[s:e].text in self.known[key].aliases]
        for start, end, key, _ in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
            known = self.known[key]
            add(start, end, Actor(known.id, known.name, known.category, known.country or None,
                                  known.wikidata or None, set(known.aliases)))
        country_name = self.gazetteer.country_name(main_country) if main_country else None
        persons: dict[str, Actor] = {}
        # full names first, so that "Baghdadi" joins "Abu Bakr al-Baghdadi" wherever each comes
        person_ents = [e for e in _ents(doc) if not any(t.i in place_tokens for t in e)
                       and (e.label_ == "PERSON" or (e.label_ == "ORG" and _looks_like_person(e)))]
        for ent in sorted(person_ents, key=lambda e: (-len(_name_words(_clean_name(e.text))), e.start)):
            self._person(ent, persons)
        for ent in _ents(doc):
            if any(t.i in place_tokens for t in ent):
                continue
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _looks_like_person(ent)):
                actor = self._person(ent, persons)
                add(ent.start, ent.end, actor)
            elif ent.label_ == "ORG" and not _is_media(ent):
                words = _name_words(_clean_name(ent.text))
                person = next((p for p in persons.values() if words and words <= _name_words(p.label)), None)
                if person is not None:  # "Baghdadi" tagged as an organisation after the full name
                    person.aliases.add(_clean_name(ent.text))
                    add(ent.start, ent.end, person)
                else:
                    # "Islah-affiliated Special Forces", "the Rapid Intervention Police": an
                    # organisation the lexicon lacks is of the kind its last word names
                    last = ent[-1]
                    noun = next((self.lexicon.actor_nouns[w] for w in (last.lemma_.lower(), last.lower_, last.lower_[:-1])
                                 if w in self.lexicon.actor_nouns), None) if last.text[:1].isupper() else None
                    category = noun.category if noun is not None and self._armed(noun) and noun.category != "armed" else None
                    add(ent.start, ent.end, Actor(slug(ent.text), _clean_name(ent.text), category, country_name))
        for token in reversed(doc):  # heads first: "police officers" before "police"
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN") and not (
                    # "governmental positions", "a military convoy": whose post it is
                    token.dep_ == "amod" and token.head.lemma_.lower() in self.lexicon.cue("military-target")):
                continue
            noun, start, end = self._actor_noun(token)
            if noun is None:
                continue
            country = self._country_of(token) or country_name
            if noun.label.startswith("Militia") and self._communal(token):
                noun = self.lexicon.actor_nouns["communal militia"]
            label = _generic_label(noun.label, country)
            if noun.category == "armed":
                add(start, end, Actor(slug(label), label, "Political militia", country, named=False))
            else:
                add(start, end, Actor(slug(label), label, noun.category, country, named=False))
        found.sort(key=lambda m: m.start)
        _armed_by_members(found, doc)
        _resolve_generic_armed(found, doc)
        return found

    def _person(self, ent: Span, persons: dict[str, Actor]) -> Actor:
        """A person actor; a shorter later name ("Baghdadi") joins the full one."""
        name = _clean_name(ent.text)
        key_words = _name_words(name)
        for known in persons.values():
            if key_words and key_words <= _name_words(known.label):
                known.aliases.add(name)
                return known
        actor = Actor(slug(name), name, "Person", None)
        persons[name] = actor
        return actor

    def _actor_noun(self, token: Token):
        """The actor noun a token heads, with the token range of its phrase."""
        lemma = token.lemma_.lower()
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if prev is not None and prev.dep_ in ("compound", "amod"):
            two = f"{prev.lemma_.lower()} {lemma}"
            if two in self.lexicon.actor_nouns:
                return self.lexicon.actor_nouns[two], prev.i, token.i + 1
            two = f"{prev.text.lower()} {token.text.lower()}"
            if two in self.lexicon.actor_nouns:
                return self.lexicon.actor_nouns[two], prev.i, token.i + 1
        noun = self.lexicon.actor_nouns.get(lemma) or self.lexicon.actor_nouns.get(token.text.lower())
        if noun is None:
            return None, 0, 0
        if prev is not None and prev.dep_ in ("compound", "amod"):
            # "a militia member", "a police official": the person belongs to the armed group;
            # "rebel forces", "militia fighters": the modifier says which armed side
            group = self.lexicon.actor_nouns.get(prev.lemma_.lower())
            if group is not None and self._armed(group) and group.category != noun.category:
                return group, prev.i, token.i + 1
        return noun, token.i, token.i + 1

    def _communal(self, token: Token) -> bool:
        """A militia of a place or community ("militias from Mbaivur", "local militiamen",
        "clan militiamen"): ACLED's communal militias, an identity militia."""
        for child in token.children:
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in self.lexicon.cue("communal"):
                return True
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                if any(x.ent_type_ in ("GPE", "LOC", "NORP") or x.lemma_.lower() in self.lexicon.cue("communal")
                       for x in child.subtree):
                    return True
        return False

    @staticmethod
    def _armed(noun) -> bool:
        return noun.category in ARMED_CATEGORIES or noun.category == "armed"

    def _country_of(self, token: Token) -> str | None:
        """The country an adjective or possessive gives a group noun ("Syrian soldiers")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":  # "military forces of Armenia"
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                        place = self.gazetteer.resolve(obj.text)
                        if place is not None and place.feature == "country":
                            return place.country
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                country = self.demonyms.get(child.text.lower())
                if country:
                    return country
                if child.ent_type_ == "GPE":
                    place = self.gazetteer.resolve(child.text)
                    if place is not None and place.feature == "country":
                        return place.country
        return None

    # ------------------------------------------------------------------ triggers
    def _sentence_mentions(self, sent: Span, found: list, ctx: "_DocContext") -> list[Mention]:
        matches = []
        for match_id, start, end in found:
            trig = self.trigger_info[match_id]
            span = sent.doc[start:end]
            head = span.root
            if trig.pos == "VERB" and head.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if trig.pos == "NOUN" and head.pos_ not in ("NOUN", "PROPN"):
                continue
            if trig.pos == "ANY" and head.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
                continue
            matches.append((span, head, trig))
        # the longest match wins where matches overlap
        matches.sort(key=lambda m: -(m[0].end - m[0].start))
        chosen, used = [], set()
        for span, head, trig in matches:
            if any(i in used for i in range(span.start, span.end)):
                continue
            used.update(range(span.start, span.end))
            chosen.append((span, head, trig))
        chosen.sort(key=lambda m: m[0].start)
        mentions, weapon = self._disruptions(sent, ctx), None
        disrupted = {t.i for m in mentions for t in m.targets} | {m.head.i for m in mentions}
        for span, head, trig in chosen:
            if head.i in disrupted:
                continue  # the bombs the police recovered are no explosion
            if not self._is_specific(head, span):
                # "with an IED west of Rafah" misparsed as a modifier still names the weapon
                if trig.cue and self._top_type(trig.event_type) == "explosions-remote-violence":
                    weapon = weapon or trig.event_type
                continue
            mention = Mention(trig.event_type, head, span, cue=trig.cue)
            self._roles(mention, ctx)
            if mention.event_type == "@violence" and head.lemma_.lower() in DEATH_VERBS \
                    and not mention.roles.get("actor1") and not mention.roles.get("actor2"):
                mention.event_type = "@death"  # "one protester was killed": a toll, not an event
            if self._top_type(mention.event_type) == "explosions-remote-violence" and self._mishap(head):
                mention.event_type = "disrupted-weapons-use"  # "a mortar shell exploded prematurely"
            if mention.event_type == "flight" and (self._escapes_event(head, chosen) or not any(
                    a.actor.category == "Civilians" for a in mention.roles.get("actor1", []))):
                continue  # only civilians fleeing is displacement; a leader fleeing a coup is not an event
            mentions.append(mention)
        if self._mutual(sent):
            for m in mentions:  # "explosions in both directions of the frontline": an exchange of fire
                if m.event_type == "shelling-artillery-missile-attack":
                    m.event_type = "armed-clash"
        mentions = _group_sentence(mentions, self.violent_types, self._top_type)
        if any(m.event_type in self.violent_types for m in mentions):
            # "shelled the town, destroying houses", "an airstrike destroyed a depot": the damage
            # the attack did, not another event
            mentions = [m for m in mentions if not (m.event_type == "looting-property-destruction"
                                                    and m.head.lemma_.lower() in DAMAGE_VERBS)]
        for m in mentions:
            if m.event_type == "@violence":
                m.weapon = weapon
        crowd = self._crowd_mentions(sent, ctx, riot_only=True)
        riot = next((m for m in mentions if self._top_type(m.event_type) in ("protests", "riots")),
                    crowd[0] if crowd else None)
        if riot is not None:
            # "demonstrators threw stones and set fire to banks, and the army fired rubber
            # bullets": one violent demonstration, the army its other side
            for m in [m for m in mentions if m is not riot and m.event_type in RIOT_PARTS]:
                for am in m.roles.get("actor1", []):
                    if am.actor.category not in ("Protesters", "Rioters", "Civilians"):
                        riot.roles.setdefault("actor2", []).append(am)
                for am in m.roles.get("victim", []) + m.roles.get("actor2", []):
                    if am.actor.category not in ("Protesters", "Rioters"):
                        riot.roles.setdefault("actor2", []).append(am)
                mentions.remove(m)
            if riot not in mentions:
                mentions.append(riot)
        return mentions

    def _disruptions(self, sent: Span, ctx: "_DocContext") -> list[Mention]:
        """Weapons kept from use, ACLED's disrupted weapons use: "police recovered 153 crude
        bombs", "defused an IED", "discovered a cache of explosives", "shot down a drone", and a
        bomb that state forces detonated ("the army detonated a car bomb"). The mention's
        targets are the weapon words, which then name no explosion of their own."""
        found = []
        disrupt, weapons = self.lexicon.cue("disrupt"), self.lexicon.cue("weapon")
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_.lower()
            particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
            controlled = bool({lemma, f"{lemma} {particle}"} & self.lexicon.cue("controlled"))
            if not (lemma in disrupt or f"{lemma} {particle}" in disrupt or controlled):
                continue
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            # "a cache of explosives", "arms and ammunition including two mortar shells"
            words = [t for o in objects for t in o.subtree
                     if t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in weapons or t.lower_ in weapons)]
            if not words or not any(w.i == o.i or w.head.i == o.i or o.lemma_.lower() in weapons
                                    for o in objects for w in words):
                continue
            mention = Mention("disrupted-weapons-use", verb, sent.doc[verb.i:verb.i + 1])
            self._roles(mention, ctx)
            if controlled and not any(a.actor.category == "State forces" for a in mention.roles.get("actor1", [])):
                continue  # militants detonating a bomb is an explosion
            if controlled and any(t.dep_ == "prep" and t.lower_ in ("with", "using") or
                                  t.dep_ == "advcl" and t.lemma_.lower() == "use" for t in verb.subtree):
                continue  # "destroyed a depot with artillery fire" is an attack on it
            # the raid or search the weapons were found in is the same event ("seized rifles during a raid")
            searches = self.lexicon.cue("search")
            mention.targets = words + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("during", "in")
                                       for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in searches]
            found.append(mention)
        return found

    def _mutual(self, sent: Span) -> bool:
        """Whether the sentence says both sides fired ("in both directions", "by both sides")."""
        words = self.lexicon.cue("mutual")
        return any(f"{a.lower_} {b.lemma_.lower()}" in words for a, b in zip(sent, sent[1:]))

    def _mishap(self, head: Token) -> bool:
        """A weapon that went off by accident ("a mortar shell exploded prematurely", "an
        accidental blast"): the word modifies the trigger or the words it is part of."""
        words = self.lexicon.cue("mishap")
        node = head
        for _ in range(3):
            if any(c.lower_ in words and c.dep_ in ("advmod", "amod") for c in node.children):
                return True
            if node.dep_ not in ("compound", "nsubj", "nsubjpass", "dobj") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _violence_type(self, participants: list[Participant], target_words: list[Token]) -> str:
        """An attack or killing is an armed clash when it targets an armed side or a military
        target ("positions", "a checkpoint"), or when an armed actor acts on no target at all;
        an attack on civilians when it targets anyone or anything else."""
        targets = [p.actor for p in participants if p.role in ("actor2", "victim")]
        if any(a.category in ARMED_CATEGORIES for a in targets):
            return "armed-clash"
        if any(t.lemma_.lower() in self.lexicon.cue("military-target") for t in target_words):
            return "armed-clash"
        # "a pro-government militia check point", "an army post": the target belongs to an armed side
        for t in target_words:
            for x in t.subtree:
                noun = self.lexicon.actor_nouns.get(x.lemma_.lower())
                if (x.i == t.i or (x.i < t.i and x.dep_ in ("compound", "amod", "nmod"))) \
                        and noun is not None and self._armed(noun):
                    return "armed-clash"  # "killed 3 IS militants" even when "IS" misparses
        agents = [p.actor for p in participants if p.role == "actor1"]
        if not targets and not target_words and any(a.category in ARMED_CATEGORIES for a in agents):
            return "armed-clash"
        return "attack"

    def _top_type(self, type_id: str) -> str:
        if type_id.startswith("@"):
            return "battles" if type_id in ("@violence", "@territory") else type_id
        return self.lexicon.acled_types(type_id)[0].id

    def _crowd_mentions(self, sent: Span, ctx: "_DocContext", riot_only: bool = False) -> list[Mention]:
        """A demonstration told without a protest word: "protesters blocked the road",
        "residents barricaded roads with burning tyres", "demonstrators threw stones"."""
        verbs = self.lexicon.cue("riot") if riot_only else self.lexicon.cue("crowd") | self.lexicon.cue("riot")
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
                continue
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects and tok.dep_ == "conj":  # "workers gathered and demanded their wages"
                subjects = [s for s in [_inherited_subject(tok)] if s is not None]
            for subject in subjects:
                mention = _actor_at(subject, ctx)
                if mention is None:
                    continue
                category = mention.actor.category
                verb = tok.lemma_.lower()
                if category in ("Protesters", "Rioters") or (
                        category == "Civilians" and not mention.actor.named and verb in CROWD_ACTS) or (
                        # "workers of a construction company demanded their wages"
                        category == "Civilians" and not mention.actor.named and verb in ("demand", "denounce")
                        and self._claimants(sent.doc[mention.start:mention.end].root)) or (
                        # "members of the ruling party blocked the mayor's office"
                        mention.actor.named and category not in ARMED_CATEGORIES | {"Person"} and verb in BLOCKADES):
                    found = Mention("peaceful-protest", tok, sent.doc[tok.i:tok.i + 1])
                    found.roles["actor1"] = [mention]
                    return [found]
        if riot_only:
            return []
        # "police dispersed about 180 migrant labourers": a gathering met by an intervention
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lexicon.cue("intervention"):
                continue
            crowd = [m for m in (_actor_at(c, ctx) for c in tok.children if c.dep_ == "dobj") if m is not None
                     and m.actor.category in ("Civilians", "Protesters", "Rioters") and not m.actor.named]
            police = [m for m in (_actor_at(c, ctx) for c in tok.children if c.dep_ == "nsubj") if m is not None
                      and m.actor.category == "State forces"]
            if crowd and police:
                found = Mention("peaceful-protest", tok, sent.doc[tok.i:tok.i + 1])
                found.roles["actor1"], found.roles["actor2"] = crowd, police
                return [found]
        return []

    def _claimants(self, noun: Token) -> bool:
        """Several people of a kind that presses collective claims ("workers", "nurses")."""
        words = self.lexicon.cue("claimant")
        return noun.tag_ in ("NNS", "NNPS") and (noun.lemma_.lower() in words or any(
            f"{c.lower_} {noun.lemma_.lower()}" in words for c in noun.children if c.dep_ in ("compound", "amod")))

    def _by_aircraft(self, head: Token) -> bool:
        """Whether the one doing it is an aircraft ("warplanes struck", "the air force targeted")."""
        words = self.lexicon.cue("aircraft")
        for c in head.children:
            if c.dep_ in ("nsubj", "agent"):
                tokens = list(c.subtree)
                lemmas = [t.lemma_.lower() for t in tokens]
                if set(lemmas) & words or any(f"{a} {b}" in words for a, b in zip(lemmas, lemmas[1:])):
                    return True
        return False

    def _is_specific(self, head: Token, span: Span) -> bool:
        """False for generic or modifying uses: "other battles", "battle-hardened",
        "detention centre", "a protest movement"."""
        doc = head.doc
        if head.i + 1 < len(doc) and doc[head.i + 1].text == "-" and head.pos_ != "VERB":
            return False
        if head.lemma_.lower() in ("body", "corpse") and head.head.lemma_.lower() not in FOUND_VERBS:
            return False  # "a body of a man was found" counts; "a governing body" does not
        if head.pos_ in ("VERB", "ADJ") and head.dep_ == "amod":
            return False  # "captured fighters", "wounded soldiers": a state, not an event
        if head.dep_ in ("pcomp", "pobj") and head.head.lower_ in ("of", "for", "with") \
                and head.head.head.lemma_.lower() in self.lexicon.cue("allegation") \
                and head.head.head.dep_ in ("acl", "relcl"):
            # "a man suspected of kidnapping a child": what someone the sentence speaks of is
            # accused of; "police are accused of assaulting a driver" is the claim reported
            return False
        lemma = head.lemma_.lower()
        if lemma in self.lexicon.cue("activity") and not (
                (head.dep_ == "dobj" and head.head.lemma_.lower() in self.lexicon.cue("light"))
                or (head.dep_ in ("nsubj", "nsubjpass") and (head.head.lemma_.lower() in self.lexicon.cue("occur") or (
                    head.head.lemma_.lower() == "take" and any(c.lower_ == "place" for c in head.head.children))))):
            return False  # "conducted a patrol" is one; "an attack on a patrol" names a target
        if lemma in ("release", "free") and head.pos_ == "VERB":
            # "the Taliban released 48 soldiers": people set free, not a statement or a video
            held = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
            held += [x for c in held for x in c.subtree if x.dep_ == "pobj"]
            if not any(t.lemma_.lower() in self.lexicon.cue("captive") for t in held):
                return False
        if head.pos_ in ("NOUN", "PROPN"):
            # "staged a demonstration denouncing ...", parsed as a compound of a participle
            verb = head.head.head
            misparsed = head.head.lower_.endswith("ing") and head.head.dep_ == "dobj" and bool(
                {verb.lemma_.lower(), verb.lower_[:-1], verb.lower_[:-2]} & self.lexicon.cue("light"))
            if head.dep_ == "compound" and not self._leader_compound(head) and not misparsed \
                    and head.head.lemma_.lower() not in self.lexicon.cue("event-head"):
                return False
            if any(c.lower_ in self.lexicon.cue("nonspecific") for c in head.children
                   if c.dep_ in ("amod", "det", "predet")):
                return False
        return True

    def _leader_compound(self, head: Token) -> bool:
        return head.dep_ == "compound" and head.head.lemma_.lower() in self.lexicon.cue("leader")

    def _escapes_event(self, head: Token, chosen) -> bool:
        """"fled a coup": the flight is part of the coup story, not an event of its own."""
        heads = {h.i for _, h, _ in chosen}
        return any(c.dep_ == "dobj" and c.i in heads for c in head.children)

    # ------------------------------------------------------------------ roles
    def _roles(self, m: Mention, ctx: "_DocContext") -> None:
        head = m.head
        agents: list[Token] = []
        patients: list[Token] = []
        others: list[Token] = []
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            # an acronym the tagger read as a verb ("IS attacked ...") is the subject
            acronyms = [c for c in head.children if c.dep_ in ("auxpass", "aux") and c.i in ctx.by_token
                        and c.text.isupper() and c.i < head.i]
            agents.extend(acronyms)
            has_object = any(c.dep_ == "dobj" for c in head.children)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") and c not in acronyms for c in head.children) or (
                head.tag_ == "VBN" and head.dep_ in ("acl", "amod", "relcl") and not has_object)
            if head.dep_ == "acl" and has_object and not passive:
                agents.append(head.head)  # "IS militants killed a soldier", parsed as a reduced relative
            stranded = None if passive else (
                _stranded_subject(head, ctx) or (_stranded_subject(head.head, ctx) if head.dep_ == "conj" else None))
            for c in head.children:
                if stranded is not None and stranded in c.subtree:
                    continue  # the subject the parse hung on the places before it
                if c.dep_ == "nsubj" and not passive:
                    agents.append(c)
                elif c.dep_ == "nsubjpass":
                    patients.append(c)
                elif c.dep_ == "agent":
                    agents.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ in ("dobj", "attr") and not passive:
                    patients.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon", "with"):
                    target = [x for x in c.children if x.dep_ == "pobj"]
                    (others if c.lower_ == "with" else patients).extend(target)
                elif c.dep_ == "prep" and c.lower_ == "between":
                    others.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "prt":
                    pass
            if passive and head.dep_ in ("acl", "amod") and not patients:
                patients.append(head.head)
            if passive and not agents:
                # "killed in an operation by police forces", "killed in a Taliban raid"
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "during", "following"):
                        for noun in (x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"):
                            agents.extend(_undertaker(noun, ctx))
            if passive and not agents:
                # "were beaten and then arrested by the police": coordinated passives share the agent
                for verb in head.conjuncts:
                    for c in verb.children:
                        if c.dep_ == "agent":
                            agents.extend(x for x in c.children if x.dep_ == "pobj")
            occurred = head.dep_ in ("nsubj", "csubj") and head.head.lemma_.lower() in self.lexicon.cue("occur") | {"break"}
            if occurred:
                # "fighting broke out between X and Y" (the gerund read as a verb)
                for c in head.head.children:
                    if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                        others.extend(x for x in c.children if x.dep_ == "pobj")
            if not agents and not passive and not occurred:
                subject = _inherited_subject(head) or stranded or self._accused(head)
                if subject is not None:
                    agents.append(subject)
            relative = [a for a in agents if a.lower_ in ("which", "who", "that")]
            if head.dep_ == "relcl" and (relative or not agents) and not passive:
                agents = [a for a in agents if a not in relative] + [head.head]
        else:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    agents.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting", "upon"):
                    patients.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "prep" and c.lower_ in ("between", "with"):
                    others.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "prep" and c.lower_ == "of" and m.event_type in ONE_SIDED | {"execution", "surrender", "@death"}:
                    patients.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "poss" and m.event_type == "@death":
                    patients.append(c)  # "a man's body"
                elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in ctx.by_token:
                    agents.append(c)  # "Taliban attack", "a Saudi-led coalition air raid"
                elif c.dep_ == "acl" and c.lemma_.lower() in self.lexicon.cue("target"):
                    patients.extend(x for x in c.children if x.dep_ == "dobj")
                elif c.dep_ == "prep" and c.lower_ == "during":
                    m.part_of_head = next((x for x in c.children if x.dep_ == "pobj"), None)
                elif c.dep_ == "acl" and c.tag_ == "VBN":
                    # "an IED planted by Al Shabaab", "an attack attributed to ADF fighters"
                    for x in c.children:
                        if x.dep_ == "agent" or (x.dep_ == "prep" and x.lower_ == "to"
                                                 and c.lemma_.lower() in ("attribute", "blame")):
                            agents.extend(y for y in x.children if y.dep_ == "pobj")
                elif c.dep_ in ("amod", "compound") and c.tag_ == "VBN" and c.i >= 2 \
                        and head.doc[c.i - 1].text == "-" and c.i - 2 in ctx.by_token:
                    agents.append(head.doc[c.i - 2])  # "a Taliban-planted bomb"
            anchor = _quantity_anchor(head)  # "dozens of missiles": the phrase's own role
            governor = anchor.head
            if self._leader_compound(head):
                leader = head.head
                agents.extend(x for x in leader.children if x.dep_ == "appos")
                if leader.dep_ == "appos":
                    agents.append(leader.head)
                m.anaphoric = True
            elif anchor.dep_ in ("dobj", "pobj") and governor.lemma_.lower() in self.lexicon.cue("escape"):
                patients.extend(x for x in governor.children if x.dep_ == "nsubj")
                if not patients:
                    subject = _inherited_subject(governor)
                    if subject is not None:
                        patients.append(subject)
                m.anaphoric = True
            elif anchor.dep_ == "nsubjpass" and governor.lemma_.lower() in self.lexicon.cue("light"):
                # "a hand grenade was thrown by militants at the police station"
                for c in governor.children:
                    if c.dep_ == "agent":
                        agents.extend(x for x in c.children if x.dep_ == "pobj")
                    elif c.dep_ == "prep" and c.lower_ in ("on", "at", "against"):
                        patients.extend(x for x in c.children if x.dep_ == "pobj")
            elif anchor.dep_ == "dobj" and governor.lemma_.lower() in self.lexicon.cue("light"):
                agents.extend(_verb_subjects(governor))
                patients.extend(x.children.__next__() for x in governor.children
                                if x.dep_ == "prep" and x.lower_ in ("on", "at", "against")
                                and any(True for _ in x.children))
            elif (verb := self._instrument_verb(anchor)) is not None:
                # "LNA forces destroyed a GNA depot with artillery fire": the instrument's user
                agents.extend(_verb_subjects(verb))
                patients.extend(x for x in verb.children if x.dep_ == "dobj")
            elif anchor.dep_ == "pobj" and governor.lower_ == "for" and \
                    governor.head.lemma_.lower() in ("blame", "accuse", "hold"):
                # "blamed the Taliban for the attack": the blamed is the attacker (a claim)
                agents.extend(x for x in governor.head.children if x.dep_ == "dobj")
                m.anaphoric = True
            elif anchor.dep_ in ("nsubj", "nsubjpass", "attr"):
                # "a clash took place between X and Y", "clashes were reported between X and Y"
                for c in governor.children:
                    if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                        others.extend(x for x in c.children if x.dep_ == "pobj")
                if governor.lemma_.lower() in self.lexicon.cue("occur"):
                    m.anaphoric = True
            if any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det"):
                m.anaphoric = True
            if head.dep_ == "attr" and any(c.lower_ == "there" for c in governor.children):
                m.anaphoric = True
        m.targets = patients + others
        m.roles["actor1"] = _expand(agents, ctx)
        patients_actors = _expand(patients, ctx)
        between = _sides(others, ctx)
        if between:
            if m.roles["actor1"]:
                patients_actors = patients_actors + between
            else:
                m.roles["actor1"], patients_actors = between[:1], patients_actors + between[1:]
        one_sided = m.event_type in ONE_SIDED or m.event_type == "@death"
        role2 = "victim" if one_sided or head.lemma_.lower() in DEATH_VERBS | INJURY_WORDS else "actor2"
        m.roles[role2] = patients_actors

    # ------------------------------------------------------------------ one event
    def _event_from(self, m: Mention, sent: Span, ctx: "_DocContext") -> Event:
        event_type = m.event_type
        participants = []
        for role, mentions in m.roles.items():
            for am in mentions:
                participants.append(Participant(role, am.actor, am.span(ctx.doc)))
        if event_type == "@violence" and self._by_aircraft(m.head):
            event_type = "air-drone-strike"  # "the GNA air force targeted three trucks"
        elif event_type == "@violence" and m.weapon:
            event_type = m.weapon  # "militants targeted a vehicle with an IED"
        elif event_type == "@violence":
            event_type = self._violence_type(participants, m.targets)
        elif event_type == "@territory":
            takers = [p.actor for p in participants if p.role == "actor1"]
            event_type = ("government-regains-territory" if any(a.category == "State forces" for a in takers)
                          else "non-state-actor-overtakes-territory")
        event = Event(event_type=event_type, trigger=_text_span(m.tokens),
                      sentences=[_text_span(sent)], participants=participants)
        event.place = self._place(m.head, sent, ctx)
        if event.place is None:
            event.place = self._scene_place(sent, ctx) or self._country_place(ctx)
            event.place_inferred = event.place is not None
        event.time = self._time(m.head, sent, ctx)
        event.event_type = self._crowd_type(event, sent)
        self._crowd_actor(event, m, ctx)
        self._operation_actor(event, sent, ctx)
        self._unidentified_actor(event, ctx)
        killed, injured = count_casualties(sent, self.lexicon)
        event.fatalities, event.injured = killed, injured
        if event.fatalities is None and m.event_type == "execution":
            # "the execution of 320 of his followers": the executed are the dead
            for child in m.head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        value = count_of(obj)
                        if value:
                            event.fatalities = CountClaim(value, _text_span(obj.doc[obj.left_edge.i:obj.right_edge.i + 1]))
        event.modality, event.attribution = self._modality(m.head, sent, ctx)
        if event.time and event.time.time and event.modality == "asserted" and ctx.article.published:
            if event.time.time.earliest > ctx.article.published:
                event.modality = "future"
        event.anaphoric, event.cue, event.raw_type = m.anaphoric, m.cue, m.event_type
        event.part_of_head = m.part_of_head
        return event

    def _scene_place(self, sent: Span, ctx: "_DocContext") -> PlaceClaim | None:
        """The place of the story an event's sentence belongs to, when the sentence names none:
        the one the sentences just before it are set in ("In Niteroi, police raided a favela. A
        shoot-out broke out"), else the next sentence's ("Gunmen killed two. It happened in X").
        Only within the paragraph, and never a country: that is :meth:`_country_place`'s."""
        sents = ctx.sentences
        i = ctx.sentence_index(sent.start_char)
        for j in [*range(i - 1, max(-1, i - 1 - SCENE_SENTENCES), -1), i + 1]:
            if not 0 <= j < len(sents):
                continue
            lo, hi = sorted((sents[j], sent), key=lambda s: s.start)
            if "\n\n" in _lower_text(ctx.doc)[lo.start_char:hi.end_char]:
                continue  # another paragraph may be another story
            if j not in ctx.scenes:
                ctx.scenes[j] = self._place(sents[j].root, sents[j], ctx)
            claim = ctx.scenes[j]
            if claim is not None and claim.place is not None and claim.precision != "country":
                return claim
        return None

    def _country_place(self, ctx: "_DocContext") -> PlaceClaim | None:
        """An event whose sentence names no place happened, as far as the text says, in the
        country the article is about: a country-precision place, with the words that named it."""
        if not ctx.main_country:
            return None
        for span in ctx.all_places:
            place = self.gazetteer.resolve(span.text, tuple(ctx.countries))
            if place is not None and place.country_code == ctx.main_country:
                country = self.gazetteer.resolve(place.country)
                if country is not None and country.feature == "country":
                    return PlaceClaim(country.name, _text_span(span), "country", country, country.name)
        # no place of that country is named: a demonym or a known actor of it is the evidence
        name = self.gazetteer.country_name(ctx.main_country)
        country = self.gazetteer.resolve(name) if name else None
        if country is None or country.feature != "country":
            return None
        for token in ctx.doc:
            if self.demonyms.get(token.lower_) == name:
                return PlaceClaim(country.name, _text_span(ctx.doc[token.i:token.i + 1]), "country", country, name)
        for m in ctx.mentions:
            if m.actor.country == name and m.actor.named:
                return PlaceClaim(country.name, m.span(ctx.doc), "country", country, name)
        if ctx.main_country in ctx.publisher:
            # only the outlet or the title says where ("El Nashra": Lebanon): no words to point at
            return PlaceClaim(country.name, None, "country", country, name)
        return None

    @staticmethod
    def _is_event_place(ent: Span) -> bool:
        """False for places that are not where an event happened: a destination or origin
        ("escape to Turkey"), a modifier ("Britain-based", "US dollar"), an actor ("America
        withdraws")."""
        root = ent.root
        doc = ent.doc
        if root.dep_ == "pobj" and root.head.lower_ in AWAY_PREPS:
            return False
        if ent.end < len(doc) and doc[ent.end].text in ("-", "–") and not (
                ent.end + 1 < len(doc) and (doc[ent.end + 1].is_digit or doc[ent.end + 1].text[:1].isupper())):
            return False  # "Britain-based", but "Zolote-4" and "the Damboa - Maiduguri road" are places
        if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() in SITE_NOUNS:
            return True  # "outside the regional court of Limassol"
        if root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN" and root.head.i >= ent.end \
                and not (ent.end < len(doc) and doc[ent.end].text in ("-", "–")) \
                and root.head.lemma_.lower() not in REGION_WORDS | PLACE_NOUNS | ADMIN_UNIT_WORDS | SITE_NOUNS:
            return False  # "salaries in US dollars": a modifier, even after "in"
        if _locative_before(ent):
            return True  # "in Emiliano Zapata, Hidalgo, police demonstrated", whatever the parse hangs it on
        if root.dep_ in ("nsubj", "nsubjpass"):
            return False
        if _before_site(doc, ent.end):
            return True  # "blocked the Zahle roundabout", however the parse hangs it
        if root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.pos_ == "NOUN" \
                and root.head.lemma_.lower() not in REGION_WORDS | PLACE_NOUNS | ADMIN_UNIT_WORDS | SITE_NOUNS:
            return False
        return True

    def _crowd_type(self, event: Event, sent: Span) -> str:
        """Demonstrations turn violent ("barricaded roads with burning tyres") or meet an
        intervention ("police dispersed them"); a fight with no organised armed side
        ("migrant workers clashed with police") is mob violence, not a battle."""
        if event.event_type.startswith("@"):
            return event.event_type
        lemmas = {t.lemma_.lower() for t in sent}
        top = self.lexicon.acled_types(event.event_type)[0].id
        crowd_categories = {p.actor.category for p in event.participants if p.role == "actor1"}
        if top == "protests" and event.event_type == "peaceful-protest":
            trigger = sent.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if _acts(sent, trigger) & self.lexicon.cue("riot") or "Rioters" in crowd_categories:
                return "violent-demonstration"
            if lemmas & self.lexicon.cue("intervention"):
                return "protest-with-intervention"
        shots = bool(lemmas & GUNFIRE_WORDS)
        if event.event_type == "attack" and not shots and any(
                p.role == "actor1" and p.actor.category == "Civilians" and not p.actor.named
                for p in event.participants):
            return "mob-violence"  # "a suspected thief was beaten up by locals"
        if event.event_type == "armed-clash":
            sides = [p for p in event.participants if p.role in ("actor1", "actor2")]
            # a crowd, or a party's supporters or a community the lexicon does not know as armed
            crowd = [p for p in sides if p.actor.category in ("Civilians", "Protesters", "Rioters")
                     or (p.actor.category is None and self._crowd_words(p, sent))]
            organised = [p for p in sides if p.actor.category in ARMED_CATEGORIES - {"State forces"}]
            # "a shoot-out broke out" with the police: whoever shot back was armed
            gunfight = shots and any(p.actor.category == "State forces" for p in sides)
            # "clashed with machetes, bows and arrows", "pelted stones at the police"
            melee = bool(lemmas & (self.lexicon.cue("melee") | self.lexicon.cue("riot") - {"clash", "violent"}))
            if crowd and not gunfight and (not organised or (melee and not shots)):
                protest = any(p.actor.category == "Protesters" for p in event.participants)
                return "violent-demonstration" if protest else "mob-violence"
        return event.event_type

    def _crowd_words(self, participant: Participant, sent: Span) -> bool:
        """Whether an actor's words name unarmed people ("BJP supporters", "members of
        ANTARSYA", "Mapuche fruit sellers")."""
        span = sent.doc.char_span(participant.span.start, participant.span.end, alignment_mode="expand")
        if span is None:
            return False
        tokens = list(span) + [t for t in span.root.ancestors][:1]  # "supporters of the CNL"
        return any(self.lexicon.actor_nouns.get(t.lemma_.lower()) is not None and t.lemma_.lower() not in ("member", "affiliate", "loyalist")
                   and self.lexicon.actor_nouns[t.lemma_.lower()].category == "Civilians" for t in tokens)

    def _crowd_actor(self, event: Event, m: Mention, ctx: "_DocContext") -> None:
        """A protest is carried out by protesters and a riot by rioters, named or not
        (ACLED's "Protesters (Lebanon)"): the crowd is actor 1 when the text names no one
        of that kind."""
        if event.event_type.startswith("@"):
            return
        top = self.lexicon.acled_types(event.event_type)[0].id
        category = {"protests": "Protesters", "riots": "Rioters"}.get(top)
        if category is None:
            return
        crowd = [p for p in event.participants if p.actor.category in ("Protesters", "Rioters", "Civilians")
                 and p.role == "actor1"]
        if crowd:
            for p in crowd:
                if p.actor.category != category and not p.actor.named:
                    p.actor = self._generic_actor(category, p.actor.country)
            return
        country = (event.place.country if event.place else None) or (
            self.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
        event.participants.insert(0, Participant("actor1", self._generic_actor(category, country),
                                                 event.trigger))

    def _unidentified_actor(self, event: Event, ctx: "_DocContext", battles: bool = False) -> None:
        """Violence whose perpetrator the text does not name ("a man was shot dead", "an IED
        exploded", "a body was found with gunshot wounds", "a shoot-out took place") is coded,
        as ACLED does, to an unidentified armed group of the country."""
        if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
            return
        if event.modality in ("negated", "denied", "hypothetical", "future"):
            return
        top = self.lexicon.acled_types(event.event_type)[0].id
        if top not in ("violence-against-civilians", "explosions-remote-violence") + (("battles",) if battles else ()):
            return
        country = (event.place.country if event.place else None) or (
            self.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
        event.participants.insert(0, Participant("actor1", self._generic_actor("armed", country),
                                                 event.trigger))

    def _accused(self, verb: Token) -> Token | None:
        """Who is accused of doing what a verb says ("police are accused of assaulting a
        driver"): the subject of the passive accusation."""
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
                verb.head.head.lemma_.lower() in self.lexicon.cue("allegation"):
            return next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
        return None

    @staticmethod
    def _instrument_verb(anchor: Token) -> Token | None:
        """The active verb an event noun is the instrument of ("destroyed a depot with
        artillery fire"; the parse may hang the "with" on the object)."""
        if anchor.dep_ == "compound" and anchor.head.pos_ == "NOUN":
            anchor = anchor.head  # "artillery fire"
        if anchor.dep_ != "pobj" or anchor.head.lower_ != "with":
            return None
        verb = anchor.head.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head
        if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None
        return verb

    def _operation_actor(self, event: Event, sent: Span, ctx: "_DocContext") -> None:
        """Fighting or a shooting nobody is named for, told in or right after a sentence about an
        operation ("the Military Police carried out an operation in X. A shoot-out broke out",
        "killed during security operations carried out by the Gendarmerie"): the armed side
        that ran the operation is actor 1."""
        if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
            return
        if event.modality in ("negated", "denied", "hypothetical", "future"):
            return
        top = self.lexicon.acled_types(event.event_type)[0].id
        if top not in ("battles", "violence-against-civilians"):
            return
        where = ctx.sentence_index(sent.start_char)
        taken = {p.actor.key for p in event.participants}
        for scope in [sent] + ([ctx.sentences[where - 1]] if where > 0 else []):
            for noun in scope:
                if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lexicon.cue("operation"):
                    continue
                for tok in _undertaker(noun, ctx):
                    found = _actor_at(tok, ctx)
                    if found is not None and found.actor.category in ARMED_CATEGORIES \
                            and found.actor.key not in taken:
                        event.participants.insert(0, Participant("actor1", found.actor, found.span(ctx.doc)))
                        return

    def _claimed_actor(self, event: Event, ctx: "_DocContext") -> None:
        """An attack nobody is named for, and a named armed group that "claimed
        responsibility" for it (in its sentence or a later one): the group is actor 1."""
        if event.event_type.startswith("@") or not ctx.claimants or any(
                p.role == "actor1" and p.actor.named for p in event.participants):
            return
        top = self.lexicon.acled_types(event.event_type)[0].id
        if top not in ("violence-against-civilians", "explosions-remote-violence", "battles"):
            return
        where = ctx.sentence_index(event.trigger.start)
        for claimant, said_in in ctx.claimants:
            if where <= said_in <= where + 2 and claimant.actor.category in ARMED_CATEGORIES:
                event.participants = [p for p in event.participants if p.role != "actor1"]
                event.participants.insert(0, Participant("actor1", claimant.actor, claimant.span(ctx.doc)))
                return

    def _generic_actor(self, category: str, country: str | None) -> Actor:
        """The ACLED-style actor for an unnamed crowd or armed group of a country."""
        noun = self.lexicon.actor_nouns[{"Protesters": "protester", "Rioters": "rioter"}.get(category, "gunman")]
        if category == "armed":
            category = noun.category
        label = _generic_label(noun.label, country)
        return Actor(slug(label), label, category, country, named=False)

    def _place(self, head: Token, sent: Span, ctx: "_DocContext") -> PlaceClaim | None:
        candidates = [ent for ent in ctx.places(sent) if self._is_event_place(ent)]
        if not candidates:
            return None
        countries = tuple(ctx.countries)
        names = {ent.start: fold(ent.text) for ent in ctx.places(sent)}
        resolved, partial = {}, set()
        for ent in candidates:
            context = frozenset(n for start, n in names.items() if start != ent.start)
            # "Tijuana, Baja California", "Oicha (Beni, Nord-Kivu)": what follows a place is its region
            follows = _after_place(ent, ctx.places(sent)) or _in_region_list(ent) or (
                0 < ent.start and ent.doc[ent.start - 1].text == "(" and ent.end < len(ent.doc)
                and ent.doc[ent.end].text in (")", ","))  # "Shaaf district (Al Jawf)"
            place = self.gazetteer.resolve(ent.text, countries, context, region=_region_word_after(ent) or follows,
                                          region_word=_region_word_after(ent))
            if place is not None and countries and place.country_code not in countries \
                    and not (place.feature == "city" and place.population >= BIG_CITY and not _before_site(sent.doc, ent.end)
                             and fold(place.name) == fold(ent.text)):  # "JaS" is no name of Jos
                # a namesake abroad ("Martinez", California, in an Argentine report); a site named
                # after a city abroad ("the Zanzibar junction" in Mogadishu) is not in that city
                place = None
            if place is not None and not self._supported(place, ent, ctx):
                place = None  # "Kelly" in a report from Idlib is no town in the United States
            if place is not None and _compass_name(ent.text) and place.country_code not in countries:
                place = None  # "North East" with nothing to say whose
            if place is None and countries:  # "Tal Tamer" for Tall Tamr, "Mineralne" for Mineral'noye
                # every word of the name must be spelt alike, not a stray one ("Abu Al-Ghareb" is
                # not Az Zawiyah, though one of its names has "Gharb" in it)
                words = [w for w in fold(ent.text).split() if w not in NAME_PARTICLES]
                if len(skeleton(fold(ent.text)).split()) == len(words):
                    place = self.gazetteer.fuzzy(ent.text, countries)
            if place is None:
                # "Donetsk Airport", "Mogadishu-Bondhere": a site or quarter named after a known town
                place = self._part_place(ent.text, countries)
                if place is not None:
                    partial.add(ent.start)
            if place is not None and not self._supported(place, ent, ctx):
                place = None  # nor is a spelling or a part of a name that only a namesake abroad has
                partial.discard(ent.start)
            resolved[ent.start] = place
        # "Dunda (Uttarakhand)", "Buleda (Kech, Balochistan)": a place is inside the region
        # named right after it, so a namesake in another country is not it (outermost first:
        # in "Machiques de Perija, La Guajira, Zulia state" Zulia rules out Colombia's La Guajira)
        for ent in reversed(candidates):
            inner = resolved[ent.start]
            container = self._container_after(ent, candidates, resolved)
            if inner is None or container is None or fold(container.name) == fold(inner.name):
                continue
            if not _inside(inner, container) and not (
                    inner.country_code == container.country_code and inner.population >= KNOWN_CITY):
                # the namesake inside that region, if the gazetteer has one
                inside = [p for p in self.gazetteer.candidates(ent.text) if _inside(p, container)]
                resolved[ent.start] = inside[0] if inside else None
                if not inside:
                    partial.discard(ent.start)

        def rank(ent):
            # the most specific place the gazetteer knows: a town before its district,
            # province or country; a neighbourhood or street, or a site known only by the
            # town in its name ("Colonia Alamar"), after its town
            place = resolved[ent.start]
            if place is None:
                level = 5
            else:
                level = {"city": 0, "site": 0, "admin2": 2, "admin1": 3, "country": 4}.get(place.feature, 3)
                if ent.end < len(sent.doc) and sent.doc[ent.end].lower_ in SUBLOCALITY_WORDS \
                        or any(t.lower_ in SUBLOCALITY_WORDS for t in sent.doc[max(0, ent.start - 2):ent.start + 1]) \
                        or ent.start in partial:
                    level = max(level, 1)
                if ent.end < len(sent.doc) and sent.doc[ent.end].text in ("-", "–"):
                    level = max(level, 2.5)  # an end of "the Mumbai-Barwani stretch", after the district it is in
                if ent.end < len(sent.doc) and sent.doc[ent.end].lower_ in WIDE_REGION_WORDS:
                    level = max(level, 2)  # "Aleppo countryside" is a region, however it resolved
                    # (a district is named after its main town, which is where it is coded)
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
            between = sent.doc[other.end:ent.start]
            if place is not None and resolved[other.start] is None and 0 < len(between) <= 3 \
                    and all(t.lower_ in ("in", ",", "(", "of", "near") or t.lower_ in SETTLEMENT_WORDS
                            for t in between) and place.feature != "country":
                # within a district: near it, or near the town it is named after ("Kotdiji
                # (Khairpur, Sindh)"); within a province: only the province is known
                town = self._region_town(place)
                if town is not None:
                    return PlaceClaim(other.text, _text_span(other), "near", town, town.country)
                precision = "region" if place.feature == "admin1" else "near"
                return PlaceClaim(other.text, _text_span(other), precision, place, place.country)
        words = {t.lower_ for t in ent.root.ancestors if t.i >= sent.start and t.i < ent.start}
        words |= {t.lower_ for t in sent.doc[max(sent.start, ent.start - 3):ent.start]}
        after = {t.lower_ for t in sent.doc[ent.end:min(sent.end, ent.end + 2)]}
        if ent.start in partial:
            return PlaceClaim(ent.text, _text_span(ent), "near", place, place.country)
        offset = _offset_place(sent.doc, ent, place) if place is not None and place.feature != "country" else None
        if offset is not None:  # "20 km east of Maiduguri": the point that far, precision near
            phrase = sent.doc[offset[1]:ent.end]
            return PlaceClaim(phrase.text, _text_span(phrase), "near", offset[0], place.country)
        if place is None:
            precision = "unlocated"
            country = self.gazetteer.country_name(ctx.main_country) if ctx.main_country else None
        elif place.feature == "country":
            precision, country = "country", place.country
        else:
            country = place.country
            if after & REGION_WORDS or place.feature in ("admin1", "admin2"):
                precision = "region"
            elif words & NEAR_WORDS:
                precision = "near"
            else:
                precision = "exact"
        return PlaceClaim(ent.text, _text_span(ent), precision, place, country)

    def _supported(self, place: Place, ent: Span, ctx: "_DocContext") -> bool:
        """Whether a town read in another country than the article's main one has anything but
        its own name for that country (a nationality, another place, the outlet): else it is a
        namesake of a local place the gazetteer lacks ("Police forces" in Lebanon, "Koya")."""
        if place.country_code == ctx.main_country or place.feature == "country" or not ctx.main_country \
                or (place.population >= HAMLET and _same_name(place.name, ent.text)):
            return True  # a town called so ("Qalqiliyah" in a report an Israeli outlet published)
        key = fold(ent.text)
        if key not in ctx.without:  # the article's countries by all but this name (each time it is written)
            others = [p for p in ctx.all_places if fold(p.text) != key]
            ctx.without[key] = (self._document_countries(ctx.doc, others, Counter(ctx.publisher)),
                                self._document_countries(ctx.doc, others, places_only=True))
        everything, places = ctx.without[key]
        if place.country_code in everything:
            return True
        if ctx.main_country in ctx.publisher:
            return False  # a national outlet's country against a hamlet's or another name's
        if place.population >= HAMLET:
            return True  # a town against other words of the text ("protested in Grodno ... Russia")
        return ctx.main_country not in places

    def _region_town(self, region: Place) -> Place | None:
        """The town a district or province is named after (Khairpur in Khairpur district)."""
        if region.feature != "admin2":  # a province is too large to stand for its capital
            return None
        towns = [p for p in self.gazetteer.candidates(region.name) if p.feature == "city"
                 and p.country_code == region.country_code and p.admin1 == region.admin1]
        return towns[0] if towns else None

    @staticmethod
    def _container_after(ent: Span, candidates: list[Span], resolved: dict) -> "Place | None":
        """The resolved region written right after a place ("X (Y, Z)", "X, Y", "X in Y")."""
        doc = ent.doc
        for other in candidates:
            between = doc[ent.end:other.start]
            if 0 < len(between) <= 3 and all(t.lower_ in ("in", ",", "(", "of") or t.lower_ in SETTLEMENT_WORDS
                                             for t in between):
                place = resolved.get(other.start)
                if place is not None and place.feature in ("admin1", "admin2", "country"):
                    return place
                if place is not None:  # "Kech, Balochistan": the next one may be the region
                    return Extractor._container_after(other, candidates, resolved) or place
        return None

    def _part_place(self, name: str, countries: tuple[str, ...]):
        """The town a longer place name starts or ends with, in the article's countries
        ("Donetsk Filtration Station" -> Donetsk, "Mogadishu-Hodan" -> Mogadishu), or None."""
        words = re.split(r"[\s\-–]+", name.strip())
        if len(words) < 2:
            return None
        for n in range(len(words) - 1, 0, -1):
            for part in (" ".join(words[:n]), " ".join(words[-n:])):
                place = self.gazetteer.resolve(part, countries)
                # with no country to go by, only a name the gazetteer gives one country ("Zolote-4")
                known = place is not None and (place.country_code in countries if countries else len(
                    {p.country_code for p in self.gazetteer.candidates(part)}) == 1)
                if known and place.feature in ("city", "site", "admin2"):
                    return place
        return None

    def _time(self, head: Token, sent: Span, ctx: "_DocContext", inherit: bool = True) -> TimeClaim | None:
        """The time of the date words nearest the trigger in its sentence; without any, the
        last date the article gave ("On 3 May, ... . The next sentence ...")."""
        written = _written_dates(sent)
        doc = sent.doc
        dates = [e for e in ctx.ents(sent) if e.label_ in ("DATE", "TIME")
                 and not any(w.start <= e.start and e.end <= w.end for w in written)
                 # "the July 7 neighbourhood", "7 July areas": a name, not a date
                 and not (e.end < len(doc) and doc[e.end].lemma_.lower() in SETTLEMENT_WORDS | SUBLOCALITY_WORDS)
                 and not (e.root.head.i > e.root.i and e.root.head.lemma_.lower() in SETTLEMENT_WORDS | SUBLOCALITY_WORDS)
                 ] + written
        if not dates:
            return ctx.last_time if inherit else None
        # the date that modifies the trigger's own clause, then a fully written one ("On 30 April
        # 2020, teachers who passed the test in 2019 held a protest"), then the nearest
        dates.sort(key=lambda e: (0 if _governs(head, e.root) else 1,
                                  0 if _WRITTEN_DATE.search(e.text) else 1, abs(e.start - head.i)))
        for ent in dates:
            text = ent.text
            if ent.start > sent.start and sent.doc[ent.start - 1].lower_ in ("since", "until", "by"):
                text = f"{sent.doc[ent.start - 1].lower_} {text}"  # "since 2012": a span to now
            resolved = resolve_date(text, ctx.article.published)
            if resolved is not None or ctx.article.published is None:
                return TimeClaim(_text_span(ent), resolved)
        # "the second day of the protest": date words that name no date leave the last one
        return ctx.last_time if inherit else None

    def _modality(self, head: Token, sent: Span, ctx: "_DocContext"):
        lex = self.lexicon
        chain = [head, *(t for t in head.ancestors if t.pos_ not in ("ADP", "SCONJ", "PART"))]
        modality = "asserted"
        source: Span | None = None
        for position, tok in enumerate(chain):
            lemma = tok.lemma_.lower()
            children = list(tok.children)
            if position <= 1 and any(c.dep_ == "neg" for c in children):
                return "negated", None
            if any(c.lower_ in FUTURE_AUX for c in children if c.dep_ == "aux") and position <= 1:
                modality = "future"
            elif any(c.lower_ in lex.cue("hypothetical") for c in children if c.dep_ == "aux") and position <= 1:
                modality = "hypothetical"
            if lemma in lex.cue("hypothetical") and position > 0 and modality == "asserted":
                modality = "hypothetical"
            for c in children:
                if c.dep_ == "advmod" and c.lower_ in lex.cue("hedge") and modality == "asserted":
                    modality = "claimed" if c.lower_.startswith("alleged") else "reported"
            if position > 0 and lemma in lex.cue("report") | lex.cue("claim") | lex.cue("deny"):
                subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.lower_ not in ("it", "this"):
                    source = sent.doc[subject.left_edge.i:subject.right_edge.i + 1]
                if lemma in lex.cue("deny"):
                    return "denied", _maybe_span(source)
                if modality in ("asserted", "reported"):
                    modality = "claimed" if lemma in lex.cue("claim") else "reported"
                break
        if source is None:
            for tok in sent:
                if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
                    obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        source = sent.doc[obj.left_edge.i:obj.right_edge.i + 1]
                        if modality == "asserted":
                            modality = "reported"
        if source is None and ctx.quote_speaker(sent) is not None:
            source = ctx.quote_speaker(sent)
            if modality == "asserted":
                modality = "reported"
        return modality, _maybe_span(source)


# ---------------------------------------------------------------------- helpers
class _DocContext:
    def __init__(self, doc, article, countries, main_country, mentions, by_token, places):
        self.doc = doc
        self.article = article
        self.countries = countries
        self.main_country = main_country
        self.mentions = mentions
        self.by_token = by_token
        sentences = list(doc.sents)
        self._speakers = _quote_speakers(doc, sentences)
        self.last_time: TimeClaim | None = None
        self._ents: dict[int, list[Span]] = {}
        for ent in _ents(doc):
            self._ents.setdefault(ent.sent.start, []).append(ent)
        self._places: dict[int, list[Span]] = {}
        self.publisher: set[str] = set()  # the countries of the article's outlet and title
        self.without: dict[str, tuple[list[str], list[str]]] = {}  # countries without a name, by name
        self.scenes: dict[int, PlaceClaim | None] = {}  # a sentence's own place, by its number
        self.all_places = places
        self.sentences = sentences
        self._sentence_chars = [sent.start_char for sent in sentences]
        # "JNIM claimed responsibility for the attack": (the claimant, its sentence's number)
        self.claimants = []
        for n, sent in enumerate(sentences if "claim" in _lower_text(doc) else ()):
            for tok in sent:
                if tok.lemma_.lower() == "claim" and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children):
                    for subject in (c for c in tok.children if c.dep_ == "nsubj"):
                        found = _actor_at(subject, self)
                        if found is not None and found.actor.named:
                            self.claimants.append((found, n))
        for span in places:
            self._places.setdefault(span.sent.start, []).append(span)

    def sentence_index(self, char: int) -> int:
        """The number of the sentence a character offset falls in."""
        return max(bisect.bisect_right(self._sentence_chars, char) - 1, 0)

    def ents(self, sent: Span) -> list[Span]:
        """The named entities of a sentence (``Span.ents`` rescans the whole doc)."""
        return self._ents.get(sent.start, [])

    def places(self, sent: Span) -> list[Span]:
        return self._places.get(sent.start, [])

    def quote_speaker(self, sent: Span) -> Span | None:
        return self._speakers.get(sent.start)


def _ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, made once (``Doc.ents`` builds new spans at every call)."""
    ents = doc.user_data.get("graphbuild.ents")
    if ents is None:
        ents = doc.user_data["graphbuild.ents"] = tuple(doc.ents)
    return ents


def _lower_text(doc: Doc) -> str:
    """The document's text in lower case, made once (``Doc.text`` joins the tokens at every call)."""
    text = doc.user_data.get("graphbuild.lower")
    if text is None:
        text = doc.user_data["graphbuild.lower"] = doc.text.lower()
    return text


def _quote_speakers(doc: Doc, sentences: list[Span]) -> dict[int, Span]:
    """Sentences inside a quotation mapped to the speaker that introduces it
    ('An intelligence official said: "They got wind of it ... There was a clash ..."')."""
    speakers: dict[int, Span] = {}
    current: Span | None = None
    text = doc.text  # built anew at every access
    if not any(mark in text for mark in ('"', "“", "”")):
        return speakers
    for sent in sentences:
        text = sent.text.strip()
        if current is not None and (text.startswith(("\"", "“")) or not text.endswith(("\"", "”"))):
            speakers[sent.start] = current
        if re.search(r"\b(said|says|told|added|recalled)\s*:\s*[\"“]", sent.text):
            verb = next((t for t in sent if t.lemma_ in ("say", "tell", "add", "recall")), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
            if subject is not None:
                current = doc[subject.left_edge.i:subject.right_edge.i + 1]
                speakers[sent.start] = current
                continue
        if text.endswith(("\"", "”")) or not text:
            current = None
    return speakers


def _quantity_anchor(noun: Token) -> Token:
    """The head of "dozens of X" / "50 of the X" for X: the word that carries the phrase's role."""
    current = noun
    while current.dep_ == "pobj" and current.head.lower_ == "of" and (
            current.head.head.like_num or current.head.head.pos_ == "NUM"
            or current.head.head.lower_ in VAGUE):
        current = current.head.head
    return current


_WRITTEN_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b")


BEARINGS = {"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
            "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315,
            "north-west": 315}
DISTANCE_UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0,
                  "kilometer": 1.0, "miles": 1.609, "mile": 1.609, "mi": 1.609}


def _offset_place(doc: Doc, ent: Span, place):
    """For "20 km east of Maiduguri" (or "20km north-east of X"), a place that far in that
    direction from X, and the token where the phrase starts; else None."""
    from .gazetteer import Place

    i = ent.start
    if i < 4 or doc[i - 1].lower_ != "of":
        return None
    j = i - 2
    bearing_words = [doc[j].lower_]
    if j >= 2 and doc[j - 1].text in ("-",) and doc[j - 2].lower_ in ("north", "south"):
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
    if not 0 < km <= 500:
        return None
    import math
    lat = math.radians(place.latitude)
    d = km / 6371.0
    b = math.radians(bearing)
    lat2 = math.asin(math.sin(lat) * math.cos(d) + math.cos(lat) * math.sin(d) * math.cos(b))
    lon2 = math.radians(place.longitude) + math.atan2(math.sin(b) * math.sin(d) * math.cos(lat),
                                                      math.cos(d) - math.sin(lat) * math.sin(lat2))
    direction = "".join(bearing_words).replace("-", "")
    name = f"{km:g} km {direction} of {place.name}"
    offset = Place(f"{place.id}-{km:g}km-{direction}", name, round(math.degrees(lat2), 5),
                   round(math.degrees(lon2), 5), place.country_code, place.country, place.admin1,
                   place.admin2, 0, "offset", place)
    return offset, start


_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "csubj", "conj", "parataxis"}


def _governs(head: Token, word: Token) -> bool:
    """Whether ``word`` modifies ``head``'s clause: it hangs below the trigger, or below the verb
    a trigger noun is the subject or object of ("held a protest on Monday"), crossing no other
    clause on the way."""
    clause = head
    while clause.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "compound") and clause.head.i != clause.i:
        clause = clause.head
    node = word
    while node.head.i != node.i:
        if node.dep_ in _CLAUSES:
            return False
        node = node.head
        if node.i in (head.i, clause.i):
            return True
    return False


def _acts(sent: Span, trigger: Span | None) -> set[str]:
    """The lemmas of what a sentence says was done, leaving out what clauses about someone
    else say ("against the detention of activists accused of hurling a Molotov cocktail",
    "the return of the looted funds", "the torch movement"); "set on fire" counts as burning."""
    def own_clause(clause: Token) -> bool:
        if any(c.lower_ in ("where", "when", "they") for c in clause.children if c.dep_ in ("advmod", "nsubj")):
            return True  # "outside the hotels where they burned tyres": what the crowd did there
        return trigger is not None and clause.left_edge.i <= trigger.start and trigger.end <= clause.right_edge.i + 1

    acts = set()
    for tok in sent:
        if tok.dep_ == "compound" or (tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD")):
            continue
        # a relative clause, or a participle about a noun ("activists accused of"), that is not
        # the event's own; "protesters burning tyres" is what the protesters did
        if any((a.dep_ == "relcl" or (a.dep_ == "acl" and a.tag_ == "VBN")) and a.head.pos_ in ("NOUN", "PROPN")
               and not own_clause(a) for a in [tok, *tok.ancestors] if a.i >= sent.start):
            continue
        acts.add(tok.lemma_.lower())
        if tok.lower_ == "fire" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ in ("on", "set"):
            acts.add("burn")
    return acts


def _written_dates(sent: Span) -> list[Span]:
    """Full dates the model did not tag ("Around 1 May 2020 (as reported)")."""
    spans = []
    for match in _WRITTEN_DATE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is None:
            continue
        # the model often tags only "May 2020" of "Around 2 May 2020": the full date wins
        if not all(t.ent_type_ == "DATE" for t in span):  # (Span.ents rescans the document)
            spans.append(span)
    return spans


def _generic_label(template: str, country: str | None) -> str:
    """ACLED's label for an unnamed group: "Military Forces of Syria", "Rioters (Lebanon)";
    without a country, "Military Forces", "Rioters"."""
    if country:
        return template.format(country=country)
    return template.replace(" of {country}", "").replace(" ({country})", "").format(country="")


def _inside(place: Place, container: Place) -> bool:
    """Whether ``place`` can lie in ``container``, as far as the gazetteer knows."""
    if place.country_code != container.country_code:
        return False
    if container.feature == "admin1":
        return not place.admin1 or place.admin1 == container.name
    if container.feature == "admin2":  # districts are redrawn more often than GeoNames knows
        return not place.admin1 or place.admin1 == container.admin1
    # a town written after a town may be the district or province named after it
    # ("Marbel, Matalam, Cotabato"): only its country is sure
    return True


def _locative_before(ent: Span) -> bool:
    """"in X", "near X", "outside of X", "north of X": words that put something at a place."""
    doc = ent.doc
    if ent.start == 0:
        return False
    before = doc[ent.start - 1].lower_
    if before in LOCATIVE_PREPS:
        return True
    return before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in LOCATIVE_PREPS | NEAR_WORDS


def _before_site(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` names a site after it ("the Zahle roundabout",
    "the Damboa - Maiduguri road", "Al Watiyah airbase")."""
    if end < len(doc) and doc[end].lower_ in NAMED_SITES:
        return True
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and any(
        t.lower_ in NAMED_SITES for t in doc[end + 1:min(len(doc), end + 5)])


def _compass_name(name: str) -> bool:
    """A region name made only of compass words ("North East", "Central", "Upper West")."""
    words = fold(name).split()
    return bool(words) and all(w in COMPASS_NAME_WORDS for w in words)


def _same_name(name: str, written: str) -> bool:
    """A place's own name, or a spelling of it ("al-Hasakeh" for Al-Hasakah, "Tell Abiad" for Tall
    Abyad), rather than another of its names ("Elenovka", Sevan's old one)."""
    a, b = fold(name), fold(written)
    return a == b or (a[:1] == b[:1] and consonants(a).replace(" ", "") == consonants(b).replace(" ", ""))


def _sponsor(ent: Span) -> bool:
    """"Saudi-led", "Iranian-backed", "a Turkey backed faction": who leads or backs a force."""
    doc = ent.doc
    hyphen = ent.end < len(doc) and doc[ent.end].text in ("-", "–")
    after = ent.end + 1 if hyphen else ent.end
    if after >= len(doc) or doc[after].lower_ not in SPONSOR_WORDS:
        return False
    # without a hyphen only a participle modifying what follows ("a Turkey backed faction"), not a
    # verb ("the protest in Kano led to clashes")
    return hyphen or (doc[after].tag_ == "VBN" and doc[after].dep_ in ("amod", "compound", "acl")
                      and doc[after].lower_ not in ("armed", "run", "made", "based"))


def _in_region_list(span: Span) -> bool:
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


def _unit_countries(span: Span) -> set[str]:
    """The countries the administrative unit words of a bracketed list belong to ("Rafi LGA")."""
    doc = span.doc
    found = set()
    for tok in reversed(list(doc[max(0, span.start - 8):span.start])):
        if tok.text == "(":
            break
        if tok.lower_ in NATIONAL_UNIT_WORDS:
            found.add(NATIONAL_UNIT_WORDS[tok.lower_])
    return found


def _after_place(ent: Span, places: list[Span]) -> bool:
    """"Tijuana, Baja California", "Oicha (Beni, Nord-Kivu)": a name written right after
    another place, which makes it that place's region."""
    return any(0 < ent.start - other.end <= 1 and ent.doc[other.end:ent.start].text in (",", "(")
               for other in places)


def _extended(ent: Span, gazetteer) -> Span:
    """The model's "Foz" of "Foz do Iguacu": a name continued by a particle and a name, when
    the gazetteer knows the longer one."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES:
        # "de" + "los" + "Reyes": one or two particles, then a name
        step = 2 if end + 2 < len(doc) and doc[end + 1].lower_ in NAME_PARTICLES else 1
        if not _starts_name(doc[end + step]):
            break
        longer = doc[ent.start:end + step + 1]
        if not gazetteer.candidates(longer.text):
            break
        end += step + 1
    # the model's "Al" of "Al Bab": a name continued by capitalised words the gazetteer knows with it
    for extra in (1, 2):
        if end + extra <= len(doc) and all(_starts_name(t) for t in doc[end:end + extra]) \
                and gazetteer.candidates(doc[ent.start:end + extra].text) \
                and (doc[ent.start:end].text.lower() in NAME_PARTICLES
                     or not gazetteer.candidates(doc[ent.start:end].text)):
            end += extra
            break
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _extended_left(ent: Span, gazetteer) -> Span:
    """The model's "Rocha" of "Catole do Rocha", "Taran" of "Tarn Taran": a name preceded by
    capitalised words (and particles) the gazetteer knows with it."""
    doc = ent.doc
    for start in (ent.start - 1, ent.start - 2, ent.start - 3):
        if start < 0 or not _starts_name(doc[start]):
            continue
        words = doc[start:ent.start]
        if all(_starts_name(t) or t.lower_ in NAME_PARTICLES for t in words) \
                and not any(t.ent_type_ and t.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG") for t in words) \
                and gazetteer.candidates(doc[start:ent.end].text):
            return Span(doc, start, ent.end, label=ent.label_)
    return ent


def _name_parts(ent: Span) -> list[Span]:
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


def _region_word_after(ent: Span) -> bool:
    """"Deir ez-Zor province", "Zhari district", "southern Idlib": a region's name."""
    doc = ent.doc
    words = REGION_WORDS - {"area", "valley", "countryside"}
    if len(ent) > 1 and ent[-1].lower_ in words:  # the model's span "Kandahar province"
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in words


NAME_PARTICLES = {"de", "la", "del", "de los", "do", "da", "dos", "das", "al", "el", "ad", "ash", "as", "ar",
                  "bin", "ibn", "abu", "van", "von", "di", "le", "les", "e", "los", "las", "du", "des"}  # "e": the Persian ezafe ("Kut e Abdollah")


def _starts_name(tok: Token) -> bool:
    # "Dar'a" is not title case to Python, but is written as a name
    titled = tok.is_title or (tok.text[:1].isupper() and tok.text[1:2].islower())
    return tok.pos_ == "PROPN" or (titled and tok.pos_ in ("NOUN", "ADJ") and tok.i > tok.sent.start
                                   and not tok.is_stop)


def _undertaker(noun: Token, ctx: "_DocContext") -> list[Token]:
    """Who carried out what a noun names: "an operation by police", "a Taliban raid",
    "operations carried out by the Gendarmerie", "police carried out an operation"."""
    out: list[Token] = []
    for x in noun.children:
        if x.dep_ == "prep" and x.lower_ == "by":
            out.extend(y for y in x.children if y.dep_ == "pobj")
        elif x.dep_ in ("poss", "compound", "amod") and x.i in ctx.by_token \
                and ctx.by_token[x.i].actor.category not in (None, "Civilians", "Person"):
            out.append(x)
        elif x.dep_ == "acl" and x.tag_ == "VBN":
            for y in x.children:
                if y.dep_ == "agent":
                    out.extend(z for z in y.children if z.dep_ == "pobj")
    if not out and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        out.extend(x for x in noun.head.children if x.dep_ == "nsubj")
    return out


def _stranded_subject(verb: Token, ctx: "_DocContext") -> Token | None:
    """A subject the parse hung on the list of places before it ("in Maungdaw Township,
    Rakhine State, the Myanmar border guard force shot two men"): the actor right before a
    verb that has no subject of its own."""
    if verb.i == 0 or verb.dep_ != "ROOT" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    tok, found = verb.doc[verb.i - 1], None
    while tok.i != verb.i and tok.right_edge.i == verb.i - 1 and tok.head.i != tok.i:
        if tok.dep_ in ("conj", "appos", "pobj") and tok.i in ctx.by_token and not (
                tok.dep_ == "pobj" and tok.head.lower_ in ("with", "against", "between", "by", "on")):
            found = tok  # the widest such phrase ending right before the verb
        tok = tok.head
    return found if tok.i == verb.i else None


def _verb_subjects(verb: Token) -> list[Token]:
    """A verb's own subjects, else the one it shares with the clause it depends on."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        subjects = [s for s in [_inherited_subject(verb)] if s is not None]
    return subjects


def _inherited_subject(verb: Token) -> Token | None:
    """The subject a verb shares with the clause it depends on ("hiding after fleeing X",
    "vowed to attack"), found by climbing xcomp/advcl/conj/pcomp links."""
    current = verb
    for _ in range(4):
        if current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "acl"):
            return None
        if current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "a Taliban sniper shot and killed": the parse made "shot" a noun
        current = current.head
        subject = next((c for c in current.children if c.dep_ in ("nsubj",)), None)
        if subject is not None:
            return subject
        # "PMF forces destroyed five IS hideouts and killed ...": the acronym read as the main
        # verb leaves the first clause as its clausal subject; its subject is the shared one
        clause = next((c for c in current.children if c.dep_ == "csubj"), None)
        if clause is not None:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def _expand(tokens: list[Token], ctx: _DocContext) -> list[ActorMention]:
    """Actor mentions for role tokens, with their conjuncts ("X and Y"), possessors and
    "of" complements ("fighters of ISIS"), and pronouns resolved to a recent actor."""
    out: list[ActorMention] = []
    seen = set()

    def push(m):
        if m is not None and id(m) not in seen:
            seen.add(id(m))
            out.append(m)

    for tok in tokens:
        group = [tok, *[c for c in tok.conjuncts]]
        for t in group:
            push(_actor_at(t, ctx))
    return out


def _sides(tokens: list[Token], ctx: _DocContext) -> list[ActorMention]:
    """The sides of "between X and Y" / "with X". When the parse loses the coordination
    ("fighters loyal to al-Baghdadi and militants led by al-Jazairi"), the distinct named
    actors inside the phrase, in order, are the sides."""
    sides = _expand(tokens, ctx)
    named: list[ActorMention] = []
    for tok in tokens:
        for t in tok.subtree:
            m = ctx.by_token.get(t.i)
            proper = m is not None and ctx.doc[m.start:m.end].root.pos_ == "PROPN"
            if proper and m.actor.named and all(m.actor.key != n.actor.key for n in named):
                named.append(m)
    if len(named) >= 2 and len({m.actor.key for m in sides}) < 2:
        return named
    return sides


def _actor_at(tok: Token, ctx: _DocContext) -> ActorMention | None:
    """The most specific actor mention a role token stands for."""
    named_inside = [ctx.by_token[c.i] for c in _own_phrase(tok)
                    if c.i in ctx.by_token and ctx.by_token[c.i].actor.named and c.i != tok.i
                    and (c.dep_ in ("compound", "poss", "pobj", "appos", "nmod")
                         or (c.dep_ == "amod" and not _against(c)))]  # "pro-Houthi groups"
    # "ISIS terror chief Abu Bakr al-Baghdadi": the person the title belongs to
    persons = [m for m in named_inside if m.actor.category == "Person"
               and ctx.doc[m.start].head.i == tok.i and ctx.doc[m.start:m.end].root.dep_ in ("appos", "compound")]
    if persons:
        return persons[0]
    own = ctx.by_token.get(tok.i)
    if own is not None and own.actor.named:
        return own
    if named_inside:
        named = named_inside[0]
        if (named.actor.category is None or (named.actor.category == "Person" and ctx.doc[named.start:named.end].root.dep_ == "compound")) \
                and own is not None and own.actor.category in ARMED_CATEGORIES:
            # "SSPDF soldiers": an organisation the lexicon lacks takes its members' category
            named.actor.category = own.actor.category
            named.actor.country = named.actor.country or own.actor.country
        return named
    if own is not None and tok.lemma_.lower() in MEMBER_WORDS:
        # "a member of the regime's Air Force Intelligence": a member of an armed side (the
        # parse may hang the "of" on the noun before: "forces and members of the ELN")
        preps = list(tok.children)
        if tok.dep_ == "conj":
            preps += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
        for c in preps:
            if c.dep_ == "prep" and c.lower_ == "of":
                for x in c.subtree:
                    if x.i in ctx.by_token and ctx.by_token[x.i].actor.category in ARMED_CATEGORIES:
                        return ctx.by_token[x.i]
    if own is not None:
        return own
    if tok.lemma_.lower() == "of" or tok.pos_ == "NUM":
        for c in tok.subtree:
            if c.i in ctx.by_token:
                return ctx.by_token[c.i]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for x in c.subtree:
                if x.i in ctx.by_token:
                    return ctx.by_token[x.i]
    # "an operation by special forces killed ...", "a landmine planted by regime forces
    # exploded": the thing that acted was done by the agent
    for c in tok.children:
        holders = [c] if (c.dep_ == "prep" and c.lower_ == "by") else \
            [x for x in c.children if x.dep_ == "agent"] if c.dep_ == "acl" else []
        for holder in holders:
            for x in holder.subtree:
                if x.i in ctx.by_token and x.i != tok.i and ctx.by_token[x.i].actor.category != "Civilians":
                    return ctx.by_token[x.i]
    if tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _antecedent(tok, ctx)
    # "in Tijuana, Baja California, a police officer was shot": the subject the model took for
    # an apposition of the place before it
    for c in tok.children:
        if c.dep_ == "appos" and c.i in ctx.by_token:
            return ctx.by_token[c.i]
    # "army positions", "a police station", "the militia's base": the armed side they belong
    # to; "a joint military and police team": the side it is made of
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in ctx.by_token \
                and ctx.by_token[c.i].actor.category in ARMED_CATEGORIES:
            return ctx.by_token[c.i]
    return None


def _against(tok: Token) -> bool:
    """"anti-Houthi": the word names the other side."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "counter")


def _own_phrase(tok: Token):
    """The words of a noun's phrase that can name who it is ("ISIS terror chief Abu Bakr
    al-Baghdadi", "fighters of ISIS"), leaving out clauses about something else ("an
    airstrike targeting a Houthi position")."""
    yield tok
    conjuncts = [c.i for c in tok.children if c.dep_ == "conj"]
    for child in tok.children:
        if conjuncts and child.dep_ == "prep" and child.i > min(conjuncts):
            continue  # "military forces and members of the ELN": the "of" is the conjunct's
        if child.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "cc") or (
                child.dep_ == "prep" and child.lower_ not in ("of", "from")):
            continue
        yield from _own_phrase(child)


def _antecedent(pronoun: Token, ctx: _DocContext) -> ActorMention | None:
    """A pronoun's actor: the subject of the reporting verb above it ("militias said they
    fired"), else the nearest earlier actor of the right kind within three sentences."""
    verb = pronoun.head
    is_object = pronoun.dep_ in ("dobj", "pobj", "dative", "iobj")
    own_subjects = set()
    if is_object:  # "forces ... fired at them": them is not the forces
        clause = verb.head if pronoun.dep_ == "pobj" else verb
        clauses = [clause]  # "police intervened and detained them": the shared subject too
        while clauses[-1].dep_ == "conj" and clauses[-1].head.i != clauses[-1].i:
            clauses.append(clauses[-1].head)
        own_subjects = {ctx.by_token[c.i].start for verb_ in clauses for c in verb_.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i in ctx.by_token}
    for anc in ([] if is_object else verb.ancestors):
        subject = next((c for c in anc.children if c.dep_ == "nsubj" and c.i in ctx.by_token), None)
        if subject is not None:
            return ctx.by_token[subject.i]
    want_person = pronoun.lower_ in PERSON_PRONOUNS
    sent_start = pronoun.sent.start
    earlier = [m for m in ctx.mentions if m.end <= pronoun.i]
    for m in reversed(earlier):
        if ctx.doc[m.start].sent.start < sent_start and pronoun.i - m.end > 120:
            break
        if want_person != (m.actor.category == "Person") or m.start in own_subjects:
            continue
        if not want_person and m.actor.category is None \
                and ctx.doc[m.start:m.end].root.morph.get("Number") == ["Sing"]:
            continue  # "they" is not "the Sub-Divisional Officer"
        return m
    return None


UNKNOWN_WORDS = {"unidentified", "unknown", "masked", "unnamed", "anonymous", "suspected"}


def _armed_by_members(mentions: list[ActorMention], doc: Doc) -> None:
    """"AGuH militants", "SSPDF soldiers": an organisation the lexicon lacks, named as the
    kind of its armed members, is of their category wherever the article names it."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    kinds: dict[str, Actor] = {}
    for m in mentions:
        if not m.actor.named or m.actor.category is not None:
            continue
        root = doc[m.start:m.end].root
        members = by_token.get(root.head.i) if root.dep_ == "compound" else None
        if members is not None and not members.actor.named and members.actor.category in ARMED_CATEGORIES:
            kinds.setdefault(m.actor.key, members.actor)
    for m in mentions:
        kind = kinds.get(m.actor.key)
        if kind is not None and m.actor.named and m.actor.category is None:
            m.actor.category = kind.category
            m.actor.country = m.actor.country or kind.country


def _resolve_generic_armed(mentions: list[ActorMention], doc: Doc | None = None) -> None:
    """'the militants', 'the terror group': the article's main named non-state armed
    group when there is exactly one dominant one; never 'unidentified gunmen'."""
    counts = Counter(m.actor.key for m in mentions
                     if m.actor.named and m.actor.category in ("Rebel group", "Political militia"))
    if not counts:
        return
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return
    main_key = ranked[0][0]
    main = next(m.actor for m in mentions if m.actor.key == main_key)
    for m in mentions:
        if not m.actor.named and m.actor.label.startswith("Unidentified Armed Group"):
            if doc is not None and any(t.lower_ in UNKNOWN_WORDS for t in doc[max(0, m.start - 3):m.end]):
                continue
            m.actor = main





def _group_sentence(mentions: list[Mention], violent_types: set[str], top_of) -> list[Mention]:
    """One event per happening in a sentence: death reports and generic violence join the
    sentence's specific event; a weapon cue decides the type of generic violence."""
    specific = [m for m in mentions if m.event_type not in ("@death", "@violence")]
    violence = [m for m in mentions if m.event_type == "@violence"]
    deaths = [m for m in mentions if m.event_type == "@death"]
    violent_specific = [m for m in specific if m.event_type in violent_types]
    out: list[Mention] = []
    for m in specific:
        if out and out[-1].event_type == m.event_type:
            _absorb(out[-1], m)
            continue
        out.append(m)
    for m in violence:
        host = next((s for s in violent_specific if s.cue), None) or (violent_specific[0] if violent_specific else None)
        if host is not None:
            _absorb(host, m)
        else:
            out.append(m)
    if deaths and not out:
        first = deaths[0]
        for d in deaths[1:]:
            _absorb(first, d)
        out.append(first)
    elif deaths:
        for d in deaths:
            _absorb(out[0], d, victims_only=True)
    out.sort(key=lambda m: m.head.i)
    clash = next((m for m in out if m.event_type == "armed-clash" and m.cue), None)
    if clash is not None:
        # small arms among the weapons, or fire exchanged: a battle, not shelling
        for m in [m for m in out if top_of(m.event_type) == "explosions-remote-violence"]:
            _absorb(clash, m)
            out.remove(m)
    merged: list[Mention] = []
    for m in out:
        same = next((x for x in merged if top_of(x.event_type) == top_of(m.event_type)
                     and top_of(m.event_type) != "strategic-developments"), None)
        if same is not None:
            # one happening told with several words of one family ("an IED exploded",
            # "shelling ... mortars"): the word that names the weapon decides the type
            if m.cue and not same.cue:
                same.event_type, same.cue = m.event_type, True
            _absorb(same, m)
        else:
            merged.append(m)
    return merged


def _absorb(host: Mention, other: Mention, victims_only: bool = False) -> None:
    for role, actors in other.roles.items():
        if victims_only and role != "victim":
            continue
        target_role = role
        if role == "actor2" and (host.event_type in ONE_SIDED or host.event_type == "@death"):
            target_role = "victim"
        existing = host.roles.setdefault(target_role, [])
        for a in actors:
            if all(a.actor.key != e.actor.key for e in existing):
                existing.append(a)
    if other.event_type == "@violence" and host.event_type == "@violence" and other.cue:
        host.cue = True


def _merge(raw: list[tuple[Mention, Event]], violent_types: set[str]) -> list[Event]:
    """Merge mentions of one happening across sentences.

    A later mention joins an earlier event of the same type when it is anaphoric
    ("the clash", "there was a clash", "the coup leader") or underspecified (no own
    date and place), and nothing they say conflicts. A bare death report joins the
    nearest violent event. "X during Y" records X as part of Y and lends X Y's actors."""
    events: list[Event] = []
    head_to_event: dict[int, int] = {}
    for mention, event in raw:
        target = None
        for index in range(len(events) - 1, -1, -1):
            if _compatible(events[index], event, violent_types):
                target = index
                break
        if target is None and events and _riot_sequel(events[-1], event):
            # "Residents demonstrated in Kayes. Tyres were burned and police posts vandalized."
            events[-1].event_type = "violent-demonstration"
            target = len(events) - 1
        if target is None and events and _damage_sequel(events[-1], event, violent_types):
            target = len(events) - 1  # "Militants attacked the village. They destroyed ten houses."
        protest = next((n for n in range(len(events) - 1, -1, -1)
                        if _intervention_sequel(events[n], event)), None) if target is None else None
        if protest is not None:
            # "Dozens protested in Pinsk. Two were arrested by the police": the arrests are
            # the intervention in the protest, and the police its second side (ACLED's coding)
            if events[protest].event_type == "peaceful-protest":
                events[protest].event_type = "protest-with-intervention"
            target = protest
            event = _as_intervener(event)
        if target is not None:
            _combine(events[target], event)
            head_to_event[mention.head.i] = target
        else:
            events.append(event)
            head_to_event[mention.head.i] = len(events) - 1
    # bare death reports
    kept: list[Event] = []
    index_map = {}
    for i, ev in enumerate(events):
        if ev.event_type == "@death":
            host = _nearest_violent(events, i, violent_types)
            if host is not None:
                _combine(events[host], ev)
                index_map[i] = host
                continue
            # a killing nobody is said to have fought: an attack, unless the dead were armed
            armed = any(p.role == "victim" and p.actor.category in ARMED_CATEGORIES for p in ev.participants)
            ev.event_type = "armed-clash" if armed else "attack"
        index_map[i] = i
    for i, ev in enumerate(events):
        if index_map[i] == i:
            kept.append(ev)
    position = {id(ev): n for n, ev in enumerate(kept)}
    for ev in kept:
        head = ev.part_of_head
        if head is not None and head.i in head_to_event:
            parent = events[index_map[head_to_event[head.i]]]
            if parent is not ev:
                ev.part_of = position[id(parent)]
                _lend_actors(parent, ev)
    return kept


def _riot_sequel(earlier: Event, later: Event) -> bool:
    """Damage or violence by no named armed actor, told right after a demonstration, is
    the demonstration turning violent."""
    if earlier.event_type not in ("peaceful-protest", "protest-with-intervention", "violent-demonstration"):
        return False
    if (later.raw_type or later.event_type) not in RIOT_PARTS:
        return False
    if any(p.role == "actor1" and p.actor.named and p.actor.category in ARMED_CATEGORIES
           for p in later.participants):
        return False
    return later.sentences[0].start - earlier.sentences[-1].end < NEARBY_CHARS


def _damage_sequel(earlier: Event, later: Event, violent_types: set[str]) -> bool:
    """Damage told right after an attack, with no place or date of its own, is what the attack did."""
    return (later.event_type == "looting-property-destruction" and later.trigger.text.lower().startswith(
        ("destroy", "smash")) and earlier.event_type in violent_types
            and (later.place is None or later.place_inferred)
            and (later.time is None or earlier.time is None or later.time.time == earlier.time.time)
            and 0 <= later.sentences[0].start - earlier.sentences[-1].end < NEARBY_CHARS)


def _intervention_sequel(earlier: Event, later: Event) -> bool:
    """Arrests of demonstrators by state forces, told after a peaceful demonstration in a
    later sentence of the same passage, with no place or date of their own."""
    if earlier.event_type not in DEMONSTRATIONS or later.event_type not in ("arrests", "protest-with-intervention"):
        return False
    if later.sentences[0].start <= earlier.sentences[-1].start \
            or later.sentences[0].start - earlier.sentences[-1].end >= NEARBY_CHARS:
        return False
    if later.time is not None and later.time.span is not None and earlier.time is not None \
            and earlier.time.time != later.time.time:
        return False
    if later.place is not None and not later.place_inferred and earlier.place is not None \
            and later.place.place is not None and earlier.place.place is not None \
            and later.place.place.id != earlier.place.place.id:
        return False
    crowd = {p.actor.key for p in earlier.participants if p.role == "actor1"}
    if later.event_type == "protest-with-intervention":  # "Police dispersed the crowd"
        return all(p.actor.key in crowd or p.actor.category in CROWD_CATEGORIES or p.role == "actor2"
                   for p in later.participants)
    arresters = [p.actor for p in later.participants if p.role == "actor1"]
    detained = [p.actor for p in later.participants if p.role in ("victim", "actor2")]
    return all(a.category == "State forces" for a in arresters) and all(
        a.key in crowd or a.category in CROWD_CATEGORIES and not a.named for a in detained)


def _as_intervener(arrest: Event) -> Event:
    """The arrest with its arresters as the second side and the arrested left out (they are
    the demonstrators); of a dispersal, only its second side (the police)."""
    if arrest.event_type != "arrests":
        return replace(arrest, participants=[p for p in arrest.participants if p.role == "actor2"])
    kept = [Participant("actor2", p.actor, p.span) for p in arrest.participants if p.role == "actor1"]
    return replace(arrest, participants=kept)


def _compatible(earlier: Event, later: Event, violent_types: set[str]) -> bool:
    if later.event_type == "@death" or earlier.event_type == "@death":
        return False
    anaphoric = later.anaphoric
    nearby = later.sentences[0].start - earlier.sentences[-1].end < NEARBY_CHARS
    if earlier.event_type != later.event_type:
        # "the attack" after "a roadside bomb struck", "the strikes targeted" after "fired
        # missiles": a generic word of violence points back to the event just told
        if not ((anaphoric or nearby) and later.raw_type == "@violence"
                and not later.cue and earlier.event_type in violent_types):
            return False
    underspecified = later.time is None and (later.place is None or later.place_inferred)
    if not (anaphoric or underspecified or nearby):
        return False
    if earlier.time and later.time and earlier.time.time and later.time.time:
        a, b = earlier.time.time, later.time.time
        if a.latest < b.earliest or b.latest < a.earliest:
            return False
    if earlier.place and later.place and earlier.place.place and later.place.place \
            and not earlier.place_inferred and not later.place_inferred:
        if earlier.place.place.id != later.place.place.id and \
                earlier.place.place.feature == later.place.place.feature == "city":
            return False
    # two different named perpetrators are two events, unless the later text points back
    side = {p.actor.key for p in earlier.participants if p.actor.named and p.role == "actor1"}
    other = {p.actor.key for p in later.participants if p.actor.named and p.role == "actor1"}
    if side and other and not side & other and not anaphoric:
        return False
    return True


def _nearest_violent(events: list[Event], i: int, violent_types: set[str]) -> int | None:
    best = None
    for j, ev in enumerate(events):
        if j == i or ev.event_type not in violent_types:
            continue
        if best is None or abs(j - i) < abs(best - i):
            best = j
    return best


def _combine(host: Event, other: Event) -> None:
    if any(p.role == "actor1" and p.actor.named for p in other.participants):
        # the attacker named later ("blamed the Taliban") replaces the unidentified placeholder
        host.participants = [p for p in host.participants
                             if not (p.role == "actor1" and not p.actor.named
                                     and p.actor.label.startswith("Unidentified Armed Group"))]
    host_has_actor1 = any(p.role == "actor1" for p in host.participants)
    for p in other.participants:
        if host_has_actor1 and p.role == "actor1" and not p.actor.named \
                and p.actor.label.startswith("Unidentified Armed Group"):
            continue
        role = p.role
        if role == "victim" and host.event_type not in ONE_SIDED:
            role = "victim"
        if all(not (q.actor.key == p.actor.key and q.role == role) for q in host.participants):
            host.participants.append(Participant(role, p.actor, p.span))
    told = {(span.start, span.end) for span in host.sentences}  # a set: a long article merges thousands
    host.sentences.extend(span for span in other.sentences if (span.start, span.end) not in told)
    other_own = other.place is not None and not other.place_inferred
    if host.place is None or (host.place.place is None and other_own and other.place.place) or (
            host.place_inferred and other_own):
        host.place = other.place
        host.place_inferred = other.place_inferred
    if host.time is None and other.time is not None:
        host.time = other.time
    if other.fatalities is not None:
        if host.fatalities is None:
            host.fatalities = other.fatalities
        elif ADDITIVE.search(other.sentences[0].text) and other.sentences[0] not in host.sentences[:-1]:
            # "2 soldiers were killed ... 7 militants were also killed": 9 in all
            host.fatalities = CountClaim(host.fatalities.value + other.fatalities.value, host.fatalities.span)
        elif other.fatalities.value < host.fatalities.value:
            host.fatalities = other.fatalities  # conflicting reports: the lower, as ACLED codes
    if other.injured is not None and host.injured is None:
        host.injured = other.injured
    if host.part_of_head is None:
        host.part_of_head = other.part_of_head
    if host.attribution is None and other.attribution is not None:
        host.attribution = other.attribution
        if host.modality == "asserted" and other.modality in ("reported", "claimed"):
            host.modality = other.modality


def _lend_actors(parent: Event, child: Event) -> None:
    """A clash during a coup is fought between the coup's sides, when the clash's own
    text gives no two distinct sides ("fighting between the militants during the coup")."""
    side1 = {p.actor.key for p in child.participants if p.role == "actor1"}
    side2 = {p.actor.key for p in child.participants if p.role == "actor2"}
    if side1 and side2 and side1 != side2:
        return
    a1 = [p for p in parent.participants if p.role == "actor1" and p.actor.named]
    a2 = [p for p in parent.participants if p.role in ("actor2", "victim") and p.actor.named]
    if not a1 or not a2:
        return
    keep = [p for p in child.participants if p.role not in ("actor1", "actor2")]
    child.participants = keep + [Participant("actor1", p.actor, p.span) for p in a1] + \
        [Participant("actor2", p.actor, p.span) for p in a2]


def count_casualties(sent: Span, lexicon: Lexicon) -> tuple[CountClaim | None, CountClaim | None]:
    """People killed and injured that a sentence reports, as (killed, injured).

    Counts the victims of death and injury words ("two people were killed", "killing 3
    militants and 1-2 policemen", "the death of 12"), summing coordinated groups and
    taking the lower bound of ranges; "no casualties" is 0 killed."""
    killed = injured = None
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in ("casualty", "fatality", "death", "dead", "life", "body", "corpse") or \
                lemma in DEATH_VERBS | INJURY_WORDS:
            if any(c.lower_ in ("no", "zero") for c in tok.children if c.dep_ == "det") or \
                    any(c.lower_ in ("nobody", "no one", "none") for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
                if lemma in INJURY_WORDS or lemma == "injury":
                    injured = injured or CountClaim(0, _text_span(sent.doc[tok.i:tok.i + 1]))
                else:
                    killed = killed or CountClaim(0, _text_span(sent.doc[tok.i:tok.i + 1]))
                continue
            if lemma in ("casualty", "life") and not (lemma == "life" and tok.head.lemma_ == "lose"):
                continue
            if lemma in ("body", "corpse") and tok.head.lemma_.lower() not in FOUND_VERBS:
                continue
            victims = _victims_of(tok)
            total = 0
            spans = []
            for v in victims:
                value = count_of(v)
                if value is not None:
                    total += value
                    spans.append(v)
            if not spans:
                continue
            first, last = min(s.left_edge.i for s in spans), max(s.right_edge.i for s in spans)
            claim = CountClaim(total, _text_span(sent.doc[first:last + 1]))
            if lemma in INJURY_WORDS:
                injured = injured or claim
            elif killed is None or (killed.value == 0 and total):
                killed = claim
    return killed, injured


def _victims_of(tok: Token) -> list[Token]:
    """The noun phrases (with their conjuncts) that a death or injury word counts."""
    lemma = tok.lemma_.lower()
    found: list[Token] = []
    if lemma in ("death", "fatality", "dead", "body", "corpse"):
        if any(c.dep_ == "nummod" for c in tok.children):
            return [tok]  # "3 dead", "2 fatalities", "two bodies"
        found += [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for x in c.children if x.dep_ == "pobj"]
        if tok.dep_ == "pobj" and tok.head.lower_ == "to":  # "beaten to death"
            found += _patients(tok.head.head)
        if lemma == "dead":
            found += [c for c in tok.children if c.dep_ == "nsubj"]
            if tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "ccomp", "dobj"):
                found += _patients(tok.head) + [c for c in tok.head.children if c.dep_ == "nsubj"]
            if tok.dep_ in ("amod", "npadvmod"):
                found.append(tok.head)
    elif lemma == "life":
        found += [c for c in tok.head.children if c.dep_ == "nsubj"]
    elif lemma == "die":
        found += [c for c in tok.children if c.dep_ == "nsubj"]
    else:
        found += _patients(tok)
    out = []
    for f in found:
        out.append(f)
        out.extend(f.conjuncts)
    return list(dict.fromkeys(out))


def _patients(verb: Token) -> list[Token]:
    """Who undergoes a verb: the passive subject or the object, shared with a coordinated
    verb ("was attacked and beaten"), or the noun a participle modifies ("people killed")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    found = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not found and verb.dep_ == "conj":
        found = _patients(verb.head)
    if not found and verb.dep_ in ("acl", "amod", "relcl") and verb.tag_ == "VBN":
        found = [verb.head]
    return found


def _looks_like_person(ent: Span) -> bool:
    """spaCy's small model tags some Arabic names as ORG ("Al-Baghdadi")."""
    return bool(re.match(r"^(?:al|el|abu|abd|ibn|bin)[-\s]", ent.text, re.I)) and len(ent) <= 4


def _is_media(ent: Span) -> bool:
    return any(t.lower_ in MEDIA_WORDS for t in ent)


def _name_words(name: str) -> set[str]:
    words = re.split(r"[\s\-–]+", name.lower())
    return {w for w in words if w not in ("al", "el", "abu", "bin", "ibn", "the")}


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    text = text.strip(" '\"‘’“”")
    text = re.sub(r"(?<=\w)[’']s$", "", text)  # "al-Baghdadi's" is al-Baghdadi
    if text[:3].lower() == "al-":
        text = "al-" + text[3:]
    return text


def _text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


def _maybe_span(span: Span | None) -> TextSpan | None:
    return _text_span(span) if span is not None else None

