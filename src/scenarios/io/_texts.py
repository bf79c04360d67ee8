"""Reading source texts: from paths beside the case file, or from a folder of texts.

A source that declares a ``text_path`` has its text at the first of these that is a
file:

1. ``FOLDER/<text_path>``, with a sources folder (``--sources FOLDER``);
2. ``<case folder>/<text_path>``.

A source that declares none has its text at ``FOLDER/<id>.txt``, then
``FOLDER/<id>.md`` (a folder of texts named by source id needs no text_path), and has
none without a sources folder. A declared text_path is never replaced by
``FOLDER/<id>.txt``: a text found at neither of its places is missing, and
`SourceTexts.not_found` says where it was looked for, so a typo in it is reported.
``text_path: texts/x.txt`` is found beside the case whether or not ``--sources texts``
is given. `SourceTexts.paths` says where each text was read from. A path that leads
out of the folder it was resolved against (through ``..``, an absolute path or a
symbolic link) is refused. Texts are read as UTF-8 bytes and kept exactly (no newline
translation), so offsets into them are stable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from scenarios.errors import PathNotFoundError
from scenarios.model import Case

__all__ = ["MAX_TEXT_BYTES", "SourceTexts", "TextProblem", "read_source_texts"]

MAX_TEXT_BYTES: Final = 16 * 2**20
"""Largest source text read (16 MiB); larger files are reported, not read."""


@dataclass(frozen=True, slots=True)
class TextProblem:
    """A source text that exists but cannot be used.

    Attributes:
        source: Id of the source.
        message: What is wrong, naming the file.
        hint: How to fix it.
    """

    source: str
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class SourceTexts:
    """The texts found for a case's sources.

    Attributes:
        texts: Text by source id.
        paths: Where each text was read from.
        missing: Why no text was read, by source id (citation-only sources, files absent).
        problems: Texts that exist but could not be used (unsafe path, too big, not UTF-8).
        not_found: The places looked at, by source id, for each source that declares a
            text_path none of which is a file (these are in `missing` too).
    """

    texts: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, Path] = field(default_factory=dict)
    missing: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[TextProblem, ...] = ()
    not_found: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)


def _inside(path: Path, base: Path) -> bool:
    return path.resolve().is_relative_to(base.resolve())


def _candidates(
    text_path: str | None, source_id: str, case_dir: Path, folder: Path | None
) -> list[tuple[Path, Path]]:
    """Where a source's text may be, in order (see the module's docstring), each with its base."""
    found: list[tuple[Path, Path]] = []
    if text_path:
        bases = [case_dir] if folder is None else [folder, case_dir]
        found += [(base / text_path, base) for base in bases]
    elif folder is not None:  # only a source that names no text is looked up by its id
        found += [(folder / f"{source_id}{suffix}", folder) for suffix in (".txt", ".md")]
    once: dict[Path, Path] = {}  # a place named twice is looked at once, the first time
    for path, base in found:
        once.setdefault(path, base)
    return list(once.items())


def read_source_texts(
    case: Case,
    *,
    case_dir: str | os.PathLike[str] | None = None,
    sources_dir: str | os.PathLike[str] | None = None,
) -> SourceTexts:
    """Find and read the text of every source of `case` that has one.

    Args:
        case: The case.
        case_dir: The folder of the case file (the working folder when None).
        sources_dir: A folder of source texts (``--sources``), looked in first.

    Returns:
        What was read, what is missing and why, and what could not be used.

    Raises:
        PathNotFoundError: `sources_dir` is given but is not a folder (a
            `FileNotFoundError` too).
    """
    folder = None if sources_dir is None else Path(sources_dir)
    if folder is not None and not folder.is_dir():
        raise PathNotFoundError(
            f"sources folder not found: {sources_dir}",
            hint="pass an existing folder to --sources (sources_dir)",
        )
    case_folder = Path(case_dir if case_dir is not None else ".")
    texts: dict[str, str] = {}
    paths: dict[str, Path] = {}
    missing: dict[str, str] = {}
    not_found: dict[str, tuple[Path, ...]] = {}
    problems: list[TextProblem] = []
    for source in case.sources:
        candidates = _candidates(source.text_path, source.id, case_folder, folder)
        if not candidates:
            missing[source.id] = "no text_path declared (citation only)"
            continue
        path, base = next(((p, b) for p, b in candidates if p.is_file()), (None, None))
        if path is None or base is None:
            tried = " or ".join(str(p) for p, _ in candidates)
            missing[source.id] = (
                f"no text at {tried}"
                if source.text_path
                else f"no text_path declared (citation only), and none at {tried}"
            )
            if source.text_path:
                not_found[source.id] = tuple(p for p, _ in candidates)
            continue
        if not _inside(path, base):
            problems.append(
                TextProblem(
                    source.id,
                    f"text path {path} leads outside {base}",
                    "keep source texts inside the case's folder (or the --sources folder)",
                )
            )
            continue
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            problems.append(
                TextProblem(
                    source.id,
                    f"text {path} is {size:,} bytes, over {MAX_TEXT_BYTES:,}",
                    "split the source or quote from an excerpt",
                )
            )
            continue
        try:
            texts[source.id] = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            problems.append(
                TextProblem(
                    source.id,
                    f"text {path} is not UTF-8 (byte {exc.start})",
                    "save it as UTF-8",
                )
            )
            continue
        paths[source.id] = path
    return SourceTexts(texts, paths, missing, tuple(problems), not_found)
