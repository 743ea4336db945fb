"""The orchestrator: from a Doc of the pipeline and its article to an :class:`Extraction`,
calling the modules of this package in the order of the flow.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..articles import Article
from ..dates import assumed_day
from ..model import Event, Extraction, Participant, TimeClaim
from ..nlp.place_names import PLACES
from ..nlp.spans import lower_text, text_span
from ..nlp.triggers import SPANS_KEY as TRIGGERS, trigger_of
from ..relations import descriptions, find_relations
from .casualties import combatants_are_sides, event_casualties
from .context import ActorMention, DocContext, Mention
from .coreference import expand
from .event_mentions import crowd_mentions, disruptions, sentence_mentions
from .event_types import (armed_victims, crowd_type, factional_sides, side_categories, state_custody,
                          violence_type)
from .implied_actors import (arresting_actor, claimed_actor, find_claimants, crowd_actor, operation_actor,
                             unidentified_actor)
from .mentions import actor_mentions
from .merge import merge_mentions
from .modality import attributes_only, modality_of
from .place_lists import copy_at, listed_places
from .place import (country_place, event_place, filed_place, filed_scene, located_in_scene, organisation_place,
                    regions_written_after, scene_place, scene_words)
from .roles import by_aircraft, thing_phrase, victims_named
from .time import event_time, lasting, said_aside


def assemble(res, doc: Doc, article: Article, structure=None) -> Extraction:
    places = list(doc.spans[PLACES])
    publisher = Counter(doc._.publisher_countries or ())
    countries = list(doc._.countries or ())
    main_country = countries[0] if countries else None
    place_tokens = {i for span in places for i in range(span.start, span.end)}
    mentions = actor_mentions(res, doc, main_country, place_tokens)
    dateline = structure.dateline.span if structure is not None and structure.dateline else None
    if dateline is not None:  # "BAMAKO, Mali (AP) —" names where the story was filed, no actor
        mentions = [m for m in mentions if not dateline.start <= doc[m.start].idx < dateline.end]
    relations = find_relations(doc, mentions)
    described = descriptions(doc, mentions, relations)
    if described:  # "the warlord", "the so-called 'Invisible Sheikh'", a defined acronym
        mentions = [m for m in mentions if not any(s <= m.start < e for s, e, _ in described)]
        mentions = sorted(mentions + [ActorMention(s, e, a) for s, e, a in described], key=lambda m: m.start)
    by_token = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token[i] = m
    context = DocContext(doc, article, countries, main_country, mentions, by_token, places, set(publisher),
                         dateline)
    context.filed_from = filed_place(structure.dateline if structure is not None else None, main_country)
    context.claimants = find_claimants(context)
    context.relations = relations
    raw: list[tuple[Mention, Event]] = []
    headline_end = structure.title.end if structure is not None and structure.title is not None else -1
    last_time: TimeClaim | None = None
    matches_by_sentence: dict[int, list] = {}
    for span in doc.spans.get(TRIGGERS, ()):
        matches_by_sentence.setdefault(doc[span.start].sent.start, []).append(
            (trigger_of(span, res.lexicon), span.start, span.end))
    for sent in doc.sents:
        found = matches_by_sentence.get(sent.start, [])
        if not any(t.pos_ in ("VERB", "AUX") for t in sent) and not any(
                trigger.event_type == "@death" for trigger, _, _ in found):
            continue  # a heading such as "AIRSTRIKES" names no event of its own
        mentions = sentence_mentions(res, sent, found, context) if found else disruptions(res, sent, context)
        if not mentions:
            mentions = crowd_mentions(res, sent, context)
        listed_victims(res, sent, mentions, raw, context)
        for mention in mentions:
            event = event_from(res, mention, sent, context, last_time)
            event.headline = sent.start_char < headline_end
            if not lasting(event.time):  # a state ("has been fighting ISIS since 2012"), not an event
                raw.append((mention, event))
                # "protests were held in Zzyz, Yyy and Xxx": one event in each town
                raw.extend((mention, copy_at(event, claim)) for claim in (
                    listed_places(res, mention.head, sent, context, event.place) if not event.place_inferred else ()))
        own_time = event_time(res, sent.root, sent, context, None)
        if own_time is not None and own_time.time is not None and not lasting(own_time):
            last_time = own_time  # later sentences speak of this time unless they say
    # a headline restates the story: its mentions join the events the body tells, and name
    # an event of their own only where the body tells none like it
    raw = [r for r in raw if not r[1].headline] + [r for r in raw if r[1].headline]
    events = merge_mentions(raw, res.violent_types, article.published)
    for event in events:
        if event.event_type == "peaceful-protest":
            # ACLED's convention: a protest nobody intervened in has no second actor; what
            # it is against, and who joined it, stay in the graph as associated actors
            for p in event.participants:
                if p.role in ("actor2", "victim"):
                    p.role = "associated"
        # "JNIM claimed responsibility for the attack": the claimant is who acted
        claimed_actor(res, event, context, events)
        # a death report typed only now, or a clash nobody is named in
        unidentified_actor(res, event, context, battles=True)
        state_custody(event)
        arresting_actor(res, event, context, events)
        armed_victims(event, doc)
        combatants_are_sides(res, event)
        factional_sides(res, event, doc)
        side_categories(res, event)
        if event.time is None and article.published and event.modality not in ("future", "hypothetical"):
            event.time = TimeClaim(None, assumed_day(article.published))  # no time words: dates.py's rule
    return Extraction(article=article, events=events, relations=relations,
                      mentions=[(m.actor, m.span(doc)) for m in context.mentions])


def listed_victims(res, sent: Span, mentions: list[Mention], raw: list[tuple[Mention, Event]],
                   ctx: DocContext) -> None:
    """"Gunmen killed four people. The victims were identified as A, B, C and D": the people a
    sentence names as victims (:func:`victims_named`) are each a victim, with their own words,
    of the violent event its own words tell, else of the closest one told before it in the same
    paragraph or in the sentence just before."""
    named = victims_named(sent, told_victims(res, raw, ctx))
    if not named:
        return
    # the names' own words, not a word before them ("a police asset" is no police)
    victims = [am for am in expand(named, ctx)
               if ctx.doc[am.start:am.end].root.dep_ not in ("compound", "amod", "nmod", "poss")]
    violent = res.violent_types | {"@death", "@violence"}
    own = next((m for m in mentions if m.event_type in violent), None)
    if own is not None:
        listed = own.roles.setdefault("victim", [])
        known = {(am.start, am.end) for ams in own.roles.values() for am in ams}
        listed.extend(am for am in victims if (am.start, am.end) not in known)
        return
    index = ctx.sentence_index(sent.start_char)
    for _, event in reversed(raw):
        if event.event_type not in violent:
            continue
        told = ctx.sentence_index(event.sentences[0].start)
        if told < index - 1 and "\n" in lower_text(ctx.doc)[event.sentences[0].start:sent.end_char].strip():
            return  # another paragraph, further back than the sentence before
        known = {(p.span.start, p.span.end) for p in event.participants if p.span is not None}
        for am in victims:
            span = am.span(ctx.doc)
            if (span.start, span.end) not in known:
                event.participants.append(Participant("victim", am.actor, span))
        return


def told_victims(res, raw: list[tuple[Mention, Event]], ctx: DocContext) -> frozenset[str]:
    """The words (lemmas) the violent event told last called its victims ("a trader", "the judge")."""
    violent = res.violent_types | {"@death", "@violence"}
    for _, event in reversed(raw):
        if event.event_type in violent:
            spans = (ctx.doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
                     for p in event.participants if p.role in ("victim", "actor2") and p.span is not None)
            return frozenset(span.root.lemma_.lower() for span in spans if span is not None)
    return frozenset()


def event_from(res, m: Mention, sent: Span, ctx: DocContext, last_time: TimeClaim | None) -> Event:
    """The event one mention reports, with its roles, type, place, time, casualties and modality."""
    event_type = m.event_type
    participants = []
    for role, mentions in m.roles.items():
        for am in mentions:
            participants.append(Participant(role, am.actor, am.span(ctx.doc)))
    if event_type == "@violence" and by_aircraft(res, m.head):
        event_type = "air-drone-strike"  # "the GNA air force targeted three trucks"
    elif event_type == "@violence" and m.weapon:
        event_type = m.weapon  # "militants targeted a vehicle with an IED"
    elif event_type == "@violence":
        event_type = violence_type(res, participants, m.targets, " ".join(t.lemma_.lower() for t in m.tokens),
                                   m.head.doc, m.head)
    elif event_type == "@territory":
        takers = [p.actor for p in participants if p.role == "actor1"]
        event_type = ("government-regains-territory" if any(a.category == "State forces" for a in takers)
                      else "non-state-actor-overtakes-territory")
    event = Event(event_type=event_type, trigger=text_span(m.tokens),
                  sentences=[text_span(sent)], participants=participants)
    event.place = event_place(res, m.head, sent, ctx)
    if event.place is not None and event.place.span is not None and said_aside(
            res, m.head, ctx.doc.char_span(event.place.span.start, event.place.span.end, alignment_mode="expand").root):
        event.place = None  # "claimed the ambush in a statement in Jolo": where it was claimed
    if event.place is not None and event.place.place is None:
        event.place = located_in_scene(event.place, scene_place(res, sent, ctx))
    if event.place is None and scene_place(res, sent, ctx) is None:
        # "the Zzyz Press Club": the town an organisation is named after, when no sentence
        # around sets the scene (which may name the place of a group named after another:
        # "A bomb wrecked a bank in Lima. The Tupac Amaru movement are its authors")
        event.place = organisation_place(res, sent, ctx)
    if event.place is None:
        event.place = scene_place(res, sent, ctx) or filed_scene(sent, ctx) or country_place(res, ctx)
        event.place_inferred = event.place is not None
        words = scene_words(m.head, sent, ctx) if event.place is not None else None
        if words is not None:  # "across the city": the sentence's own words for the place inferred
            event.place = replace(event.place, span=text_span(words))
            event.place_words.append(event.place.span)
    elif event.place.place is not None and event.place.span is not None:
        # "stormed Maiduguri and fired rockets across the city": its other words for the place
        words = scene_words(m.head, sent, ctx)
        span = event.place.span
        if words is not None and not (words.start_char < span.end and span.start < words.end_char):
            event.place_words.append(text_span(words))
        # "Camp X in Helmand Province, Afghanistan": the regions the text puts it in
        event.place_words.extend(text_span(region) for region in regions_written_after(span, sent, ctx, event.place.place, res))
    event.time = event_time(res, m.head, sent, ctx, last_time)
    event.event_type = crowd_type(res, event, sent)
    crowd_actor(res, event, m, ctx)
    operation_actor(res, event, sent, ctx)
    unidentified_actor(res, event, ctx)
    event.fatalities, event.injured = event_casualties(m, sent, ctx)
    event.modality, event.attribution = modality_of(res, m.head, sent, ctx, weapon=m.cue)
    if event.time and event.time.time and event.modality == "asserted" and ctx.article.published:
        if event.time.time.earliest > ctx.article.published:
            event.modality = "future"
    event.attributive = attributes_only(res, m.head, event.modality)
    event.anaphoric, event.cue, event.raw_type = m.anaphoric, m.cue, m.event_type
    event.part_of_head = m.part_of_head
    event.targets = [text_span(thing_phrase(t)) for t in sorted(m.physical, key=lambda t: t.i)]
    event.instruments = [text_span(thing_phrase(t)) for t in sorted(m.instruments, key=lambda t: t.i)]
    return event
