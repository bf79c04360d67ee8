"""Source texts, case anchoring, lineage, near-duplicates, actors and grades."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from scenarios import Actor, Case, CaseBuilder, CaseMeta, Evidence, Hypothesis, Quote, Source
from scenarios.checks import Finding, check
from scenarios.io import SourceTexts, read_source_texts
from scenarios.provenance import (
    CREDIBILITY_MEANINGS,
    RELIABILITY_MEANINGS,
    Lineage,
    MentionFinder,
    actor_mentions,
    alias_suggestions,
    anchor_case,
    evidence_grade,
    text_sha256,
)
from scenarios.provenance._duplicates import near_duplicates, shingles
from tests.support import ROOT, SEEDS

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo"
)


def small_case(*, text_path: str | None = "a.txt", quote: str = "we won't listen") -> Case:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="a", title="A", text_path=text_path),
        Evidence(id="e1", claim="c", quotes=(Quote(source="a", text=quote),)),
        Hypothesis(id="h", statement="H"),
    )
    return b.build()


# -- texts ----------------------------------------------------------------------------


def test_texts_are_read_beside_the_case(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"He said: we won't listen.\r\n")
    texts = read_source_texts(small_case(), case_dir=tmp_path)
    assert texts.texts == {"a": "He said: we won't listen.\r\n"}  # bytes kept, no newline change
    assert texts.paths["a"] == tmp_path / "a.txt"


def test_sources_folder_matches_by_id(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("we won't listen")
    texts = read_source_texts(small_case(text_path=None), sources_dir=tmp_path)
    assert texts.texts == {"a": "we won't listen"}


def test_missing_and_citation_only_texts_are_reasons_not_errors(tmp_path: Path) -> None:
    assert read_source_texts(small_case(text_path=None), case_dir=tmp_path).missing == {
        "a": "no text_path declared (citation only)"
    }
    missing = read_source_texts(small_case(), case_dir=tmp_path).missing["a"]
    assert missing.startswith("no text at ")
    assert missing.endswith("a.txt")


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("we won't listen")
    folder = tmp_path / "case"
    folder.mkdir()
    os.symlink(outside, folder / "a.txt")
    texts = read_source_texts(small_case(), case_dir=folder)
    assert texts.texts == {}
    assert "leads outside" in texts.problems[0].message
    (finding,) = [f for f in check(small_case(), texts=texts) if f.code == "Q005"]
    assert finding.severity == "error"


def test_a_text_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"caf\xe9")
    (problem,) = read_source_texts(small_case(), case_dir=tmp_path).problems
    assert problem.message.endswith("is not UTF-8 (byte 3)")


def test_a_missing_sources_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="sources folder not found"):
        read_source_texts(small_case(), sources_dir=tmp_path / "nope")


# -- anchoring a case -------------------------------------------------------------------


def test_anchoring_records_spans_and_digests_without_touching_the_input() -> None:
    case = small_case()
    text = "He said: we won\u2019t listen."
    report = anchor_case(case, {"a": text})
    (quote,) = report.case.evidence[0].quotes
    assert quote.span is not None
    assert (quote.span.start, quote.span.end) == (9, 24)
    assert report.case.sources[0].sha256 == text_sha256(text)
    assert case.evidence[0].quotes[0].span is None
    assert [q.state for q in report.quotes] == ["anchored"]
    assert report.quotes[0].path == ("evidence", 0, "quotes", 0, "text")


def test_a_changed_text_is_reported_and_quotes_re_anchored() -> None:
    first = anchor_case(small_case(), {"a": "we won't listen"}).case
    moved = anchor_case(first, {"a": "Then: we won't listen"})
    assert moved.changed == ("a",)
    span = moved.case.evidence[0].quotes[0].span
    assert span is not None
    assert span.start == 6
    gone = anchor_case(first, {"a": "we will listen"})
    assert [q.state for q in gone.quotes] == ["not-found"]
    assert gone.case.evidence[0].quotes[0].span is None
    codes = {f.code for f in check_with_text(first, "we will listen")}
    assert {"Q001", "Q003"} <= codes


def check_with_text(case: Case, text: str) -> tuple[Finding, ...]:
    return check(case, texts=SourceTexts(texts={"a": text}))


def test_a_misquote_gets_a_did_you_mean() -> None:
    case = small_case(quote="a clear message to Mr. Esmail Ghaani")
    texts = SourceTexts(
        texts={"a": "I sent a clear message to Mr. Esmail Qaani, current commander"}
    )
    (finding,) = [f for f in check(case, texts=texts) if f.code == "Q001"]
    assert finding.message == "evidence 'e1' quote 1 is not in the text of source 'a'"
    assert finding.hint is not None
    assert finding.hint.startswith("did you mean 'a clear message to Mr. Esmail Qaani'")


# -- the seeds ----------------------------------------------------------------------------


@needs_seeds
def test_every_quote_of_the_example_anchors_in_the_seeds(example_case: Case) -> None:
    case = example_case
    texts = read_source_texts(case, sources_dir=SEEDS)
    assert sorted(texts.texts) == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
    report = anchor_case(case, texts.texts)
    assert {q.state for q in report.quotes} == {"anchored"}
    assert report.changed == ()
    # The findings the case's notes explain, and no other. V008 follows the posteriors, which
    # have their own tests (tests/checks/test_review_checks.py pins its scope).
    found = [(f.code, f.objects[0]) for f in check(case, texts=texts) if f.code != "V008"]
    assert found == [
        ("H002", "threats-are-bluff"),
        ("H002", "sadr-militia-confrontation"),
        ("H002", "militias-accommodate-sadr"),
        ("H002", "militias-obstruct-government"),
        ("H002", "kadhimi-can-rein-in"),
        ("H002", "escalation-as-jcpoa-leverage"),
        ("H002", "escalation-not-jcpoa-leverage"),
        ("A003", "seeds-are-four-reporting-lines"),
    ]


@needs_seeds
def test_exactly_the_republished_pair_is_a_near_duplicate() -> None:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())}
    (pair,) = near_duplicates(texts)
    assert (pair.a, pair.b) == ("000", "001")
    assert 0.65 < pair.containment < 0.8
    assert near_duplicates(texts, threshold=0.05) == [pair]  # nothing else even at 5 %


@needs_seeds
def test_undeclared_copies_are_flagged(example_case: Case) -> None:
    case = example_case
    undeclared = case.model_copy(
        update={"sources": tuple(dataclasses.replace(s, derived_from=()) for s in case.sources)}
    )
    texts = read_source_texts(case, sources_dir=SEEDS)
    (finding,) = [f for f in check(undeclared, texts=texts) if f.code == "S001"]
    assert finding.objects == ("seed-000", "seed-001")
    assert "72% of the shorter text is in the longer" in finding.message
    assert finding.hint is not None
    assert "their publication dates do not say which" in finding.hint  # seed-000 has none


def test_the_later_text_is_named_as_the_copy() -> None:
    # Before: the hint told the user to declare the second listed source the copy,
    # whichever was published first.
    story = " ".join(f"word{n} sentence{n} about the militias and Baghdad" for n in range(80))
    case = Case(
        meta=CaseMeta(title="t"),
        sources=(
            Source(id="blog", title="Blog repost", published="2021-05-02"),
            Source(id="paper", title="Newspaper", published="2021-04"),
        ),
    )
    (finding,) = [f for f in check(case, texts={"blog": story, "paper": story}) if f.code == "S001"]
    assert finding.hint == (
        "declare 'blog' derived_from 'paper': it was published later (or both from their original)"
    )


def test_near_duplicates_checks_its_threshold() -> None:
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\]"):
        near_duplicates({}, threshold=0)
    assert shingles("one two") == frozenset()


# -- lineage --------------------------------------------------------------------------------


def lineage_case() -> Case:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="mei", title="MEI"),
        Source(id="winep", title="WINEP", derived_from=("mei",)),
        Source(id="site", title="Site", derived_from=("mei",)),
        Source(id="soufan", title="Soufan"),
        Hypothesis(id="h", statement="H"),
    )
    for i, source in enumerate(["winep", "site", "soufan"]):
        b.add(Evidence(id=f"e{i}", claim="c", quotes=(Quote(source=source, text="q"),)))
        b.link(f"e{i}", "h", "C")
    return b.build()


def test_copies_of_one_original_are_one_lineage() -> None:
    case = lineage_case()
    lineage = Lineage.of(case)
    assert lineage.members == {"mei": ("mei", "site", "winep"), "soufan": ("soufan",)}
    assert lineage.origins("site") == frozenset({"mei"})
    assert not lineage.independent("winep", "site")
    assert lineage.independent("winep", "soufan")
    assert lineage.corroboration(case, "h") == 2  # three items, two independent groups


def test_near_duplicates_can_join_groups_and_cycles_are_tolerated() -> None:
    case = Case.unchecked(
        {
            "meta": {"title": "t"},
            "sources": [
                {"id": "a", "title": "A", "derived_from": ["b"]},
                {"id": "b", "title": "B", "derived_from": ["a"]},
                {"id": "c", "title": "C"},
            ],
        }
    )
    lineage = Lineage.of(case, same=[("a", "c")])
    assert lineage.group("a") == lineage.group("c") == "c"  # the only member without a parent
    assert lineage.origins("a") == frozenset({"a", "b"})


# -- actors and grades ------------------------------------------------------------------------


def test_seed_spellings_resolve_to_one_actor_each(example_case: Case) -> None:
    case = example_case
    finder = MentionFinder(case.actors)
    for spelling, actor in [
        ("Qaani", "qaani"),
        ("Ghaani", "qaani"),
        ("Qa'ani", "qaani"),
        ("Qa\u2019ani", "qaani"),
        ("Muhandis", "muhandis"),
        ("Muhannis", "muhandis"),
        ("Soleimani", "soleimani"),
        ("Solemani", "soleimani"),
        ("Asa'ib Ahl al-Haq", "aah"),
        ("Asaib Ahl al-Haq", "aah"),
        ("AAH", "aah"),
        ("Kata\u2019ib Hezbollah", "kh"),
        ("KH", "kh"),
    ]:
        assert finder.resolve(spelling) == actor, spelling
        assert [m.actor for m in finder.find(f"Then {spelling} spoke.")] == [actor], spelling


def test_mentions_are_listed_per_actor(example_case: Case) -> None:
    mentions = actor_mentions(example_case)
    places = [where for where, _ in mentions["qaani"]]
    assert "qaani-asks-calm-for-talks.quotes[0]" in places  # spelled "Ghaani" there
    assert all(
        m.text.casefold() in {"qaani", "ghaani", "esmail qaani", "esmail ghaani"}
        for _, m in mentions["qaani"]
    )


def test_a_close_unknown_name_suggests_an_alias() -> None:
    b = CaseBuilder(title="t")
    b.add(
        Source(id="s", title="S"),
        Actor(id="sol", name="Qasem Soleimani"),
        Evidence(
            id="e",
            claim="Solemani's death left a vacuum in Iraq.",
            quotes=(Quote(source="s", text="q"),),
        ),
    )
    (suggestion,) = alias_suggestions(b.build())
    assert (suggestion.name, suggestion.alias, suggestion.actor) == ("Solemani", "Soleimani", "sol")
    (finding,) = [f for f in check(b.build()) if f.code == "N001"]
    assert finding.severity == "info"


def test_grades_combine_letter_and_digit(example_case: Case) -> None:
    case = example_case
    grades = {e.id: evidence_grade(case, e) for e in case.evidence}
    assert grades["khazali-message-to-qaani"] == "B2"  # seed-001 (B) and seed-000 (C): best
    assert grades["qaani-asks-calm-for-talks"] == "D3"  # the AP's report, as seed-003 relays it
    assert grades["embassy-hit-three-katyushas"] == "D3"
    # the fact of KH's show of force, and the speculation about who prompted it
    assert (grades["kh-arrests-reversed"], grades["kh-intimidation-at-iran-instigation"]) == (
        "B2",
        "B4",
    )
    assert set(RELIABILITY_MEANINGS) == set("ABCDEF")
    assert set(CREDIBILITY_MEANINGS) == {1, 2, 3, 4, 5, 6}


def test_the_docs_grade_table_matches_the_meanings() -> None:
    page = (ROOT / "docs" / "provenance.md").read_text(encoding="utf-8")
    for (letter, words), (digit, meaning) in zip(
        RELIABILITY_MEANINGS.items(), CREDIBILITY_MEANINGS.items(), strict=True
    ):
        assert f"| {letter} | {words} | {digit} | {meaning} |" in page
