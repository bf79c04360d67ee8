"""The public strategies: the whole model in realistic variety, options checked when called,
quick to shrink, registered for `st.from_type`, and the case machine."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from scenarios import Case, Likelihood, LikelihoodRatio, check, dumps, model
from scenarios.model._integrity import COLLECTIONS
from scenarios.strategies import (
    PARTS,
    CaseMachine,
    SourcedCase,
    cases,
    defective_cases,
    fields,
    sourced_cases,
)

# -- the whole model, in realistic variety ------------------------------------------------


def _date_shapes(value: str | None) -> Iterator[str]:
    if value:
        if "/" in value:
            yield "date: range"
        yield {4: "date: year", 7: "date: month", 10: "date: day"}[len(value.split("/")[0])]


def features(case: Case) -> Iterator[str]:  # noqa: PLR0912 - one line per feature
    """What a case shows of the model, each feature once."""
    for name in COLLECTIONS:
        if getattr(case, name):
            yield f"collection: {name}"
    if len(case.hypothesis_sets) >= 2:
        yield "several sets"
    if case.meta.as_of:
        yield "meta: as_of"
    for s in case.sources:
        if s.derived_from:
            yield "source: lineage"
        yield from _date_shapes(s.published)
    for e in case.evidence:
        yield f"evidence: {e.kind}"
        yield from _date_shapes(e.occurred)
        yield from _date_shapes(e.reported)
        if any("[...]" in q.text for q in e.quotes):
            yield "quote: elided"
    for h in case.hypotheses:
        for name in ("description", "parent", "period", "prior"):
            if getattr(h, name) is not None:
                yield f"hypothesis: {name}"
    for g in case.hypothesis_sets:
        yield "set: exhaustive" if g.exhaustive else "set: not exhaustive"
        if len(set(g.priors.values())) > 1:
            yield "set: non-uniform priors"
    for link in case.links:
        yield f"rating: {link.rating}"
        yield f"relevance: {link.relevance}"
        if link.rationale:
            yield "link: rationale"
        if isinstance(link.likelihood, LikelihoodRatio):
            yield "likelihood: ratio"
        if isinstance(link.likelihood, Likelihood):
            yield "likelihood: P(E|H)"
    for a in case.arguments:
        yield f"argument: {a.stance}"
    for scenario in case.scenarios:
        if scenario.assumes:
            yield "scenario: assumes"
    for i in case.indicators:
        if i.observations:
            yield "indicator: observations"


EVERY_FEATURE = {
    *(f"collection: {name}" for name in COLLECTIONS),
    *(f"rating: {r}" for r in ("CC", "C", "N", "I", "II", "NA")),
    *(f"relevance: {r}" for r in ("low", "medium", "high")),
    *(f"evidence: {k}" for k in ("statement", "event", "report", "assessment", "data")),
    *(f"date: {shape}" for shape in ("year", "month", "day", "range")),
    *(f"hypothesis: {name}" for name in ("description", "parent", "period", "prior")),
    *(f"argument: {stance}" for stance in ("pro", "con")),
    "several sets",
    "meta: as_of",
    "source: lineage",
    "quote: elided",
    "set: exhaustive",
    "set: not exhaustive",
    "set: non-uniform priors",
    "link: rationale",
    "likelihood: ratio",
    "likelihood: P(E|H)",
    "scenario: assumes",
    "indicator: observations",
}


def test_the_drawn_cases_cover_the_whole_model() -> None:
    """Over 300 draws of st.from_type(Case), every part of the model shows up often."""
    seen: Counter[str] = Counter()
    draws = 0

    @settings(
        max_examples=300,
        phases=[Phase.generate],
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_type(Case))
    def collect(case: Case) -> None:
        nonlocal draws
        draws += 1
        seen.update(set(features(case)))

    collect()
    rare = {f: seen[f] for f in EVERY_FEATURE if seen[f] < 0.03 * draws}
    assert rare == {}, f"seen in fewer than 3 % of {draws} cases"
    assert seen["collection: links"] >= 0.75 * draws  # most cases weigh evidence
    assert seen["collection: hypothesis_sets"] >= 0.6 * draws


# -- valid, and quiet when asked ----------------------------------------------------------


@given(sourced_cases(texts="hostile"))
def test_hostile_texts_still_make_valid_cases(drawn: SourcedCase) -> None:
    assert [f for f in check(drawn.case, texts=drawn.texts) if f.severity == "error"] == []


@given(sourced_cases(warning_free=True))
def test_warning_free_cases_draw_no_warning(drawn: SourcedCase) -> None:
    found = check(drawn.case, texts=drawn.texts)
    assert [(f.code, f.message) for f in found if f.severity != "info"] == []


@settings(max_examples=20)
@given(cases(min_sets=2, include=["hypothesis_sets"], max_evidence=0))
def test_options_ask_for_what_a_test_needs(case: Case) -> None:
    assert len(case.hypothesis_sets) >= 2
    assert (case.evidence, case.links, case.scenarios, case.actors) == ((), (), (), ())


# -- options: keyword-only, typed, documented, checked when called -----------------------


@pytest.mark.parametrize("strategy", [cases, sourced_cases, defective_cases])
def test_options_are_keyword_only_typed_and_documented(strategy: Callable[..., object]) -> None:
    parameters = inspect.signature(strategy).parameters
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())
    assert all(p.annotation is not inspect.Parameter.empty for p in parameters.values())
    documented = (sourced_cases if strategy is cases else strategy).__doc__ or ""
    section = documented.split("    Args:\n", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"^        (\w+):", section, re.MULTILINE)) == set(parameters)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_evidence": None}, "max_evidence=None must be a whole number"),
        ({"min_evidence": 2, "max_evidence": 1}, "max_evidence=1 must be"),
        ({"max_links": -1}, r"max_links=-1 must be a whole number of at least 0$"),
        ({"min_sets": True}, "min_sets=True must be a whole number"),
        ({"min_sets": 3, "max_sets": 3}, "min_sets=3 needs 6 hypotheses, but max_hypotheses=5"),
        ({"min_sets": 1, "include": ["links"]}, "needs 'hypothesis_sets' in include"),
        ({"include": "links"}, "a string is read letter by letter"),
        ({"include": ["link"]}, "must be a collection of actors, hypothesis_sets"),
        ({"texts": "fancy"}, "texts='fancy' must be 'plain' or 'hostile'"),
        ({"warning_free": 1}, "warning_free=1 must be True or False"),
        ({"warning_free": True, "texts": "hostile"}, "warning_free=True takes texts='plain'"),
        ({"warning_free": True, "max_evidence": 0}, "needs max_evidence of at least 1"),
        ({"min_sources": 0}, "min_sources must be at least 1"),
    ],
)
def test_options_are_checked_when_the_strategy_is_made(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        cases(**options)  # type: ignore[arg-type]  # no draw needed


def test_defective_cases_check_their_codes() -> None:
    with pytest.raises(InvalidArgument, match="not one string"):
        defective_cases(codes="H001")
    with pytest.raises(InvalidArgument, match="no defect is known for"):
        defective_cases(codes=["Q005"])


# -- shrinking and reports ----------------------------------------------------------------


def test_a_failure_shrinks_to_a_handful_of_objects() -> None:
    minimal = find(
        cases(max_evidence=4, max_links=8),
        lambda case: any(link.rating == "II" for link in case.links),
        settings=settings(database=None, max_examples=300),
    )
    sizes = {name: len(getattr(minimal, name)) for name in COLLECTIONS}
    # a set of two is the usual shape of a drawn case, so it stays
    assert sizes == {
        **dict.fromkeys(COLLECTIONS, 0),
        "sources": 1,
        "evidence": 1,
        "hypotheses": sizes["hypotheses"],
        "hypothesis_sets": sizes["hypothesis_sets"],
        "links": 1,
    }
    assert sizes["hypotheses"] <= 2
    assert sizes["hypothesis_sets"] <= 1
    assert repr(minimal).startswith(
        "Case(meta=CaseMeta(title='Militia'), sources=[s1], evidence=[e1], hypotheses=[h1"
    )
    assert (minimal.links[0].evidence, minimal.links[0].rating) == ("e1", "II")


def test_a_case_shows_itself_compactly_and_dumps_in_full() -> None:
    case = Case(
        meta=model.CaseMeta(title="Many", as_of=date(2021, 12, 31)),
        sources=(model.Source(id="s1", title="S"),),
        evidence=tuple(
            model.Evidence(
                id=f"e{k}", claim=f"Claim {k}.", quotes=(model.Quote(source="s1", text="q"),)
            )
            for k in range(1, 15)
        ),
    )
    assert repr(case) == (
        "Case(meta=CaseMeta(title='Many', as_of=datetime.date(2021, 12, 31)), sources=[s1], "
        "evidence=[e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, ... 2 more])"
    )
    assert repr(case.evidence[0]) == (
        "Evidence(id='e1', claim='Claim 1.', quotes=(Quote(source='s1', text='q'),))"
    )
    assert dumps(case).count("claim:") == 14  # the whole case, for note()


# -- generation speed: every strategy built once -----------------------------------------


@pytest.mark.parametrize(
    "strategy",
    [
        cases(),
        cases(min_evidence=30, max_evidence=60, max_links=60),
        sourced_cases(texts="hostile"),
        defective_cases(),
        fields(),
    ],
    ids=["cases", "cases-30-60", "sourced-hostile", "defective", "fields"],
)
def test_drawing_builds_no_strategy(
    strategy: st.SearchStrategy[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Strategies are built when made, not in each draw: the speed the issue measured.

    Before (issue 21), 100 draws of `sourced_cases()` built 21,303 strategies; a timing
    test would be flaky on a shared machine, so this counts what the time went on.
    """
    made = 0
    original = st.SearchStrategy.__init__

    def counting(self: st.SearchStrategy[object], *args: object, **kwargs: object) -> None:
        nonlocal made
        made += 1
        original(self, *args, **kwargs)

    def draw(n: int) -> None:
        @settings(
            max_examples=n,
            phases=[Phase.generate],
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def run(value: object) -> None:
            pass

        run()

    draw(30)  # Hypothesis unwraps each lazy strategy once, when first drawn from
    monkeypatch.setattr(st.SearchStrategy, "__init__", counting)
    draw(50)
    assert made < 20, f"50 draws built {made} strategies"


# -- st.from_type, through Hypothesis' entry point ---------------------------------------

RECORD_TYPES = [
    getattr(model, name)
    for name in model.__all__
    if isinstance(getattr(model, name), type)
    and hasattr(getattr(model, name), "__pydantic_validator__")  # the records, not helpers
    and name != "Case"
]


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda kind: kind.__name__)
def test_from_type_draws_every_record(kind: type) -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(kind))
    def drawn(value: object) -> None:
        assert type(value) is kind

    drawn()


HOOK_SCRIPT = """
import sys
from importlib.metadata import entry_points

(point,) = [p for p in entry_points(group="hypothesis") if p.name == "scenarios"]
assert point.value == "scenarios._hypothesis_hook:_hypothesis_setup_hook", point.value

from hypothesis import given, settings, strategies as st
from scenarios import Case, Evidence, Link

assert "scenarios.strategies" not in sys.modules  # registered, not yet imported
drawn = []

@settings(max_examples=5, database=None)
@given(st.from_type(Case), st.from_type(Evidence), st.from_type(Link))
def test(case, item, link):
    drawn.append((type(case), type(item), type(link)))

test()
assert set(drawn) == {(Case, Evidence, Link)}, drawn
assert "scenarios.strategies" in sys.modules
print("ok")
"""


def test_from_type_works_through_the_installed_entry_point() -> None:
    """A fresh interpreter, as a user's test runs: Hypothesis finds the hook by itself."""
    done = subprocess.run(
        [sys.executable, "-c", HOOK_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


# -- the machine --------------------------------------------------------------------------

TestCaseMachine = CaseMachine.TestCase
TestCaseMachine.settings = settings(max_examples=15, stateful_step_count=15, deadline=None)


def test_parts_are_the_optional_collections() -> None:
    assert set(PARTS) < set(COLLECTIONS)
    assert set(COLLECTIONS) - set(PARTS) == {
        "sources",
        "evidence",
        "hypotheses",
        "consistency",
    }
