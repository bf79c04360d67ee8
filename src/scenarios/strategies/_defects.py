"""Cases with one known defect: `defective_cases`, from the injectors beside each check."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from scenarios.checks import CATALOGUE, Defect
from scenarios.io import SourceTexts
from scenarios.model import Case
from scenarios.model._base import PRETTY_REPR
from scenarios.model._integrity import COLLECTIONS
from scenarios.strategies._cases import PARTS, Part, SourcedCase, sourced_cases
from scenarios.strategies._texts import TextMode, combine

__all__ = ["DEFECTS", "DefectiveCase", "defective_cases"]


@dataclass(frozen=True, slots=True)
class DefectiveCase:
    """A case with one known defect, and the finding it must cause.

    Attributes:
        case: The case (built without the integrity check, so R defects survive).
        texts: Text by source id.
        code: The check code the defect must cause.
        defect: What was injected, in words.
    """

    case: Case
    texts: SourceTexts
    code: str
    defect: str

    def __repr__(self) -> str:
        return f"DefectiveCase({self.code}: {self.defect}, {self.case!r})"

    _repr_pretty_ = PRETTY_REPR  # what Hypothesis prints of a failing example


class _Defects(Mapping[str, Defect]):
    """The injector of every check that has one, by code; follows the catalogue."""

    def _current(self) -> dict[str, Defect]:
        return {info.code: info.defect for info in CATALOGUE if info.defect is not None}

    def __getitem__(self, code: str) -> Defect:
        return self._current()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def __repr__(self) -> str:
        return f"<defects of {len(self)} checks: {' '.join(self)}>"


DEFECTS: Final[Mapping[str, Defect]] = _Defects()
"""How to inject each defect, by the code it must cause: each check's `CheckInfo.defect`
(plugins' too). Q005 and Q006 have none: they need files."""


def _inject(base: SourcedCase, code: str, defect: Defect) -> DefectiveCase:
    data = base.case.model_dump(mode="json")
    for name in COLLECTIONS:
        data.setdefault(name, [])
    texts = dict(base.texts.texts)
    said = defect(data, texts)
    return DefectiveCase(Case.unchecked(data), SourceTexts(texts=texts), code, said)


def defective_cases(
    *,
    codes: Sequence[str] | None = None,
    min_sources: int = 1,
    max_sources: int = 4,
    min_evidence: int = 0,
    max_evidence: int = 8,
    min_hypotheses: int = 0,
    max_hypotheses: int = 5,
    min_sets: int = 0,
    max_sets: int = 2,
    max_links: int = 20,
    include: Collection[Part] = PARTS,
    warning_free: bool = False,
    texts: TextMode = "plain",
) -> st.SearchStrategy[DefectiveCase]:
    """A valid case (`sourced_cases`, same options) with one defect from `DEFECTS` injected.

    The injected objects have ids starting ``x-``. With ``warning_free=True``, the only
    warnings are those the defect causes (an R defect may cause others, and so may a
    defect that needs an unused object).

    Args:
        codes: Only these codes (default: every check with a defect).
        min_sources: See `sourced_cases`, as are the other options.
        max_sources: See `sourced_cases`.
        min_evidence: See `sourced_cases`.
        max_evidence: See `sourced_cases`.
        min_hypotheses: See `sourced_cases`.
        max_hypotheses: See `sourced_cases`.
        min_sets: See `sourced_cases`.
        max_sets: See `sourced_cases`.
        max_links: See `sourced_cases`.
        include: See `sourced_cases`.
        warning_free: See `sourced_cases`.
        texts: See `sourced_cases`.

    Raises:
        InvalidArgument: A code has no defect, or an option is out of range.

    Examples:
        >>> from hypothesis import given, settings
        >>> from scenarios import check
        >>> @settings(max_examples=20)
        ... @given(defective_cases(codes=["H004", "L002"]))
        ... def test_flagged(drawn):
        ...     assert drawn.code in {f.code for f in check(drawn.case, texts=drawn.texts)}
        >>> test_flagged()
    """
    known = dict(DEFECTS)
    if isinstance(codes, str):
        raise InvalidArgument(f"codes={codes!r} must be a list of codes, not one string")
    chosen = list(known) if codes is None else list(codes)
    unknown = [code for code in chosen if code not in known]
    if unknown or not chosen:
        raise InvalidArgument(
            f"codes={codes!r}: no defect is known for {unknown or 'no code'}; "
            f"choose from {', '.join(known)}"
        )
    base = sourced_cases(
        min_sources=min_sources,
        max_sources=max_sources,
        min_evidence=min_evidence,
        max_evidence=max_evidence,
        min_hypotheses=min_hypotheses,
        max_hypotheses=max_hypotheses,
        min_sets=min_sets,
        max_sets=max_sets,
        max_links=max_links,
        include=include,
        warning_free=warning_free,
        texts=texts,
    )
    return combine(
        lambda drawn, code: _inject(drawn, code, known[code]), base, st.sampled_from(chosen)
    )
