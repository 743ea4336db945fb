"""Actor mentions of an article: known actors, people, organisations the lexicon lacks, and
unnamed groups by their nouns ("Syrian soldiers", "gunmen") as ACLED-style generic actors.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..lexicon import ARMED_CATEGORIES, slug
from ..model import Actor
from ..nlp.known_actors import ACRONYMS, NAMES
from ..nlp.spans import clean_name, entities, is_media, looks_like_person, name_words
from ..nlp.triggers import SPANS_KEY as TRIGGERS
from ..settings import words
from .context import ActorMention

UNKNOWN_WORDS = words("unknown")
COMMUNITY_PREPS = words("community-prep")
REBEL_NAME_WORDS = words("rebel-name")
REBEL_NAME_HEADS = words("rebel-name-head")
STATE_FORCE_NAME_HEADS = words("state-force-name-head")
ORGANISATION_NAME_HEADS = words("organisation-name-head")
#: Dependencies only a noun phrase's head takes.
NOUN_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos")
#: The ACLED category of an unnamed armed group, by its actor noun's kind: "gunmen" are an
#: unidentified armed group (a political militia), "insurgents" and "separatists" a rebel group.
GENERIC_CATEGORIES = {"armed": "Political militia", "rebel": "Rebel group"}
#: Labels of unnamed armed groups that stand for the article's main named armed group.
GENERIC_ARMED_LABELS = ("Unidentified Armed Group", "Unidentified Rebel Group")


def actor_mentions(res, doc: Doc, main_country: str | None,
                    place_tokens: set[int]) -> list[ActorMention]:
    found: list[ActorMention] = []
    taken: set[int] = set()

    def add(start, end, actor):
        if any(i in taken for i in range(start, end)):
            return
        taken.update(range(start, end))
        found.append(ActorMention(start, end, actor))

    matches = [(span.start, span.end, span.label_, True) for span in doc.spans.get(NAMES, ())]
    matches += [(span.start, span.end, span.label_, False) for span in doc.spans.get(ACRONYMS, ())
                if span.text.isupper() or span.text in res.known[span.label_].aliases]
    for start, end, key, _ in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        known = res.known[key]
        add(start, end, Actor(known.id, known.name, known.category, known.country or None,
                              known.wikidata or None, set(known.aliases)))
    country_name = res.gazetteer.country_name(main_country) if main_country else None
    persons: dict[str, Actor] = {}
    # full names first, so that "Baghdadi" joins "Abu Bakr al-Baghdadi" wherever each comes
    person_ents = [e for e in entities(doc) if not any(t.i in place_tokens for t in e) and person_name(res, e)]
    for ent in sorted(person_ents, key=lambda e: (-len(name_words(clean_name(e.text))), e.start)):
        person_actor(res, ent, persons)
    for ent in entities(doc):
        if any(t.i in place_tokens for t in ent):
            continue
        group = group_noun(res, ent)
        if group is not None and all(t.lower_ in res.demonyms or t.lower_ in UNKNOWN_WORDS for t in ent[:-1]):
            continue  # "Suspected Maoists", "Syrian Rebels": the group noun alone, read below
        if group is not None:
            # "Baloch Separatists blew up a pipeline", "Suspected Maoists attacked": a people's or
            # movement's name before a plural armed noun, which the model may take for a person's
            # name, is an armed group of the noun's kind
            label = clean_name(ent.text)
            category = None if group.category == "armed" else GENERIC_CATEGORIES.get(group.category, group.category)
            add(ent.start, ent.end, Actor(slug(label), label, category, country_name))
        elif person_name(res, ent):
            actor = person_actor(res, ent, persons)
            add(ent.start, ent.end, actor)
        elif (ent.label_ == "ORG" or organisation_name(ent)) and not is_media(ent):
            words = name_words(clean_name(ent.text))
            person = next((p for p in persons.values() if words and words <= name_words(p.label)), None)
            if person is not None:  # "Baghdadi" tagged as an organisation after the full name
                person.aliases.add(clean_name(ent.text))
                add(ent.start, ent.end, person)
            else:
                # "Islah-affiliated Special Forces", "the Rapid Intervention Police": an
                # organisation the lexicon lacks is of the kind its last word names
                last = ent[-1]
                noun = next((res.lexicon.actor_nouns[w] for w in (last.lemma_.lower(), last.lower_, last.lower_[:-1])
                             if w in res.lexicon.actor_nouns), None) if last.text[:1].isupper() else None
                category = (GENERIC_CATEGORIES.get(noun.category, noun.category) if noun.category != "armed" else None) \
                    if noun is not None and is_armed(noun) else None
                if category is None and name_head(ent).lower_ in STATE_FORCE_NAME_HEADS and name_head(ent).text[:1].isupper():
                    # "the Assam Rifles", "the Punjab Regiment", "the Rapid Action Battalion": a
                    # regiment, rifles or battalion is a force of the state
                    category = "State forces"
                if name_head(ent).lower_ in REBEL_NAME_HEADS and any(t.lower_ in REBEL_NAME_WORDS for t in ent):
                    # "the Chin Independence Army", "a Liberation Front", "the Army of National
                    # Liberation": an army whose name says it fights for liberation or
                    # independence is a rebel group, not the state's
                    category = "Rebel group"
                # "the Kenyan Coast Guard Unit": a nationality in the name says whose
                country = next((res.demonyms[t.lower_] for t in ent if t.lower_ in res.demonyms), country_name)
                add(ent.start, ent.end, Actor(slug(ent.text), clean_name(ent.text), category, country))
    for token in reversed(doc):  # heads first: "police officers" before "police"
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") and not (
                # "governmental positions", "a military convoy": whose post it is
                token.dep_ == "amod" and token.head.lemma_.lower() in res.lexicon.cue("military-target")) and not (
                # "by suspected Baloch separatists" tagged a verb but parsed as the noun of a phrase
                token.pos_ == "VERB" and token.dep_ in NOUN_DEPS):
            continue
        noun, start, end = actor_noun(res, token)
        if noun is not None and start < token.i and any(i in taken for i in range(start, token.i)):
            # "Zorba Border Security forces": the name the model found holds the modifier;
            # the noun alone says what its people are (and so what the name is)
            noun, start, end = actor_noun(res, token, alone=True)
        if noun is None:
            continue
        country = country_of(res, token) or country_name
        if noun.category == "Civilians" and unknown_attacker(res, token):
            noun = res.lexicon.actor_nouns["gunman"]
        if noun.label.startswith("Militia") and communal(res, token):
            noun = res.lexicon.actor_nouns["communal militia"]
        label = generic_label(noun.label, country)
        add(start, end, Actor(slug(label), label, GENERIC_CATEGORIES.get(noun.category, noun.category),
                              country, named=False))
    for token, country in states_that_attack(res, doc):
        label = generic_label(res.lexicon.actor_nouns["military"].label, country)
        add(token.i, token.i + 1, Actor(slug(label), label, "State forces", country, named=False))
    found.sort(key=lambda m: m.start)
    armed_by_members(found, doc)
    resolve_generic_armed(found, doc, res.lexicon.cue("deny"))
    return found


def person_name(res, ent: Span) -> bool:
    """Whether an entity names a person: the model's person that names no group by its last
    word, or an Arabic name it took for an organisation."""
    if ent.label_ == "ORG":
        return looks_like_person(ent)
    return ent.label_ == "PERSON" and group_noun(res, ent) is None and not organisation_name(ent)


def organisation_name(ent: Span) -> bool:
    """Whether a name the model took for a person's ends in a word for an organisation, in English
    or another language of the region ("the Torvan Janata Dal", "Torvan Sangathan", "the Torvan
    Yuva Morcha"): an organisation's name."""
    last = ent[-1]
    return ent.label_ == "PERSON" and len(ent) > 1 and last.text[:1].isupper() \
        and last.lower_ in ORGANISATION_NAME_HEADS


def group_noun(res, ent: Span):
    """The armed actor noun a name the model took for a person's or a nationality ends in as a
    plural ("Baloch Separatists", "Suspected Maoists", "Zomi Rebels"): a group, never a person;
    else None. (An organisation's name is read by its last word in :func:`actor_mentions`.)"""
    if ent.label_ not in ("PERSON", "NORP") or len(ent) < 2:
        return None
    last = ent[-1]
    if not last.text[:1].isupper() or not last.lower_.endswith("s") or last.lower_.endswith("ss"):
        return None
    noun = res.lexicon.actor_nouns.get(last.lower_[:-1])
    if noun is None or not is_armed(noun) or noun.category == "State forces":
        return None
    words = [t for t in ent.sent if t.is_alpha]
    if sum(t.text[:1].isupper() for t in words) > 0.6 * len(words):
        return None  # a headline in title case ("Syrian Rebels Take Hill")
    return noun


def name_head(ent: Span) -> Token:
    """The word an organisation's name says it is a kind of: its last word, or the last before an
    "of" phrase or a bracketed acronym ("the Army of National Liberation", "the Popular
    Liberation Front (PLF)")."""
    cut = next((t for t in ent[1:] if t.lower_ in ("of", "(")), None)
    return ent.doc[cut.i - 1] if cut is not None else ent[-1]


def states_that_attack(res, doc: Doc) -> list[tuple[Token, str]]:
    """A country named as the one that fires, shells or strikes ("Turkey began shelling",
    "shelling by Turkey") or a nationality that qualifies the weapon's use
    ("Indian fire", "Israeli airstrikes") stands for its military: (token, country)."""
    violent = violent_lemmas(res)
    found = []
    for token in doc:
        if token.dep_ in ("amod", "compound") and token.lower_ in res.demonyms \
                and token.head.lemma_.lower() in violent and token.head.pos_ == "NOUN":
            found.append((token, res.demonyms[token.lower_]))
        elif token.ent_type_ == "GPE" and token.ent_iob_ == "B" and token.i + 1 < len(doc) \
                and doc[token.i + 1].ent_iob_ != "I":
            agent = token.dep_ == "pobj" and token.head.lower_ == "by"
            verb = token.head.head if agent else token.head
            if not (agent or token.dep_ == "nsubj") or verb.i == token.i:
                continue
            acts = {verb.lemma_.lower()}
            if agent or verb.lemma_.lower() in res.lexicon.cue("light"):
                # "Turkey began shelling the town", "wounded in shelling by Turkey"
                acts |= {x.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prep")
                         for x in [c, *c.children] if x.dep_ in ("dobj", "pobj")}
            place = res.gazetteer.resolve(token.text) if acts & violent else None
            if place is not None and place.feature == "country":
                found.append((token, place.country))
    return found


def violent_lemmas(res) -> set[str]:
    """The one-word triggers of attacks, battles and explosions ("shell", "fire", "airstrike")."""
    if not hasattr(res, "_violent_lemmas"):
        violent_tops = ("battles", "explosions-remote-violence")
        res._violent_lemmas = {t.lemmas[0] for t in res.lexicon.triggers if len(t.lemmas) == 1 and (
            t.event_type == "@violence" or (not t.event_type.startswith("@")
                                            and res.lexicon.acled_types(t.event_type)[0].id in violent_tops))}
    return res._violent_lemmas


def person_actor(res, ent: Span, persons: dict[str, Actor]) -> Actor:
    """A person actor; a shorter later name ("Baghdadi") joins the full one."""
    name = clean_name(ent.text)
    key_words = name_words(name)
    for known in persons.values():
        if key_words and key_words <= name_words(known.label):
            known.aliases.add(name)
            return known
    actor = Actor(slug(name), name, "Person", None)
    persons[name] = actor
    return actor


def actor_noun(res, token: Token, alone: bool = False):
    """The actor noun a token heads, with the token range of its phrase (``alone``: of the
    token itself, not of the words before it)."""
    lemma = token.lemma_.lower()
    prev = token.doc[token.i - 1] if token.i > 0 and not alone else None
    if prev is not None and prev.dep_ in ("compound", "amod"):
        two = f"{prev.lemma_.lower()} {lemma}"
        if two in res.lexicon.actor_nouns:
            return res.lexicon.actor_nouns[two], prev.i, token.i + 1
        two = f"{prev.text.lower()} {token.text.lower()}"
        if two in res.lexicon.actor_nouns:
            return res.lexicon.actor_nouns[two], prev.i, token.i + 1
    noun = res.lexicon.actor_nouns.get(lemma) or res.lexicon.actor_nouns.get(token.text.lower())
    if noun is None and token.pos_ == "PROPN" and token.lower_.endswith("s"):
        # a plural the tagger took for a name, which leaves it unlemmatised ("Guerrillas attacked")
        noun = res.lexicon.actor_nouns.get(token.lower_[:-1])
    if noun is None:
        return None, 0, 0
    if prev is not None and prev.dep_ in ("compound", "amod"):
        # "a militia member", "a police official": the person belongs to the armed group;
        # "rebel forces", "militia fighters": the modifier says which armed side
        group = res.lexicon.actor_nouns.get(prev.lemma_.lower())
        if group is not None and is_armed(group) and group.category != noun.category \
                and prev.lemma_.lower() not in res.lexicon.cue("rivalry"):  # "a rival candidate" is none
            return group, prev.i, token.i + 1
    return noun, token.i, token.i + 1


def unknown_attacker(res, token: Token) -> bool:
    """People the text does not know who do violence ("unidentified persons shot at them",
    "gunned down by unknown men"): an unidentified armed group, not civilians. A person
    the text does not know who suffers it ("an unidentified man was found dead") stays one."""
    if not any(c.dep_ in ("amod", "compound") and c.lower_ in UNKNOWN_WORDS for c in token.children):
        return False
    if token.dep_ == "nsubj":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ in ("agent", "prep"):
        verb = token.head.head
    else:
        return False
    return any(span.start <= verb.i < span.end and violent_trigger(res, span.label_)
               for span in token.doc.spans.get(TRIGGERS, ()))


def violent_trigger(res, label: str) -> bool:
    """Whether a trigger's label names an attack, a battle or an explosion."""
    if label.startswith("@"):
        return label == "@violence"
    return res.lexicon.acled_types(label)[0].id in (
        "battles", "explosions-remote-violence", "violence-against-civilians")


def communal(res, token: Token) -> bool:
    """A militia of a place or community ("militias from Mbaivur", "local militiamen",
    "clan militiamen"): ACLED's communal militias, an identity militia."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lemma_.lower() in res.lexicon.cue("communal"):
            return True
        if child.dep_ == "prep" and child.lower_ in COMMUNITY_PREPS:
            if any(x.ent_type_ in ("GPE", "LOC", "NORP") or x.lemma_.lower() in res.lexicon.cue("communal")
                   for x in child.subtree):
                return True
    return False


def is_armed(noun) -> bool:
    return noun.category in ARMED_CATEGORIES or noun.category in GENERIC_CATEGORIES


def country_of(res, token: Token) -> str | None:
    """The country an adjective or possessive gives a group noun ("Syrian soldiers")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":  # "military forces of Armenia"
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                    place = res.gazetteer.resolve(obj.text)
                    if place is not None and place.feature == "country":
                        return place.country
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            country = res.demonyms.get(child.text.lower())
            if country:
                return country
            if child.ent_type_ == "GPE":
                place = res.gazetteer.resolve(child.text)
                if place is not None and place.feature == "country":
                    return place.country
    return None


def armed_by_members(mentions: list[ActorMention], doc: Doc) -> None:
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


def resolve_generic_armed(mentions: list[ActorMention], doc: Doc | None = None, deny=frozenset()) -> None:
    """'the militants', 'the insurgents': the article's main named non-state armed
    group when there is exactly one dominant one; never 'unidentified gunmen'. A group named
    only to deny a part in it ("X denies role", "X said it had not taken part") does not count."""
    counts = Counter(m.actor.key for m in mentions
                     if m.actor.named and m.actor.category in ("Rebel group", "Political militia")
                     and not (doc is not None and denies(doc[m.start:m.end].root, deny)))
    if not counts:
        return
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return
    main_key = ranked[0][0]
    main = next(m.actor for m in mentions if m.actor.key == main_key)
    for m in mentions:
        if not m.actor.named and m.actor.label.startswith(GENERIC_ARMED_LABELS):
            if doc is not None and any(t.lower_ in UNKNOWN_WORDS for t in doc[max(0, m.start - 3):m.end]):
                continue
            m.actor = main


def denies(token: Token, deny) -> bool:
    """Whether ``token`` is the subject of a denial: of a denying verb ("X denied any role") or
    of a saying whose clause is negated ("X said it had not taken part")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    return verb.lemma_.lower() in deny or any(
        c.dep_ == "ccomp" and any(n.dep_ == "neg" for n in c.children) for c in verb.children)


def generic_label(template: str, country: str | None) -> str:
    """ACLED's label for an unnamed group: "Military Forces of Syria", "Rioters (Lebanon)";
    without a country, "Military Forces", "Rioters"."""
    if country:
        return template.format(country=country)
    return template.replace(" of {country}", "").replace(" ({country})", "").format(country="")


def generic_actor(res, category: str, country: str | None) -> Actor:
    """The ACLED-style actor for an unnamed crowd, armed group, communal militia or military
    of a country."""
    noun = res.lexicon.actor_nouns[{"Protesters": "protester", "Rioters": "rioter", "State forces": "military",
                                    "Identity militia": "communal militia"}.get(category, "gunman")]
    if category == "armed":
        category = noun.category
    label = generic_label(noun.label, country)
    return Actor(slug(label), label, category, country, named=False)
