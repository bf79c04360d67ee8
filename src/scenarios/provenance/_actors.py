"""Actors in the text: alias-aware mentions, and names that look like a known alias.

Names match case-insensitively, on word boundaries, with typography unified
(``Asa’ib`` and ``Asa'ib`` are the same name), longest name first (so
``Qais al-Khazali`` is one mention, not two).

Examples:
    >>> from scenarios import Actor
    >>> finder = MentionFinder([Actor(id="qaani", name="Esmail Qaani", aliases=("Ghaani",)),
    ...                         Actor(id="aah", name="Asa'ib Ahl al-Haq", kind="organisation")])
    >>> [(m.actor, m.text) for m in finder.find("Esmail Ghaani met ASA’IB AHL AL-HAQ leaders")]
    [('qaani', 'Ghaani'), ('aah', 'ASA’IB AHL AL-HAQ')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from scenarios.model import Actor, Case
from scenarios.provenance._anchoring import normalise

__all__ = ["AliasSuggestion", "Mention", "MentionFinder", "actor_mentions", "alias_suggestions"]

ALIAS_SIMILARITY: Final = 0.8
"""Similarity (difflib ratio) at which an unknown name is suggested as a known alias."""

_POSSESSIVE: Final = re.compile(r"'s$")
# A capitalised word or hyphenated name, with an optional lowercase particle (al-, el-, bin-).
_NAME_WORD: Final = re.compile(r"(?<![\w'-])(?:[a-z]{1,3}-)?[A-Z][\w']*(?:-[A-Z][\w']*)*(?![\w'])")


def _key(name: str) -> str:
    return normalise(name).casefold()


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor.

    Attributes:
        actor: Id of the actor.
        start: Offset of the mention in the text searched.
        end: Offset just past it.
        text: The words as written.
    """

    actor: str
    start: int
    end: int
    text: str


class MentionFinder:
    """Finds mentions of actors in text (one compiled pattern for every name).

    Complexity: O(len(text)) per search.
    """

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.by_name: dict[str, str] = {}
        for actor in actors:
            for name in actor.names:
                self.by_name.setdefault(_key(name), actor.id)
        names = sorted(self.by_name, key=len, reverse=True)
        body = "|".join(_name_pattern(n) for n in names) or r"(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def resolve(self, name: str) -> str | None:
        """The id of the actor with this name or alias, if any."""
        return self.by_name.get(_key(name))

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, in order."""
        flat = text.translate(_FLAT)
        found = []
        for match in self._pattern.finditer(flat):
            actor = self.by_name.get(_key(match.group()))
            if actor is not None:
                found.append(
                    Mention(actor, match.start(), match.end(), text[match.start() : match.end()])
                )
        return found


_FLAT: Final = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "\u00a0": " "})


def _name_pattern(key: str) -> str:
    return r"\s+".join(re.escape(word) for word in key.split(" "))


def actor_mentions(case: Case) -> Mapping[str, tuple[tuple[str, Mention], ...]]:
    """Mentions of each actor in the claims and quotes of every evidence item.

    Returns:
        By actor id: (where, mention) pairs, where ``where`` is ``"<evidence id>.claim"``
        or ``"<evidence id>.quotes[i]"``.
    """
    finder = MentionFinder(case.actors)
    out: dict[str, list[tuple[str, Mention]]] = {actor.id: [] for actor in case.actors}
    for item in case.evidence:
        places = [(f"{item.id}.claim", item.claim)]
        places += [(f"{item.id}.quotes[{i}]", q.text) for i, q in enumerate(item.quotes)]
        for where, text in places:
            for mention in finder.find(text):
                out[mention.actor].append((where, mention))
    return {actor: tuple(found) for actor, found in out.items()}


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """A name in the text that is not known but looks like a known name.

    Attributes:
        evidence: Id of the evidence item where it appears.
        name: The unknown name as written.
        actor: Id of the actor it resembles.
        alias: The known name it resembles.
        similarity: difflib ratio, from `ALIAS_SIMILARITY` to 1.
    """

    evidence: str
    name: str
    actor: str
    alias: str
    similarity: float


def alias_suggestions(case: Case) -> list[AliasSuggestion]:
    """Capitalised words in claims and quotes that nearly match a known name word.

    ``Solemani`` near ``Soleimani`` is suggested; ``Iraq`` near nothing is not,
    nor are possessives (``Qaani's``) and plurals (``Forces`` near ``Force``).
    Only words of five letters or more are compared, each distinct word once.

    Complexity: O(words x distinct name words) comparisons, with difflib's
    cheap upper bounds first.
    """
    finder = MentionFinder(case.actors)
    known: dict[str, tuple[str, str]] = {}
    for actor in case.actors:
        for name in actor.names:
            for word in re.split(r"[\s-]+", name):
                if len(word) >= 5:
                    known.setdefault(_key(word), (actor.id, word))
    out: list[AliasSuggestion] = []
    if not known:  # no actor names to resemble
        return out
    seen: set[tuple[str, str]] = set()
    for item in case.evidence:
        for text in (item.claim, *(q.text for q in item.quotes)):
            for match in _NAME_WORD.finditer(text.translate(_FLAT)):
                for word in re.split(r"-", _POSSESSIVE.sub("", match.group())):
                    key = _key(word)
                    if (
                        len(key) < 5
                        or key in known
                        or finder.resolve(word)
                        or (item.id, key) in seen
                    ):
                        continue
                    seen.add((item.id, key))
                    best = _closest(key, known)
                    if best is not None:
                        out.append(AliasSuggestion(item.id, word, *best))
    return out


def _inflected(a: str, b: str) -> bool:
    """Whether one word is the other's plural (Force, Forces): grammar, not spelling."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def _closest(key: str, known: Mapping[str, tuple[str, str]]) -> tuple[str, str, float] | None:
    best: tuple[str, str, float] | None = None
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    for candidate, (actor, alias) in known.items():
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() < ALIAS_SIMILARITY
            or matcher.quick_ratio() < ALIAS_SIMILARITY
        ):
            continue
        if _inflected(key, candidate):
            continue
        score = matcher.ratio()
        if score >= ALIAS_SIMILARITY and (best is None or score > best[2]):
            best = (actor, alias, score)
    return best
