"""What a site, a column or a speaker's label puts around an article's own title goes
(GUIDE.md: the title without what a site or series puts before it)."""

from __future__ import annotations

import pytest

from trainer.generation.read.reader import without_series_prefix


@pytest.mark.parametrize(
    ("given", "title"),
    [
        # a column and its running number after the title, the number in its own brackets
        ("脱贫要靠实干（现场评论·走向美好生活（14））", "脱贫要靠实干"),
        ("守住耕地红线（人民时评）", "守住耕地红线"),
        # a theory page's running column, however long its name
        (
            "以新发展理念引领高质量发展（深入学习贯彻新时代中国特色社会主义思想）",
            "以新发展理念引领高质量发展",
        ),
        ("把论文写在祖国大地上（人民观点）", "把论文写在祖国大地上"),
        ("在实干中担当作为（思想纵横）", "在实干中担当作为"),
        # a site or newspaper named before a colon
        ("求是网:前瞻布局和发展未来产业", "前瞻布局和发展未来产业"),
        ("光明日报：让文化遗产活起来", "让文化遗产活起来"),
        # a speaker's office and name before a colon: the title is what they say
        ("某省政协主席张三：以改革举措加强腹地建设", "以改革举措加强腹地建设"),
        ("市委书记李四:抓好基层减负", "抓好基层减负"),
    ],
)
def test_what_is_put_around_the_title_goes(given: str, title: str) -> None:
    assert without_series_prefix(given) == title


@pytest.mark.parametrize(
    "given",
    [
        "互联网:新的治理课题",  # a subject ending in 网 is no site
        "网络直播：乱象何时休",
        "乡村振兴（上）",  # a part number is the title's own
        "数字政府建设（2023）",
        "关于推进基层治理的意见（试行）",  # a document's own status
        "三农问题：根在人才",
    ],
)
def test_a_titles_own_parts_stay(given: str) -> None:
    assert without_series_prefix(given) == given


def test_a_quoted_office_in_a_claim_is_no_speakers_label() -> None:
    title = "“莫大外籍教授”现原形：“外来的和尚会念经”刺激跨国造假"
    assert without_series_prefix(title) == title
