"""Stage 2, split: the text cut into its parts, each part keeping its offsets.

Every later stage asks about parts of the article (a section's heading, a
paragraph's first sentence, the words of a clause), and every card points back
at the place it came from, so the cuts are made once, here, with offsets into
the text as read.

* ``structure``: title, sections, paragraphs and sentences (:func:`outline`);
* ``words``: words, by jieba with the 规范表述 dictionary (the one module that
  imports jieba, on first use).

Character-level helpers the reader needs too (folding, sentence and clause
splitting) live in :mod:`trainer.generation.text`.
"""
