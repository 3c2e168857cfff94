"""Quickstart: model a conflict, query it, save it and load it back.

Run it::

    python examples/quickstart.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import discourse as dc

# 1. Records: typed, immutable, validated on construction.
corbyn = dc.Actor(id="jeremy-corbyn", name="Jeremy Corbyn", kind="person", aliases=("Corbyn",))
labour = dc.Faction(id="labour", name="Labour Party", kind="party", aliases=("Labour",))
blairites = dc.Faction(id="blairites", name="Blairites", kind="wing", parent="labour")
jones = dc.Actor(id="owen-jones", name="Owen Jones", kind="person")
seed = dc.Source(id="seed", title="Jeremy Corbyn", published="2017-03")
demand = dc.Claim(
    id="c1",
    claimant="owen-jones",
    form="demand",
    target="jeremy-corbyn",
    stance="oppose",
    text="Corbyn should stand down and do a deal with the Blairites",
    quote="do a deal",
    date="2017-03",
    evidence=(dc.Span(source="seed", start=711, end=783),),
)

# 2. A corpus indexes them for queries.
corpus = dc.Corpus([corbyn, labour, blairites, jones, seed, demand])
corpus.validate()  # every reference points somewhere
print(corpus)
print("Opposing Corbyn:", [c.id for c in corpus.claims(target="jeremy-corbyn", stance="oppose")])
print("'Corbyn' is", corpus.find("Corbyn").name)  # type: ignore[union-attr]

# 3. Bad values are refused with the field named.
try:
    dc.Claim(id="c2", claimant="owen-jones", stance="opose")
except dc.ValidationError as error:
    print("Refused:", error)

# 4. Save and load, losslessly.
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "labour.json"
    dc.dump(corpus, path)
    assert dc.load(path) == corpus
    print(f"Round trip through {path.name}: equal")

# 5. Parse raw text into the same records (the shipped English parser; offline).
text = (
    "John McDonnell, the Shadow Chancellor, has warned of a “soft coup” against the leader. "
    "Owen Jones, meanwhile, has called on Corbyn to stand down."
)
parsed = dc.parse(text, date="2017-03")
for claim in parsed.claims():
    claimant = parsed[claim.claimant]
    print("Parsed claim:", getattr(claimant, "name", claim.claimant), claim.form, claim.target, claim.stance)
