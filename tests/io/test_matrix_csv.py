"""ACH matrices from spreadsheets: read as analysts keep them, and the written one reads back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings

from scenarios import Case, load
from scenarios.analysis import ach
from scenarios.checks import check
from scenarios.cli import main
from scenarios.errors import CaseFileError
from scenarios.io._matrix import MATRIX_SOURCE, parse_matrix_csv, read_matrix_csv
from scenarios.render import matrix_csv
from scenarios.strategies import cases
from tests.support import BRIDGE


def ratings(case: Case, hypotheses: tuple[str, ...]) -> set[tuple[str, str, str]]:
    return {
        (link.evidence, link.hypothesis, link.rating)
        for link in case.links
        if link.hypothesis in hypotheses
    }


def test_the_written_matrix_reads_back() -> None:
    case = load(BRIDGE)
    group = case.hypothesis_sets[0]
    written = matrix_csv(case, ach(case, group.id))
    found = parse_matrix_csv(written, title=group.question).case
    assert [h.id for h in found.hypotheses] == list(ach(case, group.id).ranking)
    assert ratings(found, group.hypotheses) == ratings(case, group.hypotheses)
    claims = {e.id: e.claim for e in case.evidence}
    assert all(claims[e.id] == e.claim for e in found.evidence)
    assert not any(e.id.startswith("inconsistencies") for e in found.evidence)  # totals skipped


@settings(max_examples=30, deadline=None)
@given(cases())
def test_any_matrix_reads_back(case: Case) -> None:
    for group in case.hypothesis_sets:
        result = ach(case, group.id)
        if not result.evidence:
            continue
        found = parse_matrix_csv(matrix_csv(case, result)).case
        rated = {(e, h, r) for (e, h), r in result.ratings.items()}
        assert ratings(found, tuple(h.id for h in found.hypotheses)) == rated


def test_a_spreadsheet_as_analysts_keep_it(tmp_path: Path) -> None:
    sheet = tmp_path / "mill-lane.csv"
    sheet.write_text(
        "\ufeffItem,Evidence text,Source,Reliability,Credibility,Relevance,"
        "Corrosion of the pipe,Digging by the contractor,Notes\n"
        "1,Heavy rust on the burst section.,Vale Gazette,c,3,high,Very Consistent,Inconsistent,x\n"
        "2,A contractor dug nearby.,Vale Gazette,C,3,,Neutral,+,\n"
        "3,Failed at 02:10.,Vale Water,B,1,low,,--,\n"
        "Weighted inconsistency score,,,,,,0,-3,\n",
        encoding="utf-8",
    )
    found = read_matrix_csv(sheet)
    case = found.case
    assert case.meta.title == "mill lane"
    assert [h.statement for h in case.hypotheses] == [
        "Corrosion of the pipe",
        "Digging by the contractor",
    ]
    assert [(s.title, s.reliability) for s in case.sources] == [
        ("Vale Gazette", "C"),
        ("Vale Water", "B"),
    ]
    assert [e.credibility for e in case.evidence] == [3, 3, 1]
    rated = {(link.evidence, link.hypothesis): (link.rating, link.relevance) for link in case.links}
    assert rated == {
        ("1", "corrosion-of-the-pipe"): ("CC", "high"),
        ("1", "digging-by-the-contractor"): ("I", "high"),
        ("2", "corrosion-of-the-pipe"): ("N", "medium"),
        ("2", "digging-by-the-contractor"): ("C", "medium"),
        ("3", "digging-by-the-contractor"): ("II", "low"),
    }
    assert "not the sources' words" in found.problems[-1]
    assert not [f for f in check(case) if f.severity == "error"]  # a valid case


def test_a_cell_that_is_not_a_rating_is_named_and_skipped() -> None:
    found = parse_matrix_csv("evidence,h1\ne1,maybe\n", name="m.csv")
    assert found.case.links == ()
    assert (
        found.problems[0]
        == "row 2, column 2: 'maybe' is not a rating; cell skipped (use CC, C, N, I, II or NA)"
    )
    assert found.case.evidence[0].quotes[0].source == MATRIX_SOURCE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no header row"),
        ("evidence,claim\ne1,x\n", "no hypothesis column"),
        ("evidence,h1\n", "no item rows"),
        ("evidence,credibility,h1\ne1,9,C\n", "credibility: must be at most 6, got 9"),
        ("evidence,relevance,h1\ne1,huge,C\n", "relevance: 'huge' is not low, medium or high"),
    ],
)
def test_what_makes_no_case_is_located(text: str, message: str) -> None:
    with pytest.raises(CaseFileError, match=message) as caught:
        parse_matrix_csv(text, name="m.csv")
    assert caught.value.problems[0].file == "m.csv"


def test_each_cell_that_makes_no_case_is_one_problem_at_its_column() -> None:
    # Before: one problem for the row, "m.csv:2:None: row 2 is not an item: 1 problem in
    # Source\nreliability: 'G' is not ...", with a second hint blaming credibility and date.
    text = (
        "Item,Evidence text,Source,Reliability,Credibility,Date,Corrosion\n"
        "rust,Heavy rust.,Vale Gazette,G,3,2024-03,C\n"
        "dug,A contractor dug.,Vale Water,B,9,2024-13,C\n"
        "night,Failed at night.,Vale Water,B,two,,I\n"
        "empty,,Vale Water,B,2,,I\n"
    )
    with pytest.raises(CaseFileError) as caught:
        parse_matrix_csv(text, name="m.csv")
    assert [str(problem) for problem in caught.value.problems] == [
        "m.csv:2:4: Reliability: 'G' is not a reliability\n"
        "  hint: write one of 'A', 'B', 'C', 'D', 'E', 'F'",
        "m.csv:3:5: Credibility: must be at most 6, got 9\n"
        "  hint: write a whole number from 1 (confirmed) to 6 (cannot be judged)",
        "m.csv:3:6: Date: '2024-13' is not a calendar date\n"
        "  hint: write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of those",
        "m.csv:4:5: Credibility: 'two' is not a credibility\n"
        "  hint: write a whole number from 1 (confirmed) to 6 (cannot be judged)",
    ]
    assert "credibility and date" not in str(caught.value)


def test_an_empty_claim_is_blamed_on_its_column() -> None:
    with pytest.raises(CaseFileError) as caught:
        parse_matrix_csv("evidence,claim,h1\n,,C\n", name="m.csv")
    (problem,) = caught.value.problems
    assert str(problem) == "m.csv:2:2: claim: must hold some text, not only white space"


def test_a_problem_with_a_line_but_no_column_is_at_file_line() -> None:
    # Before: "m.csv:1:None: no hypothesis column".
    with pytest.raises(CaseFileError) as caught:
        parse_matrix_csv("evidence,claim\ne1,x\n", name="m.csv")
    assert str(caught.value.problems[0]).startswith("m.csv:1: no hypothesis column\n")
    assert ":None" not in str(caught.value)


def test_convert_reads_a_matrix(tmp_path: Path) -> None:
    sheet = tmp_path / "m.csv"
    sheet.write_text("evidence,claim,Corrosion,Digging\nrust,Heavy rust.,CC,I\n", encoding="utf-8")
    target = tmp_path / "m.yaml"
    assert main(["convert", str(sheet), str(target)], out=io.StringIO()) == 0
    case = load(target)
    assert [(link.hypothesis, link.rating) for link in case.links] == [
        ("corrosion", "CC"),
        ("digging", "I"),
    ]


def test_a_named_source_is_told_from_the_matrix_by_name_not_title() -> None:
    # The matrix's own source takes the matrix's title; a row's source of that same
    # name is still a source of its own.
    found = parse_matrix_csv("evidence,source,h1\ne1,,C\ne2,Echo,C\n", title="Echo").case
    assert [e.quotes[0].source for e in found.evidence] == [MATRIX_SOURCE, "echo"]
