"""Escape sequences in files never reach the terminal through the CLI's output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.domain.display import json_text, visible

TRAINER = [sys.executable, "-m", "trainer"]
CONTROLS = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t"}
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"


def run(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRAINER_DB": str(db), "TZ": "UTC"}
    return subprocess.run([*TRAINER, *args], env=env, capture_output=True, text=True, timeout=120)


def raw_controls(out: subprocess.CompletedProcess[str]) -> list[str]:
    return [c for c in out.stdout + out.stderr if c in CONTROLS]


@pytest.fixture
def hostile_csv(tmp_path: Path) -> Path:
    path = tmp_path / "evil.tsv"
    path.write_text(
        f"#separator:tab\n#html:false\n#deck:申论\x1b]0;pwned\x07\n"
        f"问{OSC52}题\t答\x1b[2J案\x9b1m\n"
        f"空\t\n",
        encoding="utf-8",
    )
    return path


def test_visible_maps_controls_to_pictures_and_keeps_newline_and_tab() -> None:
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("\x00\x07\x7f") == "␀␇␡"
    assert visible("x\x9by") == "x\\x9by"
    assert visible("一\n二\t三\r\n四") == "一\n二\t三\n四"
    assert visible("普通文本") == "普通文本"
    doc = {"t": "a\x1b\x85\x7fb"}
    assert json.loads(json_text(doc)) == doc
    assert not set(json_text(doc)) & CONTROLS


def test_import_decks_and_export_print_no_raw_escape(tmp_path: Path, hostile_csv: Path) -> None:
    db = tmp_path / "s.sqlite3"
    out = run(["import", str(hostile_csv)], db)
    assert out.returncode == 0, out.stderr
    assert not raw_controls(out), repr(out.stdout + out.stderr)
    assert "申论␛]0;pwned␇" in out.stdout
    for args in (["decks"], ["decks", "--json"], ["import", str(hostile_csv), "--json"]):
        out = run(args, db)
        assert out.returncode == 0, out.stderr
        assert not raw_controls(out), (args, repr(out.stdout))
    (deck,) = [d for d in json.loads(run(["decks", "--json"], db).stdout) if "pwned" in d["deck"]]
    assert deck["deck"] == "申论\x1b]0;pwned\x07"  # JSON stays exact
    out = run(["export", deck["deck"], "-o", str(tmp_path / "out.tsv")], db)
    assert out.returncode == 0, out.stderr
    assert not raw_controls(out)
    out = run(["export", "no\x1b[2Jdeck", "-o", str(tmp_path / "x.tsv")], db)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and not raw_controls(out)


def test_make_summary_and_json_print_no_raw_escape(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    body = "加快推进乡村全面振兴，是新时代建设农业强国的重要任务。" * 3
    article.write_text(
        f"标题{OSC52}\n\n一、坚持{OSC52}党的领导\n{body}\x1b[2J\n\n二、深化改革\x9b\n{body}\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.sqlite3"
    for args in (["make", str(article)], ["make", str(article), "--json"]):
        out = run(args, db)
        assert out.returncode == 0, out.stderr
        assert not raw_controls(out), (args, repr(out.stdout))


def _tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", *args], capture_output=True, text=True, check=False, timeout=30
    ).stdout


@pytest.mark.tmux
def test_the_study_screen_in_tmux_writes_no_clipboard_and_no_title(
    tmp_path: Path, hostile_csv: Path
) -> None:
    """The attack as found: tmux with set-clipboard on, a card holding OSC 52 and OSC 0."""
    import shutil
    import uuid

    if shutil.which("tmux") is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is missing: .ci/run must install it")
        pytest.skip("tmux is not installed")
    db = tmp_path / "s.sqlite3"
    assert run(["import", str(hostile_csv)], db).returncode == 0
    socket = str(tmp_path / "tmux.sock")  # a server of its own: its buffers are ours alone
    session = f"trainer-osc-{uuid.uuid4().hex[:8]}"
    trainer = Path(sys.executable).parent / "trainer"
    env = f"TRAINER_DB={db} TERM=xterm-256color TEXTUAL_ANIMATIONS=none"
    subprocess.run(
        [
            "tmux",
            "-S",
            socket,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "100",
            "-y",
            "30",
            f"env {env} {trainer}",
        ],
        check=True,
        timeout=30,
    )
    try:
        _tmux("-S", socket, "set-option", "-s", "set-clipboard", "on")
        _tmux("-S", socket, "set-option", "-g", "allow-rename", "on")
        title = _tmux("-S", socket, "display-message", "-p", "-t", session, "#{pane_title}")
        _wait_for_sock(socket, session, "Today: 2 new")
        subprocess.run(["tmux", "-S", socket, "send-keys", "-t", session, "Enter"], check=True)
        _wait_for_sock(socket, session, "New 2")
        subprocess.run(["tmux", "-S", socket, "send-keys", "-t", session, "Space"], check=True)
        _wait_for_sock(socket, session, "3 Good")
        # the answer may paint a moment after the rating bar on a busy machine
        screen = _wait_for_sock(socket, session, "答␛[2J案")
        if "\\x9b1m" not in screen:
            screen = _wait_for_sock(socket, session, "\\x9b1m")
        assert _tmux("-S", socket, "list-buffers") == ""  # OSC 52 wrote no clipboard
        after = _tmux("-S", socket, "display-message", "-p", "-t", session, "#{pane_title}")
        assert after == title and "pwned" not in after  # OSC 0 renamed nothing
        assert "答␛[2J案" in screen and "\\x9b1m" in screen  # shown, as symbols
        subprocess.run(["tmux", "-S", socket, "send-keys", "-t", session, "Escape"], check=True)
        assert "申论␛]0;pwne" in _wait_for_sock(socket, session, "Today:")
    finally:
        subprocess.run(["tmux", "-S", socket, "kill-server"], check=False, timeout=30)


def _wait_for_sock(socket: str, session: str, text: str, timeout: float = 30.0) -> str:
    import time

    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = _tmux("-S", socket, "capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")
