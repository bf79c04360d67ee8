"""A simulated world whose truth is known, for calibrating the posteriors.

One hypothesis of an exhaustive set is true. Each fact is a yes/no observation whose
chance under each hypothesis is known: "high" hypotheses see it with 2/3 and "low" ones
with 1/3 (one rating step), or 0.8 and 0.2 (two steps), so that the analyst's ratings
are exact likelihood ratios on the documented x2 scale. Sources get a reliability letter
(A-F) and report truthfully, all at once, with the chance the grade model gives that
letter; each item is also true to the observation with the chance its credibility digit
gives; a report that is not true is drawn at random, with the chances reports have
overall. Some sources are copies (``derived_from``) that retell some of their original's
items word for word.

The benchmark ``benchmarks/bench_calibration.py`` prints the table; the property test in
``tests/analysis/test_calibration.py`` asserts it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from scenarios import Case, CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
from scenarios.analysis import DEFAULT_GRADES, GradeModel, posteriors
from scenarios.types import Rating

LETTERS = "ABCDEF"


@dataclass(frozen=True)
class World:
    """A drawn case and the id of the hypothesis that is true in it."""

    case: Case
    truth: str


# Ratings (favoured, other) whose ratio is exactly that of the two chances.
_PAIRS: dict[int, list[tuple[Rating, Rating]]] = {1: [("C", "N"), ("N", "I")], 2: [("C", "I")]}


def world(
    rng: random.Random,
    *,
    hypotheses: int = 3,
    sources: tuple[int, int] = (2, 5),
    facts: tuple[int, int] = (1, 4),
    copy_rate: float = 0.3,
    letters: str = LETTERS,
    grades: GradeModel = DEFAULT_GRADES,
) -> World:
    """Draw one world: a case with one exhaustive set ``q`` and its true hypothesis."""
    names = [f"h{j}" for j in range(hypotheses)]
    truth = rng.choice(names)
    b = CaseBuilder(title="simulated")
    b.add(
        *(Hypothesis(id=h, statement=h) for h in names),
        HypothesisSet(id="q", question="Which?", hypotheses=tuple(names), exhaustive=True),
    )
    told: list[tuple[str, str, list[tuple[int, dict[str, Rating]]]]] = []  # (source, letter, items)
    for s in range(rng.randint(*sources)):
        sid = f"s{s}"
        if told and rng.random() < copy_rate:  # a copy retells some of an original's items
            original, letter, items = rng.choice(told)
            worse = letters[letters.index(letter) :] if letter in letters else letter
            b.add(
                Source(
                    id=sid,
                    title=sid,
                    reliability=rng.choice(worse),  # type: ignore[arg-type]
                    derived_from=(original,),
                )
            )
            retold = [item for item in items if rng.random() < 0.7]
            for k, (digit, ratings) in enumerate(retold):
                _item(b, f"{sid}-{k}", sid, digit, ratings)
            continue
        letter = rng.choice(letters)
        b.add(Source(id=sid, title=sid, reliability=letter))  # type: ignore[arg-type]
        truthful = rng.random() < grades.reliability[letter]
        items = []
        for k in range(rng.randint(*facts)):
            high = set(rng.sample(names, rng.randint(1, hypotheses - 1)))
            strength = rng.choice([1, 2])
            p_high, p_low = (2 / 3, 1 / 3) if strength == 1 else (0.8, 0.2)
            digit = rng.randint(1, 6)
            if truthful and rng.random() < grades.credibility[digit]:
                chance = p_high if truth in high else p_low
            else:  # an uninformative report: the chance of the outcome over all hypotheses
                chance = sum(p_high if h in high else p_low for h in names) / hypotheses
            outcome = rng.random() < chance
            pair = rng.choice(_PAIRS[strength])
            # the observation is likelier under "high" hypotheses when it happened
            ratings = {h: pair[0] if (h in high) == outcome else pair[1] for h in names}
            items.append((digit, ratings))
            _item(b, f"{sid}-{k}", sid, digit, ratings)
        told.append((sid, letter, items))
    return World(b.build(), truth)


def _item(b: CaseBuilder, eid: str, source: str, digit: int, ratings: dict[str, Rating]) -> None:
    b.add(Evidence(id=eid, claim=eid, quotes=(Quote(source=source, text="q"),), credibility=digit))
    for h, rating in ratings.items():
        if rating != "N":
            b.link(eid, h, rating)


@dataclass(frozen=True)
class Calibration:
    """Forecasts binned by probability, and the summary figures."""

    bins: list[tuple[float, float, int, float, float]]  # low, high, count, mean forecast, freq
    ece: float
    top_false: float  # share false among forecasts >= 0.95
    top_count: int


def calibration(forecasts: list[tuple[float, bool]], *, bins: int = 10) -> Calibration:
    """Expected calibration error over equal-width bins, and how often 95 % was wrong."""
    table = []
    ece = 0.0
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [(p, t) for p, t in forecasts if lo <= p < hi or (i == bins - 1 and p == 1.0)]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        freq = sum(t for _, t in inside) / len(inside)
        ece += len(inside) / len(forecasts) * abs(mean - freq)
        table.append((lo, hi, len(inside), mean, freq))
    top = [t for p, t in forecasts if p >= 0.95]
    return Calibration(table, ece, (len(top) - sum(top)) / len(top) if top else 0.0, len(top))


def forecasts(
    rng: random.Random, worlds: int, *, model: GradeModel = DEFAULT_GRADES, **options: object
) -> list[tuple[float, bool]]:
    """(posterior, is it the truth) for every hypothesis of `worlds` drawn worlds."""
    out = []
    for _ in range(worlds):
        w = world(rng, **options)  # type: ignore[arg-type]
        for p in posteriors(w.case, "q", grades=model).posteriors:
            out.append((p.posterior, p.hypothesis == w.truth))
    return out
