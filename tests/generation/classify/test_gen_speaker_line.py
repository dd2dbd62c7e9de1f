"""A line that hands over a speaker's words (one home for the material filter and the
argument card): the words are the speaker's, not the article's own claim."""

from __future__ import annotations

import pytest

from trainer.generation.classify.address import speaker_line


@pytest.mark.parametrize(
    "text",
    [
        "该校教师表示,学生的动手能力明显提高。",
        "习近平总书记指出:“绿水青山就是金山银山。”",
        "村支书老王回忆,当年修路全靠肩挑背扛。",
        "采访时他直言“没有规矩不成方圆”。",
    ],
)
def test_a_speaker_handing_over_words(text: str) -> None:
    assert speaker_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "表示,这是开头的动词而无说话人。",  # no speaker before the verb
        "近年来,该县推行土地流转,村民表示满意。",  # a comma before the verb: narration
        "基层治理必须坚持以人民为中心,这一点专家早已指出。",  # the verb too far in
        "他说明了三点做法。",  # 说明 hands over nothing
    ],
)
def test_narration_and_claims_are_no_speaker_lines(text: str) -> None:
    assert not speaker_line(text)
