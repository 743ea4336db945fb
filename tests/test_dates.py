"""Time expressions resolved against the publication date (2019-02-08 is a Friday)."""
import datetime as dt

import pytest

from graphbuild.dates import TimeSpan, assumed_day, parse_published, resolve_date

PUB = dt.date(2019, 2, 8)
D = dt.date


DAYS = [
    ("January 10", D(2019, 1, 10), D(2019, 1, 10), "day"),
    ("10 January", D(2019, 1, 10), D(2019, 1, 10), "day"),
    ("Jan. 10", D(2019, 1, 10), D(2019, 1, 10), "day"),
    ("December 28", D(2018, 12, 28), D(2018, 12, 28), "day"),
    ("February 8", D(2019, 2, 8), D(2019, 2, 8), "day"),
    ("On 27 April 2020", D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("April 27, 2020", D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("2nd May 2020", D(2020, 5, 2), D(2020, 5, 2), "day"),
    ("2020-04-27", D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("27/04/2020", D(2020, 4, 27), D(2020, 4, 27), "day"),
    # ordinals and the other ways news writes a day
    ("January 7th", D(2019, 1, 7), D(2019, 1, 7), "day"),
    ("the 7th of January", D(2019, 1, 7), D(2019, 1, 7), "day"),
    ("Jan 7th, 2019", D(2019, 1, 7), D(2019, 1, 7), "day"),
    ("7 Jan 2015", D(2015, 1, 7), D(2015, 1, 7), "day"),
    ("the 7th", D(2019, 2, 7), D(2019, 2, 7), "day"),
    ("on the 3rd of this month", D(2019, 2, 3), D(2019, 2, 3), "day"),
    ("the 28th", D(2019, 1, 28), D(2019, 1, 28), "day"),  # still to come this month: last month's
    ("on the night of 3 February", D(2019, 2, 3), D(2019, 2, 3), "day"),
    ("in the early hours of Tuesday", D(2019, 2, 5), D(2019, 2, 5), "day"),
    ("early on Tuesday", D(2019, 2, 5), D(2019, 2, 5), "day"),
    ("Tuesday last", D(2019, 2, 5), D(2019, 2, 5), "day"),
    ("the intervening night of Tuesday and Wednesday", D(2019, 2, 5), D(2019, 2, 5), "day"),
    ("Wednesday, February 6", D(2019, 2, 6), D(2019, 2, 6), "day"),
    ("Sunday (3 February 2019)", D(2019, 2, 3), D(2019, 2, 3), "day"),
    ("2019/02/06", D(2019, 2, 6), D(2019, 2, 6), "day"),
    ("6.2.2019", D(2019, 2, 6), D(2019, 2, 6), "day"),
]


@pytest.mark.parametrize("text, day", [
    ("yesterday", D(2019, 2, 7)),
    ("today", D(2019, 2, 8)),
    ("last night", D(2019, 2, 7)),
    ("Thursday", D(2019, 2, 7)),
    ("on Thursday night", D(2019, 2, 7)),
    ("this morning", D(2019, 2, 8)),
    ("early this morning", D(2019, 2, 8)),
    ("late last night", D(2019, 2, 7)),
    ("last evening", D(2019, 2, 7)),
    ("Friday", D(2019, 2, 1)),
    ("last Monday", D(2019, 2, 4)),
    ("two days ago", D(2019, 2, 6)),
    ("tomorrow", D(2019, 2, 9)),
])
def test_relative_days(text, day):
    assert resolve_date(text, PUB) == TimeSpan(day, day, "day")


PERIODS = [
    ("in January", D(2019, 1, 1), D(2019, 1, 31), "month"),
    ("last November", D(2018, 11, 1), D(2018, 11, 30), "month"),
    ("November", D(2018, 11, 1), D(2018, 11, 30), "month"),
    ("January 2019", D(2019, 1, 1), D(2019, 1, 31), "month"),
    ("about two months ago", D(2018, 12, 1), D(2018, 12, 31), "month"),
    ("last month", D(2019, 1, 1), D(2019, 1, 31), "month"),
    ("earlier this month", D(2019, 2, 1), D(2019, 2, 8), "month"),
    ("last week", D(2019, 1, 28), D(2019, 2, 3), "week"),
    ("this week", D(2019, 2, 2), D(2019, 2, 8), "week"),
    ("two weeks ago", D(2019, 1, 22), D(2019, 1, 28), "week"),
    ("2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("last year", D(2018, 1, 1), D(2018, 12, 31), "year"),
    ("since 2012", D(2012, 1, 1), D(2019, 2, 8), "year"),
    ("since January", D(2019, 1, 1), D(2019, 2, 8), "month"),
    ("January 10-12", D(2019, 1, 10), D(2019, 1, 12), "week"),
    ("between 1 and 3 February", D(2019, 2, 1), D(2019, 2, 3), "week"),
    ("next week", D(2019, 2, 11), D(2019, 2, 17), "week"),
    ("January 7th and 8th", D(2019, 1, 7), D(2019, 1, 8), "week"),
    ("over the weekend", D(2019, 2, 2), D(2019, 2, 3), "week"),
    ("November last year", D(2018, 11, 1), D(2018, 11, 30), "month"),
]


@pytest.mark.parametrize("text, earliest, latest, precision", DAYS + PERIODS)
def test_spans(text, earliest, latest, precision):
    """Days and periods resolve to their bounds and precision against the publication date."""
    assert resolve_date(text, PUB) == TimeSpan(earliest, latest, precision)


@pytest.mark.parametrize("text", ["yesterday", "January 10", "last week", "two months ago"])
def test_relative_expressions_need_a_publication_date(text):
    assert resolve_date(text, None) is None


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("On 27 April 2020", None).day == D(2020, 4, 27)


@pytest.mark.parametrize("text", ["weeks", "a number of occasions", "the past", "decades", "", "the night",
                                  "morning", "the 32nd", "the 30th inst", "the early hours of", "24 hours"])
def test_unresolvable(text):
    assert resolve_date(text, PUB) is None


def test_parse_published():
    assert parse_published("2019-02-08") == D(2019, 2, 8)
    assert parse_published("2019-02-08T10:15:00Z") == D(2019, 2, 8)
    assert parse_published("8 February 2019") == D(2019, 2, 8)
    assert parse_published("February 8, 2019") == D(2019, 2, 8)
    for bad in ("31/31/2020", "yesterday", "2019-02-30", ""):
        with pytest.raises(ValueError, match="is not a date"):
            parse_published(bad)


def test_an_event_with_no_time_words_is_assumed_the_day_before_publication():
    span = assumed_day(PUB)
    assert span == TimeSpan(D(2019, 2, 2), PUB, "assumed-day", D(2019, 2, 7))
    assert span.day == D(2019, 2, 7)
    assert resolve_date("January 10", PUB).assumed is None
    assert resolve_date("last week", PUB).day is None
