"""Resolving time expressions against an article's publication date.

``resolve_date("January 10", date(2019, 2, 8))`` is 2019-01-10 (the most recent past
January 10); "about two months ago" is December 2018; "last November" is November 2018.
Every result has earliest/latest bounds and a precision (day, week, month, year), as
the graph model stores them. Relative expressions need a publication date; without one
they stay unresolved (None). An event the text gives no time for takes
:func:`assumed_day`: the day before publication, said to be assumed.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year"}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_NUMBER = r"(?P<n>\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_HEDGE = re.compile(r"^(?:(?:on|in|at|over|since|from|about|around|some|nearly|almost|approximately|roughly|"
                    r"the|of|by|during|early|late|mid|earlier|later)\b[\s-]*)+")
_PARTS_OF_DAY = r"(?:night|morning|evening|afternoon|midday|noon|dawn|overnight|midnight|hours)"
_PART_OF_DAY = re.compile(r"\s+" + _PARTS_OF_DAY + "$")
#: "the early hours of", "on the night of", "the intervening night of": the day named after it
_PART_OF_DAY_OF = re.compile(r"^(?:(?:on|in|during|at|late|early|the|wee|small|intervening|same)\s+)*"
                             + _PARTS_OF_DAY + r"\s+of\s+(?:the\s+)?")
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
#: "Wednesday, January 7": the weekday before a written date adds nothing
_WEEKDAY_BEFORE_DATE = re.compile(r"^((?:on |the )*)" + _WEEKDAY + r"\s+(?=\d|(?:" + "|".join(MONTHS) + r")\b)")
#: How far before publication an event the text gives no time for may have happened.
ASSUMED_WINDOW_DAYS = 6


@dataclass(frozen=True)
class TimeSpan:
    """A time as bounds: ``earliest``..``latest`` (inclusive) with the precision of the text."""

    earliest: dt.date
    latest: dt.date
    precision: str  # "day", "week", "month", "year", or "assumed-day" (see :func:`assumed_day`)
    assumed: dt.date | None = None  # for "assumed-day": the most likely day within the bounds

    @property
    def day(self) -> dt.date | None:
        """The day the event is dated to: known from the text, or assumed."""
        return self.earliest if self.precision == "day" else self.assumed


def assumed_day(published: dt.date) -> TimeSpan:
    """The time of an event the text gives no time words for, from the publication date.

    News reports an event on the day after it happened more often than on any other day
    (wire copy and dailies go out overnight, ACLED's sources and GTD's are mostly such
    reports), so the day before publication is the assumed day; the bounds stay honest:
    the week up to and including the publication day. Precision ``assumed-day``."""
    return TimeSpan(published - dt.timedelta(days=ASSUMED_WINDOW_DAYS), published, "assumed-day",
                    published - dt.timedelta(days=1))


def parse_published(value: str) -> dt.date:
    """A publication date: ISO 8601 ("2019-02-08", "2019-02-08T10:00:00Z", "20190208"),
    RFC 2822 as RSS feeds write it ("Fri, 08 Feb 2019 10:00:00 +0000"), "8 February 2019"
    or "February 8, 2019"; a numeric date only when one reading is possible ("13/05/2020").
    Raises ValueError naming the value otherwise: "05/03/2020 is ambiguous: use 2020-03-05"."""
    text = value.strip()
    for parse in (_iso_8601, _rfc_2822, _numeric_date):
        day = parse(text)
        if day is not None:
            return day
    try:
        span = _absolute(_normalise(text))
    except (ValueError, OverflowError):
        span = None
    if span is not None and span.precision == "day":
        return span.earliest
    raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD)")


def _iso_8601(text: str) -> dt.date | None:
    if not re.match(r"^\d{4}-?(?:\d{2}|W\d{2})", text):
        return None
    for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            result = parse(text.replace("z", "Z"))
        except ValueError:
            continue
        return result.date() if isinstance(result, dt.datetime) else result
    return None


def _rfc_2822(text: str) -> dt.date | None:
    from email.utils import parsedate_tz

    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", text):
        return None  # only the feed form, with its time; "8 Feb 2019" is read below
    try:
        parts = parsedate_tz(text)
        return dt.date(*parts[:3]) if parts else None
    except (ValueError, TypeError, OverflowError):
        return None


def _numeric_date(text: str) -> dt.date | None:
    """"13/05/2020" (day first: no month 13) or "05/13/2020"; "05/03/2020" could be
    either and is refused rather than guessed."""
    m = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", text)
    if not m:
        return None
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    readings = set()
    for day, month in ((a, b), (b, a)):
        try:
            readings.add(dt.date(year, month, day))
        except ValueError:
            pass
    if len(readings) > 1:
        first, second = sorted(readings, key=lambda d: (d.month != b, d))
        raise ValueError(f"{text} is ambiguous: use {first.isoformat()} or {second.isoformat()} "
                         "(YYYY-MM-DD)")
    if not readings:
        raise ValueError(f"{text} is not a date (use YYYY-MM-DD)")
    return readings.pop()


def resolve_date(text: str, published: dt.date | None) -> TimeSpan | None:
    """Bounds for a time expression, or None when it cannot be resolved. Never raises."""
    try:
        return _resolve(_normalise(text), published)
    except (ValueError, OverflowError):
        return None


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"[,()]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = _PART_OF_DAY_OF.sub("", text)  # "the early hours of Tuesday": Tuesday
    text = _WEEKDAY_BEFORE_DATE.sub(r"\1", text)
    m = _PART_OF_DAY.search(text)
    if m and m.start() > 0:
        text = text[:m.start()]
        # "this morning", "early this morning": today; "last night", "late last night": yesterday
        text = re.sub(r"\bthis$", "today", text)
        text = re.sub(r"\blast$", "yesterday", text)
    return text


def _resolve(text: str, published: dt.date | None) -> TimeSpan | None:
    if text.startswith("since "):
        return _since(text, text, published)
    span = _absolute(text)
    if span is not None:
        return span
    if published is None:
        return None
    core = _HEDGE.sub("", text).strip()
    for rule in (_named_day, _weekday, _relative_period, _ago, _month_range,
                 _day_month_without_year, _day_of_month, _month_without_year, _future):
        span = rule(core, text, published)
        if span is not None:
            return span
    return None


def _absolute(text: str) -> TimeSpan | None:
    """Dates that carry their year: they need no publication date."""
    core = _HEDGE.sub("", text).strip()
    patterns = [
        rf"^{_DAY} (?:of )?{_MONTH} {_YEAR}$",
        rf"^{_MONTH} {_DAY} {_YEAR}$",
    ]
    for pattern in patterns:
        m = re.match(pattern, core)
        if m:
            day = dt.date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
            return TimeSpan(day, day, "day")
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", core)
    if m:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return TimeSpan(day, day, "day")
    m = re.match(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$", core)
    if m:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return TimeSpan(day, day, "day")
    m = re.match(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$", core)
    if m:  # day first, as in most of the world's news
        day = dt.date(int(m[4]), int(m[3]), int(m[1]))
        return TimeSpan(day, day, "day")
    m = re.match(rf"^{_DAY}\s*-\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH} {_YEAR}$", core)
    if m:
        month, year = MONTHS[m["month"]], int(m["year"])
        return _span(dt.date(year, month, int(m["day"])), dt.date(year, month, int(m["day2"])))
    m = re.match(rf"^{_MONTH} {_YEAR}$", core)
    if m:
        return _month(int(m["year"]), MONTHS[m["month"]])
    m = re.match(r"^(\d{4})$", core)
    if m and 1900 <= int(m[1]) <= 2100:
        year = int(m[1])
        return TimeSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    m = re.match(r"^(\d{3})0s$", core)
    if m:
        start = int(m[1]) * 10
        return TimeSpan(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "year")
    return None


def _named_day(core, text, published):
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "overnight": 0, "tomorrow": 1,
               "the day before yesterday": -2, "day before yesterday": -2}
    for phrase, offset in offsets.items():
        if core == phrase or text == phrase or core == phrase.removeprefix("the "):
            day = published + dt.timedelta(days=offset)
            return TimeSpan(day, day, "day")
    return None


def _weekday(core, text, published):
    # "Tuesday last" (Indian and Pakistani English); "Tuesday-Wednesday night", "the intervening
    # night of Tuesday and Wednesday": the night that begins on the first
    m = re.match(r"^(?:last |this |past )?(?P<wd>" + _WEEKDAY + r")(?: last|\s*(?:-|and|/)\s*" + _WEEKDAY + ")?$", core)
    if not m:
        return None
    back = (published.weekday() - WEEKDAYS[m["wd"]]) % 7 or 7
    if core.startswith("this ") and back == 7:
        back = 0
    day = published - dt.timedelta(days=back)
    return TimeSpan(day, day, "day")


def _relative_period(core, text, published):
    year, month = published.year, published.month
    if core in ("last week", "previous week"):
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return TimeSpan(monday, monday + dt.timedelta(days=6), "week")
    if core in ("this week", "week", "past week", "last seven days", "past seven days", "past few days",
                "last few days", "recent days"):
        return TimeSpan(published - dt.timedelta(days=6), published, "week")
    if core in ("last month", "previous month"):
        y, m = (year, month - 1) if month > 1 else (year - 1, 12)
        return _month(y, m)
    if core in ("this month", "month"):
        return TimeSpan(dt.date(year, month, 1), published, "month")
    if core in ("last year", "previous year"):
        return TimeSpan(dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31), "year")
    if core in ("this year", "year"):
        return TimeSpan(dt.date(year, 1, 1), published, "year")
    m = re.match(rf"^(?:last|this past|past) {_MONTH}$", core)
    if m:
        return _past_month(MONTHS[m["month"]], published, strictly_before=True)
    m = re.match(rf"^{_MONTH} (?:of )?(?P<which>last|this) year$", core)
    if m:
        if m["which"] == "last":
            return _month(year - 1, MONTHS[m["month"]])
        return _past_month(MONTHS[m["month"]], published, strictly_before=False)
    if core in ("weekend", "last weekend", "this weekend", "past weekend"):
        # the Saturday and Sunday on or before publication; "last weekend" in a weekend's
        # paper is the one before
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if core == "last weekend" and published.weekday() >= 5:
            saturday -= dt.timedelta(days=7)
        return TimeSpan(saturday, min(saturday + dt.timedelta(days=1), published), "week")
    return None


def _ago(core, text, published):
    m = re.match(rf"^{_NUMBER} (?P<unit>days?|weeks?|months?|years?) ago$", core)
    if not m:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    unit = UNITS[m["unit"]]
    if unit == "day":
        day = published - dt.timedelta(days=n)
        return TimeSpan(day, day, "day")
    if unit == "week":
        centre = published - dt.timedelta(days=7 * n)
        return TimeSpan(centre - dt.timedelta(days=3), min(centre + dt.timedelta(days=3), published), "week")
    if unit == "month":
        total = published.year * 12 + published.month - 1 - n
        return _month(total // 12, total % 12 + 1)
    year = published.year - n
    return TimeSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _since(core, text, published):
    """"since 2012": from the start of that period until publication (or its end, when
    the publication date is unknown)."""
    rest = text.removeprefix("since ").strip()
    start = _absolute(rest) or (_resolve_simple(rest, published) if published else None)
    if start is None:
        return None
    return TimeSpan(start.earliest, published or start.latest, start.precision)


def _resolve_simple(text, published):
    core = _HEDGE.sub("", text).strip()
    return _day_month_without_year(core, text, published) or _month_without_year(core, text, published)


def _month_range(core, text, published):
    patterns = [rf"^{_MONTH} {_DAY}\s*(?:-|to|and) ?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?$",
                rf"^(?:between )?{_DAY}\s*(?:-|to|and) ?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}$"]
    for pattern in patterns:
        m = re.match(pattern, core)
        if m:
            first = _past_day(MONTHS[m["month"]], int(m["day"]), published)
            last = first.replace(day=int(m["day2"]))
            return _span(first, last)
    return None


def _day_month_without_year(core, text, published):
    m = re.match(rf"^{_MONTH} {_DAY}$", core) or re.match(rf"^{_DAY} (?:of )?{_MONTH}$", core)
    if not m:
        return None
    day = _past_day(MONTHS[m["month"]], int(m["day"]), published)
    return TimeSpan(day, day, "day")


def _day_of_month(core, text, published):
    """"the 7th": that day of the publication month, or of the month before when it is
    still to come; "the 7th of this month", "7th inst.": of the publication month."""
    m = re.match(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)(?P<this> of (?:this|the) month| inst(?:ant)?)?$", core)
    if not m:
        return None
    day = int(m["day"])
    if day <= published.day or m["this"]:
        found = published.replace(day=day)  # raises ValueError for a day the month lacks
    else:
        found = (published.replace(day=1) - dt.timedelta(days=1)).replace(day=day)
    return TimeSpan(found, found, "day")


def _month_without_year(core, text, published):
    m = re.match(rf"^{_MONTH}$", core)
    if not m:
        return None
    return _past_month(MONTHS[m["month"]], published, strictly_before=False)


def _future(core, text, published):
    if core == "next week":
        monday = published + dt.timedelta(days=7 - published.weekday())
        return TimeSpan(monday, monday + dt.timedelta(days=6), "week")
    if core == "next month":
        y, m = (published.year, published.month + 1) if published.month < 12 else (published.year + 1, 1)
        return _month(y, m)
    if core == "next year":
        return TimeSpan(dt.date(published.year + 1, 1, 1), dt.date(published.year + 1, 12, 31), "year")
    return None


def _past_day(month: int, day: int, published: dt.date) -> dt.date:
    """The most recent ``day month`` on or before publication."""
    candidate = dt.date(published.year, month, day)
    return candidate if candidate <= published else dt.date(published.year - 1, month, day)


def _past_month(month: int, published: dt.date, strictly_before: bool) -> TimeSpan:
    """The most recent ``month`` (the current one counts unless ``strictly_before``)."""
    year = published.year
    if month > published.month or (strictly_before and month == published.month):
        year -= 1
    span = _month(year, month)
    if span.latest > published:
        return TimeSpan(span.earliest, published, "month")
    return span


def _month(year: int, month: int) -> TimeSpan:
    last = calendar.monthrange(year, month)[1]
    return TimeSpan(dt.date(year, month, 1), dt.date(year, month, last), "month")


def _span(first: dt.date, last: dt.date) -> TimeSpan:
    if last < first:
        first, last = last, first
    days = (last - first).days
    precision = "day" if days == 0 else "week" if days <= 7 else "month"
    return TimeSpan(first, last, precision)
