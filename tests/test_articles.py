"""Reading articles: every input form, and every kind of bad input named by file and line."""
import datetime as dt
import io
import json
import sys

from graphbuild.articles import MAX_CHARS, Article, InputError, content_id, read_articles


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_fields_and_defaults(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "x1", "text": "Gunmen attacked a village.", "published": "2020-05-01",
         "title": "T", "source": "Wire", "url": "https://example.org/x1"},
        {"text": "Only a text."},
    ])
    first, second = list(read_articles([path]))
    assert first == Article(text="Gunmen attacked a village.", id="x1",
                            published=dt.date(2020, 5, 1), title="T", source="Wire",
                            url="https://example.org/x1")
    assert second.id == content_id("Only a text.") and second.published is None
    assert second.origin == f"{path}:2"


def test_a_text_that_is_not_a_string_is_named_for_what_it_is(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": 5}, {"text": ["a", "b"]}, {"text": "Troops clashed."},
                                              {"id": "x"}])
    records = list(read_articles([path]))
    assert [str(r) for r in records if isinstance(r, InputError)] == [
        f"{path}:1: \"text\" is a number, not a string", f"{path}:2: \"text\" is a list, not a string",
        f"{path}:4: record has no \"text\" (the article body is required)"]
    assert [r.text for r in records if isinstance(r, Article)] == ["Troops clashed."]


def test_txt_takes_published_and_file_stem_as_id(tmp_path):
    path = tmp_path / "report-7.txt"
    path.write_text("Headline\nBody text here.", encoding="utf-8")
    (article,) = read_articles([path], published=dt.date(2019, 2, 8))
    assert (article.id, article.published, article.title) == ("report-7", dt.date(2019, 2, 8), "Headline")


def test_csv_needs_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("id,text,published\na,Troops clashed.,2020-01-02\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\na,x\n", encoding="utf-8")
    records = list(read_articles([good, bad]))
    assert records[0].id == "a" and records[0].published == dt.date(2020, 1, 2)
    assert isinstance(records[1], InputError) and "text" in records[1].message


def test_directory_is_walked_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B text", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A text", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article suffix: ignored
    ids = [r.id for r in read_articles([tmp_path])]
    assert ids == ["b", "a"]


def test_stdin(monkeypatch):
    data = io.BytesIO(b'{"id": "s", "text": "Rebels shelled the town."}\n')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(data))
    (article,) = read_articles(["-"])
    assert article.id == "s"


def test_bad_records_are_named_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Fighting broke out."}).encode(),
        b"{not json",
        json.dumps({"id": "notext", "title": "no body"}).encode(),
        json.dumps({"id": "baddate", "text": "x", "published": "the day before"}).encode(),
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "huge", "text": "a" * (MAX_CHARS + 1)}).encode(),
        json.dumps({"id": "ok2", "text": "Protesters gathered."}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    records = list(read_articles([path]))
    assert [r.id for r in records if isinstance(r, Article)] == ["ok1", "ok2"]
    errors = {e.where: e.message for e in records if isinstance(e, InputError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)}
    assert "malformed JSON" in errors[f"{path}:2"]
    assert "no \"text\"" in errors[f"{path}:3"]
    assert "unparseable \"published\"" in errors[f"{path}:4"] and "the day before" in errors[f"{path}:4"]
    assert "invalid UTF-8" in errors[f"{path}:5"]
    assert "JSON object" in errors[f"{path}:6"]
    assert "over the limit" in errors[f"{path}:7"]


def test_empty_binary_and_missing_files(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    records = list(read_articles([empty, binary, tmp_path / "missing.jsonl"]))
    assert all(isinstance(r, InputError) for r in records)
    messages = [str(r) for r in records]
    assert messages[0] == f"{empty}: empty file: no articles in it"
    assert messages[1].startswith(f"{binary}: binary data")
    assert messages[2] == f"{tmp_path / 'missing.jsonl'}: no such file or directory"
