"""The deck tree: parents' counts capped by their own limits (Anki v3), collapse kept."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_deck, qa_notes
from trainer.domain.model import DeckCounts, DeckOptions, Rating
from trainer.services.decks import deck_tree, rolled_up
from trainer.services.study import StudyService
from trainer.storage.store import Store


def _opts(new: int, reviews: int = 200) -> DeckOptions:
    return DeckOptions(new_per_day=new, reviews_per_day=reviews, enable_fuzz=False)


def test_rolled_up_caps_each_level_by_its_own_limit() -> None:
    rows = [
        DeckCounts(1, "A", 2, 1, 3),
        DeckCounts(2, "A::B", 10, 2, 50),
        DeckCounts(3, "A::B::C", 10, 0, 0),
        DeckCounts(4, "A::D", 7, 0, 5),
        DeckCounts(5, "X::Y", 4, 1, 1),  # X exists by name only: no limit of its own
    ]
    limits = {1: (15, 40), 2: (12, 200), 3: (10, 200), 4: (20, 200), 5: (20, 200)}
    rolled = rolled_up(rows, limits)
    assert (rolled["A::B"].new, rolled["A::B"].due) == (12, 50)  # min(10 + 10, 12)
    assert (rolled["A"].new, rolled["A"].learning, rolled["A"].due) == (15, 3, 40)
    assert (rolled["X"].new, rolled["X"].due) == (4, 1)
    tree = deck_tree(rows, limits, collapsed={"A::B"})
    assert [t.name for t in tree] == ["A", "A::B", "A::D", "X", "X::Y"]
    b = next(t for t in tree if t.name == "A::B")
    assert b.collapsed and b.children == 1 and b.new == 12
    assert next(t for t in tree if t.name == "X").deck_id is None


def test_parent_limit_caps_counts_and_study(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(3, "p"), "申论", _opts(5))
    make_deck(store, qa_notes(10, "a"), "申论::直播带货", _opts(10))
    make_deck(store, qa_notes(10, "b"), "申论::网络直播", _opts(10))
    study = StudyService(store)
    _rows, tree = study.tree(now)
    by = {t.name: t for t in tree}
    assert by["申论::直播带货"].new == 10 and by["申论"].new == 5  # min(3 + 10 + 10, 5)
    assert study.counts(now, "申论").new == 5
    assert study.counts(now, "申论::直播带货").new == 10  # a parent's limit stays above
    assert len(study.queue(now, "申论", limit=50)) == 5
    for _ in range(2):
        item = study.next_item(now, "申论")
        assert item is not None and item.counts.new <= 5
        study.answer(item.card.id, Rating.GOOD, now)
    assert study.counts(now, "申论").new == 3
    assert study.tree(now)[1][0].new == 3


def test_review_limit_of_parent_caps_reviews(store: Store, now: datetime) -> None:
    make_deck(store, [], "A", _opts(0, reviews=1))
    make_deck(store, qa_notes(3, "c"), "A::C", _opts(3))
    study = StudyService(store)
    for _ in range(3):
        item = study.next_item(now, "A::C")
        assert item is not None
        study.answer(item.card.id, Rating.EASY, now)
    later = now.replace(year=now.year + 1)
    assert study.counts(later, "A::C").review == 3
    assert study.counts(later, "A").review == 1
    assert len(study.queue(later, "A")) == 1
    assert {t.name: t.due for t in study.tree(later)[1]} == {"A": 1, "A::C": 3}


def test_collapsed_state_is_kept_in_the_store(store: Store, now: datetime) -> None:
    make_deck(store, qa_notes(1, "p"), "申论")
    make_deck(store, qa_notes(1, "a"), "申论::直播带货")
    make_deck(store, qa_notes(1, "x"), "其他::子")
    study = StudyService(store)
    assert study.set_collapsed("申论", True)
    assert not study.set_collapsed("其他", True)  # a parent by name only: this session
    names = [t.name for t in study.tree(now)[1]]
    assert names == ["其他", "申论"]
    again = StudyService(store)
    assert [t.name for t in again.tree(now)[1]] == ["其他", "其他::子", "申论"]
    assert [t.name for t in again.tree(now, collapse=False)[1]][-1] == "申论::直播带货"
    again.set_collapsed("申论", False)
    assert len(StudyService(store).tree(now)[1]) == 4


_NAME = st.lists(st.sampled_from(["甲", "乙", "丙"]), min_size=1, max_size=3).map("::".join)


@settings(deadline=None, max_examples=200)
@given(
    st.dictionaries(
        _NAME,
        st.tuples(
            *(st.integers(0, 30) for _ in range(3)), st.booleans(), *(st.integers(0, 30),) * 2
        ),
        max_size=10,
    )
)
def test_rolled_up_is_the_recursive_rule(decks: dict[str, tuple[int, ...]]) -> None:
    """Each node: min(own + Σ direct children's rolled-up counts, its limit); learning never capped."""
    rows = [DeckCounts(i + 1, name, *v[:3]) for i, (name, v) in enumerate(sorted(decks.items()))]
    limits = {r.deck_id: decks[r.name][4:6] for r in rows if decks[r.name][3]}
    names = {r.name for r in rows} | {
        "::".join(r.name.split("::")[:i]) for r in rows for i in range(1, r.name.count("::") + 1)
    }

    def naive(name: str) -> tuple[int, int, int]:
        kids = [naive(n) for n in names if n.rpartition("::")[0] == name and "::" in n]
        own = next((r for r in rows if r.name == name), None)
        new = sum(k[0] for k in kids) + (own.new if own else 0)
        learning = sum(k[1] for k in kids) + (own.learning if own else 0)
        due = sum(k[2] for k in kids) + (own.due if own else 0)
        if own is not None and own.deck_id in limits:
            new, due = min(new, limits[own.deck_id][0]), min(due, limits[own.deck_id][1])
        return new, learning, due

    rolled = rolled_up(rows, limits)
    assert set(rolled) == names
    for name in names:
        got = rolled[name]
        assert (got.new, got.learning, got.due) == naive(name), name
