"""Where a source's text is found, and what is said when it is not (issue 16)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from scenarios import load, read_source_texts
from scenarios.checks import check
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
    # The places looked at for a text that is nowhere, in order, each once: <id>.txt
    # and <id>.md in --sources are not, as the source declares a text_path.
    assert found.not_found["gone"] == (
        tmp_path / "texts" / "texts" / "gone.txt",
        tmp_path / "texts" / "gone.txt",
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
    assert (
        f"(looked at {tmp_path / 'texts' / 'texts' / 'gone.txt'} and "
        f"{tmp_path / 'texts' / 'gone.txt'}), " in line
    )
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


def test_a_declared_text_path_is_not_replaced_by_the_text_named_by_the_id(
    cli: Cli, tmp_path: Path
) -> None:
    # Before: a typo in text_path went unnoticed with --sources, as texts/<id>.txt was
    # read instead ("no findings"), while check without --sources reported Q006.
    case_file = _folder(tmp_path)
    (tmp_path / "texts" / "gone.txt").write_text("whatever it said, and more", encoding="utf-8")
    case_file.write_text(CASE.replace("texts/gone.txt", "texts/gonne.txt"), encoding="utf-8")
    found = read_source_texts(load(case_file), case_dir=tmp_path, sources_dir=tmp_path / "texts")
    assert "gone" not in found.texts
    assert found.not_found["gone"] == (
        tmp_path / "texts" / "texts" / "gonne.txt",
        tmp_path / "texts" / "gonne.txt",
    )
    for sources in ((), ("--sources", str(tmp_path / "texts"))):
        code, out, _ = cli("check", str(case_file), *sources)
        assert code == 0  # a warning
        assert "Q006 [warning] source 'gone' declares text_path 'texts/gonne.txt'" in out
    # A source that declares no text_path is still read from <id>.txt in --sources.
    case_file.write_text(CASE.replace(", text_path: texts/gone.txt", ""), encoding="utf-8")
    found = read_source_texts(load(case_file), case_dir=tmp_path, sources_dir=tmp_path / "texts")
    assert found.paths["gone"] == tmp_path / "texts" / "gone.txt"
    assert not found.not_found


def test_q006_lists_the_places_looked_at_as_prose(tmp_path: Path) -> None:
    # Before: "looked at A and B and C".
    case = load(_folder(tmp_path))
    texts = read_source_texts(case, case_dir=tmp_path)
    looked = (tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt")
    texts = dataclasses.replace(texts, not_found={"gone": looked})
    (finding,) = [f for f in check(case, texts=texts) if f.code == "Q006"]
    a, b, c = map(str, looked)
    assert f"(looked at {a}, {b} and {c}), " in finding.message


def test_a_missing_declared_text_is_reported_even_with_no_quotes(cli: Cli, tmp_path: Path) -> None:
    # Before: Q006 came only for a source with quotes; a source quoted by nothing, whose
    # text the near-duplicate check (S001) would read, went unreported.
    case_file = tmp_path / "case.yaml"
    case_file.write_text(
        "meta: {title: T}\nsources:\n  - {id: blog, title: A blog, text_path: texts/blogg.txt}\n",
        encoding="utf-8",
    )
    ran = cli("check", str(case_file))
    assert ran.code == 0
    assert (
        "Q006 [warning] source 'blog' declares text_path 'texts/blogg.txt', but no file is "
        "there (looked at "
    ) in ran.out
    assert "so it cannot be compared with the other texts" in ran.out
