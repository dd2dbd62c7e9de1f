"""Anki's search language (its common part): parsed to a small tree and printed back.

Words and ``"phrases"`` match anywhere in a note's fields (``*`` any run of
characters, ``_`` one character, ``\\*`` ``\\_`` ``\\\\`` the characters
themselves); Chinese text needs no spaces, a word is a substring. Terms next to
each other must all match; ``or`` between terms (binding looser than the implied
``and``), ``-`` before a term or a parenthesised group negates it.

Keywords: ``deck:NAME`` (sub-decks included, ``*`` wildcards), ``tag:NAME``
(child tags ``NAME::…`` included), ``topic:NAME`` (cards made from an article on
that 申论 theme, ``*`` wildcards), ``is:new|learn|review|due|suspended|buried|leech``,
``card:N``, ``note:cloze|qa|list``, ``cid:1,2``, ``prop:ivl>=10`` (``ivl``, ``due``,
``reps``, ``lapses``, ``pos``, ``s`` stability, ``d`` difficulty 0-1),
``rated:N`` / ``rated:N:R``, ``added:N``, ``introduced:N``, and field searches
``text:`` ``prompt:`` ``answer:`` ``items:`` ``extra:`` matching the whole field
(use ``*`` for "contains"). ``\\:`` keeps a colon literal, ``\\"`` a quote, ``\\(``
``\\)`` ``\\-`` the characters themselves.

:func:`parse` gives the tree or raises :class:`SearchError` naming the position
(1-based, in characters); :func:`to_text` prints a tree so that parsing the
print gives the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from trainer.domain.errors import TrainerError
from trainer.domain.model import NoteKind

STATES = ("new", "learn", "review", "due", "suspended", "buried", "leech")
KINDS = tuple(k.value for k in NoteKind)
"""What ``note:`` takes: every kind of note."""
PROPS = ("ivl", "due", "reps", "lapses", "pos", "s", "d")
OPS = ("<=", ">=", "!=", "=", "<", ">")
FIELDS = ("text", "prompt", "answer", "items", "extra")
KEYWORDS = (
    "deck",
    "tag",
    "topic",
    "is",
    "card",
    "note",
    "cid",
    "prop",
    "rated",
    "added",
    "introduced",
    *FIELDS,
)
_PATTERN_ESCAPES = "\\*_"
"""Escapes kept in a pattern (they mean something to matching)."""
_PLAIN_ESCAPES = '":()-'
"""Escapes the reader resolves to the character itself."""
_OPERATORS = ("and", "or")


class SearchError(TrainerError):
    """A malformed query; the message names the position."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"bad search at position {position}: {message}")
        self.position = position


# -- the tree ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Text:
    """A word or phrase; ``pattern`` keeps the ``\\*`` ``\\_`` ``\\\\`` escapes."""

    pattern: str


@dataclass(frozen=True, slots=True)
class DeckIs:
    pattern: str


@dataclass(frozen=True, slots=True)
class TagIs:
    pattern: str


@dataclass(frozen=True, slots=True)
class TopicIs:
    """Cards from an article whose themes (``domain.topics``) match ``pattern``."""

    pattern: str


@dataclass(frozen=True, slots=True)
class StateIs:
    state: str


@dataclass(frozen=True, slots=True)
class CardNumber:
    number: int


@dataclass(frozen=True, slots=True)
class NoteKindIs:
    kind: str


@dataclass(frozen=True, slots=True)
class CardIds:
    ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Prop:
    name: str
    op: str
    value: float


@dataclass(frozen=True, slots=True)
class Rated:
    days: int
    rating: int | None = None


@dataclass(frozen=True, slots=True)
class Added:
    days: int


@dataclass(frozen=True, slots=True)
class Introduced:
    days: int


@dataclass(frozen=True, slots=True)
class FieldIs:
    field: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class All:
    """The empty query: every card."""


Node = (
    Text
    | DeckIs
    | TagIs
    | TopicIs
    | StateIs
    | CardNumber
    | NoteKindIs
    | CardIds
    | Prop
    | Rated
    | Added
    | Introduced
    | FieldIs
    | Not
    | And
    | Or
    | All
)


# -- reading -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Token:
    kind: Literal["open", "close", "neg", "and", "or", "term"]
    position: int
    """1-based character position where the token starts."""
    text: str = ""
    colon: int = -1
    """Index in ``text`` of the first unescaped colon; -1 for none."""
    quoted: bool = False
    value_at: int = 0
    """1-based position of the character after the colon (for messages)."""


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch == "(":
            out.append(_Token("open", i + 1))
            i += 1
        elif ch == ")":
            out.append(_Token("close", i + 1))
            i += 1
        elif ch == "-" and (i + 1 >= n or query[i + 1].isspace() or query[i + 1] == ")"):
            raise SearchError("'-' must come right before what it negates", i + 1)
        elif ch == "-":
            out.append(_Token("neg", i + 1))
            i += 1
        else:
            token, i = _term(query, i)
            out.append(token)
    return out


def _term(query: str, start: int) -> tuple[_Token, int]:
    """One term from ``start``: bare characters and quoted runs, until space or paren."""
    chars: list[str] = []
    colon = -1
    value_at = 0
    quoted = False
    in_quote = False
    quote_at = 0
    i, n = start, len(query)
    while i < n:
        ch = query[i]
        if ch == "\\":
            if i + 1 >= n:
                raise SearchError("a backslash must be followed by a character", i + 1)
            nxt = query[i + 1]
            if nxt in _PATTERN_ESCAPES:
                chars.append("\\" + nxt)
            elif nxt in _PLAIN_ESCAPES:
                chars.append(nxt)
            else:
                raise SearchError(f"unknown escape \\{nxt} (use \\\\ for a backslash)", i + 1)
            i += 2
            continue
        if ch == '"':
            if in_quote:
                in_quote = False
                i += 1
                continue
            in_quote, quoted, quote_at = True, True, i + 1
            i += 1
            continue
        if not in_quote and (ch.isspace() or ch in "()"):
            break
        if ch == ":" and colon < 0:
            colon = len(chars)
            value_at = i + 2
        chars.append(ch)
        i += 1
    if in_quote:
        raise SearchError("unclosed quote", quote_at)
    text = "".join(chars)
    return _Token("term", start + 1, text, colon, quoted, value_at), i


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def parse(self) -> Node:
        if not self.tokens:
            return All()
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            raise SearchError("')' without a matching '('", tok.position)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and self._is_op(tok, "or"):
            self.at += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == "close" or self._is_op(nxt, "or"):
                raise SearchError("'or' needs a term after it", tok.position)
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(_flat(parts, Or))

    def and_expr(self) -> Node:
        parts: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != "close":
            if self._is_op(tok, "or"):
                if not parts:
                    raise SearchError("'or' needs a term before it", tok.position)
                break
            if self._is_op(tok, "and"):
                self.at += 1
                nxt = self.peek()
                if not parts or nxt is None or nxt.kind == "close" or self._is_op(nxt, "or"):
                    raise SearchError("'and' needs a term on each side", tok.position)
                continue
            parts.append(self.unary())
        if not parts:
            tok = self.peek()
            where = tok.position if tok is not None else len(self.query) + 1
            raise SearchError("expected a search term", where)
        return parts[0] if len(parts) == 1 else And(_flat(parts, And))

    def unary(self) -> Node:
        tok = self.peek()
        assert tok is not None
        if tok.kind == "neg":
            self.at += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == "close" or self._is_op(nxt, "or", "and"):
                raise SearchError("'-' must come right before what it negates", tok.position)
            return Not(self.unary())
        if tok.kind == "open":
            self.at += 1
            nxt = self.peek()
            if nxt is None:
                raise SearchError("'(' is never closed", tok.position)
            if nxt.kind == "close":
                raise SearchError("empty parentheses", tok.position)
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "close":
                raise SearchError("'(' is never closed", tok.position)
            self.at += 1
            return node
        self.at += 1
        return _term_node(tok)

    @staticmethod
    def _is_op(tok: _Token, *names: str) -> bool:
        return tok.kind == "term" and not tok.quoted and tok.text.lower() in names


def _flat(parts: list[Node], kind: type[And] | type[Or]) -> tuple[Node, ...]:
    out: list[Node] = []
    for part in parts:
        if isinstance(part, kind):
            out.extend(part.nodes)
        else:
            out.append(part)
    return tuple(out)


def _term_node(tok: _Token) -> Node:
    if tok.colon < 0:
        if not tok.text:
            raise SearchError("empty phrase", tok.position)
        return Text(tok.text)
    name = tok.text[: tok.colon].lower()
    value = tok.text[tok.colon + 1 :]
    at = tok.value_at
    if name not in KEYWORDS:
        raise SearchError(
            f"unknown search keyword {tok.text[: tok.colon]!r} (write \\: for a colon in text)",
            tok.position,
        )
    if not value:
        raise SearchError(f"'{name}:' needs a value", at)
    if name == "deck":
        return DeckIs(value)
    if name == "tag":
        return TagIs(value)
    if name == "topic":
        return TopicIs(value)
    if name in FIELDS:
        return FieldIs(name, value)
    plain = _unescaped(value)
    if name == "is":
        if plain.lower() not in STATES:
            raise SearchError(f"is: takes one of {'|'.join(STATES)}, not {plain!r}", at)
        return StateIs(plain.lower())
    if name == "note":
        if plain.lower() not in KINDS:
            raise SearchError(f"note: takes one of {'|'.join(KINDS)}, not {plain!r}", at)
        return NoteKindIs(plain.lower())
    if name == "card":
        return CardNumber(_whole(plain, at, "card:", low=1))
    if name == "cid":
        return CardIds(tuple(_whole(part, at, "cid:", low=1) for part in plain.split(",")))
    if name == "prop":
        return _prop(plain, at)
    if name == "rated":
        days, _, rating = plain.partition(":")
        count = _whole(days, at, "rated:", low=1)
        if not rating:
            if plain.endswith(":"):
                raise SearchError("rated:N:R needs a rating 1-4 after the second colon", at)
            return Rated(count)
        return Rated(count, _whole(rating, at + len(days) + 1, "the rating", low=1, high=4))
    if name == "added":
        return Added(_whole(plain, at, "added:", low=1))
    assert name == "introduced"
    return Introduced(_whole(plain, at, "introduced:", low=1))


def _unescaped(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append(value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _whole(text: str, at: int, what: str, *, low: int, high: int | None = None) -> int:
    if not text.isascii() or not text.isdigit():
        raise SearchError(f"{what} takes a whole number, not {text!r}", at)
    value = int(text)
    if value < low or (high is not None and value > high):
        span = f"{low}-{high}" if high is not None else f"{low} or more"
        raise SearchError(f"{what} takes a number {span}, not {value}", at)
    return value


def _prop(text: str, at: int) -> Prop:
    i = 0
    while i < len(text) and text[i].isalpha():
        i += 1
    name = text[:i].lower()
    if name not in PROPS:
        raise SearchError(f"prop: takes one of {', '.join(PROPS)}, not {text[:i]!r}", at)
    rest = text[i:]
    op = next((o for o in OPS if rest.startswith(o)), None)
    if op is None:
        raise SearchError(f"prop:{name} needs a comparison (< <= = != >= >)", at + i)
    number = rest[len(op) :]
    try:
        value = float(number)
    except ValueError:
        value = float("nan")
    if not number or value != value or value in (float("inf"), float("-inf")):
        raise SearchError(f"prop:{name}{op} needs a number, not {number!r}", at + i + len(op))
    if not all(c in "0123456789.-+eE" for c in number):
        raise SearchError(f"prop:{name}{op} needs a number, not {number!r}", at + i + len(op))
    return Prop(name, op, value)


def parse(query: str) -> Node:
    """The tree of ``query``; raises SearchError naming the position of the first fault."""
    return _Parser(query).parse()


# -- printing ------------------------------------------------------------------------
def _quoted(pattern: str, *, escape_colon: bool) -> str:
    """``pattern`` as one term: its pattern escapes kept, quotes and colons escaped."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == '"':
            out.append('\\"')
        elif ch == ":" and escape_colon:
            out.append("\\:")
        else:
            out.append(ch)
        i += 1
    body = "".join(out)
    bare = (
        body
        and not any(c.isspace() or c in '"()' for c in pattern)
        and not (escape_colon and (body[0] == "-" or body.lower() in _OPERATORS))
    )
    return body if bare else '"' + body + '"'


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)


def to_text(node: Node) -> str:
    """A query that parses back to ``node``."""
    if isinstance(node, All):
        return ""
    if isinstance(node, Text):
        return _quoted(node.pattern, escape_colon=True)
    if isinstance(node, DeckIs):
        return "deck:" + _quoted(node.pattern, escape_colon=False)
    if isinstance(node, TagIs):
        return "tag:" + _quoted(node.pattern, escape_colon=False)
    if isinstance(node, TopicIs):
        return "topic:" + _quoted(node.pattern, escape_colon=False)
    if isinstance(node, FieldIs):
        return f"{node.field}:" + _quoted(node.pattern, escape_colon=False)
    if isinstance(node, StateIs):
        return f"is:{node.state}"
    if isinstance(node, NoteKindIs):
        return f"note:{node.kind}"
    if isinstance(node, CardNumber):
        return f"card:{node.number}"
    if isinstance(node, CardIds):
        return "cid:" + ",".join(str(i) for i in node.ids)
    if isinstance(node, Prop):
        return f"prop:{node.name}{node.op}{_number(node.value)}"
    if isinstance(node, Rated):
        return f"rated:{node.days}" + (f":{node.rating}" if node.rating is not None else "")
    if isinstance(node, Added):
        return f"added:{node.days}"
    if isinstance(node, Introduced):
        return f"introduced:{node.days}"
    if isinstance(node, Not):
        inner = node.node
        text = to_text(inner)
        return "-(" + text + ")" if isinstance(inner, And | Or) else "-" + text
    if isinstance(node, And):
        return " ".join(f"({to_text(n)})" if isinstance(n, Or) else to_text(n) for n in node.nodes)
    assert isinstance(node, Or)
    return " or ".join(f"({to_text(n)})" if isinstance(n, And) else to_text(n) for n in node.nodes)


def normalise(query: str) -> str:
    """The query as the reader understood it (raises SearchError if malformed)."""
    return to_text(parse(query))


def pattern_parts(pattern: str) -> list[tuple[str, bool]]:
    """A pattern as ``(piece, is_wildcard)``: ``*`` → ("*", True), ``_`` → ("_", True)."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append((pattern[i + 1], False))
            i += 2
        elif ch in "*_":
            out.append((ch, True))
            i += 1
        else:
            out.append((ch, False))
            i += 1
    return out
