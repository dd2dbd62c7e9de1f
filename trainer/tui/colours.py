"""The count colours every screen shares: new blue, learning red, due green (Anki's).

Apart from the card renderer so the deck list, the first screen, imports no more
than it shows.
"""

NEW_STYLE = "bold #3b82f6"
LEARN_STYLE = "bold #dc2626"
DUE_STYLE = "bold #16a34a"
