"""factx's facts for people to look at: an article page (``factx.render``, ``factx show``) and
a report over a batch output (``factx.render_report``, ``factx report``). Plain functions of the
records, each returning one self-contained HTML page (inline CSS and SVG, no network)."""

from __future__ import annotations

from factx.view.article import render
from factx.view.report import render_report

__all__ = ["render", "render_report"]
