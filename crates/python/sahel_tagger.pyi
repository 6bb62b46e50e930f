"""Entity tagger for Sahel conflict news (French, English, Arabic).

Finds the armed groups, forces, places, people, media and organizations named in a text, whatever the
spelling, and links each mention to one entity of the gazetteer. Offsets are code points:
``text[m["start"]:m["end"]] == m["surface"]``.
"""

from os import PathLike
from typing import Any, Iterable, Literal, Optional, Sequence, TypedDict, Union

from typing_extensions import NotRequired

__version__: str
GAZETTEER_VERSION: str

EntityType = Literal["armed_group", "force", "place", "person", "media", "organization"]

class Check(TypedDict):
    """Why a name was doubtful and what decided it (with ``details=True``)."""

    doubt: str
    verdict: Literal["kept", "unconfirmed", "dropped"]
    reason: str
    cue: NotRequired[str]
    words: NotRequired[str]
    at: NotRequired[int]

class Candidate(TypedDict):
    """One entity an ambiguous spelling may refer to, with what tells it from the others."""

    id: str
    name: str
    country: NotRequired[str]
    parent: NotRequired[str]
    parent_name: NotRequired[str]
    subtype: NotRequired[str]

# Why the document's context linked a name to its entity rather than another candidate; `with` is
# the id of the place that decided (a keyword in Python, hence the functional form).
Reason = TypedDict(
    "Reason",
    {
        "kind": Literal["designator", "cue", "nationality", "admin_parent", "region", "country", "surname", "affiliate"],
        "text": str,
        "with": NotRequired[str],
    },
)

class Mention(TypedDict):
    """One mention: the core's MentionView, as the CLI writes it. The first six keys are always
    there (the JSON Lines contract); the flags only when true; the rest with ``details=True``, each
    only when known."""

    start: int
    """Start, in code points of the text."""
    end: int
    """End (exclusive), in code points of the text."""
    surface: str
    """The mention's text: ``text[start:end]``."""
    id: Optional[str]
    """The entity's stable id (``jnim``, ``tombouctou``, ``gn:2449067``); None for an unlisted name."""
    name: str
    """The entity's canonical name (the surface for an unlisted name)."""
    type: EntityType
    unlisted: NotRequired[bool]
    """A name no list holds, proposed by its context (in by default; ``unlisted=False`` leaves them out)."""
    unconfirmed: NotRequired[bool]
    """A doubtful name emitted without evidence (``possible=True``)."""
    match: NotRequired[Literal["exact", "tolerant", "grammar"]]
    variant: NotRequired[str]
    subtype: NotRequired[str]
    candidates: NotRequired[list[str]]
    ambiguous: NotRequired[bool]
    possible: NotRequired[bool]
    case_sensitive: NotRequired[bool]
    check: NotRequired[Check]
    """For a doubtful name: why it needed evidence and what kept it."""
    cue: NotRequired[str]
    """For an unlisted name: the cue's words (``villages de``)."""
    cue_kind: NotRequired[str]
    rule: NotRequired[str]
    tier: NotRequired[Literal["user", "curated", "geonames"]]
    designator: NotRequired[bool]
    """The span was grown over a place designator ("province de Kossi")."""
    candidate_facts: NotRequired[list[Candidate]]
    country: NotRequired[str]
    admin1: NotRequired[str]
    """The place's first-level administrative unit (region), as GeoNames names it ("Nord")."""
    admin2: NotRequired[str]
    """The place's second-level unit (cercle, province, department), as GeoNames names it ("Yatenga")."""
    lat: NotRequired[float]
    lon: NotRequired[float]
    reason: NotRequired[Reason]
    """Why context linked the name to this entity (absent when nothing told the candidates apart)."""
    related: NotRequired[list[Candidate]]
    """Places sharing the name without being listed under this spelling (a town's region)."""

_Path = Union[str, "PathLike[str]"]

class GazetteerError(ValueError):
    """A gazetteer that does not load: the message lists ``file:line: error: message`` lines (the
    first 20, as the CLI prints them); ``errors`` holds every one."""

    errors: list[str]

class GazetteerWarning(UserWarning):
    """A warning about a file given to ``Tagger.from_files`` (``file:line: warning: message``)."""

class Tagger:
    """Finds gazetteer entities in text. Immutable; share one between threads."""

    def __init__(self) -> None:
        """A tagger over the gazetteer embedded in the library."""

    @staticmethod
    def from_files(
        paths: Sequence[_Path], include_default: bool = True, *, geonames: Optional[_Path] = None
    ) -> "Tagger":
        """A tagger over gazetteer files (TOML, spaCy patterns JSONL or TSV, as the CLI's ``-g``),
        over the embedded gazetteer unless ``include_default=False``; ``geonames``: a GeoNames
        (GeoNames) layer below the curated gazetteer.

        Raises ``GazetteerError`` when a file does not validate, ``OSError`` when one cannot be read.
        """

    def tag(
        self, text: str, *, possible: bool = False, unlisted: bool = True, details: bool = False
    ) -> list[Mention]:
        """The mentions in ``text``, sorted and non-overlapping, with code point offsets; names no list
        holds (``"unlisted": True``, ``"id": None``) are in unless ``unlisted=False``."""

    def tag_many(
        self,
        texts: Iterable[str],
        *,
        threads: Optional[int] = None,
        possible: bool = False,
        unlisted: bool = True,
        details: bool = False,
    ) -> list[list[Mention]]:
        """``[tag(t) for t in texts]`` tagged in parallel (GIL released; every core unless
        ``threads``), in the order of ``texts``."""

    def entities(self) -> list[dict[str, Any]]:
        """Every entity, in the gazetteer's format (id, name, type, subtype, variants, ...)."""

    def entity(self, id: str) -> Optional[dict[str, Any]]:
        """The entity with this id, or None."""

    def __len__(self) -> int:
        """The number of entities."""
