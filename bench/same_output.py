"""Whether a speed change left the generator's output alone: ``trainer make --json``
of every article under ``tests/data`` (.txt, .md, .html, .xml), made by this
checkout and by another commit, compared byte for byte.

``python -m bench.same_output [REV]`` (REV defaults to ``HEAD``) unpacks REV's
``trainer`` package into a temporary folder, makes every article with each copy in
its own interpreter (same environment, the package first on ``sys.path``) and lists
the articles whose JSON differs; the exit status is 1 when any does.
``python -m bench.same_output --dump DIR`` writes this checkout's outputs to DIR.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


_KINDS = {".txt", ".md", ".html", ".xml"}
_NOT_ARTICLES = {"judged", "typed"}
"""Folders of tests/data holding judged decks and typed answers, no articles."""


def articles() -> list[Path]:
    """The labelled articles, in every layout (a JSON record's ``.article.json`` too)."""
    return sorted(
        p
        for p in DATA.rglob("*")
        if p.is_file()
        and (p.suffix in _KINDS or p.name.endswith(".article.json"))
        and p.relative_to(DATA).parts[0] not in _NOT_ARTICLES
    )


def dump(out: Path) -> None:
    """Each article's ``trainer make --json`` text (or what stopped it) into ``out``."""
    from trainer.domain.display import json_text
    from trainer.domain.errors import TrainerError
    from trainer.formats.cards_json import made as made_json
    from trainer.services import making

    out.mkdir(parents=True, exist_ok=True)
    for path in articles():
        name = str(path.relative_to(DATA)).replace(os.sep, "__") + ".json"
        try:
            art, source_id = making.read_file(str(path))
            result = making.make(art, source_id, None).result
            text = json_text(made_json(result), indent=1) if result.notes else "no cards"
        except TrainerError as exc:
            text = f"error: {exc}"
        (out / name).write_text(text, encoding="utf-8")


def _run_dump(package_root: Path | None, out: Path) -> None:
    first = f"sys.path.insert(0, {str(package_root)!r}); " if package_root is not None else ""
    code = (
        f"import sys; {first}import trainer; from pathlib import Path; "
        "print('trainer from', Path(trainer.__file__).parent, file=sys.stderr); "
        f"from bench.same_output import dump; dump(Path({str(out)!r}))"
    )
    # from the checkout's root, so ``bench`` imports; another commit's ``trainer``
    # goes first on the path
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def compare(rev: str) -> int:
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        base = Path(tmp)
        old_root = base / "old"
        old_root.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "trainer"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_root)], input=archive, check=True)
        _run_dump(old_root, base / "out-old")
        _run_dump(None, base / "out-new")
        names = sorted(p.name for p in (base / "out-old").iterdir())
        _same, differ, missing = filecmp.cmpfiles(
            base / "out-old", base / "out-new", names, shallow=False
        )
        for name in [*differ, *missing]:
            print(f"differs: {name}")
        print(f"{len(names) - len(differ) - len(missing)} of {len(names)} articles identical")
        return 1 if differ or missing else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dump"] and len(argv) == 2:
        dump(Path(argv[1]))
        return 0
    if len(argv) > 1:
        print(__doc__)
        return 2
    return compare(argv[0] if argv else "HEAD")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
