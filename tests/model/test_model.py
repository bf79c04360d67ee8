"""The case model: construction, validation rules, integrity and queries."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from scenarios import (
    Argument,
    Case,
    CaseBuilder,
    CaseMeta,
    Evidence,
    Hypothesis,
    HypothesisSet,
    IntegrityError,
    Link,
    Quote,
    RecordError,
    Scenario,
    ScenariosError,
    Source,
    Span,
    UnknownIdError,
)
from scenarios.model import integrity_problems
from scenarios.strategies import cases
from scenarios.types import PARTIAL_DATE_PATTERN, ReadOnlyMap, date_bounds, json_data, read_only

META = CaseMeta(title="t")


def ev(eid: str, source: str = "s1") -> Evidence:
    return Evidence(id=eid, claim="c", quotes=(Quote(source=source, text="q"),))


def test_records_are_frozen_and_refuse_unknown_fields() -> None:
    src = Source(id="s1", title="T")
    with pytest.raises(dataclasses.FrozenInstanceError):
        src.title = "other"  # type: ignore[misc]
    with pytest.raises(RecordError, match="colour: unknown field 'colour'"):
        Source(id="s1", title="T", colour="red")  # type: ignore[call-arg]


def test_mappings_are_read_only() -> None:
    group = HypothesisSet(id="g", question="q", hypotheses=("a", "b"), priors={"a": 1.0})
    with pytest.raises(TypeError):
        group.priors["b"] = 0.0  # type: ignore[index]


def test_a_read_only_mapping_merges_and_copies_as_mapping_proxy_does() -> None:
    # Before: `|` raised TypeError and `.copy()` AttributeError (MappingProxyType has both).
    import types

    group = HypothesisSet(id="g", question="q", hypotheses=("a", "b"), priors={"a": 0.5})
    priors = group.priors
    assert isinstance(priors, ReadOnlyMap)
    proxy = types.MappingProxyType({"a": 0.5})
    for mapping in (priors, read_only({"a": 0.5}), proxy):
        merged = mapping | {"b": 0.5}
        assert merged == {"a": 0.5, "b": 0.5}
        assert type(merged) is dict
        assert {"a": 0.1, "c": 0.4} | mapping == {"a": 0.5, "c": 0.4}
        copied = mapping.copy()
        assert copied == {"a": 0.5}
        assert type(copied) is dict
        copied["a"] = 1.0  # a copy is the caller's to change
        assert mapping["a"] == 0.5
    assert priors | priors == {"a": 0.5}
    with pytest.raises(TypeError, match=r"'\|=' is not supported"):
        priors |= {"b": 0.5}


def test_a_read_only_mapping_says_what_it_is_but_a_record_shows_a_dict() -> None:
    # Before: the repr was a dict's, which invites changing it in place.
    scenario = Scenario(id="s", name="S", drivers={"us": "stay"})
    assert repr(scenario.drivers) == "ReadOnlyMap({'us': 'stay'})"
    assert repr(scenario) == "Scenario(id='s', name='S', drivers={'us': 'stay'})"
    meta = CaseMeta(title="T", extensions={"x-team": "red"})
    assert repr(Case(meta=meta)) == "Case(meta=CaseMeta(title='T', extensions={'x-team': 'red'}))"


def test_json_data_gives_json_keys() -> None:
    # Before: `json_data({("a", "b"): 1})` gave `{('a', 'b'): 1}`, which no JSON holds.
    import json

    data = {1: {"n": None}, "s": (1, 2), None: frozenset({"b", "a"}), 0.5: True, False: 0}
    got = json_data(data)
    assert got == {"1": {"n": None}, "s": [1, 2], "null": ["a", "b"], "0.5": True, "false": 0}
    assert json.loads(json.dumps(got)) == got  # what reading the JSON back gives
    with pytest.raises(TypeError, match=r"keys are text, not tuple \(\('a', 'b'\)\)"):
        json_data({("a", "b"): 1})


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("id", "Has Space", "is not a valid id"),
        ("id", "", "is not a valid id"),
        ("url", "javascript:alert(1)", "is not an http or https URL"),
        ("url", "file:///etc/passwd", "is not an http or https URL"),
        ("published", "2021-02-30", "is not a calendar date"),
        ("published", "2019-02-29", "is not a calendar date"),
        ("published", "1900-02-29", "is not a calendar date"),
        ("published", "2021-13", "is not a calendar date"),
        ("published", "2021-05/2020", "ends before it starts"),
        ("text_path", "../outside.txt", "climb out"),
        ("text_path", "/etc/passwd", "relative"),
        ("reliability", "G", "'G' is not a reliability"),
        ("sha256", "ABC", "should match pattern"),
        ("title", "   ", "must hold some text"),
    ],
)
def test_source_fields_are_checked(field: str, value: str, fragment: str) -> None:
    kwargs = {"id": "s1", "title": "T", field: value}
    with pytest.raises(RecordError) as raised:
        Source(**kwargs)  # type: ignore[arg-type]
    assert str(raised.value).splitlines()[1].startswith(f"{field}: ")
    assert fragment in str(raised.value)


def test_scalars_are_strict() -> None:
    with pytest.raises(RecordError, match="credibility: expected a number, got the text '2'"):
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),), credibility="2")  # type: ignore[arg-type]
    with pytest.raises(RecordError, match="credibility: must be at most 6, got 7"):
        Evidence(id="e", claim="c", quotes=(Quote(source="s", text="q"),), credibility=7)


def test_evidence_needs_a_quote_and_spans_are_ordered() -> None:
    with pytest.raises(RecordError, match="quotes: needs at least 1 item, got 0"):
        Evidence(id="e", claim="c", quotes=())
    with pytest.raises(RecordError, match="must be greater than start"):
        Span(start=5, end=5)


def test_partial_dates_have_bounds() -> None:
    assert date_bounds("2020-02")[1].day == 29  # leap year
    assert date_bounds("2019-02")[1].day == 28
    Source(id="s", title="t", published="2000-02-29")  # leap century


@given(st.dates())
def test_the_date_pattern_accepts_exactly_the_calendar(day: dt.date) -> None:
    text = day.isoformat()
    assert re.match(PARTIAL_DATE_PATTERN, text)
    assert date_bounds(text) == (day, day)
    if day.day >= 28:
        nxt = f"{day.year:04d}-{day.month:02d}-{day.day + 1:02d}"
        valid = day.day + 1 <= calendar.monthrange(day.year, day.month)[1]
        assert bool(re.match(PARTIAL_DATE_PATTERN, nxt)) == valid


def test_likelihood_kinds_are_told_apart_by_kind() -> None:
    link = Link.__pydantic_validator__.validate_python(  # type: ignore[attr-defined]
        {
            "evidence": "e",
            "hypothesis": "h",
            "rating": "C",
            "likelihood": {"kind": "likelihood", "if_true": 0.8},
        }
    )
    assert link.likelihood.if_true == 0.8
    with pytest.raises(ValidationError, match="does not match any of the expected tags"):
        Link.__pydantic_validator__.validate_python(  # type: ignore[attr-defined]
            {"evidence": "e", "hypothesis": "h", "rating": "C", "likelihood": {"kind": "odds"}}
        )


def test_every_integrity_problem_is_reported_at_once() -> None:
    with pytest.raises(IntegrityError) as caught:
        Case(
            meta=META,
            sources=(Source(id="s1", title="T"), Source(id="s1", title="again")),
            evidence=(ev("e1", source="nowhere"), ev("e2", source="h1")),
            hypotheses=(Hypothesis(id="h1", statement="s", parent="h9"),),
            links=(
                Link(evidence="e1", hypothesis="h1", rating="C"),
                Link(evidence="e1", hypothesis="h1", rating="I"),
                Link(evidence="e3", hypothesis="e2", rating="C"),
            ),
        )
    inner = caught.value
    assert isinstance(inner, ScenariosError)
    found = [(p.code, p.where) for p in inner.problems]
    assert found == [
        ("duplicate-id", "sources[1].id"),
        ("unresolved-reference", "evidence[0].quotes[0].source"),
        ("wrong-kind-reference", "evidence[1].quotes[0].source"),
        ("unresolved-reference", "hypotheses[0].parent"),
        ("unresolved-reference", "links[2].evidence"),
        ("wrong-kind-reference", "links[2].hypothesis"),
        ("duplicate-link", "links[1]"),
    ]
    assert (
        "- evidence[0].quotes[0].source: evidence 'e1' names 'nowhere', but no source has that id"
        in str(inner)
    )
    assert "hypotheses[0].parent: hypothesis 'h1' names 'h9'" in str(inner)


def test_integrity_covers_nested_and_mapping_references() -> None:
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "h1", "statement": "s", "prior": 0.5}],
            "hypothesis_sets": [
                {"id": "g", "question": "q", "hypotheses": ["h1"], "priors": {"h1": 0.5, "h7": 0.5}}
            ],
            "scenarios": [{"id": "sc", "name": "n", "assumes": {"h8": True}}],
            "indicators": [
                {
                    "id": "i1",
                    "name": "n",
                    "expectations": {"sc": "likely", "nope": 0.2},
                    "observations": [{"date": "2021", "evidence": ["e404"]}],
                }
            ],
            "arguments": [{"id": "a1", "premises": ["sc"], "conclusion": "h1"}],
            "assumptions": [{"id": "as1", "statement": "s", "supports": ["a1", "ghost"]}],
        }
    )
    codes = {(p.code, p.where) for p in integrity_problems(case)}
    assert codes == {
        ("prior-not-in-set", "hypothesis_sets[0].priors.h7"),
        ("prior-in-two-places", "hypotheses[0].prior"),
        ("unresolved-reference", "scenarios[0].assumes.h8"),
        ("unresolved-reference", "indicators[0].expectations.nope"),
        ("unresolved-reference", "indicators[0].observations[0].evidence[0]"),
        ("wrong-kind-reference", "arguments[0].premises[0]"),
        ("unresolved-reference", "assumptions[0].supports[1]"),
    }


def test_unresolved_reference_suggests_the_closest_id() -> None:
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": "defy", "statement": "s"}],
            "hypothesis_sets": [{"id": "g", "question": "q", "hypotheses": ["defi"]}],
        }
    )
    (problem,) = integrity_problems(case)
    assert problem.hint == "did you mean 'defy'?"


def test_queries() -> None:
    case = Case(
        meta=META,
        sources=(Source(id="s1", title="T"), Source(id="s2", title="U")),
        evidence=(ev("e1"), ev("e2", "s2")),
        hypotheses=(Hypothesis(id="h1", statement="s"), Hypothesis(id="h2", statement="s")),
        hypothesis_sets=(HypothesisSet(id="g", question="q", hypotheses=("h2", "h1")),),
        links=(
            Link(evidence="e1", hypothesis="h1", rating="C"),
            Link(evidence="e2", hypothesis="h1", rating="I"),
        ),
        arguments=(Argument(id="a1", premises=("e1",), conclusion="h1"),),
    )
    assert [link.evidence for link in case.links_of("h1")] == ["e1", "e2"]
    assert case.links_of("h2") == ()
    assert [link.hypothesis for link in case.links_from("e2")] == ["h1"]
    assert [item.id for item in case.evidence_from("s2")] == ["e2"]
    assert [h.id for h in case.hypotheses_of("g")] == ["h2", "h1"]
    assert case.get("e1", Evidence).claim == "c"
    assert "a1" in case
    assert "zz" not in case
    assert [r.id for r in case.records()] == ["s1", "s2", "e1", "e2", "h1", "h2", "g", "a1"]
    with pytest.raises(UnknownIdError, match="no hypothesis with id 'e1'"):
        case.get("e1", Hypothesis)
    with pytest.raises(LookupError, match="did you mean 'h1'"):
        case.get("hh1")


def test_equal_cases_stay_equal_after_queries() -> None:
    a = Case(meta=META, hypotheses=(Hypothesis(id="h1", statement="s"),))
    b = Case(meta=META, hypotheses=(Hypothesis(id="h1", statement="s"),))
    a.get("h1")
    assert a == b


def test_builder_collects_and_validates_once() -> None:
    b = CaseBuilder(title="t")
    b.add(Source(id="s1", title="T"), ev("e1"), Hypothesis(id="h1", statement="s"))
    b.link("e1", "h1", "CC", relevance="high")
    case = b.build()
    assert case.links[0].direction == "supports"
    b.link("e1", "h9", "C")
    with pytest.raises(IntegrityError, match="no hypothesis has that id"):
        b.build()
    with pytest.raises(TypeError, match="holds no str"):
        b.add("not a record")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not both"):
        CaseBuilder(META, title="x")


def test_sets_of_a_hypothesis_in_file_order() -> None:
    case = Case(
        meta=CaseMeta(title="t"),
        hypotheses=(
            Hypothesis(id="a", statement="A."),
            Hypothesis(id="b", statement="B."),
            Hypothesis(id="c", statement="C."),
        ),
        hypothesis_sets=(
            HypothesisSet(id="q1", question="Q1?", hypotheses=("a", "b")),
            HypothesisSet(id="q2", question="Q2?", hypotheses=("b", "a"), exclusive=False),
        ),
    )
    assert [g.id for g in case.sets_of("a")] == ["q1", "q2"]
    assert [g.id for g in case.sets_of("b")] == ["q1", "q2"]
    assert case.sets_of("c") == ()
    with pytest.raises(UnknownIdError, match="no hypothesis with id 'nowhere'"):
        case.sets_of("nowhere")


def test_model_copy_forgets_cached_lookups_and_checks_integrity() -> None:
    from scenarios import Case, CaseMeta, Hypothesis, HypothesisSet
    from scenarios.errors import IntegrityError

    case = Case(
        meta=CaseMeta(title="T"),
        hypotheses=(Hypothesis(id="a", statement="A."), Hypothesis(id="b", statement="B.")),
        hypothesis_sets=(HypothesisSet(id="s", question="?", hypotheses=("a", "b")),),
    )
    assert case.sets_of("a")[0].id == "s"  # builds the cached index
    other = HypothesisSet(id="t", question="?", hypotheses=("b", "a"))
    copy = case.model_copy(update={"hypothesis_sets": (other,)})
    assert [s.id for s in copy.sets_of("a")] == ["t"]
    assert "s" not in copy
    assert copy.get("t") == other
    with pytest.raises(IntegrityError, match="no hypothesis has that id"):
        case.model_copy(update={"hypotheses": (Hypothesis(id="a", statement="A."),)})


BROKEN = {
    "meta": {"title": "t"},
    "hypotheses": [{"id": "h1", "statement": "s"}],
    "links": [{"evidence": "e1", "hypothesis": "h2", "rating": "C"}],
}


def test_integrity_error_is_raised_directly_by_every_way_in() -> None:
    # Before: each raised pydantic's ValidationError, with the IntegrityError inside it.
    import json

    with pytest.raises(IntegrityError, match="2 integrity problems"):
        Case.model_validate(BROKEN)
    with pytest.raises(IntegrityError, match="2 integrity problems"):
        Case.model_validate_json(json.dumps(BROKEN))
    with pytest.raises(IntegrityError, match="2 integrity problems"):
        Case(
            meta=META,
            links=(Link(evidence="e1", hypothesis="h2", rating="C"),),
        )
    # A field of the wrong type is the library's RecordError, located (before: pydantic's).
    with pytest.raises(RecordError, match="meta: expected CaseMeta or a mapping of its fields"):
        Case.model_validate({"meta": 3})
    # The unchecked way in still skips the check.
    assert len(Case.unchecked(BROKEN).links) == 1


def test_queries_raise_for_unknown_ids_with_did_you_mean() -> None:
    # Before: links_of("aa") and the other queries answered () for any id.
    case = Case(
        meta=META,
        sources=(Source(id="s1", title="T"),),
        evidence=(ev("e1"),),
        hypotheses=(Hypothesis(id="a", statement="s"), Hypothesis(id="cd", statement="t")),
        hypothesis_sets=(HypothesisSet(id="q", question="?", hypotheses=("a", "cd")),),
        links=(Link(evidence="e1", hypothesis="a", rating="C"),),
    )
    with pytest.raises(UnknownIdError, match=r"no hypothesis with id 'aa'.*did you mean 'a'"):
        case.links_of("aa")
    with pytest.raises(UnknownIdError, match="no evidence with id 'e2'"):
        case.links_from("e2")
    with pytest.raises(UnknownIdError, match="no source with id 's2'"):
        case.evidence_from("s2")
    with pytest.raises(UnknownIdError, match="'e1' is an evidence item"):
        case.links_of("e1")
    with pytest.raises(UnknownIdError, match="no hypothesis set with id 'qq'"):
        case.hypotheses_of("qq")
    assert case.links_of("cd") == ()
    # An unchecked case answers for the dangling ids it holds, and raises for the rest.
    broken = Case.unchecked(BROKEN)
    assert [link.evidence for link in broken.links_of("h2")] == ["e1"]
    assert broken.links_of("h1") == ()
    with pytest.raises(UnknownIdError):
        broken.links_of("zz")


def test_a_hypothesis_asked_for_as_a_set_names_its_sets() -> None:
    case = Case(
        meta=META,
        hypotheses=(Hypothesis(id="a", statement="s"), Hypothesis(id="b", statement="t")),
        hypothesis_sets=(
            HypothesisSet(id="q1", question="?", hypotheses=("a", "b")),
            HypothesisSet(id="q2", question="?", hypotheses=("b", "a"), exclusive=False),
        ),
    )
    with pytest.raises(UnknownIdError) as caught:
        case.get("a", HypothesisSet)
    assert str(caught.value) == (
        "no hypothesis set with id 'a' in this case: 'a' is a hypothesis, in sets 'q1', 'q2'; "
        "did you mean 'q1'?"
    )


def _rerated(case: Case) -> tuple[Any, ...] | None:
    """Every link of the first set's first hypothesis re-rated II (None: nothing to re-rate)."""
    if not case.hypothesis_sets:
        return None
    first = case.hypothesis_sets[0].hypotheses[0]
    if not any(link.hypothesis == first for link in case.links):
        return None
    return tuple(
        dataclasses.replace(link, rating="II") if link.hypothesis == first else link
        for link in case.links
    )


@settings(max_examples=40, deadline=None)
@given(cases())
def test_every_update_is_analysed_afresh(case: Case) -> None:
    # Before: a copy answered from the original's cached lookups (issue 21).
    from scenarios.analysis import ach, all_posteriors

    rerated = _rerated(case)
    assume(rerated is not None)
    assert rerated is not None
    links = rerated
    group = case.hypothesis_sets[0].id
    ach(case, group), all_posteriors(case)  # fill the original's caches
    fresh = Case.model_validate(
        {**{name: getattr(case, name) for name in Case.model_fields}, "links": links}
    )
    for copy in (case.model_copy(update={"links": links}), case.replace(links=list(links))):
        assert ach(copy, group).scores == ach(fresh, group).scores
        assert all_posteriors(copy).keys() == all_posteriors(fresh).keys()
        for key, result in all_posteriors(fresh).items():
            assert all_posteriors(copy)[key].posteriors == result.posteriors


def test_replace_refuses_a_misspelt_field() -> None:
    from scenarios.errors import OptionError

    case = Case(meta=META)
    with pytest.raises(OptionError, match="no field 'hypothesis'") as caught:
        case.replace(hypothesis=())
    assert caught.value.hint == "did you mean 'hypotheses'?"


def test_what_a_case_has_worked_out_does_not_change_what_it_equals(example_case: Case) -> None:
    # Equal data, equal cases: before and after either has been analysed.
    from scenarios import dumps, loads
    from scenarios.analysis import all_posteriors

    case, again = (loads(dumps(example_case, format="json"), format="json") for _ in "12")
    assert case == again
    all_posteriors(case)  # memoises the per-case facts of the posteriors
    assert case == again
    all_posteriors(again)
    assert case == again


def test_a_case_with_scenarios_copies_deeply_and_pickles(example_case: Case) -> None:
    import copy
    import pickle

    assert example_case.scenarios
    assert example_case.indicators
    assert example_case.model_copy(deep=True) == example_case
    assert copy.deepcopy(example_case) == example_case
    assert pickle.loads(pickle.dumps(example_case)) == example_case
