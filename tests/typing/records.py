"""Every record of `scenarios.model` built from list literals.

This file must pass ``mypy --strict`` (`tests/typing/test_typing.py` runs mypy on it)
and, run, gives the objects whose tuple fields `test_typing` checks: every field that
the model keeps as a tuple appears here, non-empty, given as a list.
"""

from __future__ import annotations

from scenarios.model import (
    Actor,
    Argument,
    Assumption,
    CArgument,
    Case,
    CaseMeta,
    CrossConsistency,
    Driver,
    DriverState,
    Event,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Indicator,
    Issue,
    Link,
    Observation,
    Quote,
    Scenario,
    Source,
)

source = Source(id="s", title="T", authors=["A. Author"], derived_from=["t"])
original = Source(id="t", title="The original")
quote = Quote(source="s", text="q")
evidence = Evidence(id="e", claim="c", quotes=[quote], actors=["a"], tags=["x"])
actor = Actor(id="a", name="A", aliases=["B"], affiliations=["o"])
organisation = Actor(id="o", name="O", kind="organisation")
hypotheses = [Hypothesis(id="h", statement="H."), Hypothesis(id="i", statement="I.")]
group = HypothesisSet(id="g", question="?", hypotheses=["h", "i"], priors={"h": 0.5, "i": 0.5})
link = Link(evidence="e", hypothesis="h", rating="C")
argument = Argument(id="r", premises=["e"], conclusion="h")
assumption = Assumption(id="u", statement="U.", supports=["h"])
observation = Observation(date="2020", evidence=["e"])
scenario = Scenario(id="sc", name="S", assumes={"h": True})
indicator = Indicator(id="in", name="I", expectations={"sc": "likely"}, observations=[observation])
event = Event(id="ev", title="E", date="2020", evidence=["e"], actors=["a"])
states = [DriverState(id="x", name="X"), DriverState(id="y", name="Y")]
driver = Driver(id="d", name="D", states=states)
other_driver = Driver(id="f", name="F", states=[DriverState(id="x", name="X"), *states[1:]])
pair = CrossConsistency(pair=["d=x", "f=y"], value="consistent")
meta = CaseMeta(title="T", authors=["A. Author"])
case = Case(
    meta=meta,
    sources=[source, original],
    actors=[actor, organisation],
    evidence=[evidence],
    hypotheses=hypotheses,
    hypothesis_sets=[group],
    links=[link],
    arguments=[argument],
    assumptions=[assumption],
    indicators=[indicator],
    scenarios=[scenario],
    events=[event],
    drivers=[driver, other_driver],
    consistency=[pair],
)
carneades_argument = CArgument(id="c", conclusion="h", premises=["e"], roles=[("e", "major")])
issue = Issue(id="q", positions=["h", "i"])

# What is read back is a tuple, not just a sequence.
authors: tuple[str, ...] = source.authors
sources: tuple[Source, ...] = case.sources
keys: tuple[str, str] = pair.pair
positions: tuple[str, ...] = issue.positions


def _refused() -> None:
    """Wrong element types are still errors (an unused ignore would fail mypy)."""
    Source(id="s", title="T", authors=[1])  # type: ignore[list-item]
    Evidence(id="e", claim="c", quotes=["not a quote"])  # type: ignore[list-item]
    Case(meta=meta, sources=[quote])  # type: ignore[list-item]
    Case(meta=meta, colour="red")  # type: ignore[call-arg]
    Issue(id="q", positions=[1])  # type: ignore[list-item]
    CrossConsistency(pair=[1, 2], value=1.0)  # type: ignore[list-item]
