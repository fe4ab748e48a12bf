"""``factx show`` and ``factx report`` pages in a real browser: headless Chromium (Debian's
``chromium``, which .ci/run installs) lays them out and runs their script, and a probe added to
a copy of each page writes what a person would see into the DOM, which ``--dump-dom`` returns.

Skips, saying why, where Chromium is not installed. ``FACTX_UPDATE_SCREENSHOT=1`` copies the
screenshot of the seed article to ``docs/factx-show.png`` (the README's picture).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import factx
from factx import cli

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)

SHOW_PROBE = """
<script>
(() => {
  const size = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const marks = [...document.querySelectorAll("mark.fx[id]")].map(m => ({
    type: m.dataset.type, title: m.title, text: m.textContent, size: size(m),
    background: getComputedStyle(m).backgroundColor, eq: m.classList.contains("eq")}));
  const legend = [...document.querySelectorAll(".legend li")].map(li => ({
    type: li.dataset.type, size: size(li), background: getComputedStyle(li).backgroundColor}));
  const panel = document.getElementById("details");
  const before = size(panel);
  document.querySelector("mark.fx-official[id]").click();
  const official = {size: size(panel), text: panel.innerText};
  document.querySelector("mark.fx-money[id]:not(.eq)").click();
  const money = {size: size(panel), text: panel.innerText};
  const rows = document.querySelectorAll("#facts tbody tr").length;
  location.hash = "#fact-" + document.querySelector("mark.fx-port[id]").dataset.fact;
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  const port = {text: panel.innerText};
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({marks, legend, before, official, money, rows, port});
  document.body.appendChild(out);
})();
</script>
"""

REPORT_PROBE = """
<script>
(() => {
  const size = el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const charts = [...document.querySelectorAll("svg.chart")].map(svg => ({
    section: svg.closest("section").id, size: size(svg),
    bars: [...svg.querySelectorAll("rect")].filter(r => size(r)[0] > 0 && size(r)[1] > 0).length,
    ports: [...svg.querySelectorAll("circle.port")].filter(c => size(c)[0] > 0).length}));
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({charts});
  document.body.appendChild(out);
})();
</script>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _probe(page: Path, probe: str, tmp_path: Path) -> dict[str, Any]:
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8"
    )
    result = _chromium("--window-size=1200,1400", "--dump-dom", probed.as_uri())
    dom = result.stdout
    assert '<pre id="probe">' in dom, result.stderr[-3000:]
    found: dict[str, Any] = json.loads(
        html.unescape(dom.split('<pre id="probe">')[1].split("</pre>")[0])
    )
    return found


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factx.evaluate import shared_dir

    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared is not here (a user's clone does not have it)")
    page = tmp_path_factory.mktemp("show") / "seed.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(shared)  # the page is headed by the path as given: keep it short
        seed = "seed/alashankou-uzbekistan-train.txt"
        assert cli.main(["show", seed, "--published", "2022-03-01", "-o", str(page)]) == 0
    return page


def test_show_page_in_chromium(seed_page: Path, tmp_path: Path) -> None:
    seen = _probe(seed_page, SHOW_PROBE, tmp_path)
    marks = seen["marks"]
    types = {m["type"] for m in marks}
    assert {"port", "region", "country", "money", "date", "percentage", "official"} <= types
    for mark in marks:
        width, height = mark["size"]
        assert width > 0 and height > 0, mark
        assert mark["title"].startswith(f"{mark['type']}:") or mark["eq"], mark
        if not mark["eq"]:
            assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), mark
    port = next(m for m in marks if m["text"] == "Alashankou Port")
    assert port["type"] == "port" and "UN/LOCODE: CNAKL" in port["title"]
    by_type = {m["type"]: m["background"] for m in marks if not m["eq"]}
    legend = {chip["type"]: chip["background"] for chip in seen["legend"]}
    assert all(legend[t] == colour for t, colour in by_type.items())  # the legend is the key
    assert seen["before"] == [0, 0]  # the panel opens on a click
    assert seen["official"]["size"][0] > 0 and "organisation" in seen["official"]["text"]
    assert "amount" in seen["money"]["text"] and "equivalent" in seen["money"]["text"]
    assert "UN/LOCODE" in seen["port"]["text"]  # view.html#fact-ID opens on that fact
    assert seen["rows"] == len(marks) - sum(m["eq"] for m in marks) - sum(
        1 for m in marks if m["title"].endswith("mentioned again")
    )


def test_show_screenshot(seed_page: Path, tmp_path: Path) -> None:
    """The seed article with the panel of its first amount open, as a click leaves it."""
    opened = tmp_path / "seed-opened.html"
    click = '<script>document.querySelector("mark.fx-money[id]").click();</script>'
    opened.write_text(
        seed_page.read_text(encoding="utf-8").replace("</body>", click + "</body>"),
        encoding="utf-8",
    )
    shot = tmp_path / "factx-show.png"
    result = _chromium("--window-size=1200,1300", f"--screenshot={shot}", opened.as_uri())
    assert shot.exists(), result.stderr[-3000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("FACTX_UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "factx-show.png")


def test_report_plots_render(tmp_path: Path) -> None:
    texts = [
        "Alashankou Port in Xinjiang shipped goods worth 5.59 million RMB to Uzbekistan in 2021.",
        "The Port of Rotterdam handled 14.5 million TEU in 2021, up 7 percent, the EU said.",
        "Cargo from the ports of Shanghai and Rotterdam, worth $2 billion, rose in March 2022.",
    ]
    out = tmp_path / "out.jsonl"
    out.write_text(
        "".join(factx.extract(t, published="2022-04-01").model_dump_json() + "\n" for t in texts),
        encoding="utf-8",
    )
    page = tmp_path / "report.html"
    assert cli.main(["report", str(out), "-o", str(page)]) == 0
    charts = {c["section"]: c for c in _probe(page, REPORT_PROBE, tmp_path)["charts"]}
    assert {"types", "top-port", "top-country", "money", "timeline", "map"} <= set(charts)
    for section, chart in charts.items():
        width, height = chart["size"]
        assert width > 100 and height > 10, section
        assert chart["bars"] > 0, section
    assert charts["map"]["ports"] >= 3  # Alashankou, Rotterdam, Shanghai
