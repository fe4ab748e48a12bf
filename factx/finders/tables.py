"""Tables of figures in running text: cells read with the unit their caption or header states.

Trade news prints small tables as aligned columns:

    Cargo throughput (million tonnes):
                     2023     2022    change
      Constanta      91.9     75.0    +22.5%

A cell holds a bare number; its meaning is in the caption ("million tonnes"), the column header
("Q1 2024 (mln TEUs)", "Change (%)") or the row label ("Container traffic (mln TEU)"). The
unit phrase is read by the same finders as running text ("1 million euros" is EUR, times a
million), so tables and prose agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factx.normalize.numbers import parse_digits, tidy

__all__ = ["TableCell", "column_cells", "find_table_cells"]

_CELL_SPLIT = re.compile(r"\s{2,}|\t|\s*\|\s*")
_NUMBER_CELL = re.compile(r"^[+\-−]?\d[\d,]*(?:\.\d+)?%?$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
_PAREN_UNIT = re.compile(r"\(([^()]{1,40})\)")


@dataclass(frozen=True, slots=True)
class TableCell:
    start: int
    end: int
    text: str
    kind: str  # money, quantity, percentage, year
    value: Decimal
    unit: str | None  # ISO currency for money, pint unit for quantities


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: str
    factor: Decimal
    unit: str | None


@lru_cache(maxsize=512)
def _read_unit(phrase: str) -> _Unit | None:
    """ "million euros unless stated" -> money EUR x 1e6; "mln TEU" -> TEU x 1e6; "%"."""
    from factx.finders.money import find_money
    from factx.finders.quantity import find_quantities

    phrase = re.sub(r"(?i)\bunless\s+(?:otherwise\s+)?stated\b|\bin\b", " ", phrase).strip(" :,")
    if not phrase:
        return None
    if phrase in ("%", "pct", "percent", "per cent"):
        return _Unit("percentage", Decimal(1), None)
    money = find_money(f"1 {phrase}")
    if money and money[0].amount is not None and money[0].currency:
        return _Unit("money", money[0].amount, money[0].currency)
    quantities = find_quantities(f"1 {phrase}")
    if quantities and quantities[0].value is not None:
        return _Unit("quantity", quantities[0].value, quantities[0].unit)
    return None


def _unit_in(text: str) -> _Unit | None:
    for phrase in _PAREN_UNIT.findall(text):
        unit = _read_unit(phrase.strip())
        if unit is not None:
            return unit
    return None


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    cells = []
    position = 0
    for part in _CELL_SPLIT.split(line):
        if not part:
            continue
        start = line.index(part, position)
        position = start + len(part)
        cells.append((offset + start, offset + position, part))
    return cells


def find_table_cells(text: str) -> list[TableCell]:
    """Cells of every aligned table in ``text`` whose unit the table states."""
    if "  " not in text and "\t" not in text and "|" not in text:
        return []
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    found: list[TableCell] = []
    i = 0
    while i < len(lines):
        block: list[tuple[int, str]] = []
        while i < len(lines) and len(_cells(lines[i][1], 0)) >= 2 and lines[i][1].strip():
            block.append(lines[i])
            i += 1
        if len(block) >= 2:
            found.extend(_read_block(lines, block, i - len(block)))
        i += 1
    return found


def column_cells(text: str, header: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The cells, below a header cell that ``header`` matches in full, of every aligned table:
    "Province" heads a column of provinces. A cell belongs to the column whose header starts
    at the same place in its line (within two characters)."""
    if "  " not in text and "\t" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    columns: list[int] = []  # line positions of the matching header cells of this block
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, 0) if line.strip() else []
        if len(cells) < 2:
            columns = []
        elif any(header.fullmatch(cell) for _, _, cell in cells):
            columns = [start for start, _, cell in cells if header.fullmatch(cell)]
        elif columns:
            found.extend(
                (offset + start, offset + end, cell)
                for start, end, cell in cells
                if any(abs(start - column) <= 2 for column in columns)
            )
        offset += len(line) + 1
    return found


def _read_block(
    lines: list[tuple[int, str]], block: list[tuple[int, str]], first: int
) -> list[TableCell]:
    caption_unit = None
    for back in range(first - 1, max(-1, first - 3), -1):
        if lines[back][1].strip():
            caption_unit = _unit_in(lines[back][1]) or _read_caption(lines[back][1])
            break
    header = _cells(block[0][1], block[0][0])
    has_header = not any(_NUMBER_CELL.match(c[2]) and not _YEAR_CELL.match(c[2]) for c in header)
    column_units: dict[int, _Unit | None] = {}
    found: list[TableCell] = []
    if has_header:
        for index, (start, end, cell) in enumerate(header):
            column_units[index] = _unit_in(cell)
            if _YEAR_CELL.match(cell):
                found.append(TableCell(start, end, cell, "year", Decimal(cell), None))
    rows = block[1:] if has_header else block
    for offset, line in rows:
        cells = _cells(line, offset)
        row_unit = _unit_in(cells[0][2]) if cells else None
        if cells and row_unit is None and _PAREN_UNIT.search(cells[0][2]):
            continue  # "Cruise passengers (000)": the row states its own, unknown unit
        shift = len(header) - len(cells) if has_header else 0
        for index, (start, end, cell) in enumerate(cells):
            if not _NUMBER_CELL.match(cell) or cell.endswith("%"):
                continue  # a "+12.1%" cell is read by the percentage finder
            unit = column_units.get(index + shift) or row_unit or caption_unit
            if unit is None:
                continue
            value = parse_digits(cell.lstrip("+").replace("−", "-"))
            if value is None:
                continue
            if unit.kind == "percentage":
                found.append(TableCell(start, end, cell, "percentage", value, None))
            else:
                found.append(
                    TableCell(start, end, cell, unit.kind, tidy(value * unit.factor), unit.unit)
                )
    return found


def _read_caption(line: str) -> _Unit | None:
    """ "Key figures, January-September (million euros unless stated):" or "Cargo throughput,
    million tonnes:": a unit phrase at the end of a caption line."""
    m = re.search(r"[,(]\s*([^,():]{2,40})\)?\s*:?\s*$", line.strip())
    return _read_unit(m.group(1)) if m else None
