"""The schema revision this code writes, importable without SQLAlchemy or Alembic.

A test keeps it equal to Alembic's head; the fast ``trainer due`` path and the
store's open path compare against it to skip importing Alembic.
"""

HEAD_REVISION = "0012"
