"""Query methods that :class:`~discourse.Corpus` and :class:`~discourse.Store` share.

Each class answers a few primitive questions its own way (an in-memory index or
an SQL query): :meth:`find_all`, :meth:`problems` and :meth:`_stance_partners`.
The methods built on them are written once, here.
"""

from __future__ import annotations

from discourse.errors import AmbiguousNameError, DanglingReferenceError
from discourse.model import Actor, Faction

__all__ = ["Entity", "SharedQueries"]

Entity = Actor | Faction
"""A record that can claim, be targeted or belong: an actor or a faction."""


class SharedQueries:
    """The query methods written on the primitives of a corpus or a store."""

    __slots__ = ()

    def find_all(self, name: str) -> list[Entity]:  # pragma: no cover - abstract
        """Every actor and faction whose name or an alias matches ``name``."""
        raise NotImplementedError

    def problems(self) -> list[str]:  # pragma: no cover - abstract
        """Every dangling or mistyped reference, one message each."""
        raise NotImplementedError

    def _stance_partners(self, x: str, stance: str) -> list[Entity]:  # pragma: no cover
        # Who x takes `stance` toward, or who takes it toward x: most claims first,
        # ties in the order of x's own claims, then of the claims about x.
        raise NotImplementedError

    def find(self, name: str) -> Entity | None:
        """The one actor or faction called ``name`` (by name or alias), or ``None``.

        Raises:
            AmbiguousNameError: Several records match; use :meth:`find_all`.

        Examples:
            >>> import discourse as dc
            >>> c = dc.Corpus([dc.Actor(id="jc", name="Jeremy Corbyn", aliases=("Corbyn",))])
            >>> c.find("Corbyn’s").name
            'Jeremy Corbyn'
        """
        found = self.find_all(name)
        if not found:
            return None
        if len(found) > 1:
            raise AmbiguousNameError(name, [r.id for r in found])
        return found[0]

    def validate(self) -> None:
        """Check that every reference points to a record of the right type.

        Raises:
            DanglingReferenceError: Listing every problem at once.
        """
        problems = self.problems()
        if problems:
            raise DanglingReferenceError(problems)

    def opponents(self, x: str) -> list[Entity]:
        """Who ``x`` opposes or is opposed by, most opposing claims first."""
        return self._stance_partners(x, "oppose")

    def allies(self, x: str) -> list[Entity]:
        """Who ``x`` supports or is supported by, most supportive claims first."""
        return self._stance_partners(x, "support")
