"""Reading source texts: from paths beside the case file, or from a folder of texts.

A source's text is found, in this order: with a sources folder, at
``FOLDER/<text_path>``, ``FOLDER/<id>.txt`` or ``FOLDER/<id>.md``; without one,
at ``<case folder>/<text_path>``. A path that leads out of its base folder
(through ``..``, an absolute path or a symbolic link) is refused. Texts are
read as UTF-8 bytes and kept exactly (no newline translation), so offsets into
them are stable.
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
    """

    texts: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, Path] = field(default_factory=dict)
    missing: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[TextProblem, ...] = ()


def _inside(path: Path, base: Path) -> bool:
    return path.resolve().is_relative_to(base.resolve())


def _candidates(text_path: str | None, source_id: str, base: Path, folder: bool) -> list[Path]:
    found = [base / text_path] if text_path else []
    if folder:
        found += [base / f"{source_id}.txt", base / f"{source_id}.md"]
    return found


def read_source_texts(
    case: Case,
    *,
    case_dir: str | os.PathLike[str] | None = None,
    sources_dir: str | os.PathLike[str] | None = None,
) -> SourceTexts:
    """Find and read the text of every source of `case` that has one.

    Args:
        case: The case.
        case_dir: The folder of the case file (base of `text_path` without a sources folder).
        sources_dir: A folder of source texts (``--sources``); when given, it is the base.

    Returns:
        What was read, what is missing and why, and what could not be used.

    Raises:
        PathNotFoundError: `sources_dir` is given but is not a folder (a
            `FileNotFoundError` too).
    """
    folder = sources_dir is not None
    if folder and not Path(sources_dir).is_dir():  # type: ignore[arg-type]
        raise PathNotFoundError(
            f"sources folder not found: {sources_dir}",
            hint="pass an existing folder to --sources (sources_dir)",
        )
    base = Path(sources_dir if folder else (case_dir or "."))  # type: ignore[arg-type]
    texts: dict[str, str] = {}
    paths: dict[str, Path] = {}
    missing: dict[str, str] = {}
    problems: list[TextProblem] = []
    for source in case.sources:
        candidates = _candidates(source.text_path, source.id, base, folder)
        if not candidates:
            missing[source.id] = "no text_path declared (citation only)"
            continue
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            tried = " or ".join(map(str, candidates))
            missing[source.id] = (
                f"no text at {tried}"
                if source.text_path
                else f"no text_path declared (citation only), and none at {tried}"
            )
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
    return SourceTexts(texts, paths, missing, tuple(problems))
