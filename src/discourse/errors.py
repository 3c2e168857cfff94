"""The exceptions and warnings raised by ``discourse``.

Every error the library raises on purpose derives from one base class, so a
caller can catch :class:`DiscourseError` and know it came from here. Errors
about bad values also derive from :class:`ValueError`, errors about missing
records from :class:`LookupError`, as attrs' exceptions subclass the matching
builtins::

    DiscourseError
    ├── ValidationError (ValueError)      a record or value is not valid
    │   ├── DanglingReferenceError        references to ids that are not there
    │   └── DuplicateIdError              two different records share an id
    ├── FormatError (ValueError)          a file or document cannot be read or written
    │   └── UnknownFormatError            no reader/writer for that name or extension
    ├── ParseError (ValueError)           the text parser was given unusable input
    ├── RecordNotFoundError (KeyError)    no record with that id
    ├── AmbiguousNameError (LookupError)  a name resolves to several records
    └── StoreError                        the on-disk store cannot be used

    DiscourseWarning (UserWarning)
    └── LossWarning                       a format dropped fields it cannot carry

Context is given as keyword arguments and kept as attributes (``path``,
``line``, ``errors``...), so programs can react without parsing messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = [
    "AmbiguousNameError",
    "DanglingReferenceError",
    "DiscourseError",
    "DiscourseWarning",
    "DuplicateIdError",
    "FormatError",
    "LossWarning",
    "ParseError",
    "RecordNotFoundError",
    "StoreError",
    "UnknownFormatError",
    "ValidationError",
]


class DiscourseError(Exception):
    """Base class of every error raised by ``discourse``."""


class ValidationError(DiscourseError, ValueError):
    """A record or value is not valid.

    Attributes:
        field: The name of the offending field (e.g. ``"stance"``), if known.
        value: The offending value, if known.
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class DanglingReferenceError(ValidationError):
    """Records refer to ids that are not in the corpus.

    Attributes:
        problems: One line per dangling reference, e.g.
            ``"claims['c1'].target: no record with id 'corbin'"``.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        n = len(self.problems)
        head = f"{n} dangling reference{'s' if n != 1 else ''}:\n"
        super().__init__(head + "\n".join(f"  {p}" for p in self.problems))


class DuplicateIdError(ValidationError):
    """Two different records were given the same id.

    Attributes:
        id: The id in question.
    """

    def __init__(self, message: str, *, id: str) -> None:
        super().__init__(message, field="id", value=id)
        self.id = id


class FormatError(DiscourseError, ValueError):
    """A document or file cannot be read or written.

    The message starts with the location of each problem, e.g.
    ``claims[3].stance: 'opose' is not one of support, oppose, neutral``.

    Attributes:
        path: The file involved, if any.
        line: The 1-based line number for line-oriented formats, if known.
        errors: Every problem found, one readable line each (all of them, not
            only the first).
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        errors: Iterable[str] | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.errors = tuple(errors) if errors is not None else (message,)
        where = f"{path}: " if path else ""
        super().__init__(where + message)


class UnknownFormatError(FormatError):
    """No reader or writer is registered for a format name or file extension."""


class ParseError(DiscourseError, ValueError):
    """The text parser was given input it cannot use (e.g. not a string)."""


class RecordNotFoundError(DiscourseError, KeyError):
    """No record with the requested id is in the corpus.

    Attributes:
        id: The id that was looked up.
    """

    def __init__(self, id: str) -> None:
        super().__init__(id)
        self.id = id

    def __str__(self) -> str:
        return f"no record with id {self.id!r}"


class AmbiguousNameError(DiscourseError, LookupError):
    """A name or alias resolves to more than one record.

    Attributes:
        name: The name looked up.
        candidates: The ids of the matching records.
    """

    def __init__(self, name: str, candidates: Iterable[str]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(
            f"{name!r} matches {len(self.candidates)} records "
            f"({', '.join(self.candidates)}); use Corpus.find_all() or an id"
        )


class StoreError(DiscourseError):
    """The on-disk :class:`~discourse.Store` cannot be opened or used."""


class DiscourseWarning(UserWarning):
    """Base class of the warnings issued by ``discourse``."""


class LossWarning(DiscourseWarning):
    """A format could not carry some fields; they were dropped.

    Attributes:
        format: The format name.
        dropped: Mapping of ``"record_type.field"`` to the number of values dropped.
    """

    def __init__(self, format: str, dropped: Mapping[str, int]) -> None:
        self.format = format
        self.dropped = dict(dropped)
        parts = ", ".join(f"{k} ({v})" for k, v in sorted(self.dropped.items()))
        super().__init__(f"the {format} format cannot carry: {parts}")
