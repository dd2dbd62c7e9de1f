"""Stage 5, pick: which cards the deck keeps, and what each cloze blanks.

The detectors find more than a tutor would card. Picking decides, per sentence,
whether it becomes a cloze and which of its words are the blanks (the new
information, never the topic or a generic word), then trims the whole deck to
what a tutor would hand over.

* ``clozes``: which sentences, which blanks (金句 and key-term sentences);
* ``deck``: the cards a tutor throws away whatever the budget (statistics, the same
  point twice, lists of examples), then the deck's budget (the clozes that teach
  least go when the rules found too many).
"""
