"""The grader's word lists, read from the package's data files once.

* ``data/synonyms.txt``: groups of wording a tutor accepts for one another
  (提升/提高/增强, 完善/健全 …); two words are synonyms when they share a line.
* ``data/related.txt``: words close to one another that a tutor still takes
  for a different term, half right (转移/转嫁, 接入/接触).
* ``data/antonyms.txt``: a word against its opposites (提升 × 降低 …).
* ``data/negations.txt``: words that negate what follows (不, 未, 缺乏 …), and
  on a line starting ``!`` words that only look like one (不断, 无论 …), on a
  line starting ``+`` predicates that negate the word before them (不够 …), on
  a line starting ``=`` negations that stand before a verb (不愿 …: never the
  word before them), on a line starting ``~`` words that say a thing is harmed
  (影响, 损害 …), on a line starting ``^`` words saying a thing is still to be
  done (有待, 仍需 …: 机制有待完善 says 机制不完善), on a line starting ``*``
  predicates saying a thing is fine (顺畅, 雄厚 …), on a line starting ``%``
  nouns naming a fault (隐患, 矛盾, 漏洞 …) and on a line starting ``&``
  predicates saying a thing is bad without negating it (脏乱, 陈旧, 拥堵 …),
  and on a line starting ``|`` words that turn to a contrast (而, 而是: a
  negation on one side of them never reaches a word on the other).
* ``data/generic.txt``: verbs that open almost any measure (加强, 提升 …).
* ``data/categories.txt``: nouns that only name a kind of thing (人才, 原因 …).
* ``data/heads.txt``: nouns that end almost any measure (机制, 体系, 管理 …).
* ``data/degrees.txt``: words saying only how far a fault goes (严重, 突出 …):
  the degree of a term's noun, not a word of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    text = resources.files("trainer.services.grading").joinpath(f"data/{name}").read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split())
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    synonyms: dict[str, frozenset[str]]
    antonyms: dict[str, frozenset[str]]
    related: dict[str, frozenset[str]]
    negations: tuple[str, ...]
    """Longest first."""
    not_negations: tuple[str, ...]
    after: tuple[str, ...]
    """Predicates that negate the word before them (帮助不够, 分类不到位), and
    every negation (不是重点)."""
    long_negations: tuple[str, ...]
    """Negations of two or more characters (a word starting with one negates)."""
    words: frozenset[str]
    """Every word the lists name but those opening with a negation (they join
    the segmenter's pieces: 人民+群众)."""
    predicates: frozenset[str] = frozenset()
    """Only the predicates that negate the word before them (the ``+`` line)."""
    preverbal: frozenset[str] = frozenset()
    """Negations standing before a verb (不愿用): they never turn the word before."""
    harms: frozenset[str] = frozenset()
    """Words saying a thing is harmed: their point is a complaint already."""
    generic: frozenset[str] = frozenset()
    """Verbs that open almost any measure."""
    categories: frozenset[str] = frozenset()
    """Nouns that only name a kind of thing."""
    heads: frozenset[str] = frozenset()
    """Nouns that end almost any measure."""
    degrees: frozenset[str] = frozenset()
    """Words saying only how far a fault goes (空心化严重, 矛盾突出): a term's
    degree, its noun the head."""
    affirms: frozenset[str] = frozenset()
    """Predicates saying a thing is fine (转化顺畅): the opposite of a complaint."""
    pending: frozenset[str] = frozenset()
    """Words saying a thing is still to be done (有待, 仍需): with the verb
    after them a predicate negating the word before them (机制有待完善)."""
    fault_nouns: frozenset[str] = frozenset()
    """Nouns naming a fault (隐患, 矛盾): typed beside a word a point says is
    lacking, the same complaint (消防安全隐患 for 消防设施不全)."""
    bad: frozenset[str] = frozenset()
    """Predicates saying a thing is bad without a negation (脏乱, 陈旧, 拥堵):
    a point holding one is a complaint, as one holding a negation is."""
    contrasts: frozenset[str] = frozenset()
    """Words turning to a contrast (思想工作而不是强迫命令, 不是罚款而是教育): a
    negation on one side of them is not said of a word on the other."""

    def faulty(self, word: str) -> bool:
        """Whether ``word`` names a fault or says a thing is bad."""
        return word in self.fault_nouns or word in self.bad or word in self.harms

    def alternatives(self, word: str) -> frozenset[str]:
        return self.synonyms.get(word, frozenset())

    def near(self, word: str) -> frozenset[str]:
        return self.related.get(word, frozenset())

    def opposites(self, word: str) -> frozenset[str]:
        return self.antonyms.get(word, frozenset())


_NEGATION_MARKS = "!+=~*^%&|"
"""The marks of ``negations.txt``'s lines, in the order the lexicon's lists unpack
them: not a negation, after its word, before a verb, a harm, an affirmation, pending,
a fault, a bad predicate, a contrast (the file's header says what each means)."""


@cache
def lexicon() -> Lexicon:
    syn: dict[str, set[str]] = {}
    for group in _lines("synonyms.txt"):
        for word in group:
            syn.setdefault(word, set()).update(w for w in group if w != word)
    rel: dict[str, set[str]] = {}
    for group in _lines("related.txt"):
        for word in group:
            rel.setdefault(word, set()).update(w for w in group if w != word)
    ant: dict[str, set[str]] = {}
    for group in _lines("antonyms.txt"):
        head, rest = group[0], group[1:]
        for word in rest:
            ant.setdefault(head, set()).add(word)
            ant.setdefault(word, set()).add(head)
    neg: list[str] = []
    marked: dict[str, list[str]] = {mark: [] for mark in _NEGATION_MARKS}
    for group in _lines("negations.txt"):
        mark = group[0][:1]
        if mark in marked:
            marked[mark].extend(w.lstrip(mark) for w in group)
        else:
            neg.extend(group)
    not_neg, after, preverbal, harms, affirms, pending, faults, bad, contrasts = (
        marked[mark] for mark in _NEGATION_MARKS
    )
    # A word opening with a negation (不健全) is not joined into one key: the
    # negation stays a word of its own and turns the key after it.
    opening = tuple(w for w in neg if len(w) == 1)
    # A word listed as no negation (非机动车) is one key all the same.
    words = {w for w in set(syn) | set(ant) | set(rel) if not w.startswith(opening) or w in not_neg}
    words.update(pending)  # 仍+需 is one word
    return Lexicon(
        synonyms={k: frozenset(v) for k, v in syn.items()},
        antonyms={k: frozenset(v) for k, v in ant.items()},
        related={k: frozenset(v - syn.get(k, set())) for k, v in rel.items()},
        negations=tuple(sorted(set(neg), key=len, reverse=True)),
        not_negations=tuple(sorted(set(not_neg), key=len, reverse=True)),
        after=tuple(sorted(set(after) | set(neg) | set(pending), key=len, reverse=True)),
        long_negations=tuple(
            sorted({w for w in neg if len(w) > 1} | {"不"}, key=len, reverse=True)
        ),
        words=frozenset(words),
        predicates=frozenset(after) | frozenset(pending),
        preverbal=frozenset(preverbal),
        harms=frozenset(harms),
        generic=frozenset(w for group in _lines("generic.txt") for w in group),
        categories=frozenset(w for group in _lines("categories.txt") for w in group),
        heads=frozenset(w for group in _lines("heads.txt") for w in group),
        degrees=frozenset(w for group in _lines("degrees.txt") for w in group),
        pending=frozenset(pending),
        affirms=frozenset(affirms),
        fault_nouns=frozenset(faults),
        bad=frozenset(bad),
        contrasts=frozenset(contrasts),
    )
