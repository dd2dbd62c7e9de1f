"""Old stores upgrade through the migrations, new ones are created at the head in one
step with the same schema, foreign ones are refused."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy import inspect as sa_inspect

from trainer.domain.errors import StoreError
from trainer.storage import migrate
from trainer.storage.engine import make_engine, resolve_url
from trainer.storage.models import METADATA
from trainer.storage.revision import HEAD_REVISION
from trainer.storage.store import Store


def _alembic_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "trainer.storage:migrations")
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def test_head_constant_matches_alembic() -> None:
    assert _alembic_head() == HEAD_REVISION


def test_models_and_migrations_agree(any_db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target=HEAD_REVISION)  # every migration in turn
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, METADATA)
        if conn.dialect.name == "sqlite":  # the inspector leaves expression indexes out
            indexes = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'index'"
                ).scalars()
            )
        else:
            indexes = {str(i["name"]) for i in sa_inspect(conn).get_indexes("cards")}
    engine.dispose()
    # Alembic cannot compare an index on expressions: SQLite's is skipped (with a
    # warning), PostgreSQL's reflects in its own normalised text and shows as one
    # removal and one addition. It is there under its name (its SQL on SQLite is held
    # to a new store's by test_upgraded_store_matches_a_new_one).
    expression = [d for d in diff if d[0] in ("add_index", "remove_index")]
    assert all(d[1].name == "ix_cards_stats" for d in expression), expression
    assert len(expression) in (0, 2), expression
    assert "ix_cards_stats" in indexes
    assert [d for d in diff if d not in expression] == []


def _schema(engine: Engine) -> dict[str, object]:
    """Everything a database says about its tables: columns in order with type,
    nullability and default, keys, foreign keys, indexes, unique and check constraints
    (on SQLite also the indexes' own SQL), and the stamped revision."""
    insp = sa_inspect(engine)
    out: dict[str, object] = {}
    for table in sorted(insp.get_table_names()):
        out[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], c["default"], c.get("autoincrement"))
                for c in insp.get_columns(table)
            ],
            "pk": insp.get_pk_constraint(table),
            "fks": sorted(insp.get_foreign_keys(table), key=repr),
            "indexes": sorted(insp.get_indexes(table), key=repr),
            "uniques": sorted(insp.get_unique_constraints(table), key=repr),
            "checks": sorted(insp.get_check_constraints(table), key=repr),
        }
    with engine.connect() as conn:
        out["revision"] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if engine.dialect.name == "sqlite":
            out["sqlite_indexes"] = sorted(
                conn.execute(
                    text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'")
                ).all()
            )
        else:
            out["sequences"] = sorted(insp.get_sequence_names())
    return out


def test_a_new_store_is_created_as_the_migrations_would_make_it(any_db_url: str) -> None:
    """A new store gets its schema in one step (no migration replayed) and is then
    identical in schema to a store taken through every migration in turn."""
    Store.open(any_db_url).close()
    one_step = make_engine(resolve_url(any_db_url))
    created = _schema(one_step)
    with one_step.begin() as conn:
        for table in reversed(METADATA.sorted_tables):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(text("DROP TABLE alembic_version"))
        assert sa_inspect(conn).get_table_names() == []
    one_step.dispose()
    stepwise = make_engine(resolve_url(any_db_url))
    migrate.upgrade(stepwise, target=HEAD_REVISION)
    migrated = _schema(stepwise)
    stepwise.dispose()
    assert created["revision"] == [(HEAD_REVISION,)]
    assert created == migrated


def test_a_new_store_does_not_import_alembic(tmp_path: Path) -> None:
    """Creating a store is the models' tables and a stamp: Alembic stays unimported."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from trainer.storage.store import Store\n"
        f"Store.open({str(tmp_path / 'new.sqlite3')!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _write_first_schema_rows(conn: Connection) -> None:
    """A learner, a deck, a note and its card as the 0001 schema holds them (raw SQL on
    purpose: the repositories always write the newest columns)."""
    conn.execute(
        text(
            "INSERT INTO profiles (id, name, timezone, rollover_hour, created_at) "
            "VALUES (1, 'default', 'UTC', 4, 0)"
        )
    )
    conn.execute(
        text(
            "INSERT INTO decks (id, name, description, options, created_at, modified_at) "
            "VALUES (1, '旧', '', '{}', 0, 0)"
        )
    )
    conn.execute(
        text(
            "INSERT INTO notes (id, guid, deck_id, kind, prompt, answer, text, items, tags, "
            "extra, source_article, source_anchor, source_section, source_start, source_end, "
            "position, retired, modified_at) VALUES (1, 'g1', 1, 'qa', '问', '答', '', '[]', "
            "'', '', '', '', '', 0, 0, 0, false, 0)"
        )
    )
    conn.execute(
        text(
            "INSERT INTO cards (id, profile_id, note_id, deck_id, ord, state, queue, due, "
            "step, reps, lapses, position, buried_until) "
            "VALUES (1, 1, 1, 1, 0, 2, 2, 100, 0, 3, 0, 0, 0)"
        )
    )


def test_upgrade_from_first_revision_keeps_data(any_db_url: str) -> None:
    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0001")
    with engine.begin() as conn:
        _write_first_schema_rows(conn)
        # Raw SQL on purpose: this writes the 0001 schema, which ``reviews_repo`` and
        # its ``ReviewRecord`` (always the newest columns) cannot describe.
        conn.execute(
            text(
                "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day, "
                "duration_ms, state_before, interval_days, undo) "
                "VALUES (1, 1, 1, 3, 1000, 739000, 500, 0, 1.0, '')"
            )
        )
    engine.dispose()
    backups: list[str | None] = []
    store = Store.open(any_db_url, before_upgrade=lambda _e, rev: backups.append(rev))
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM reviews")).scalar_one() == 1
        assert conn.execute(text("SELECT guid FROM notes")).scalar_one() == "g1"
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    store.close()
    assert rev == HEAD_REVISION
    assert backups == ([] if HEAD_REVISION == "0001" else ["0001"])


def test_review_defaults_keep_rows_and_fill_new_ones(any_db_url: str) -> None:
    """0009 gives the review log server defaults; rows written before it survive intact."""
    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0005")
    old = (1, 1, 1, 3, 1000, 739000, 500, 2, 1.5, 2.0, 5.0, '{"card": {}}')
    with engine.begin() as conn:
        _write_first_schema_rows(conn)
        # Raw SQL on purpose: the 0005 schema, before this migration.
        conn.execute(
            text(
                "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, "
                "day, duration_ms, state_before, interval_days, stability, difficulty, undo) "
                "VALUES (:c, :p, :d, :r, :at, :day, :ms, :sb, :ivl, :s, :df, :u)"
            ),
            dict(
                zip(
                    ("c", "p", "d", "r", "at", "day", "ms", "sb", "ivl", "s", "df", "u"),
                    old,
                    strict=True,
                )
            ),
        )
    migrate.upgrade(engine)
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT * FROM reviews ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [(1, *old)]
        # Only the required columns: the database fills the rest.
        conn.execute(
            text(
                "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day) "
                "VALUES (1, 1, 1, 4, 2000, 739001)"
            )
        )
        new = conn.execute(
            text(
                "SELECT id, duration_ms, state_before, interval_days, stability, difficulty, undo "
                "FROM reviews WHERE reviewed_at = 2000"
            )
        ).one()
        assert tuple(new) == (2, 0, 0, 0.0, None, None, "")
        # The cascade from cards survived the table copy.
        conn.execute(text("DELETE FROM cards WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM reviews")).scalar_one() == 0
    engine.dispose()


def test_review_defaults_match_the_model(any_db_url: str) -> None:
    from sqlalchemy import inspect

    from trainer.storage.models import REVIEWS

    store = Store.open(any_db_url)
    with store.engine.connect() as conn:
        found = {c["name"]: c["default"] for c in inspect(conn).get_columns("reviews")}
    store.close()
    for column in REVIEWS.columns:
        if column.primary_key:
            continue  # PostgreSQL's id sequence
        wanted = column.server_default
        if wanted is None:
            assert found[column.name] is None, column.name
        else:
            assert found[column.name] is not None, column.name


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE col (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a trainer database"):
        Store.open(str(path))
    assert path.read_bytes() == before


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库\n" * 200, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a trainer database"):
        Store.open(str(path))
    assert path.read_bytes() == before


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer trainer"):
        Store.open(str(path))


def test_sqlite_pragmas(store: Store) -> None:
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 5000


def test_practice_attempts_upgrade_and_downgrade(any_db_url: str) -> None:
    """Schema 0007 adds ``practice_attempts`` to a store at 0005 and takes it away again."""
    from sqlalchemy import inspect

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO profiles (id, name, timezone, rollover_hour, created_at) "
                "VALUES (1, 'default', 'UTC', 4, 0)"
            )
        )
    assert "practice_attempts" not in inspect(engine).get_table_names()
    migrate.upgrade(engine, target="0007")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO practice_attempts (profile_id, article, question_key, "
                "question_type, question, answer, time_used_ms, time_limit_s, char_count, "
                "char_limit, coverage, points_total, missed, rating, answered_at, due_at) "
                "VALUES (1, 'a', 'a#问题', '问题', '概括', '答', 1000, 600, 1, 150, 0.5, 2, "
                "'[]', 3, 100, 200)"
            )
        )
        assert conn.execute(text("SELECT count(*) FROM practice_attempts")).scalar_one() == 1
        assert conn.execute(text("SELECT name FROM profiles")).scalar_one() == "default"
    from alembic import command

    with engine.begin() as conn:
        cfg = migrate._alembic_config(conn)
        command.downgrade(cfg, "0005")  # type: ignore[arg-type]
    assert "practice_attempts" not in inspect(engine).get_table_names()
    engine.dispose()


def test_collapsed_decks_migration_up_and_down(any_db_url: str) -> None:
    """0008 adds decks.collapsed (false for every deck there) and takes it away again."""
    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO decks (id, name, description, options, created_at, modified_at) "
                "VALUES (1, '申论', '', '{}', 0, 0)"
            )
        )
    migrate.upgrade(engine, target="0008")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT collapsed FROM decks")).scalar_one() in (False, 0)
        conn.execute(text("UPDATE decks SET collapsed = true"))
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "trainer.storage:migrations")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    with engine.connect() as conn:
        cols = [c["name"] for c in sa_inspect(conn).get_columns("decks")]
        assert "collapsed" not in cols
        assert conn.execute(text("SELECT name FROM decks")).scalar_one() == "申论"
    engine.dispose()


def test_0006_gives_stored_articles_themes_date_deck_and_time(any_db_url: str) -> None:
    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0005")
    article = "发布日期：2024-03-05\n乡村振兴要靠人才。农村留住农民，乡村才有未来。"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO decks (id, name, description, options, created_at, modified_at) "
                "VALUES (7, '申论::乡村', '', '{}', 0, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO articles (id, title, text, source, attribution) "
                "VALUES ('a1', '乡村振兴之路', :t, 'a1.txt', ''), ('lonely', '', '', '', '')"
            ),
            {"t": article},
        )
        for guid, at in (("n1", 1_700_000_500), ("n2", 1_700_000_100)):
            conn.execute(
                text(
                    "INSERT INTO notes (guid, deck_id, kind, prompt, answer, text, items, "
                    "tags, extra, source_article, source_anchor, source_section, source_start, "
                    "source_end, position, retired, modified_at) VALUES (:g, 7, 'qa', '问', "
                    "'答', '', '[]', '', '', 'a1', :g, '', 0, 0, 0, false, :m)"
                ),
                {"g": guid, "m": at},
            )
    engine.dispose()
    store = Store.open(any_db_url)
    with store.read() as conn:
        rows = {
            r.id: r
            for r in conn.execute(
                text("SELECT id, topics, date, deck_id, created_at, title, text FROM articles")
            )
        }
    store.close()
    assert rows["a1"].topics == " 乡村振兴 "
    assert rows["a1"].date == "2024-03-05"
    assert rows["a1"].deck_id == 7
    assert rows["a1"].created_at == 1_700_000_100
    assert rows["a1"].text == article and rows["a1"].title == "乡村振兴之路"
    assert (rows["lonely"].topics, rows["lonely"].date, rows["lonely"].deck_id) == ("", "", 0)


def test_0006_downgrades_to_0005(any_db_url: str) -> None:
    from alembic import command

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0006")
    with engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0005")  # type: ignore[arg-type]
    with engine.connect() as conn:
        cols = set(conn.execute(text("SELECT * FROM articles")).keys())
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    assert rev == "0005"
    assert cols == {"id", "title", "text", "source", "attribution"}


def test_trainers_creating_one_new_store_at_once_all_open_it(any_db_url: str) -> None:
    """Four processes open the same new store together: the schema is created once,
    under the write lock, and every one of them opens it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from trainer.storage.store import Store\n"
        "Store.open(sys.argv[1]).close()\n"
        "print('opened')\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, any_db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err for _out, err in results]
    assert all(out.strip() == "opened" for out, _err in results)
    engine = make_engine(resolve_url(any_db_url))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        profiles = conn.execute(text("SELECT name FROM profiles")).scalars().all()
    engine.dispose()
    assert rows == [(HEAD_REVISION,)]
    assert profiles == ["default"]


def _day_index_columns(engine: Engine) -> list[str | None]:
    with engine.connect() as conn:
        found = {i["name"]: i["column_names"] for i in sa_inspect(conn).get_indexes("reviews")}
    return list(found["ix_reviews_profile_day"])


def test_done_today_index_migration_up_and_down(any_db_url: str) -> None:
    """0010 widens the review log's day index to cover the day's counts per deck, and
    narrows it back on the way down; the answers stay, and count the same either way."""
    from trainer.storage import count_sql
    from trainer.storage.driver import driver_sql

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0009")
    with engine.begin() as conn:
        _write_first_schema_rows(conn)
        conn.execute(
            text(
                "INSERT INTO reviews (card_id, profile_id, deck_id, rating, reviewed_at, day, "
                "state_before) VALUES (1, 1, 1, 3, 1000, 739000, 0), "
                "(1, 1, 1, 3, 2000, 739000, 2), (1, 1, 1, 1, 3000, 739001, 2)"
            )
        )

    def counts() -> list[tuple[int, int, int]]:
        with engine.connect() as conn:
            sql = driver_sql(conn, count_sql.DONE_TODAY)
            return sorted(tuple(r) for r in conn.exec_driver_sql(sql, (1, 739000)))

    assert _day_index_columns(engine) == ["profile_id", "day", "deck_id"]
    before = counts()
    assert before == [(1, 0, 1), (1, 2, 1)]
    migrate.upgrade(engine, target="0010")
    assert _day_index_columns(engine) == ["profile_id", "day", "deck_id", "state_before", "card_id"]
    assert counts() == before
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + count_sql.DONE_TODAY, (1, 739000)
            ).all()
        assert "COVERING INDEX ix_reviews_profile_day" in " ".join(str(r[-1]) for r in plan)
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0009")  # type: ignore[arg-type]
    assert _day_index_columns(engine) == ["profile_id", "day", "deck_id"]
    assert counts() == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reviews")).scalar_one() == 3
    engine.dispose()


def _card_index_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":  # the inspector leaves expression indexes out
            sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards'"
            return {str(n) for n in conn.exec_driver_sql(sql).scalars()}
        return {str(i["name"]) for i in sa_inspect(conn).get_indexes("cards")}


def test_card_stats_index_migration_up_and_down(any_db_url: str) -> None:
    """0011 adds the statistics' card-group index and drops it on the way down; the
    cards stay, and group the same either way."""
    from alembic import command

    from trainer.storage import report_repo

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0010")
    with engine.begin() as conn:
        _write_first_schema_rows(conn)
        conn.execute(
            text(
                "UPDATE cards SET state = 2, queue = 2, due = 90000000, last_review = 80000000, "
                "stability = 40.5, difficulty = 6.2"
            )
        )

    def buckets() -> list[tuple[object, ...]]:
        with engine.connect() as conn:
            return sorted(report_repo.card_buckets(conn, 1, None), key=repr)

    before = buckets()
    assert before == [(2, 2, 116, 11, 5, 1)]
    assert "ix_cards_stats" not in _card_index_names(engine)
    migrate.upgrade(engine, target="0011")
    assert "ix_cards_stats" in _card_index_names(engine)
    assert buckets() == before
    with engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0010")  # type: ignore[arg-type]
    assert "ix_cards_stats" not in _card_index_names(engine)
    assert buckets() == before
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cards")).scalar_one() == 1
    engine.dispose()


def test_card_groups_migration_up_and_down(any_db_url: str) -> None:
    """0012 gives every card of an existing store its note's (section, tags) group and
    the index that orders cards by it; downgrading takes both away, cards and notes
    untouched."""
    from alembic import command

    engine = make_engine(resolve_url(any_db_url))
    migrate.upgrade(engine, target="0011")
    with engine.begin() as conn:
        _write_first_schema_rows(conn)
        conn.execute(
            text(
                "INSERT INTO notes (id, guid, deck_id, kind, prompt, answer, text, items, tags, "
                "extra, source_article, source_anchor, source_section, source_start, "
                "source_end, position, retired, modified_at) VALUES "
                "(2, 'g2', 1, 'qa', '问', '答', '', '[]', ' a b ', '', '', '', '一、', 0, 0, 1, "
                "false, 0), (3, 'g3', 1, 'qa', '问', '答', '', '[]', ' a b ', '', '', '', '一、', "
                "0, 0, 2, false, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO cards (id, profile_id, note_id, deck_id, ord, state, queue, due, "
                "step, reps, lapses, position, buried_until) VALUES "
                "(2, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0), (3, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0)"
            )
        )
    assert "ix_cards_group" not in _card_index_names(engine)
    migrate.upgrade(engine, target="0012")
    assert "ix_cards_group" in _card_index_names(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.id, g.section, g.tags FROM cards c "
                "JOIN note_groups g ON g.id = c.group_id ORDER BY c.id"
            )
        ).all()
        assert [tuple(r) for r in rows] == [(1, "", ""), (2, "一、", " a b "), (3, "一、", " a b ")]
        assert conn.execute(text("SELECT count(*) FROM note_groups")).scalar_one() == 2
    with engine.begin() as conn:
        command.downgrade(migrate._alembic_config(conn), "0011")  # type: ignore[arg-type]
    assert "ix_cards_group" not in _card_index_names(engine)
    assert "ix_cards_stats" in _card_index_names(engine)
    with engine.connect() as conn:
        cols = [c["name"] for c in sa_inspect(conn).get_columns("cards")]
        assert "group_id" not in cols
        assert "note_groups" not in sa_inspect(conn).get_table_names()
        assert conn.execute(text("SELECT count(*) FROM cards")).scalar_one() == 3
        assert conn.execute(text("SELECT count(*) FROM notes")).scalar_one() == 3
    engine.dispose()
