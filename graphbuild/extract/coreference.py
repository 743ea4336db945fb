"""Which actor a role word stands for: the most specific mention in its phrase ("fighters of
ISIS", "ISIS terror chief Abu Bakr al-Baghdadi"), the sides of "between X and Y", subjects
the parse hung elsewhere or shares between clauses, and pronouns' antecedents.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicon import ARMED_CATEGORIES
from ..numbers import VAGUE
from ..settings import setting, words

if TYPE_CHECKING:
    from .context import ActorMention, DocContext

MEMBER_WORDS = words("member")
PERSON_PRONOUNS = words("person-pronoun")
GROUP_PRONOUNS = words("group-pronoun")
SPEAKER_PRONOUNS = words("speaker-pronoun")
SUBJECT_GROUP_PRONOUNS = words("group-subject-pronoun")
AGAINST_PREFIXES = words("against-prefix")
OWN_PHRASE_PREPS = words("own-phrase-prep")
NOT_SUBJECT_PREPS = words("not-subject-prep")
INCLUSION_PREPS = words("inclusion-prep")
ARMED_UNITS = words("armed-unit")
RELATIVE_NOUNS = words("relative-noun")
PRONOUN_REACH = setting("pronoun-reach")
#: the dependencies of what a clause is about: a thing there comes before a group for "its"
CORE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")


def actor_at(tok: Token, ctx: DocContext) -> ActorMention | None:
    """The most specific actor mention a role token stands for."""
    # "the son of Pedro Zamora", "the mayor's bodyguard": a relative or an aide is no one else
    others = {x.i for c in tok.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
              for x in c.subtree} if tok.lemma_.lower() in RELATIVE_NOUNS and tok.i in ctx.by_token else set()
    named_inside = [ctx.by_token[c.i] for c in own_phrase(tok)
                    if c.i in ctx.by_token and ctx.by_token[c.i].actor.named and c.i != tok.i and c.i not in others
                    and (c.dep_ in ("compound", "poss", "pobj", "appos", "nmod")
                         or (c.dep_ == "amod" and not against(c)))]  # "pro-Houthi groups"
    # "ISIS terror chief Abu Bakr al-Baghdadi": the person the title belongs to
    persons = [m for m in named_inside if m.actor.category == "Person"
               and ctx.doc[m.start].head.i == tok.i and ctx.doc[m.start:m.end].root.dep_ in ("appos", "compound")]
    if persons:
        return persons[0]
    followers = followers_of(tok, ctx) or group_member(tok, ctx)
    if followers is not None:
        return followers
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
        # "a member of the government's Naval Intelligence": a member of an armed side (the
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
        if tok.pos_ == "NUM":
            counted = counted_before(tok, ctx)
            if counted is not None:
                return counted
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
        return antecedent(tok, ctx)
    if tok.lower_ in SUBJECT_GROUP_PRONOUNS and tok.dep_ == "nsubj":
        # "the front said it carried out the attack": the named organisation that says so, never
        # a person or a thing ("the bomb ... it exploded"), nor a group told before ("gunmen
        # attacked the offices of X. It killed three": X is no antecedent)
        verb = tok.head
        saying = verb.head if verb.dep_ in ("ccomp", "conj") and verb.head.i != verb.i else None
        for s in (c for c in (saying.children if saying is not None else ()) if c.dep_ == "nsubj"):
            found = next((ctx.by_token[x.i] for x in s.subtree if x.i in ctx.by_token), None)
            if found is not None and found.actor.named and found.actor.category != "Person":
                return found
        return None
    if tok.lower_ in SPEAKER_PRONOUNS:
        return speaker_group(tok, ctx)
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


def followers_of(tok: Token, ctx: DocContext) -> ActorMention | None:
    """"the warlord's henchmen", "320 of his followers": people in the plural that a person's
    possessive names are that person's group, not the person, when the article says which
    group the person leads or belongs to; the words naming them are the whole phrase."""
    from .context import ActorMention

    people = tok
    if tok.pos_ == "NUM":  # "320 of his followers"
        people = next((x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for x in c.children if x.dep_ == "pobj"), tok)
    if people.tag_ not in ("NNS", "NNPS") or (people.i in ctx.by_token and ctx.by_token[people.i].actor.named):
        return None
    for poss in (c for c in people.children if c.dep_ == "poss"):
        leader = ctx.by_token.get(poss.i) or (antecedent(poss, ctx) if poss.lower_ in PERSON_PRONOUNS else None)
        if leader is None or leader.actor.category != "Person":
            continue
        group = next((r.object for r in ctx.relations if r.kind in ("leaderOf", "memberOf")
                      and r.subject.key == leader.actor.key and r.object.category != "Person"), None)
        if group is not None:
            return ActorMention(min(tok.left_edge.i, poss.left_edge.i), people.i + 1, group)
    return None


def group_member(tok: Token, ctx: DocContext) -> ActorMention | None:
    """"its leader", "their commander": a person a group pronoun's possessive names is a member
    of the armed group the pronoun stands for, typed as that group (not a civilian); the words
    naming them are the whole phrase."""
    from .context import ActorMention

    own = ctx.by_token.get(tok.i)
    if own is None or own.actor.named:
        return None
    for poss in (c for c in tok.children if c.dep_ == "poss" and c.lower_ in GROUP_PRONOUNS):
        group = antecedent(poss, ctx)
        if group is None or group.actor.category not in ARMED_CATEGORIES:
            continue
        name = ctx.doc[group.start:group.end]
        if poss.morph.get("Number") == ["Sing"] and (name.root.morph.get("Number") == ["Plur"] or any(
                t.pos_ in ("NOUN", "PROPN") and t.i not in ctx.by_token and t.dep_ in CORE_DEPS
                and t.morph.get("Number") != ["Plur"] and t.lower_ not in {x.lower_ for x in name}
                for t in ctx.doc[group.end:poss.i])):
            # "its" is the thing told of nearest before it ("rebels attacked the town; its
            # mayor"), not the rebels; "the cartel" after "the Gulf Cartel" is the group again
            continue
        return ActorMention(min(tok.left_edge.i, poss.i), tok.i + 1, group.actor)
    return None


def speaker_group(pronoun: Token, ctx: DocContext) -> ActorMention | None:
    """"we" in a quotation: the group its speaker speaks for, named beside the speaker ("an
    SDF commander said") or in a relation the article states ("Commander X of the SDF")."""
    from .context import ActorMention

    speaker = ctx.quote_speaker(pronoun.sent)
    if speaker is None:
        return None
    inside = [ctx.by_token[t.i] for t in speaker if t.i in ctx.by_token]
    group = next((m.actor for m in inside if m.actor.category not in (None, "Person")), None)
    if group is None:
        persons = {m.actor.key for m in inside if m.actor.category == "Person"}
        group = next((r.object for r in ctx.relations if r.kind in ("memberOf", "leaderOf")
                      and r.subject.key in persons), None)
    return ActorMention(pronoun.i, pronoun.i + 1, group) if group is not None else None


def expand(tokens: list[Token], ctx: DocContext) -> list[ActorMention]:
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
            found = actor_at(t, ctx)
            push(found)
            push(titled_force(found, ctx))
            for name in listed_names(t, found, ctx) + included(t) + apposed_names(t, found, ctx):
                push(actor_at(name, ctx))
    return out


def with_names(found: list[ActorMention], tokens: list[Token], ctx: DocContext) -> list[ActorMention]:
    """Role mentions with, for each named group told by a word for its members, the group's
    own name as further words naming it: "guerrillas of the FMLN" and "FMLN guerrillas" are
    the FMLN, told by "guerrillas" and by "FMLN" (the name is the better evidence of who)."""
    out = list(found)
    for m in found:
        name = group_name(m, tokens, ctx)
        if name is not None and all((n.start, n.end) != (name.start, name.end) for n in out):
            out.append(name)
    for tok in tokens:
        unit = group_unit(tok, ctx)
        if unit is not None and all((n.start, n.end) != (unit.start, unit.end) for n in out):
            out.append(unit)
    return out


def group_unit(tok: Token, ctx: DocContext) -> ActorMention | None:
    """The words of a named group's unit that a role word is ("the IRA's city brigade", "a
    column of the ELN"): the unit is the group, told by its own words beside the group's name."""
    from .context import ActorMention

    if tok.lemma_.lower() not in ARMED_UNITS or tok.pos_ != "NOUN":
        return None
    group = actor_at(tok, ctx)
    if group is None or not group.actor.named or group.actor.category == "Person" \
            or group.start <= tok.i < group.end:
        return None
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ not in ("cc", "conj", "punct")])
    return ActorMention(start, tok.i + 1, group.actor)


def group_name(m: ActorMention, tokens: list[Token], ctx: DocContext) -> ActorMention | None:
    """The words naming a named group that a mention of it tells by a common noun for its
    members: the group's own mention in the role word's phrase ("terrorists of the FMLN", the
    member word taken for the article's main group), or the name before a member noun inside
    the mention ("Shining Path terrorists", "ELN guerrillas"); None when the mention is the
    name itself, a person or a group of no name."""
    from .context import ActorMention

    if not m.actor.named or m.actor.category in (None, "Person"):
        return None
    words = ctx.doc[m.start:m.end]
    last = words[-1]
    if last.pos_ != "NOUN" and (len(words) > 1 or last.ent_type_):
        # the mention ends in the name ("the FMLN", "the Medellin Cartel"); a member word may be
        # tagged a name where it starts a sentence ("Rebels of the X Front attacked ...")
        return None
    if len(words) > 1 and words[-2].pos_ == "PROPN":
        return ActorMention(m.start, m.end - 1, m.actor)
    for tok in tokens:
        if not m.start <= tok.i < m.end:
            continue
        for t in own_phrase(tok):
            other = ctx.by_token.get(t.i)
            if other is not None and other is not m and other.actor.key == m.actor.key \
                    and ctx.doc[other.end - 1].pos_ == "PROPN":
                return other
    return None


def counted_before(number: Token, ctx: DocContext) -> ActorMention | None:
    """A bare number that counts people of the kind counted just before it in its sentence
    ("killed 13 people and wounded 71", "killing two soldiers and wounding three"), or, with
    "the", in the sentence before ("Three men planted a bomb. It killed the three"): those
    people's actor, the number its words."""
    from .context import ActorMention

    children = list(number.children)
    if number.dep_ not in ("nsubj", "nsubjpass", "dobj") or any(c.lower_ != "the" for c in children):
        return None
    start = number.sent.start
    if children and start > 0:  # "the three": those counted in the sentence before, too
        start = ctx.doc[start - 1].sent.start
    for m in reversed(ctx.mentions):
        if not start <= m.start < number.i:
            continue
        if any(c.dep_ == "nummod" for c in ctx.doc[m.start:m.end].root.children):
            return ActorMention(number.i, number.i + 1, m.actor)
    return None


def apposed_names(tok: Token, found: ActorMention | None, ctx: DocContext) -> list[Token]:
    """The rest of a long list of people that the parse hung on one of them as an apposition
    ("A, B, C, D and E" read as "A, B, C (D and E)"): a person's apposition that is a person
    too, and its conjuncts."""
    if found is None or found.actor.category != "Person":
        return []
    out = []
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        for name in (appos, *appos.conjuncts):
            m = ctx.by_token.get(name.i)
            if m is not None and m.actor.category == "Person":
                out.append(name)
    return out


def included(tok: Token) -> list[Token]:
    """The members a phrase names of a group ("six priests, including A and B"): each of
    them has the group's role."""
    return [member for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in INCLUSION_PREPS
            for named in prep.children if named.dep_ == "pobj" for member in (named, *named.conjuncts)]


def titled_force(found: ActorMention | None, ctx: DocContext) -> ActorMention | None:
    """The armed side a person's title names ("sub-inspector Ghulam Mustafa", "soldier Rashid
    Khan", "a superintendent of police, Kumar"): the person is one of them, so they take part too."""
    if found is None or found.actor.category != "Person":
        return None
    root = ctx.doc[found.start:found.end].root
    titles = [c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i < found.start)]
    if root.dep_ in ("appos", "compound"):
        titles.append(root.head)
    for title in titles:
        m = ctx.by_token.get(title.i)
        if m is not None and not m.actor.named and m.actor.category in ARMED_CATEGORIES:
            return m
    return None


def listed_names(tok: Token, found: ActorMention | None, ctx: DocContext) -> list[Token]:
    """The other names of a list that follows a title or noun ("the priests A, B and C",
    "two students, A and B"): when the role word stands for the person in its apposition,
    that person's conjuncts are named by the same words."""
    if found is None or found.actor.category != "Person":
        return []
    root = ctx.doc[found.start:found.end].root
    if root.i == tok.i or root.head.i != tok.i or root.dep_ not in ("appos", "compound"):
        return []
    return [c for c in root.conjuncts if c.i in ctx.by_token]


def between_sides(tokens: list[Token], ctx: DocContext) -> list[ActorMention]:
    """The sides of "between X and Y" / "with X". When the parse loses the coordination
    ("fighters loyal to al-Baghdadi and militants led by al-Jazairi"), the distinct named
    actors inside the phrase, in order, are the sides."""
    sides = expand(tokens, ctx)
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


def antecedent(pronoun: Token, ctx: DocContext) -> ActorMention | None:
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
        if ctx.doc[m.start].sent.start < sent_start and pronoun.i - m.end > PRONOUN_REACH:
            break
        if want_person != (m.actor.category == "Person") or m.start in own_subjects:
            continue
        if not want_person and m.actor.category is None \
                and ctx.doc[m.start:m.end].root.morph.get("Number") == ["Sing"]:
            continue  # "they" is not "the Sub-Divisional Officer"
        return m
    return None


def own_phrase(tok: Token):
    """The words of a noun's phrase that can name who it is ("ISIS terror chief Abu Bakr
    al-Baghdadi", "fighters of ISIS"), leaving out clauses about something else ("an
    airstrike targeting a Houthi position")."""
    yield tok
    conjuncts = [c.i for c in tok.children if c.dep_ == "conj"]
    for child in tok.children:
        if conjuncts and child.dep_ == "prep" and child.i > min(conjuncts):
            continue  # "military forces and members of the ELN": the "of" is the conjunct's
        if child.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "cc") or (
                child.dep_ == "prep" and child.lower_ not in OWN_PHRASE_PREPS):
            continue
        yield from own_phrase(child)


def against(tok: Token) -> bool:
    """"anti-Houthi": the word names the other side."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in AGAINST_PREFIXES


def undertaker(noun: Token, ctx: "DocContext") -> list[Token]:
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


def stranded_subject(verb: Token, ctx: "DocContext") -> Token | None:
    """A subject the parse hung on the list of places before it ("in a township of
    Rakhine State, border police shot two fishermen"): the actor right before a
    verb that has no subject of its own."""
    if verb.i == 0 or verb.dep_ != "ROOT" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    tok, found = verb.doc[verb.i - 1], None
    while tok.i != verb.i and tok.right_edge.i == verb.i - 1 and tok.head.i != tok.i:
        if tok.dep_ in ("conj", "appos", "pobj") and tok.i in ctx.by_token and not (
                tok.dep_ == "pobj" and tok.head.lower_ in NOT_SUBJECT_PREPS):
            found = tok  # the widest such phrase ending right before the verb
        tok = tok.head
    return found if tok.i == verb.i else None


def verb_subjects(verb: Token) -> list[Token]:
    """A verb's own subjects, else the one it shares with the clause it depends on."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        subjects = [s for s in [inherited_subject(verb)] if s is not None]
    return subjects


def inherited_subject(verb: Token) -> Token | None:
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
        # "PMF forces destroyed three IS hideouts and killed ...": the acronym read as the main
        # verb leaves the first clause as its clausal subject; its subject is the shared one
        clause = next((c for c in current.children if c.dep_ == "csubj"), None)
        if clause is not None:
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def quantity_anchor(noun: Token) -> Token:
    """The head of "dozens of X" / "50 of the X" for X: the word that carries the phrase's role."""
    current = noun
    while current.dep_ == "pobj" and current.head.lower_ == "of" and (
            current.head.head.like_num or current.head.head.pos_ == "NUM"
            or current.head.head.lower_ in VAGUE):
        current = current.head.head
    return current
