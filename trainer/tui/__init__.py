"""The Textual study app: the only package that imports Textual.

Build it with :func:`trainer.tui.app.build_app`; the CLI and the tests both do.
"""
