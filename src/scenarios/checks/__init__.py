"""The check catalogue: consistency checks that report findings about a case.

The catalogue is open: `register` adds checks of your own, and a package that names a
module in the entry-point group ``scenarios.checks`` (as pytest and flake8 plugins do)
has its checks loaded when the checks first run. See ``docs/testing.md``.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from scenarios.checks import (  # noqa: F401 - importing a family registers its checks
    integrity,
    provenance,
    reasoning,
    review,
    timeline,
)
from scenarios.checks._defects import Defect
from scenarios.checks._files import UNREADABLE, CheckReport, Findings, Location, unreadable_json
from scenarios.checks._findings import CheckInfo, Finding, Severity
from scenarios.checks._options import CheckOptions
from scenarios.checks._registry import (
    CATALOGUE,
    ENTRY_POINT_GROUP,
    CheckContext,
    CheckFunction,
    register,
    registered,
)
from scenarios.errors import OptionError
from scenarios.io import DEFAULT_LIMITS, Limits, SourceTexts, load, read_source_texts
from scenarios.model import Case

__all__ = [
    "CATALOGUE",
    "ENTRY_POINT_GROUP",
    "UNREADABLE",
    "CheckContext",
    "CheckFunction",
    "CheckInfo",
    "CheckOptions",
    "CheckReport",
    "Defect",
    "Finding",
    "Location",
    "Severity",
    "check",
    "check_file",
    "filter_findings",
    "register",
    "unreadable_json",
]


def check(
    case: Case,
    *,
    texts: SourceTexts | Mapping[str, str] | None = None,
    options: CheckOptions | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Findings:
    """Run every check on `case`; findings sorted (errors first) and without repeats.

    The tuple shows as a table in a notebook (`_repr_html_`), as a `CheckReport` does.

    Complexity: near-linear in the number of objects, references and text length.

    Args:
        case: The case.
        texts: Its source texts (`scenarios.io.read_source_texts`), or a plain
            mapping of text by source id; without them, quotes are reported as
            unverified.
        options: Thresholds of the checks that take them (default: `CheckOptions()`).
        select: Keep only findings whose code starts with one of these (as
            `filter_findings`).
        ignore: Drop findings whose code starts with one of these.

    Raises:
        OptionError: `select` or `ignore` is a bare string, or names no check.

    Examples:
        >>> broken = Case.unchecked({"meta": {"title": "x"},
        ...     "links": [{"evidence": "e1", "hypothesis": "h1", "rating": "C"}]})
        >>> [f.code for f in check(broken)]
        ['R002', 'R002']
        >>> check(broken, ignore=["R"])
        ()
    """
    chosen, dropped = _prefixes(select, "select"), _prefixes(ignore, "ignore")
    if texts is not None and not isinstance(texts, SourceTexts):
        texts = SourceTexts(texts=dict(texts))
    context = CheckContext(case, texts or SourceTexts(), options or CheckOptions())
    seen: set[int] = set()
    findings: set[Finding] = set()
    for _, function in registered():
        if id(function) not in seen:  # a function may serve several entries
            seen.add(id(function))
            findings.update(function(context))
    return Findings(sorted(findings, key=Finding.sort_key), chosen, dropped)


def check_file(
    path: str | os.PathLike[str],
    *,
    sources: str | os.PathLike[str] | None = None,
    options: CheckOptions | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> CheckReport:
    """Read a case file and run every check on it, each finding located at file:line:col.

    The case is read without the integrity check, which the R checks report like any
    other finding; `CheckReport.sound_case` gives it for analysis only when it holds
    together. This is what ``scenarios check`` prints (`CheckReport.to_text`,
    `CheckReport.to_json`).

    Args:
        path: The case file (.yaml, .yml or .json).
        sources: A folder of source texts (``--sources``); without it, texts are found
            through each source's ``text_path``, beside the case file.
        options: Thresholds of the checks that take them.
        select: Keep only findings whose code starts with one of these.
        ignore: Drop findings whose code starts with one of these.
        limits: Size and nesting caps for reading.

    Raises:
        CaseFileError: The file cannot be read (every problem, located).
        PathNotFoundError: `sources` is not a folder.
        OptionError: `select` or `ignore` is a bare string, or names no check.
    """
    _prefixes(select, "select")
    _prefixes(ignore, "ignore")
    case = load(path, limits=limits, integrity=False)
    texts = read_source_texts(case, case_dir=Path(path).parent, sources_dir=sources)
    findings = check(case, texts=texts, options=options, select=select, ignore=ignore)
    return CheckReport(os.fspath(path), case, texts, findings, limits)


def _prefixes(codes: Iterable[str], name: str) -> tuple[str, ...]:
    """The codes or prefixes given as `name`, each known to match some check."""
    if isinstance(codes, str):
        raise OptionError(
            f"{name}={codes!r} is one string, read as single letters",
            hint=f"give a list of codes or prefixes: {name}=[{codes!r}]",
        )
    given = tuple(codes)
    known = sorted({info.code for info, _ in registered()})
    for prefix in given:
        if not prefix or not any(code.startswith(prefix.upper()) for code in known):
            close = difflib.get_close_matches(prefix.upper(), known, n=1, cutoff=0.6)
            families = ", ".join(sorted({code[0] for code in known}))
            raise OptionError(
                f"{name}: no check has the code {prefix!r}",
                hint=f"did you mean {close[0]!r}?"
                if close
                else f"give codes such as R001 or families ({families}); see docs/checks.md",
            )
    return given


def filter_findings(
    findings: Iterable[Finding],
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Findings:
    """Keep findings whose code starts with a `select` prefix (all when empty), minus `ignore`.

    Codes and prefixes are matched without regard to case.

    Raises:
        OptionError: `select` or `ignore` is a bare string (``select="H001"``, which
            would be read letter by letter), or a code or prefix no check has.

    Examples:
        >>> fs = [Finding("R001", "error", "a"), Finding("R002", "error", "b")]
        >>> [f.code for f in filter_findings(fs, ignore=["R001"])]
        ['R002']
        >>> filter_findings(fs, select="R001")
        Traceback (most recent call last):
        ...
        scenarios.errors.OptionError: select='R001' is one string, read as single letters
          hint: give a list of codes or prefixes: select=['R001']
    """
    return Findings(findings, _prefixes(select, "select"), _prefixes(ignore, "ignore"))


def catalogue_markdown() -> str:
    """The catalogue as the Markdown table of the docs' checks page (which a test compares).

    Examples:
        >>> catalogue_markdown().splitlines()[0]
        '| code | name | severity | finds | fix |'
    """
    rows = ["| code | name | severity | finds | fix |", "| --- | --- | --- | --- | --- |"]
    rows += [f"| {c.code} | {c.name} | {c.severity} | {c.summary} | {c.fix} |" for c in CATALOGUE]
    return "\n".join(rows) + "\n"
