"""The Textual study app: the only package that imports Textual.

Build it with :func:`trainer.tui.app.build_app`; the CLI and the tests both do.

Textual repaints on a frame timer (60 per second by default), which alone can
add 17 ms between an answer and the next card appearing; unless the user chose
otherwise, the timer runs at 240 Hz. It only ticks while something is dirty.
"""

import os

os.environ.setdefault("TEXTUAL_FPS", "240")
