"""`CaseBuilder` says what is wrong as a file would: the library's errors, located and hinted."""

from __future__ import annotations

import pytest

from scenarios import CaseBuilder, Hypothesis, HypothesisSet, IntegrityError, loads
from scenarios.errors import CaseFileError, OptionError, RecordError, ScenariosError


def test_build_names_each_dangling_reference_with_its_hint() -> None:
    b = CaseBuilder(title="Bridge")
    b.add(
        Hypothesis(id="corrosion", statement="Rust."),
        Hypothesis(id="overload", statement="The crowd."),
        HypothesisSet(id="cause", question="Why?", hypotheses=("corrosion", "overlaod")),
    )
    with pytest.raises(IntegrityError) as raised:
        b.build()
    # Before: the hints (did you mean ...?) were in `problems` only, not in the message.
    assert str(raised.value).splitlines() == [
        "1 integrity problem in case",
        "- hypothesis_sets[0].hypotheses[1]: hypothesis_set 'cause' names 'overlaod', but no "
        "hypothesis has that id",
        "  hint: did you mean 'overload'?",
    ]


@pytest.mark.parametrize(
    ("make", "told"),
    [
        (
            lambda: CaseBuilder(title="Bridge", authors="me"),
            [
                "meta.authors: expected a list, got str 'me'",
                "  hint: give a list or tuple, even of one: ['me']",
            ],
        ),
        (
            lambda: CaseBuilder(title="Bridge", titel="x"),
            ["meta.titel: unknown field 'titel'", "  hint: did you mean 'title'?"],
        ),
        (
            lambda: _two_links().link("e", "h", "C", relevance="very", rationale=3),
            [
                "links[2].relevance: 'very' is not a relevance",
                "  hint: write one of 'low', 'medium', 'high'",
                "links[2].rationale: expected text, got int 3",
            ],
        ),
    ],
    ids=["one-value-for-a-list", "misspelt-field", "link-fields"],
)
def test_a_wrong_value_is_the_librarys_error_located_and_hinted(
    make: object, told: list[str]
) -> None:
    # Before: pydantic's ValidationError, with input_value=... and a pydantic.dev URL.
    with pytest.raises(RecordError) as raised:
        make()  # type: ignore[operator]
    text = str(raised.value)
    assert isinstance(raised.value, OptionError)  # as the builder raised before
    assert isinstance(raised.value, ScenariosError)
    assert all(any(line.startswith(t) for line in text.splitlines()) for t in told)
    assert "input_value" not in text
    assert "pydantic" not in text


def _two_links() -> CaseBuilder:
    b = CaseBuilder(title="Bridge")
    b.link("e", "h", "C")
    b.link("e", "h", "I")
    return b


def test_the_builder_and_a_file_say_the_same_about_the_same_mistake() -> None:
    with pytest.raises(RecordError) as built:
        CaseBuilder(title="Bridge", as_of="June 2025")
    with pytest.raises(CaseFileError) as read:
        loads("meta: {title: Bridge, as_of: June 2025}\n", format="yaml")
    (problem,) = read.value.problems
    assert f"meta.as_of: {problem.message}\n  hint: {problem.hint}" in str(built.value)
