"""Lines that address the audience rather than state anything (``data/address_lines.txt``).

A greeting (同志们、朋友们, 大家好), a blessing (祝……, 向……致以问候), thanks (大家辛苦了)
or a sentence whose first clause only hands on to what follows (这一年,……; 此时此刻,……)
is never a 中心论点 nor a 金句. Also text broken by a hard line wrap or an OCR gap
(``年久失…屋顶``): a sentence begun or ended mid-line of such text is a fragment.
And a line that hands over a speaker's words (该校教师表示,……; 总书记指出:“……”): the
words are the speaker's, not the article's own claim (``data/remarks.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from trainer.generation.lexicon import kind_words

__all__ = ["addresses", "fragment", "leads_on", "says_verbs", "speaker_line"]


def _words(kind: str) -> tuple[str, ...]:
    return kind_words("address_lines", kind)


def addresses(text: str) -> bool:
    """``text`` greets, thanks or blesses its audience."""
    body = text.strip().lstrip("“\"'‘")
    return any(w in body for w in _words("greet")) or body.startswith(_words("opens"))


def leads_on(clause: str) -> bool:
    """``clause`` (a sentence's first clause) only leads on: 这一年, 此时此刻."""
    return clause.strip().rstrip(",，、:：") in _words("lead")


def speaker_line(text: str) -> bool:
    """``text`` (folded) opens on a speaker handing over words: a verb of saying within
    its first :data:`_SPEAKER_MAX` characters, no comma, full stop or quotation before
    it, then a comma, a colon or a quotation mark (该校教师表示,……)."""
    return _speaker().match(text) is not None


_SPEAKER_MAX = 20


@cache
def says_verbs() -> str:
    """The verbs of saying (``data/remarks.txt``: says) as a regex alternation, longest
    first (说道 before 说)."""
    return "|".join(sorted(map(re.escape, kind_words("remarks", "says")), key=len, reverse=True))


@cache
def _speaker() -> re.Pattern[str]:
    return re.compile(rf"^[^,。“]{{1,{_SPEAKER_MAX}}}?(?:{says_verbs()})[:,“]")


_FINAL = re.compile(r"[。！？!?”\"’:：;；…)）】]$")
_WRAP_WIDTH = 30
"""A line this long that ends without a sentence end was cut by a wrap."""
_GAP = re.compile(r"(?<!…)…(?!…)")
"""A single ellipsis character between words: an OCR gap (``年久失…屋顶``)."""


def fragment(text: str, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` is a piece of broken text: it begins with
    punctuation, holds an OCR gap, or begins (ends) at a line break where a long
    line was cut mid-sentence."""
    body = text[start:end].strip()
    if not body or body[0] in ",，、;；:：.。)）”’" or _GAP.search(body):
        return True
    line_start = text.rfind("\n", 0, start)
    if line_start >= 0 and not text[line_start + 1 : start].strip():
        previous = text[text.rfind("\n", 0, line_start) + 1 : line_start].rstrip()
        if len(previous) >= _WRAP_WIDTH and not _FINAL.search(previous):
            return True
    line_end = text.find("\n", end)
    if line_end < 0 or text[end:line_end].strip() or _FINAL.search(body):
        return False
    own = text[text.rfind("\n", 0, start) + 1 : line_end].strip()
    return len(own) >= _WRAP_WIDTH
