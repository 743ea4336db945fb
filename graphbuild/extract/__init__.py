"""From a parsed article to events: event assembly, one module per concern.

The spaCy components (:mod:`graphbuild.nlp`) have put triggers, known actors, places, the
article's countries, written dates and counts on the Doc; :func:`assemble` builds the
events from them and the parse, calling one module per concern: actor mentions
(:mod:`.mentions`), what a role word stands for and pronouns (:mod:`.coreference`), event
mentions per sentence (:mod:`.event_mentions`), their roles (:mod:`.roles`) and types
(:mod:`.event_types`), actors the text implies (:mod:`.implied_actors`), the event's place
(:mod:`.place`; one event per town of a list: :mod:`.place_lists`), time (:mod:`.time`),
casualties (:mod:`.casualties`), modality and attribution (:mod:`.modality`), and the merging
of an article's mentions of one event (:mod:`.merge`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..articles import Article
from ..model import Extraction
from ..nlp.resources import Resources
from .assemble import assemble

#: The components whose results depend on the article's title and outlet (the country vote).
_METADATA_COMPONENTS = ("graphbuild_place_names", "graphbuild_article_countries", "graphbuild_targeted_places")


class Extractor:
    """Turns Docs of :func:`graphbuild.nlp.load_pipeline` into :class:`Extraction` objects;
    build once, call per article."""

    def __init__(self, nlp: Language, resources: Resources):
        self.nlp = nlp
        self.resources = resources

    def extract(self, doc: Doc, article: Article, structure=None) -> Extraction:
        """The article's events; ``structure`` (:func:`graphbuild.text.structure.article_structure`)
        marks its dateline, whose date is when the story was filed, not when its events happened."""
        if doc._.countries is None or (doc._.title, doc._.source) != (article.title, article.source):
            # a Doc made without the article's metadata: vote on the article's countries again
            doc._.title, doc._.source = article.title, article.source
            for name in _METADATA_COMPONENTS:
                doc = self.nlp.get_pipe(name)(doc)
        return assemble(self.resources, doc, article, structure)


__all__ = ["Extractor", "assemble"]
