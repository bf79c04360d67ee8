r"""Escaping user text for diagrams, in one place.

User text reaches a diagram only through these functions: as the content of a
Graphviz HTML-like label (where ``&``, ``<``, ``>`` and quotes are entities and a
backslash is just a character, so ``\\N``, ``\\G`` and ``"] ; evil [`` stay
text), as text in SVG written by hand (the timeline), as an attribute value
with backslashes disabled (tooltips), or as a URL that must be http, https or
relative. Control characters are removed and
lengths are capped first, since Graphviz rejects labels over about 16 KB.

The `graphviz` package writes any attribute value of the form ``<...>`` unquoted,
as an HTML-like string, so a tooltip such as ``<b> URL="javascript:..." x=<b>``
would add attributes of its own: `attribute_text` never returns such a value.
Graphviz copies a URL into SVG as it is, so `dot_url` refuses quotes, angle
brackets, spaces, backslashes and controls, percent-encodes what is left over,
and writes ``&`` as ``&amp;``. Text outputs (terminal, CSV, Markdown, GraphML)
are escaped in the sibling module `scenarios._escape`.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import Final
from urllib.parse import quote, urlsplit

from scenarios._escape import CONTROL

__all__ = ["MAX_TOOLTIP", "attribute_text", "dot_url", "html_lines", "safe_url", "svg_text"]

MAX_TOOLTIP: Final = 2_000
"""Characters kept in a tooltip (the full text, within reason)."""

_URL_UNSAFE: Final = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'<>\\`]")
_URL_KEEP: Final = "-._~:/?#[]@!$&()*+,;=%"  # RFC 3986 reserved and unreserved, and '%'
_JOINER: Final = "\u2060"  # WORD JOINER: invisible, and no escape sequence starts with it
_SPACES: Final = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", CONTROL.sub("", text)).strip()


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def html_lines(text: str, *, width: int = 32, max_chars: int = 160) -> str:
    r"""Text for an HTML-like label: cleaned, cut to `max_chars`, wrapped, entity-escaped.

    Examples:
        >>> html_lines('"] ; evil [label="x \\N <b>')
        '&quot;] ; evil [label=&quot;x \\\u2060N &lt;b&gt;'
        >>> html_lines("a long sentence to wrap", width=10)
        'a long<BR/>sentence<BR/>to wrap'
    """
    lines = textwrap.wrap(_cut(_clean(text), max_chars), width=width, break_long_words=True)
    return "<BR/>".join(
        html.escape(line, quote=True).replace("\\", "\\" + _JOINER) for line in lines
    )


def attribute_text(text: str, *, max_chars: int = MAX_TOOLTIP) -> str:
    r"""Text for a quoted attribute (a tooltip): cleaned, cut, backslashes kept as text.

    Never of the form ``<...>``, which the `graphviz` package would write unquoted
    as an HTML-like string: a leading ``<`` gets an invisible WORD JOINER before it.

    Examples:
        >>> attribute_text("C:\\path \\N") == "C:\\\\\u2060path \\\\\u2060N"
        True
        >>> attribute_text('<b> URL="javascript:x" x=<b>').startswith("\u2060<")
        True
    """
    value = _cut(_clean(text), max_chars).replace("\\", "\\\\" + _JOINER)
    return _JOINER + value if value.startswith("<") else value


def svg_text(text: str, *, max_chars: int = MAX_TOOLTIP) -> str:
    """Text for SVG written by hand (text content or a quoted attribute): cleaned, cut, escaped.

    Examples:
        >>> svg_text('<script>"x" & y</script>')
        '&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;'
    """
    return html.escape(_cut(_clean(text), max_chars), quote=True)


def safe_url(url: str | None) -> str | None:
    r"""The URL if it is http, https or relative and harmless; otherwise None.

    A URL with a quote, an angle bracket, a backtick, a backslash, white space
    or a control character is refused (so is ``javascript:``, and an obfuscated
    ``java\nscript:``); other characters outside RFC 3986 are percent-encoded.

    Examples:
        >>> safe_url("https://example.org/a?b=1"), safe_url("java\nscript:alert(1)")
        ('https://example.org/a?b=1', None)
        >>> safe_url("reports/2021.html"), safe_url("data:text/html,x")
        ('reports/2021.html', None)
        >>> safe_url('https://a.example/"><script>'), safe_url("https://a.example/{é}")
        (None, 'https://a.example/%7B%C3%A9%7D')
    """
    if url is None or _URL_UNSAFE.search(url):
        return None
    parts = urlsplit(url)
    absolute = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    relative = not parts.scheme and not url.startswith("//") and ":" not in url.split("/")[0]
    if url and (absolute or relative):
        return quote(url, safe=_URL_KEEP)
    return None


def dot_url(url: str | None) -> str | None:
    """A `safe_url` for a Graphviz ``URL`` attribute, which Graphviz copies into SVG as is.

    Examples:
        >>> dot_url("https://a.example/?a=1&b=2"), dot_url("javascript:alert(1)")
        ('https://a.example/?a=1&amp;b=2', None)
    """
    safe = safe_url(url)
    return safe.replace("&", "&amp;") if safe else None
