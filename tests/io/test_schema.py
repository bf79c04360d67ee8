"""The committed JSON Schema matches the models, and example files declare it."""

from __future__ import annotations

from pathlib import Path

from scenarios.io import SCHEMA_PATH, case_schema, schema_text


def test_committed_schema_is_current(root: Path) -> None:
    committed = (root / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "run: scenarios schema -o schema/case.schema.json"


def test_schema_describes_fields_and_refuses_extras() -> None:
    schema = case_schema()
    link = schema["$defs"]["Link"]
    assert link["additionalProperties"] is False
    assert link["properties"]["rating"]["enum"] == ["CC", "C", "N", "I", "II", "NA"]
    assert "ACH consistency" in link["properties"]["rating"]["description"]
    assert set(link["required"]) == {"evidence", "hypothesis", "rating"}
    assert schema["$defs"]["Source"]["properties"]["url"]["anyOf"][0]["pattern"].startswith(
        "^https?://"
    )


def test_case_files_in_the_repo_start_with_the_modeline(root: Path) -> None:
    files = sorted((root / "examples").rglob("*.yaml"))
    assert files, "the examples hold at least one case file"
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        relative = Path(*[".."] * (len(path.relative_to(root).parts) - 1), SCHEMA_PATH)
        assert first == f"# yaml-language-server: $schema={relative.as_posix()}", path
