"""One error tree: every error the caller caused is a `ScenariosError` (issues 18 and 21).

Each test here failed before: the library raised a builtin (or pydantic's
`ValidationError`, or a bare `KeyError`), or gave an answer where it should refuse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios import Case, Finding, ScenariosError, UnknownIdError, check, dumps, loads
from scenarios.analysis import ArgumentationFramework, ach, alternative_futures, solve
from scenarios.checks import check_file, filter_findings
from scenarios.errors import (
    AnalysisError,
    CaseFileError,
    OptionError,
    PathNotFoundError,
)
from scenarios.io import (
    Answer,
    convert,
    convert_format_of,
    guess_format,
    not_an_input,
    read_source_texts,
    write_schema,
)
from scenarios.render import argument_map, write_diagram
from tests.support import MINIMAL_YAML


@pytest.fixture
def case() -> Case:
    return loads(MINIMAL_YAML, format="yaml")


def test_the_new_errors_refine_builtins() -> None:
    for error, builtin in (
        (AnalysisError, ValueError),
        (OptionError, ValueError),
        (PathNotFoundError, FileNotFoundError),
    ):
        assert issubclass(error, ScenariosError)
        assert issubclass(error, builtin)
    raised = OptionError("bad", hint="do this")
    assert (str(raised), raised.message, raised.hint) == ("bad\n  hint: do this", "bad", "do this")


def test_filter_findings_refuses_a_bare_string_and_unknown_codes() -> None:
    fs = [Finding("H001", "warning", "a"), Finding("H002", "warning", "b")]
    # Before: "H001" was read as the prefixes H, 0, 0, 1 and kept H002 too.
    with pytest.raises(OptionError, match=r"select='H001' is one string"):
        filter_findings(fs, select="H001")
    with pytest.raises(OptionError, match=r"ignore='H' is one string"):
        filter_findings(fs, ignore="H")
    # Before: a code no check has filtered everything away, silently.
    with pytest.raises(OptionError, match="no check has the code 'XYZ999'"):
        filter_findings(fs, select=["XYZ999"])
    with pytest.raises(OptionError, match="did you mean 'H001'"):
        filter_findings(fs, select=["H0011"])
    with pytest.raises(OptionError, match="no check has the code ''"):
        filter_findings(fs, ignore=[""])
    assert [f.code for f in filter_findings(fs, select=["h001"])] == ["H001"]


def test_check_takes_select_ignore_and_a_plain_mapping_of_texts(case: Case) -> None:
    codes = {f.code for f in check(case)}
    assert "Q004" in codes
    assert {f.code for f in check(case, ignore=["Q004"])} == codes - {"Q004"}
    assert {f.code for f in check(case, select=["Q"])} == {c for c in codes if c[0] == "Q"}
    with pytest.raises(OptionError):
        check(case, select="Q")
    # Before: a plain dict failed with AttributeError ('dict' has no attribute 'texts').
    found = check(case, texts={"s1": "Yesterday nothing was said."}, select=["Q"])
    assert [f.code for f in found] == ["Q001"]
    assert check(case, texts={"s1": "Yesterday something was said."}, select=["Q001"]) == ()


def test_unknown_case_formats_are_errors(case: Case) -> None:
    # Before: format="JSON" wrote YAML, and "toml" was parsed as YAML.
    with pytest.raises(OptionError, match="unknown case format 'JSON'"):
        dumps(case, format="JSON")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="unknown case format 'toml'"):
        loads("meta: {title: t}", format="toml")  # type: ignore[arg-type]


def test_ach_on_a_hypothesis_says_what_it_is_and_names_its_sets(case: Case) -> None:
    # Before: "no hypothesisset with id 'h1' in this case".
    with pytest.raises(UnknownIdError) as caught:
        ach(case, "h1")
    assert str(caught.value) == (
        "no hypothesis set with id 'h1' in this case: 'h1' is a hypothesis, in set 'hs'; "
        "did you mean 'hs'?"
    )


def test_options_of_the_analysis_and_the_renderers_are_option_errors(
    example_case: Case, case: Case
) -> None:
    example = example_case
    with pytest.raises(OptionError, match="two different drivers"):
        alternative_futures(example, "tehran-line", "tehran-line")
    with pytest.raises(OptionError, match="choose one view"):
        argument_map(case, focus="h1", source="s1")
    with pytest.raises(OptionError, match="depth must be 0 or more"):
        argument_map(case, focus="h1", depth=-1)
    with pytest.raises(OptionError, match=r"cannot tell the format of 'map\.bmp'"):
        write_diagram(argument_map(case), "map.bmp")
    af = ArgumentationFramework(["a", "b"], [("a", "b")])
    with pytest.raises(OptionError, match="no argument 'c'"):
        solve(af, "DC-PR", "c")
    with pytest.raises(OptionError, match="unknown task 'DC-XX'"):
        solve(af, "DC-XX")
    with pytest.raises(AnalysisError, match="undeclared argument"):
        ArgumentationFramework(["a"], [("a", "z")])


def test_a_missing_sources_folder_is_both_errors(case: Case, tmp_path: Path) -> None:
    with pytest.raises(PathNotFoundError, match="sources folder not found") as caught:
        read_source_texts(case, sources_dir=tmp_path / "nowhere")
    assert isinstance(caught.value, FileNotFoundError)
    assert caught.value.hint


def test_check_file_locates_findings(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(MINIMAL_YAML)
    report = check_file(path, select=["Q004"])
    assert [
        (f.code, str(where)) for f, where in zip(report.findings, report.locations, strict=True)
    ] == [("Q004", f"{path}:3:5")]
    assert report.to_json()[0]["location"] == {
        "file": str(path),
        "line": 3,
        "column": 5,
        "path": "sources[0]",
    }
    assert report.to_text().endswith(f"{path}: 1 info\n")
    assert not report.failed
    assert report.sound_case() is report.case
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: {title: x}\nlinks: [{evidence: e1, hypothesis: h1, rating: C}]\n")
    report = check_file(broken, ignore=["R"])  # what was kept does not make it sound
    with pytest.raises(AnalysisError, match="integrity errors"):
        report.sound_case()
    with pytest.raises(CaseFileError, match="file not found"):
        check_file(tmp_path / "none.yaml")


def test_convert_guesses_carneades_and_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    graph = tmp_path / "graph.yaml"
    graph.write_text("statements: {a: A}\nassumptions: [a]\n")
    assert guess_format(graph) == "carneades"
    with pytest.raises(OptionError, match="holds a Carneades graph"):
        convert(graph, tmp_path / "out.argdown")
    with pytest.raises(OptionError, match=r"cannot tell the format of 'x\.txt'"):
        convert_format_of("x.txt")
    case_file = tmp_path / "case.yaml"
    case_file.write_text(MINIMAL_YAML)
    with pytest.raises(OptionError, match="it is the input"):
        convert(case_file, case_file)
    done = convert(case_file, tmp_path / "out.argdown", strict=True)
    assert not done.written
    assert done.losses
    assert not (tmp_path / "out.argdown").exists()
    with pytest.raises(OptionError, match="it is the input"):
        not_an_input(case_file, "other.yaml", case_file)


def test_write_schema_refuses_to_overwrite_a_case(tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text('{"meta": {"title": "t"}}')
    with pytest.raises(OptionError, match="not a JSON Schema"):
        write_schema(case_file)
    write_schema(tmp_path / "schema.json")
    write_schema(tmp_path / "schema.json")  # over a schema: fine
    assert '"$schema"' in (tmp_path / "schema.json").read_text()


def test_iccma_answers_in_both_dialects() -> None:
    af = ArgumentationFramework([1, 2, 3], [(1, 2), (2, 1), (2, 3)])
    assert solve(af, "DS-PR", "3").text(af.arguments, "i23") == "NO\nw 2\n"
    assert solve(af, "DS-PR", "3").text(af.arguments, "apx") == "NO\n"
    assert Answer("SE").text([], "apx") == "NO\n"
    assert solve(af, "CE-CO").text(af.arguments, "tgf") == "3\n"
