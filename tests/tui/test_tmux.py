"""The real ``trainer`` command in tmux: a first session on the bundled deck."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

TRAINER = Path(sys.executable).parent / "trainer"


@pytest.fixture
def tmux_session(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing: .ci/run must install it")
        pytest.skip("tmux is not installed (apt-get install tmux); CI is unset")
    name = f"trainer-test-{uuid.uuid4().hex[:8]}"
    db = tmp_path / "first.sqlite3"
    env = f"TRAINER_DB={db} TRAINER_CONFIG={tmp_path}/config.toml TERM=xterm-256color TEXTUAL_ANIMATIONS=none"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "32", f"env {env} {TRAINER}"],
        check=True,
    )
    try:
        yield name, db
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def capture(name: str) -> str:
    out = subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, check=False
    )
    return out.stdout


def wait_for(name: str, text: str, timeout: float = 20.0) -> str:
    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = capture(name)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


def send(name: str, *keys: str) -> None:
    subprocess.run(["tmux", "send-keys", "-t", name, *keys], check=True)


def test_first_session_on_bundled_deck(tmux_session: tuple[str, Path]) -> None:
    name, db = tmux_session
    wait_for(name, "直播带货")
    wait_for(name, "Today: 20 new")
    send(name, "Enter")
    wait_for(name, "New 20")
    send(name, "Space")
    wait_for(name, "3 Good")
    send(name, "3")
    wait_for(name, "New 19")
    send(name, "Space")
    wait_for(name, "1 Again")
    send(name, "1")
    wait_for(name, "New 18")
    send(name, "u")
    wait_for(name, "New 19")
    send(name, "Escape")
    wait_for(name, "Today: 19 new")
    send(name, "q")
    end = time.monotonic() + 10
    while time.monotonic() < end and "直播带货" in capture(name):
        time.sleep(0.1)
    con = sqlite3.connect(db)
    try:
        (reviews,) = con.execute("SELECT count(*) FROM reviews").fetchone()
    finally:
        con.close()
    assert reviews == 1


def test_practice_two_line_answer_is_graded(tmp_path: Path) -> None:
    """``trainer practice`` in a terminal: two lines typed, two empty lines hand them in."""
    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing: .ci/run must install it")
        pytest.skip("tmux is not installed (apt-get install tmux); CI is unset")
    name = f"trainer-practice-{uuid.uuid4().hex[:8]}"
    db = tmp_path / "practice.sqlite3"
    env = (
        f"TRAINER_DB={db} TRAINER_CONFIG={tmp_path}/config.toml TERM=xterm-256color "
        "TRAINER_NOW=2026-03-02T09:30:00Z"
    )
    command = f"env {env} {TRAINER} practice zhibo-daihuo --type 问题 --minutes 5; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "32", command], check=True
    )
    try:
        wait_for(name, "概括材料中直播带货存在的问题")
        wait_for(name, "[0")  # the countdown in the line prompt ([05:00], [04:59] …)
        send(name, "一是真经念歪，领导干部作秀；", "Enter")
        send(name, "二是成本转嫁，搞摊派。", "Enter")
        send(name, "Enter")
        send(name, "Enter")
        screen = wait_for(name, "Rate 1 again")
        assert "✓ hit     真经念歪" in screen
        assert "✗ missed  赶鸭子上架" in screen
        assert "Model answer" in screen
        send(name, "2", "Enter")
        wait_for(name, "comes back on 2026-03-05")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT rating, answer, question_type FROM practice_attempts").fetchall()
    finally:
        con.close()
    assert rows == [(2, "一是真经念歪，领导干部作秀；\n二是成本转嫁，搞摊派。", "问题")]
