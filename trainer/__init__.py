"""申论 flashcard trainer: cards from Chinese articles, FSRS scheduling, a terminal study loop."""

__version__ = "0.1.0"
