"""Public API usage checked by mypy; each reveal_type line states the expected type.

tests/test_typing.py runs mypy on this file and compares every revealed type
with the ``# expect:`` comment on its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discourse as dc

if not TYPE_CHECKING:  # reveal_type is a builtin only for type checkers (and Python 3.11+ typing)
    from typing_extensions import reveal_type

corpus = dc.load("corpus.json")
reveal_type(corpus)  # expect: discourse.corpus.Corpus
reveal_type(corpus.claims(target="jeremy-corbyn", stance="oppose"))  # expect: builtins.list[discourse.model._records.Claim]
reveal_type(corpus.find("Corbyn"))  # expect: discourse.model._records.Actor | discourse.model._records.Faction | None
reveal_type(corpus.actors)  # expect: builtins.list[discourse.model._records.Actor]
reveal_type(corpus.members("labour", at="2017"))  # expect: builtins.list[discourse.model._records.Actor | discourse.model._records.Faction]
reveal_type(corpus.factions_of("john-mcdonnell"))  # expect: builtins.list[discourse.model._records.Faction]
reveal_type(corpus.timeline())  # expect: builtins.list[discourse.model._records.Claim | discourse.model._records.Event]
reveal_type(corpus.of_type(dc.Event))  # expect: builtins.list[discourse.model._records.Event]
reveal_type(dc.loads("{}"))  # expect: discourse.corpus.Corpus
reveal_type(dc.dumps(corpus))  # expect: builtins.str
reveal_type(dc.iter_load("c.jsonl"))  # expect: typing.Iterator[discourse.model._records.Actor | discourse.model._records.Faction | discourse.model._records.Membership | discourse.model._records.Claim | discourse.model._records.Event | discourse.model._records.Source]

claim = dc.Claim(id="c1", claimant="owen-jones", stance="oppose", date="2017-03")
reveal_type(claim.stance)  # expect: discourse.model._enums.Stance | None
reveal_type(claim.date)  # expect: discourse.model._dates.PartialDate | None
reveal_type(claim.evidence)  # expect: builtins.tuple[discourse.model._records.Span, ...]
reveal_type(dc.PartialDate.parse("2017").first)  # expect: datetime.date
