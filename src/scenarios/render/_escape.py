r"""Escaping user text for diagrams, in one place.

User text reaches a diagram only through these functions: as the content of a
Graphviz HTML-like label (where ``&``, ``<``, ``>`` and quotes are entities and a
backslash is just a character, so ``\\N``, ``\\G`` and ``"] ; evil [`` stay
text), as text in SVG written by hand (the timeline), as an attribute value
with backslashes disabled (tooltips), or as a URL that must be http, https or
relative. Control characters are removed and
lengths are capped first, since Graphviz rejects labels over about 16 KB.
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import Final
from urllib.parse import urlsplit

__all__ = ["MAX_TOOLTIP", "attribute_text", "html_lines", "safe_url", "svg_text"]

MAX_TOOLTIP: Final = 2_000
"""Characters kept in a tooltip (the full text, within reason)."""

_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_JOINER: Final = "\u2060"  # WORD JOINER: invisible, and no escape sequence starts with it
_SPACES: Final = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


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

    Examples:
        >>> attribute_text("C:\\path \\N") == "C:\\\\\u2060path \\\\\u2060N"
        True
    """
    return _cut(_clean(text), max_chars).replace("\\", "\\\\" + _JOINER)


def svg_text(text: str, *, max_chars: int = MAX_TOOLTIP) -> str:
    """Text for SVG written by hand (text content or a quoted attribute): cleaned, cut, escaped.

    Examples:
        >>> svg_text('<script>"x" & y</script>')
        '&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;'
    """
    return html.escape(_cut(_clean(text), max_chars), quote=True)


def safe_url(url: str | None) -> str | None:
    r"""The URL if it is http, https or relative; otherwise None (never ``javascript:``).

    Control characters and spaces are removed before the scheme is read, so an
    obfuscated ``java\nscript:`` is recognised for what it is.

    Examples:
        >>> safe_url("https://example.org/a?b=1"), safe_url("java\nscript:alert(1)")
        ('https://example.org/a?b=1', None)
        >>> safe_url("reports/2021.html"), safe_url("data:text/html,x")
        ('reports/2021.html', None)
    """
    if url is None:
        return None
    compact = re.sub(r"[\s\x00-\x1f\x7f]", "", url)
    parts = urlsplit(compact)
    safe = compact.replace("\\", "%5C")  # a backslash has no business in a URL
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return safe
    if not parts.scheme and not compact.startswith("//") and ":" not in compact.split("/")[0]:
        return safe or None
    return None
