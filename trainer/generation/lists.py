"""Wording a list card: its prompt (what the list is about, how many items) and answer.

The subject comes from what the article says around the list: a summary after
it (``这些乱象``), the words after a 、 list (``等一系列工作``), a category word in
the lead-in sentence, or the lead-in itself. The answer numbers the item
phrases, each with its full sentence as context.
"""

from __future__ import annotations

import re

from trainer.generation.enumtypes import Enumeration
from trainer.generation.text import Span, cn_number

CATEGORIES = [
    "乱象",
    "问题",
    "原因",
    "对策",
    "措施",
    "举措",
    "建议",
    "影响",
    "意义",
    "作用",
    "好处",
    "益处",
    "风险",
    "危害",
    "路径",
    "途径",
    "办法",
    "方法",
    "表现",
    "特点",
    "现象",
    "困境",
    "挑战",
    "成效",
    "经验",
    "做法",
    "要求",
    "原则",
    "目标",
    "任务",
    "环节",
    "难点",
    "短板",
    "优势",
    "机遇",
    "因素",
    "弊端",
    "隐患",
    "思路",
    "方面",
]
_UNITS = {
    "乱象": "种",
    "现象": "种",
    "问题": "个",
    "风险": "种",
    "危害": "种",
    "方面": "个",
    "原因": "个",
}
_SUMMARY = re.compile(r"^(?:这些|上述|以上|这几|这(?:两|三|四|五)(?:个|种|项|大)?)")
_LEAD_MAX = 36
_CUE = re.compile(
    r"以下|如下|几(?:个|点|种|项|方面)|[两二三四五六七八九十](?:个|点|种|大|项|条)|包括|表现在|体现在|:$|"
    r"^(?:因此|因而|为此|对此|所以).*(?:要|应|必须|需)"
)


def _category(text: str) -> str:
    for word in CATEGORIES:
        if word in text:
            return word
    return ""


def _count(n: int, unit: str) -> str:
    return ("两" if n == 2 else cn_number(n)) + unit


def _tail(s: Span | None) -> str:
    """The last clauses of a lead-in sentence, at most ``_LEAD_MAX`` characters."""
    if s is None:
        return ""
    text = s.text.rstrip("。!?;,:")
    if len(text) <= _LEAD_MAX:
        return text
    cut = text[-_LEAD_MAX:]
    comma = cut.find(",")
    return cut[comma + 1 :] if 0 <= comma < len(cut) - 4 else cut


def section_label(heading: str) -> str:
    """``评论三:干部直播……`` -> ``评论三``; other headings as they are."""
    head, sep, _ = heading.partition(":")
    return head if sep and len(head) <= 8 else heading


def prompt(e: Enumeration) -> str:
    n = len(e.items)
    label = section_label(e.section.heading)
    prefix = f"{label}:" if label else ""
    if e.style == "headings":
        return f"全文分为哪{_count(n, '个')}部分?"
    if e.style == "parallel":
        return f"{prefix}{_tail(e.lead)}{e.shared}哪{_count(n, '点')}?"
    if e.style == "inline":
        after = (e.after.text if e.after else "").lstrip("等")
        after = re.split(r"[,;。!?:]", after)[0]
        return f"{prefix}{_tail(e.lead)}哪{_count(n, '项')}{after}?"
    summary = e.after.text[:8] if e.after and _SUMMARY.match(e.after.text) else ""
    category = _category(summary)
    if category:
        return f"{prefix}文中列举了哪{_count(n, _UNITS.get(category, '点'))}{category}?"
    lead = _tail(e.lead)
    same_paragraph = e.lead is not None and e.lead.start >= _paragraph_start(e)
    if e.lead is None or not (same_paragraph or _CUE.search(e.lead.text)):
        lead = ""
    category = _category(lead) if e.lead is not None and _CUE.search(e.lead.text) else ""
    if not category and not lead and not e.section.heading.endswith("?"):
        category = _category(e.section.heading)
    unit = _UNITS.get(category, "点") if category else "点"
    question = f"有哪{_count(n, unit)}{category}?" if category else f"分哪{_count(n, '点')}?"
    if e.shared:
        question = f"{e.shared}——{question}"
    return f"{prefix}{lead}——{question}" if lead else f"{prefix}{question}"


def _paragraph_start(e: Enumeration) -> int:
    for p in e.section.paragraphs:
        if p.index == e.paragraph:
            return p.span.start
    return e.start


def answer(e: Enumeration, original: str) -> str:
    lines = []
    for k, it in enumerate(e.items, 1):
        phrase = original[it.phrase.start : it.phrase.end]
        ctx = original[it.context.start : it.context.end].strip()
        lines.append(f"{k}. {phrase}" + (f" —— {ctx}" if ctx and ctx != phrase else ""))
    return "\n".join(lines)
