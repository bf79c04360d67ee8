"""`scenarios anchor` names each source whose quotes stay unverified, and why (issue 16)."""

from __future__ import annotations

from pathlib import Path

from tests.support import Cli

CASE = """\
meta: {title: Two sources}
sources:
  - {id: here, title: Found, reliability: B, text_path: texts/here.txt}
  - {id: gone, title: Not found, reliability: B, text_path: texts/gone.txt}
  - {id: cited, title: Citation only, reliability: C}
evidence:
  - id: e1
    claim: Something was said.
    credibility: 2
    quotes: [{source: here, text: something was said}]
  - id: e2
    claim: Something else was said.
    credibility: 2
    quotes: [{source: gone, text: something else}, {source: gone, text: and more}]
  - id: e3
    claim: A third thing.
    credibility: 3
    quotes: [{source: cited, text: a third thing}]
"""


def test_a_missing_text_is_named_with_where_it_was_looked_for(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "here.txt").write_text("Yesterday something was said.", encoding="utf-8")
    out_file = tmp_path / "anchored.yaml"
    code, out, _ = cli(
        "anchor", str(case), "--sources", str(tmp_path / "texts"), "-o", str(out_file)
    )
    # Before: only "1 anchored, 0 ambiguous, 0 not-found, 3 unverified", exit 0, no source named.
    assert code == 1  # a declared text was not found
    lines = out.splitlines()
    assert lines[-1] == f"{out_file}: 1 anchored, 0 ambiguous, 0 not-found, 3 unverified"
    gone = next(line for line in lines if "'gone'" in line)
    assert "Q006" in gone
    assert str(tmp_path / "texts" / "texts" / "gone.txt") in gone  # where it looked
    assert str(tmp_path / "texts" / "gone.txt") in gone
    assert gone.endswith("so its 2 quotes go unverified")
    cited = next(line for line in lines if "'cited'" in line)
    assert "Q004" in cited
    assert "1 quote of source 'cited' unverified" in cited
    assert "'here'" not in out
    # The same words as `scenarios check`: written once, in the check.
    _, checked, _ = cli("check", str(case), "--sources", str(tmp_path / "texts"))
    assert gone in checked.splitlines()
    assert out_file.is_file()  # what could be anchored is written all the same


def test_a_citation_only_source_is_named_but_is_no_failure(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE.replace(", text_path: texts/gone.txt", ""), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "here.txt").write_text("Yesterday something was said.", encoding="utf-8")
    code, out, _ = cli("anchor", str(case), "-o", str(tmp_path / "a.yaml"))
    assert code == 0
    assert "2 quotes of source 'gone' unverified: no text_path declared" in out
