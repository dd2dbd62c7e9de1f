"""Lines that address the audience rather than state anything (``data/address_lines.txt``).

A greeting (同志们、朋友们, 大家好), a blessing (祝……, 向……致以问候), thanks (大家辛苦了)
or a sentence whose first clause only hands on to what follows (这一年,……; 此时此刻,……)
is never a 中心论点 nor a 金句. Also text broken by a hard line wrap or an OCR gap
(``年久失…屋顶``): a sentence begun or ended mid-line of such text is a fragment.
"""

from __future__ import annotations

import re

from trainer.generation.lexicon import kind_words

__all__ = ["addresses", "fragment", "leads_on"]


def _words(kind: str) -> tuple[str, ...]:
    return kind_words("address_lines", kind)


def addresses(text: str) -> bool:
    """``text`` greets, thanks or blesses its audience."""
    body = text.strip().lstrip("“\"'‘")
    return any(w in body for w in _words("greet")) or body.startswith(_words("opens"))


def leads_on(clause: str) -> bool:
    """``clause`` (a sentence's first clause) only leads on: 这一年, 此时此刻."""
    return clause.strip().rstrip(",，、:：") in _words("lead")


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
