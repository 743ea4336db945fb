"""The assembled spaCy pipeline: graphbuild's components in order, configured by JSON values."""
import json

from graphbuild.articles import Article
from graphbuild.nlp import COMPONENTS, load_pipeline, make_doc


def test_pipe_names_show_the_flow(pipeline):
    names = pipeline.nlp.pipe_names
    ours = [n for n in names if n.startswith("graphbuild_")]
    assert ours == ["graphbuild_line_breaks", "graphbuild_triggers", *COMPONENTS]
    assert names.index("graphbuild_line_breaks") < names.index("parser")
    assert names.index("lemmatizer") < names.index("graphbuild_triggers")  # triggers match on lemmas


def test_component_configs_are_json_and_rebuild_the_same_pipeline(pipeline, tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases,category,country,wikidata\nSahel Liberation Front,SLF,Rebel group,Mali,\n",
                      encoding="utf-8")
    nlp = load_pipeline(None, [str(actors)])
    for name in COMPONENTS:
        config = nlp.config["components"][name]
        json.dumps(config)
        if "actor_files" in config:
            assert config["actor_files"][-1] == str(actors)
    again = load_pipeline(None, [str(actors)])
    assert again.pipe_names == nlp.pipe_names
    assert again.config.to_str() == nlp.config.to_str()
    doc = again("SLF fighters attacked a post.")
    assert [s.label_ for s in doc.spans["graphbuild_acronyms"]] == ["sahel-liberation-front"]


def test_docs_cross_process_boundaries_with_their_results(pipeline):
    nlp = pipeline.nlp
    texts = ["Gunmen killed two soldiers in Gao on 2 May 2020.", "Police arrested 5 protesters in Beirut."]
    docs = [make_doc(nlp, text, source="Al Jadeed") for text in texts]
    alone = [nlp(make_doc(nlp, text, source="Al Jadeed")) for text in texts]
    piped = list(nlp.pipe(docs, n_process=2))
    for a, b in zip(alone, piped):
        assert b._.source == "Al Jadeed"
        assert b._.countries == a._.countries
        for key in a.spans:
            assert [(s.start, s.end, s.label_) for s in b.spans[key]] == [(s.start, s.end, s.label_) for s in a.spans[key]]
        assert [s._.killed for s in b.spans["graphbuild_killed"]] == [s._.killed for s in a.spans["graphbuild_killed"]]


def test_a_doc_made_without_the_articles_outlet_is_voted_again(pipeline):
    article = Article(text="Gunmen attacked a checkpoint, killing a soldier.", source="Al Jadeed")
    doc = pipeline.nlp(article.text)  # no title or outlet on the Doc
    assert doc._.countries == []
    events = pipeline.extractor.extract(doc, article).events
    assert doc._.countries == ["LB"]
    assert events == pipeline.extract(article).events
