"""Every sub-command of ``trainer``, registered on ``app`` here and nowhere else.

A command is a plain function in its module under ``trainer.cli`` (heavy imports
inside it, ``ctx: typer.Context`` first when it needs the global options or the
store); a group of commands is its module's own ``typer.Typer``. Adding a command
is that function and one line below. The order here is the order ``trainer
--help`` lists the commands in (groups after the commands).
"""

from trainer.cli import (
    add,
    app,
    backup,
    cards,
    custom,
    deck,
    decks,
    drill,
    exam,
    exchange,
    library,
    make,
    optimize,
    practice,
    profile,
    stats,
    study,
)

app.command()(study.study)
app.command()(decks.decks)
app.command()(decks.due)
app.command()(decks.reschedule)
app.command()(make.make)
app.command("import")(exchange.import_)
app.command()(exchange.export)
app.command()(stats.stats)
app.command()(exam.cram)
app.command()(optimize.optimize)
app.command()(cards.suspended)
app.command()(cards.unsuspend)
app.command()(cards.cards)
app.command()(add.add)
app.command()(custom.custom)
app.command()(profile.profile)
app.command()(backup.backup)
app.command()(backup.restore)
app.command()(drill.drill)
app.command()(practice.practice)
app.command()(library.library)
app.command()(library.outline)
app.command()(library.terms)
app.command()(library.quotes)

app.add_typer(exam.exam_app, name="exam")
app.add_typer(custom.filtered_app, name="filtered")
app.add_typer(deck.deck_app, name="deck")
