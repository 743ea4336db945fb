"""Property-based tests (hypothesis): on any input, readers, the date parser, extraction and
`query` end in a result or one clear error, never a traceback."""
import datetime as dt
import json

from click.testing import CliRunner
from hypothesis import example, HealthCheck, given, settings, strategies as st

from graphbuild.articles import Article, InputError, article_from_record, read_articles
from graphbuild.cli import cli
from graphbuild.dates import parse_published, resolve_date

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
records = st.dictionaries(st.sampled_from(["id", "text", "published", "title", "source", "url", "x"]),
                          json_values, max_size=6)


def _well_formed(found):
    for record in found:
        assert isinstance(record, (Article, InputError))
        if isinstance(record, Article):
            assert record.text.strip() and record.id
        else:
            assert record.where and record.message and record.count >= 1


@FAST
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".jsonl", ".txt", ".csv", ".tsv", ".json"]))
@example(data=b"\r\xc2\x80", suffix=".csv")  # a lone carriage return in the header row
def test_readers_take_any_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("any") / f"input{suffix}"
    path.write_bytes(data)
    _well_formed(list(read_articles([path])))


@FAST
@given(lines=st.lists(json_values | records, max_size=8))
def test_readers_take_any_json(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("json") / "input.jsonl"
    path.write_text("\n".join(json.dumps(v) for v in lines) + "\n", encoding="utf-8")
    found = list(read_articles([path]))
    _well_formed(found)
    good = [v for v in lines if isinstance(v, dict) and isinstance(v.get("text"), str) and v["text"].strip()
            and v.get("published") in (None, "")]
    assert len([r for r in found if isinstance(r, Article)]) >= len(good)


@FAST
@given(record=records)
def test_any_record_is_an_article_or_an_error(record):
    result = article_from_record(record, "x.jsonl:1")
    _well_formed([result])


@FAST
@given(text=st.text(max_size=40) | st.from_regex(r"\A\d{1,4}[-/. ]\d{1,2}[-/. ]\d{1,4}( \d\d:\d\d)?\Z"))
def test_the_date_parser_returns_a_date_or_says_why_not(text):
    try:
        day = parse_published(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(day, dt.date)
    span = resolve_date(text, dt.date(2020, 5, 3))
    assert span is None or span.earliest <= span.latest


@FAST
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_unambiguous_dates_read_back(day):
    assert parse_published(day.isoformat()) == day
    assert parse_published(day.strftime("%a, %d %b %Y 10:00:00 +0000")) == day
    assert parse_published(f"{day.day} {day.strftime('%B')} {day.year}") == day
    numeric = f"{day.day:02d}/{day.month:02d}/{day.year}"
    if day.day > 12 or day.day == day.month:
        assert parse_published(numeric) == day
    else:
        try:
            parse_published(numeric)
        except ValueError as exc:
            assert "is ambiguous" in str(exc)
        else:
            raise AssertionError(f"{numeric} was read without a word")


words = st.sampled_from(["Gunmen", "killed", "two", "farmers", "near", "Jos", "on", "Monday", "the", "army",
                         "shelled", "Idlib", "protesters", "in", "Beirut", ",", ".", "said", "police", "3",
                         "al-Qaeda", "January", "10", "(", ")", "\"", "'s", "no", "one", "died"])


@SLOW
@given(text=st.lists(words, min_size=1, max_size=30).map(" ".join) | st.text(min_size=1, max_size=200))
def test_extraction_on_random_text(pipeline, text):
    article = Article(text=text, id="random", published=dt.date(2020, 5, 3))
    extraction = pipeline.extract(article)
    for event in extraction.events:  # every claim points into the text, at its own words
        spans = [event.trigger, *event.sentences, *event.targets, *event.instruments,
                 *(p.span for p in event.participants if p.span is not None)]  # None: an implied actor
        spans += [c.span for c in (event.place, event.time, event.fatalities) if c is not None and c.span]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sparql=st.text(max_size=80) | st.lists(st.sampled_from(
    ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?x", "?y", "sem:Event", "a", "rdfs:label",
     "FILTER", "(", ")", "nope:x", "SERVICE", "<http://127.0.0.1:9/>", "INSERT", "DATA", "DROP", "ALL",
     "LIMIT", "1", "geof:distance", "ex:fn", ".", ";", "\"x\"", "COUNT", "*", "GROUP BY"]),
    max_size=14).map(" ".join))
def test_query_on_any_string_never_gives_a_traceback(cli_store, sparql):
    result = CliRunner().invoke(cli, ["query", sparql, "--store", str(cli_store)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
