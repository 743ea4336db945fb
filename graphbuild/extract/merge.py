"""Merging an article's mentions of one happening into one event: anaphoric or underspecified
mentions join an earlier compatible event, death reports join the nearest violent event,
a demonstration's sequels join it, and "X during Y" makes X part of Y.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import ARMED_CATEGORIES
from ..model import CountClaim, Event, Participant, Place, TextSpan
from ..settings import setting, words
from .event_types import former
from .modality import more_factual

if TYPE_CHECKING:
    from .context import Mention

ADDITIVE = re.compile(r"\b(?:" + "|".join(sorted(words("additive"))) + r")\b", re.I)
NEARBY_CHARS = setting("nearby-chars")
HEADLINE_DAYS = setting("headline-days")
DEMONSTRATIONS = words("demonstration")
#: Dependencies by which a clause or its object hangs from a verb.
PROTEST_CLAUSE_DEPS = ("advcl", "pcomp", "prep", "xcomp", "ccomp", "dobj")
CROWD_CATEGORIES = words("crowd-category")
RIOT_PARTS = words("riot-part")
DAMAGE_VERBS = words("damage")
UNREAL = ("future", "negated", "hypothetical", "generic")  # what the text does not say happened


def merge_mentions(raw: list[tuple[Mention, Event]], violent_types: set[str], published=None) -> list[Event]:
    """Merge mentions of one happening across sentences.

    A later mention joins an earlier event of the same type when it is anaphoric
    ("the clash", "there was a clash", "the coup leader") or underspecified (no own
    date and place), and nothing they say conflicts. A bare death report joins the
    nearest violent event. "X during Y" records X as part of Y and lends X Y's actors. A
    headline's mentions come last and join the first compatible event of the body that is
    news at ``published`` (the article's date), not history told as background."""
    events: list[Event] = []
    heads: list = []  # the trigger head of each event's first mention
    head_to_event: dict[int, int] = {}
    for mention, event in raw:
        arrest = next((n for n in range(len(events) - 1, -1, -1)
                       if arrest_of_protest(events[n], heads[n], event, mention.head)), None)
        if arrest is not None:
            # "activists were arrested when they tried to picket the office": the arrest is the
            # intervention in the protest its own sentence tells, and the police its second side
            if event.event_type == "peaceful-protest":
                event.event_type = "protest-with-intervention"
            event.participants = [p for p in event.participants
                                  if not (p.role == "actor1" and p.actor.category == "State forces")]
            combine(event, as_intervener(events[arrest]))
            events[arrest], heads[arrest] = event, mention.head
            head_to_event[mention.head.i] = arrest
            continue
        target = None
        for index in (range(len(events)) if event.headline else range(len(events) - 1, -1, -1)):
            if event.headline and not news(events[index], published):
                continue  # "Gunmen kill four" is not the leader killed in 2020 told below
            if events[index].listed:
                continue  # "protests in X, Y and Z ... Two were hurt": of the event told first
            if compatible(events[index], event, violent_types):
                target = index
                break
        if target is None and events and riot_sequel(events[-1], event):
            # "Residents demonstrated in Kayes. Tyres were burned and police posts vandalized."
            events[-1].event_type = "violent-demonstration"
            target = len(events) - 1
        if target is None and events and damage_sequel(events[-1], event, violent_types):
            target = len(events) - 1  # "Militants attacked the village. They destroyed ten houses."
        protest = next((n for n in range(len(events) - 1, -1, -1)
                        if intervention_sequel(events[n], event)), None) if target is None else None
        if protest is not None:
            # "Dozens protested in Pinsk. Two were arrested by the police": the arrests are
            # the intervention in the protest, and the police its second side (ACLED's coding)
            if events[protest].event_type == "peaceful-protest":
                events[protest].event_type = "protest-with-intervention"
            target = protest
            event = as_intervener(event)
        if target is not None:
            combine(events[target], event)
            head_to_event[mention.head.i] = target
        else:
            events.append(event)
            heads.append(mention.head)
            head_to_event[mention.head.i] = len(events) - 1
    # bare death reports
    kept: list[Event] = []
    index_map = {}
    for i, ev in enumerate(events):
        if ev.event_type == "@death":
            host = nearest_violent(events, i, violent_types)
            if host is not None:
                combine(events[host], ev)
                index_map[i] = host
                continue
            # a killing nobody is said to have fought: an attack, unless the dead were armed
            # (not those once armed: "a former militant was shot dead")
            armed = any(p.role == "victim" and p.actor.category in ARMED_CATEGORIES and not former(p, heads[i].doc)
                        for p in ev.participants)
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
                lend_actors(parent, ev)
    return kept


def news(event: Event, published) -> bool:
    """Whether an event may be what a headline of an article of ``published`` tells: it
    ended at most ``headline-days`` before that date (or either date is unknown)."""
    time = event.time.time if event.time is not None else None
    return published is None or time is None or (published - time.latest).days <= HEADLINE_DAYS


def riot_sequel(earlier: Event, later: Event) -> bool:
    """Damage or violence by no named armed actor, told right after a demonstration, is
    the demonstration turning violent."""
    if earlier.event_type not in DEMONSTRATIONS or not same_reality(earlier, later):
        return False
    if (later.raw_type or later.event_type) not in RIOT_PARTS:
        return False
    if any(p.role == "actor1" and p.actor.named and p.actor.category in ARMED_CATEGORIES
           for p in later.participants):
        return False
    return later.sentences[0].start - earlier.sentences[-1].end < NEARBY_CHARS


def damage_sequel(earlier: Event, later: Event, violent_types: set[str]) -> bool:
    """Damage told right after an attack, with no place or date of its own, is what the attack did."""
    return (later.event_type == "looting-property-destruction" and later.trigger.text.lower().startswith(
        tuple(sorted(DAMAGE_VERBS))) and earlier.event_type in violent_types and same_reality(earlier, later)
            and (later.place is None or later.place_inferred)
            and (later.time is None or earlier.time is None or later.time.time == earlier.time.time)
            and 0 <= later.sentences[0].start - earlier.sentences[-1].end < NEARBY_CHARS)


def intervention_sequel(earlier: Event, later: Event) -> bool:
    """Arrests of demonstrators by state forces, told after a peaceful demonstration in a
    later sentence of the same passage, with no place or date of their own."""
    if earlier.event_type not in DEMONSTRATIONS or later.event_type not in ("arrests", "protest-with-intervention") \
            or not same_reality(earlier, later):
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


def arrest_of_protest(arrest: Event, arrest_head, protest: Event, protest_head) -> bool:
    """Arrests by state forces (or by no one named) whose clause tells the demonstration the
    arrested were holding ("were arrested while protesting", "arrested when they tried to
    picket the office"): the demonstration hangs from the arrest's word in one sentence."""
    if arrest.event_type != "arrests" or protest.event_type not in DEMONSTRATIONS:
        return False
    if protest_head.sent.start != arrest_head.sent.start or arrest_head not in protest_head.ancestors:
        return False
    # the demonstration is a clause of the arrest ("when they held a protest", "while
    # protesting", "for protesting"), not of a noun ("two men who had organised a rally last year")
    path = [protest_head] + [t for t in protest_head.ancestors if arrest_head.is_ancestor(t)]
    if any(t.dep_ not in PROTEST_CLAUSE_DEPS for t in path):
        return False
    return all(p.actor.category == "State forces" for p in arrest.participants if p.role == "actor1")


def as_intervener(arrest: Event) -> Event:
    """The arrest with its arresters as the second side and the arrested left out (they are
    the demonstrators); of a dispersal, only its second side (the police)."""
    if arrest.event_type != "arrests":
        return replace(arrest, participants=[p for p in arrest.participants if p.role == "actor2"])
    kept = [Participant("actor2", p.actor, p.span) for p in arrest.participants if p.role == "actor1"]
    return replace(arrest, participants=kept)


def compatible(earlier: Event, later: Event, violent_types: set[str]) -> bool:
    if later.event_type == "@death" or earlier.event_type == "@death":
        return False
    anaphoric = later.anaphoric
    if (earlier.modality == "generic") != (later.modality == "generic"):
        return False  # "admitted responsibility for attacks" is no mention of "the assassination of X"
    if not anaphoric and not same_reality(earlier, later):
        # "militants will attack again" is no mention of the attack told before; "the attack
        # could be related to drugs" is, whatever the modal says of its cause
        return False
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


def same_reality(earlier: Event, later: Event) -> bool:
    """Whether both mentions tell what happened, or neither does: "militants will attack again" is
    no mention of the attack told before, nor are arrests told as done the intervention in a
    march only announced, nor deaths told as done the toll of a kind of attack."""
    return (earlier.modality in UNREAL) == (later.modality in UNREAL)


def nearest_violent(events: list[Event], i: int, violent_types: set[str]) -> int | None:
    best = None
    for j, ev in enumerate(events):
        if j == i or ev.event_type not in violent_types or not same_reality(ev, events[i]) or ev.listed:
            continue  # (a copy of an event in another town of a list: the deaths are of the event told first)
        if best is None or abs(j - i) < abs(best - i):
            best = j
    return best


def combine(host: Event, other: Event) -> None:
    own_words = own_place_words(host) + own_place_words(other)
    named = {p.actor.key: p.actor for p in other.participants if p.role == "actor1" and p.actor.named}
    if named:
        # the attacker named later ("blamed the Taliban") replaces the unidentified placeholder
        placeholders = [p for p in host.participants if p.role == "actor1" and not p.actor.named
                        and p.actor.label.startswith("Unidentified Armed Group")]
        host.participants = [p for p in host.participants if p not in placeholders]
        if len(named) == 1:  # "gunmen stormed the bank ... police blamed the Taliban": the gunmen's
            # words stay, as evidence of the one attacker named
            host.participants.extend(Participant("actor1", next(iter(named.values())), p.span)
                                     for p in placeholders if p.span is not None)
    host_has_actor1 = any(p.role == "actor1" for p in host.participants)
    implied = [p for p in host.participants if p.role == "actor1" and p.span is None]
    for p in other.participants:
        if host_has_actor1 and p.role == "actor1" and not p.actor.named \
                and p.actor.label.startswith("Unidentified Armed Group"):
            if p.span is None or len(implied) != sum(q.role == "actor1" for q in host.participants):
                continue
            # "a bomb exploded ... The attack was staged by ten terrorists": the words that
            # describe the attackers take the place of the attacker only implied before
            host.participants = [q for q in host.participants if q not in implied]
            implied = []
        if keeps(host, p):
            host.participants.append(replace(p))
    for mine, theirs in ((host.targets, other.targets), (host.instruments, other.instruments)):
        mine.extend(span for span in theirs if all((span.start, span.end) != (s.start, s.end) for s in mine))
    told = {(span.start, span.end) for span in host.sentences}  # a set: a long article merges thousands
    host.sentences.extend(span for span in other.sentences if (span.start, span.end) not in told)
    other_own = other.place is not None and not other.place_inferred
    # "gunmen shot a policeman in Ramadi. It was one of 20 attacks around Iraq": the town, not the country
    vaguer = host.place is not None and host.place.precision == "country" and other_own \
        and other.place.place is not None and other.place.precision in ("exact", "near", "region")
    # "A car bomb went off in Zzyz city. Two were killed in the blast. It was one of ten attacks
    # around Iraq": the town the blast's sentence is set in, not the country of the count
    coarser = other_own and other.place.precision == "country" and host.place is not None \
        and host.place.place is not None and host.place.precision in ("exact", "near", "region")
    if host.place is None or (host.place.place is None and other_own and other.place.place) or (
            host.place_inferred and other_own and not coarser) or vaguer:
        host.place = other.place
        host.place_inferred = other.place_inferred
    if host.place is not None:
        # every mention's own words for where it happened stay the place's evidence ("bombs went
        # off in Belfast ... the worst explosion was at the bus station"), unless they name another place
        host.place_words = []
        for span, place in own_words:
            if span != host.place.span and span not in host.place_words and (
                    place is None or host.place.place is not None and place.id == host.place.place.id):
                host.place_words.append(span)
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
    if other.attributive:
        return  # "police blamed X for the attack": its actor joined, not its "claimed"
    if host.attributive or (more_factual(other.modality, host.modality) and not other.headline):
        # the most factual of the mentions that tell the happening itself: "a bomb exploded" is
        # asserted whoever says who set it; "threatened to attack ... the attack came on Sunday".
        # A headline drops who says so ("Two soldiers killed in ambush"): the body's word stands
        host.modality, host.attributive = other.modality, False
        host.attribution = other.attribution or host.attribution
    elif host.attribution is None:
        host.attribution = other.attribution


def keeps(host: Event, p: Participant) -> bool:
    """Whether a later mention's participant adds to the event it joins: an actor new in its
    role, or the mention's own words for a side or a named actor it already has ("the guerrillas"
    ... "the FMLN" are both evidence of the FMLN as attacker; "people" ... "women" are two
    descriptions of the civilians hit, the first its evidence); never words the event already
    gives another role."""
    if p.span is not None and any(q.span is not None and q.role != p.role and (q.span.start, q.span.end)
                                  == (p.span.start, p.span.end) for q in host.participants):
        return False
    same = [q for q in host.participants if q.actor.key == p.actor.key and q.role == p.role]
    if not same:
        return True
    return (p.span is not None and (p.actor.named or p.role == "actor1")
            and all(q.span is None or q.span.text.lower() != p.span.text.lower() for q in same))


def own_place_words(event: Event) -> list[tuple[TextSpan, Place | None]]:
    """The words of an event's own sentences for its place, each with the place it names: its
    place's name when the sentence gives it (None when the gazetteer lacks it), and its common
    nouns for it ("across the city", None)."""
    found = [(span, None) for span in event.place_words]
    claim = event.place
    if claim is not None and claim.span is not None and not event.place_inferred:
        found.append((claim.span, claim.place))
    return found


def lend_actors(parent: Event, child: Event) -> None:
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
