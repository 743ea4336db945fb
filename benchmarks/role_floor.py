"""The naive floor for document-level role fillers: spaCy's entities in any sentence with an
attack word, scored exactly as `graphbuild evaluate --format muc4|wikievents` scores graphbuild.

Attack words are the lexicon's triggers of violence (Battles, Explosions/Remote violence,
Violence against civilians, and its @violence and @death classes), matched on lemmas.
Each entity of such a sentence is predicted for the roles its label can fill:
perpetrator <- ORG, NORP, PERSON; victim/target <- PERSON, NORP, ORG, FAC; place <- GPE, LOC, FAC.

    python benchmarks/role_floor.py --format muc4 ../shared/eval/muc4_dev.jsonl --limit 300
    python benchmarks/role_floor.py --format wikievents ../shared/eval/wikievents_dev.jsonl --prepare

``--prepare`` hands spaCy the text graphbuild's pipeline hands it (case restored, boilerplate
masked), to see how much of a change comes from the model seeing names at all.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

from graphbuild.evaluate import ROLE_READERS, RoleEvaluation, format_roles
from graphbuild.evaluate.roles import score_article
from graphbuild.pipeline import Pipeline

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
LABEL_ROLES = {"ORG": ("perpetrator", "victim/target"), "NORP": ("perpetrator", "victim/target"),
               "PERSON": ("perpetrator", "victim/target"), "FAC": ("victim/target", "place"),
               "GPE": ("place",), "LOC": ("place",)}


def attack_lemmas(pipeline: Pipeline) -> set[str]:
    lexicon = pipeline.lexicon
    words = set()
    for trigger in lexicon.triggers:
        if len(trigger.lemmas) != 1:
            continue
        if trigger.event_type in ("@violence", "@death") or (
                trigger.event_type in lexicon.event_types
                and lexicon.acled_types(trigger.event_type)[0].label in VIOLENT_TYPES):
            words.add(trigger.lemmas[0])
    return words


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold")
    parser.add_argument("--format", choices=sorted(ROLE_READERS), required=True)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--prepare", action="store_true",
                        help="restore case and mask boilerplate first, as graphbuild's pipeline does")
    parser.add_argument("--report", help="write the scores and misses as JSON here")
    args = parser.parse_args(argv)
    docs = ROLE_READERS[args.format](args.gold)[:args.limit]
    pipeline = Pipeline()
    words = attack_lemmas(pipeline)
    started = time.perf_counter()
    texts = (pipeline.prepare(d.text)[0] if args.prepare else d.text for d in docs)
    result = RoleEvaluation(articles=len(docs))
    for doc_gold, doc in zip(docs, pipeline.nlp.pipe(texts, batch_size=16)):
        predicted: dict[str, set[str]] = defaultdict(set)
        for sentence in doc.sents:
            if not any(t.lemma_.lower() in words or t.lower_ in words for t in sentence):
                continue
            for entity in sentence.ents:
                for role in LABEL_ROLES.get(entity.label_, ()):
                    predicted[role].add(entity.text)
        result.add(doc_gold.id, score_article(doc_gold.gold, predicted))
    sys.stdout.write(format_roles(result, f"naive floor ({args.format})"))
    print(f"\n{len(docs)} articles in {time.perf_counter() - started:.1f} s")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            json.dump(result.as_dict(), handle, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
