"""Generation tests, one folder per stage of ``trainer/generation`` (read, split,
classify, detect, pick, word); the tests of the whole pipeline (output, quality,
the held-out baseline, the command) stay here.

The helpers the tests share (``gen_scoring``) live in this folder, which is put on
``sys.path`` so that a test in a stage's folder imports them as a test here does.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
