"""The timeline: events and indicator observations on a time axis, as a standalone SVG.

Written by hand rather than laid out by Graphviz, since a time axis needs exact
positions. One row per item, so labels never overlap: the date and title on the
left, and on the axis a dot for a day, or a bar for what a date leaves open (a
month, a year, or a range such as ``2020-06-25/2020-06-29``). Every text goes
through `scenarios.render._escape.svg_text`; the file loads nothing and holds no
script.

Examples:
    >>> from scenarios import Case, CaseMeta, Event
    >>> case = Case(meta=CaseMeta(title="t"), events=(
    ...     Event(id="a", title="Strike <at> the airport", date="2020-01-03"),
    ...     Event(id="b", title="Elections", date="2021-10")))
    >>> svg = timeline_svg(case)
    >>> svg.startswith("<svg"), "Strike &lt;at&gt; the airport" in svg, svg.count("<rect class=")
    (True, True, 1)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from scenarios.model import Case
from scenarios.render._escape import svg_text
from scenarios.types import date_bounds

__all__ = ["TimelineItem", "timeline_items", "timeline_svg"]

_ROW: Final = 22
_LABEL_WIDTH: Final = 470
_AXIS_WIDTH: Final = 520
_TOP: Final = 34
_COLOURS: Final = {"event": "#2b6cb0", "fired": "#c53030", "absent": "#a0aec0"}


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One row of the timeline.

    Attributes:
        kind: ``event``, ``fired`` (an indicator seen) or ``absent`` (looked for, not seen).
        id: The event's or indicator's id.
        title: What happened.
        date: As written (exact, month, year or a range).
        start: First day the date can mean.
        end: Last day it can mean.
    """

    kind: Literal["event", "fired", "absent"]
    id: str
    title: str
    date: str
    start: dt.date
    end: dt.date


def timeline_items(case: Case) -> list[TimelineItem]:
    """The events and indicator observations of `case`, in date order. O(n log n)."""
    items = [
        TimelineItem("event", e.id, e.title, e.date, *date_bounds(e.date)) for e in case.events
    ]
    for indicator in case.indicators:
        for seen in indicator.observations:
            kind: Literal["fired", "absent"] = "fired" if seen.observed else "absent"
            title = f"{indicator.name} ({'seen' if seen.observed else 'not seen'})"
            items.append(
                TimelineItem(kind, indicator.id, title, seen.date, *date_bounds(seen.date))
            )
    items.sort(key=lambda item: (item.start, item.end, item.id))
    return items


def _years_only(first: dt.date, last: dt.date) -> bool:
    """Over three years, the axis marks only the years."""
    return (last.year - first.year) > 3


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str, bool]]:
    """Month lines between the ends, labelled; over 3 years, only the years."""
    ticks = []
    year, month = first.year, first.month
    long = _years_only(first, last)
    while (year, month) <= (last.year, last.month):
        day = dt.date(year, month, 1)
        if month == 1 or not long:
            label = str(year) if month == 1 else day.strftime("%b")
            ticks.append((day, label, month == 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks


def timeline_svg(case: Case) -> str:
    """The timeline of `case` as an SVG document (empty axis when there is nothing dated).

    Complexity: O(n log n) in events and observations.
    """
    items = timeline_items(case)
    if items:
        first = min(i.start for i in items).replace(day=1)
        last = max(i.end for i in items)
        if _years_only(first, last):  # only years are marked: the axis starts at one
            first = first.replace(month=1)
    else:
        first = last = dt.date.today().replace(day=1)
    span = max(1, (last - first).days + 1)
    left = _LABEL_WIDTH

    def x(day: dt.date) -> float:
        return left + (day - first).days / span * _AXIS_WIDTH

    height = _TOP + _ROW * max(1, len(items)) + 16
    width = left + _AXIS_WIDTH + 20
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="12" role="img">',
        f"<title>{svg_text('Timeline: ' + case.meta.title)}</title>",
        "<style>.tick{stroke:#e2e8f0}.year{stroke:#a0aec0}.label{fill:#1a202c}"
        ".date{fill:#4a5568}</style>",
    ]
    for day, label, year in _ticks(first, last):
        pos = x(day)
        out.append(
            f'<line class="{"year" if year else "tick"}" x1="{pos:.1f}" y1="{_TOP - 8}" '
            f'x2="{pos:.1f}" y2="{height - 8}"/>'
        )
        out.append(
            f'<text x="{pos + 2:.1f}" y="{_TOP - 14}" font-size="10" class="date">{label}</text>'
        )
    for row, item in enumerate(items):
        y = _TOP + row * _ROW + _ROW / 2
        colour = _COLOURS[item.kind]
        tip = svg_text(f"{item.date}: {item.title} ({item.id})")
        out.append(f"<g><title>{tip}</title>")
        out.append(
            f'<text class="date" x="8" y="{y + 4:.1f}">{svg_text(item.date, max_chars=23)}</text>'
        )
        title = svg_text(item.title, max_chars=52)
        out.append(f'<text class="label" x="160" y="{y + 4:.1f}">{title}</text>')
        if item.start == item.end:
            out.append(
                f'<circle class="{item.kind}" cx="{x(item.start):.1f}" cy="{y:.1f}" r="5" '
                f'fill="{colour}"/>'
            )
        else:
            start, end = x(item.start), x(item.end + dt.timedelta(days=1))
            out.append(
                f'<rect class="{item.kind}" x="{start:.1f}" y="{y - 5:.1f}" '
                f'width="{max(3.0, end - start):.1f}" height="10" rx="3" fill="{colour}" '
                'fill-opacity="0.6"/>'
            )
        out.append("</g>")
    out.append("</svg>\n")
    return "\n".join(out)
