"""``trainer practice [DECK|ARTICLE]``: a timed written answer, graded point by point.

The question comes from an article's functions (概括问题, 对策, 原因, 意义, 谈理解);
the answer is typed on the terminal, several lines, ended by Ctrl+D or by two
empty lines in a row; every line's prompt shows the time left, and when the
time is up the lines typed so far are handed in. ``--answer-file F`` reads the
answer from a file instead (scripts). The answer is graded, counted as the
answer sheet counts it, saved, and rated (asked for, or ``--rating``; without a
terminal the suggested rating stands).

``TRAINER_NOW`` (ISO 8601) pins the time the attempt is saved at, for tests.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from trainer.cli import echo, fail, store_for

if TYPE_CHECKING:
    from trainer.services.practice import PracticeResult, Question

MAX_ANSWER_BYTES = 1024 * 1024


def _now() -> datetime:
    pinned = os.environ.get("TRAINER_NOW", "").strip()
    if not pinned:
        return datetime.now(UTC)
    try:
        at = datetime.fromisoformat(pinned.replace("Z", "+00:00"))
    except ValueError:
        fail(f"TRAINER_NOW: not an ISO 8601 time: {pinned!r}")
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def practice(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[DECK|ARTICLE]",
            help="A deck, a stored article's id or an article file (default: every article).",
        ),
    ] = None,
    minutes: Annotated[
        int | None,
        typer.Option("--minutes", min=1, max=600, help="Time allowed (default: the question's)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=10, max=5000, help="Character limit (default: the question's)."
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--type", help="Question type: 问题, 原因, 对策, 意义 or 理解."),
    ] = None,
    answer_file: Annotated[
        Path | None,
        typer.Option("--answer-file", help="Read the answer from this file (UTF-8)."),
    ] = None,
    rating: Annotated[
        int | None,
        typer.Option("--rating", min=1, max=4, help="Rate the answer 1-4 without being asked."),
    ] = None,
    drill: Annotated[
        bool,
        typer.Option("--drill", help="The 概括 drill instead: find, group and name the facts."),
    ] = False,
) -> None:
    """Answer a 申论 question against the clock; graded point by point and saved."""
    from trainer.domain.model import Rating
    from trainer.services.practice import PracticeService

    typed: str | None = None
    if answer_file is not None:
        typed = _read_answer(answer_file)
    with store_for(ctx, bundled=True) as store:
        service = PracticeService(store)
        now = _now()
        questions = service.questions(target, kind, now)
        if not questions:
            fail(
                f"{target or 'the stored articles'}: no question can be drawn "
                "(no list or sentence of 问题, 原因, 对策 or 意义 was found)"
            )
        question = questions[0]
        if drill:
            run_drill(question, sys.stdin)
            return
        allowed = (minutes or question.minutes) * 60
        char_limit = limit or question.limit
        shown = question.text
        if limit:
            from trainer.services.practice.questions import question_text

            shown = question_text(question.kind, question.subject, limit)
        echo(f"【{question.kind}】 {shown}")
        echo(f"Time: {allowed // 60} min · limit {char_limit} cells on the answer sheet")
        started = time.monotonic()
        timed_out = False
        if typed is None:
            echo("Write your answer; end with Ctrl+D or two empty lines.")
            typed, timed_out = read_answer(sys.stdin, sys.stdout, started + allowed)
        seconds = time.monotonic() - started if answer_file is None else 0.0
        result = service.grade(
            question, typed, seconds=seconds, limit=char_limit, timed_out=timed_out
        )
        result = service.save(result, _now() if answer_file is None else now, allowed)
        echo(render_result(result))
        chosen = rating
        if chosen is None and answer_file is None and sys.stdin.isatty():
            chosen = _ask_rating(int(result.grade.suggested))
        if chosen is not None:
            result = service.rate(result, Rating(chosen))
        from trainer.domain.clock import from_epoch

        due = store.clock.local(from_epoch(result.due_at)).strftime("%Y-%m-%d")
        echo(f"Saved. This question comes back on {due}.")


def _read_answer(path: Path) -> str:
    from trainer.domain.files import decode_text, read_bounded

    raw = read_bounded(path, MAX_ANSWER_BYTES, str(path))
    return decode_text(raw, str(path), legacy=(), refuse="not UTF-8 text", line=True)


def _clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


def read_answer(lines: TextIO, out: TextIO, deadline: float) -> tuple[str, bool]:
    """Lines until end of input or two empty lines; (text, whether time ran out).

    On a terminal each line's prompt shows the time left, and input stops when
    it runs out (what is typed on an unfinished line is lost, as on paper the
    pen stops at the bell)."""
    import select

    got: list[str] = []
    blank = 0
    tty = lines.isatty()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            out.write("\nTime is up.\n")
            out.flush()
            return "\n".join(got).strip("\n"), True
        if tty:
            out.write(f"[{_clock(left)}] ")
            out.flush()
            ready, _, _ = select.select([lines], [], [], left)
            if not ready:
                continue
        raw = lines.readline()
        if raw == "":
            if tty:
                out.write("\n")
            return "\n".join(got).strip("\n"), False
        line = raw.rstrip("\r\n")
        if not line.strip():
            blank += 1
            if blank >= 2:
                return "\n".join(got).strip("\n"), False
        else:
            blank = 0
        got.append(line)


def _ask_rating(suggested: int) -> int:
    names = {1: "again", 2: "hard", 3: "good", 4: "easy"}
    while True:
        echo(f"Rate 1 again · 2 hard · 3 good · 4 easy [Enter: {suggested} {names[suggested]}]: ")
        raw = sys.stdin.readline()
        if raw == "":
            return suggested
        raw = raw.strip()
        if not raw:
            return suggested
        if raw in ("1", "2", "3", "4"):
            return int(raw)


def render_result(result: PracticeResult) -> str:
    """The graded answer as lines of text (no markup; control characters made visible)."""
    g = result.grade
    q: Question = result.question
    out = [""]
    if result.timed_out:
        out.append("Time ran out: the lines written so far were handed in.")
    over = f" · OVER by {result.over}" if result.over else ""
    out.append(
        f"Points: {g.recalled}/{len(g.points)} · coverage {g.coverage:.0%} · "
        f"{result.count.cells}/{result.limit} cells ({result.count.chars} written){over} · "
        f"{int(result.seconds) // 60}:{int(result.seconds) % 60:02d} used"
    )
    for p in g.points:
        word = {"✓": "hit", "◐": "partial", "✗": "missed"}[p.mark.value]
        out.append(f"  {p.mark.value} {word:<7} {p.expected}")
    out.append(f"Suggested: {g.suggested.name.title()} ({g.reason})")
    out.append("Model answer:")
    out.append("  " + q.model_answer)
    m = result.memory
    if m.used_terms or m.used_quotes:
        out.append("From your cards, used: " + "、".join(m.used_terms + m.used_quotes))
    for point, fits in m.fits:
        out.append(f"For “{point}” you have studied: " + " / ".join(fits))
    return "\n".join(out)


def render_scores(scores: list[dict[str, Any]]) -> None:
    """The practice section of ``trainer stats``: coverage over time per question type."""
    if not scores:
        return
    from trainer.cli.stats import spark
    from trainer.domain.words import plural

    echo("Practice (coverage of the expected points, per question type):")
    for s in scores:
        days = s["days"]
        line = spark([round(d["coverage"] * 100) for d in days[-30:]])
        echo(
            f"  {s['type']:<3} {plural(s['attempts'], 'answer')} · mean {s['mean_coverage']:.0%} · "
            f"last {s['last_coverage']:.0%} · {s['over_limit']} over the limit  {line}"
        )


def _numbers(raw: str, top: int, what: str) -> list[int]:
    out = []
    for part in raw.replace(",", " ").replace("，", " ").replace("、", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= top:
            fail(f"{what}: {part[:20]!r} is not a number from 1 to {top}")
        out.append(int(part))
    return out


def run_drill(question: Question, lines: TextIO) -> None:
    """The 概括 drill on standard input: facts, then groups, then one name per group."""
    from trainer.services.practice.drill import drill_items, grade_drill

    items = drill_items(question)
    echo(f"【概括 drill】 {question.text}")
    for i, it in enumerate(items, start=1):
        echo(f"  {i:>2}. {it.text}")
    echo("找点: the numbers of the sentences that hold facts (e.g. 1 3 4):")
    marked = _numbers(lines.readline(), len(items), "找点")
    echo("归类: a group (1-5) for each of them, in the same order (e.g. 1 1 2):")
    groups = _numbers(lines.readline(), 5, "归类") if marked else []
    if len(groups) != len(marked):
        fail(f"归类: {len(marked)} facts need {len(marked)} group numbers, got {len(groups)}")
    names: dict[int, str] = {}
    for g in sorted(set(groups)):
        echo(f"命名: a name for group {g} in a few words:")
        names[g] = lines.readline().strip()
    result = grade_drill(
        items,
        {m - 1 for m in marked},
        {m - 1: g for m, g in zip(marked, groups, strict=True)},
        names,
    )
    facts = len(result.found) + len(result.missed)
    echo(
        f"找点: {len(result.found)}/{facts} facts found · {len(result.extra)} marked that are not facts"
    )
    for i in result.missed:
        echo(f"  missed {i + 1}. {items[i].text}")
    for gr in result.groups:
        kind = (
            "fits its kind" if gr.name_kind_ok else f"does not name its kind ({gr.category or '-'})"
        )
        echo(f"组{gr.group} {gr.name or '(no name)'}: {gr.purity:.0%} one kind · name {kind}")
        if gr.name_points:
            echo("  names: " + " / ".join(gr.name_points))
    echo(f"Score {result.score:.0%}")
