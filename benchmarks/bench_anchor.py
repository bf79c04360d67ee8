"""Benchmark: anchor 10,000 quotes in 1,000 source texts (about 7.6 MB) on this machine.

Each text is normalised once; each quote is searched in its own source only. One
quote in five is re-typeset (curly quotes, dashes, line breaks) so that the
normalised path is exercised, and one in twenty has an elision.

Run: ``python benchmarks/bench_anchor.py`` (``make bench``). Reports the best of N runs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _support import best
from scenarios import Case, CaseMeta, Evidence, Quote, Source
from scenarios.provenance import anchor_case

WORDS = [
    "militia",
    "leaders",
    "rocket",
    "attack",
    "embassy",
    "quds",
    "force",
    "commander",
    "statement",
    "interview",
    "government",
    "parliament",
    "withdrawal",
    "sanctions",
    "escalation",
    "leverage",
    "negotiation",
]


def corpus(documents: int, quotes: int, seed: int = 7) -> tuple[Case, dict[str, str]]:
    rng = random.Random(seed)
    texts = {}
    for d in range(documents):
        words = [
            rng.choice(WORDS) + (str(rng.randrange(1000)) if rng.random() < 0.3 else "")
            for _ in range(760)
        ]
        texts[f"s{d}"] = " ".join(w + ("\n" if rng.random() < 0.05 else "") for w in words).replace(
            "said", "said \u2014 "
        )
    evidence = []
    for q in range(quotes):
        source = f"s{q % documents}"
        text = texts[source]
        start = rng.randrange(0, len(text) - 200)
        start = text.index(" ", start) + 1
        end = text.index(" ", start + rng.randrange(40, 160))
        quote = text[start:end]
        if q % 5 == 0:
            quote = " ".join(quote.split())  # line breaks re-typeset
        words = quote.split()
        if q % 20 == 0 and len(words) >= 8:  # skip at least two words, so pieces never overlap
            quote = " ".join(words[:3]) + " [...] " + " ".join(words[-3:])
        evidence.append(Evidence(id=f"e{q}", claim="c", quotes=(Quote(source=source, text=quote),)))
    sources = tuple(Source(id=s, title=s) for s in texts)
    return Case(meta=CaseMeta(title="bench"), sources=sources, evidence=tuple(evidence)), texts


def main(repeat: int = 5) -> None:
    case, texts = corpus(1_000, 10_000)
    size = sum(len(t.encode("utf-8")) for t in texts.values())
    report = anchor_case(case, texts)
    states = {s: sum(q.state == s for q in report.quotes) for s in ("anchored", "ambiguous")}
    assert states["anchored"] + states["ambiguous"] == len(report.quotes), "every quote anchors"
    took = best(lambda: anchor_case(case, texts), repeat)
    print(
        f"{len(report.quotes):,} quotes in {len(texts):,} texts ({size / 1e6:.1f} MB): "
        f"{states['anchored']:,} anchored, {states['ambiguous']:,} ambiguous"
    )
    print(
        f"anchor_case (normalise, search, record spans and digests): {took * 1000:.0f} ms "
        f"(best of {repeat})"
    )


if __name__ == "__main__":
    main()
