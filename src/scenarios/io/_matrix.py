r"""ACH matrices as spreadsheets keep them: a CSV with items as rows and hypotheses as columns.

The form analysts keep in Excel and that PARC ACH exports: one row per item of evidence,
one column per hypothesis, a rating in each cell. `read_matrix_csv` reads it into a case;
`scenarios ach --format csv` (`scenarios.render.matrix_csv`) writes one that reads
back.

Columns, recognised by their heading (case and spaces do not matter):

- the item's **id**: ``evidence``, ``id`` or ``item`` (the first column when none is named);
  ids are made from the claims when the column is missing;
- its **claim**: ``claim``, ``description``, ``evidence text`` or ``text``;
- optional: ``credibility`` (1-6), ``relevance`` (low, medium, high; it applies to every
  link of the row), ``source`` (a source name or id) and ``reliability`` (A-F, of that
  source), ``date`` or ``occurred``;
- ignored: ``diagnosticity``, ``weight``, ``type``, ``notes``;
- every other column is a hypothesis; its heading is its statement, its id made from it
  (or the heading itself when it is already an id).

Cells hold ACH ratings: ``CC``, ``C``, ``N``, ``I``, ``II``, ``NA``, PARC ACH's words
(``Very Consistent``, ``Consistent``, ``Neutral``, ``Inconsistent``, ``Very
Inconsistent``, ``Not Applicable``) or signs (``++``, ``+``, ``0``, ``-``, ``--``); an
empty cell is no link. Rows after the items that summarise them (``inconsistencies``,
``weighted``, ``rank``, ``score``...) are skipped. The hypotheses form one set.

A spreadsheet holds no quotes: each item's quote is its claim as the matrix states it,
from a source standing for the matrix (or for the row's ``source``), so that the case is
valid; `MatrixImport.problems` says so, and `scenarios check` reports the quotes as
unverified until they are replaced with the sources' own words.

Examples:
    >>> text = "evidence,claim,Corrosion,Digging\nrust,Heavy rust on the pipe.,CC,I\n"
    >>> found = parse_matrix_csv(text, title="Mill Lane")
    >>> [(link.evidence, link.hypothesis, link.rating) for link in found.case.links]
    [('rust', 'corrosion', 'CC'), ('rust', 'digging', 'I')]
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar, get_args

from scenarios.errors import CaseFileError, FileProblem, RecordError
from scenarios.io._files import read_text
from scenarios.io._ids import unique_id
from scenarios.model import Case, CaseMeta, Evidence, Hypothesis, HypothesisSet, Link, Quote, Source
from scenarios.model._messages import explain
from scenarios.model._paths import format_path
from scenarios.types import Rating, Relevance

__all__ = ["MATRIX_SOURCE", "MatrixImport", "parse_matrix_csv", "read_matrix_csv"]

MATRIX_SOURCE: Final = "matrix"
"""Id of the source that stands for the spreadsheet when rows name no source."""

_RATINGS: Final[dict[str, Rating]] = {
    "cc": "CC", "c": "C", "n": "N", "i": "I", "ii": "II", "na": "NA", "n/a": "NA",
    "very consistent": "CC", "consistent": "C", "neutral": "N", "inconsistent": "I",
    "very inconsistent": "II", "not applicable": "NA",
    "++": "CC", "+": "C", "0": "N", "-": "I", "--": "II",
}  # fmt: skip
_ID: Final = ("evidence", "id", "item")
_CLAIM: Final = ("claim", "description", "evidence text", "text")
_IGNORED: Final = ("diagnosticity", "weight", "type", "notes")
_SUMMARY: Final = re.compile(
    r"^(inconsistenc|weighted|rank|score|total|consisten|sum)", re.IGNORECASE
)
_CREDIBILITY_HINT: Final = "write a whole number from 1 (confirmed) to 6 (cannot be judged)"
_RELEVANCES: Final[tuple[str, ...]] = get_args(Relevance)

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class MatrixImport:
    """A case read from a matrix, and what the reader could not take as it stood.

    Attributes:
        case: The case.
        problems: One line per cell or row not read as it stood, and the quotes' origin.
    """

    case: Case
    problems: tuple[str, ...]


def _key(heading: str) -> str:
    return " ".join(heading.strip().lower().replace("_", " ").split())


def _columns(header: Sequence[str]) -> dict[str, int]:
    """Which column holds what: the named fields, and ``h:<heading>`` for hypotheses."""
    found: dict[str, int] = {}
    for k, heading in enumerate(header):
        key = _key(heading)
        role = (
            "id" if key in _ID else
            "claim" if key in _CLAIM else
            key if key in ("credibility", "relevance", "source", "reliability") else
            "date" if key in ("date", "occurred") else
            "" if key in _IGNORED or not key else
            f"h:{heading.strip()}"
        )  # fmt: skip
        if role and role not in found:
            found[role] = k
    if "id" not in found and "claim" not in found and header:
        found["id"] = 0  # the first column names the items
        found.pop(f"h:{header[0].strip()}", None)
    return found


class _Reader:
    """Reads the rows of one matrix into sources, items and links."""

    def __init__(self, header: Sequence[str], title: str, name: str) -> None:
        self.header = [heading.strip() for heading in header]
        self.columns = _columns(header)
        self.title, self.name = title, name
        self.taken: set[str] = {MATRIX_SOURCE}  # one namespace for every id of a case
        self.hypotheses: list[tuple[int, Hypothesis]] = []
        for heading, k in sorted(self.columns.items(), key=lambda pair: pair[1]):
            if heading.startswith("h:"):
                statement = heading[2:]
                self.hypotheses.append(
                    (k, Hypothesis(id=unique_id(statement, self.taken), statement=statement))
                )
        self.sources: dict[str, Source] = {}
        self.by_name: dict[str, str] = {}  # the name a row gives its source -> its id
        self.evidence: list[Evidence] = []
        self.links: list[Link] = []
        self.problems: list[str] = []
        self.errors: list[FileProblem] = []  # cells that make no case, raised together

    def fail(self, line: int | None, column: int | None, message: str, hint: str) -> Exception:
        return CaseFileError([FileProblem(self.name, line, column, "", message, hint)])

    def wrong(self, number: int, role: str, message: str, hint: str | None) -> None:
        """A cell of row `number` that makes no case, located at its column."""
        k = self.columns.get(role)
        problem = (
            FileProblem(self.name, number, None, role, message, hint)
            if k is None  # a value the reader supplied, not a cell: named by its field
            else FileProblem(self.name, number, k + 1, self.header[k], message, hint)
        )
        if problem not in self.errors:  # an empty claim is the item's and its quote's
            self.errors.append(problem)

    def built(
        self, number: int, row: Sequence[str], roles: Mapping[str, str], make: Callable[[], _T]
    ) -> _T | None:
        """What `make` builds, or None with one problem per field it rejected.

        `roles` maps each field of the record to the column its value came from.
        """
        try:
            return make()
        except RecordError as exc:
            for error in exc.errors():
                loc = error["loc"]
                role = roles.get(str(loc[0]), format_path(tuple(loc))) if loc else ""
                message, hint = explain(error, self.cell(row, role) or None)
                if role == "credibility":
                    hint = hint or _CREDIBILITY_HINT
                self.wrong(number, role, message, hint)
            return None

    def cell(self, row: Sequence[str], role: str) -> str:
        k = self.columns.get(role)
        return row[k].strip() if k is not None and k < len(row) else ""

    def source(self, number: int, row: Sequence[str]) -> str | None:
        """The id of the row's source, made when first named (the matrix when none is).

        None when the source cannot be made (a reliability that is not A-F, say).
        """
        named = self.cell(row, "source")
        found = self.by_name.get(named)
        if found is None:
            made = unique_id(named, self.taken) if named else MATRIX_SOURCE
            source = self.built(
                number,
                row,
                {"reliability": "reliability", "title": "source", "id": "source"},
                lambda: Source(
                    id=made,
                    title=named or self.title,
                    reliability=self.cell(row, "reliability").upper() or None,  # type: ignore[arg-type]
                    notes=None if named else "The ACH matrix itself.",
                ),
            )
            if source is None:
                return None
            found = self.by_name[named] = made
            self.sources[found] = source
        return found

    def row(self, number: int, row: Sequence[str]) -> None:
        first = self.cell(row, "id") or self.cell(row, "claim")
        if not any(c.strip() for c in row) or (
            _SUMMARY.match(first) and not self.cell(row, "claim")
        ):
            return  # blank, or the matrix's own totals and ranks
        # the column the claim is from: the id's when the claim's is missing, or is empty
        # and the id's is not
        said = (
            "claim"
            if self.cell(row, "claim") or ("claim" in self.columns and not self.cell(row, "id"))
            else "id"
        )
        claim = self.cell(row, said)
        given = self.cell(row, "id")
        credibility = self.cell(row, "credibility")
        grade = 6
        if credibility:
            try:
                grade = int(credibility)
            except ValueError:
                self.wrong(
                    number,
                    "credibility",
                    f"{credibility!r} is not a credibility",
                    _CREDIBILITY_HINT,
                )
        relevance = self.cell(row, "relevance").lower() or "medium"
        if relevance not in _RELEVANCES:
            self.wrong(
                number,
                "relevance",
                f"{relevance!r} is not low, medium or high",
                "write low, medium or high, or leave it empty",
            )
        source = self.source(number, row) or MATRIX_SOURCE  # the matrix while it is wrong
        quote = self.built(
            number,
            row,
            {"text": said, "source": "source"},
            lambda: Quote(source=source, text=claim),
        )
        item = self.built(
            number,
            row,
            {"id": "id", "claim": said, "credibility": "credibility", "occurred": "date"},
            lambda: Evidence(
                id=unique_id(given or claim, self.taken),
                claim=claim,
                quotes=(quote or Quote(source=source, text="-"),),
                credibility=grade,
                occurred=self.cell(row, "date") or None,
            ),
        )
        if item is None or quote is None or self.errors:
            return  # reported; the rows after it are read for their own problems
        self.evidence.append(item)
        for k, hypothesis in self.hypotheses:
            raw = row[k].strip() if k < len(row) else ""
            if raw:
                self.rate(raw, item.id, hypothesis.id, relevance, at=(number, k + 1))

    def rate(
        self, raw: str, item: str, hypothesis: str, relevance: str, *, at: tuple[int, int]
    ) -> None:
        number, column = at
        rating = _RATINGS.get(raw.lower())
        if rating is None:
            self.problems.append(
                f"row {number}, column {column}: {raw!r} is not a rating; cell skipped "
                "(use CC, C, N, I, II or NA)"
            )
            return
        self.links.append(
            Link(
                evidence=item,
                hypothesis=hypothesis,
                rating=rating,
                relevance=relevance,  # type: ignore[arg-type]
            )
        )

    def case(self) -> Case:
        return Case(
            meta=CaseMeta(title=self.title, description="Imported from an ACH matrix (CSV)."),
            sources=tuple(self.sources.values()),
            evidence=tuple(self.evidence),
            hypotheses=tuple(h for _, h in self.hypotheses),
            hypothesis_sets=(
                HypothesisSet(
                    id=unique_id("matrix-question", self.taken),
                    question=self.title,
                    hypotheses=tuple(h.id for _, h in self.hypotheses),
                ),
            ),
            links=tuple(self.links),
        )


def parse_matrix_csv(
    text: str, *, title: str = "ACH matrix", name: str = "<matrix>"
) -> MatrixImport:
    """Read an ACH matrix from CSV text (see the module for the columns it knows).

    Complexity: O(cells).

    Raises:
        CaseFileError: No header, no hypothesis column, no item, or values that make no
            case (a credibility outside 1-6, say): every such cell of every row, each one
            problem with its row, its column and the column's heading.
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise CaseFileError(
            [FileProblem(name, 1, 1, "", "no header row", "the first row names the columns")]
        )
    reader = _Reader(rows[0], title, name)
    if not reader.hypotheses:
        raise reader.fail(
            1, None, "no hypothesis column", "add one column per hypothesis, headed by it"
        )
    for number, row in enumerate(rows[1:], start=2):
        reader.row(number, row)
    if reader.errors:
        raise CaseFileError(reader.errors)
    if not reader.evidence:
        raise reader.fail(2, None, "no item rows", "add one row per item of evidence")
    if "credibility" not in reader.columns or "reliability" not in reader.columns:
        reader.problems.append(
            "the matrix grades no "
            + " and no ".join(
                what for what in ("credibility", "reliability") if what not in reader.columns
            )
            + ": ungraded evidence (credibility 6, sources without reliability) carries "
            "little weight in the posteriors and is not taken as given by Carneades; grade "
            "the items and sources in the case"
        )
    reader.problems.append(
        "the quotes are the matrix's own descriptions, not the sources' words: "
        "replace them with verbatim quotes and give each source its text (text_path)"
    )
    return MatrixImport(reader.case(), tuple(reader.problems))


def read_matrix_csv(path: str | os.PathLike[str]) -> MatrixImport:
    """Read an ACH matrix CSV file (UTF-8, a byte-order mark allowed); its title is its name.

    Raises:
        CaseFileError: As `parse_matrix_csv`, or the file cannot be read.
    """
    text = read_text(path)
    return parse_matrix_csv(text, title=Path(path).stem.replace("-", " "), name=str(path))
