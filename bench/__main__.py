"""``make bench``: run every bench_*.py scenario script and print one table.

Each script exposes ``run() -> list[(scenario, measured, target, unit)]``; lower
is better for every figure. Each runs in its own interpreter, so no figure depends
on what ran before it. A script that fails is reported, not fatal.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

from bench.common import Row


def print_table(rows: list[Row], title: str = "") -> None:
    if title:
        print(f"\n## {title}")
    width = max([len(r[0]) for r in rows] + [8])
    print(f"{'scenario':<{width}}  {'measured':>10}  {'target':>8}  unit  ok")
    for name, value, target, unit in rows:
        ok = "yes" if value <= target else "NO"
        print(f"{name:<{width}}  {value:>10.3f}  {target:>8g}  {unit:<4}  {ok}")


def main(argv: list[str]) -> int:
    folder = Path(__file__).resolve().parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = 0
    for name in names:
        rows = _run_alone(name)
        if rows is None:
            failed += 1
            continue
        print_table(rows, name)
    return 1 if failed else 0


_MARK = "BENCH-ROWS "


def _run_alone(name: str) -> list[Row] | None:
    """One scenario script in a fresh interpreter: no figure depends on what ran
    before it (a big heap left by another script, its collector, its peak memory)."""
    code = (
        "import json, sys; from bench import " + name + " as m; "
        f"print({_MARK!r} + json.dumps(m.run()), flush=True)"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    rows = None
    for line in proc.stdout.splitlines():
        if line.startswith(_MARK):
            rows = [tuple(r) for r in json.loads(line[len(_MARK) :])]
        else:
            print(line)
    if proc.returncode != 0 or rows is None:
        print(f"\n## {name}: FAILED")
        print(proc.stderr, file=sys.stderr)
        return None
    return rows  # type: ignore[return-value]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
