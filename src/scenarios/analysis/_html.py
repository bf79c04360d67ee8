"""Plain HTML tables for the `_repr_html_` of analysis results (Jupyter)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["html_table"]


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    r"""A captioned table; every caption, header and cell is escaped here, once.

    Examples:
        >>> print(html_table("A & B", ["x"], [[1], ["<y>"]]).replace("</tr>", "</tr>\n"))
        <table><caption>A &amp; B</caption><tr><th>x</th></tr>
        <tr><td>1</td></tr>
        <tr><td>&lt;y&gt;</td></tr>
        </table>
    """
    head = "".join(f"<th>{html.escape(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><caption>{html.escape(caption)}</caption><tr>{head}</tr>{body}</table>"
