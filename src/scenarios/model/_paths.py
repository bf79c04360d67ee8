"""Where in a case document: the paths integrity problems, findings and file errors share.

Kept apart from the integrity rules, so that io, provenance and checks name a place
without importing them.
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = ["Path", "format_path"]

Path: TypeAlias = tuple[str | int, ...]
"""Where in the document: field names and list indexes, e.g. ``("links", 3, "hypothesis")``."""


def format_path(path: Path) -> str:
    """Render a path the way messages show it.

    Examples:
        >>> format_path(("evidence", 3, "quotes", 0, "source"))
        'evidence[3].quotes[0].source'
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
