"""A record built in Python with a wrong field raises the library's `RecordError` (issue 21).

Before, each of these raised pydantic's `ValidationError`: not a `ScenariosError`, its
message full of ``input_value=...`` dumps and ``errors.pydantic.dev`` links.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import scenarios.model
from scenarios import Case, CaseFileError, Evidence, Link, ScenariosError, load
from scenarios.errors import OptionError, RecordError

QUOTE = {"source": "s", "text": "t"}
STATE = {"id": "calm", "name": "Calm"}
STORM = {"id": "storm", "name": "Storm"}

# Each record: fields that make a valid one, and one field set to a wrong value.
RECORDS: dict[str, tuple[dict[str, Any], str, object]] = {
    "Actor": ({"id": "a", "name": "A"}, "kind", "robot"),
    "Argument": ({"id": "a", "premises": ("p",), "conclusion": "c"}, "conclusion", "Not An Id"),
    "Assumption": ({"id": "a", "statement": "S."}, "status", "sure"),
    "Case": ({"meta": {"title": "T"}}, "meta", 3),
    "CaseMeta": ({"title": "T"}, "as_of", "June 2025"),
    "CrossConsistency": ({"pair": ("d=a", "e=b"), "value": 1.0}, "pair", ("d=a",)),
    "Driver": ({"id": "d", "name": "D", "states": (STATE, STORM)}, "states", "calm"),
    "DriverState": (STATE, "id", "Calm Seas"),
    "Event": ({"id": "e", "title": "E", "date": "2021"}, "date", "last week"),
    "Evidence": ({"id": "e", "claim": "x", "quotes": (QUOTE,)}, "credibility", 9),
    "Hypothesis": ({"id": "h", "statement": "S."}, "statement", "   "),
    "HypothesisSet": ({"id": "q", "question": "?", "hypotheses": ("a", "b")}, "hypotheses", "a"),
    "Indicator": ({"id": "i", "name": "I"}, "name", 7),
    "Likelihood": ({"if_true": 0.5}, "if_true", 1.5),
    "LikelihoodRatio": ({"value": 2.0}, "value", 0.0),
    "Link": ({"evidence": "e", "hypothesis": "h", "rating": "C"}, "rating", "c"),
    "Observation": ({"date": "2021"}, "date", 2021),
    "Quote": (QUOTE, "text", None),
    "Scenario": ({"id": "s", "name": "S"}, "name", ""),
    "Source": ({"id": "s", "title": "T"}, "reliability", "G"),
    "Span": ({"start": 0, "end": 1}, "start", -1),
}


def _records() -> list[str]:
    """Every class of `scenarios.model` built by pydantic: the dataclass records and `Case`."""
    return sorted(
        name
        for name in scenarios.model.__all__
        if isinstance(kind := getattr(scenarios.model, name), type)
        and (hasattr(kind, "__pydantic_fields__") or issubclass(kind, BaseModel))
    )


def test_every_public_record_is_covered() -> None:
    assert sorted(RECORDS) == _records()


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_one_wrong_field_raises_the_librarys_error_located(name: str) -> None:
    kind = getattr(scenarios.model, name)
    valid, field, wrong = RECORDS[name]
    kind(**valid)  # the fields given are right, so the one problem is the wrong one
    with pytest.raises(RecordError) as raised:
        kind(**{**valid, field: wrong})
    error = raised.value
    assert isinstance(error, ScenariosError)
    assert isinstance(error, ValueError)
    assert isinstance(error, OptionError)
    text = str(error)
    lines = text.splitlines()
    assert lines[0] == f"1 problem in {name}"
    assert lines[1].startswith((f"{field}: ", f"{field}[", f"{field}.")), text
    assert "input_value" not in text
    assert "errors.pydantic.dev" not in text
    assert "For further information" not in text
    # pydantic's details stay available for tools
    assert [e["loc"][:1] for e in error.errors()] == [(field,)]
    assert error.__cause__ is None
    assert error.__suppress_context__


@pytest.mark.parametrize(
    ("build", "told"),
    [
        (
            lambda: scenarios.Evidence(
                id="e", claim="x", credibility=9, quotes=[scenarios.Quote(source="s", text="t")]
            ),
            ["1 problem in Evidence", "credibility: must be at most 6, got 9"],
        ),
        (
            lambda: Link(evidence="e", hypothesis="h", rating="c"),  # type: ignore[arg-type]
            [
                "1 problem in Link",
                "rating: 'c' is not a rating; did you mean 'C'?",
                "  hint: write one of 'CC', 'C', 'N', 'I', 'II', 'NA'",
            ],
        ),
        (
            lambda: Case.model_validate({"meta": 3}),
            ["1 problem in Case", "meta: expected CaseMeta or a mapping of its fields, got int 3"],
        ),
        (
            lambda: Case.model_validate(
                {"meta": {"title": "T"}, "evidence": [{"id": "e", "claim": "c", "quotes": []}]}
            ),
            ["1 problem in Case", "evidence[0].quotes: needs at least 1 item, got 0"],
        ),
        (
            lambda: Case.model_validate_json(
                json.dumps({"meta": {"title": "T"}, "links": [{"evidence": "e", "rating": "X"}]})
            ),
            [
                "2 problems in Case",
                "links[0].hypothesis: missing (required)",
                "links[0].rating: 'X' is not a rating",
                "  hint: write one of 'CC', 'C', 'N', 'I', 'II', 'NA'",
            ],
        ),
        (
            lambda: Link("e", "h", "C"),  # type: ignore[call-arg]
            ["[0]: 'e' is given without the name of its field", "  hint: write field=value"],
        ),
    ],
    ids=["credibility", "rating", "meta", "nested", "json", "positional"],
)
def test_the_message_names_each_field_with_its_hint(build: Any, told: list[str]) -> None:
    with pytest.raises(RecordError) as raised:
        build()
    lines = str(raised.value).splitlines()
    assert all(line in lines for line in told), lines


def test_integrity_problems_are_still_raised_as_is() -> None:
    data = {"meta": {"title": "T"}, "links": [{"evidence": "e", "hypothesis": "h", "rating": "C"}]}
    with pytest.raises(scenarios.IntegrityError):
        Case.model_validate(data)
    with pytest.raises(scenarios.IntegrityError):
        Case(**data)  # type: ignore[arg-type]


def test_validation_inside_pydantic_is_not_converted() -> None:
    # Only the outermost call converts: pydantic's own machinery sees its own errors.
    with pytest.raises(ValidationError):
        TypeAdapter(Link).validate_python({"evidence": "e", "hypothesis": "h", "rating": "c"})

    class Holder(BaseModel):
        link: Link

    with pytest.raises(ValidationError) as raised:
        Holder.model_validate({"link": {"evidence": "e", "hypothesis": "h", "rating": "c"}})
    assert raised.value.errors()[0]["loc"] == ("link", "rating")


def test_a_long_list_of_problems_is_cut_short() -> None:
    links = [{"evidence": "e", "hypothesis": "h", "rating": "X"}] * 150
    with pytest.raises(RecordError) as raised:
        Case.model_validate({"meta": {"title": "T"}, "links": links})
    lines = str(raised.value).splitlines()
    assert lines[0] == "150 problems in Case"
    assert "and 50 more problems" in lines
    assert len(raised.value.errors()) == 150


def _lines(build: Any) -> list[str]:
    with pytest.raises(RecordError) as raised:
        build()
    return str(raised.value).splitlines()


def test_a_python_call_is_told_how_to_fix_the_call_not_the_file() -> None:
    # Before: "write a list, even of one: [A. Author], or one '- item' per line", YAML advice.
    lines = _lines(lambda: scenarios.Source(id="s", title="T", authors="A. Author"))
    assert lines[1:] == [
        "authors: expected a list, got str 'A. Author'",
        "  hint: give a list or tuple, even of one: ['A. Author']",
    ]
    lines = _lines(lambda: scenarios.Scenario(id="s", name="S", assumes={"h": "yes"}))  # type: ignore[dict-item]
    assert lines[1:] == [
        "assumes.h: expected true or false, got 'yes'",
        "  hint: give True or False",
    ]
    # A file with the same mistake is told how to write it in YAML.
    with pytest.raises(scenarios.CaseFileError) as read:
        scenarios.loads(
            "meta: {title: T}\nsources: [{id: s, title: T, authors: A. Author}]\n", format="yaml"
        )
    (problem,) = read.value.problems
    assert problem.hint == "write a list, even of one: [A. Author], or one '- item' per line"


@pytest.mark.parametrize(
    ("build", "told"),
    [
        (
            lambda: scenarios.Hypothesis(id="h", statment="S."),  # type: ignore[call-arg]
            ["statment: unknown field 'statment'", "  hint: did you mean 'statement'?"],
        ),
        (
            lambda: scenarios.Evidence(id="e", claim="c", quotes=[{"source": "s", "txt": "t"}]),  # type: ignore[list-item]
            ["quotes[0].txt: unknown field 'txt'", "  hint: did you mean 'text'?"],
        ),
        (
            lambda: Link(
                evidence="e",
                hypothesis="h",
                rating="C",
                likelihood={"kind": "ratio", "vlaue": 2},  # type: ignore[arg-type]
            ),
            ["likelihood.ratio.vlaue: unknown field 'vlaue'", "  hint: did you mean 'value'?"],
        ),
        (
            lambda: Case.model_validate({"meta": {"title": "T"}, "hypothesis": []}),
            ["hypothesis: unknown field 'hypothesis'", "  hint: did you mean 'hypotheses'?"],
        ),
        (
            lambda: scenarios.CaseBuilder(title="T").link("e", "h", "C", relevanse="high"),
            ["links[0].relevanse: unknown field 'relevanse'", "  hint: did you mean 'relevance'?"],
        ),
        (
            lambda: scenarios.Actor(id="a", name="A", colour="red"),  # type: ignore[call-arg]
            [
                "colour: unknown field 'colour'",
                "  hint: fields: id, name, kind, aliases, affiliations, description",
            ],
        ),
    ],
    ids=["record", "nested", "union-member", "case", "builder", "none-close"],
)
def test_an_unknown_field_suggests_the_field_meant(build: Any, told: list[str]) -> None:
    # Before: "check its spelling; `scenarios schema` lists every field", whatever the field.
    lines = _lines(build)
    assert all(line in lines for line in told), lines


def test_a_missing_field_is_named_once() -> None:
    # Before: "statement: missing required field 'statement'".
    assert _lines(lambda: scenarios.Hypothesis(id="h")) == [  # type: ignore[call-arg]
        "1 problem in Hypothesis",
        "statement: missing (required)",
    ]


def test_a_bad_item_is_not_echoed_as_a_collection_too_short(tmp_path: Path) -> None:
    # Before: a third line, "quotes: needs at least 1 item, got 0", echoed the bad quote.
    with pytest.raises(RecordError) as raised:
        Evidence(id="e", claim="x", quotes=[{"source": "s", "txet": "a"}])  # type: ignore[list-item]
    lines = str(raised.value).splitlines()
    assert lines[0] == "2 problems in Evidence"
    assert not any("needs at least 1 item" in line for line in lines)
    case = tmp_path / "case.yaml"
    case.write_text(
        "meta: {title: t}\nsources: [{id: s, title: S}]\n"
        "evidence:\n  - {id: e, claim: x, quotes: [{source: s, txet: a}]}\n"
    )
    with pytest.raises(CaseFileError) as failed:
        load(case)
    assert "needs at least 1 item" not in str(failed.value)
    assert "did you mean 'text'?" in str(failed.value)
    # An empty collection is still too short.
    with pytest.raises(RecordError, match="quotes: needs at least 1 item, got 0"):
        Evidence(id="e", claim="x", quotes=[])
