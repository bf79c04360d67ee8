"""The HTML report: content, escaping, self-containment, and a real browser loading it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scenarios import Case, CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source
from scenarios.checks import check
from scenarios.cli import main
from scenarios.render import report_html
from tests.support import CHROMIUM_FLAGS, EXAMPLE, SEEDS


def nodes(case: Case) -> int:
    """Map nodes: every hypothesis, item, argument and assumption, and the legend."""
    return (
        len(case.hypotheses) + len(case.evidence) + len(case.arguments) + len(case.assumptions) + 1
    )


def section(page: str, div_id: str) -> str:
    """The contents of the report's ``<div ... id=div_id>``, up to the next section heading."""
    start = page.index(f'id="{div_id}"')
    return page[start : page.find("<h2", start)]


def tree_nodes(case: Case) -> int:
    """Scenario-tree nodes: hypotheses assumed, scenarios, indicators."""
    assumed = {h for s in case.scenarios for h in s.assumes}
    return len(assumed) + len(case.scenarios) + len(case.indicators)


def hostile() -> Case:
    b = CaseBuilder(title="<script>alert('title')</script>")
    b.add(
        Source(
            id="s", title="<img src=x onerror=alert(1)>", url="https://example.org/?a=%3Cb%3E&c=d"
        ),
        Hypothesis(id="a", statement="<b>A</b>"),
        Hypothesis(id="b", statement="B"),
        HypothesisSet(id="q", question="</table><script>x</script>", hypotheses=("a", "b")),
        Evidence(id="e", claim="'\"&<>", quotes=(Quote(source="s", text="</blockquote>"),)),
    )
    b.link("e", "a", "CC")
    return b.build()


def test_user_text_is_escaped_everywhere() -> None:
    page = report_html(hostile())
    assert "<script>" not in page
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "&lt;/blockquote&gt;" in page


def test_the_page_loads_nothing(example_case: Case) -> None:
    page = report_html(example_case)
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|iframe)\b", page)
    assert not re.search(r"""\bsrc=["']?https?:""", page)


@pytest.mark.graphviz
def test_the_report_holds_every_part(example_case: Case) -> None:
    case = example_case
    page = report_html(case, findings=check(case))
    assert section(page, "argument-map").count('class="node"') == nodes(case)
    assert section(page, "scenario-tree").count('class="node"') == tree_nodes(case)
    assert section(page, "field-diagram").count('class="node"') == 1
    for group in case.hypothesis_sets:  # each set's own map: its hypotheses and their items
        linked = {link.evidence for h in group.hypotheses for link in case.links_of(h)}
        shown = section(page, f"map-{group.id}").count('class="node"')
        assert shown >= len(group.hypotheses) + len(linked)
    assert section(page, "timeline-svg").count("<circle") + section(page, "timeline-svg").count(
        "<rect class="
    ) == len(case.events)
    for part in (
        "Check findings",
        "Argument map",
        "Scenarios",
        "A bargain with al-Sadr",
        "Obstruction and deadlock",
        "Watch list",
        "Fired indicators:</strong> none yet.",
        "Morphological field",
        "24 of 32 configurations of 5 drivers are consistent",
        "Evidence",
        "Sources",
        "Timeline",
        "very likely, moderate confidence",
        "low confidence (one lineage)",
        "judgement (ICD 203 likelihood, confidence)",
        "ACH and the posteriors agree on tehran-sets-limits, and Carneades accepts it.",
        "Futures none of them names: 25%.",
        'class="rating CC"',
        "mei-original",
    ):
        assert part in page
    assert "Khazali revealed a message he had already sent to Qaani" in page
    # The page leads with the judgements and the limits of the sources, before any finding.
    assert (
        page.index("Key judgements")
        < page.index("Limits of the sources.")
        < page.index("Check findings")
    )


@pytest.mark.browser
@pytest.mark.graphviz
def test_a_real_browser_shows_the_report(example_case: Case, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    argv = ["report", str(EXAMPLE), "-o", str(target)]
    if SEEDS.is_dir():
        argv += ["--sources", str(SEEDS)]
    assert main(argv, out=io.StringIO()) == 0
    chromium = shutil.which("chromium")
    assert chromium is not None
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, *profile, "--dump-dom", target.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    case = example_case
    assert section(dom.stdout, "argument-map").count('class="node"') == nodes(case)
    assert "who decided when the Iraqi militias escalated against U.S. targets" in dom.stdout
    shot = tmp_path / "report.png"
    logged = subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            *profile,
            "--window-size=1280,2000",
            "--enable-logging=stderr",
            "--v=0",
            f"--screenshot={shot}",
            target.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 50_000  # a page with a map on it, not a blank one
    assert "CONSOLE" not in logged.stderr  # no console messages: no errors, no blocked loads
    assert "Uncaught" not in logged.stderr


def test_report_refuses_a_broken_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: {title: x}\nlinks: [{evidence: e, hypothesis: h, rating: C}]\n")
    assert main(["report", str(broken), "-o", str(tmp_path / "r.html")], out=io.StringIO()) == 2
    assert "integrity errors" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_case_shows_itself_in_a_notebook(example_case: Case) -> None:
    html = example_case._repr_html_()
    assert html.startswith("<div><strong>Iran&#x27;s Quds Force")
    # 60: the premises the declared chains added (plans-a-and-b-failed, militias-perceive-leverage)
    assert "<tr><th>evidence</th><td>60</td></tr>" in html


def test_analysis_results_show_themselves_in_a_notebook(example_case: Case) -> None:
    from scenarios.analysis import ach, analyse, posteriors

    case = example_case
    scores = ach(case, "sadr-and-militias")._repr_html_()
    assert "<td>1</td><td>militias-obstruct-government</td><td>0</td><td>0.00</td>" in scores
    judged = posteriors(case, "sadr-and-militias")._repr_html_()
    assert (
        "<td>militias-obstruct-government</td><td>31%</td>"
        "<td>unlikely, low confidence (one lineage)</td><td>25%</td><td>1</td>"
        "<td>D2</td>"
    ) in judged
    side_by_side = analyse(case).set("sadr-and-militias")._repr_html_()
    assert "<td>militias-obstruct-government</td><td>1</td><td>31%</td>" in side_by_side


def test_a_set_too_large_for_the_page_gets_a_pointer_not_a_map() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        Hypothesis(id="a", statement="A."),
        Hypothesis(id="b", statement="B."),
        HypothesisSet(id="q", question="Which?", hypotheses=("a", "b")),
    )
    for k in range(151):
        b.add(Evidence(id=f"e{k}", claim=f"Item {k}.", quotes=(Quote(source="s", text="q"),)))
        b.link(f"e{k}", "a", "C")
    page = report_html(b.build())
    assert 'id="map-q"' not in page
    assert "This set&#39;s map (151 items) is too large for the page" in page
    assert "scenarios render CASE --set q -o map.svg" in page


def test_a_set_ach_refuses_shows_why_and_no_matrix() -> None:
    # Before: the report drew the lone hypothesis's matrix with "rank 1".
    case = Case.model_validate(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": h, "statement": f"{h}."} for h in ("a", "b", "c")],
            "hypothesis_sets": [
                {"id": "q", "question": "Q?", "hypotheses": ["a", "b"]},
                {"id": "lone", "question": "L?", "hypotheses": ["c"]},
            ],
        }
    )
    page = report_html(case)
    assert page.count('<table class="ach">') == 1
    assert "No ACH matrix: set &#39;lone&#39; has one hypothesis" in page
