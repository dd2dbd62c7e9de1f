"""Web-page chrome: site footers, contact lines, menus, bylines.

Articles copied from web pages carry copyright and 转载 notices, phone numbers,
上一篇/下一篇, 相关推荐 and menu entries. None of it may become a card. Three rules,
none tied to one site: cut the tail from the first footer marker in the last part
of the text; drop any line with a URL, e-mail address or phone number, or that is
a byline/source/editor note; drop runs of short lines that are not sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from trainer.generation.lexicon import entries, kind_words, words
from trainer.generation.text import Span, cjk_count

FOOTER = re.compile(
    r"本文由|本文来源|本文来自|转载|版权所有|版权声明|免责声明|copyright|©|\(c\)\s*\d{4}|"
    r"上一篇|下一篇|上一条|下一条|相关推荐|相关阅读|相关文章|延伸阅读|热门推荐|猜你喜欢|"
    r"返回顶部|扫一扫|扫码|关注我们|关注公众号|分享到|分享让更多人|推荐阅读|责任编辑|点击排行|网站地图|"
    r"联系我们|ICP备|当前位置|打印本页|关闭窗口|[大中小]字号|字号[::]|"
    r"以上(?:就是|便是|是).{0,16}整理|为大家整理|更多.{0,16}请关注|请关注.{0,12}(?:网|公众号|微信)|"
    r"如有侵权|仅供.{0,6}(?:参考|交流|学习)|返回目录|阅读原文|更多内容(?:详见|请见|参见|见)|"
    r"查看.{0,4}(?:近期|往期|更多)(?:热文|文章|精彩)|"
    r"^[#\s]*(?:相关|更多|往期)(?:稿件|新闻|链接|报道|专题|评论|精选|回顾)\s*[:：]?\s*$",
    re.IGNORECASE,
)
URL = re.compile(
    r"https?://|www\.|(?<![\w-])[\w-]{1,63}\.(?:com|cn|net|org|gov|edu)\b", re.IGNORECASE
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}")
"""URL and EMAIL match a name's run from its first character only, with bounded
repeats, so a long line without punctuation costs linear time, not quadratic."""
PHONE = re.compile(
    r"(?<!\d)(?:\d{3,4}-\d{3,4}-\d{3,4}|1[3-9]\d{9}|0\d{2,3}-\d{7,8}|400\d{7})(?!\d)"
)
CREDIT = re.compile(
    r"^[(（\[【]?\s*(?:制图|绘图|插图|配图|漫画|图片|图文|摄影|图|文|撰文|作者|记者|通讯员|"
    r"责编|编辑|责任编辑|校对|审核)\s*[/／|｜]\s*[^\s/／|｜]{1,12}\s*[)）\]】]?$"
)
"""A credit written with a slash (``配图 / 张三``, ``文/张三``, ``（责编/李四）``); with a
colon it is a byline (``_byline``)."""


@cache
def _byline() -> re.Pattern[str]:
    """A byline or credit line with a colon (``作者：…``, ``海报：…``); its labels are a
    data file (``credit_labels``), the ``……编辑/监制`` form is a pattern."""
    labels = "|".join(re.escape(w) for w in sorted(words("credit_labels"), key=len, reverse=True))
    return re.compile(
        r"^(?:[-*+•]\s+|\d{1,2}[.、]\s*)?[(\[【]?\s*(?:"
        + labels
        + r"|[\u4e00-\u9fff]{1,4}(?:编辑|校对|审核|审校|监制|制作))\s*[::]"
    )


DATE_LINE = re.compile(
    r"^[(\[【]?\s*\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
)
CLOCK_LINE = re.compile(
    r"^(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
"""A time stamp alone on its line, as a page's list of other stories prints beside
each (``02-10 16:55 星期二``)."""
STAMP_LINE = re.compile(
    r"^\d{2,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*[\[【(]\s*[\u4e00-\u9fff]{1,6}\s*[\]】)]$"
)
"""A date and a category alone on a line, as a page's list of other stories prints
under each (``25-04-01[ 政治 ]``)."""
HEADLINE_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,8})\s*[:：]")
LISTED_STORY = re.compile(r"^[【\[]\s*[\u4e00-\u9fff\d]{1,6}\s*[】\]][^|｜。!?]{1,20}[|｜]")
"""A line of an account's list of its stories: a slot label in brackets, the column,
a bar, the headline (``【二条】聚焦·某某案 | ……``)."""
_LIST_LEAD = 10
"""At most this many characters: the label line over such a list (``今日要闻:``)."""
_HEADLINE = 40
_HEADLINE_RUN = 3
"""Three or more headlines under one label in a run of headlines (``申论热点:……`` line
after line): a page's list of its other stories, never the article."""
DATE_LABEL = re.compile(
    r"^(?:#{1,6}\s*)?[\u4e00-\u9fff]{0,4}\s*[:：]?\s*\d{4}\s*"
    r"(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})\s*$"
)
"""A line that is a date under a short label and nothing else (``# 作文2024.11.10``,
``日期：2025-03-01``): a diary or practice book's entry label, never the title."""
DATELINE = re.compile(
    r"^(?:本报讯|(?:本报|新华社|中新社|人民网|新华网|央视网|光明网|中新网|[\u4e00-\u9fff]{2,4}网)?"
    r"[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日(?:电|讯|消息))\s*(?:[(][^)]{0,30}[)])?\s*"
)
"""A news dateline opening the first paragraph (``本报北京9月17日电``); cut, not kept."""
PAPER_LINE = re.compile(r"^[(]?\s*(?:作者|本文作者).{0,40}[)]$|《[^》]{1,12}》\s*[(]\s*\d{4}年")
META_FIELD = re.compile(
    r"(?:^|[|｜·]\s*)(?:整理|编辑|更新时间|更新于|发布于|发布时间|标签|分类|关键词|阅读|阅读量|浏览量?|"
    r"字数|来源|作者)\s*[::]"
)
PROMO = re.compile(
    r"(?:下面|以下|本期|今天).{0,16}为(?:考生|大家|各位|广大)|供(?:大家|考生|各位).{0,6}(?:参考|学习|借鉴)|"
    r"(?:关注|添加|联系).{0,10}(?:公众号|客服|老师|微信)|(?:报名|课程|试听|备考).{0,6}(?:咨询|优惠|福利)|"
    r"(?:不要|别)错过.{0,16}(?:计划|课程|活动|训练营|班)|【[^】]{0,12}(?:计划|课程|训练营|班)】\s*$"
)
"""A promotional sentence inside a content line (``下面某机构为考生带来本期范文,供大家参考``)."""
PAGE_MARK = re.compile(
    r"^(?:第\s*\d{1,4}\s*页(?:\s*[/／,,]?\s*共\s*\d{1,4}\s*页)?|[-—–]\s*\d{1,4}\s*[-—–]|"
    r"\d{1,4}\s*/\s*\d{1,4}\s*页?|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
"""A page number left by a PDF or a printed page (``第 3 页``, ``- 3 -``, ``3/10``)."""
HASHTAG = re.compile(r"(?:^|\s)#[^\s#]{1,16}")
_SENTENCE_MARKS = "。!?;,"
_SHORT = 16


def content_lines(folded: str) -> list[Span]:
    """The lines of ``folded`` that are article content, with offsets."""
    lines = _without_scaffolding(_without_furniture(_lines(folded)))
    lines = _cut_footer(lines, folded)
    kept = [_cut_dateline(ln) for ln in lines if not is_noise(ln.text)]
    cut = [
        piece
        for ln in kept
        for part in _cut_promo(ln)
        for cited in _cut_citations(part)
        for piece in _cut_captions(cited)
    ]
    return _drop_headline_runs(_drop_menu_runs(cut))


def _headline_label(line: str) -> str:
    """The label a headline opens on (申论热点 of ``申论热点:……``), if ``line`` is a
    short line with no sentence in it; else empty."""
    text = line.strip()
    if len(text) > _HEADLINE or any(m in text for m in "。!?;"):
        return ""
    if LISTED_STORY.match(text):
        return "【】"  # slots differ (头条, 二条): the bracketed slot is the shared label
    m = HEADLINE_LABEL.match(text)
    return m.group(1) if m else ""


def _drop_headline_runs(lines: list[Span]) -> list[Span]:
    """``lines`` without runs of headlines (short labelled lines, one after another) in
    which ``_HEADLINE_RUN`` or more share a label: a page's lists of its other stories
    (申论热点:…… then 申论范文:……)."""
    labels = [_headline_label(ln.text) for ln in lines]
    out: list[Span] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and labels[j]:
            j += 1
        run = Counter(labels[i:j])
        if run and max(run.values()) >= _HEADLINE_RUN:
            if out and _list_lead(out[-1].text):
                out.pop()  # 今日要闻: over the list goes with it
            i = j
            continue
        out.extend(lines[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _list_lead(line: str) -> bool:
    """A short label ending in a colon and nothing else (``往期精选:``)."""
    text = line.strip()
    return len(text) <= _LIST_LEAD and text.endswith((":", "：")) and cjk_count(text) >= 2


_RUNNING = 3
"""A line written this many times or more, verbatim, in one document is a running
header or footer of its pages (``2021年国家公考《申论》题(地市级)`` on every page of a
PDF): page furniture, never content."""
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


def _without_furniture(lines: list[Span]) -> list[Span]:
    """``lines`` without page furniture: HTML/Markdown comments (``<!-- page 3 of 18
    -->``, one line or several) and lines repeated ``_RUNNING`` times or more."""
    counts = Counter(ln.text for ln in lines)
    out: list[Span] = []
    inside = False
    for ln in lines:
        text = ln.text
        if inside:
            inside = _COMMENT_CLOSE not in text
            continue
        if text.startswith(_COMMENT_OPEN):
            inside = _COMMENT_CLOSE not in text[len(_COMMENT_OPEN) :]
            if inside or text.endswith(_COMMENT_CLOSE):
                continue
        if counts[text] >= _RUNNING and _furniture_shaped(text):
            continue
        out.append(ln)
    return out


_FURNITURE_MAX = 60


def _furniture_shaped(text: str) -> bool:
    """A line that could be a running header or footer: short and not a sentence (a
    paragraph of prose quoted again is content, however often it stands)."""
    return len(text) <= _FURNITURE_MAX and not text.endswith(("。", "!", "?", ";", "…"))


@cache
def _platform_lines() -> re.Pattern[str]:
    """The patterns of ``data/boilerplate_lines.txt`` as one expression."""
    rows = [" ".join(row) for row in entries("boilerplate_lines")]
    return re.compile("|".join(f"(?:{r})" for r in rows), re.IGNORECASE)


def is_platform_line(line: str) -> bool:
    """A line a publishing platform or converter adds (a sync footer, 本文首发于…)."""
    return _platform_lines().match(line.strip()) is not None


CITATION = re.compile(
    r"[\u4e00-\u9fffA-Za-z·, ]{2,30}\.[^.\[\]。!?]{2,100}"
    r"\[(?:J|M|N|D|C|R|S|P|Z|EB/OL)\]\.[^.。!?\d]{1,30},\s*\d{4}[^.。!?:]{0,12}:"
    r"\s*\d+(?:\s*[-–]\s*\d+)?\.?"
)
"""A reference in the form of a bibliography (``作者.题名[J].刊名,2021(7):98-100.``),
set inline after the sentence it supports or on a line of its own: never content."""


def _cut_citations(line: Span) -> list[Span]:
    """``line`` without its bibliographic references: the pieces around them."""
    text = line.text
    pieces: list[Span] = []
    at = 0
    for m in CITATION.finditer(text):
        pieces.append(Span(text[at : m.start()], line.start + at, line.start + m.start()))
        at = m.end()
    if not at:
        return [line]
    pieces.append(Span(text[at:], line.start + at, line.end))
    out: list[Span] = []
    for piece in pieces:
        lead = len(piece.text) - len(piece.text.lstrip())
        body = piece.text.strip()
        if cjk_count(body):
            out.append(Span(body, piece.start + lead, piece.start + lead + len(body)))
    return out


def _cut_promo(line: Span) -> list[Span]:
    """``line`` without its promotional sentences (the rest of the line stays)."""
    m = PROMO.search(line.text)
    if m is None:
        return [line]
    text = line.text
    start = max(text.rfind(ch, 0, m.start()) for ch in "。!?") + 1
    ends = [i for i in (text.find(ch, m.end()) for ch in "。!?") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    out: list[Span] = []
    head = Span(text[:start].rstrip(), line.start, line.start + len(text[:start].rstrip()))
    if cjk_count(head.text):
        out.append(head)
    rest = text[end:]
    lead = len(rest) - len(rest.lstrip())
    tail = Span(rest.strip(), line.start + end + lead, line.start + end + lead + len(rest.strip()))
    if cjk_count(tail.text):
        out.extend(_cut_promo(tail))
    return out


CAPTION = re.compile(
    r"^[上下左右中]{0,2}(?:组?图|照片)\s*\d{0,2}\s*[为是:]|"
    r"[(]\s*[^()]{0,30}(?:/\s*摄|供图|摄影|图片来源)\s*[)]"
)
"""A photo caption inside a paragraph: it opens on 左上图为 / 图为 / 图1: or carries a
photo credit in brackets (``(某某医院供图)``, ``(新华社记者 张三/摄)``)."""
_CAPTION_PIECE = re.compile(r"[^。!?;]*(?:[。!?;]|$)")
_CREDIT_END = re.compile(
    r"(?:^|[。!?;\s])(?:[\u4e00-\u9fff]{1,8}(?:网|社|报|台|中心)\s*(?:记者|通讯员)?|记者|通讯员|\s)"
    r"\s*[\u4e00-\u9fff·]{2,4}(?:\s*[、\s]\s*[\u4e00-\u9fff·]{2,4}){0,3}\s*/?\s*摄(?:影)?\s*$"
)
"""A photo's credit closing its caption without brackets (``……投饵机。人民网 范尧摄``,
``新华社记者 张三 摄``): an outlet or 记者, or a space, before a name and 摄."""
_CAPTION_MAX = 150
"""A caption is a line or two; a paragraph longer than this ending on a credit is not one."""


def _cut_captions(line: Span) -> list[Span]:
    """``line`` without its photo captions: the sentences (or ;-parts) that are one,
    the rest of the paragraph stays, in the pieces around them; a short line closed by
    a photographer's credit is a caption whole."""
    text = line.text
    if len(text) <= _CAPTION_MAX and _CREDIT_END.search(text):
        return []  # a photo's caption, its credit closing it
    if CAPTION.search(text) is None:
        return [line]
    out: list[Span] = []
    keep_from: int | None = None
    for m in _CAPTION_PIECE.finditer(text):
        piece = m.group(0).strip()
        if not piece and m.start() == len(text):
            break
        caption = bool(piece) and CAPTION.search(piece) is not None
        if caption and keep_from is not None:
            out.append(_piece(line, keep_from, m.start()))
            keep_from = None
        elif not caption and keep_from is None:
            keep_from = m.start()
    if keep_from is not None:
        out.append(_piece(line, keep_from, len(text)))
    return [p for p in out if cjk_count(p.text)]


def _piece(line: Span, start: int, end: int) -> Span:
    body = line.text[start:end]
    lead = len(body) - len(body.lstrip())
    body = body.strip()
    return Span(body, line.start + start + lead, line.start + start + lead + len(body))


PAGE_PREFIX = re.compile(r"^第\s*\d{1,4}\s*页\s+(?=\S)")
"""A page number glued before a line's text by a PDF's extraction (``第77页 标题``)."""


def _cut_dateline(line: Span) -> Span:
    m = DATELINE.match(line.text) or PAGE_PREFIX.match(line.text)
    if m is None or m.end() >= len(line.text):
        return line
    return Span(line.text[m.end() :], line.start + m.end(), line.end)


def _lines(folded: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for raw in folded.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        start = pos + (len(body) - len(body.lstrip()))
        end = pos + len(body.rstrip())
        if end > start:
            out.append(Span(folded[start:end], start, end))
        pos += len(raw)
    return out


def _cut_footer(lines: list[Span], folded: str) -> list[Span]:
    """``lines`` up to a footer line past the first third of the text (and its first
    100 Chinese characters); past that point the characters seen are not counted."""
    least = max(100, cjk_count(folded) // 3)
    seen = 0
    for i, line in enumerate(lines):
        if seen < least:
            seen += cjk_count(line.text)
        elif _footer_line(line.text):
            return lines[:i]
    return lines


_MENU_SPLIT = re.compile(r"\s*[|｜>»›]\s*|\s+")
_MENU_FIELD = 8


def is_menu(line: str) -> bool:
    """A site menu or breadcrumb trail (``公务员|事业单位|教师招聘|登录 注册``,
    ``首页 > 申论热点 > 正文``): three or more short fields, no sentence in them."""
    if any(m in line for m in "。,!?;:") or line.lstrip().startswith("#"):
        return False
    fields = [f for f in _MENU_SPLIT.split(line) if f]
    # Spaces alone also part a headline (精准发放消费券 激发消费新活力): four fields then.
    least = 3 if any(ch in line for ch in "|｜>»›") else 4
    return len(fields) >= least and all(len(f) <= _MENU_FIELD for f in fields)


def _footer_line(line: str) -> bool:
    """A line that opens the page footer: a marker in a short line or at its start.
    A marker inside prose (……消费者扫一扫二维码就能看到……) is content."""
    m = FOOTER.search(line)
    if m is None:
        return False
    if m.start() <= 2:
        return True
    prose = len(line) >= _PROSE and line.endswith("。") and "," in line
    return len(line) < _FOOTER_LINE and not prose


_FOOTER_LINE = 60

_MARKUP_HEAD = re.compile(r"^(?:#{1,6}\s*)?[【\[(]?\s*")
_OPTION = re.compile(r"^([A-H])\s*[.、:)]\s*\S")
_QUIZ_STEM = re.compile(
    r"[(（]\s*[)）]\s*[。.?]?$|(?:正确|错误|不正确|恰当|不恰当|准确|不准确)的(?:一项)?是\s*[:：]?$"
)
"""A quiz question: it ends on the answer's empty brackets or on ……正确的是."""
_HEADING_LIKE = 24
"""At most this many characters: a heading line (a part's title, a contents entry)."""


def _label(line: str) -> str:
    """A short line's words without Markdown heading marks, a page's pictograph
    (``📌 导语``), brackets, spaces and a closing colon (``## 目 录`` -> 目录); empty for
    a longer line (no label)."""
    text = line.strip()
    if len(text) > _LABEL_MAX:
        return ""
    text = _MARKUP_HEAD.sub("", text).rstrip(" \t:：】])")
    text = text.lstrip("".join(ch for ch in text[:3] if _pictograph(ch)))
    return "".join(text.split())


_LABEL_MAX = 40


def _pictograph(ch: str) -> bool:
    """An emoji or symbol a page sets before a label (📌, ★, ▶), or its variation selector."""
    return unicodedata.category(ch) == "So" or "\ufe00" <= ch <= "\ufe0f"


def _is_heading_line(line: str) -> bool:
    text = line.strip()
    if text.startswith("#"):
        return True
    return len(text) <= _HEADING_LIKE and not text.endswith(("。", "!", "?", ";", ","))


def _without_scaffolding(lines: list[Span]) -> list[Span]:
    """``lines`` without a study note's own scaffolding (``data/scaffolding.txt``):
    lines addressed to the student (注意:……, 提示:……), a part telling how to read the
    note (阅读提示, 学习目标) up to the next heading, a table of contents (目录 and the
    entries the note repeats later), a heading that only says the text follows
    (原文内容), and a quiz's stem, wrong options and answer line: none of it is
    material to learn."""
    notices = "|".join(re.escape(w) for w in kind_words("scaffolding", "notice"))
    notice = re.compile(rf"^(?:{notices})\s*[::]")
    guides = frozenset(kind_words("scaffolding", "guide"))
    contents = frozenset(kind_words("scaffolding", "contents"))
    containers = frozenset(kind_words("scaffolding", "container"))
    answers = "|".join(re.escape(w) for w in kind_words("scaffolding", "answer"))
    answer_line = re.compile(rf"^(?:{answers})\s*[::]\s*([A-H]{{1,4}})\s*[。.]?$")
    drop: set[int] = set()
    labels = [_label(ln.text) for ln in lines]
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        label = labels[i]
        if notice.match(text) or (label in containers and _is_heading_line(text)):
            drop.add(i)
        elif label in guides and _is_heading_line(text):
            drop.add(i)
            j = i + 1
            while j < len(lines) and not _is_heading_line(lines[j].text):
                drop.add(j)
                j += 1
        elif label in contents and _is_heading_line(text):
            drop.add(i)
            j = i + 1
            while j < len(lines) and labels[j] and labels[j] in labels[j + 1 :]:
                drop.add(j)
                j += 1
        elif answer_line.match(text):
            drop.add(i)
    quiz, cut = _quiz(lines, answer_line)
    drop |= quiz
    return [cut.get(i, ln) for i, ln in enumerate(lines) if i not in drop]


_ANSWER_NEAR = 3
"""Lines after a quiz's options searched for its answer line (答案:B)."""


def _quiz(lines: list[Span], answer_line: re.Pattern[str]) -> tuple[set[int], dict[int, Span]]:
    """A quiz: its stem (``下列……正确的是( )``) and the options after it (two or more
    lines A., B., … in order). The stem and, where an answer line names the right
    option, the wrong options go; the right option stays as material, without its
    letter. Lettered lines after no such stem are the text's own points and stay.
    Returns the lines to drop and the lines to keep cut."""
    drop: set[int] = set()
    cut: dict[int, Span] = {}
    i = 0
    while i < len(lines):
        m = _OPTION.match(lines[i].text.strip())
        if m is None or m.group(1) != "A":
            i += 1
            continue
        j = i + 1
        want = "B"
        while j < len(lines):
            n = _OPTION.match(lines[j].text.strip())
            if n is None or n.group(1) != want:
                break
            want = chr(ord(want) + 1)
            j += 1
        if j - i >= 2 and i > 0 and _QUIZ_STEM.search(lines[i - 1].text.strip()):
            drop.add(i - 1)
            key = next(
                (
                    a.group(1)
                    for a in (
                        answer_line.match(x.text.strip()) for x in lines[j : j + _ANSWER_NEAR]
                    )
                    if a is not None
                ),
                "",
            )
            for k in range(i, j) if key else ():
                ln = lines[k]
                if ln.text.strip()[0] not in key:
                    drop.add(k)
                    continue
                lead = _OPTION_LABEL.match(ln.text)
                at = lead.end() if lead else 0
                cut[k] = Span(ln.text[at:], ln.start + at, ln.end)
        i = max(j, i + 1)
    return drop, cut


_OPTION_LABEL = re.compile(r"^\s*[A-H]\s*[.、:)]\s*")


_PROSE = 30
_MARKDOWN_MARKS = re.compile(r"^\s*#{1,6}\s*")


def is_noise(line: str) -> bool:
    """A line that is chrome wherever it stands."""
    if URL.search(line) or EMAIL.search(line) or PHONE.search(line):
        return True
    if is_menu(line):
        return True
    bare = _MARKDOWN_MARKS.sub("", line)  # #### 来源:新华社: a credit set as a heading
    if _byline().search(bare) or CREDIT.match(bare.strip()) or PAPER_LINE.search(bare):
        return True
    if PAGE_MARK.match(line.strip()):
        return True
    if DATE_LINE.search(line) and len(line) < 60:
        return True
    if DATE_LABEL.match(line.strip()) or CLOCK_LINE.match(line.strip()):
        return True
    if STAMP_LINE.match(line.strip()):
        return True
    if _footer_line(line) or is_platform_line(line):
        return True
    return cjk_count(line) == 0 or is_metadata(line)


def is_metadata(line: str) -> bool:
    """A line of ``|``-separated metadata fields (``整理:… | 更新时间:… | 标签:#…``)
    or of hashtags: front matter, never content."""
    fields = [f for f in re.split(r"(?<!\s)\s*[|｜]\s*", line) if f]
    if len(fields) >= 2 and sum(1 for f in fields if META_FIELD.search(f)) >= 1:
        return True
    if len(HASHTAG.findall(line)) >= 2:
        return True
    return len(META_FIELD.findall(line)) >= 2


def _is_short(line: str) -> bool:
    return len(line) <= _SHORT and not any(m in line[:-1] for m in _SENTENCE_MARKS)


def _drop_menu_runs(lines: list[Span]) -> list[Span]:
    """Drop runs of three or more short non-sentence lines (menus, link lists)."""
    out: list[Span] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_short(lines[j].text) and not lines[j].text.endswith("。"):
            j += 1
        if j - i >= 3 and not _numbered_run(lines[i:j]):
            if i == 0:
                # The title line may open a run of short lines, under a masthead or a
                # series label (人民日报, then the headline, byline and date).
                out.append(_headline_of_run(lines[i:j]))
            i = j
            continue
        out.extend(lines[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _headline_of_run(run: list[Span]) -> Span:
    """The first line of an opening run of short lines that names an article, not the
    paper, site or series printing it."""
    from trainer.generation.read.reader import is_series_label

    return next((ln for ln in run if not is_series_label(ln.text)), run[0])


_NUMBERED = re.compile(
    r"^(?:[(]?[一二三四五六七八九十\d]+[)、.]|第[一二三四五六七八九十]+|[【].+[】])"
)


def _numbered_run(run: list[Span]) -> bool:
    """Consecutive numbered headings (一、 二、 三、) are an outline, not a menu."""
    return sum(1 for s in run if _NUMBERED.match(s.text)) * 2 >= len(run)
