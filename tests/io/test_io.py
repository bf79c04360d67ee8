"""Case files: safe reading with clear messages, lossless writing, atomic output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios import Case, CaseFileError, Limits, dump, dumps, load, loads
from scenarios.io import CaseFormat, write_atomic
from scenarios.io._yaml import dump_yaml, parse_yaml, resolve_plain
from scenarios.strategies import cases


def problem_of(text: str, *, fmt: str = "yaml", **kwargs: object) -> str:
    with pytest.raises(CaseFileError) as caught:
        loads(text, format=fmt, name="case.yaml", **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


# -- safety -------------------------------------------------------------------------------


def test_python_tags_construct_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"meta: !!python/object/apply:os.system ['touch {marker}']\n"
    message = problem_of(text)
    assert (
        "case.yaml:1:7: YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"
        in message
    )
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!str", "!custom", "!!binary"])
def test_every_tag_is_refused(tag: str) -> None:
    assert "is not allowed" in problem_of(f"meta: {{title: {tag} x}}")


def test_aliases_are_refused() -> None:
    laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    message = problem_of(laughs)
    assert "case.yaml:1:4: anchor &a is not allowed" in message
    assert "write the value out in full" in message


def test_duplicate_keys_are_errors_with_both_lines() -> None:
    message = problem_of("meta:\n  title: a\n  title: b\n")
    assert "case.yaml:3:3: meta.title: duplicate key 'title' (first on line 2)" in message


def test_duplicate_keys_in_json() -> None:
    message = problem_of('{"meta": {"title": "a", "title": "b"}}', fmt="json")
    assert 'case.yaml:1:33: duplicate key "title"' in message


def test_size_is_capped_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("meta: {title: x}\n" + "# padding\n" * 200)
    with pytest.raises(CaseFileError, match=r"over the limit of 100 bytes"):
        load(path, limits=Limits(max_bytes=100))


def test_yaml_depth_is_capped_while_parsing() -> None:
    deep = "meta: " + "[" * 50 + "]" * 50
    assert "nesting deeper than 32 levels" in problem_of(deep)


def test_json_depth_is_capped() -> None:
    assert "nesting deeper than" in problem_of("[" * 100_000, fmt="json")


def test_json_nan_is_refused() -> None:
    assert "JSON syntax error" in problem_of('{"meta": {"title": "x"}, "x": NaN}', fmt="json")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "meta: {title: x}\nhypotheses: [{id: 0123, statement: s}]",
            'case.yaml:2:19: hypotheses[0].id: expected text, got int 123\n  hint: quote it: "0123"',
        ),
        (
            "meta: {title: x}\nhypothesis_sets: [{id: g, question: q, hypotheses: [h], exclusive: no}]",
            "hypothesis_sets[0].exclusive: expected true or false, got 'no'\n"
            "  hint: write true or false (YAML 1.2 reads yes, no, on and off as text)",
        ),
        (
            "meta: {title: x, as_of: 2021-02-30}",
            "case.yaml:1:25: meta.as_of: expected a day, got '2021-02-30'\n"
            "  hint: write the day as YYYY-MM-DD",
        ),
        (
            "meta: {title: x}\nevents: [{id: ev, title: t, date: 2021-02-29}]",
            "case.yaml:2:35: events[0].date: '2021-02-29' is not a calendar date\n"
            "  hint: write YYYY, YYYY-MM, YYYY-MM-DD, or a range START/END of those",
        ),
        ("meta: {title: yes}", None),  # YAML 1.2: `yes` is the text "yes", accepted
        (
            "meta: {title: x}\nsources: [{id: s, title: t, reliabilty: B}]",
            "case.yaml:2:41: sources[0].reliabilty: unknown field 'reliabilty'\n"
            "  hint: did you mean 'reliability'?",
        ),
        (
            "meta: {title: x}\nsources: [{id: S 1, title: t}]",
            "sources[0].id: 'S 1' is not a valid id\n  hint: ids are lowercase letters and digits "
            "joined by '-', '_' or '.', e.g. 's-1'",
        ),
        (
            "meta: {title: x}\nevidence: [{id: e, claim: c, credibility: '2', quotes: []}]",
            "evidence[0].credibility: expected a number, got the text '2'",
        ),
        ("sources: []", "case.yaml:1:1: meta: missing (required)"),
        ("meta: {title: x", "case.yaml:2:1: YAML syntax error: did not find expected ',' or '}'"),
        ("- just\n- a list", "the top level must be a mapping"),
        ("", "the file holds no YAML document"),
        (
            "meta: {title: x}\n---\nmeta: {title: y}",
            "case.yaml:2:1: a case file holds one YAML document",
        ),
    ],
)
def test_bad_input_names_place_and_fix(text: str, expected: str | None) -> None:
    if expected is None:
        assert loads(text, format="yaml").meta.title == "yes"
    else:
        assert expected in problem_of(text)


def test_all_reference_problems_come_at_once_with_positions() -> None:
    text = (
        "meta: {title: x}\n"
        "hypotheses: [{id: h1, statement: s}, {id: h1, statement: t}]\n"
        "links:\n"
        "  - {evidence: e1, hypothesis: h1, rating: C}\n"
        "  - {evidence: e2, hypothesis: hx, rating: C}\n"
    )
    message = problem_of(text)
    assert message.splitlines()[0] == "4 problems in case file"
    assert "case.yaml:2:43: hypotheses[1].id: id 'h1' is already used by hypotheses[0]" in message
    assert (
        "case.yaml:4:16: links[0].evidence: names 'e1', but no evidence item has that id" in message
    )
    assert "case.yaml:5:16: links[1].evidence: names 'e2'" in message
    assert "case.yaml:5:32: links[1].hypothesis: names 'hx'" in message


def test_integrity_can_be_skipped_for_linting() -> None:
    case = loads(
        "meta: {title: x}\nlinks: [{evidence: e, hypothesis: h, rating: C}]",
        format="yaml",
        integrity=False,
    )
    assert case.links[0].evidence == "e"


@pytest.mark.parametrize(
    ("name", "setup", "expected"),
    [
        ("missing.yaml", None, "missing.yaml: file not found\n  hint: check the path"),
        ("folder.yaml", "dir", "is a folder, not a case file"),
        (
            "case.txt",
            "file",
            "unknown case file type '.txt'\n  hint: name the file .yaml, .yml or .json",
        ),
        ("latin1.yaml", "latin1", "latin1.yaml:1:18: the file is not valid UTF-8"),
    ],
)
def test_file_errors(tmp_path: Path, name: str, setup: str | None, expected: str) -> None:
    path = tmp_path / name
    if setup == "dir":
        path.mkdir()
    elif setup == "file":
        path.write_text("meta: {title: x}")
    elif setup == "latin1":
        path.write_bytes("meta: {title: Caf\xe9}".encode("latin-1"))
    with pytest.raises(CaseFileError) as caught:
        load(path)
    assert expected in str(caught.value)


# -- YAML 1.2 scalars and lossless writing ------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("no", "no"),
        ("off", "off"),
        ("Yes", "Yes"),
        ("true", True),
        ("FALSE", False),
        ("0123", 123),
        ("0o17", 15),
        ("0x1f", 31),
        ("-2", -2),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        ("2020-01-03", "2020-01-03"),
        ("12:30", "12:30"),
        ("null", None),
        ("", None),
    ],
)
def test_plain_scalars_follow_yaml_1_2(plain: str, value: object) -> None:
    assert resolve_plain(plain) == value
    assert type(resolve_plain(plain)) is type(value)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_string_survives_yaml(text: str) -> None:
    assert parse_yaml(dump_yaml({"k": [text]}), max_depth=8) == {"k": [text]}


@given(cases(texts="hostile"))
def test_round_trip_yaml_and_json(case: Case) -> None:
    formats: tuple[CaseFormat, ...] = ("yaml", "json")
    for fmt in formats:
        text = dumps(case, format=fmt)
        again = loads(text, format=fmt)
        assert again == case
        assert dumps(again, format=fmt) == text  # byte-stable


def test_dump_writes_modeline_and_stable_order(tmp_path: Path, minimal_yaml: str) -> None:
    case = loads(minimal_yaml, format="yaml")
    path = tmp_path / "case.yaml"
    dump(case, path, schema="../schema/case.schema.json")
    text = path.read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../schema/case.schema.json\nversion: 1\nmeta:\n"
    )
    assert text.index("sources:") < text.index("evidence:") < text.index("links:")
    assert load(path) == case
    as_json = tmp_path / "case.json"
    dump(case, as_json)
    assert json.loads(as_json.read_text())["version"] == 1
    assert load(as_json) == case


def test_failed_write_keeps_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.txt"
    path.write_text("earlier")
    os.chmod(path, 0o640)

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, b"new")
    assert path.read_text() == "earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    monkeypatch.undo()
    write_atomic(path, b"new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o640
