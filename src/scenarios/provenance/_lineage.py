"""Source lineage: which sources share an origin, and what counts as independent.

`derived_from` makes a graph of sources (republication, translation, copying).
Two sources are *independent* only if they share no origin (no common
ancestor-or-self). For counting corroboration, sources are grouped
conservatively into *lineage groups*: the connected parts of that graph, with
undeclared near-duplicates optionally joined in. An evidence item belongs to
the groups of the sources it quotes.

Examples:
    >>> from scenarios import Case, CaseMeta, Source
    >>> case = Case(meta=CaseMeta(title="t"), sources=(
    ...     Source(id="mei", title="Original"),
    ...     Source(id="winep", title="Republished", derived_from=("mei",)),
    ...     Source(id="soufan", title="Unrelated"),
    ... ))
    >>> lineage = Lineage.of(case)
    >>> lineage.group("winep"), lineage.independent("mei", "winep")
    ('mei', False)
    >>> lineage.independent("mei", "soufan")
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from scenarios.model import Case, Evidence

__all__ = ["Lineage"]


class _Groups:
    """Union-find over source ids."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


@dataclass(frozen=True)
class Lineage:
    """The lineage of a case's sources.

    Attributes:
        parents: `derived_from` by source id (references that resolve only).
        groups: Lineage group by source id.
    """

    parents: Mapping[str, tuple[str, ...]]
    groups: Mapping[str, str]

    @classmethod
    def of(cls, case: Case, *, same: Iterable[tuple[str, str]] = ()) -> Lineage:
        """Build the lineage of `case`; `same` adds pairs known to be copies (near-duplicates).

        Complexity: O(sources + derived_from links), near-linear (union-find).
        """
        ids = [s.id for s in case.sources]
        known = set(ids)
        parents = {s.id: tuple(p for p in s.derived_from if p in known) for s in case.sources}
        groups = _Groups(ids)
        for child, ps in parents.items():
            for parent in ps:
                groups.join(child, parent)
        for a, b in same:
            if a in known and b in known:
                groups.join(a, b)
        # Name each group after its origin: a member with no parent (the smallest, if several).
        names: dict[str, str] = {}
        for i in sorted(ids, key=lambda i: (bool(parents[i]), i)):
            names.setdefault(groups.find(i), i)
        return cls(parents, {i: names[groups.find(i)] for i in ids})

    def group(self, source: str) -> str:
        """The lineage group of a source, named after its origin (a member with no parent)."""
        return self.groups[source]

    @cached_property
    def members(self) -> Mapping[str, tuple[str, ...]]:
        """Source ids of each group, sorted."""
        out: dict[str, list[str]] = {}
        for source, group in sorted(self.groups.items()):
            out.setdefault(group, []).append(source)
        return {group: tuple(ids) for group, ids in out.items()}

    def origins(self, source: str) -> frozenset[str]:
        """The sources `source` ultimately comes from: ancestors with no parent (or itself).

        Cycles in `derived_from` are tolerated: a cycle with no way out counts as its own origin.
        """
        seen: set[str] = set()
        roots: set[str] = set()
        stack = [source]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            ps = self.parents.get(node, ())
            if not ps:
                roots.add(node)
            stack.extend(ps)
        return frozenset(roots) if roots else frozenset(seen)

    def independent(self, a: str, b: str) -> bool:
        """Whether two sources share no origin."""
        return a != b and not (self.origins(a) & self.origins(b))

    def evidence_groups(self, case: Case) -> Mapping[str, frozenset[str]]:
        """Lineage groups of each evidence item (from the sources it quotes)."""
        return {item.id: self.item_groups(item) for item in case.evidence}

    def item_groups(self, item: Evidence) -> frozenset[str]:
        """Lineage groups of one evidence item (sources outside the lineage are skipped)."""
        return frozenset(self.groups[s] for s in item.sources if s in self.groups)

    def corroboration(self, case: Case, hypothesis: str) -> int:
        """How many independent lineage groups support `hypothesis` (not how many items).

        Examples:
            >>> from scenarios import CaseBuilder, Evidence, Hypothesis, Quote, Source
            >>> b = CaseBuilder(title="t")
            >>> b.add(Source(id="a", title="A"), Source(id="copy", title="B", derived_from=("a",)),
            ...       Hypothesis(id="h", statement="H"))
            >>> for i, s in enumerate(["a", "copy"]):
            ...     b.add(Evidence(id=f"e{i}", claim="c", quotes=(Quote(source=s, text="q"),)))
            ...     b.link(f"e{i}", "h", "C")
            >>> Lineage.of(b.build()).corroboration(b.build(), "h")
            1

        Complexity: O(links of `hypothesis` · quotes per item), not O(all evidence).
        """
        groups: set[str] = set()
        for link in case.links_of(hypothesis):
            item = case.get(link.evidence) if link.evidence in case else None
            if link.direction == "supports" and isinstance(item, Evidence):
                groups |= self.item_groups(item)
        return len(groups)
