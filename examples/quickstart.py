"""A whole case in Python, no files: sources, evidence, two rival hypotheses, and analysis."""

from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source, check
from scenarios.analysis import ach, case_graph, evaluate, posteriors
from scenarios.render import argument_map

b = CaseBuilder(title="Who decides when the militias escalate?", as_of="2021-12-31")
b.add(
    Source(id="malik", title="Iran's Game Plan for Iraq's Militias", reliability="B"),
    Source(id="soufan", title="IntelBrief: Iraq Fails to Rein in Militias", reliability="B"),
    Hypothesis(id="defy", statement="The militias decide for themselves."),
    Hypothesis(id="control", statement="The Quds Force still decides."),
    HypothesisSet(
        id="who", question="Who decides?", hypotheses=("defy", "control"), exhaustive=True
    ),
)
# id, source, quote, claim, credibility, rating against defy, rating against control
EVIDENCE = [
    (
        "message",
        "malik",
        "the matter is related to us",
        "Khazali told Qaani AAH decides.",
        2,
        "CC",
        "I",
    ),
    ("calm", "malik", "to calm AAH down", "Qaani came, and the attacks stopped.", 3, "I", "C"),
    (
        "instigation",
        "soufan",
        "Likely at Iran's instigation",
        "KH acted on Iran's cue.",
        3,
        "I",
        "C",
    ),
]
for item, source, quote, claim, credibility, on_defy, on_control in EVIDENCE:
    b.add(
        Evidence(
            id=item,
            claim=claim,
            credibility=credibility,
            quotes=(Quote(source=source, text=quote),),
        )
    )
    b.link(item, "defy", on_defy)
    b.link(item, "control", on_control)
case = b.build()

for finding in check(case):
    print(f"{finding.code} {finding.severity}: {finding.message}")
print("ACH ranking:", ", ".join(f"{s.rank}. {s.hypothesis}" for s in ach(case, "who").scores))
for p in posteriors(case, "who").posteriors:
    print(f"P({p.hypothesis}) = {p.posterior:.0%}: {p.judgement}")
labels = evaluate(case_graph(case)).labels
print("Carneades:", {h: labels[h] for h in ("defy", "control")})
print("Map:", argument_map(case).source.count("->"), "edges")
