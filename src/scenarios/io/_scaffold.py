"""A new case folder to start from: `new_case` (``scenarios new DIR``).

It holds a commented ``case.yaml`` that checks clean, with the schema modeline pointing
at a ``case.schema.json`` written beside it (so an editor that speaks YAML completes and
checks the fields offline), and a ``texts/`` folder with one example text the case
quotes. Every comment says what a field is for; replace the example with your own.

Examples:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp()) / "my-case"
    >>> [p.relative_to(folder).as_posix() for p in new_case(folder)]
    ['texts/example.txt', 'case.schema.json', 'case.yaml']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from scenarios.errors import OptionError
from scenarios.io import write_atomic
from scenarios.io._schema import write_schema

__all__ = ["CASE_TEMPLATE", "EXAMPLE_TEXT", "new_case"]

EXAMPLE_TEXT: Final = """\
Riverside Echo, 12 May 2024.
The town's only ferry did not sail on Saturday.
The operator said the engine had failed during a morning inspection.
A crew member, who asked not to be named, said the ferry had been laid up because
the operator has not paid its crew since March.
"""
"""The example source text of a new case (a short invented news report)."""

CASE_TEMPLATE: Final = """\
# yaml-language-server: $schema=case.schema.json
# A case: the sources you read, the evidence you take from them, the hypotheses that
# could explain it, and how each item bears on each hypothesis. Check it with
#   scenarios check case.yaml
# and see docs/first-case.md for a walk through every field.
version: 1
meta:
  title: Why did the ferry stop sailing?
  question: Why did the Riverside ferry not sail on 11 May 2024?

# Each source once: grade its reliability A (reliable) to F (cannot be judged), and
# point text_path at its text (relative to this file) so every quote is checked.
sources:
  - id: echo
    title: Riverside Echo, ferry report
    published: 2024-05-12
    reliability: C
    text_path: texts/example.txt

# The possible answers. A set groups rivals: at most one is true. Mark a set
# exhaustive: true only when no other answer is possible.
hypotheses:
  - id: engine-failure
    statement: The ferry stopped because its engine failed.
  - id: unpaid-crew
    statement: The ferry stopped because the operator did not pay its crew.
hypothesis_sets:
  - id: why-stopped
    question: Why did the ferry stop?
    hypotheses: [engine-failure, unpaid-crew]

# Evidence: a claim in your words, resting on a quote copied word for word from a
# source. Grade the information's credibility 1 (confirmed) to 6 (cannot be judged).
# Quote text with a colon in it (or write it on the next line after >-).
evidence:
  - id: operator-says-engine
    claim: The operator says the engine failed during an inspection.
    kind: statement
    credibility: 3
    occurred: 2024-05-11
    quotes:
      - source: echo
        text: The operator said the engine had failed during a morning inspection.
  - id: crew-unpaid
    claim: A crew member says the crew has not been paid since March.
    kind: statement
    credibility: 4
    quotes:
      - source: echo
        text: the operator has not paid its crew since March

# Links: how each item bears on each hypothesis: CC very consistent, C consistent,
# N neutral, I inconsistent, II very inconsistent, NA not applicable.
links:
  - {evidence: operator-says-engine, hypothesis: engine-failure, rating: C}
  - {evidence: operator-says-engine, hypothesis: unpaid-crew, rating: N}
  - {evidence: crew-unpaid, hypothesis: unpaid-crew, rating: C}
  - {evidence: crew-unpaid, hypothesis: engine-failure, rating: I,
     rationale: "The crew member gives another reason for the ferry being laid up."}

# Optional: to try the two blocks below, delete the "# " that starts each of their
# lines, then run scenarios evaluate case.yaml (Carneades labels: in, out, undecided)
# and scenarios render case.yaml --view arguments -o arguments.svg (the reasoning).
# An argument is an inference in your words: from premises (ids of evidence,
# hypotheses or assumptions) to a conclusion; stance: con argues against it.
# arguments:
#   - id: inspection-found-fault
#     premises: [operator-says-engine]
#     conclusion: engine-failure
#     description: An engine that fails its inspection keeps the ferry in port.
# A key assumption is what the analysis takes for granted, to be checked: status
# unchecked, solid, caveated or unsupported. What it supports rests on it: an evidence
# item, an argument, or the arguments for a hypothesis (not those against it). An
# assumption marked caveated or unsupported is not taken as given, so in the Carneades
# evaluation the arguments that rest on it weigh nothing.
# assumptions:
#   - id: operator-candid
#     statement: The operator would not blame the engine to hide a dispute with its crew.
#     status: unchecked
#     supports: [engine-failure]
"""
"""The commented case of a new case folder; it checks clean against `EXAMPLE_TEXT`."""


def new_case(folder: str | os.PathLike[str]) -> list[Path]:
    """Create a case folder to start from; returns the files written, in order.

    Raises:
        OptionError: `folder` exists and is not an empty folder (nothing is written).
        OSError: A file cannot be written.
    """
    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise OptionError(
            f"{root} already exists and is not an empty folder; nothing written",
            hint="name a new folder, e.g. scenarios new my-case",
        )
    (root / "texts").mkdir(parents=True, exist_ok=True)
    written = [root / "texts" / "example.txt", root / "case.schema.json", root / "case.yaml"]
    write_atomic(written[0], EXAMPLE_TEXT.encode("utf-8"))
    write_schema(written[1])
    write_atomic(written[2], CASE_TEMPLATE.encode("utf-8"))
    return written
