"""`CaseBuilder`: assemble a case step by step in Python, then validate it once."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from scenarios.model._case import Case, CaseMeta, Record
from scenarios.model._futures import CrossConsistency
from scenarios.model._integrity import COLLECTIONS
from scenarios.model._links import Link
from scenarios.model._messages import record_error
from scenarios.types import Rating

__all__ = ["CaseBuilder"]

_BUILT = "the case being built"

_COLLECTION_OF: dict[str, str] = {
    "Source": "sources",
    "Actor": "actors",
    "Evidence": "evidence",
    "Hypothesis": "hypotheses",
    "HypothesisSet": "hypothesis_sets",
    "Link": "links",
    "Argument": "arguments",
    "Assumption": "assumptions",
    "Indicator": "indicators",
    "Scenario": "scenarios",
    "Event": "events",
    "Driver": "drivers",
    "CrossConsistency": "consistency",
}


class CaseBuilder:
    """Collects objects in any order; `build()` validates the whole case at once.

    Examples:
        >>> from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source
        >>> b = CaseBuilder(title="Who controls the militias?")
        >>> b.add(Source(id="mei", title="Iran's game plan"),
        ...       Hypothesis(id="defy", statement="The militias defy Qaani."))
        >>> b.add(Evidence(id="e1", claim="Khazali defied Qaani.",
        ...                quotes=(Quote(source="mei", text="we won't listen"),)))
        >>> b.link("e1", "defy", "C", rationale="A public refusal.")
        >>> case = b.build()
        >>> len(case.links), case.meta.title
        (1, 'Who controls the militias?')
    """

    def __init__(self, meta: CaseMeta | None = None, **meta_fields: Any) -> None:
        if meta is not None and meta_fields:
            raise TypeError("give either a CaseMeta or its fields, not both")
        if meta is None:
            try:
                meta = CaseMeta.__pydantic_validator__.validate_python(meta_fields)  # type: ignore[attr-defined]
            except ValidationError as exc:
                raise record_error(exc, _BUILT, ("meta",)) from None
        self._meta = meta
        self._items: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}

    def add(self, *items: Record | Link | CrossConsistency) -> None:
        """Add objects; each goes to the collection of its class."""
        for item in items:
            collection = _COLLECTION_OF.get(type(item).__name__)
            if collection is None:
                raise TypeError(f"a case holds no {type(item).__name__} objects")
            self._items[collection].append(item)

    def link(self, evidence: str, hypothesis: str, rating: Rating, **fields: Any) -> None:
        """Add a link from an evidence item to a hypothesis (see `Link` for the fields).

        Raises:
            RecordError: A field is missing, unknown or of the wrong kind; the message
                names it (``links[3].rating``) and says how to fix it, as for files.
        """
        links = self._items["links"]
        data = {"evidence": evidence, "hypothesis": hypothesis, "rating": rating, **fields}
        try:
            link = Link.__pydantic_validator__.validate_python(data)  # type: ignore[attr-defined]
        except ValidationError as exc:
            raise record_error(exc, _BUILT, ("links", len(links))) from None
        links.append(link)

    def build(self) -> Case:
        """Validate and return the case.

        Raises:
            IntegrityError: The objects do not make a sound case: ids used twice or
                references that do not resolve, every problem at once (in `problems`),
                each with its document path and its hint (did you mean ...?).
            RecordError: Anything else pydantic finds (objects made without validation),
                located and hinted as for files.
        """
        return Case.model_validate({"meta": self._meta, **self._items})
