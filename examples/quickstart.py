"""A whole case in Python, no files: sources, evidence, two rival hypotheses, and analysis."""

from scenarios import CaseBuilder, Evidence, Hypothesis, HypothesisSet, Quote, Source, check
from scenarios.analysis import ach, evaluate, posteriors
from scenarios.analysis.carneades import case_graph
from scenarios.render import argument_map

b = CaseBuilder(title="Who decides when the militias escalate?", as_of="2021-12-31")
b.add(
    Source(
        id="malik",
        title="Iran's Game Plan for Iraq's Militias",
        reliability="B",
        url="https://www.mei.edu/publications/irans-game-plan-iraqs-militias",
    ),
    Source(
        id="soufan",
        title="IntelBrief: Iraq Fails to Rein in Iran-Backed Militias",
        reliability="B",
        published="2020-07-06",
    ),
    Hypothesis(id="defy", statement="The militias decide for themselves."),
    Hypothesis(id="control", statement="The Quds Force still decides."),
    HypothesisSet(
        id="who", question="Who decides?", hypotheses=("defy", "control"), exhaustive=True
    ),
)
b.add(
    Evidence(
        id="message",
        claim="Khazali told Qaani in public that AAH decides for itself.",
        credibility=2,
        occurred="2020-11-19",
        quotes=(Quote(source="malik", text="the matter is related to us"),),
    ),
    Evidence(
        id="calm",
        claim="Qaani travelled to Iraq and the serious attacks stopped.",
        credibility=3,
        occurred="2020-12-21",
        quotes=(Quote(source="malik", text="to calm AAH down"),),
    ),
    Evidence(
        id="instigation",
        claim="KH's show of force was likely done at Iran's instigation.",
        credibility=3,
        occurred="2020-06",
        quotes=(Quote(source="soufan", text="Likely at Iran's instigation"),),
    ),
)
b.link("message", "defy", "CC", relevance="high", rationale="A public refusal.")
b.link("message", "control", "I", rationale="Hard to square with firm control.")
b.link("calm", "defy", "I", rationale="They stopped when Qaani came.")
b.link("calm", "control", "C", rationale="Restraint on request.")
b.link("instigation", "defy", "I", rationale="Acting on Tehran's prompting.")
b.link("instigation", "control", "C", rationale="Tehran directs the escalation.")
case = b.build()

for finding in check(case):
    print(f"{finding.code} {finding.severity}: {finding.message}")
result = ach(case, "who")
print("ACH ranking:", ", ".join(f"{s.rank}. {s.hypothesis}" for s in result.scores))
for p in posteriors(case, "who").posteriors:
    print(f"P({p.hypothesis}) = {p.posterior:.0%}, {p.words}")
labels = evaluate(case_graph(case))
print("Carneades:", {h: labels.labels[h] for h in ("defy", "control")})
print("Map:", argument_map(case).source.count("->"), "edges")
