"""The command line, run as a user runs it: real model, real store, real files."""
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.pipeline import ingest
from graphbuild.store import Store

from .conftest import EXAMPLES


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for command in [[], ["ingest"], ["query"], ["export"], ["stats"], ["evaluate"], ["analyze"], ["report"],
                    ["delete"], ["actors"], ["actors", "import"], ["actors", "list"], ["actors", "lookup"],
                    ["gazetteer", "import"], ["gazetteer", "lookup"]]:
        result = runner.invoke(cli, command + ["--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_ingest_prints_a_summary(cli_store):
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--store", str(cli_store)])
    assert result.exit_code == 0
    assert "articles read: 7, ingested: 7, failed: 0" in result.output
    assert "event reports: 11, events in store: 10 (reports of one event merged)" in result.output
    assert "triples in store:" in result.output


def test_bad_input_is_reported_skipped_and_counted(tmp_path):
    good = json.loads(EXAMPLES.read_text(encoding="utf-8").splitlines()[0])
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join([
        json.dumps(good).encode(),
        b"{broken json",
        json.dumps({"id": "no-text"}).encode(),
        json.dumps({"id": "bad-date", "text": "Troops clashed.", "published": "31/31/2020"}).encode(),
        json.dumps({"id": "huge", "text": "word " * 1_100_000}).encode(),
    ]) + b"\n")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Des manifestants à Beyrouth".encode("latin-1"))
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--store", str(store),
                                      "--published", "2020-05-01"])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{batch}:2: malformed JSON" in err
    assert f"{batch}:3: record has no \"text\"" in err
    assert f"{batch}:4: unparseable \"published\" date" in err
    assert f"{batch}:5: article of" in err
    assert f"{tmp_path / 'empty.jsonl'}: empty file" in err
    assert f"{tmp_path / 'binary.txt'}: binary data" in err
    assert f"{tmp_path / 'latin1.txt'}: invalid UTF-8" in err
    assert "articles read: 8, ingested: 1, failed: 7" in result.output
    assert Store(store, read_only=True).article_ids() == [good["id"]]


def test_published_option_rejects_a_bad_date(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen attacked a bus.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--published", "yesterday",
                                      "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "yesterday" in result.output


def test_query_formats(cli_store):
    runner = CliRunner()
    sparql = "SELECT ?id WHERE { ?a gb:articleId ?id } ORDER BY ?id"
    table = runner.invoke(cli, ["query", sparql, "--store", str(cli_store)])
    assert table.exit_code == 0 and "hajin-coup-2019" in table.output and "(7 rows)" in table.output
    as_csv = runner.invoke(cli, ["query", sparql, "--store", str(cli_store), "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.output)))[0] == ["id"]
    as_json = runner.invoke(cli, ["query", sparql, "--store", str(cli_store), "--format", "json"])
    assert len(json.loads(as_json.output)) == 7
    ask = runner.invoke(cli, ["query", "ASK { ?e a sem:Event }", "--store", str(cli_store)])
    assert ask.output.strip() == "true"
    construct = runner.invoke(cli, ["query", "CONSTRUCT { ?e a sem:Event } WHERE { ?e a sem:Event }",
                                    "--store", str(cli_store)])
    assert construct.exit_code == 0 and "sem:Event" in construct.output
    bad = runner.invoke(cli, ["query", "SELECT WHERE {", "--store", str(cli_store)])
    assert bad.exit_code == 1 and "SPARQL syntax error" in bad.output


def test_readme_queries_run(cli_store):
    queries = sorted((EXAMPLES.parent / "queries").glob("*.rq"))
    assert len(queries) >= 5
    for path in queries:
        result = CliRunner().invoke(cli, ["query", "-f", str(path), "--store", str(cli_store)])
        assert result.exit_code == 0, (path, result.output)
        assert "(0 rows)" not in result.output, path


def test_export_and_stats(cli_store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "events.csv"
    assert runner.invoke(cli, ["export", "--format", "events-csv", "-o", str(out),
                               "--store", str(cli_store)]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("event_id,doc_ids,event_type")
    stats = runner.invoke(cli, ["stats", "--store", str(cli_store)])
    assert "articles: 7" in stats.output and "Armed clash" in stats.output


def test_store_in_use_gives_a_clear_error(tmp_path):
    store = tmp_path / "locked"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys; from graphbuild.store import Store; s = Store(sys.argv[1]); "
        "print('ready', flush=True); sys.stdin.readline()"), str(store)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--store", str(store)])
        assert result.exit_code == 1
        assert "in use by another graphbuild process" in result.output
        assert "Traceback" not in result.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_killed_ingest_leaves_only_whole_articles(tmp_path, pipeline):
    """Kill an ingest mid-batch: every article in the store is complete (one transaction each)."""
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    batch = tmp_path / "many.jsonl"
    with open(batch, "w", encoding="utf-8") as handle:
        for n in range(3000):
            record = json.loads(lines[n % len(lines)])
            record["id"] = f"{record['id']}-{n}"
            handle.write(json.dumps(record) + "\n")
    store_path = tmp_path / "store"
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "graphbuild", "ingest", str(batch), "--store",
                             str(store_path), "--batch-size", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    def written():
        try:
            return sum(f.stat().st_size for f in store_path.iterdir()) if store_path.exists() else 0
        except FileNotFoundError:  # RocksDB renames files as it goes
            return 0

    deadline = time.time() + 120
    start_size = None
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        size = written()
        if start_size is None and size:
            start_size = size
        elif start_size is not None and size > start_size + 3_000_000:
            break  # articles are being written: cut the process off mid-batch
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Store(store_path)
    ids = store.article_ids()
    assert 0 < len(ids) < 3000, "the ingest should have been cut off part-way"
    complete = Store(tmp_path / "reference")
    wanted = {json.loads(line)["id"]: json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()}
    from graphbuild.articles import article_from_record

    ingest([article_from_record(wanted[i], i) for i in ids], complete, pipeline=pipeline)
    sizes = {}
    for article_id in ids:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <https://w3id.org/graphbuild/graph/article/{article_id}> {{ ?s ?p ?o }} }}"
        sizes[article_id] = (store.select(query)[0]["n"], complete.select(query)[0]["n"])
    assert all(got == want for got, want in sizes.values()), sizes


def test_users_extend_the_actor_lexicon(tmp_path):
    lexicon = tmp_path / "my_actors.csv"
    lexicon.write_text("name,aliases,category,country,wikidata\n"
                       "Blue Hand Brigade,BHB|Blue Hand,Political militia,Nigeria,\n", encoding="utf-8")
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a1", "published": "2020-05-06", "text":
                                   "On Monday the Blue Hand Brigade attacked a police post in Jos, "
                                   "killing three officers."}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--actors", str(lexicon), "--store", str(store)])
    assert result.exit_code == 0, result.output
    rows = Store(store, read_only=True).select(
        "SELECT ?label ?type WHERE { ?e gb:actor1 ?a . ?a rdfs:label ?label ; gb:actorType/skos:prefLabel ?type }")
    assert rows == [{"label": "Blue Hand Brigade", "type": "Political militia"}]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,aliases,category,country,wikidata\nX,,Freedom fighters,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--actors", str(bad), "--store", str(store)])
    assert result.exit_code == 1 and f"{bad}:2: category must be one of" in result.output


def test_actors_import_list_and_lookup(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_DATA", str(tmp_path / "data"))
    runner = CliRunner()
    assert "no imported actor lexicons" in runner.invoke(cli, ["actors", "list"]).output
    lexicon = tmp_path / "Sahel groups.csv"
    lexicon.write_text("name,aliases,category,country,wikidata\n"
                       "Red Dune Front,RDF|Red Dune fighters,Rebel group,Niger,\n", encoding="utf-8")
    result = runner.invoke(cli, ["actors", "import", str(lexicon)])
    assert result.exit_code == 0, result.output
    assert "actors imported: 1" in result.output and "sahel-groups.csv" in result.output
    assert "sahel-groups.csv: 1 actors" in runner.invoke(cli, ["actors", "list"]).output
    found = runner.invoke(cli, ["actors", "lookup", "rdf"])
    assert found.exit_code == 0 and "Red Dune Front" in found.output and "exact" in found.output
    shipped = runner.invoke(cli, ["actors", "lookup", "Hashd al-Shaabi"])
    assert "Popular Mobilization Forces" in shipped.output
    assert runner.invoke(cli, ["actors", "lookup", "Nobody At All"]).exit_code == 1
    # every later ingest knows the imported actor, without --actors
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "n1", "published": "2021-03-02", "text":
                                   "Red Dune Front fighters attacked an army post near Tillaberi on Sunday, "
                                   "killing four soldiers."}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = runner.invoke(cli, ["ingest", str(article), "--store", str(store)])
    assert result.exit_code == 0, result.output
    labels = {r["label"] for r in Store(store, read_only=True).select(
        "SELECT ?label WHERE { ?e gb:actor1 ?a . ?a rdfs:label ?label }")}
    assert "Red Dune Front" in labels
    bad = tmp_path / "bad.csv"
    bad.write_text("name,aliases,category,country,wikidata\n,,Rebel group,,\n", encoding="utf-8")
    result = runner.invoke(cli, ["actors", "import", str(bad)])
    assert result.exit_code == 1 and f"{bad}:2: an actor needs a name" in result.output


def test_delete_command_unmerges_and_reports_missing_ids(tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(EXAMPLES), "--store", str(store)]).exit_code == 0
    result = runner.invoke(cli, ["delete", "hajin-mutiny-2019", "--store", str(store)])
    assert result.exit_code == 0 and "articles deleted: 1; events in store: 10" in result.output
    merged = Store(store, read_only=True).select("SELECT ?e WHERE { ?e a gb:MergedEvent }")
    assert merged == []
    result = runner.invoke(cli, ["delete", "hajin-mutiny-2019", "--store", str(store)])
    assert result.exit_code == 1 and "not in the store: 1" in result.output
