"""Files that are not what they claim: devices, FIFOs, folders, paths out of the deck's folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from trainer.domain.errors import InputError
from trainer.domain.files import read_bounded, require_regular_file
from trainer.formats.anki_text import read_text
from trainer.formats.apkg_read import read_package
from trainer.formats.deckfile import parse_deck, read_deck
from trainer.generation.read.reader import read_article

DECK = """format = "trainer-deck"
version = 1
[deck]
name = "甲"
[[articles]]
id = "a1"
file = {file!r}
[[notes]]
guid = "n1"
kind = "qa"
prompt = "问"
answer = "答"
"""


def _deck(tmp_path: Path, file: str) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    path = folder / "d.toml"
    path.write_text(DECK.format(file=file).replace("'", '"'), encoding="utf-8")
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_article_file_outside_the_deck_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("私钥内容", encoding="utf-8")
    for file in ("/etc/passwd", "../secret.txt", str(secret)):
        with pytest.raises(InputError, match="outside the deck file's folder"):
            read_deck(_deck(tmp_path, file))


def test_article_file_linked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("私钥内容", encoding="utf-8")
    path = _deck(tmp_path, "link.txt")
    (path.parent / "link.txt").symlink_to(secret)
    with pytest.raises(InputError, match="outside"):
        read_deck(path)


def test_article_file_that_is_a_device_or_fifo_is_refused(tmp_path: Path) -> None:
    path = _deck(tmp_path, "zero.txt")
    (path.parent / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match=r"outside|device"):
        read_deck(path)
    os.mkfifo(path.parent / "pipe.txt")
    with pytest.raises(InputError, match="pipe"):
        read_deck(_deck(tmp_path, "pipe.txt"))


def test_article_file_inside_the_folder_is_read(tmp_path: Path) -> None:
    path = _deck(tmp_path, "sub/art.txt")
    (path.parent / "sub").mkdir()
    (path.parent / "sub" / "art.txt").write_text("文章正文", encoding="utf-8")
    deck = read_deck(path)
    assert deck.articles[0].text == "文章正文"


def test_article_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    import trainer.formats.deckfile as deckfile

    path = _deck(tmp_path, "big.txt")
    (path.parent / "big.txt").write_bytes(b"x" * 5000)
    old = deckfile.MAX_ARTICLE_BYTES
    deckfile.MAX_ARTICLE_BYTES = 4096
    try:
        with pytest.raises(InputError, match="limit"):
            read_deck(path)
    finally:
        deckfile.MAX_ARTICLE_BYTES = old


def test_parse_without_a_folder_reads_no_file() -> None:
    deck = parse_deck(DECK.format(file="/etc/passwd").replace("'", '"'))
    assert deck.articles[0].text == ""


def test_readers_refuse_dev_zero_fifos_and_folders(tmp_path: Path, fifo: Path) -> None:
    for reader in (read_article, read_deck, read_text, read_package):
        for path in (Path("/dev/zero"), fifo, tmp_path):
            with pytest.raises(InputError) as err:
                reader(path if reader is not read_article else str(path))  # type: ignore[operator]
            message = str(err.value)
            assert message.startswith(str(path)), message
            assert any(w in message for w in ("device", "pipe", "directory")), message


def test_read_bounded_reads_at_most_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"a" * 100)
    assert read_bounded(path, 100) == b"a" * 100
    with pytest.raises(InputError, match="limit"):
        read_bounded(path, 99)
    with pytest.raises(InputError, match="no such file"):
        read_bounded(tmp_path / "missing", 10)
    assert require_regular_file(path).st_size == 100
