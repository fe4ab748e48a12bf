"""The article page and the batch report, read as HTML: every fact highlighted with its type and
normalised values, links between facts, nothing fetched from the network."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factx
from factx import cli

TEXT = (
    "On February 27 a freight train left Alashankou Port in Xinjiang Uygur Autonomous Region "
    "with goods worth 5.59 million RMB (about 884,354 USD), said He Bin, assistant general "
    "manager of the freight company. Wang Kaixuan, director at the Ministry of Commerce "
    "(MOFCOM), said exports rose 15 percent. Wang added that 120,000 tonnes left Rotterdam."
)


class _Marks(HTMLParser):
    """Each ``<mark>``'s attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self.open: list[dict[str, str]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for key in ("src", "href"):
            if key in values and not values[key].startswith("#"):
                self.external.append(values[key])
        if tag == "link":
            self.external.append(values.get("href", ""))
        if tag == "mark":
            values["text"] = ""
            self.marks.append(values)
            self.open.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for mark in self.open:
            mark["text"] += data


def _parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def article() -> factx.Article:
    return factx.extract(TEXT, published=dt.date(2022, 3, 1), keep_text=True, source="t.txt")


def test_every_fact_is_highlighted_with_its_type_and_values(article: factx.Article) -> None:
    html = factx.render(article)
    marks = _parse(html).marks
    firsts = {m["id"].removeprefix("fact-"): m for m in marks if "id" in m}
    assert set(firsts) >= {f.id for f in article.facts}
    for fact in article.facts:
        mark = firsts[fact.id]
        assert mark["data-type"] == fact.type
        assert mark["title"].startswith(f"{fact.type}: {fact.text}")
    [money] = [f for f in article.facts if f.type == "money"]
    assert "amount: 5,590,000" in firsts[money.id]["title"]
    assert "currency: CNY" in firsts[money.id]["title"]
    [port] = [f for f in article.facts if f.type == "port" and f.name == "Alashankou"]
    assert "UN/LOCODE: " in firsts[port.id]["title"]
    # the text reads as it was: marks add no visible characters
    plain = re.sub(r"<[^>]+>", "", html.split('id="text">')[1].split("</article>")[0])
    import html as html_module

    assert html_module.unescape(plain) == TEXT


def test_links_legend_table_and_no_network(article: factx.Article) -> None:
    html = factx.render(article)
    parsed = _parse(html)
    assert parsed.external == []
    assert "http://" not in html and "https://" not in html
    data = json.loads(html.split('id="factx-data">')[1].split("</script>")[0])
    officials = [f for f in article.facts if f.type == "official" and f.organization_id]
    assert officials, "expected an official with an organisation"
    for official in officials:
        links = data[official.id]["links"]
        assert ["organisation", official.organization_id] == links[0][:2]
    [money] = [f for f in article.facts if f.type == "money"]
    assert data[money.id]["links"][0][0] == "equivalent"
    assert any("eq" in m.get("class", "") for m in parsed.marks)
    assert any("mention" in m.get("class", "") for m in parsed.marks)
    assert html.count('<tr id="row-') == len(article.facts)
    for kind in factx.records.FACT_TYPES:
        assert f'<li class="fx-{kind}" data-type="{kind}">' in html


def test_render_needs_the_text_it_read(article: factx.Article) -> None:
    without = factx.extract(TEXT, published=dt.date(2022, 3, 1))
    with pytest.raises(ValueError, match="keep_text"):
        factx.render(without)
    assert factx.render(without, TEXT) == factx.render(article.model_copy(update={"source": None}))
    with pytest.raises(ValueError, match="not the one"):
        factx.render(without, TEXT + " more")


def test_script_cannot_be_closed_by_the_text() -> None:
    text = "Shipments of </script><script>alert(1)</script> rose 5 percent in 2021."
    html = factx.render(factx.extract(text, keep_text=True))
    assert html.count("<script") == 2  # the data and the page's own script


def test_show_and_report_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("Rotterdam handled 14.5 million TEU in 2021.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    view = tmp_path / "view.html"
    assert (
        cli.main(["show", str(folder / "a.txt"), "--published", "2022-03-01", "-o", str(view)]) == 0
    )
    assert 'data-type="port"' in view.read_text(encoding="utf-8")
    assert cli.main(["show", str(folder)]) == 2
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(folder), "-o", str(out), "-q"]) == 0
    report = tmp_path / "report.html"
    assert cli.main(["report", str(out), "-o", str(report)]) == 0
    html = report.read_text(encoding="utf-8")
    for section in ("types", "errors", "top-port", "top-country", "money", "timeline", "map"):
        assert f'<section id="{section}">' in html
    assert "<title>Rotterdam: 2 mentions</title>" in html
    assert "<title>CNY: 1 mentions</title>" in html  # money by currency
    assert '<td>CNY</td><td class="num">1</td><td class="num">5,590,000</td>' in html
    assert "<b>2</b>articles" in html and "<b>1</b>errors" in html
    assert "http://" not in html.replace("http://www.w3.org", "")
    (tmp_path / "bad.jsonl").write_text("{}\n", encoding="utf-8")
    assert cli.main(["report", str(tmp_path / "bad.jsonl")]) == 1
    assert "not a factx output line" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"factx {factx.__version__}"
