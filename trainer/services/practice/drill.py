"""The 概括 drill: find the facts (找点), group them (归类), name each group (命名).

The material is a question's paragraphs, sentence by sentence. A sentence is a
fact when it holds one of the question's points or the generator classed it 问题,
危害, 原因, 对策 or 意义; its category is the rubric's noun for that function
(问题, 原因, 对策, 成效; 经验 for a 做法 sentence). Grading:

* 找点: the facts marked, the facts missed and the sentences marked that are none;
* 归类: each group's category is the one most of its facts have; its purity is
  their share;
* 命名: a name is right in kind when it holds a noun of its group's category
  (问题/乱象/短板…, 原因/根源…, 对策/措施/建议…, 成效/意义/作用…, 经验/做法…),
  and it names the content when the typed-answer grader finds one of the group's
  points in it (✓ or ◐).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from trainer.services.grading import Mark, grade
from trainer.services.practice.questions import Question, _short

CATEGORY_NOUNS: dict[str, tuple[str, ...]] = {
    "问题": ("问题", "乱象", "短板", "困境", "不足", "弊端", "难题", "挑战"),
    "原因": ("原因", "根源", "症结", "成因", "因素"),
    "对策": ("对策", "措施", "建议", "举措", "路径", "办法", "途径"),
    "成效": ("成效", "意义", "作用", "效果", "好处", "价值", "成果"),
    "经验": ("经验", "做法", "启示"),
}
FUNCTION_CATEGORY = {"问题": "问题", "危害": "问题", "原因": "原因", "对策": "对策", "意义": "成效"}


@dataclass(frozen=True, slots=True)
class DrillItem:
    text: str
    category: str
    """The rubric category of the fact it holds; '' when it is not a fact."""
    point: str
    """The expected point it holds (or its own leading clauses)."""


@dataclass(frozen=True, slots=True)
class GroupGrade:
    group: int
    name: str
    members: tuple[int, ...]
    category: str
    """The category most of its facts have ('' when none is a fact)."""
    purity: float
    name_kind_ok: bool
    name_points: tuple[str, ...]
    """Points of the group the name covers."""


@dataclass(frozen=True, slots=True)
class DrillGrade:
    found: tuple[int, ...]
    missed: tuple[int, ...]
    extra: tuple[int, ...]
    groups: tuple[GroupGrade, ...]

    @property
    def score(self) -> float:
        """Half finding, a quarter grouping, a quarter naming (0-1)."""
        facts = len(self.found) + len(self.missed)
        find = len(self.found) / facts if facts else 1.0
        find *= 1.0 if not self.extra else facts / (facts + len(self.extra))
        if not self.groups:
            return find / 2
        group = sum(g.purity for g in self.groups) / len(self.groups)
        name = sum((g.name_kind_ok + bool(g.name_points)) / 2 for g in self.groups) / len(
            self.groups
        )
        return find / 2 + group / 4 + name / 4


def _category_of(question: Question, function: str, point: int) -> str:
    """A sentence holding a point has the point's category; another, its function's."""
    if point >= 0:
        kind = question.point_kinds[point] if point < len(question.point_kinds) else ""
        kind = kind if kind in FUNCTION_CATEGORY else question.kind
        if kind in FUNCTION_CATEGORY:
            return FUNCTION_CATEGORY[kind]
    return FUNCTION_CATEGORY.get(function, "")


def drill_items(question: Question) -> list[DrillItem]:
    out = []
    for s in question.material:
        category = _category_of(question, s.function, s.point)
        point = question.points[s.point] if 0 <= s.point < len(question.points) else _short(s.text)
        out.append(DrillItem(s.text, category, point if category else ""))
    return out


def name_category(name: str) -> str:
    """The rubric category a group's name names ('' for none)."""
    for category, nouns in CATEGORY_NOUNS.items():
        if any(n in name for n in nouns):
            return category
    return ""


def grade_drill(
    items: list[DrillItem], marked: set[int], groups: dict[int, int], names: dict[int, str]
) -> DrillGrade:
    """``marked``: items marked as facts; ``groups``: item → group number; ``names``:
    group number → its name."""
    facts = {i for i, it in enumerate(items) if it.category}
    found = tuple(sorted(marked & facts))
    missed = tuple(sorted(facts - marked))
    extra = tuple(sorted(marked - facts))
    graded = []
    for g in sorted(set(groups.values())):
        members = tuple(sorted(i for i, n in groups.items() if n == g and 0 <= i < len(items)))
        cats = Counter(items[i].category for i in members if items[i].category)
        category, top = cats.most_common(1)[0] if cats else ("", 0)
        purity = top / len(members) if members else 0.0
        name = names.get(g, "").strip()
        kind_ok = bool(name) and bool(category) and name_category(name) == category
        points = [items[i].point for i in members if items[i].point]
        covered: tuple[str, ...] = ()
        if name and points:
            result = grade(points, name)
            covered = tuple(p.expected for p in result.points if p.mark is not Mark.MISSED)
        graded.append(GroupGrade(g, name, members, category, purity, kind_ok, covered))
    return DrillGrade(found, missed, extra, tuple(graded))
