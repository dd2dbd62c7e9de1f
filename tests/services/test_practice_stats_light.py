"""The statistics read practice scores without loading the grader or the generator."""

from __future__ import annotations

import subprocess
import sys


def test_practice_scores_load_without_the_grader_or_the_generator() -> None:
    code = (
        "import sys, trainer.services.practice_stats; "
        "heavy = [m for m in ('trainer.services.grading', 'trainer.generation', 'jieba') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
