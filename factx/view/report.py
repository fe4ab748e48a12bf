"""A batch output as a page: articles, facts per type and errors; the ports, regions, countries
and organisations named most; money by currency; a timeline of the dates facts refer to; and
the ports on a world map. Every chart is inline SVG drawn here, so the report needs no plotting
library and no network.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from factx.records import Article, ErrorRecord
from factx.view._page import COLORS, TYPE_ORDER, esc, page

__all__ = ["render_report"]

_WIDTH = 720


def _read(path: Path) -> Iterator[Article | ErrorRecord]:
    """The records of an output file and of its ``.errors.jsonl`` beside it, one at a time."""
    files = [path]
    beside = path.with_name(path.stem + ".errors.jsonl")  # what `factx extract -o` writes
    if beside.exists() and beside != path:
        files.append(beside)
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if "error" in row and "facts" not in row:
                        yield ErrorRecord.model_validate(row)
                    else:
                        yield Article.model_validate(row)
                except (json.JSONDecodeError, ValidationError) as error:
                    raise ValueError(
                        f"{file}:{n}: not a factx output line (JSON lines of `factx extract`): "
                        f"{str(error).splitlines()[0]}"
                    ) from None


@dataclass
class _Summary:
    """What the report shows, gathered one record at a time (a batch never sits in memory)."""

    articles: int = 0
    warned: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    per_type: Counter[str] = field(default_factory=Counter)
    named: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    money: dict[str, tuple[int, Decimal]] = field(default_factory=dict)
    years: Counter[int] = field(default_factory=Counter)
    ports: dict[str, tuple[float, float, int]] = field(default_factory=dict)

    def add(self, record: Article | ErrorRecord) -> None:
        if isinstance(record, ErrorRecord):
            self.errors[record.error] += 1
            return
        self.articles += 1
        self.warned += bool(record.warnings)
        for fact in record.facts:
            self.per_type[fact.type] += 1
            if fact.type == "port":
                self.named["port"][fact.name] += 1
                if fact.latitude is not None and fact.longitude is not None:
                    _, _, n = self.ports.get(fact.name, (0.0, 0.0, 0))
                    self.ports[fact.name] = (fact.latitude, fact.longitude, n + 1)
            elif fact.type in ("region", "country"):
                self.named[fact.type][f"{fact.name} ({fact.code})"] += 1
            elif fact.type == "organization":
                self.named["organization"][fact.name] += 1
            elif fact.type == "money" and fact.currency:
                count, total = self.money.get(fact.currency, (0, Decimal(0)))
                self.money[fact.currency] = (count + 1, total + (fact.amount or 0))
            elif fact.type == "date" and fact.start_date is not None:
                self.years[fact.start_date.year] += 1


def _bars(rows: Sequence[tuple[str, float]], *, color: str, label: str, unit: str = "") -> str:
    """A horizontal bar chart, one row per (name, value)."""
    if not rows:
        return '<p class="none">none</p>'
    height, gap, left = 20, 6, 210
    top = max(v for _, v in rows) or 1
    parts = []
    for i, (name, value) in enumerate(rows):
        y = i * (height + gap)
        width = max(1.0, (_WIDTH - left - 90) * value / top)
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
        short = name if len(name) <= 30 else name[:29] + "…"
        parts.append(
            f'<g class="bar"><title>{esc(name)}: {shown}{unit}</title>'
            f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{esc(short)}</text>'
            f'<rect x="{left}" y="{y}" width="{width:.1f}" height="{height}" rx="3" '
            f'fill="{color}"/>'
            f'<text x="{left + width + 6:.1f}" y="{y + 14}">{shown}{esc(unit)}</text></g>'
        )
    total = len(rows) * (height + gap)
    return (
        f'<svg class="chart" role="img" aria-label="{esc(label)}" width="{_WIDTH}" '
        f'height="{total}" viewBox="0 0 {_WIDTH} {total}">{"".join(parts)}</svg>'
    )


def _timeline(dates: Counter[int]) -> str:
    """Date facts per year they refer to, as columns."""
    if not dates:
        return '<p class="none">no resolved dates</p>'
    first, last = min(dates), max(dates)
    years = list(range(first, last + 1))
    height, bottom, left = 160, 24, 40
    step = (_WIDTH - left - 10) / len(years)
    top = max(dates.values())
    parts = [f'<line x1="{left}" y1="{height}" x2="{_WIDTH - 10}" y2="{height}" stroke="#999"/>']
    every = max(1, len(years) // 12)
    for i, year in enumerate(years):
        x = left + i * step
        h = (height - 10) * dates[year] / top
        parts.append(
            f'<g class="bar"><title>{year}: {dates[year]} dates</title>'
            f'<rect x="{x + 1:.1f}" y="{height - h:.1f}" width="{max(1.0, step - 2):.1f}" '
            f'height="{h:.1f}" fill="{COLORS["date"]}" stroke="#3b8ea5" stroke-width=".5"/></g>'
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height + 16}" text-anchor="middle">{year}</text>'
            )
    parts.append(f'<text x="{left - 6}" y="14" text-anchor="end">{top}</text>')
    return (
        f'<svg class="chart" role="img" aria-label="timeline of dates" width="{_WIDTH}" '
        f'height="{height + bottom}" viewBox="0 0 {_WIDTH} {height + bottom}">'
        f"{''.join(parts)}</svg>"
    )


def _gazetteer_ports() -> list[tuple[float, float]]:
    """Every seaport factx knows, as faint dots: together they draw the world's coasts."""
    text = resources.files("factx.data").joinpath("ports.tsv").read_text(encoding="utf-8")
    points = []
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        if row.get("lat") and row.get("lon"):
            points.append((float(row["lat"]), float(row["lon"])))
    return points


def _world(ports: dict[str, tuple[float, float, int]]) -> str:
    """Ports named in the batch on an equirectangular map, sized by mentions."""
    width, height = _WIDTH, _WIDTH / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    parts = [f'<rect width="{width}" height="{height:.0f}" fill="#f4f8fb" stroke="#c9d6df"/>']
    for meridian in range(-150, 180, 30):
        x, _ = xy(0, meridian)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height:.0f}" class="grid"/>')
    for parallel in range(-60, 90, 30):
        _, y = xy(parallel, 0)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" class="grid"/>')
    coast = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r=".9"/>'
        for x, y in (xy(lat, lon) for lat, lon in _gazetteer_ports())
    )
    parts.append(f'<g class="coast" fill="#b7c4cf">{coast}</g>')
    top = max((n for _, _, n in ports.values()), default=1)
    for name, (lat, lon, n) in sorted(ports.items(), key=lambda kv: -kv[1][2]):
        px, py = xy(lat, lon)
        r = 3 + 7 * (n / top) ** 0.5
        parts.append(
            f'<circle class="port" cx="{px:.1f}" cy="{py:.1f}" r="{r:.1f}" fill="#1e66f5" '
            f'fill-opacity=".65" stroke="#fff" stroke-width="1"><title>{esc(name)}: {n} '
            f"mentions</title></circle>"
        )
    return (
        f'<svg class="chart map" role="img" aria-label="ports on a world map" width="{width}" '
        f'height="{height:.0f}" viewBox="0 0 {width} {height:.0f}">{"".join(parts)}</svg>'
    )


def _top(counter: Counter[str], n: int = 12) -> list[tuple[str, float]]:
    return [(name, float(count)) for name, count in counter.most_common(n)]


def _section(title: str, content: str, ident: str) -> str:
    return f'<section id="{ident}"><h2>{esc(title)}</h2>{content}</section>'


def _money_table(money: dict[str, tuple[int, Decimal]]) -> str:
    rows = "".join(
        f'<tr><td>{esc(code)}</td><td class="num">{count}</td>'
        f'<td class="num">{format(total, ",.0f")}</td></tr>'
        for code, (count, total) in sorted(money.items(), key=lambda kv: -kv[1][0])
    )
    return (
        "<table><thead><tr><th>currency</th><th>mentions</th><th>sum of exact amounts</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


CSS = """
.cards { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid #e6e6ea; border-radius: .5rem; padding: .7rem 1.1rem; min-width: 8rem;
        background: #fff; }
.card b { display: block; font-size: 1.6rem; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: #333; }
svg .grid { stroke: #dde6ed; stroke-width: 1; }
.two { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 0 2rem; }
.none { color: #777; }
"""


def render_report(results: str | Path) -> str:
    """A report over ``factx extract`` output (JSON lines; its ``.errors.jsonl`` beside it is
    read too) as one self-contained HTML page."""
    path = Path(results)
    summary = _Summary()
    for record in _read(path):
        summary.add(record)
    per_type, named, money = summary.per_type, summary.named, summary.money
    cards = [
        ("articles", summary.articles),
        ("facts", sum(per_type.values())),
        ("errors", sum(summary.errors.values())),
        ("with warnings", summary.warned),
    ]
    body = [
        f"<header><h1>factx report: {esc(path.name)}</h1>"
        '<div class="cards">'
        + "".join(f'<div class="card" data-k="{k}"><b>{v:,}</b>{k}</div>' for k, v in cards)
        + "</div></header>",
        _section(
            "Facts per type",
            _bars(
                [(t, float(per_type[t])) for t in TYPE_ORDER],
                color="#7f8ce0",
                label="facts per type",
            ),
            "types",
        ),
    ]
    if summary.errors:
        errors = _bars(_top(summary.errors), color="#e67e80", label="errors")
        body.append(_section("Errors", errors, "errors"))
    tops = "".join(
        _section(
            f"Top {title}", _bars(_top(named[kind]), color=COLORS[kind], label=title), f"top-{kind}"
        )
        for kind, title in (
            ("port", "ports"),
            ("region", "regions"),
            ("country", "countries"),
            ("organization", "organisations"),
        )
    )
    body.append(f'<div class="two">{tops}</div>')
    counts = sorted(((code, float(n)) for code, (n, _) in money.items()), key=lambda kv: -kv[1])
    body.append(
        _section(
            "Money by currency",
            _bars(counts[:12], color=COLORS["money"], label="money by currency", unit=" mentions")
            + _money_table(money),
            "money",
        )
    )
    body.append(
        _section("Timeline of the dates facts refer to", _timeline(summary.years), "timeline")
    )
    body.append(_section("Ports on a world map", _world(summary.ports), "map"))
    return page(f"factx report: {path.name}", "".join(body), css=CSS)
