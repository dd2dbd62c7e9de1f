"""Modal dialogs returning typed results with ``dismiss``."""
