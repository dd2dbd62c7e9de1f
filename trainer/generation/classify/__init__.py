"""Stage 3, classify: what each sentence does in the argument.

A 申论 tutor reads an article by function: 论点, 分论点, 问题, 原因, 危害, 意义, 对策,
论据, 背景, 过渡. Cards come from sentences with a function a student must recall;
background, transitions and figures do not become cards, and a line that only
addresses the audience is never a thesis nor a 金句.

* ``functions``: the function of every sentence, from cue words, headings and place;
* ``address``: greetings, blessings, hand-on clauses and text broken mid-line.
"""
