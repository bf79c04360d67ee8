"""Argdown: write a case as an Argdown document, and read Argdown into a case.

`Argdown <https://argdown.org>`_ is a Markdown-like language for argument maps. The
reader follows the grammar of ``@argdown/core`` (its lexer and parser), and the test suite
compares `parse_argdown` with the JSON export of the reference, ``@argdown/cli``, on its
documents and on generated ones:

- statements ``[Title]: text``, references ``[Title]``, and untitled statements, named
  ``Untitled 1``, ``Untitled 2``, ... as Argdown names them; text that continues on the
  next line (hard-wrapped);
- arguments ``<Title>: text`` and references ``<Title>``;
- premise–conclusion structures: numbered lines ``(1) ...``, after an argument or on their
  own, with inferences ``----``, ``-- rule, rule --`` or ``--`` rules and data ``--`` (the
  last statement is the main conclusion, one right after an inference an intermediary);
- relations, indented under an element, a premise, a conclusion or an inference: ``+``
  ``-`` ``_`` (incoming support, attack, undercut, also ``<+`` ``<-`` ``<_``), ``+>``
  ``->`` ``_>`` (outgoing) and ``><`` (contradiction), nested to any depth, with the
  elements defined in them; as in Argdown, a relation from an argument with a
  premise–conclusion structure starts from its main conclusion, an undercut under a
  statement of a structure is one of its last inference, and a statement's attack on an
  argument goes when the statement attacks or contradicts one of its premises;
- lists (``*``, ``1.``), tags ``#tag`` and ``#(tag with spaces)``, headings as sections,
  the front matter between ``===`` lines, and data blocks ``{key: value}`` (YAML, merged
  as Argdown merges them);
- comments ``//``, ``/* ... */`` and ``<!-- ... -->`` anywhere the lexer takes them,
  Windows line endings, ``@include(file)`` (with a path), and the Markdown inside texts
  (emphasis marks, links and escapes out, special characters such as ``.A.`` in).

An element's texts, tags and data are in Argdown's order: an occurrence counts when it
ends, after the relations under it.

**Reading a document into a case** (`argdown_to_case`): a statement that some argument
concludes or attacks, or that another statement supports, attacks or links to in its data,
is a **hypothesis**, unless it bears on a statement itself; one tagged ``#assumption`` that
bears on nothing is an **assumption**; every other statement is an **evidence** item
quoting itself (from one source standing for the document). Data ``{hypothesis: true}``
(or ``false``) says it outright. An argument with a premise–conclusion structure is a pro
**argument** from its premises to its main conclusion; an argument without one that
attacks a statement is a con argument from the statements that support it. Support and
attack from an evidence statement to a hypothesis are **links** rated ``C`` and ``I``, or
as the relation's data says (``{rating: CC, relevance: high}``, or a tag ``#(rating
CC)``); links rated ``N`` or ``NA`` are data of the evidence statement (``{links: {H:
N}}``). An undercut of an argument by a statement is its **undercutter**. Hypotheses that
share a tag form a **set** (the tag is its id, the section heading its question), as do
those whose tag a heading names (``# Question {set: tag}``), and two that contradict
each other. Data fills the other fields of each record (a hypothesis's ``prior``, an
evidence item's ``credibility``, a set's ``priors`` ...). What has no place in a case is
reported in `ArgdownImport.problems`, one line each.

**Writing** (`to_argdown`) gives each set a heading, each hypothesis a statement tagged
with its sets, links as support and attack relations, pro arguments as premise–conclusion
structures and con arguments as attacks; what the map does not show goes into Argdown's
data, only where it differs from what the map says. Reading the result gives back the
evidence (less its quotes and actors), hypotheses, sets, links, assumptions and the
arguments' structure (property-tested on generated cases).

Examples:
    >>> document = parse_argdown('''
    ... [Defy]: The militias defy Qaani.
    ...   + [Message]: Khazali told Qaani no.
    ... ''')
    >>> document.statements["Message"].texts, document.relations
    (['Khazali told Qaani no.'], [('Message', 'Defy', 'support')])
    >>> found = argdown_to_case(document)
    >>> [(l.evidence, l.hypothesis, l.rating) for l in found.case.links]
    [('message', 'defy', 'C')]
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from pydantic import TypeAdapter

from scenarios.io._files import read_text
from scenarios.io._ids import unique_id
from scenarios.io._plain import MAX_DEPTH
from scenarios.io._yaml import YamlProblem, parse_yaml, resolve_plain
from scenarios.model import (
    Argument,
    Assumption,
    Case,
    CaseMeta,
    Evidence,
    Hypothesis,
    HypothesisSet,
    Link,
    Quote,
    Source,
    stance_of,
)
from scenarios.types import RATINGS, Rating

__all__ = [
    "ArgdownArgument",
    "ArgdownDocument",
    "ArgdownImport",
    "ArgdownStatement",
    "argdown_to_case",
    "parse_argdown",
    "read_argdown",
    "to_argdown",
]

RelationType = Literal["support", "attack", "undercut", "contradictory"]

DOCUMENT_SOURCE: Final = "argdown-document"
"""Id of the source that stands for an imported document."""

_INCOMING: Final[dict[str, RelationType]] = {
    "+": "support",
    "<+": "support",
    "-": "attack",
    "<-": "attack",
    "_": "undercut",
    "<_": "undercut",
}
_OUTGOING: Final[dict[str, RelationType]] = {
    "+>": "support",
    "->": "attack",
    "_>": "undercut",
    "><": "contradictory",
}
_RELATION: Final = re.compile(r"^([ \t]*)(\+>|->|<\+|<-|\+|-|><|_>|<_|_(?=\s))[ \t]*(.*)$")
_RELATION_START: Final = frozenset("+-<>_")
_HEADING: Final = re.compile(r"^[ \t]*(#+) (.*)$")
_PCS_LINE: Final = re.compile(r"^[ \t]*\(\d+\)[ \t]*(.*)$")
_LIST_ITEM: Final = re.compile(r"^([ \t]*)(?:\d+\.|\*)(?=\s)[ \t]*(.*)$")
_INFERENCE: Final = re.compile(r"^[ \t]*--(.*)$")
_INFERENCE_END: Final = re.compile(r"-{2,}")
_ELEMENT: Final = re.compile(
    r"(?:\[(?P<sd>[^\n]+?)\]:|<(?P<ad>[^\n]+?)>:|\[(?P<sr>[^-\n][^\n]*?)\]|<(?P<ar>[^-\n][^\n]*?)>)"
    r"[ \t]*"
)
_RATING_TAG: Final = re.compile(r"#\((rating|relevance) (CC|C|N|NA|I|II|low|medium|high)\)")
"""``#(rating CC)`` on a relation's line: the relation's rating, as ``{rating: CC}``."""
_LINK: Final = re.compile(r"\[([^\]]+?)\]\([^)]+?\)")
_TAG: Final = re.compile(
    r"(?<!\\)#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))"
)
_DATA: Final = re.compile(r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*[,}])")
_FRONT: Final = re.compile(
    r"^(?:\s|//[^\n]*\n|/\*[\s\S]*?\*/|<!--[\s\S]*?-->)*?(={3,}[\s\S]*?={3,})[ \t]*(?:\n|$)"
)
_SCAN: Final = re.compile(
    r"\\[\s\S]"  # an escaped character starts no comment and no data
    r"|\[[^\]\n]+?\]\((?=[^)\n]*[/{])[^)\n]+?\)"  # a link whose address holds // or {
    r"|/\*[\s\S]*?\*/|<!--[\s\S]*?-->|//[^\n]*(?=\n)"  # comments
    r"|\{"  # data, perhaps
)
_PLACE: Final = re.compile("\x03(\\d+)\x03")
_WORD: Final = r"(?:[A-Za-z0-9_.+][\w.+-]*|-[\w.+-]+)"
_FLOW_TOKEN: Final = re.compile(
    rf'[ \t]*(?:([{{}}\[\],]|:(?=[ \t{{\["]))|"([^"\\\n]*)"|({_WORD}(?:[ \t]+{_WORD})*))'
)
"""What a simple data block is made of: brackets, commas, colons, quoted strings without
escapes, and plain words (``{rating: CC, note: "a, b", links: {h1: N}}``)."""
_KEY: Final = re.compile(r"[A-Za-z_][\w-]*")
_EMPHASIS: Final = (
    re.compile(r"(?<![\w\\])(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1(?=[\s).,!?;:}_*-]|$)"),
    re.compile(r"(?<![\w\\*])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?=[\s).,!?;:}_*-]|$)"),
)
_ESCAPE: Final = re.compile(r"\\(.)")
_SHORTCODE_NAMES: Final[dict[str, str]] = {
    "A": "\u2200", "E": "\u2203", "O": "\U0001d5e2", "P": "\U0001d5e3", "->": "\u2192",
    "<->": "\u2194", "~": "\xac", "^": "\u2227", "v": "\u2228", "v_": "\u22bb",
    "<>": "\u25c7", "[]": "\u25fb", "happy": "\U0001f600", "smiley": "\u263a",
    "laugh": "\U0001f606", "lol": "\U0001f606", "rofl": "\U0001f923", "joy": "\U0001f602",
    "heart": "\u2764", "?": "\u2753", "question": "\u2753", "love": "\U0001f60d",
    "wink": "\U0001f609", "shush": "\U0001f92b", "meh": "\U0001f610",
    "eye-roll": "\U0001f644", "sad": "\U0001f622", "disappointed": "\U0001f61e",
    "scream": "\U0001f631", "+1": "\U0001f44d", "up": "\U0001f44d", "-1": "\U0001f44e",
    "down": "\U0001f44e", "think": "\U0001f914", "star": "\u2b50", "y": "\u2714",
    "agree": "\u2714", "n": "\u274c", "disagree": "\u274c",
}  # fmt: skip
_SHORTCODES: Final[dict[str, str]] = {
    **{f".{name}.": code for name, code in _SHORTCODE_NAMES.items()},
    **{f":{name}:": code for name, code in _SHORTCODE_NAMES.items()},
    ".smile.": "\u263a",
    ":smile:": "\u263a\ufe0f",
}
"""Argdown's special characters: ``.A.`` or ``:A:`` for the universal quantifier, ..."""
_SPECIAL: Final = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
_KNOWN_SPECIAL: Final = re.compile(
    "|".join(re.escape(code) for code in sorted(_SHORTCODES, key=len, reverse=True))
)
_CONTROL: Final = frozenset("\\@#*_[],.:;</>-(){}")
_COMMENT: Final = "\x00"
_NEWLINE: Final = "\x02"
_SLASHES: Final = "/\u2060/"  # two slashes that do not start a comment


@dataclass
class ArgdownStatement:
    """A statement: every text it was given, its tags and data, in order."""

    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None


@dataclass
class ArgdownArgument:
    """An argument: its descriptions, tags, data, and premise–conclusion structure."""

    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pcs: list[tuple[str, str]] = field(default_factory=list)
    """(statement title, role): ``premise``, ``intermediary-conclusion`` or ``main-conclusion``."""
    section: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    inferences: list[tuple[list[str], dict[str, Any]]] = field(default_factory=list)
    """The rules and data of each inference (between ``--`` lines), in order."""


@dataclass
class ArgdownDocument:
    """What an Argdown document says, before it is read as a case.

    Attributes:
        statements: By title, in order of first appearance.
        arguments: By title, in order of first appearance.
        relations: (from title, to title, type), each once, in order.
        sections: (title, level) of each heading, in order.
        section_data: The data block of each heading, in the same order (empty if none).
        data: The front matter.
        problems: Lines that could not be read, with their number.
        relation_data: The data block written on a relation's line (``+ [e]: ... {rating:
            CC}``), by relation as in `relations` before the transfer to conclusions.
    """

    statements: dict[str, ArgdownStatement] = field(default_factory=dict)
    arguments: dict[str, ArgdownArgument] = field(default_factory=dict)
    relations: list[tuple[str, str, RelationType]] = field(default_factory=list)
    sections: list[tuple[str, int]] = field(default_factory=list)
    section_data: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    relation_data: dict[tuple[str, str, RelationType], dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArgdownImport:
    """A case read from Argdown, and what had no place in it (one line each)."""

    case: Case
    problems: tuple[str, ...]


def _yaml(text: str) -> dict[str, Any]:
    """A data block or the front matter, read by the safe reader (no tags, no aliases)."""
    try:
        value = parse_yaml(text, max_depth=MAX_DEPTH)
    except YamlProblem:
        return {}
    return value if isinstance(value, dict) else {}


class _NotSimple(Exception):
    """A data block that `_simple_data` leaves to the YAML reader."""


def _simple_data(token: str) -> dict[str, Any]:
    """A simple data block (see `_FLOW_TOKEN`), read without the YAML reader (50 µs each).

    Raises:
        _NotSimple: It is not that simple.
    """
    tokens: list[tuple[str, str]] = []  # (kind, text): kind a bracket, comma, colon, s or p
    position = 0
    while position < len(token):
        match = _FLOW_TOKEN.match(token, position)
        if match is None:
            raise _NotSimple
        mark, quoted, plain = match.groups()
        tokens.append((mark, "") if mark else ("s", quoted) if quoted is not None else ("p", plain))
        position = match.end()
    tokens.append(("end", ""))
    value, at = _simple_value(tokens, 0)
    if tokens[at][0] != "end" or not isinstance(value, dict):
        raise _NotSimple
    return value


def _simple_value(tokens: list[tuple[str, str]], at: int) -> tuple[Any, int]:
    """The value that starts at token `at`, and the index of the token after it."""
    kind, text = tokens[at]
    if kind in ("s", "p"):
        return (text if kind == "s" else resolve_plain(text)), at + 1
    if kind not in ("{", "["):
        raise _NotSimple
    close = "}" if kind == "{" else "]"
    found: dict[str, Any] | list[Any] = {} if kind == "{" else []
    at += 1
    while tokens[at][0] != close:
        if isinstance(found, dict):
            key_kind, key = tokens[at]
            if key_kind not in ("s", "p") or (key_kind == "p" and not _KEY.fullmatch(key)):
                raise _NotSimple
            if key in found or tokens[at + 1][0] != ":":
                raise _NotSimple  # a repeated key: the YAML reader says what it is
            found[key], at = _simple_value(tokens, at + 2)
        else:
            item, at = _simple_value(tokens, at)
            found.append(item)
        if tokens[at][0] == ",":
            at += 1
        elif tokens[at][0] != close:
            raise _NotSimple
    return found, at + 1


def _data(token: str) -> dict[str, Any]:
    """A data block ``{...}``: simple ones read at once, others as YAML (block form too)."""
    try:
        return _simple_data(token)
    except _NotSimple:
        pass
    block = re.match(r"\{[ \t]*\n", token)
    if block:  # as Argdown does: a block that starts with a line break is block YAML
        return _yaml(re.sub(r"\}\s*$", "", token[block.end() :]))
    return _yaml(token)


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Merge data into `into` as Argdown does, sharing nothing with `new` (see `_merged`)."""
    for key, value in new.items():
        into[key] = _merged(into.get(key), value)


def _merged(old: Any, new: Any) -> Any:
    """`new` merged over `old` as lodash ``merge`` does, in a copy.

    Mappings key by key and lists item by item, deeply; anything else replaced. What it
    returns shares nothing with `new`, so that data merged in one place does not change in
    another.
    """
    if isinstance(new, dict):
        found = dict(old) if isinstance(old, dict) else {}
        for key, value in new.items():
            found[key] = _merged(found.get(key), value)
        return found
    if isinstance(new, list):
        items = list(old) if isinstance(old, list) else []
        for n, value in enumerate(new):
            if n < len(items):
                items[n] = _merged(items[n], value)
            else:
                items.append(_merged(None, value))
        return items
    return new


def _tags(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in _TAG.finditer(text)]


def _text(raw: str) -> str:
    """Text as Argdown reads it: escapes resolved, links to their text, no emphasis marks."""
    if "](" in raw:
        raw = _LINK.sub(r"\1", raw)
    if "*" in raw or "_" in raw:
        for pattern in _EMPHASIS:
            previous = None
            while previous != raw:
                previous, raw = raw, pattern.sub(r"\2", raw)
    if ("." in raw or ":" in raw) and _KNOWN_SPECIAL.search(raw):
        raw = _SPECIAL.sub(lambda m: _SHORTCODES.get(m.group(), m.group()), raw)
    if "\\" in raw:
        raw = _ESCAPE.sub(r"\1", raw)
    return raw


@dataclass
class _Prepared:
    """A document with its comments out and its data blocks replaced by placeholders."""

    front: dict[str, Any]
    lines: list[tuple[int, str]]  # (1-based number, text)
    data: list[dict[str, Any]]


def _prepare(text: str) -> _Prepared:
    """Comments out, data blocks read, lines split: what Argdown's lexer does before lines.

    A comment alone on its line(s) takes the line away, as the lexer's comment token takes
    its line break with it; one inside a line leaves the rest of the line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front: dict[str, Any] = {}
    offset: int | None = None  # lines the front matter takes, when there is one
    found = _FRONT.match(text)
    if found:
        body = re.sub(r"={3,}\s*$", "", re.sub(r"^\s*={3,}", "", found.group(1)))
        front = _yaml(body)
        head = text[: found.start(1)]
        offset = found.group(0).count("\n") - head.count("\n")
        text = head + text[found.end() :]
    masked, data = _mask(text)
    return _Prepared(front, _lines(masked, offset), data)


def _mask(text: str) -> tuple[str, list[dict[str, Any]]]:
    """The text with comments marked and data blocks replaced by placeholders; the data.

    Each comment becomes `_COMMENT` and each line break inside a comment or data block
    `_NEWLINE`, so that lines keep their numbers.
    """
    data: list[dict[str, Any]] = []
    pieces: list[str] = []
    position = 0
    scan = _SCAN.search
    while (match := scan(text, position)) is not None:
        token, start = match.group(), match.start()
        if token[0] == "\\" or token[0] == "[":
            pieces.append(text[position : match.end()])
            position = match.end()
            continue
        pieces.append(text[position:start])
        if token == "{":
            block = _DATA.match(text, start)
            if block is None:
                pieces.append("{")
                position = start + 1
            else:
                pieces.append(f"\x03{len(data)}\x03" + _NEWLINE * block.group().count("\n"))
                data.append(_data(block.group()))
                position = block.end()
            continue
        pieces.append(_COMMENT + _NEWLINE * token.count("\n"))
        position = match.end()
        if text[text.rfind("\n", 0, start) + 1 : start].strip():  # not at a line's start
            while position < len(text) and text[position] in " \t":
                position += 1  # spaces after a comment start no text
    pieces.append(text[position:])
    return "".join(pieces), data


def _lines(masked: str, offset: int | None) -> list[tuple[int, str]]:
    """The lines of a masked text with their numbers in the document.

    Lines that held only comments are left out; `offset` is the number of lines the front
    matter took, when it was taken out before.
    """
    lines = []
    number = 0
    for raw in masked.split("\n"):
        number += 1
        line = raw
        if _NEWLINE in line:
            number += line.count(_NEWLINE)
            line = line.replace(_NEWLINE, "")
        if _COMMENT in line:
            line = line.replace(_COMMENT, "")
            if not line.strip():
                continue  # a comment alone on its line(s): the line goes with it
        lines.append((number + offset if offset is not None and number > 1 else number, line))
    return lines


class _Member:
    """One occurrence of an element, being read.

    Argdown adds an occurrence to its element when the occurrence ends, after the relations
    under it (in its tree, a relation is a child of the element it is under): so the text,
    tags and data wait here until then, and reach the element in that order.
    """

    __slots__ = ("data", "entry", "tags", "text")

    def __init__(self, entry: ArgdownStatement | ArgdownArgument) -> None:
        self.entry = entry
        self.text = ""
        self.tags: list[str] = []
        self.data: dict[str, Any] | None = None

    def add(self, raw: str, data: dict[str, Any] | None) -> None:
        """Add a line of text (and its data)."""
        if data is not None:
            if self.data is None:
                self.data = {}
            _merge(self.data, data)
        if not raw:
            return
        if "#" in raw:
            self.tags = list(dict.fromkeys([*self.tags, *_tags(raw)]))
        text = _text(raw).lstrip()
        end = len(text.rstrip())
        if end < len(text) and (text[end - 1 : end] in _CONTROL or "\x03" in raw[-4:]):
            text = text[: end + 1]  # a control character or tag takes one space, no more
        if text.strip():
            joiner = "" if not self.text or self.text[-1] in " \t" else " "
            self.text = f"{self.text}{joiner}{text}"

    def close(self) -> None:
        """The occurrence ends: its text, tags and data go to its element."""
        entry = self.entry
        if self.text:
            entry.texts.append(self.text.strip())
        if self.tags:
            entry.tags += [t for t in self.tags if t not in entry.tags]
        if self.data is not None:
            _merge(entry.data, self.data)


@dataclass(slots=True)
class _Open:
    """An element open to relations: those indented more than it are its.

    One under a relation closes its relation too: Argdown adds a relation when the element
    under it ends, so that relations nested deeper come first.
    """

    indent: int
    kind: str  # "statement", "argument", or "inference" (of the argument `title`)
    title: str
    member: _Member | None
    relation: tuple[str, str, RelationType] | None = None
    data: dict[str, Any] | None = None  # the data block on the relation's line


class _Parser:
    def __init__(self, data: list[dict[str, Any]]) -> None:
        self.doc = ArgdownDocument()
        self.values = data
        self.untitled = 0
        self.section: str | None = None
        self.stack: list[_Open] = []  # relation parents, the innermost last
        self.member: _Member | None = None  # the one a hard-wrapped line continues
        self.last_top: tuple[str, str] | None = None  # the element before, for a structure
        self.pcs: ArgdownArgument | None = None  # the structure being read
        self.pcs_title = ""
        self.after_inference = False
        self.inference: list[str] | None = None  # the text of an open inference
        self.inferred: str | None = None  # the last inference read, as in `inferences`
        self.inferences: dict[str, str] = {}  # inference: its argument (see `_inference`)
        self.number = 0  # of the line being read, 1-based
        self.read = 0  # lines read
        self.heading_at = -1  # when the last heading was read, in lines read
        self.seen_relations: set[tuple[str, str, RelationType]] = set()
        self.targets: set[tuple[str, RelationType]] = set()  # (to, type) of those relations

    def _title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def _split(self, content: str) -> tuple[str, dict[str, Any] | None]:
        """Content without its data block, and the data."""
        place = _PLACE.search(content) if "\x03" in content else None
        if place is None:
            return content, None
        return content[: place.start()] + content[place.end() :], self.values[int(place.group(1))]

    def element(self, content: str, indent: int) -> tuple[_Open, dict[str, Any] | None]:
        """Read an element at the start of a line.

        Returns it, open to the relations under it, and the line's data block.
        """
        content, data = self._split(content)
        match = _ELEMENT.match(content)
        entry: ArgdownStatement | ArgdownArgument | None
        if match is None:
            title, kind, rest = self._title(), "statement", content
        else:
            title, rest = match.group(match.lastgroup or ""), content[match.end() :]
            kind = "argument" if match.lastgroup in ("ad", "ar") else "statement"
        if kind == "statement":
            entry = self.doc.statements.get(title)
            if entry is None:
                entry = self.doc.statements[title] = ArgdownStatement(section=self.section)
        else:
            entry = self.doc.arguments.get(title)
            if entry is None:
                entry = self.doc.arguments[title] = ArgdownArgument(section=self.section)
        member = self.member = _Member(entry)
        if rest or data is not None:
            member.add(rest, data)
        return _Open(indent, kind, title, member), data

    def relate(self, relation: tuple[str, str, RelationType], data: dict[str, Any] | None) -> None:
        """Add a relation unless Argdown merges it into one it has.

        Argdown looks for the relation among those of its source, by target and type: so it
        finds the same relation, a contradiction the other way, and, for a relation of an
        element with itself, any relation of that type to the element.
        """
        frm, to, kind = relation
        seen = self.seen_relations  # a set beside the list: O(1) per relation
        if (kind == "contradictory" and (to, frm, kind) in seen) or (
            frm == to and (to, kind) in self.targets
        ):
            return
        if relation not in seen:
            seen.add(relation)
            self.targets.add((to, kind))
            self.doc.relations.append(relation)
        if data:
            _merge(self.doc.relation_data.setdefault(relation, {}), data)

    def line(self, number: int, raw: str) -> None:
        """Read one line (comments and data blocks already out, see `_prepare`)."""
        self.number = number
        self.read += 1
        start = raw.lstrip()[:1]  # to try only the patterns that can match
        if not start:
            self._end_block()
        elif self.inference is not None:
            self._inference(raw)
        elif start == "#" and (heading := _HEADING.match(raw)):
            self._heading(heading)
        elif start == "-" and self.pcs is not None and (inference := _INFERENCE.match(raw)):
            self._close_to(0)
            self.inference = []
            self._inference(inference.group(1))
        elif start == "(" and (numbered := _PCS_LINE.match(raw)):
            self._pcs_line(numbered.group(1))
        elif start in _RELATION_START and (relation := _RELATION.match(raw)):
            self._relation(relation)
        elif (start == "*" or start.isdigit()) and (item := _LIST_ITEM.match(raw)):
            self._end_block()
            self.stack = [self.element(item.group(2), len(item.group(1)) + 1)[0]]
            self.last_top = ("list", "")
        else:
            self._text_line(raw.lstrip())

    def _heading(self, heading: re.Match[str]) -> None:
        self._end_block()
        content, data = self._split(heading.group(2))
        self.section = _text(content).strip()
        self.doc.sections.append((self.section, len(heading.group(1))))
        self.doc.section_data.append({})
        _merge(self.doc.section_data[-1], data or {})
        self.last_top = ("heading", self.section)
        self.heading_at = self.read

    def _text_line(self, content: str) -> None:
        """A line that starts an element, or continues the text of the one before.

        A data block alone on the line right after a heading is the heading's.
        """
        if self.heading_at == self.read - 1 and _PLACE.fullmatch(content.rstrip()):
            _merge(self.doc.section_data[-1], self._split(content)[1] or {})
            return
        if self.member is not None and (_LINK.match(content) or not _ELEMENT.match(content)):
            self.member.add(*self._split(content))
            return
        self._end_block()
        opened, _ = self.element(content, 0)
        self.stack = [opened]
        self.last_top = (opened.kind, opened.title)

    def _close_to(self, indent: int) -> None:
        """Close the open elements indented `indent` or more, the innermost first."""
        stack = self.stack
        while stack and stack[-1].indent >= indent:
            closed = stack.pop()
            if closed.member is not None:
                closed.member.close()
                if closed.member is self.member:
                    self.member = None
            if closed.relation is not None:
                self.relate(closed.relation, closed.data)
        if not self.stack:
            self.member = None

    def _end_block(self) -> None:
        """An empty line (or what stands for one): what was open closes."""
        self._close_to(0)
        self.inference = None  # an inference left open ends with its structure (fuzz-found)
        if self.pcs is not None:
            self._close_pcs()

    def _close_pcs(self) -> None:
        assert self.pcs is not None
        if self.pcs.pcs:
            title, _ = self.pcs.pcs[-1]
            self.pcs.pcs[-1] = (title, "main-conclusion")
        self.pcs = None
        self.last_top = ("pcs", "")

    def _inference(self, raw: str) -> None:
        assert self.inference is not None
        assert self.pcs is not None
        end = _INFERENCE_END.search(raw)
        self.inference.append(raw if end is None else raw[: end.start()])
        if end is None:
            return
        content, data = self._split(" ".join(self.inference))
        rules = [r.strip() for r in _text(content).split(",") if r.strip()]
        self.pcs.inferences.append((rules, data or {}))
        # An inference is an element of its own until the end, as in Argdown, where an
        # argument's undercut of its own inference is no relation of the argument with
        # itself (so one under it does not merge it away); `finish` names it by its argument.
        self.inferred = f"\x01{len(self.inferences)}"
        self.inferences[self.inferred] = self.pcs_title
        self.inference = None
        self.after_inference = True
        self.stack = [_Open(0, "inference", self.inferred, None)]  # undercuts go under it

    def _pcs_line(self, content: str) -> None:
        self._close_to(0)
        if self.pcs is None:
            if self.last_top is not None and self.last_top[0] == "argument":
                self.pcs_title = self.last_top[1]
            else:
                self.pcs_title = self._title()
            self.pcs = self.doc.arguments.setdefault(
                self.pcs_title, ArgdownArgument(section=self.section)
            )
            self.after_inference = False
            if self.section is not None:
                self.pcs.section = self.section
        opened, _ = self.element(content, 0)
        self.stack = [opened]
        if opened.kind != "statement":
            self.doc.problems.append(
                f"line {self.number}: an argument where a premise or conclusion belongs; skipped"
            )
            return
        role = "intermediary-conclusion" if self.after_inference else "premise"
        self.pcs.pcs.append((opened.title, role))
        self.after_inference = False

    def _relation(self, relation: re.Match[str]) -> None:
        spaces, symbol, content = relation.groups()
        self._close_to(len(spaces))
        if not self.stack:
            self.doc.problems.append(
                f"line {self.number}: a relation ({symbol}) with no element above it, less "
                "indented, to attach to; skipped"
            )
            return
        above = self.stack[-1]
        parent = above.title
        if symbol in ("_", "<_") and above.kind == "statement" and self.inferred:
            parent = self.inferred  # as in Argdown: an undercut of the last inference read
        opened, data = self.element(content, len(spaces))
        if "#(" in content:  # ``#(rating CC)``: the relation's rating, as data has it
            said = dict(_RATING_TAG.findall(content))
            data = {**said, **data} if data else said or None
        opened.data = data
        if symbol in _OUTGOING:
            opened.relation = (parent, opened.title, _OUTGOING[symbol])
        else:
            opened.relation = (opened.title, parent, _INCOMING[symbol])
        self.stack.append(opened)

    def finish(self) -> ArgdownDocument:
        self._end_block()
        self._name_inferences()
        self._transfer()
        self._drop_redundant_attacks()
        return self.doc

    def _name_inferences(self) -> None:
        """Relations of an inference are its argument's (as Argdown's JSON has them).

        Argdown moves an undercut of an argument with a structure to its last inference,
        merging it with one from the same element there: so each relation is kept once.
        """
        inferences = self.inferences
        if not inferences:
            return
        doc = self.doc
        doc.relations = list(
            dict.fromkeys(
                (inferences.get(frm, frm), inferences.get(to, to), kind)
                for frm, to, kind in doc.relations
            )
        )
        named: dict[tuple[str, str, RelationType], dict[str, Any]] = {}
        for (frm, to, kind), data in doc.relation_data.items():
            _merge(
                named.setdefault((inferences.get(frm, frm), inferences.get(to, to), kind), {}), data
            )
        doc.relation_data = named

    def _transfer(self) -> None:
        """Relations from an argument with a structure start from its main conclusion.

        So Argdown has it: such an argument supports or attacks through its conclusion; one
        that the move would turn into a relation of the conclusion with itself is dropped
        (Argdown finds it among the conclusion's relations already, and merges it away).
        """
        conclusion = {
            name: argument.pcs[-1][0]
            for name, argument in self.doc.arguments.items()
            if argument.pcs
        }
        if not conclusion:
            return
        moved: dict[tuple[str, str, RelationType], None] = {}  # ordered, and O(1) to test
        for source, to, kind in self.doc.relations:
            frm = conclusion.get(source)
            if frm is None:
                moved.setdefault((source, to, kind))
            elif frm != to:
                moved.setdefault((frm, to, kind))
        self.doc.relations = list(moved)

    def _drop_redundant_attacks(self) -> None:
        """A statement's attack on an argument goes when it attacks or contradicts a premise.

        So Argdown has it: the attack on the premise says it all.
        """
        doc = self.doc
        premises = {
            name: {t for t, role in argument.pcs if role == "premise"}
            for name, argument in doc.arguments.items()
            if argument.pcs
        }
        if not premises:
            return
        against: defaultdict[str, set[str]] = defaultdict(set)  # statement: those it opposes
        for frm, to, kind in doc.relations:
            if frm in doc.statements and to in doc.statements:
                if kind in ("attack", "contradictory"):
                    against[frm].add(to)
                if kind == "contradictory":
                    against[to].add(frm)
        doc.relations = [
            (frm, to, kind)
            for frm, to, kind in doc.relations
            if not (
                kind == "attack"
                and to in premises
                and frm in doc.statements
                and against[frm] & premises[to]
            )
        ]


def parse_argdown(text: str, *, path: str | Path | None = None) -> ArgdownDocument:
    """Read Argdown (see the module doc) into an `ArgdownDocument`.

    Args:
        text: The document.
        path: Where it is: when given, each ``@include(file)`` in it is replaced by that
            file's text, relative to it, as ``@argdown/cli`` does.

    Complexity: O(length); see ``benchmarks/bench_interop.py`` for figures.
    """
    if path is not None and "@include(" in text:
        text = _included(Path(path), [], text)
    prepared = _prepare(text)
    parser = _Parser(prepared.data)
    parser.doc.data = prepared.front
    for number, raw in prepared.lines:
        parser.line(number, raw)
    return parser.finish()


def _slug(title: str, taken: set[str]) -> str:
    return unique_id(title, taken, fallback="statement")


_LINK_FIELDS: Final = ("rating", "relevance", "stance", "rationale", "likelihood")
_EVIDENCE_FIELDS: Final = ("credibility", "kind", "occurred", "reported")
_HYPOTHESIS_FIELDS: Final = ("description", "parent", "prior", "period")
_SET_FIELDS: Final = ("exclusive", "exhaustive", "priors", "other_prior")
_ASSUMPTION_FIELDS: Final = ("status", "rationale", "supports")
_RATINGS: Final[dict[str, tuple[Rating, ...]]] = {"support": ("C", "CC"), "attack": ("I", "II")}
"""The ratings a support or an attack can carry in its data; the first goes without saying."""

R = TypeVar("R")


def _fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names if name in data}


def _reason(error: Exception) -> str:
    """The problems an error lists, on one line, without its heading and hints."""
    lines = str(error).splitlines()
    found = [
        line.strip().removeprefix("- ")
        for line in lines[1:]
        if not line.strip().startswith("hint:")
    ]
    return "; ".join(found) or (lines[0] if lines else type(error).__name__)


class _Reading:
    """One document read as a case: ids for titles, and what had no place."""

    def __init__(self, document: ArgdownDocument) -> None:
        self.document = document
        self.problems: list[str] = []
        taken: set[str] = {DOCUMENT_SOURCE}
        self.ids = {t: _slug(t, taken) for t in document.statements}
        self.argument_ids = {t: _slug(t, taken) for t in document.arguments}
        self.taken = taken
        self.undercutters: dict[str, str] = {}
        self.supporters: defaultdict[str, list[str]] = defaultdict(list)
        self.data_links = list(self._data_links())
        self.bearing: set[str] = set()  # titles of statements that bear on others
        self.concluded = self._concluded()

    def record(self, make: Callable[..., R], where: str, data: dict[str, Any], **given: Any) -> R:
        """``make(**given, **data)``; ``make(**given)`` when the data does not fit (noted)."""
        if data:
            try:
                return make(**given, **data)
            except (ValueError, TypeError) as error:  # a RecordError is a ValueError
                self.problems.append(
                    f"{where}: data {data} does not fit ({_reason(error)}); not kept"
                )
        return make(**given)

    def _data_links(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Links written as data on an evidence statement: (its title, the hypothesis's, fields).

        ``{links: {H: N}}``, or ``{links: {H: {rating: N, relevance: high}}}``.
        """
        for name, statement in self.document.statements.items():
            entries = statement.data.get("links")
            if entries is None:
                continue
            if not isinstance(entries, dict):
                self.problems.append(f"statement {name!r}: links {entries!r} are not a mapping")
                continue
            for target, value in entries.items():
                fields = value if isinstance(value, dict) else {"rating": value}
                yield name, str(target), _fields(fields, _LINK_FIELDS)

    def _concluded(self) -> set[str]:
        """Titles of the statements that are hypotheses.

        Those an argument concludes or attacks, or another statement supports or attacks
        (or links to in its data), unless they themselves support or attack a statement: in a
        case, what bears on a hypothesis is evidence. Data ``{hypothesis: true}`` (or
        ``false``) says it outright.
        """
        doc = self.document
        found = {
            t for a in doc.arguments.values() for t, role in a.pcs if role == "main-conclusion"
        }
        bearing = set()
        for frm, to, kind in doc.relations:
            if kind in ("support", "attack") and to in self.ids and frm in self.ids:
                found.add(to)
                bearing.add(frm)
            if kind == "attack" and frm in self.argument_ids and to in self.ids:
                found.add(to)
        for frm, to, _ in self.data_links:
            if to in self.ids:
                found.add(to)
                bearing.add(frm)
        found -= bearing
        self.bearing = bearing
        for name, statement in doc.statements.items():
            said = statement.data.get("hypothesis")
            if said is True:
                found.add(name)
            elif said is False:
                found.discard(name)
        return found

    def statements(self) -> tuple[list[Evidence], list[Hypothesis], list[Assumption]]:
        """Each statement as a hypothesis, an assumption, or an evidence item.

        An assumption is a statement tagged ``#assumption`` that bears on nothing.
        """
        evidence, hypotheses, assumptions = [], [], []
        for name, statement in self.document.statements.items():
            text = _untagged(statement.texts[-1]) if statement.texts else ""
            text = text or name
            where, given = f"statement {name!r}", {"id": self.ids[name]}
            if name in self.concluded:
                fields = _fields(statement.data, _HYPOTHESIS_FIELDS)
                hypotheses.append(self.record(Hypothesis, where, fields, **given, statement=text))
            elif "assumption" in statement.tags and name not in self.bearing:
                fields = _fields(statement.data, _ASSUMPTION_FIELDS)
                assumptions.append(self.record(Assumption, where, fields, **given, statement=text))
            else:
                evidence.append(self._evidence(statement, where, text, **given))
        return evidence, hypotheses, assumptions

    def _evidence(self, statement: ArgdownStatement, where: str, text: str, id: str) -> Evidence:
        tags = statement.data.get("tags")
        if not isinstance(tags, list):  # the Argdown tags, less those that rate a relation
            tags = [t for t in statement.tags if not _RATING_TAG.fullmatch(f"#({t})")]
        return self.record(
            Evidence,
            where,
            _fields(statement.data, _EVIDENCE_FIELDS),
            id=id,
            claim=text,
            quotes=(Quote(source=DOCUMENT_SOURCE, text=text),),
            tags=tuple(t for t in tags if isinstance(t, str) and 0 < len(t.strip()) <= 64),
        )

    def links(self) -> list[Link]:
        """Links from the relations and the data; undercuts and supports of arguments noted."""
        ids, found, seen = self.ids, [], set()
        for frm, to, kind in self.document.relations:
            where = f"{frm!r} {kind} {to!r}"
            if kind == "undercut" and frm in ids and to in self.argument_ids:
                if to in self.undercutters:
                    self.problems.append(f"{where}: a second undercutter; not kept")
                self.undercutters.setdefault(to, ids[frm])
            elif kind == "support" and frm in ids and to in self.argument_ids:
                self.supporters[to].append(ids[frm])
            elif kind in ("support", "attack") and frm in ids and to in ids:
                data = self.document.relation_data.get((frm, to, kind), {})
                link = self._link(frm, to, where, _fields(data, _LINK_FIELDS), kind)
                if link is not None and (frm, to) not in seen:
                    seen.add((frm, to))
                    found.append(link)
                elif link is not None:
                    self.problems.append(f"{where}: a second relation of the pair; not kept")
            elif kind != "contradictory" and not (kind == "attack" and frm in self.argument_ids):
                self.problems.append(f"{where}: no place for it in a case; not kept")
        for frm, to, fields in self.data_links:
            where = f"{frm!r} links to {to!r}"
            link = self._link(frm, to, where, fields, None)
            if link is not None and (frm, to) not in seen:
                seen.add((frm, to))
                found.append(link)
            elif link is not None:
                self.problems.append(f"{where}: a second link of the pair; not kept")
        return found

    def _link(
        self, frm: str, to: str, where: str, fields: dict[str, Any], kind: str | None
    ) -> Link | None:
        """The link from statement `frm` to `to`: a relation's (`kind`) or one in the data."""
        if to not in self.ids:
            self.problems.append(f"{where}: no statement {to!r}; not kept")
            return None
        if to not in self.concluded:
            self.problems.append(f"{where}: between two evidence items; not kept")
            return None
        if frm in self.concluded:
            self.problems.append(f"{where}: from a hypothesis; not kept")
            return None
        allowed = _RATINGS.get(kind or "", ())
        if kind is None and "rating" not in fields:
            self.problems.append(f"{where}: no rating; not kept")
            return None
        if allowed and fields.get("rating", allowed[0]) not in allowed:
            self.problems.append(
                f"{where}: rating {fields['rating']!r} does not fit a {kind}; {allowed[0]} kept"
            )
            fields = {k: v for k, v in fields.items() if k != "rating"}
        if allowed:
            fields = {"rating": allowed[0], **fields}
        given = {"evidence": self.ids[frm], "hypothesis": self.ids[to]}
        rating = fields.pop("rating")
        if not allowed and rating not in RATINGS:
            self.problems.append(f"{where}: rating {rating!r} is not one of {RATINGS}; not kept")
            return None
        return self.record(Link, where, fields, rating=rating, **given)

    def arguments(self) -> Iterator[Argument]:
        for name, argument in self.document.arguments.items():
            if any(rules or data for rules, data in argument.inferences):
                self.problems.append(
                    f"argument {name!r}: the rules and data of its inferences have no place "
                    "in a case; not kept"
                )
            common = functools.partial(
                Argument,
                id=self.argument_ids[name],
                undercutter=self.undercutters.get(name),
                description=_untagged(argument.texts[0]) or None if argument.texts else None,
            )
            if argument.pcs:
                premises = tuple(
                    self.ids[t] for t, role in argument.pcs if role != "main-conclusion"
                )
                if premises:
                    yield common(premises=premises, conclusion=self.ids[argument.pcs[-1][0]])
                else:
                    self.problems.append(
                        f"argument {name!r} has a conclusion and no premise; not kept"
                    )
                continue
            targets = [
                to for frm, to, kind in self.document.relations if frm == name and kind == "attack"
            ]
            premises = tuple(self.supporters.get(name, ()))
            if len(targets) == 1 and premises and targets[0] in self.ids:
                yield common(premises=premises, conclusion=self.ids[targets[0]], stance="con")
            else:
                self.problems.append(
                    f"argument {name!r} has no premise-conclusion structure and not one attack "
                    "with supporting statements; not kept"
                )


def read_argdown(path: str | Path) -> ArgdownImport:
    """Read an Argdown file as a case; its title is the front matter's, or the file's name.

    Raises:
        CaseFileError: The file is missing or is not UTF-8 text.
    """
    return argdown_to_case(parse_argdown(read_text(path), path=path), title=Path(path).stem)


_INCLUDE: Final = re.compile(r"@include\(([^)]+)\)")


def _included(path: Path, seen: list[Path], text: str | None = None) -> str:
    """The file's text with each ``@include(file)`` replaced by that file, as the CLI does.

    Paths are relative to the including file; a file included a second time is left out
    (the CLI puts a comment in its place), so that includes cannot loop.
    """

    def include(match: re.Match[str]) -> str:
        target = (path.parent / match.group(1)).resolve()
        if target in seen:
            return f"<!-- Include failed: File '{target}' already included. -->"
        seen.append(target)
        return _included(target, seen)

    return _INCLUDE.sub(include, read_text(path) if text is None else text)


def argdown_to_case(document: ArgdownDocument, *, title: str = "Argdown document") -> ArgdownImport:
    """A case from an Argdown document (see the module doc). O(size).

    Titles become ids: lowercased, with every run of other characters a hyphen (a
    title that is already an id stays as it is).
    """
    reading = _Reading(document)
    reading.problems += document.problems
    evidence, hypotheses, assumptions = reading.statements()
    links = reading.links()
    parts: dict[str, Any] = {
        "meta": CaseMeta(
            title=str(document.data.get("title") or title),
            description="Imported from an Argdown document.",
        ),
        "sources": (Source(id=DOCUMENT_SOURCE, title=title, notes="The Argdown document itself."),),
        "evidence": tuple(evidence),
        "hypotheses": tuple(hypotheses),
        "assumptions": tuple(assumptions),
        "links": tuple(links),
        "arguments": tuple(reading.arguments()),
    }
    parts["hypothesis_sets"] = tuple(_sets(reading, {h.id for h in hypotheses}))
    try:
        case = Case(**parts)
    except ValueError as error:  # the data made the parts disagree (a prior, a parent)
        reading.problems.append(
            f"the data of the document does not fit together ({_reason(error)}); read without it"
        )
        case = argdown_to_case(_without_data(document), title=title).case
    return ArgdownImport(case, tuple(reading.problems))


def _without_data(document: ArgdownDocument) -> ArgdownDocument:
    """The document without the data of its statements, relations and headings."""
    return dataclasses.replace(
        document,
        statements={t: dataclasses.replace(s, data={}) for t, s in document.statements.items()},
        relation_data={},
        section_data=[{} for _ in document.section_data],
    )


def _sets(reading: _Reading, hypotheses: set[str]) -> list[HypothesisSet]:
    """The sets of hypotheses.

    Hypotheses that share a tag, or whose tag a heading names (``{set: tag}``), and two
    hypotheses that contradict each other.
    """
    document, ids = reading.document, reading.ids
    by_tag: dict[str, list[str]] = {}
    question: dict[str, str] = {}
    for name, statement in document.statements.items():
        if ids[name] not in hypotheses:
            continue
        for tag in statement.tags:
            by_tag.setdefault(tag, []).append(ids[name])
            question.setdefault(tag, statement.section or tag)
    declared = {
        str(data["set"]): (heading, data)
        for (heading, _), data in zip(document.sections, document.section_data, strict=True)
        if isinstance(data.get("set"), str | int)
    }
    grouped = {
        h for tag, members in by_tag.items() if len(members) > 1 or tag in declared for h in members
    }
    sets = []
    for tag, members in by_tag.items():
        if len(members) > 1 or tag in declared:
            heading, data = declared.get(tag, (question[tag], {}))
            sets.append(
                reading.record(
                    HypothesisSet,
                    f"the set of {tag!r}",
                    _fields(data, _SET_FIELDS),
                    id=_slug(tag, reading.taken),
                    question=heading,
                    hypotheses=tuple(members),
                )
            )
    for a, b, kind in document.relations:
        if kind != "contradictory":
            continue
        a_id, b_id, where = ids.get(a, ""), ids.get(b, ""), f"{a!r} contradictory {b!r}"
        if a_id not in hypotheses or b_id not in hypotheses:
            reading.problems.append(f"{where}: not between two hypotheses; not kept")
        elif not {a_id, b_id} & grouped:
            sets.append(
                HypothesisSet(
                    id=_slug(f"{a_id}-or-{b_id}", reading.taken),
                    question=f"{a_id} or {b_id}?",
                    hypotheses=(a_id, b_id),
                )
            )
            grouped |= {a_id, b_id}
        elif not any({a_id, b_id} <= set(group.hypotheses) for group in sets):
            reading.problems.append(f"{where}: the two are in other sets already; not kept")
    return sets


def _untagged(text: str) -> str:
    """A text without its tags, which Argdown keeps in the text (and without `_line`'s joiners)."""
    plain = text.replace(_SLASHES, "//").replace("/\u2060*", "/*")
    return re.sub(r"\s+", " ", _TAG.sub("", plain)).strip()


def _line(text: str) -> str:
    r"""One-line text for Argdown: no line breaks, and nothing that would start syntax.

    Square brackets become round ones, a number sign the full-width one (U+FF03), so
    that no text turns into a reference or a tag; braces and backslashes are escaped
    (``\\{``), so that none starts a data block; and a word joiner (U+2060) goes between
    the characters of ``//`` and ``/*``, which would start a comment (`_untagged` takes it
    out again).
    """
    flat = re.sub(r"\s+", " ", text).replace("[", "(").replace("]", ")").replace("#", "\uff03")
    flat = flat.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return flat.replace("//", _SLASHES).replace("/*", "/\u2060*").strip()


_PLAIN_WORD: Final = re.compile(r"[A-Za-z][\w-]*")
_YAML_WORDS: Final = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
_PLAIN_TAG: Final = re.compile(r"[\w\- .]+")
"""Tags written ``#(tag)``; others (with brackets, slashes, ...) go into the data."""


def _flow(value: Any) -> str:
    """A value as flow YAML, read back as it is by our reader and by Argdown's.

    Strings are plain when they are words, else JSON (which is YAML) with braces escaped,
    so that no brace in a string ends Argdown's data block.
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str) and _PLAIN_WORD.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")


def _data_block(data: dict[str, Any]) -> str:
    return f" {_flow(data)}" if data else ""


_ADAPTERS: Final[dict[type[Any], TypeAdapter[Any]]] = {}


def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = TypeAdapter(kind)
    return _ADAPTERS[kind]


def _dumped(value: Any, *leave_out: str) -> dict[str, Any]:
    """A record's fields that are not defaults, as JSON-like data, less `leave_out`."""
    data: dict[str, Any] = _adapter(type(value)).dump_python(
        value, exclude_defaults=True, mode="json"
    )
    return {k: v for k, v in data.items() if k not in leave_out}


def _argument_lines(argument: Argument) -> list[str]:
    described = f": {_line(argument.description)}" if argument.description else ""
    lines = [f"<{argument.id}>{described}"]
    if argument.undercutter:
        lines.append(f"  _ [{argument.undercutter}]")
    if argument.stance == "con":
        lines.append(f"  -> [{argument.conclusion}]")
        lines.extend(f"  <+ [{p}]" for p in argument.premises)
        return [*lines, ""]
    lines += ["", f"<{argument.id}>", ""]
    lines += [f"({n}) [{p}]" for n, p in enumerate(argument.premises, 1)]
    return [*lines, "----", f"({len(argument.premises) + 1}) [{argument.conclusion}]", ""]


class _Writing:
    """A case as Argdown: what each statement needs, worked out once."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.incoming: defaultdict[str, list[str]] = defaultdict(list)  # hypothesis: lines
        self.neutral: defaultdict[str, dict[str, Any]] = defaultdict(dict)  # evidence: links
        bearing, borne = set(), set()
        for link in case.links:
            bearing.add(link.evidence)
            borne.add(link.hypothesis)
            stance = stance_of(link.rating)
            fields = _dumped(link, "evidence", "hypothesis")
            if stance == "neutral":
                self.neutral[link.evidence][link.hypothesis] = (
                    fields["rating"] if fields.keys() == {"rating"} else fields
                )
                continue
            kind = "support" if stance == "supports" else "attack"
            if fields.get("rating") == _RATINGS[kind][0]:
                del fields["rating"]
            sign = "+" if kind == "support" else "-"
            self.incoming[link.hypothesis].append(
                f"  {sign} [{link.evidence}]{_data_block(fields)}"
            )
        borne |= {a.conclusion for a in case.arguments}
        self.written = {
            x.id for part in (case.evidence, case.hypotheses, case.assumptions) for x in part
        } | {a.id for a in case.arguments}
        """Ids of what the document has: statements and arguments."""
        self.read_as_hypothesis = borne - bearing
        """What the reader takes for hypotheses, unless told otherwise in the data."""

    def _tags(self, tags: tuple[str, ...] | list[str]) -> str:
        return "".join(f" #{t}" if re.fullmatch(r"[\w-]+", t) else f" #({t})" for t in tags)

    def heading(self, group: HypothesisSet, members: list[str]) -> str:
        """The set's heading, with data where the tags alone would not give the set back."""
        data = _dumped(group, "id", "question", "hypotheses")
        if data or len(group.hypotheses) < 2 or members != list(group.hypotheses):
            data = {"set": group.id, **data}
        return f"# {_line(group.question)}{_data_block(data)}"

    def hypothesis(self, hypothesis: Hypothesis, sets: list[str]) -> list[str]:
        data = _dumped(hypothesis, "id", "statement")
        if hypothesis.id not in self.read_as_hypothesis:
            data["hypothesis"] = True
        text = _line(hypothesis.statement)
        head = f"[{hypothesis.id}]: {text}{self._tags(sets)}{_data_block(data)}"
        return [head, *self.incoming[hypothesis.id], ""]

    def evidence(self, item: Evidence) -> list[str]:
        data = _dumped(item, "id", "claim", "quotes", "actors", "tags")
        tags = ""
        if all(_PLAIN_TAG.fullmatch(t) for t in item.tags):
            tags = self._tags(item.tags)
        else:
            data["tags"] = list(item.tags)
        if item.id in self.neutral:
            data["links"] = self.neutral[item.id]
        if item.id in self.read_as_hypothesis:
            data["hypothesis"] = False
        return [f"[{item.id}]: {_line(item.claim)}{tags}{_data_block(data)}", ""]

    def assumption(self, assumption: Assumption) -> list[str]:
        """An assumption, and what it supports among the statements and arguments.

        An Argdown map has no sources, scenarios or indicators to name.
        """
        data = _dumped(assumption, "id", "statement", "supports")
        supports = [s for s in assumption.supports if s in self.written]
        if supports:
            data["supports"] = supports
        if assumption.id in self.read_as_hypothesis:
            data["hypothesis"] = False
        return [
            f"[{assumption.id}]: {_line(assumption.statement)} #assumption{_data_block(data)}",
            "",
        ]


def to_argdown(case: Case) -> str:
    """The case as an Argdown document (see the module doc). O(size)."""
    writing = _Writing(case)
    out = ["===", f"title: {json.dumps(case.meta.title, ensure_ascii=False)}", "===", ""]
    sets_of: defaultdict[str, list[str]] = defaultdict(list)
    for group in case.hypothesis_sets:
        for member in group.hypotheses:
            sets_of[member].append(group.id)
    by_id = {h.id: h for h in case.hypotheses}
    for group in case.hypothesis_sets:
        members = [h for h in group.hypotheses if sets_of[h][0] == group.id]
        out += [writing.heading(group, members), ""]
        for member in members:
            out += writing.hypothesis(by_id[member], sets_of[member])
    loose = [h for h in case.hypotheses if h.id not in sets_of]
    if loose:
        out += ["# Other hypotheses", ""]
    for hypothesis in loose:
        out += writing.hypothesis(hypothesis, [])
    out += ["# Evidence", ""]
    for item in case.evidence:
        out += writing.evidence(item)
    for assumption in case.assumptions:
        out += writing.assumption(assumption)
    if case.arguments:
        out += ["# Arguments", ""]
    for argument in case.arguments:
        out += _argument_lines(argument)
    return "\n".join(out).rstrip("\n") + "\n"
