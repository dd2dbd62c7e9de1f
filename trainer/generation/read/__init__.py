"""Stage 1, read: an article file becomes plain text and a title.

Articles come as UTF-8, GBK or Big5 text, Markdown, saved web pages, JSON records
of scraped collections and hard-wrapped copies of PDFs. Whatever the form, the
later stages see one thing: the article's own text, with nothing a site or a tool
put around it, because every line they see may become a card.

* ``reader``: bytes to text (encodings, HTML, standard input), and the title
  without a site's or a series' prefix;
* ``json_article``: the text fields of a JSON record, never its keys or metadata;
* ``unwrap``: hard-wrapped lines joined back into paragraphs;
* ``boilerplate``: site chrome (footers, bylines, menus, contact lines) left out.
"""
