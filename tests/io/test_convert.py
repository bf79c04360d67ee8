"""`scenarios convert`: every direction the formats allow, by suffix and by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenarios import Case, CaseFileError, load
from scenarios.io import convert_format_of, read_aif, read_argdown, read_as, read_carneades
from scenarios.io import read_iccma as read_af
from tests.support import EXAMPLE, Cli


def test_case_to_aif_and_back_keeps_the_arguments(
    example_case: Case, cli: Cli, tmp_path: Path
) -> None:
    aif, back = tmp_path / "map.aif.json", tmp_path / "back.yaml"
    code, out, _ = cli("convert", str(EXAMPLE), str(aif))
    assert (code, out.split(" (")[0]) == (0, str(aif))  # with the count of what AIF drops
    assert "nodes" in json.loads(aif.read_text())
    assert cli("convert", str(aif), str(back)).code == 0
    case, again = example_case, load(back)

    def shapes(c: Case) -> set[tuple[tuple[str, ...], str, str]]:
        text: dict[str, str] = {
            r.id: str(getattr(r, "claim", None) or getattr(r, "statement", "")) for r in c.records()
        }
        return {
            (tuple(text[p] for p in a.premises), text[a.conclusion], a.stance) for a in c.arguments
        }

    assert shapes(case) <= shapes(again)
    assert len(again.evidence) + len(again.hypotheses) == (
        len(case.evidence) + len(case.hypotheses) + len(case.assumptions)
    )


def test_a_plain_json_aif_map_is_recognised(tmp_path: Path) -> None:
    aif = tmp_path / "aifdb-1234.json"
    aif.write_text(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": 1, "text": "A.", "type": "I"},
                    {"nodeID": 2, "text": "B.", "type": "I"},
                    {"nodeID": 3, "text": "Default Inference", "type": "RA"},
                ],
                "edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 9}],
            }
        )
    )
    case, problems = read_as(aif)
    assert [e.id for e in case.evidence] == ["aif-1", "aif-2"]
    assert problems[0].startswith("edges[1]: 3 -> 9 names '9'")


def test_argdown_and_graphml(cli: Cli, tmp_path: Path) -> None:
    document = tmp_path / "case.argdown"
    assert cli("convert", str(EXAMPLE), str(document)).code == 0
    back = tmp_path / "back.json"
    assert cli("convert", str(document), str(back)).code == 0
    assert load(back).links
    graph = tmp_path / "case.graphml"
    assert cli("convert", str(EXAMPLE), str(graph)).code == 0
    assert graph.read_text().startswith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')
    forced = tmp_path / "any.txt"
    assert cli("convert", str(EXAMPLE), str(forced), "--to", "argdown").code == 0
    assert forced.read_text().startswith("===\ntitle:")


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    ran = cli("convert", str(EXAMPLE), str(tmp_path / "x.txt"))
    assert ran.code == 2
    assert "cannot tell the format of 'x.txt'" in ran.err
    graph = tmp_path / "g.graphml"
    graph.write_text("<graphml/>")
    ran = cli("convert", str(graph), str(tmp_path / "c.yaml"))
    assert ran.code == 2
    assert "graphml is written, not read" in ran.err
    ran = cli("convert", str(tmp_path / "missing.argdown"), str(tmp_path / "c.yaml"))
    assert ran.code == 2
    assert "file not found" in ran.err
    ran = cli("convert", str(EXAMPLE), str(tmp_path / "c.txt"), "--to", "case")
    assert ran.code == 2
    assert "a case is written as .yaml, .yml or .json" in ran.err
    assert not (tmp_path / "c.yaml").exists()


def test_warnings_go_to_stderr(cli: Cli, tmp_path: Path) -> None:
    document = tmp_path / "d.argdown"
    document.write_text("[A]: A.\n  + [B]: B.\n    - [C]: C.\n")
    ran = cli("convert", str(document), str(tmp_path / "d.yaml"))
    code, out, _ = ran
    assert code == 0
    assert out.endswith("(1 warning)\n")
    assert "warning: 'C' attack 'B': between two evidence items; not kept" in (ran.err)


def test_format_names() -> None:
    assert [convert_format_of(n) for n in ("a.AIF", "b.ad", "c.yml", "d.json")] == [
        "aif",
        "argdown",
        "case",
        "case",
    ]


def test_every_reader_reports_unreadable_files_alike(tmp_path: Path) -> None:
    latin = tmp_path / "latin.aif.json"
    latin.write_bytes(b'{"nodes": [], "text": "caf\xe9"}')
    with pytest.raises(CaseFileError, match="not valid UTF-8"):
        read_aif(latin)
    for reader in (read_argdown, read_carneades, read_aif):
        with pytest.raises(CaseFileError, match="is a folder, not a file"):
            reader(tmp_path)
    (tmp_path / "af.apx").mkdir()
    with pytest.raises(CaseFileError, match="is a folder, not a file"):
        read_af(tmp_path / "af.apx")
