"""One self-contained, offline HTML report: summary numbers, a timeline, a map, the actor
network, the top tables and every event with its evidence sentence and source.

The pictures are inline SVG drawn here (no JavaScript library, no CDN, no tile server), so
the file opens anywhere, prints, and can be mailed as it is.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from collections import Counter, defaultdict

import networkx as nx

from . import __version__
from .analysis import count_articles, fighting_pairs, hotspots, plottable, top_actors, week_of, weekly
from .export import (ACTOR_TYPE_COLOURS, DEFAULT_MODALITIES, EVENT_TYPE_COLOURS, OTHER_COLOUR, EventFilter,
                     EventRecord, _actors_view, colour_of, load_events)
from .basemap import outlines
from .store import Store

EVENT_TYPES = list(EVENT_TYPE_COLOURS)


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _legend(colours: dict[str, str], present: set[str]) -> str:
    items = "".join(f'<span class="key"><i style="background:{c}"></i>{_e(name)}</span>'
                    for name, c in colours.items() if name in present)
    return f'<div class="legend">{items}</div>'


# --- timeline ---------------------------------------------------------------------------

def timeline_svg(records: list[EventRecord], width: int = 900, height: int = 260) -> str:
    """Stacked bars of events per week (per month beyond two years) by event type."""
    dated = [r for r in records if plottable(r)]
    left_out = len(records) - len(dated)
    note = (f'<p class="note">{left_out} event{"s" if left_out != 1 else ""} dated only to a year, or '
            'undated, left out.</p>') if left_out else ""
    if not dated:
        return '<p class="empty">No dated events.</p>' + note
    days = sorted(dt.date.fromisoformat(r.date) for r in dated)
    monthly = (days[-1] - days[0]).days > 730
    bucket = (lambda d: d[:7] + "-01") if monthly else week_of
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in dated:
        counts[bucket(r.date)][r.row["event_type"]] += 1
    # every bucket between the first and the last, so gaps show as gaps
    buckets, day = [], dt.date.fromisoformat(min(counts))
    last = dt.date.fromisoformat(max(counts))
    while day <= last:
        buckets.append(day.isoformat())
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) if monthly else day + dt.timedelta(days=7)
    left, bottom, top = 40, 40, 10
    plot_w, plot_h = width - left - 30, height - bottom - top
    peak = max(sum(c.values()) for c in counts.values())
    bar_w = plot_w / len(buckets)
    parts = [f'<svg class="chart" id="timeline-chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Events per {"month" if monthly else "week"} by type">']
    for tick in sorted({0, peak, (peak + 1) // 2}):
        y = top + plot_h - plot_h * tick / peak
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    label_every = max(1, math.ceil(len(buckets) / 12))
    for i, name in enumerate(buckets):
        x, y = left + i * bar_w, top + plot_h
        for etype in EVENT_TYPES + sorted(set(counts.get(name, {})) - set(EVENT_TYPES)):
            n = counts.get(name, Counter())[etype]
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect class="bar" x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                         f'height="{h:.1f}" fill="{EVENT_TYPE_COLOURS.get(etype, OTHER_COLOUR)}">'
                         f'<title>{_e(name)}: {n} × {_e(etype)}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                         f'{_e(name[:7] if monthly else name)}</text>')
    parts.append(f'<text x="{left}" y="{height - 4}" class="axis">{"month" if monthly else "week starting"}'
                 f' · events</text></svg>')
    present = {r.row["event_type"] for r in dated}
    return "".join(parts) + _legend(EVENT_TYPE_COLOURS, present) + note


def _anchor(x: float, width: float, default: str = "start") -> str:
    """The text anchor that keeps a label inside the picture near its left or right edge."""
    return "end" if x > 0.82 * width else "start" if x < 0.18 * width else default


class Labels:
    """Text labels that do not overlap and stay inside a frame: each tries a few spots
    around its point, best first, and takes the first free one; with ``always`` it falls
    back to the first spot that fits the frame, else it is left out (thinned)."""

    def __init__(self, left: float, top: float, right: float, bottom: float):
        self.frame = (left, top, right, bottom)
        self.boxes: list[tuple[float, float, float, float]] = []

    @staticmethod
    def width(text: str, size: float) -> float:
        return 0.6 * size * len(text) + 2  # system-ui at this size: about 0.55 em a character

    def place(self, text: str, x: float, y: float, size: float = 11, gap: float = 6,
              spots=("right", "left", "above", "below"), always: bool = False, shifts=(0,)):
        """(x, y, text-anchor) of the label, or None when it is thinned out. ``shifts`` are
        further rows away from the point to try (a map label stays beside its point)."""
        w, h = self.width(text, size), size * 1.2
        left, top, right, bottom = self.frame
        fitting = []
        for spot, shift in ((spot, shift) for shift in shifts for spot in spots):
            bx = {"right": x + gap, "left": x - gap - w}.get(spot, x - w / 2)
            by = {"above": y - gap - h * (1 + shift), "below": y + gap + h * shift}.get(
                spot, y - h / 2 + h * shift * (1 if shift % 2 else -1))
            bx, by = min(max(bx, left), right - w), min(max(by, top), bottom - h)  # inside the frame
            box = (bx, by, bx + w, by + h)
            if w > right - left:
                continue
            fitting.append(box)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in self.boxes):
                break
        else:
            if not (always and fitting):
                return None
            box = min(fitting, key=self._overlap)  # crowded: where it covers the least
        self.boxes.append(box)
        return box[0], box[1] + 0.85 * h, "start"

    def _overlap(self, box) -> float:
        return sum(max(0.0, min(box[2], b[2]) - max(box[0], b[0])) * max(0.0, min(box[3], b[3]) - max(box[1], b[1]))
                   for b in self.boxes)


# --- map --------------------------------------------------------------------------------

def map_svg(records: list[EventRecord], width: int = 900, height: int = 480) -> str:
    """Event points on a plain longitude/latitude frame with a graticule (no base map)."""
    located = [r for r in records if r.row["latitude"] != ""]
    if not located:
        return '<p class="empty">No located events.</p>'
    lats = [float(r.row["latitude"]) for r in located]
    lons = [float(r.row["longitude"]) for r in located]
    pad = max(1.0, 0.08 * max(max(lats) - min(lats), max(lons) - min(lons)))
    south, north = max(min(lats) - pad, -90.0), min(max(lats) + pad, 90.0)
    west, east = max(min(lons) - pad, -180.0), min(max(lons) + pad, 180.0)
    # equirectangular with the longitude shrunk by cos(mid-latitude), aspect kept
    k = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * k, north - south
    scale = min((width - 60) / span_x, (height - 40) / span_y)
    off_x = 40 + ((width - 60) - span_x * scale) / 2
    off_y = 10 + ((height - 40) - span_y * scale) / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return off_x + (lon - west) * k * scale, off_y + (north - lat) * scale

    step = next(s for s in (1, 2, 5, 10, 20, 30, 45, 90) if max(east - west, north - south) / s <= 10)
    frame = (f'x="{off_x:.1f}" y="{off_y:.1f}" width="{span_x * scale:.1f}" height="{span_y * scale:.1f}"')
    shapes = outlines(south, north, west, east, xy)
    parts = [f'<svg class="chart" id="map-chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Map of located events">',
             f'<defs><clipPath id="map-clip"><rect {frame}/></clipPath></defs>',
             f'<rect {frame} class="frame"/>',
             f'<g clip-path="url(#map-clip)"><path class="land" d="{shapes.land}"/>'
             f'<path class="water" d="{shapes.water}"/><path class="border" d="{shapes.borders}"/></g>']
    labels = Labels(off_x, off_y, off_x + span_x * scale, off_y + span_y * scale)
    for lon in range(math.ceil(west / step) * step, math.floor(east) + 1, step):
        x, _ = xy(north, lon)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{off_y:.1f}" y2="{off_y + span_y * scale:.1f}" '
                     f'class="grid"/><text x="{x:.1f}" y="{off_y + span_y * scale + 14:.1f}" '
                     f'text-anchor="middle">{abs(lon)}°{"E" if lon >= 0 else "W"}</text>')
    for lat in range(math.ceil(south / step) * step, math.floor(north) + 1, step):
        _, y = xy(lat, west)
        parts.append(f'<line x1="{off_x:.1f}" x2="{off_x + span_x * scale:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'class="grid"/><text x="{off_x - 4:.1f}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{abs(lat)}°{"N" if lat >= 0 else "S"}</text>')
    points = sorted(zip(located, lats, lons), key=lambda t: -(t[0].fatalities or 0))
    for r, lat, lon in points:  # the points first: labels then avoid them as well as each other
        x, y = xy(lat, lon)
        radius = min(4 + 2 * math.sqrt(r.fatalities or 0), 18)
        labels.boxes.append((x - radius, y - radius, x + radius, y + radius))
    place_labels: list[str] = []
    labelled: set[str] = set()
    circles = []
    for r, lat, lon in points:
        x, y = xy(lat, lon)
        radius = 4 + 2 * math.sqrt(r.fatalities or 0)
        precision = r.row["geo_precision"]
        dash = ' stroke-dasharray="2 2"' if str(precision) not in ("1", "") else ""
        circles.append(f'<circle class="event-point" cx="{x:.1f}" cy="{y:.1f}" r="{min(radius, 18):.1f}" '
                       f'fill="{colour_of("event", r.row["event_type"])}"{dash}>'
                       f'<title>{_e(r.label)} · {_e(r.row["fatalities"] or "?")} killed</title></circle>')
        name = r.row["location"]
        if name and name not in labelled and len(labelled) < 40:
            spot = labels.place(name, x, y, gap=min(radius, 18) + 2)
            if spot:  # a label that would overlap another, or a point, is left out
                labelled.add(name)
                place_labels.append(f'<text class="place" x="{spot[0]:.1f}" y="{spot[1]:.1f}">{_e(name)}</text>')
    # then country names at the middle of their events (most events first), faint, under the points
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r, lat, lon in zip(located, lats, lons):
        by_country[r.row["country"]].append(xy(lat, lon))
    for country, spots in sorted(by_country.items(), key=lambda item: (-len(item[1]), item[0])):
        if country:
            cx = sum(p[0] for p in spots) / len(spots)
            cy = sum(p[1] for p in spots) / len(spots)
            spot = labels.place(country, cx, cy, size=16, gap=18, spots=("above", "below", "right", "left"))
            if spot:
                parts.append(f'<text class="country" x="{spot[0]:.1f}" y="{spot[1]:.1f}">{_e(country)}</text>')
    parts += circles
    parts += place_labels
    parts.append("</svg>")
    present = {r.row["event_type"] for r in located}
    note = (f'<p class="note">{len(located)} of {len(records)} events have coordinates; dashed points '
            'are approximate (near a place, a region or a country).</p>')
    return "".join(parts) + _legend(EVENT_TYPE_COLOURS, present) + note


# --- actor network ----------------------------------------------------------------------

def network_svg(network: nx.Graph, width: int = 900, height: int = 560, limit: int = 40) -> str:
    """The actor network: actors sized by events and coloured by category; red edges for
    actors on opposite sides of an event, grey for actors on the same side."""
    if network.number_of_nodes() == 0:
        return '<p class="empty">No actors.</p>'
    keep = sorted(network.nodes, key=lambda n: (-network.nodes[n].get("events", 0), n))[:limit]
    graph = network.subgraph(keep)
    positions = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(max(graph.number_of_nodes(), 1)))
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)

    def place(n) -> tuple[float, float]:
        x, y = positions[n]
        sx = 90 + (x - min_x) / ((max_x - min_x) or 1) * (width - 180)
        sy = 40 + (y - min_y) / ((max_y - min_y) or 1) * (height - 70)
        return sx, sy

    parts = [f'<svg class="chart" id="network-chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Actor network">']
    for a, b, attrs in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(a), place(b)
        colour = "#d62728" if attrs.get("opposed") else "#999999"
        parts.append(f'<line class="tie" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="{colour}" stroke-width="{1 + math.log2(attrs.get("events", 1)):.1f}">'
                     f'<title>{_e(graph.nodes[a]["label"])} – {_e(graph.nodes[b]["label"])}: '
                     f'{attrs.get("events", 0)} events</title></line>')
    labels, texts = Labels(2, 2, width - 2, height - 2), []
    busiest = max(attrs.get("events", 1) for _, attrs in graph.nodes(data=True)) or 1
    # area by events, the busiest actor 18 px wide at most, so that nodes stay apart at scale
    radii = {n: 4 + 14 * math.sqrt(attrs.get("events", 1) / busiest) for n, attrs in graph.nodes(data=True)}
    for n in graph:
        x, y = place(n)
        labels.boxes.append((x - radii[n], y - radii[n], x + radii[n], y + radii[n]))
    # the busiest actors are labelled first; every label stays inside the picture, moved
    # around its node to keep clear of the others
    for n, attrs in sorted(graph.nodes(data=True), key=lambda item: (-item[1].get("events", 0), item[0])):
        x, y = place(n)
        radius = radii[n]
        parts.append(f'<circle class="actor-node" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
                     f'fill="{colour_of("actor", attrs["actor_type"])}"><title>{_e(attrs["label"])} · '
                     f'{_e(attrs["actor_type"])} · {attrs.get("events", 0)} events</title></circle>')
        spot = labels.place(attrs["label"], x, y, gap=radius + 3, spots=("above", "below", "right", "left"),
                            always=True, shifts=(0, 1, 2))
        if spot:
            texts.append(f'<text class="actor-label" x="{spot[0]:.1f}" y="{spot[1]:.1f}">{_e(attrs["label"])}</text>')
    parts += texts
    parts.append("</svg>")
    present = {a["actor_type"] for _, a in graph.nodes(data=True)}
    note = "" if graph.number_of_nodes() == network.number_of_nodes() else \
        f'<p class="note">The {limit} most active of {network.number_of_nodes()} actors.</p>'
    return "".join(parts) + _legend(ACTOR_TYPE_COLOURS, present) + note


# --- tables -----------------------------------------------------------------------------

def table_html(rows: list[dict], columns: list[str], table_id: str) -> str:
    if not rows:
        return f'<p class="empty" id="{table_id}">None.</p>'
    head = "".join(f"<th>{_e(c.replace('_', ' '))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f'<td class="{"num" if isinstance(r.get(c), (int, float)) else ""}">'
                                    f'{_e(r.get(c))}</td>' for c in columns) + "</tr>" for r in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def events_html(records: list[EventRecord]) -> str:
    """Every event with its evidence: the sentences it was read from and who reported it."""
    rows = []
    for r in records:
        row = r.row
        actors = " vs ".join(filter(None, [row["actor1"], row["actor2"]]))
        place = ", ".join(filter(None, [row["location"], row["admin1"] if row["admin1"] != row["location"] else "",
                                        row["country"] if row["country"] != row["location"] else ""]))
        rows.append(
            f'<tr class="event" data-type="{_e(row["event_type"])}">'
            f'<td>{_e(r.date or "undated")}<br><small>{_e(row["time_precision"])}</small></td>'
            f'<td><i class="dot" style="background:{colour_of("event", row["event_type"])}"></i>'
            f'{_e(row["sub_event_type"])}'
            f'{"" if r.kind == row["sub_event_type"] else "<br><small>" + _e(r.kind) + "</small>"}</td>'
            f'<td>{_e(actors)}</td><td>{_e(place)}</td><td class="num">{_e(row["fatalities"])}</td>'
            f'<td class="evidence"><q>{_e(row["sentence"])}</q><br><small>{_e(row["source"] or "source not named")}'
            f' · <span class="ids">{" ".join(_e(d) for d in row["doc_ids"].split("|"))}</span>'
            f' · {_e(row["modality"])}</small></td></tr>')
    head = "".join(f"<th>{h}</th>" for h in ("date", "type", "actors", "place", "killed", "evidence"))
    return (f'<input id="event-filter" type="search" placeholder="Filter events by any word…" '
            f'aria-label="Filter events">'
            f'<table id="events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:960px;
padding:16px 24px;color:#222}
h1{margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:4px}
.summary{display:flex;flex-wrap:wrap;gap:12px;padding:0;list-style:none}
.summary li{background:#f4f6f8;border-radius:6px;padding:8px 14px;min-width:90px}
.summary b{display:block;font-size:22px}
svg.chart{width:100%;height:auto;background:#fff}
svg text{font-size:11px;fill:#444}svg .axis{fill:#666}
.grid{stroke:#d8dde2;stroke-width:.6}.frame{fill:#dbe9f5;stroke:#bbb}
.country{font-size:16px;fill:#8a9a9a;font-weight:600}.place{font-size:11px;fill:#222}
.land{fill:#f4f1e8;stroke:#8fa6b8;stroke-width:.7}.water{fill:#dbe9f5;stroke:#8fa6b8;
stroke-width:.5}.border{fill:none;stroke:#a89f91;stroke-width:.7;stroke-dasharray:3 2}
td.evidence,.ids{overflow-wrap:anywhere}
.event-point{fill-opacity:.75;stroke:#333;stroke-width:1}.actor-node{stroke:#333;stroke-width:1}
.actor-label{font-size:11px;fill:#111}.tie{stroke-opacity:.6}
.legend{display:flex;flex-wrap:wrap;gap:10px;margin:4px 0 8px}
.key i,.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f6f8}td.num{text-align:right}.evidence q{font-style:italic}
small,.note,.empty{color:#666}#event-filter{width:100%;padding:6px;margin:6px 0;box-sizing:border-box}
footer{margin-top:2em;color:#888;font-size:12px}
@media print{#event-filter{display:none}}
"""

_SCRIPT = """
(function(){
  var box=document.getElementById('event-filter');
  var rows=document.querySelectorAll('#events tbody tr');
  if(box){box.addEventListener('input',function(){
    var q=box.value.toLowerCase();
    rows.forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});
  });}
  // what the browser measured, for the report test: does the page scroll sideways, do map
  // labels overlap, does a network label leave its picture?
  function boxes(sel){return Array.prototype.map.call(document.querySelectorAll(sel),function(t){return t.getBBox();});}
  function overlaps(l){var n=0;for(var i=0;i<l.length;i++)for(var j=i+1;j<l.length;j++){var a=l[i],b=l[j];
    if(a.x<b.x+b.width&&b.x<a.x+a.width&&a.y<b.y+b.height&&b.y<a.y+a.height)n++;}return n;}
  function outside(svg){var n=0;if(!svg)return n;var v=svg.viewBox.baseVal;svg.querySelectorAll('text').forEach(function(t){
    var b=t.getBBox();if(b.x<v.x||b.y<v.y||b.x+b.width>v.x+v.width||b.y+b.height>v.y+v.height)n++;});return n;}
  var body=document.body;
  body.setAttribute('data-scroll-width',String(document.documentElement.scrollWidth));
  body.setAttribute('data-map-label-overlaps',String(overlaps(boxes('#map-chart text.place, #map-chart text.country'))));
  body.setAttribute('data-network-labels-outside',String(outside(document.getElementById('network-chart'))));
  document.body.setAttribute('data-ready','1');
})();
"""


def render_report(records: list[EventRecord], title: str = "Conflict events", filters: str = "",
                  articles: int | None = None) -> str:
    """The report's HTML for these events; ``articles`` is the number of articles behind
    them (by default the articles that report one of them)."""
    network = _actors_view(records)
    dated = sorted(r.date for r in records if r.date)
    fatalities = sum(r.fatalities or 0 for r in records)
    if articles is None:
        articles = len({d for r in records for d in r.row["doc_ids"].split("|") if d})
    countries = sorted({r.row["country"] for r in records if r.row["country"]})
    places = {r.place_iri for r in records if r.place_iri}
    summary = [("events", len(records)), ("fatalities", fatalities), ("actors", network.number_of_nodes()),
               ("places", len(places)), ("articles", articles),
               ("first", dated[0] if dated else "–"), ("last", dated[-1] if dated else "–")]
    weekly_rows = weekly(records)
    sections = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="note">{_e(", ".join(countries) or "No country")}'
        f'{" · filtered by " + _e(filters) if filters else ""}</p>',
        '<ul class="summary" id="summary">' + "".join(
            f'<li data-name="{name}"><b>{_e(value)}</b>{name}</li>' for name, value in summary) + "</ul>",
        '<h2 id="timeline">Timeline</h2>', timeline_svg(records),
        '<h2 id="map">Map</h2>', map_svg(records),
        '<h2 id="network">Actor network</h2>', network_svg(network),
        '<h2 id="top-actors">Top actors</h2>',
        table_html(top_actors(records, network, 15),
                   ["actor", "actor_type", "country", "events", "fatalities", "degree", "betweenness",
                    "first_date", "last_date"], "actors-table"),
        '<h2 id="pairs">Who fought whom</h2>',
        table_html(fighting_pairs(records, network, 15),
                   ["actor_a", "actor_b", "events", "fatalities", "first_date", "last_date", "event_types"],
                   "pairs-table"),
        '<h2 id="hotspots">Hotspots</h2>',
        table_html(hotspots(records, 15), ["location", "admin1", "country", "events", "fatalities", "last_date"],
                   "hotspots-table"),
        '<h2 id="weekly">Events and fatalities per week</h2>',
        table_html(weekly_rows, ["week", "event_type", "events", "fatalities"], "weekly-table"),
        f'<h2 id="events-list">Events and their evidence ({len(records)})</h2>', events_html(records),
        f'<footer>Made by graphbuild {__version__} on {dt.date.today().isoformat()} from the graph store; '
        'every event lists the sentences it was read from.</footer>',
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
            + "\n".join(sections) + f"<script>{_SCRIPT}</script></body></html>\n")


def _describe(where: EventFilter | None) -> str:
    if not where:
        return ""
    parts = []
    if where.start or where.end:
        parts.append(f"{where.start or '…'} to {where.end or '…'}")
    for name, values in (("type", where.event_types), ("country", where.countries), ("actor", where.actors)):
        if values:
            parts.append(f"{name} {' or '.join(values)}")
    if where.modality != DEFAULT_MODALITIES:
        modality = where.modality if isinstance(where.modality, str) else " or ".join(where.modality) or "all"
        parts.append(f"modality {modality}")
    return "; ".join(parts)


def write_report(store: Store, path, title: str = "Conflict events", where: EventFilter | None = None) -> dict:
    """Write the report for the events ``where`` keeps; returns its summary numbers."""
    records = load_events(store, where)
    # unfiltered, every article in the store counts, those without events too (as `stats`)
    page = render_report(records, title, _describe(where), None if where else count_articles(store))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page)
    actors = {a.iri for r in records for a in r.actors}
    return {"events": len(records), "actors": len(actors),
            "places": len({r.place_iri for r in records if r.place_iri})}
