r"""Escaping user text for text outputs (terminal, CSV, Markdown, XML), in one place.

Case files and source texts may come from someone else, so their text is treated
as hostile wherever it leaves the library. Diagrams (DOT, SVG, URLs) are escaped
in `scenarios.render._escape`; every other writer uses these functions:

- `visible` for text meant for a terminal (the command line's text output and
  its messages): C0 control characters and DEL become their Unicode *Control
  Pictures* (ESC is ``␛``, BEL ``␇``, NUL ``␀``), C1 controls and the bidirectional
  overrides become ``\u009b``-style escapes, so nothing can clear the screen, set
  the window title or reorder a line. Newlines and tabs stay.
- `csv_cell` for a spreadsheet cell: a cell starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return gets a leading ``'`` (OWASP's advice against formula
  injection), unless it is a plain number such as ``-0.50``.
- `markdown_cell` for a Markdown table cell or heading: HTML is escaped, Markdown
  punctuation is backslash-escaped, lines are joined.
- `html_text` and `html_table` for HTML (the report, notebooks' ``_repr_html_``, the live
  preview's error page).
- `xml_text` for XML 1.0 (GraphML): characters XML forbids (most controls, lone
  surrogates, U+FFFE/U+FFFF) become pictures or U+FFFD, and ``&``, ``<``, ``>`` and
  carriage returns are entities.

The module sits below every layer so that io, render and the command line share it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Final

__all__ = [
    "CONTROL",
    "csv_cell",
    "html_table",
    "html_text",
    "markdown_cell",
    "visible",
    "xml_text",
]

CONTROL: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Characters that move the cursor, ring, switch modes or reorder text (not tab, LF, CR)."""

_PICTURE: Final = {
    **{code: chr(0x2400 + code) for code in range(0x20)},
    0x7F: "\u2421",
}
_TERMINAL: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
_MARKDOWN: Final = re.compile(r"([\\`*_{}\[\]|~#!])")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code in _PICTURE:
        return _PICTURE[code]
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Text safe to print on a terminal: control characters shown, not obeyed.

    Examples:
        >>> visible("\x1b]0;owned\x07\x1b[2J done\r\n")
        '␛]0;owned␇␛[2J done␍\n'
        >>> visible("\u202eevil \x9b"), visible("tab\tstays")
        ('\\u202eevil \\u009b', 'tab\tstays')
    """
    return _TERMINAL.sub(_picture, text)


def csv_cell(text: str) -> str:
    """A spreadsheet cell that no spreadsheet runs as a formula; controls made visible.

    Examples:
        >>> csv_cell("=cmd|' /C calc'!A0"), csv_cell("@SUM(A1)"), csv_cell("-0.50")
        ("'=cmd|' /C calc'!A0", "'@SUM(A1)", '-0.50')
        >>> csv_cell("plain, with a comma")
        'plain, with a comma'
    """
    if text.startswith(_FORMULA) and not _NUMBER.fullmatch(text):
        text = "'" + text
    return visible(text)


def markdown_cell(text: str) -> str:
    r"""Text for a Markdown table cell or heading: no HTML, no links, no table breaks.

    Examples:
        >>> markdown_cell("<script>x</script> [a](javascript:b) | c\nd")
        '&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:b) \\| c d'
    """
    one_line = " ".join(visible(text).replace("\r", " ").split())
    return html.escape(_MARKDOWN.sub(r"\\\1", one_line), quote=False)


def xml_text(text: str) -> str:
    r"""Text for XML 1.0 element content: well-formed whatever the input.

    Examples:
        >>> xml_text('a\x1bb\x00c & <d> "e"\r')
        'a␛b␀c &amp; &lt;d&gt; "e"&#13;'
    """
    cleaned = _NOT_XML.sub(_picture, text)
    return html.escape(cleaned, quote=False).replace("\r", "&#13;")


def html_text(text: object) -> str:
    """Text for HTML content or a quoted attribute: no text becomes markup.

    ``&``, ``<``, ``>`` and both quotes become entities.

    Examples:
        >>> html_text('<img src=x onerror="alert(1)">')
        '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(text), quote=True)


def html_table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    r"""A captioned table; every caption, header and cell is escaped here, once.

    Examples:
        >>> print(html_table("A & B", ["x"], [[1], ["<y>"]]).replace("</tr>", "</tr>\n"))
        <table><caption>A &amp; B</caption><tr><th>x</th></tr>
        <tr><td>1</td></tr>
        <tr><td>&lt;y&gt;</td></tr>
        </table>
    """
    head = "".join(f"<th>{html_text(name)}</th>" for name in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html_text(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><caption>{html_text(caption)}</caption><tr>{head}</tr>{body}</table>"
