"""Ordinary mistakes on the command line: one clear line, the right exit code, nothing silent."""
import csv
import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios

from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.store import Store

from .conftest import EXAMPLES, ROOT


def run(*args, env=None):
    """The CLI as a user runs it, in its own process."""
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300)


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(cli_store):
    # a full disk: no command checks for it beforehand
    args = ["export", "--store", str(cli_store), "--format", "events-csv", "-o", "/dev/full"]
    plain = run(*args)
    assert plain.returncode == 1
    assert plain.stderr.splitlines() == ["graphbuild: error: No space left on device "
                                         "(--debug shows the traceback)"]
    for debug in (run("--debug", *args), run(*args, env={"GRAPHBUILD_DEBUG": "1"})):
        assert debug.returncode == 1
        assert "Traceback (most recent call last)" in debug.stderr and "OSError" in debug.stderr


def test_outputs_create_their_folders(cli_store, tmp_path):
    runner = CliRunner()
    csv_path, html = tmp_path / "out" / "tables" / "events.csv", tmp_path / "out" / "html" / "r.html"
    assert runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "events-csv",
                               "-o", str(csv_path)]).exit_code == 0
    assert csv_path.read_text(encoding="utf-8").startswith("event_id,")
    assert runner.invoke(cli, ["report", "--store", str(cli_store), "-o", str(html)]).exit_code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_filter_values_that_match_nothing_are_refused_with_close_matches(cli_store):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "events-csv",
                                 "--type", "air strike", "--country", "Syra", "--actor", "jazairy"])
    assert result.exit_code == 2
    assert "--type 'air strike' matches no known event type; did you mean 'Air/drone strike'?" in result.output
    assert "--country 'Syra' matches no known country; did you mean 'Syria'" in result.output
    assert "--actor 'jazairy' matches no actor in the store; did you mean 'Abu Muath al-Jazairi'?" in result.output
    for command in (["analyze"], ["report", "-o", os.devnull]):
        refused = runner.invoke(cli, [*command, "--store", str(cli_store), "--country", "Narnia"])
        assert refused.exit_code == 2 and "--country 'Narnia' matches no known country" in refused.output
    # known values with no events are not mistakes: an empty table, exit 0
    empty = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "events-csv",
                                "--country", "Peru", "--type", "chemical weapon"])
    assert empty.exit_code == 0 and empty.output.count("\n") == 1


def test_gazetteer_lookup_refuses_unknown_countries_and_places():
    runner = CliRunner()
    by_name = runner.invoke(cli, ["gazetteer", "lookup", "Tripoli", "--country", "Lebanon"])
    assert by_name.exit_code == 0 and by_name.output.splitlines()[2].split()[3] == "Lebanon"
    unknown = runner.invoke(cli, ["gazetteer", "lookup", "Tripoli", "--country", "Lebanonn"])
    assert unknown.exit_code == 2 and "did you mean 'Lebanon'?" in unknown.output
    nowhere = runner.invoke(cli, ["gazetteer", "lookup", "Tripoli", "--near", "Narnia"])
    assert nowhere.exit_code == 2 and "--near 'Narnia' is no place the gazetteer knows" in nowhere.output
    missing = runner.invoke(cli, ["gazetteer", "lookup", "Xqzwv"])
    assert missing.exit_code == 1 and "(0 rows)" in missing.output


def test_options_that_do_not_apply_to_a_format_are_refused(cli_store):
    runner = CliRunner()
    for fmt in ("geojson", "events-csv", "turtle"):
        result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", fmt, "--view", "actors"])
        assert result.exit_code == 2 and f"--view applies to --format graphml and gexf, not {fmt}" in result.output
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "geojson", "--reports"])
    assert result.exit_code == 2 and "--reports applies to --format events-csv" in result.output


def test_events_csv_reports_gives_one_row_per_article_report(cli_store):
    runner = CliRunner()
    events = list(csv.DictReader(io.StringIO(runner.invoke(
        cli, ["export", "--store", str(cli_store), "--format", "events-csv"]).output)))
    reports = list(csv.DictReader(io.StringIO(runner.invoke(
        cli, ["export", "--store", str(cli_store), "--format", "events-csv", "--reports"]).output)))
    merged = [e for e in events if "|" in e["doc_ids"]]
    assert merged  # the Hajin clash, reported by two articles
    assert len(reports) == len(events) + sum(e["doc_ids"].count("|") for e in events)
    assert all("|" not in r["doc_ids"] for r in reports)
    assert {r["doc_ids"] for r in reports if r["sub_event_type"] == "Armed clash"} >= set(
        merged[0]["doc_ids"].split("|"))


def test_store_on_a_folder_that_is_not_a_store_is_refused(tmp_path):
    folder = tmp_path / "my-documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Gunmen attacked a bus near Jos on Monday.", encoding="utf-8")
    for args in (["ingest", str(tmp_path / "a.txt")], ["stats"], ["delete", "x"]):
        result = CliRunner().invoke(cli, [*args, "--store", str(folder)])
        assert result.exit_code == 1, result.output
        assert f"{folder} is a folder that is not a graphbuild store" in result.output
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]  # nothing written into it


def test_ingest_names_skipped_files_and_repeated_ids(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.md").write_text("# How to use these files\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "jos", "published": "2020-05-03", "text": "Gunmen killed two farmers near Jos on Monday."},
        {"id": "jos", "published": "Sun, 03 May 2020 09:00:00 +0000",
         "text": "Gunmen killed three farmers near Jos on Monday."},
    ]) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert (f"note: skipped 2 files that a directory walk does not read (it reads .jsonl, .txt, .csv): "
            f"{folder / 'README.md'}, {folder / 'logo.png'}") in result.stderr
    assert f"note: {folder / 'batch.jsonl'}:2: id 'jos' was already read at {folder / 'batch.jsonl'}:1: " \
           "this later record replaces it" in result.stderr
    assert "articles read: 2, ingested: 1, failed: 0" in result.output
    fatalities = Store(store, read_only=True).select("SELECT ?f WHERE { ?e a sem:Event ; gb:fatalities ?f }")
    assert fatalities == [{"f": 3}]  # the later record won


def test_ambiguous_published_dates_are_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen attacked a bus.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--published", "05/03/2020",
                                      "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "05/03/2020 is ambiguous: use 2020-03-05 or 2020-05-03" in result.output
    assert not (tmp_path / "s").exists()


def test_a_binary_file_is_one_error_with_its_count_of_bad_lines(tmp_path):
    blob = tmp_path / "dump.jsonl"
    blob.write_bytes(bytes(range(256)) * 4000)  # about 1 MB: 4,001 "lines" of binary
    result = CliRunner().invoke(cli, ["ingest", str(blob), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {blob}: no readable article in it: all 4,001 lines are bad (binary or garbled "
                      "file?); the first, line 1: binary data (NUL bytes): not a text article"]
    assert "articles read: 4001, ingested: 0, failed: 4001" in result.output


def _in_a_terminal(args) -> str:
    """Run the CLI with stderr on a pseudo-terminal, as in an interactive shell."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_ingest_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path):
    terminal = _in_a_terminal(["ingest", str(EXAMPLES), "--store", str(tmp_path / "a")])
    assert "ingest:" in terminal and "/7 [" in terminal and "article/s]" in terminal  # count/total, rate
    piped = run("ingest", str(EXAMPLES), "--store", str(tmp_path / "b"))
    assert piped.returncode == 0 and "article/s" not in piped.stderr and "ingest:" not in piped.stderr


def test_evaluate_report_holds_every_miss(tmp_path):
    """25 rows whose coders (written for this test) got the type wrong: all 25 are in the
    report's misses, not only the 20 worst, and the run still prints ten."""
    gold = tmp_path / "gold.jsonl"
    towns = ["Jos", "Kano", "Maiduguri", "Kaduna", "Zaria"]
    gold.write_text("\n".join(json.dumps({
        "id": f"row-{n}", "date": f"2020-05-{1 + n % 20:02d}", "event_type": "Riots",
        "sub_event_type": "Mob violence", "actor1": "Rioters (Nigeria)", "country": "Nigeria",
        "location": towns[n % 5], "fatalities": n % 4,
        "text": f"An air strike hit a market in {towns[n % 5]} on Friday, killing {2 + n % 5} civilians."})
        for n in range(25)) + "\n", encoding="utf-8")
    report = tmp_path / "out" / "eval.json"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--report", str(report)])
    assert result.exit_code == 0, result.output
    misses = json.loads(report.read_text(encoding="utf-8"))["worst_misses"]
    assert len(misses) == 25 and all("event_type" in m["wrong"] for m in misses)
    assert result.output.split("worst misses:")[1].count(": wrong ") == 10


def test_a_reader_that_stops_early_gets_no_traceback(cli_store):
    """`graphbuild export ... | head -1`: the closed pipe ends the command quietly."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "export", "--store", str(cli_store),
                                "--format", "ntriples"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    process.wait(timeout=120)
    assert first.startswith(b"<https://w3id.org/graphbuild/")
    assert "Traceback" not in err and "Exception ignored" not in err
