"""Hostile text in every text field, through every output: nothing runs, nothing breaks out.

Issue 19, security items 1 (a source URL carrying a script into the SVG map), 2 (DOT
attribute injection through texts of the form ``<...>``) and 5 (terminal, spreadsheet,
Markdown and GraphML injection). The cases are the worked example with every text field
(titles, claims, statements, questions, descriptions, narratives, names, rationales,
notes, quotes, authors, aliases ...) replaced by a payload.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

import pytest

from scenarios import (
    Case,
    CaseBuilder,
    Evidence,
    Hypothesis,
    Quote,
    RecordError,
    Source,
    dump,
    load,
)
from scenarios.cli import main
from scenarios.io import graphml
from scenarios.render import (
    argument_map,
    argument_view,
    morphological_field,
    scenario_tree,
    timeline_svg,
)
from tests.support import CHROMIUM_FLAGS, EXAMPLE

URL_PAYLOAD: Final = "https://a.example/\"><script>document.title='PWNED-URL'</script>"
PAYLOADS: Final = {
    # a DOT HTML string: written unquoted, it would add a javascript: link of its own
    "dot-html": '<b> URL="javascript:document.title=\'PWNED-ARG\'" target="_top" x=<b>',
    # a quoted DOT string broken out of, and Graphviz escapes
    "dot-quote": '"] ; n999 [URL="javascript:document.title=\'PWNED-DOT\'"] ; x [" \\N \\G \\',
    # markup for SVG and HTML
    "svg-script": "</title><script>document.title='PWNED-SVG'</script><title>",
    "html-img": "<img src=x onerror=\"document.title='PWNED-IMG'\"> & <a href=javascript:x>y</a>",
    # a terminal: set the window title, clear the screen, CSI as a C1 code, bidi override;
    # and the characters XML 1.0 forbids
    "terminal": "\x1b]0;PWNED-TERM\x07\x1b[2J\x1b[H\x9b31m\u202eevil\x00\x0c\x08\r done",
    # a spreadsheet formula
    "csv": "=cmd|' /C calc'!A0",
    # Markdown: a link, raw HTML, a table break
    "markdown": "[click](javascript:document.title='PWNED-MD') <script>x</script> | cell\n# head",
}
"""Each payload goes into every text field of a case of its own."""

BROWSER: Final = ("dot-html", "dot-quote", "svg-script", "html-img")
"""Payloads that matter to a browser; the first item of every collection gets the first."""

_TEXT: Final = frozenset(
    {"claim", "description", "name", "narrative", "note", "notes", "publisher", "question"}
    | {"rationale", "reason", "reliability_note", "statement", "text", "title"}
)
_TEXTS: Final = frozenset({"authors", "aliases"})
_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SCRIPT_RAN: Final = re.compile(r"<title>\s*PWNED", re.IGNORECASE)


ATTRIBUTES: Final = frozenset(
    {"URL", "arrowhead", "color", "fillcolor", "fontname", "fontsize", "label", "margin"}
    | {"newrank", "nodesep", "penwidth", "rankdir", "ranksep", "shape", "style", "target"}
    | {"tooltip", "rank", "minlen", "ratio", "labelloc", "splines", "xlabel"}
)
"""Every attribute the renderers write; an injected one shows up as something else."""


def hostile_case(pick: Callable[[int], str]) -> Case:
    """The example case with each text field replaced by `pick(index of its object)`."""

    def walk(node: Any, index: int) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for key, value in node.items():
                if key in _TEXT and isinstance(value, str):
                    out[key] = pick(index)
                elif key in _TEXTS and isinstance(value, list):
                    out[key] = [pick(index + i) for i in range(len(value))]
                else:
                    out[key] = walk(value, index)
            return out
        if isinstance(node, list):
            return [walk(value, i) for i, value in enumerate(node)]
        return node

    data = load(EXAMPLE).model_dump(mode="json", exclude_defaults=True)
    return Case.model_validate(walk(data, 0))


def every_field(payload: str) -> Case:
    return hostile_case(lambda _: PAYLOADS[payload])


def dot_sources(case: Case) -> list[str]:
    """The DOT of every diagram: the whole map with sources and one set's map (titled with
    its question), the argument view whole and for one set, the scenario tree, the field.
    """
    first = case.hypothesis_sets[0].id
    return [
        argument_map(case, show_sources=True, balance=False).source,
        argument_map(case, hypothesis_set=first, balance=False).source,
        argument_view(case, balance=False).source,
        argument_view(case, hypothesis_set=first, balance=False).source,
        scenario_tree(case).source,
        morphological_field(case).source,
    ]


class _Markup(HTMLParser):
    """Every tag and attribute of an HTML or SVG page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def assert_inert(markup: str) -> None:
    """No script element, no event handler, no link but http(s) and in-page ones."""
    parser = _Markup()
    parser.feed(markup)
    parser.close()
    assert "script" not in parser.tags
    for name, value in parser.attributes:
        assert not name.startswith("on"), (name, value)
        if name.endswith("href") or name in ("src", "action", "formaction"):
            assert value.strip().startswith(("https://", "http://", "#")), (name, value)


def assert_safe_svg(svg: str) -> None:
    """Well-formed, no script element, no event handler, every link http(s)."""
    root = ET.fromstring(svg)  # raises on a document that is not well-formed
    for element in root.iter():
        assert not element.tag.lower().endswith("script")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            if name.endswith("href"):
                assert value.startswith(("https://", "http://", "#")), value


# --- item 1 -------------------------------------------------------------------------------


@pytest.mark.graphviz
def test_item1_a_source_url_cannot_carry_markup_into_the_map(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"url: a URL must not contain .*percent-encode"):
        Source(id="s", title="S", url=URL_PAYLOAD)
    case_file = tmp_path / "case.yaml"
    case_file.write_text(
        "meta: {title: t}\nsources:\n  - id: s\n    title: S\n    url: " + URL_PAYLOAD + "\n",
        encoding="utf-8",
    )
    assert main(["check", str(case_file)], out=io.StringIO()) == 2
    # A URL that skipped validation (set on a copy) is still not drawn as a link.
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S", url="https://a.example/a?b=1&c=2{x}\u00e9"),
        Hypothesis(id="h", statement="H."),
        Evidence(id="e", claim="E.", quotes=(Quote(source="s", text="q"),)),
    )
    b.link("e", "h", "CC")
    good = b.build()
    forged = copy.copy(good.sources[0])
    object.__setattr__(forged, "url", URL_PAYLOAD)  # what validation would refuse
    bad = good.model_copy(update={"sources": (forged,)})
    assert "<script>" not in argument_map(bad, show_sources=True).source
    # An unusual but valid URL is percent-encoded, and the SVG stays well-formed.
    target = tmp_path / "map.svg"
    assert main(["render", _write(good, tmp_path), "-o", str(target)], out=io.StringIO()) == 0
    svg = target.read_text(encoding="utf-8")
    assert_safe_svg(svg)
    assert 'xlink:href="https://a.example/a?b=1&amp;c=2%7Bx%7D%C3%A9"' in svg


def _write(case: Case, folder: Path, name: str = "case.json") -> str:
    path = folder / name
    dump(case, path)
    return str(path)


# --- item 2 -------------------------------------------------------------------------------


def dot_attributes(dot: str) -> tuple[str, list[tuple[str, str]]]:
    """The DOT text outside strings, and each ``key=value`` as (key, value as written).

    Quoted strings (with their backslash escapes) and HTML strings (``<...>``, nested)
    are read as DOT reads them, so text inside them cannot pass for syntax.
    """
    skeleton, pairs, i = [], [], 0
    while i < len(dot):
        if dot[i] not in '"<':
            skeleton.append(dot[i])
            i += 1
            continue
        start, depth = i, 0
        if dot[i] == '"':
            i += 1
            while dot[i] != '"':
                i += 2 if dot[i] == "\\" else 1
            i += 1
        else:
            while True:
                depth += {"<": 1, ">": -1}.get(dot[i], 0)
                i += 1
                if depth == 0:
                    break
        key = re.search(r"(\w+)\s*=\s*$", "".join(skeleton[-40:]))
        if key:
            pairs.append((key.group(1), dot[start:i]))
        skeleton.append("S")
    return "".join(skeleton), pairs


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_item2_every_dot_attribute_value_is_quoted(payload: str) -> None:
    for dot in dot_sources(every_field(payload)):
        skeleton, pairs = dot_attributes(dot)
        html = {key for key, value in pairs if value.startswith("<")}
        assert html <= {"label"}, f"attributes written as HTML strings: {html}"
        keys = set(re.findall(r"(\w+)\s*=", skeleton))
        assert keys <= ATTRIBUTES, f"attributes the renderers never write: {keys - ATTRIBUTES}"
        assert "n999" not in skeleton
        for key, value in pairs:
            if key == "URL":
                assert value.startswith(('"https://', '"http://')), value


@pytest.mark.graphviz
def test_item2_graphviz_draws_every_payload_safely() -> None:
    dot = shutil.which("dot")
    assert dot is not None
    for payload in sorted(PAYLOADS):
        source = "\n".join(dot_sources(every_field(payload)))
        done = subprocess.run(
            [dot, "-Tsvg"], input=source.encode(), capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 0, (payload, done.stderr.decode(errors="replace"))
        for svg in done.stdout.decode("utf-8").split("<?xml")[1:]:
            assert_safe_svg("<?xml" + svg)


def _dom(chromium: str, page: Path, profile: Path) -> str:
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.mark.browser
@pytest.mark.graphviz
def test_item2_no_script_runs_in_the_svg_or_the_report(tmp_path: Path) -> None:
    case = hostile_case(lambda index: PAYLOADS[BROWSER[index % len(BROWSER)]])
    case_file = _write(case, tmp_path)
    pages = {
        "map.svg": ["render", case_file, "--show-sources", "-o"],
        "tree.svg": ["futures", case_file, "--tree"],
        "report.html": ["report", case_file, "-o"],
    }
    chromium = shutil.which("chromium")
    assert chromium is not None
    for name, argv in pages.items():
        page = tmp_path / name
        assert main([*argv, str(page)], out=io.StringIO()) == 0
        written = page.read_text(encoding="utf-8")
        if name.endswith(".svg"):
            assert_safe_svg(written)
        assert "PWNED" in written  # the payloads are there, as text
        dom = _dom(chromium, page, tmp_path / "profile")
        assert "<svg" in dom or "<html" in dom  # the page loaded
        assert not _SCRIPT_RAN.search(dom), name  # document.title was never set
        assert_inert(written)
        assert_inert(dom)


# --- item 5 -------------------------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue() + capsys.readouterr().err


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_item5_text_csv_markdown_and_graphml_keep_payloads_inert(
    payload: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = every_field(payload)
    case_file = _write(case, tmp_path)
    for command in ("check", "provenance", "ach", "bayes", "futures", "morph", "evaluate"):
        code, text = _run([command, case_file], capsys)
        assert code in (0, 1), (command, text)
        assert not _CONTROLS.search(text), (command, _CONTROLS.findall(text))
    code, text = _run(["ach", case_file, "--format", "json"], capsys)
    assert code == 0
    assert json.loads(text)  # still valid JSON
    # CSV: no cell a spreadsheet would run as a formula
    code, text = _run(["ach", case_file, "--format", "csv"], capsys)
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            numeric = re.fullmatch(r"[+-]?\d+(\.\d+)?", cell)
            assert numeric or not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # Markdown: no raw HTML, no link syntax
    code, text = _run(["ach", case_file, "--format", "markdown"], capsys)
    assert "<" not in text
    assert "](" not in text.replace("\\](", "")
    # GraphML: well-formed XML 1.0, which networkx reads back
    nx = pytest.importorskip("networkx")
    document = graphml(case)
    ET.fromstring(document.encode("utf-8"))
    assert nx.read_graphml(io.BytesIO(document.encode("utf-8"))).number_of_nodes() > 0
    # The timeline, written by hand, is well-formed and inert too
    assert_safe_svg(timeline_svg(case))
