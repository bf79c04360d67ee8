"""`analyse`: every method once, side by side, and the sentences that say why they differ."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import given

from scenarios import Assumption, Case, load
from scenarios.analysis import OTHER, ach, all_posteriors, case_graph, evaluate
from scenarios.analysis._overview import TOP_CONFIGURATIONS, analyse
from scenarios.cli import main
from scenarios.errors import UnknownIdError
from scenarios.strategies import cases
from tests.support import BRIDGE, EXAMPLE


@pytest.fixture(scope="module")
def example(example_case: Case) -> Case:
    return example_case


def test_each_row_is_what_each_method_gives_alone(example: Case) -> None:
    result = analyse(example)
    bayes = all_posteriors(example)
    labels = evaluate(case_graph(example)).labels
    assert [s.set for s in result.sets] == [g.id for g in example.hypothesis_sets]
    for one in result.sets:
        alone = {s.hypothesis: s for s in ach(example, one.set).scores}
        posteriors = {p.hypothesis: p for p in bayes[one.set].posteriors}
        assert [r.hypothesis for r in one.rows] == list(posteriors)
        for row in one.rows:
            assert row.posterior == posteriors[row.hypothesis].posterior
            assert row.judgement == posteriors[row.hypothesis].judgement
            if row.hypothesis == OTHER:
                assert (row.rank, row.label) == (None, None)
                continue
            assert (row.rank, row.inconsistencies) == (
                alone[row.hypothesis].rank,
                alone[row.hypothesis].inconsistencies,
            )
            assert row.label == labels[row.hypothesis]


def test_a_disagreement_names_its_drivers(example: Case) -> None:
    # The footbridge case leads ACH with an untested hypothesis; the posteriors favour another.
    bridge = load(BRIDGE)
    said = " ".join(analyse(bridge).set("cause").explanations)
    assert "ACH ranks design-flaw first" in said
    assert "only 1 item was rated against it (up to 7 for a rival)" in said
    assert "the posteriors favour corrosion (38%), carried by cables-rusted" in said
    # Carneades sets aside items resting on a doubted assumption, and says so.
    pro = tuple(
        link.evidence for link in bridge.links_of("corrosion") if link.rating in ("C", "CC")
    )
    doubt = Assumption(
        id="photos-show-the-tendons",
        statement="The photographs show the tendons that failed.",
        status="caveated",
        supports=pro,
    )
    doubted = bridge.model_copy(update={"assumptions": (*bridge.assumptions, doubt)})
    said = " ".join(analyse(doubted).set("cause").explanations)
    assert "Carneades labels corrosion out" in said
    assert "rest on photos-show-the-tendons, which the case does not take as given" in said
    assert "(out: " not in said  # the label is not repeated inside its reason
    # In the worked case the three methods part on the joint campaign: ACH and the
    # posteriors add up many weak items, Carneades weighs the strongest, which is against.
    joint = analyse(example).set("us-withdrawal-campaign")
    assert joint.explanations[0].startswith(
        "ACH and the posteriors agree on joint-campaign-for-withdrawal; Carneades labels it out"
    )
    assert "¬joint-campaign-for-withdrawal wins" in joint.explanations[0]


def test_agreement_is_said_once(example: Case) -> None:
    standing = analyse(example).set("own-standing")
    assert (
        "ACH and the posteriors agree on escalation-for-own-standing, and Carneades accepts it."
        in standing.explanations
    )


def test_a_set_the_evidence_does_not_move_cannot_be_assessed() -> None:
    warned = analyse(load(BRIDGE)).set("who-was-warned")
    assert warned.bayes is not None
    assert not warned.bayes.assessable
    assert all(r.judgement == "cannot assess" for r in warned.rows)
    assert warned.explanations[0].startswith("The posteriors cannot assess this set")


def test_what_is_missing_says_why(example: Case) -> None:
    bare = example.model_copy(
        update={"scenarios": (), "indicators": (), "drivers": (), "consistency": ()}
    )
    result = analyse(bare)
    assert result.futures is None
    assert result.configurations == ()
    assert result.missing == {
        "futures": "the case has no scenarios",
        "morphology": "the case has no drivers",
    }
    full = analyse(example)
    assert full.futures is not None
    assert "futures" not in full.missing
    assert 0 < len(full.configurations) <= TOP_CONFIGURATIONS


def test_an_unknown_set_says_did_you_mean(example: Case) -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'own-standing'"):
        analyse(example).set("own-standings")


def test_the_notebook_shows_every_set(example: Case) -> None:
    shown = analyse(example)._repr_html_()
    for group in example.hypothesis_sets:
        assert f"<caption>{html.escape(group.question)}</caption>" in shown  # "Tehran's"


def test_the_command_line_json_is_the_bundle(
    example_case: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyse", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["set"] for s in data["sets"]] == [s.set for s in analyse(example_case).sets]
    assert data["configurations"]
    assert "states" in data["configurations"][0]


@given(cases())
def test_analyse_never_fails_on_a_valid_case(case: Case) -> None:
    result = analyse(case)
    assert len(result.sets) == len(case.hypothesis_sets)
    for one in result.sets:
        named = [r for r in one.rows if r.hypothesis != OTHER]
        assert [r.hypothesis for r in named] == list(
            dict.fromkeys(next(g for g in case.hypothesis_sets if g.id == one.set).hypotheses)
        )
        if one.bayes is not None:
            assert sum(r.posterior or 0 for r in one.rows) == pytest.approx(1)


def test_ungraded_evidence_and_a_tie_are_named_as_such() -> None:
    # Before: "ACH's lead is fragile" under a tie, and "cannot assess" with no reason.
    from scenarios.io import parse_matrix_csv

    matrix = "evidence,Unpaid crew,Strike,Engine\ne1,C,C,N\ne2,C,C,I\ne3,C,C,I\n"
    found = parse_matrix_csv(matrix)
    assert any("grades no credibility and no reliability" in p for p in found.problems)
    said = " ".join(analyse(found.case).sets[0].explanations)
    assert "ACH cannot separate unpaid-crew, strike: they tie." in said
    assert "fragile" not in said
    assert "because none of it is graded" in said
    assert "ungraded evidence is questioned" in said
    graded = parse_matrix_csv(
        "evidence,credibility,source,reliability,Unpaid crew,Strike\n"
        "e1,2,Echo,B,C,I\ne2,2,Echo,B,C,I\n"
    )
    assert "graded" not in " ".join(analyse(graded.case).sets[0].explanations)


def test_the_text_output_glosses_its_terms_once(capsys: pytest.CaptureFixture[str]) -> None:
    # Before: "linchpin", "read as deceptive" and "1=" were never explained.
    assert main(["analyse", str(BRIDGE)]) == 0
    out = capsys.readouterr().out
    assert out.count("Terms: ") == 1
    assert "a linchpin is an item that, dropped or read as deceptive" in out


def test_sets_the_methods_refuse_are_explained_by_the_refusal() -> None:
    # Before: a lone hypothesis was "ACH 1" and "the evidence leaves them near the priors",
    # though neither method can weigh it (H004), and partial priors (H003) read the same.
    case = Case.model_validate(
        {
            "meta": {"title": "t"},
            "hypotheses": [{"id": h, "statement": f"{h}."} for h in ("a", "b", "c")],
            "hypothesis_sets": [
                {"id": "lone", "question": "L?", "hypotheses": ["c"]},
                {"id": "partial", "question": "P?", "hypotheses": ["a", "b"], "priors": {"a": 0.5}},
            ],
        }
    )
    result = analyse(case)
    lone = result.set("lone")
    assert [row.rank for row in lone.rows] == [None]
    assert "check H004" in lone.missing["ach"]
    assert lone.explanations == (
        "Neither ACH nor the posteriors weigh this set: set 'lone' has one hypothesis, so "
        "there is nothing to weigh it against (check H004).",
    )
    partial = result.set("partial")
    assert any(
        e.startswith("The posteriors refuse this set: set 'partial'") and "(check H003)" in e
        for e in partial.explanations
    ), partial.explanations
