"""Typed-answer grading: alignment with the points, key words, synonyms, negation, rating."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.domain.errors import InputError
from trainer.domain.model import Note, NoteKind, Rating
from trainer.services.grading import (
    DiffKind,
    Mark,
    char_diff,
    expected_points,
    grade,
    grade_note,
    normalize,
)
from trainer.services.grading.text import clauses, to_simplified

ITEMS = ["真经念歪", "赶鸭子上架", "成本转嫁"]
PATHS = ["提升认知,扩大融入面", "完善机制,消除顾虑心", "强化培训,提升动力源"]
PATHS_PROMPT = "评论四:推动助农直播实现可持续、常态化、高质量发展的三条路径是什么?"
HEED = [
    "对产品严格把控质量,不哄抬价格",
    "消费者要增强辨别意识,不盲目跟风",
    "政府对直播行为也要进行规范",
]
GAINS = [
    "有利于当地农产品更好的销售",
    "有利于领导干部深入了解民生民情",
    "增强人民群众与干部之间的联系",
]


def marks(points: list[str], typed: str, **kw: object) -> list[Mark]:
    return [p.mark for p in grade(points, typed, **kw).points]  # type: ignore[arg-type]


def test_normalize_folds_width_punctuation_space_and_script() -> None:
    assert normalize("“真经念歪”，") == "真经念歪"
    assert normalize("ＡＢＣ　１２３") == "abc123"
    assert normalize(" a b\tc\n") == "abc"
    assert normalize("成本轉嫁。") == "成本转嫁"
    assert to_simplified("提升认知") == "提升认知"


def test_clauses_keep_units_and_drop_numbering() -> None:
    text, parts = clauses("1. 真经念歪\n2、赶鸭子上架；成本转嫁，其一")
    assert text == "真经念歪赶鸭子上架成本转嫁"
    assert [c.text for c in parts] == ["真经念歪", "赶鸭子上架", "成本转嫁"]
    assert len({c.unit for c in parts}) == 3
    _, parts = clauses("提升认知，扩大融入面")
    assert [c.unit for c in parts] == [0, 0]


@pytest.mark.parametrize(
    "typed",
    [
        "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源",
        "提升认知,扩大融入面;完善机制,消除顾虑心;强化培训,提升动力源",
        "提升认知，扩大融入面，完善机制，消除顾虑心，强化培训，提升动力源",
        "1.提升认知、扩大融入面 2.完善机制、消除顾虑心 3.强化培训、提升动力源",
        "一是提升认知，扩大融入面\n二是完善机制，消除顾虑心\n三是强化培训，提升动力源",
        "提升认知扩大融入面完善机制消除顾虑心强化培训提升动力源",
        "强化培训，提升动力源；提升认知，扩大融入面；完善机制，消除顾虑心",
        "提升認知，擴大融入面；完善機制，消除顧慮心；強化培訓，提升動力源",
    ],
)
def test_the_exact_answer_with_commas_inside_points_is_all_recalled(typed: str) -> None:
    g = grade(PATHS, typed, prompt=PATHS_PROMPT)
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 3
    assert all(p.exact for p in g.points)
    assert g.suggested is Rating.GOOD
    assert g.recalled == 3


def test_the_card_answer_typed_word_for_word_with_its_own_enumeration_commas() -> None:
    typed = "对产品严格把控质量，不哄抬价格；消费者要增强辨别意识，不盲目跟风；政府对直播行为也要进行规范"
    assert marks(HEED, typed) == [Mark.RECALLED] * 3


def test_quick_exact_complete_answer_is_easy_and_a_slow_one_good() -> None:
    typed = "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
    quick = grade(PATHS, typed, prompt=PATHS_PROMPT, seconds=20)
    assert quick.suggested is Rating.EASY
    assert "exact" in quick.reason
    slow = grade(PATHS, typed, prompt=PATHS_PROMPT, seconds=90)
    assert slow.suggested is Rating.GOOD
    assert "90 s" in slow.reason
    # Without a time there is no telling it was quick.
    assert grade(PATHS, typed).suggested is Rating.GOOD


def test_accepted_synonyms_are_recalled_in_other_words() -> None:
    g = grade(PATHS, "提升认识，扩大融入面；健全机制，打消顾虑；加强培训，提升动力源", seconds=10)
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 3
    assert not g.points[0].exact and g.points[0].why == "other words"
    assert g.suggested is Rating.GOOD  # other words: not Easy, however quick
    assert "other words" in g.reason


def test_showing_a_feature_in_common_other_words_is_recalled() -> None:
    # 凸显/彰显/突出/体现 a 特色/特点: common wording a tutor accepts for one another.
    point = ["彰显乡村特色"]
    for typed in ("突出乡村特点", "体现乡村特色", "凸显乡村特点"):
        assert marks(point, typed, use_model=False) == [Mark.RECALLED], typed


def test_an_abbreviation_of_two_keys_counts() -> None:
    g = grade(GAINS, "有利于农产品销售；有利于干部了解民情；密切干群关系")
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 3


def test_a_different_term_sharing_characters_is_missed() -> None:
    g = grade(["成本转嫁"], "成本摊派")
    assert g.points[0].mark is Mark.MISSED
    assert g.points[0].why == "different term"
    assert marks(["实干导向"], "实践导向") == [Mark.MISSED]
    assert marks(["数字竞赛"], "数学竞赛") == [Mark.MISSED]


def test_a_related_term_is_half_right_and_below_a_slip() -> None:
    related = grade(["成本转嫁"], "成本转移").points[0]
    slip = grade(["成本转嫁"], "成本转价").points[0]
    assert related.mark is Mark.PARTIAL
    assert related.why == "related term"
    assert slip.score > related.score


def test_a_typing_slip_is_not_a_different_term() -> None:
    p = grade(["成本转嫁"], "成本转价").points[0]
    assert p.mark is not Mark.MISSED
    assert p.why == "slip"
    assert not p.exact


def test_half_a_term_is_partly_recalled() -> None:
    result = grade(ITEMS, "真经念歪 赶鸭子 成本")
    assert [p.mark for p in result.points] == [Mark.RECALLED, Mark.PARTIAL, Mark.PARTIAL]


def test_negation_and_opposites_turn_a_point() -> None:
    assert marks(["激励保障机制不健全"], "激励保障机制健全") == [Mark.MISSED]
    assert marks(["激励保障机制不健全"], "激励保障机制不健全") == [Mark.RECALLED]
    # An opposite under no negation says the same as the negated word.
    assert marks(["激励保障机制不健全"], "激励保障机制缺失") == [Mark.RECALLED]
    assert marks(["增强干群联系"], "削弱干群联系") == [Mark.MISSED]
    g = grade(HEED, "把控质量、哄抬价格；消费者盲目跟风；政府规范直播")
    assert [p.mark for p in g.points] == [Mark.MISSED, Mark.MISSED, Mark.RECALLED]
    assert g.points[0].why == "negated"


def test_words_that_only_look_like_negations_do_not_turn_a_point() -> None:
    assert marks(["不断提升认知"], "不断提升认知") == [Mark.RECALLED]
    assert marks(["增强辨别意识"], "增强辨别意识") == [Mark.RECALLED]


def test_a_prefix_the_prompt_gives_may_be_left_out() -> None:
    prompt = "评论三:干部“带货”带来哪两方面的影响?"
    g = grade(["影响公平竞争", "影响规则执行"], "公平竞争；规则执行", prompt=prompt, seconds=8)
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 2
    assert g.suggested is Rating.EASY


def test_the_first_piece_of_a_point_is_most_of_it() -> None:
    # The measures without what they are for: recalled; the purposes alone: partly.
    assert marks(PATHS, "提升认知、完善机制、强化培训") == [Mark.RECALLED] * 3
    assert marks(PATHS, "扩大融入面、消除顾虑心、提升动力源") == [Mark.PARTIAL] * 3


def test_each_typed_phrase_counts_for_one_point() -> None:
    g = grade(["提高效率", "提高质量"], "提高效率")
    assert [p.mark for p in g.points] == [Mark.RECALLED, Mark.MISSED]


def test_all_items_any_order_and_layout() -> None:
    for typed in (
        "成本转嫁\n真经念歪\n赶鸭子上架",
        "真经念歪赶鸭子上架成本转嫁",
        "真经念歪 赶鸭子上架 成本转嫁",
    ):
        g = grade(ITEMS, typed)
        assert [p.mark for p in g.points] == [Mark.RECALLED] * 3, typed
        assert g.coverage == 1.0


def test_few_points_is_again_some_is_hard() -> None:
    assert grade(ITEMS, "不知道").suggested is Rating.AGAIN
    # Most of the points missed is Again, as a tutor rates it (one of three).
    assert grade(ITEMS, "真经念歪").suggested is Rating.AGAIN
    # Half of them missed is Hard (one of two), and so is every point partly there.
    assert grade(ITEMS[:2], "真经念歪").suggested is Rating.HARD
    assert grade(ITEMS, "真经念歪 赶鸭子 成本").suggested is Rating.HARD
    four = ["提高效率", "提高质量", "降低成本", "扩大销路"]
    assert grade(four, "提高效率；降低成本").suggested is Rating.HARD
    g = grade(ITEMS, "真经念歪；赶鸭子上架")
    assert g.suggested is Rating.HARD
    assert g.reason == "2/3 recalled, 1 missed"


def test_strict_mode_fails_a_point_with_one_wrong_character() -> None:
    exact = "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
    assert marks(PATHS, exact, strict=True) == [Mark.RECALLED] * 3
    one_off = "提升认识，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
    assert marks(PATHS, one_off, strict=True) == [Mark.MISSED] + [Mark.RECALLED] * 2
    assert marks(PATHS, one_off) == [Mark.RECALLED] * 3
    assert marks(["成本转嫁"], "成本转价", strict=True) == [Mark.MISSED]
    # A piece left out is not a wrong character: partly.
    assert marks(PATHS, "提升认知", strict=True)[0] is Mark.PARTIAL
    # Punctuation, width and script are not characters of the wording.
    assert marks(ITEMS, "真經念歪、趕鴨子上架、成本轉嫁", strict=True) == [Mark.RECALLED] * 3


def test_char_diff_short_answer() -> None:
    diff = char_diff("数字竞赛", "数学竞赛")
    assert (DiffKind.SAME, "数") in diff
    assert (DiffKind.MISSING, "字") in diff
    assert (DiffKind.EXTRA, "学") in diff
    g = grade(["数字竞赛"], "数学竞赛")
    assert g.diff == diff


def test_expected_points_by_kind() -> None:
    lst = Note("g1", NoteKind.LIST, prompt="p", items=tuple(ITEMS))
    assert expected_points(lst) == ITEMS
    cz = Note("g2", NoteKind.CLOZE, text="把直播变成{{c1::魅力秀场}}和{{c2::数字竞赛::比}}")
    assert expected_points(cz, 2) == ["数字竞赛"]
    long = "第一句话说明了很多问题而且很长很长很长很长很长。第二句话也是很长很长很长很长很长很长很长很长。"
    qa = Note("g3", NoteKind.QA, prompt="p", answer=long)
    assert len(expected_points(qa)) == 2
    assert grade_note(Note("g4", NoteKind.QA, answer="答案"), 0, "答案").suggested is Rating.GOOD


def test_grade_note_passes_the_prompt_time_and_strictness() -> None:
    note = Note(
        "g5",
        NoteKind.LIST,
        prompt="评论三:带来哪两方面的影响?",
        items=("影响公平竞争", "影响规则执行"),
    )
    g = grade_note(note, 0, "公平竞争；规则执行", seconds=5)
    assert g.suggested is Rating.EASY
    assert grade_note(note, 0, "公平竞争；规则执行", strict=True).recalled == 0


def test_no_points_is_good() -> None:
    assert grade([], "x").suggested is Rating.GOOD


@settings(deadline=None)
@given(st.text(max_size=30))
def test_exact_answer_is_always_recalled(text: str) -> None:
    if not normalize(text):
        return
    g = grade([text], text)
    assert g.points[0].mark is Mark.RECALLED
    assert g.suggested is Rating.GOOD


@settings(deadline=None)
@given(st.text(max_size=20), st.text(max_size=20))
def test_scores_are_shares(a: str, b: str) -> None:
    g = grade([a, b], b + "\n" + a)
    assert 0.0 <= g.coverage <= 1.0
    assert all(0.0 <= p.score <= 1.0 for p in g.points)


def test_strict_is_a_deck_option_in_the_deck_file_and_the_store() -> None:
    from trainer.domain.model import DeckOptions
    from trainer.domain.options import OptionError, options_from_dict, options_to_dict
    from trainer.formats.deckfile import deck_to_toml, parse_deck

    text = 'format = "trainer-deck"\nversion = 1\n[deck]\nname = "测试"\n'
    deck = parse_deck(text + '[deck.options]\ntype_answers = "strict"\n', "deck.toml")
    assert deck.options.type_answers == "strict"
    assert parse_deck(deck_to_toml(deck), "again.toml").options.type_answers == "strict"
    # The store keeps options as a dict (JSON): the same round trip.
    assert options_from_dict(options_to_dict(deck.options)) == deck.options
    assert options_from_dict({"type_answers": True}).type_answers is True
    with pytest.raises(OptionError, match='true, false or "strict"'):
        options_from_dict({"type_answers": "sloppy"})
    with pytest.raises(InputError, match=r"deck.toml:.*type_answers"):
        parse_deck(text + '[deck.options]\ntype_answers = "loose"\n', "deck.toml")
    assert DeckOptions().type_answers is False


def test_a_qualifier_before_de_may_be_left_out() -> None:
    point = ["社会缺少对老年人适应数字时代的帮助"]
    assert marks(point, "社会缺少帮助") == [Mark.RECALLED]
    assert marks(point, "社会给予老人充分帮助") != [Mark.RECALLED]  # 缺少 turned round


def test_a_word_typed_out_of_order_in_another_clause_is_not_the_points() -> None:
    points = ["加强科学管理", "形成长效机制", "推动习惯养成"]
    g = grade(points, "科学管理，长效机制，习惯养成", seconds=9)
    assert [p.mark for p in g.points] == [Mark.RECALLED] * 3
    assert g.suggested is Rating.EASY  # the verbs left out, the key words exact and quick


def test_easy_needs_every_piece_and_nothing_put_in_a_words_place() -> None:
    # The measures alone leave each point's second piece out: Good, not Easy.
    assert grade(PATHS, "提升认知、完善机制、强化培训", seconds=8).suggested is Rating.GOOD
    # A word put in between (对…的) or the words reordered is a rewrite.
    points = ["明晰权责边界", "优化考核体系", "整体政府建设", "加大基层投入"]
    g = grade(points, "明晰权责边界；优化考核体系；建设整体政府；加大对基层的投入", seconds=20)
    assert g.recalled == 4
    assert [p.exact for p in g.points] == [True, True, False, False]
    # Three points must all be word for word for Easy (four or more, typed in
    # full, may have most in other words).
    g = grade(points[1:], "优化考核体系；建设整体政府；加大对基层的投入", seconds=20)
    assert g.suggested is Rating.GOOD


def test_a_different_word_in_a_longer_point_leaves_it_half_right() -> None:
    p = grade(["靠产品质量说话"], "靠产品价格说话", use_model=False).points[0]
    assert p.mark is Mark.PARTIAL
    assert p.why == "different word"
    # The learned model keeps it half right at most.
    p = grade(["靠产品质量说话"], "靠产品价格说话").points[0]
    assert p.mark is not Mark.RECALLED and p.why == "different word"
    p = grade(["明晰权责边界"], "明晰权力边界").points[0]
    assert p.mark is Mark.PARTIAL
    assert p.why == "related term"


@pytest.mark.parametrize(
    ("point", "same", "turned"),
    [
        ("缺乏专业人才", "专业人才不足", "专业人才充足"),  # a negation after the word says the same
        ("居民环保意识淡薄", "居民环保意识不强", "居民环保意识强"),
        ("法律法规不健全", "法律法规缺失", "法律法规健全"),  # an opposite of the negated word
        ("收费不合理", "收费不合理", "收费合理"),  # a negation glued into one word
        ("未落实责任", "责任没有落实", "落实责任"),
    ],
)
def test_negation_wherever_it_stands(point: str, same: str, turned: str) -> None:
    assert marks([point], same) == [Mark.RECALLED]
    assert marks([point], turned) == [Mark.MISSED]


def test_empty_nonsense_prose_and_extra_points() -> None:
    for typed in ("", "   ", "asdf；；1.", "不知道"):
        g = grade(PATHS, typed)
        assert g.recalled == 0 and g.suggested is Rating.AGAIN, typed
    prose = (
        "我认为首先要提升认知，扩大融入面，然后完善机制，消除顾虑心，最后还得强化培训，提升动力源。"
    )
    assert marks(PATHS, prose) == [Mark.RECALLED] * 3
    extra = "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源；加大处罚力度"
    assert grade(PATHS, extra).recalled == 3


def test_prepare_reads_a_cards_points_ahead_for_every_kind() -> None:
    from trainer.services.grading import prepare

    notes = [
        Note("p1", NoteKind.LIST, prompt="评论四:三条路径?", items=tuple(PATHS)),
        Note("p2", NoteKind.QA, prompt="把直播变成什么？", answer="数字竞赛"),
        Note("p3", NoteKind.CLOZE, text="把直播变成{{c1::魅力秀场}}"),
    ]
    for note in notes:
        prepare(note, 1 if note.kind is NoteKind.CLOZE else 0)
    assert (
        grade_note(
            notes[0], 0, "提升认知，扩大融入面；完善机制，消除顾虑心；强化培训，提升动力源"
        ).recalled
        == 3
    )


def test_a_character_put_inside_a_word_is_graded_not_a_crash() -> None:
    for point, typed in (("实干导向", "实大干导向"), ("成本转嫁", "成本转了嫁")):
        assert grade([point], typed).points[0].mark in (Mark.PARTIAL, Mark.RECALLED, Mark.MISSED)


def test_a_slip_in_a_two_character_word_is_a_character_that_sounds_the_same() -> None:
    # What an input method puts in a word's place reads the same (触/处, 嫁/家).
    assert grade(["接触鸿沟"], "接处鸿沟").points[0].why == "slip"
    assert grade(["成本转嫁"], "成本转家").points[0].mark is Mark.RECALLED
    # Half of a two-character word with another beside it is no slip.
    p = grade(["靠产品质量说话"], "靠主播的说学逗唱").points[0]
    assert p.why != "slip" and p.mark is Mark.MISSED


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.sampled_from(["赚嫁成本", "本转嫁", "字化转型", "数字画"]),
        st.text(
            alphabet="成本转嫁赚移价提升高认知强化培训不缺乏干群众部数字化转型，、 ", max_size=30
        ),
    )
)
def test_a_key_looked_for_with_the_answers_characters_is_found_the_same(typed: str) -> None:
    # The characters of the answer only skip keys nothing of which was typed:
    # every find (a synonym, a slip, a piece, a short form) is the same.
    from trainer.services.grading import align
    from trainer.services.grading.points import plan

    text, parts = clauses(typed)
    chars = frozenset(text)
    for point in ("成本转嫁", "提升认知", "强化干部培训", "密切干群关系", "推进数字化转型"):
        keys = plan(point).keys
        for i, k in enumerate(keys):
            assert align.find_hits(i, k, text, parts, chars=chars) == align.find_hits(
                i, k, text, parts
            )
        found = [h for i, k in enumerate(keys) for h in align.find_hits(i, k, text, parts)]
        assert align.short_forms(keys, text, found, chars) == align.short_forms(keys, text, found)


def test_the_clause_starts_remembered_are_those_of_the_answer_asked_about() -> None:
    # Spans and finds read where clauses start from the last answer's clauses:
    # another answer (even of the same text, built again) gets its own starts.
    from trainer.services.grading import align

    _, first = clauses("提升认知，扩大融入面")
    _, second = clauses("加强培训；密切干群关系，推进数字化转型")
    assert align._starts(first) == [c.start for c in first]
    assert align._starts(second) == [c.start for c in second]
    assert align._starts(first) == [c.start for c in first]
    assert align._clause(second, 5) == (4, 10)


@pytest.mark.parametrize(
    "typed",
    ["提升认知，扩大融入面", "1.加强培训 2.密切干群关系", "成本转价，提升认识；强化干部培训"],
)
def test_a_span_weighed_on_finds_in_pick_order_is_the_same(typed: str) -> None:
    # The grader sorts a point's finds once and says so; the span is the one
    # found when best_span sorts them itself, with or without places taken.
    from trainer.services.grading import align
    from trainer.services.grading.points import plan

    text, parts = clauses(typed)
    for point in ("提升认知,扩大融入面", "强化干部培训", "密切干群关系"):
        pl = plan(point)
        found = [h for i, k in enumerate(pl.keys) for h in align.find_hits(i, k, text, parts)]
        ordered = sorted(found, key=align.pick_order)
        for used in ([], [(0, 2)]):
            assert align.best_span(0, pl, ordered, parts, used, 4, ordered=True) == (
                align.best_span(0, pl, found, parts, used, 4)
            )
