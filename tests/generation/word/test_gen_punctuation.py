"""What the generator writes itself (prompts, list items, structure answers) is Chinese
and takes full-width punctuation, although it is worded from folded (half-width) text
(issue: lists "named by what they are … full-width punctuation")."""

from __future__ import annotations

from gen_scoring import make

from trainer.domain.model import NoteKind
from trainer.generation.text import widen_punct


def test_marks_beside_chinese_are_widened_and_others_stay() -> None:
    assert (
        widen_punct("对策建议:推进全民阅读有哪三条对策?") == "对策建议：推进全民阅读有哪三条对策？"
    )
    assert widen_punct("乡村振兴,既要塑形,也要铸魂;(一)") == "乡村振兴，既要塑形，也要铸魂；（一）"
    assert widen_punct("比例为1:2,f(x)与(a)") == "比例为1:2,f(x)与(a)"
    assert widen_punct("{{c1::健全机制}}") == "{{c1::健全机制}}"  # cloze markup is no punctuation


def test_list_prompts_and_structure_answers_are_full_width() -> None:
    text = (
        "以法治护航平台经济\n\n"
        "压实平台主体责任,平台要履行审核义务。\n\n"
        "完善监管制度,部门要加强协同监管。\n\n"
        "营造良好生态,行业要加强自律。\n\n"
        "为此,要做到以下三点:一是健全规则,二是强化执法,三是畅通投诉渠道。\n"
    )
    notes = make(text, "t").notes
    written = [n.prompt for n in notes if n.kind is not NoteKind.CLOZE]
    written += [n.answer for n in notes if "结构" in n.tags]
    assert written
    for line in written:
        assert not any(ch in line for ch in ",?:;"), line
