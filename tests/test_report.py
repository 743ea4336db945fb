"""The HTML report, opened in a real headless Chromium (Debian's `chromium`; `.ci/run` installs it)."""
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.export import EventFilter, events_table
from graphbuild.report import write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def chromium(tmp_path, *args) -> subprocess.CompletedProcess:
    assert CHROMIUM is not None, "the report test needs Debian's chromium: apt-get install -y chromium"
    profile = tmp_path / "chromium-profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


class Elements(HTMLParser):
    """Counts tags, ids and classes of a rendered DOM; collects external references."""

    def __init__(self):
        super().__init__()
        self.ids, self.tags, self.classes, self.external = set(), {}, {}, []
        self.attrs = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in attrs:
            self.ids.add(attrs["id"])
            self.attrs[attrs["id"]] = attrs
        for name in (attrs.get("class") or "").split():
            self.classes[name] = self.classes.get(name, 0) + 1
        if tag == "body":
            self.attrs["body"] = attrs
        for key in ("src", "href"):
            if attrs.get(key) and not attrs[key].startswith(("#", "data:")):
                self.external.append(attrs[key])


@pytest.fixture(scope="module")
def report(example_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    summary = write_report(example_store, path, title="Example conflicts")
    return path, summary


def test_report_renders_in_chromium_with_every_part(report, example_store, tmp_path):
    path, summary = report
    result = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Elements()
    dom.feed(result.stdout)
    assert dom.attrs["body"].get("data-ready") == "1"  # the page's script ran
    assert {"summary", "timeline-chart", "map-chart", "network-chart", "actors-table", "pairs-table",
            "hotspots-table", "weekly-table", "events", "event-filter"} <= dom.ids
    rows = events_table(example_store)
    located = [r for r in rows if r["latitude"] != ""]
    assert dom.classes["event"] == len(rows) == summary["events"]
    assert dom.classes["event-point"] == len(located)
    assert dom.classes["actor-node"] == summary["actors"]
    assert dom.classes["bar"] >= 1
    assert dom.external == []  # offline: no scripts, styles or images from elsewhere
    assert "Example conflicts" in result.stdout
    # every event shows its evidence sentence
    assert "January 10" in result.stdout and "Hajin" in result.stdout


def test_report_screenshot_is_a_real_picture(report, tmp_path):
    path, _ = report
    png = tmp_path / "report.png"
    result = chromium(tmp_path, f"--screenshot={png}", "--window-size=1000,2400", path.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1000, 2400)
    assert len(data) > 50_000  # charts and tables, not a blank page


def test_report_is_self_contained_and_follows_filters(example_store, tmp_path):
    path = tmp_path / "syria.html"
    summary = write_report(example_store, path, where=EventFilter.of(countries=["Syria"]))
    page = path.read_text(encoding="utf-8")
    assert summary["events"] == len(events_table(example_store, EventFilter.of(countries=["Syria"])))
    assert page.count('class="event"') == summary["events"]
    assert "filtered by country Syria" in page
    assert not re.search(r"""(src|href)=["']https?:""", page)
    assert "Borno" not in page  # a Nigerian place stays out


def test_report_command(cli_store, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--store", str(cli_store), "-o", str(out), "--type", "Battles"])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ events, \d+ actors, \d+ places -> ", result.output)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_empty_report_still_renders(tmp_path, example_store):
    path = tmp_path / "empty.html"
    summary = write_report(example_store, path, where=EventFilter.of(start="2030-01-01"))
    assert summary["events"] == 0
    assert "No dated events." in path.read_text(encoding="utf-8")


TOWNS = ["Maiduguri", "Jos", "Kano", "Idlib", "Aleppo", "Homs", "Kandahar", "Kabul", "Herat", "Beirut",
         "Mogadishu", "Kismayo", "Goma", "Beni", "Bamako", "Gao", "Mosul", "Kirkuk", "Aden", "Taiz",
         "Khartoum", "Juba", "Peshawar", "Quetta", "Benghazi", "Misrata", "Sittwe", "Marawi", "Kharkiv", "Donetsk"]
TEMPLATES = ["Gunmen killed {n} villagers near {town} on Monday, police said.",
             "Troops clashed with militants in {town} on Tuesday; {n} soldiers died.",
             "Hundreds of protesters marched in {town} on Wednesday against rising prices.",
             "An air strike hit a market in {town} on Thursday, killing {n} civilians.",
             "A roadside bomb exploded in {town} on Friday, wounding {n} people."]


@pytest.fixture(scope="module")
def big_store(tmp_path_factory, pipeline):
    """1,500 short articles written for this test, over two years and thirty towns, and a
    few with no event at all."""
    import datetime as dt

    from graphbuild.articles import Article
    from graphbuild.pipeline import ingest
    from graphbuild.store import Store

    start = dt.date(2019, 1, 7)
    articles = [Article(id=f"note-{i:04d}", published=start + dt.timedelta(days=i // 2),
                        text=TEMPLATES[i % len(TEMPLATES)].format(n=2 + i % 9, town=TOWNS[(i * 7) % len(TOWNS)]))
                for i in range(1490)]
    articles += [Article(id=f"quiet-{i}", published=start, text=f"The weather in {TOWNS[i]} was mild on Monday.")
                 for i in range(10)]
    store = Store(tmp_path_factory.mktemp("big") / "store")
    report = ingest(articles, store, pipeline=pipeline, batch_size=64)
    assert report.failed == 0 and report.ingested == 1500
    return store


def test_the_report_of_1500_articles_fits_a_1200_px_window(big_store, tmp_path):
    from graphbuild.analysis import store_stats

    path = tmp_path / "big.html"
    summary = write_report(big_store, path)
    result = chromium(tmp_path, "--dump-dom", "--window-size=1200,900", path.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Elements()
    dom.feed(result.stdout)
    body = dom.attrs["body"]
    assert body.get("data-ready") == "1"
    assert int(body["data-scroll-width"]) <= 1200  # no sideways scrolling
    assert body["data-map-label-overlaps"] == "0"
    assert body["data-network-labels-outside"] == "0"
    assert dom.classes["event"] == summary["events"] > 1000
    # the map has its outlines, and labels were thinned rather than piled up
    page = path.read_text(encoding="utf-8")
    land = re.search(r'<path class="land" d="([^"]*)"', page)
    assert land and land.group(1).count("M") > 20
    assert 5 <= len(re.findall(r'<text class="place"', page)) <= 40
    # the articles card says what `stats` says, quiet articles included
    card = re.search(r'<li data-name="articles"><b>(\d+)</b>', page)
    assert int(card.group(1)) == store_stats(big_store)["articles"] == 1500
