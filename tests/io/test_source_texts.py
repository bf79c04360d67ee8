"""Where a source's text is found, and what is said when it is not (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from scenarios import load, read_source_texts
from tests.support import Cli

CASE = """\
meta: {title: Bridge}
sources:
  - {id: council, title: Council, text_path: texts/council.txt}
  - {id: gone, title: Lost, text_path: texts/gone.txt}
evidence:
  - id: e
    claim: It fell.
    quotes: [{source: council, text: The footbridge collapsed}]
  - id: f
    claim: Something else.
    quotes: [{source: gone, text: whatever it said}, {source: gone, text: and more}]
"""


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "council.txt").write_text(
        "The footbridge collapsed at 17:40.", encoding="utf-8"
    )
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    return tmp_path / "case.yaml"


def test_a_text_path_is_read_against_sources_then_the_case_folder(tmp_path: Path) -> None:
    case_file = _folder(tmp_path)
    case = load(case_file)
    # Before: --sources texts looked only in texts/texts/council.txt.
    found = read_source_texts(case, case_dir=tmp_path, sources_dir=tmp_path / "texts")
    assert found.paths["council"] == tmp_path / "texts" / "council.txt"
    assert found.texts["council"].startswith("The footbridge")
    # A copy in the sources folder, at the text_path, comes first.
    (tmp_path / "texts" / "texts").mkdir()
    (tmp_path / "texts" / "texts" / "council.txt").write_text("Edited.", encoding="utf-8")
    found = read_source_texts(case, case_dir=tmp_path, sources_dir=tmp_path / "texts")
    assert found.paths["council"] == tmp_path / "texts" / "texts" / "council.txt"
    # The places looked at for a text that is nowhere, in order, each once.
    assert found.not_found["gone"] == (
        tmp_path / "texts" / "texts" / "gone.txt",
        tmp_path / "texts" / "gone.txt",  # beside the case, and <id>.txt in --sources
        tmp_path / "texts" / "gone.md",
    )
    assert "council" not in read_source_texts(case, case_dir=tmp_path).not_found


def test_a_declared_text_that_is_missing_is_a_warning_saying_where_it_looked(
    cli: Cli, tmp_path: Path
) -> None:
    case_file = _folder(tmp_path)
    code, out, _ = cli("check", str(case_file), "--sources", str(tmp_path / "texts"))
    # Before: "Q004 [info] 2 quotes of source 'gone' unverified", which nobody notices.
    assert code == 0
    (line, hint, counts) = out.splitlines()
    assert ": Q006 [warning] source 'gone' declares text_path 'texts/gone.txt', but no " in line
    assert f"(looked at {tmp_path / 'texts' / 'texts' / 'gone.txt'} and " in line
    assert f" and {tmp_path / 'texts' / 'gone.txt'} and " in line
    assert line.endswith("so its 2 quotes go unverified")
    assert hint.startswith("  hint: Fix text_path")
    assert counts.endswith(": 1 warning")
    assert "Q004" not in out  # one finding for one missing text, not two
    code, out, _ = cli("check", str(case_file), "--format", "json")
    (finding,) = json.loads(out)
    assert (finding["code"], finding["severity"]) == ("Q006", "warning")
    assert finding["location"]["path"] == "sources[1].text_path"
    assert f"(looked at {tmp_path / 'texts' / 'gone.txt'})" in finding["message"]


def test_provenance_says_which_file_each_text_was_read_from(cli: Cli, tmp_path: Path) -> None:
    case_file = _folder(tmp_path)
    code, out, _ = cli("provenance", str(case_file), "--sources", str(tmp_path / "texts"))
    assert code == 0
    lines = out.splitlines()
    assert f"text read from {tmp_path / 'texts' / 'council.txt'}; 1 of 1 quote found" in lines[1]
    assert "  gone: F (reliability cannot be judged); lineage gone; text missing; " in lines[3]
    assert lines[3].endswith("0 of 2 quotes found")
