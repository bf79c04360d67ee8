"""Argdown: write a case as an Argdown document, and read the core of Argdown into a case.

`Argdown <https://argdown.org>`_ is a Markdown-like language for argument maps. The
reader takes its core, checked against the reference implementation (``@argdown/cli``,
whose JSON export the test suite compares with `parse_argdown`):

- statements ``[Title]: text`` and references ``[Title]``; untitled statements (named
  ``Untitled 1``, ``Untitled 2``, ... in order of appearance);
- arguments ``<Title>: text`` and references ``<Title>``;
- premise–conclusion structures: numbered lines ``(1) ...`` after an argument, with
  inferences ``----`` or ``--`` rule ``--`` (the last statement is the main conclusion,
  one right after an inference an intermediary conclusion);
- relations, indented under an element: ``+`` ``-`` ``_`` (incoming support, attack,
  undercut, also ``<+`` ``<-`` ``<_``), ``+>`` ``->`` ``_>`` (outgoing) and ``><``
  (contradiction), nested to any depth; as in Argdown, a relation from an argument with
  a premise–conclusion structure starts from its main conclusion;
- tags ``#tag`` and ``#(tag with spaces)``, headings ``#``, ``##`` ... as sections, the
  front matter between ``===`` lines and data blocks ``{key: value}`` (read as YAML);
- comments ``//`` and ``/* ... */``.

Left out: Argdown's equivalence classes across different titles, inference rules'
metadata, and the Markdown inside texts (kept as it is).

**Reading a document into a case** (`argdown_to_case`): a statement that some argument
concludes or attacks, or that another statement supports or attacks, is a **hypothesis**,
unless it supports or attacks a statement itself; every other statement is an
**evidence** item quoting itself (from one source standing for the document). An
argument with a premise–conclusion structure is a pro **argument** from its premises to
its main conclusion; an argument without one that attacks a statement is a con argument
from the statements that support it. Support and attack from an evidence statement to a
hypothesis are **links** rated ``C`` and ``I``; an undercut of an argument by a statement
is its **undercutter**. Hypotheses that share a tag form a **set** (the tag is its id,
the section heading its question), and so do two that contradict each other. Tags are
taken out of the texts. What has no place in a case is reported in
`ArgdownImport.problems`.

**Writing** (`to_argdown`) gives each set a heading, each hypothesis a statement tagged
with its set, links as support and attack relations, pro arguments as premise–conclusion
structures and con arguments as attacks, so reading the result gives the case back
(property-tested: ids, texts, sets, link stances, arguments).

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

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from scenarios.io._ids import unique_id
from scenarios.io._yaml import YamlProblem, parse_yaml
from scenarios.io.files import read_text
from scenarios.model.arguments import Argument
from scenarios.model.case import Case, CaseMeta
from scenarios.model.evidence import Evidence
from scenarios.model.hypotheses import Hypothesis, HypothesisSet
from scenarios.model.links import Link, stance_of
from scenarios.model.sources import Quote, Source
from scenarios.types import Rating

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
_RELATION: Final = re.compile(r"^(\s+)(\+>|->|_>|<\+|<-|<_|><|\+|-|_)\s+(.*)$")
_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_PCS_LINE: Final = re.compile(r"^\s*\((\d+)\)\s+(.*)$")
_ELEMENT: Final = re.compile(r"^(?:\[(?P<s>[^\]]+)\]|<(?P<a>[^>]+)>)(?::\s*(?P<text>.*))?$")
_TAG: Final = re.compile(r"#\(([^)]*)\)|#([\w-]+)")
_DATA: Final = re.compile(r"\s*(\{.*\})\s*$")
_BLOCK_COMMENT: Final = re.compile(r"/\*.*?\*/", re.DOTALL)
_LINE_COMMENT: Final = re.compile(r"(^|\s)//.*$", re.MULTILINE)
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
    """An argument: its descriptions, tags, and premise–conclusion structure."""

    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pcs: list[tuple[str, str]] = field(default_factory=list)
    """(statement title, role): ``premise``, ``intermediary-conclusion`` or ``main-conclusion``."""
    section: str | None = None


@dataclass
class ArgdownDocument:
    """What an Argdown document says, before it is read as a case.

    Attributes:
        statements: By title, in order of first appearance.
        arguments: By title, in order of first appearance.
        relations: (from title, to title, type), each once, in order.
        sections: (title, level) of each heading, in order.
        data: The front matter.
        problems: Lines that could not be read, with their number.
    """

    statements: dict[str, ArgdownStatement] = field(default_factory=dict)
    arguments: dict[str, ArgdownArgument] = field(default_factory=dict)
    relations: list[tuple[str, str, RelationType]] = field(default_factory=list)
    sections: list[tuple[str, int]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArgdownImport:
    """A case read from Argdown, and what had no place in it (one line each)."""

    case: Case
    problems: tuple[str, ...]


def _yaml(text: str) -> dict[str, Any]:
    """A data block or the front matter, read by the safe reader (no tags, no aliases)."""
    try:
        value = parse_yaml(text, max_depth=20)
    except YamlProblem:
        return {}
    return value if isinstance(value, dict) else {}


def _tags(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in _TAG.finditer(text)]


class _Parser:
    def __init__(self) -> None:
        self.doc = ArgdownDocument()
        self.untitled = 0
        self.section: str | None = None
        self.stack: list[tuple[int, str, str]] = []  # (indent, kind, title)
        self.last: tuple[str, str] | None = None  # the element a continuation line extends
        self.pcs_owner: str | None = None
        self.pcs_after_inference = False
        self.in_rule = False
        self.number = 0  # of the line being read, 1-based
        self.seen_relations: set[tuple[str, str, RelationType]] = set()

    def statement(self, title: str | None, text: str | None) -> str:
        if title is None:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
        entry = self.doc.statements.setdefault(title, ArgdownStatement(section=self.section))
        self._describe(entry, text)
        return title

    def argument(self, title: str, text: str | None) -> str:
        entry = self.doc.arguments.setdefault(title, ArgdownArgument(section=self.section))
        self._describe(entry, text)
        return title

    @staticmethod
    def _describe(entry: ArgdownStatement | ArgdownArgument, text: str | None) -> None:
        if text is None:
            return
        found = _DATA.search(text)
        if found:
            data = _yaml(found.group(1))
            if data or found.group(1).strip() == "{}":
                text = text[: found.start()]
                if isinstance(entry, ArgdownStatement):
                    entry.data.update(data)
        text = text.strip()
        if text:
            entry.texts.append(text)
            entry.tags += [t for t in _tags(text) if t not in entry.tags]

    def element(self, content: str) -> tuple[str, str]:
        """Read an element; returns (kind, title)."""
        match = _ELEMENT.match(content.strip())
        if match is None:
            return "statement", self.statement(None, content)
        text = match.group("text")
        if match.group("a") is not None:
            return "argument", self.argument(match.group("a").strip(), text)
        return "statement", self.statement(match.group("s").strip(), text)

    def relate(self, symbol: str, parent: str, child: str) -> None:
        if symbol in _OUTGOING:
            relation = (parent, child, _OUTGOING[symbol])
        else:
            relation = (child, parent, _INCOMING[symbol])
        if relation not in self.seen_relations:  # a set beside the list: O(1) per line
            self.seen_relations.add(relation)
            self.doc.relations.append(relation)

    def line(self, raw: str) -> None:
        self.number += 1
        if not raw.strip():
            self.last = None
            self.stack = []
            return
        if self.in_rule:
            if raw.strip() == "--":
                self.in_rule = False
            return
        heading = _HEADING.match(raw)
        if heading and not raw.startswith((" ", "\t")):
            self.section = heading.group(2)
            self.doc.sections.append((self.section, len(heading.group(1))))
            self.pcs_owner = None
            return
        if self.pcs_owner is not None and self._pcs(raw):
            return
        relation = _RELATION.match(raw)
        if relation:
            self._relation(relation)
            return
        indent = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if self.last is not None and not content.startswith(("[", "<")):
            self._continue(content)
            return
        kind, title = self.element(content)
        self.stack = [(indent, kind, title)]
        self.last = (kind, title)
        self.pcs_owner = title if kind == "argument" and indent == 0 else None
        self.pcs_after_inference = False

    def _relation(self, relation: re.Match[str]) -> None:
        indent = len(relation.group(1).expandtabs(4))
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        if not self.stack:
            self.doc.problems.append(
                f"line {self.number}: a relation ({relation.group(2)}) with no element "
                "above it, less indented, to attach to; skipped"
            )
            return
        kind, title = self.element(relation.group(3))
        self.relate(relation.group(2), self.stack[-1][2], title)
        self.stack.append((indent, kind, title))
        self.last = (kind, title)

    def _continue(self, content: str) -> None:
        assert self.last is not None
        kind, title = self.last
        entry: ArgdownStatement | ArgdownArgument = (
            self.doc.statements[title] if kind == "statement" else self.doc.arguments[title]
        )
        if entry.texts:
            entry.texts[-1] = f"{entry.texts[-1]} {content}"
            entry.tags += [t for t in _tags(content) if t not in entry.tags]

    def _pcs(self, raw: str) -> bool:
        """Read one line of a premise–conclusion structure; False when it is not one."""
        assert self.pcs_owner is not None
        argument = self.doc.arguments[self.pcs_owner]
        stripped = raw.strip()
        if re.fullmatch(r"-{3,}", stripped) or stripped == "--":
            self.in_rule = stripped == "--"
            self.pcs_after_inference = True
            return True
        numbered = _PCS_LINE.match(raw)
        if numbered is None:
            return False
        kind, title = self.element(numbered.group(2))
        if kind != "statement":
            return False
        role = "intermediary-conclusion" if self.pcs_after_inference else "premise"
        argument.pcs.append((title, role))
        self.pcs_after_inference = False
        self.last = ("statement", title)
        self.stack = []
        return True

    def finish(self) -> ArgdownDocument:
        for argument in self.doc.arguments.values():
            if argument.pcs:
                title, _ = argument.pcs[-1]
                argument.pcs[-1] = (title, "main-conclusion")
        self._transfer()
        return self.doc

    def _transfer(self) -> None:
        """Relations from an argument with a structure start from its main conclusion.

        So Argdown has it: such an argument supports or attacks through its conclusion, and
        its support of its own conclusion goes without saying.
        """
        conclusion = {
            name: argument.pcs[-1][0]
            for name, argument in self.doc.arguments.items()
            if argument.pcs
        }
        moved: dict[tuple[str, str, RelationType], None] = {}  # ordered, and O(1) to test
        for source, to, kind in self.doc.relations:
            frm = conclusion.get(source, source)
            if not (frm == to and kind == "support"):
                moved.setdefault((frm, to, kind))
        self.doc.relations = list(moved)


def parse_argdown(text: str) -> ArgdownDocument:
    """Read the core of Argdown (see the module doc) into an `ArgdownDocument`.

    Complexity: O(length); see ``benchmarks/bench_interop.py`` for figures.
    """
    parser = _Parser()
    text = text.replace("\r\n", "\n")
    front = re.match(r"^\s*===\n(.*?)\n===\s*\n", text, re.DOTALL)
    if front:
        parser.doc.data = _yaml(front.group(1))
        parser.number = text[: front.end()].count("\n")
        text = text[front.end() :]
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)  # keep lines
    text = _LINE_COMMENT.sub(r"\1", text)
    for raw in text.split("\n"):
        parser.line(raw.rstrip())
    return parser.finish()


def _slug(title: str, taken: set[str]) -> str:
    return unique_id(title, taken, fallback="statement")


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
        self.concluded = self._concluded()

    def _concluded(self) -> set[str]:
        """Titles of the statements that are hypotheses.

        Those an argument concludes or attacks, or another statement supports or attacks,
        unless they themselves support or attack a statement: in a case, what bears on a
        hypothesis is evidence.
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
        return found - bearing

    def statements(self) -> tuple[list[Evidence], list[Hypothesis]]:
        evidence, hypotheses = [], []
        for name, statement in self.document.statements.items():
            text = _untagged(statement.texts[-1]) if statement.texts else ""
            text = text or name
            if name in self.concluded:
                hypotheses.append(Hypothesis(id=self.ids[name], statement=text))
                continue
            evidence.append(
                Evidence(
                    id=self.ids[name],
                    claim=text,
                    quotes=(Quote(source=DOCUMENT_SOURCE, text=text),),
                    kind="statement",
                    tags=tuple(t for t in statement.tags if 0 < len(t.strip()) <= 64),
                )
            )
        return evidence, hypotheses

    def links(self) -> list[Link]:
        """Links from the relations; undercuts and supports of arguments noted for later."""
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
                if to not in self.concluded:
                    self.problems.append(f"{where}: between two evidence items; not kept")
                elif (frm, to) in seen:
                    self.problems.append(f"{where}: a second relation of the pair; not kept")
                else:
                    seen.add((frm, to))
                    rating: Rating = "C" if kind == "support" else "I"
                    found.append(Link(evidence=ids[frm], hypothesis=ids[to], rating=rating))
            elif kind != "contradictory" and not (kind == "attack" and frm in self.argument_ids):
                self.problems.append(f"{where}: no place for it in a case; not kept")
        return found

    def arguments(self) -> Iterator[Argument]:
        for name, argument in self.document.arguments.items():
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
    return argdown_to_case(parse_argdown(read_text(path)), title=Path(path).stem)


def argdown_to_case(document: ArgdownDocument, *, title: str = "Argdown document") -> ArgdownImport:
    """A case from an Argdown document (see the module doc). O(size).

    Titles become ids: lowercased, with every run of other characters a hyphen (a
    title that is already an id stays as it is).
    """
    reading = _Reading(document)
    reading.problems += document.problems
    evidence, hypotheses = reading.statements()
    links = reading.links()
    arguments = tuple(reading.arguments())
    case = Case(
        meta=CaseMeta(
            title=str(document.data.get("title") or title),
            description="Imported from an Argdown document.",
        ),
        sources=(Source(id=DOCUMENT_SOURCE, title=title, notes="The Argdown document itself."),),
        evidence=tuple(evidence),
        hypotheses=tuple(hypotheses),
        hypothesis_sets=tuple(_sets(document, reading.ids, {h.id for h in hypotheses})),
        links=tuple(links),
        arguments=arguments,
    )
    return ArgdownImport(case, tuple(reading.problems))


def _sets(
    document: ArgdownDocument, ids: dict[str, str], hypotheses: set[str]
) -> list[HypothesisSet]:
    by_tag: dict[str, list[str]] = {}
    question: dict[str, str] = {}
    for name, statement in document.statements.items():
        if ids[name] not in hypotheses:
            continue
        for tag in statement.tags:
            by_tag.setdefault(tag, []).append(ids[name])
            question.setdefault(tag, statement.section or tag)
    grouped = {h for members in by_tag.values() if len(members) > 1 for h in members}
    pairs = [
        (ids[a], ids[b])
        for a, b, kind in document.relations
        if kind == "contradictory" and a in ids and b in ids
    ]
    sets = []
    taken: set[str] = set(ids.values())
    for tag, members in by_tag.items():
        if len(members) > 1:
            sets.append(
                HypothesisSet(
                    id=_slug(tag, taken), question=question[tag], hypotheses=tuple(members)
                )
            )
    for a, b in pairs:
        if a in hypotheses and b in hypotheses and not {a, b} & grouped:
            sets.append(
                HypothesisSet(
                    id=_slug(f"{a}-or-{b}", taken), question=f"{a} or {b}?", hypotheses=(a, b)
                )
            )
            grouped |= {a, b}
    return sets


def _untagged(text: str) -> str:
    """A text without its tags, which Argdown keeps in the text (and without `_line`'s joiners)."""
    plain = text.replace(_SLASHES, "//").replace("/\u2060*", "/*")
    return re.sub(r"\s+", " ", _TAG.sub("", plain)).strip()


def _line(text: str) -> str:
    """One-line text for Argdown: no line breaks, and nothing that would start syntax.

    Square brackets become round ones, a number sign the full-width one (U+FF03), so
    that no text turns into a reference or a tag, and a word joiner (U+2060) goes between
    the characters of ``//`` and ``/*``, which would start a comment (`_untagged` takes it
    out again).
    """
    flat = re.sub(r"\s+", " ", text).replace("[", "(").replace("]", ")").replace("#", "\uff03")
    return flat.replace("//", _SLASHES).replace("/*", "/\u2060*").strip()


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


def to_argdown(case: Case) -> str:
    """The case as an Argdown document (see the module doc). O(size)."""
    out = ["===", f"title: {json.dumps(case.meta.title, ensure_ascii=False)}", "===", ""]
    in_set = {h.id: home[0].id for h in case.hypotheses if (home := case.sets_of(h.id))}
    incoming: defaultdict[str, list[str]] = defaultdict(list)
    for link in case.links:
        stance = stance_of(link.rating)
        if stance != "neutral":
            sign = "+" if stance == "supports" else "-"
            incoming[link.hypothesis].append(f"  {sign} [{link.evidence}]")
    by_id = {h.id: h for h in case.hypotheses}
    groups: list[tuple[str, str | None, list[str]]] = [
        (f"# {_line(g.question)}", g.id, list(g.hypotheses)) for g in case.hypothesis_sets
    ]
    loose = [h.id for h in case.hypotheses if h.id not in in_set]
    if loose:
        groups.append(("# Other hypotheses", None, loose))
    for heading, group_id, members in groups:
        out += [heading, ""]
        for member in members:
            if in_set.get(member) == group_id:
                tag = f" #{group_id}" if group_id else ""
                out += [f"[{member}]: {_line(by_id[member].statement)}{tag}", *incoming[member], ""]
    out += ["# Evidence", ""]
    for item in case.evidence:
        out += [f"[{item.id}]: {_line(item.claim)}", ""]
    for assumption in case.assumptions:
        out += [f"[{assumption.id}]: {_line(assumption.statement)} #assumption", ""]
    if case.arguments:
        out += ["# Arguments", ""]
    for argument in case.arguments:
        out += _argument_lines(argument)
    return "\n".join(out).rstrip("\n") + "\n"
