"""Relations between actors that the text states, and the descriptions that stand for them.

Relations come from the dependency parse, with the words in ``ontology/relation_words.csv``:

- leadership and membership from titles: "ISIS leader Abu Bakr al-Baghdadi", "the leader of
  ISIS, Abu Bakr al-Baghdadi", "Jazairi, a senior member of the group", "Colonel Aram
  Dilan of the Syrian Democratic Forces";
- backing: "fighters backed by the coalition", "Iran-backed militias";
- standing opposition: "the SDF has been fighting ISIS since 2012";
- custody: "the SDF holds some 800 suspected ISIS fighters in custody";
- alliance: "militias allied with the government".

Descriptions: "the fugitive ISIS leader", "the so-called 'Invisible Sheikh'", "the warlord"
stand for the one person the article names as a leader (of that group, when the description
names one); when the article names no leader, or several, they stay unlinked: a wrong link is
worse than a missed one. "the Syrian Democratic Forces (SDF)" makes later "SDF" the same actor.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import ontology_path, read_csv
from .model import Actor, Relation, TextSpan

@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_csv(ontology_path("relation_words.csv")):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in kinds.items()}


def _span(doc: Doc, tokens: list[Token]) -> TextSpan:
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    span = doc[start:end]
    return TextSpan(span.start_char, span.end_char, span.text)


def _sentence(tok: Token) -> TextSpan:
    sent = tok.sent
    return TextSpan(sent.start_char, sent.end_char, sent.text)


class _Index:
    def __init__(self, doc: Doc, mentions):
        self.doc = doc
        self.mentions = mentions
        self.by_token = {i: m for m in mentions for i in range(m.start, m.end)}

    def at(self, tok: Token):
        return self.by_token.get(tok.i)

    def group_in(self, tokens, exclude=None):
        """The first named non-person actor mentioned among these tokens."""
        for t in sorted(tokens, key=lambda t: t.i):
            m = self.by_token.get(t.i)
            if m is not None and m is not exclude and m.actor.category != "Person" and m.actor.named:
                return m
        return None


def _title(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    w = words()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma in w["leader"]:
        return "leaderOf"
    if lemma in w["member"]:
        return "memberOf"
    return None


def _group_of_title(title: Token, index: _Index, person) -> object | None:
    """The group a title names: "leader of ISIS", "ISIS leader", "the group's leader"."""
    candidates = []
    for child in title.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "in", "with"):
            candidates.extend(child.subtree)
        elif child.dep_ in ("compound", "poss", "nmod", "amod") and child.i < title.i:
            candidates.extend(child.subtree)
    named = index.group_in(candidates, exclude=person)
    if named is not None:
        return named
    # "a senior member of the group", "its commander": the group named last before it
    for tok in candidates:
        if tok.lemma_.lower() in GROUP_NOUNS and any(c.lower_ in ("the", "its", "their") for c in tok.children) \
                or tok.lower_ in ("its", "their"):
            earlier = [m for m in index.mentions if m.end <= tok.i and m is not person
                       and m.actor.category not in (None, "Person", "Civilians") and m.actor.named
                       and tok.i - m.end < 80]
            if earlier:
                return earlier[-1]
    return None


GROUP_NOUNS = {"group", "organisation", "organization", "movement", "militia", "faction", "network"}


def find_relations(doc: Doc, mentions) -> list[Relation]:
    """Relations stated between the actors mentioned in a document."""
    index = _Index(doc, mentions)
    found: dict[tuple, Relation] = {}

    def add(kind, subject, obj, tokens, title=""):
        if subject is None or obj is None or subject.actor.key == obj.actor.key:
            return
        key = (kind, subject.actor.key, obj.actor.key)
        if key not in found:
            found[key] = Relation(kind, subject.actor, obj.actor, _span(doc, tokens),
                                  _sentence(tokens[0]), title)

    for m in mentions:
        if m.actor.category != "Person":
            continue
        name = doc[m.start:m.end]
        root = name.root
        # "ISIS terror chief Abu Bakr al-Baghdadi": a title and a group before the name
        before = [t for t in root.subtree if t.i < m.start]
        titles = [t for t in before if _title(t)]
        if titles:
            group = index.group_in(before, exclude=m)
            if group is not None:
                add(_title(titles[-1]), m, group, [titles[-1], root], titles[-1].text)
        # "Jazairi, a senior member of the group"
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                for title in [child, *(c for c in child.conjuncts if c.i > child.i)]:
                    if _title(title):
                        add(_title(title), m, _group_of_title(title, index, m), [root, title], title.text)
        # "Jazairi is described as a veteran fighter and a senior member of the group",
        # "X is the group's spokesman", "X, who became its emir"
        if root.dep_ in ("nsubj", "nsubjpass"):
            verb = root.head
            predicates = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
            predicates += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                           for o in c.children if o.dep_ == "pobj"]
            predicates += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
            for title in [t for p in predicates for t in (p, *p.conjuncts)]:
                if _title(title):
                    add(_title(title), m, _group_of_title(title, index, m), [root, title], title.text)
        # "the leader of ISIS, Abu Bakr al-Baghdadi"
        if root.dep_ == "appos" and _title(root.head):
            add(_title(root.head), m, _group_of_title(root.head, index, m), [root.head, root], root.head.text)
        # "Colonel Aram Dilan of the Syrian Democratic Forces"
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                group = index.group_in(list(child.subtree), exclude=m)
                if group is not None:
                    title = next((t for t in list(name) + before if _title(t)), None)
                    kind = _title(title) if title is not None else "memberOf"
                    add(kind, m, group, [root, doc[group.end - 1]], title.text if title is not None else "")

    w = words()
    for tok in doc:
        lemma = tok.lemma_.lower()
        # "fighters backed by the coalition", "Iran-backed militias"
        if lemma in w["back"] and tok.tag_ == "VBN":
            backed = index.at(tok.head) if tok.dep_ in ("acl", "amod", "compound") else None
            for child in tok.children:
                if child.dep_ == "agent":
                    add("backedBy", backed, index.group_in(list(child.subtree)) or _any(child.subtree, index),
                        [tok.head, tok])
            if tok.i >= 2 and doc[tok.i - 1].text == "-":
                add("backedBy", backed, index.at(doc[tok.i - 2]), [doc[tok.i - 2], tok.head])
        # "militias allied with the government"
        elif lemma in w["ally"] and tok.pos_ in ("VERB", "ADJ") and tok.dep_ in ("acl", "amod"):
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "to"):
                    add("alliedWith", index.at(tok.head), _any(child.subtree, index), [tok.head, tok])
        # "the SDF, which has been fighting ISIS since 2012"
        elif lemma in w["fight"] and tok.pos_ == "VERB":
            subject = _subject(tok, index)
            for child in tok.children:
                if child.dep_ == "dobj":
                    add("fightsAgainst", subject, _any(child.subtree, index), [tok, child])
        # "the SDF holds some 800 suspected ISIS fighters in custody"
        elif lemma == "custody" and tok.dep_ == "dobj":
            holder = _subject(tok.head, index)
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    add("holdsCustodyOf", holder, _any(child.subtree, index), [tok.head, tok])
    return list(found.values())


def _any(tokens, index: _Index):
    """The actor mentioned among these tokens, named groups first."""
    tokens = list(tokens)
    return index.group_in(tokens) or next((index.at(t) for t in tokens if index.at(t) is not None), None)


def _subject(verb: Token, index: _Index):
    """The actor that is the subject of a verb, through relative clauses and conjunctions."""
    for candidate in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ == "nsubj":
                if child.lower_ in ("which", "who", "that") and candidate.dep_ == "relcl":
                    return index.at(candidate.head)
                return index.at(child) or _any(child.subtree, index)
    if verb.dep_ == "relcl":
        return index.at(verb.head)
    return None


def descriptions(doc: Doc, mentions, relations: list[Relation]) -> list[tuple[int, int, Actor]]:
    """Mentions that descriptions and defined acronyms add: (start, end, actor) token ranges.
    A range may replace a mention that a name-like description got on its own
    ("Invisible Sheikh" read as a person)."""
    index = _Index(doc, mentions)
    leaders: dict[str, dict[str, Actor]] = {}
    for r in relations:
        if r.kind == "leaderOf" and r.subject.category == "Person":
            leaders.setdefault(r.object.key, {})[r.subject.key] = r.subject
    every_leader = {k: a for group in leaders.values() for k, a in group.items()}
    added: list[tuple[int, int, Actor]] = []
    epithets = words()["epithet"]
    for tok in doc:
        if tok.lemma_.lower() not in epithets or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        own = index.at(tok)
        if own is not None and own.actor.named and own.actor.category != "Person":
            continue
        if own is not None and own.actor.key in every_leader:
            continue
        left = [t for t in tok.subtree if t.i <= tok.i]
        start = min(t.i for t in left)
        so_called = any(t.lower_ == "so" for t in doc[max(0, start - 2):start + 3])
        definite = any(c.lower_ == "the" for c in tok.children) or doc[start].lower_ == "the"
        if not (definite or so_called):
            continue
        if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            continue  # a title ("the leader of ISIS, X"), read by find_relations
        if tok.dep_ == "compound":
            continue  # "the leader's bodyguards" is fine, "the leader elections" is not a person
        group = index.group_in(left)
        pool = leaders.get(group.actor.key, {}) if group is not None else every_leader
        if len(pool) != 1:
            continue
        person = next(iter(pool.values()))
        phrase = doc[start:tok.i + 1].text
        if own is not None and own.actor.named:  # a description the tagger read as a name
            start, end = own.start, own.end
        else:  # the words up to the head that no other mention holds ("the fugitive ISIS leader")
            end = tok.i + 1
            start = max([start] + [m.end for m in mentions if start < m.end <= tok.i and m.actor.named])
        person.aliases.add(phrase.strip("'\"‘’“” "))
        added.append((start, end, person))
    # "the Syrian Democratic Forces (SDF)": the acronym stands for the group afterwards
    for m in mentions:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            acronym = doc[m.end + 1]
            if not (acronym.text.isupper() and 2 <= len(acronym.text) <= 8):
                continue
            m.actor.aliases.add(acronym.text)
            for tok in doc[m.end + 3:]:
                if tok.text == acronym.text and index.at(tok) is None:
                    added.append((tok.i, tok.i + 1, m.actor))
    return added


__all__ = ["descriptions", "find_relations", "words"]
