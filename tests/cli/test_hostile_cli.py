"""Hostile and mistaken arguments: one clear line on stderr, exit 1 (never 70), store untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_DECK

TRAINER = [sys.executable, "-m", "trainer"]


def run(args: list[str], db: Path | str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRAINER_")}
    env.update({"TRAINER_DB": str(db), "TZ": "UTC"})
    return subprocess.run(
        [*TRAINER, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def one_line(out: subprocess.CompletedProcess[str], *words: str) -> str:
    assert out.returncode == 1, (out.returncode, out.stderr)
    line = out.stderr
    assert line.startswith("trainer: ") and line.count("\n") == 1, repr(line)
    assert "internal error" not in line and "Traceback" not in line
    for word in words:
        assert word in line, (word, line)
    return line


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "s.sqlite3"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def test_make_refuses_dev_zero_and_a_fifo(db: Path, fifo: Path) -> None:
    one_line(run(["make", "/dev/zero"], db, timeout=60), "/dev/zero", "device")
    one_line(run(["make", str(fifo)], db, timeout=60), str(fifo), "pipe")


def test_import_refuses_a_fifo_and_a_folder(db: Path, fifo: Path, tmp_path: Path) -> None:
    one_line(run(["import", str(fifo)], db, timeout=60), str(fifo), "pipe")
    folder = tmp_path / "decks.toml"
    folder.mkdir()
    one_line(run(["import", str(folder)], db), str(folder), "directory")
    one_line(run(["import", str(tmp_path)], db), "directory")


def test_export_into_a_folder_or_a_missing_folder(db: Path, tmp_path: Path) -> None:
    assert run(["import", str(BUNDLED_DECK)], db).returncode == 0
    deck = "申论::直播带货"
    one_line(run(["export", deck, "-o", str(tmp_path)], db), str(tmp_path), "directory")
    for name in ("d.toml", "d.apkg", "d.tsv"):
        target = tmp_path / "missing" / name
        line = one_line(run(["export", deck, "-o", str(target)], db), str(target), "no such folder")
        assert ".tmp" not in line
    assert not (tmp_path / "missing").exists()


def test_export_to_a_read_only_folder_names_the_file_not_a_temp_file(
    db: Path, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    assert run(["import", str(BUNDLED_DECK)], db).returncode == 0
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        target = folder / "d.toml"
        line = one_line(run(["export", "申论::直播带货", "-o", str(target)], db), str(target))
        assert ".tmp" not in line
    finally:
        folder.chmod(0o700)


def test_exported_files_get_ordinary_permissions(db: Path, tmp_path: Path) -> None:
    assert run(["import", str(BUNDLED_DECK)], db).returncode == 0
    for name in ("d.toml", "d.apkg", "d.tsv"):
        target = tmp_path / name
        assert run(["export", "申论::直播带货", "-o", str(target)], db).returncode == 0
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask, name


CLOZE_DECK = """format = "trainer-deck"
version = 1
[deck]
name = "甲"
[[notes]]
guid = "g1"
kind = "cloze"
text = "一{{{{c{n}::二}}}}三"
"""


@pytest.mark.parametrize("n", [str(2**63), str(10**30), "9" * 5000])
def test_huge_cloze_numbers_are_one_clear_line(db: Path, tmp_path: Path, n: str) -> None:
    deck = tmp_path / "big.toml"
    deck.write_text(CLOZE_DECK.format(n=n), encoding="utf-8")
    one_line(run(["import", str(deck)], db), str(deck), "cloze number is larger than")
    text = tmp_path / "big.tsv"
    text.write_text(f"#notetype:Cloze\n#html:false\n一{{{{c{n}::二}}}}三\t\n", encoding="utf-8")
    out = run(["import", str(text)], db)
    assert out.returncode == 0, out.stderr
    assert "1 skipped" in out.stdout and "cloze number is larger than" in out.stderr


def test_deeply_nested_toml_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    deck = tmp_path / "deep.toml"
    deck.write_text(
        'format = "trainer-deck"\nversion = 1\nx = ' + "[" * 5000 + "]" * 5000 + "\n",
        encoding="utf-8",
    )
    one_line(run(["import", str(deck)], db), str(deck), "nested too deeply")


def test_db_urls_that_cannot_work_are_one_clear_line(tmp_path: Path) -> None:
    for db, words in (
        ("foo://bar", ("foo://bar", "not supported")),
        ("mysql://u@localhost/x", ("mysql", "not supported")),
        ("not a url://x", ("neither a file path nor a database URL",)),
        ("postgresql://u@[bad", ("cannot connect", "[bad")),
    ):
        one_line(run(["decks"], db), *words)


def test_postgres_server_down_is_not_called_a_foreign_database() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    line = one_line(
        run(["decks"], f"postgresql://trainer@127.0.0.1:{port}/x"), "cannot connect", str(port)
    )
    assert "not a trainer database" not in line


def test_a_postgres_server_that_never_answers_times_out() -> None:
    """It accepts the connection and says nothing: the connect timeout ends the wait."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    port = server.getsockname()[1]
    held: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                conn, _ = server.accept()
                held.append(conn)  # never answered, never closed
        except OSError:
            return

    threading.Thread(target=accept, daemon=True).start()
    try:
        line = one_line(
            run(["decks"], f"postgresql://trainer@127.0.0.1:{port}/x", timeout=120),
            "did not answer in time",
        )
        assert "not a trainer database" not in line
    finally:
        server.close()
        for conn in held:
            conn.close()


def test_missing_postgres_driver_says_how_to_install_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['psycopg'] = None; sys.argv = ['trainer', 'decks'];"
        "from trainer.cli import main; main()"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRAINER_")}
    env["TRAINER_DB"] = "postgresql://trainer@127.0.0.1:5/x"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    one_line(out, "psycopg", "pip install")


def test_an_existing_file_that_is_not_a_store_is_refused_and_left_alone(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    one_line(run(["decks"], empty), str(empty), "an empty file", "not a trainer database")
    assert empty.stat().st_size == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("我的笔记\n", encoding="utf-8")
    one_line(run(["decks"], notes), str(notes), "not an SQLite file")
    assert notes.read_text(encoding="utf-8") == "我的笔记\n"
    one_line(run(["decks"], tmp_path), "is a directory")
    # A path that does not exist yet still becomes a new store, and opens again.
    new = tmp_path / "new.sqlite3"
    assert run(["decks"], new).returncode == 0
    assert run(["decks"], new).returncode == 0


def test_a_store_on_a_read_only_file_system_is_not_called_foreign(tmp_path: Path) -> None:
    import shutil

    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root to mount a read-only file system")
    folder = tmp_path / "ro"
    folder.mkdir()
    store = folder / "s.sqlite3"
    assert run(["decks"], store).returncode == 0
    for side in ("-wal", "-shm"):
        Path(f"{store}{side}").unlink(missing_ok=True)
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
        f"exec {sys.executable} -m trainer --db {store} decks"
    )
    out = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    if "mount" in out.stderr and "trainer:" not in out.stderr:
        pytest.skip(f"cannot mount here: {out.stderr.strip()}")
    line = one_line(out, str(store), "read-only")
    assert "not a trainer database" not in line


def test_an_empty_file_with_a_journal_is_a_store_being_created(tmp_path: Path) -> None:
    """Two trainers started at once on a new path: the second must not refuse the first's."""
    store = tmp_path / "new.sqlite3"
    store.touch()
    Path(f"{store}-journal").touch()
    assert run(["decks"], store).returncode == 0


def test_text_in_no_known_encoding_names_the_line_of_the_first_bad_byte(
    db: Path, tmp_path: Path
) -> None:
    """An article, a CSV and a practice answer with stray bytes: the file and its line."""
    good = "直播带货是一种新业态，要规范发展。\n".encode()
    bad = good * 3 + b"\xff\xfe\x80\xff bad \xff\n" + good * 2
    article = tmp_path / "article.txt"
    article.write_bytes(bad)
    one_line(run(["make", str(article)], db), f"{article}:4:")
    table = tmp_path / "cards.csv"
    table.write_bytes(b"front,back\n" * 2 + b"\xff\xfe\x80\xff,x\xff\n")
    one_line(run(["import", str(table)], db), f"{table}:3:")
    answer = tmp_path / "answer.txt"
    answer.write_bytes(bad)
    out = run(["practice", "--answer-file", str(answer), "--rating", "3"], db)
    one_line(out, f"{answer}:4:")
