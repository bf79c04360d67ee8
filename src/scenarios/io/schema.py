"""The JSON Schema of case files, generated from the models."""

from __future__ import annotations

import json
from typing import Any, Final

from scenarios.model.case import Case

__all__ = ["SCHEMA_ID", "SCHEMA_PATH", "case_schema", "schema_text"]

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
