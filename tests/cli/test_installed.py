"""What `pip install .` gives a user: the wheel, run on its own, outside the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _source_copy(dest: Path) -> Path:
    """The files a build reads, copied (links kept as links) so the build leaves no trace."""
    src = dest / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("trainer", "decks"):
        shutil.copytree(REPO / name, src / name, symlinks=True, ignore=ignore)
    return src


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = _source_copy(work)
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), src],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    (built,) = (work / "dist").glob("trainer-*.whl")
    return built


def test_the_wheel_carries_the_bundled_deck(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "trainer/bundled/zhibo-daihuo.toml" in names
    assert "trainer/bundled/zhibo-daihuo.txt" in names


def test_an_installed_trainer_starts_a_newcomer_on_the_bundled_deck(
    wheel: Path, tmp_path: Path
) -> None:
    """A fresh store outside the repository gets the bundled deck, as README promises."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = dict(os.environ, PYTHONPATH=str(site), TRAINER_DB=str(tmp_path / "s.sqlite3"))
    env["TRAINER_NOW"] = "2026-03-01T09:00:00Z"
    out = subprocess.run(
        [sys.executable, "-m", "trainer", "drill"],
        input="3\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ack "), out.stdout
    decks = subprocess.run(
        [sys.executable, "-m", "trainer", "decks", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert "申论::直播带货" in decks.stdout
