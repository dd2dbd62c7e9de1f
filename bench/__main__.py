"""``make bench``: run every bench_*.py scenario script and print one table.

Each script exposes ``run() -> list[(scenario, measured, target, unit)]``; lower
is better for every figure. A script that fails is reported, not fatal.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
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
        try:
            module = importlib.import_module(f"bench.{name}")
            rows = module.run()
        except Exception:
            failed += 1
            print(f"\n## {name}: FAILED")
            traceback.print_exc()
            continue
        print_table(rows, name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
