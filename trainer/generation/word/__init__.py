"""Stage 6, word: the picked material written as notes a learner studies.

The last stage phrases each card so it can be answered without the article (a
list named by what it is, a Q&A answer that is complete) and gives every note its
anchor and GUID, so a note keeps its history when its article is made again.

* ``lists``: a list card's prompt (what the list is about, how many items) and answer;
* ``argument``: what the argument-structure card says (中心论点 → 分论点 → 对策);
* ``assemble``: the notes themselves (lists, clozes, Q&A, the structure card),
  with anchors, GUIDs, tags and each card's provenance;
* ``carry``: when an edited article is made again, the fresh notes take over the
  GUIDs of the old notes that say the same (used by the services that replace a deck).
"""
