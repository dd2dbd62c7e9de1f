"""Stage 4, detect: the structures in the text a card can test.

Each detector is a general rule of 申论 prose, not a rule for one article.

Lists (enumerations): every list detector returns the one typed contract,
``enumtypes.Enumeration``, with a ``Style``; where two lists claim the same text
the style that ranks first in ``enumtypes.PRIORITY`` wins (``enumerations``
runs the detectors and settles their claims):

* ``markers``: ordinal markers (一是, 首先, (一), 1., ①…) and their runs;
* ``headruns``: headings that together are the article's points;
* ``frames``: paragraphs that open on one frame;
* ``inline``, ``series``, ``phrase_series``, ``clause_runs``: lists inside a
  paragraph or a sentence (、 series, semicolons, parallel and pivot clauses,
  runs of predicate clauses);
* ``phrases``: the short key phrase of a list item.

Sentences and words:

* ``golden``: 金句, and what to blank in them;
* ``keyterms``: the article's key terms and its topic (with ``indexed`` for long
  texts);
* ``members``: the series and pairs inside a sentence that its cloze asks for;
* ``figures``: what marks a statistic;
* ``learned``: the small learned model for key terms and 金句, shipped as
  ``data/model.json``.
"""
