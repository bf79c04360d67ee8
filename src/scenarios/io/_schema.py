"""The JSON Schema of case files, generated from the models."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Final

from scenarios.errors import OptionError
from scenarios.io._atomic import write_atomic
from scenarios.model import Case

__all__ = [
    "SCHEMA_ID",
    "SCHEMA_PATH",
    "case_schema",
    "schema_reference",
    "schema_text",
    "write_schema",
]

SCHEMA_PATH: Final = "schema/case.schema.json"
"""Where the schema is committed, relative to the repository root."""

SCHEMA_ID: Final = "https://scenarios.invalid/schema/case.schema.json"
"""The schema's ``$id``: a stable name, not a download location."""


def _first_paragraphs(node: Any) -> Any:
    """Keep the first paragraph of every description (docstrings carry examples too)."""
    if isinstance(node, dict):
        out = {key: _first_paragraphs(value) for key, value in node.items()}
        if isinstance(out.get("description"), str):
            out["description"] = " ".join(out["description"].split("\n\n")[0].split())
        return out
    if isinstance(node, list):
        return [_first_paragraphs(item) for item in node]
    return node


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every case file satisfies.

    Examples:
        >>> schema = case_schema()
        >>> schema["required"], "links" in schema["properties"]
        (['meta'], True)
    """
    schema = _first_paragraphs(Case.model_json_schema(mode="validation"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text() -> str:
    """The schema as the text committed at `SCHEMA_PATH` (2-space indent, final newline)."""
    return json.dumps(case_schema(), indent=2, ensure_ascii=False) + "\n"


_MODELINE: Final = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


def schema_reference(
    target: str | os.PathLike[str], *, like: str | os.PathLike[str] | None = None
) -> str:
    """The schema to name in the modeline of a case written to `target`.

    The modeline of the case file `like` (the one `target` is written from), when it has
    one: the same URL, or the same file seen from `target`'s folder; the analyst's own
    choice is never changed. Else the committed schema (`SCHEMA_PATH`) relative to the
    folder of `target`, when a folder above it holds one (a repository of cases); else
    `SCHEMA_ID`.

    Examples:
        >>> schema_reference("/nowhere/case.yaml")
        'https://scenarios.invalid/schema/case.schema.json'
    """
    kept = _modeline(like) if like is not None else None
    if kept is not None:
        if "://" in kept or Path(kept).is_absolute():
            return kept
        named = Path(like).resolve().parent / kept  # type: ignore[arg-type]
        return os.path.relpath(named, Path(target).resolve().parent).replace(os.sep, "/")
    folder = Path(target).resolve().parent
    for parent in (folder, *folder.parents):
        if (parent / SCHEMA_PATH).is_file():
            return os.path.relpath(parent / SCHEMA_PATH, folder).replace(os.sep, "/")
    return SCHEMA_ID


def _modeline(path: str | os.PathLike[str]) -> str | None:
    """The schema a case file's ``yaml-language-server`` modeline names, if it has one."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = [handle.readline() for _ in range(3)]
    except OSError:
        return None
    for line in head:
        found = _MODELINE.match(line.strip())
        if found:
            return found.group(1)
    return None


def write_schema(path: str | os.PathLike[str]) -> None:
    """Write `schema_text` to `path` atomically, but never over a file that is not a schema.

    Raises:
        OptionError: `path` is a file that holds no ``"$schema"`` in its first 4 KiB
            (a case file, say).
        OSError: The file cannot be written.
    """
    head = b'"$schema"'  # missing, not a regular file or unreadable: the writer says so
    try:
        if Path(path).is_file():
            with open(path, "rb") as handle:
                head = handle.read(4096)
    except OSError:
        pass
    if b'"$schema"' not in head:
        raise OptionError(
            f"refusing to write the schema over {os.fspath(path)}: it is not a JSON Schema "
            "(a case file?); choose another output file"
        )
    write_atomic(path, schema_text().encode("utf-8"))
