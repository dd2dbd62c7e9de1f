"""Gold key terms that no card blanks, sorted by why (issue 11: key-term recall).

Makes every labelled article of the given sets with the current generator, keeps
the ranked terms and the window size the cloze stage was handed, and puts each
gold key term that no cloze deletion holds (the scorer's match: the term itself,
or a deletion holding it with at most four characters more) in one class:

- ``not in text``: the term, without punctuation, is nowhere in the article;
- ``never proposed``: no ranked term is the term or holds it;
- ``outranked``: ranked, but below the window of terms the cloze stage covers
  (a 规范表述 is never outranked: it comes on top of the window);
- ``carded, not blanked``: a cloze card shows the term's sentence, the term in view;
- ``not carded``: ranked in the window, and no cloze card shows it.

    python -m bench.keyterm_misses [SET ...] [--out misses.json]

``SET`` is a folder of ``tests/data`` (default: the DEV sets). ``--out`` writes one
row per missed term (set, article, term, class, rank, window) for comparing runs.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import trainer.generation.pick.clozes as clozes
from trainer.generation import generate
from trainer.generation.read.reader import read_article
from trainer.generation.split.words import guifan_words

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEV = [
    "heldout",
    *(f"heldout{i}" for i in range(2, 16)),
    "heldout18",
    "articles",
]
_PUNCT = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉()()\[\]【】,,。.;;::!!??、…—\-·]+")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")


def norm(s: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", s or ""))


def _held(term: str, deleted: set[str]) -> bool:
    t = norm(term)
    return any(t == d or (t in d and len(d) <= len(t) + 4) for d in deleted)


def misses(sets: list[str]) -> tuple[int, int, list[dict[str, Any]]]:
    """(gold terms, terms blanked, one row per term missed)."""
    seen: dict[str, Any] = {}
    handed = clozes.find_clozes

    def spy(folded: str, doc: Any, terms: Any, skip: Any, top: int, *a: Any, **k: Any) -> Any:
        seen.update(terms=terms, top=top, folded=folded)
        return handed(folded, doc, terms, skip, top, *a, **k)

    clozes.find_clozes = spy  # type: ignore[assignment]
    total = hit = 0
    rows: list[dict[str, Any]] = []
    standard = {norm(w) for w in guifan_words()}
    try:
        for name in sets:
            for gold_path in sorted((DATA / name).glob("*.json")):
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                if not isinstance(gold, dict) or "key_terms" not in gold or "article" not in gold:
                    continue
                made = generate(read_article(str(DATA / name / gold["article"])), gold_path.stem)
                texts = [n.text for n in made.notes if "{{" in (n.text or "")]
                deleted = {norm(d) for t in texts for d in _CLOZE.findall(t)}
                shown = [norm(_CLOZE.sub(lambda m: m.group(1), t)) for t in texts]
                rank = {norm(t.word): i for i, t in enumerate(seen["terms"])}
                top = seen["top"]
                for term in gold["key_terms"]:
                    total += 1
                    if _held(term, deleted):
                        hit += 1
                        continue
                    t = norm(term)
                    near = [r for w, r in rank.items() if t in w and len(w) <= len(t) + 4]
                    at = min(near, default=None)
                    if t not in norm(seen["folded"]):
                        why = "not in text"
                    elif at is None:
                        why = "never proposed"
                    elif at >= top and t not in standard:
                        why = "outranked"
                    elif any(t in s for s in shown):
                        why = "carded, not blanked"
                    else:
                        why = "not carded"
                    rows.append(
                        {"set": name, "article": gold_path.stem, "term": term}
                        | {"why": why, "rank": at, "window": top}
                    )
    finally:
        clozes.find_clozes = handed  # type: ignore[assignment]
    return total, hit, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=DEV)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    total, hit, rows = misses(args.sets)
    print(f"gold key terms {total}, blanked {hit} ({hit / max(total, 1):.3f})")
    for why, n in Counter(r["why"] for r in rows).most_common():
        print(f"  {n:5d} {why}")
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
