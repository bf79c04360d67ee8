"""The R family: ids and references (the integrity rules of the model, as findings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from scenarios.checks._defects import Data, evidence, field, hypotheses, with_source
from scenarios.checks._findings import CheckInfo, Finding
from scenarios.checks._registry import CheckContext, register
from scenarios.model import integrity_problems

__all__ = ["CHECKS"]

_HYPOTHESES: Final = "meta: {title: Example}\nhypotheses: [{id: h1, statement: One.}]\n"
_FIELD: Final = """meta: {title: Example}
drivers:
  - {id: us, name: U.S. posture, states: [{id: stay, name: Stay}, {id: leave, name: Leave}]}
  - {id: iran, name: Tehran's aim, states: [{id: push, name: Push}, {id: calm, name: Calm}]}
"""

# -- defects: how to cause each finding (see `scenarios.strategies.defective_cases`) --------


def _r001(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": data["sources"][0]["id"], "statement": "Same id as a source."}]
    return "a hypothesis with the id of a source"


def _r002(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": "x-h", "statement": "Orphan.", "parent": "x-missing"}]
    return "a parent that does not exist"


def _r003(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{"id": "x-h", "statement": "S.", "parent": data["sources"][0]["id"]}]
    return "a source named as a parent hypothesis"


def _r004(data: Data, texts: dict[str, str]) -> str:
    with_source(data, texts)
    data["evidence"].append(evidence("x-e"))
    data["hypotheses"] += hypotheses("x-h")
    data["links"] += [{"evidence": "x-e", "hypothesis": "x-h", "rating": "C"}] * 2
    return "the same link twice"


def _r005(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += hypotheses("x-h1", "x-h2", "x-h3")
    data["hypothesis_sets"].append(
        {
            "id": "x-set",
            "question": "Q?",
            "hypotheses": ["x-h1", "x-h2"],
            "priors": {"x-h1": 0.5, "x-h2": 0.5, "x-h3": 0.0},
        }
    )
    return "a prior for a hypothesis outside the set"


def _r006(data: Data, texts: dict[str, str]) -> str:
    data["hypotheses"] += [{**hypotheses("x-h1")[0], "prior": 0.5}, *hypotheses("x-h2")]
    data["hypothesis_sets"].append(
        {"id": "x-set", "question": "Q?", "hypotheses": ["x-h1", "x-h2"]}
    )
    return "a prior on a hypothesis that is in a set"


def _r007(data: Data, texts: dict[str, str]) -> str:
    field(data)
    data["drivers"][-1]["states"].append({"id": "calm", "name": "Calm again"})
    return "a driver with one state id twice"


def _r008(data: Data, texts: dict[str, str]) -> str:
    field(data, {"pair": ["x-us=leave", "x-ir=pull"], "value": "inconsistent"})
    return "an assessment of a state the driver does not have"


def _r009(data: Data, texts: dict[str, str]) -> str:
    field(data, {"pair": ["x-us=leave", "x-us=stay"], "value": 0.5})
    return "an assessment of two states of one driver"


def _r010(data: Data, texts: dict[str, str]) -> str:
    pair = ["x-us=leave", "x-ir=push"]
    field(data, {"pair": pair, "value": 0.2}, {"pair": pair[::-1], "value": "consistent"})
    return "the same pair assessed twice"


CHECKS: Final = (
    CheckInfo(
        "R001",
        "duplicate-id",
        "error",
        "Two objects share one id.",
        "Ids are unique across the whole case: rename one of the objects.",
        _HYPOTHESES + "sources: [{id: h1, title: Also h1}]\n",
        defect=_r001,
    ),
    CheckInfo(
        "R002",
        "unresolved-reference",
        "error",
        "A reference names an id no object has.",
        "Fix the id's spelling or declare the missing object.",
        _HYPOTHESES + "hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]\n",
        defect=_r002,
    ),
    CheckInfo(
        "R003",
        "wrong-kind-reference",
        "error",
        "A reference names an object of the wrong kind (a source where a hypothesis belongs).",
        "Name an object of the kind the field takes.",
        _HYPOTHESES + "sources: [{id: s, title: S}]\n"
        "hypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, s]}]\n",
        defect=_r003,
    ),
    CheckInfo(
        "R004",
        "duplicate-link",
        "error",
        "Two links join the same evidence item and hypothesis.",
        "Keep one link per pair: merge their ratings and rationales.",
        _HYPOTHESES + "sources: [{id: s, title: S}]\n"
        "evidence: [{id: e, claim: C., quotes: [{source: s, text: q}]}]\n"
        "links: [{evidence: e, hypothesis: h1, rating: C}, {evidence: e, hypothesis: h1, "
        "rating: C}]\n",
        defect=_r004,
    ),
    CheckInfo(
        "R005",
        "prior-not-in-set",
        "error",
        "A hypothesis set gives a prior for a hypothesis that is not in the set.",
        "Add the hypothesis to the set or remove its prior.",
        "meta: {title: Example}\nhypotheses: [{id: h1, statement: One.}, {id: h2, statement: "
        "Two.}, {id: h3, statement: Three.}]\nhypothesis_sets: [{id: q, question: Which?, "
        "hypotheses: [h1, h2], priors: {h1: 0.5, h2: 0.5, h3: 0}}]\n",
        defect=_r005,
    ),
    CheckInfo(
        "R006",
        "prior-in-two-places",
        "error",
        "A hypothesis in a set also carries its own prior.",
        "Give priors of a set's hypotheses in the set only.",
        "meta: {title: Example}\nhypotheses: [{id: h1, statement: One., prior: 0.4}, {id: h2, "
        "statement: Two.}]\nhypothesis_sets: [{id: q, question: Which?, hypotheses: [h1, h2]}]\n",
        defect=_r006,
    ),
    CheckInfo(
        "R007",
        "duplicate-state",
        "error",
        "A driver lists the same state id twice.",
        "State ids are unique within their driver: rename one.",
        "meta: {title: Example}\ndrivers: [{id: us, name: U.S. posture, states: "
        "[{id: stay, name: Stay}, {id: stay, name: Stay on}]}]\n",
        defect=_r007,
    ),
    CheckInfo(
        "R008",
        "unknown-state",
        "error",
        "A cross-consistency assessment or a scenario names a driver or state that is not "
        "declared.",
        "Use a declared driver id and one of its state ids (``driver=state``).",
        _FIELD + "consistency: [{pair: [us=leave, iran=pull], value: inconsistent}]\n",
        defect=_r008,
    ),
    CheckInfo(
        "R009",
        "same-driver-pair",
        "error",
        "A cross-consistency assessment pairs two states of one driver.",
        "Assess states of two different drivers; a driver is in one state at a time.",
        _FIELD + "consistency: [{pair: [us=leave, us=stay], value: inconsistent}]\n",
        defect=_r009,
    ),
    CheckInfo(
        "R010",
        "duplicate-assessment",
        "error",
        "Two cross-consistency assessments are of the same pair of states.",
        "Keep one assessment per pair.",
        _FIELD + "consistency: [{pair: [us=leave, iran=push], value: 0.4}, "
        "{pair: [iran=push, us=leave], value: inconsistent}]\n",
        defect=_r010,
    ),
)
"""The catalogue entries of this family."""

_BY_NAME: Final = {info.name: info for info in CHECKS}


@register(*CHECKS)
def integrity_findings(context: CheckContext) -> Iterator[Finding]:
    """Findings for every integrity problem (see `integrity_problems`). O(n)."""
    for problem in integrity_problems(context.case):
        info = _BY_NAME[problem.code]
        objects = (problem.object_id,) if problem.object_id else ()
        yield info.finding(
            f"{problem.where}: {problem.message}", objects, problem.path, problem.hint
        )
