# Sourced by scripts/backup and scripts/restore: where the site keeps its state, read from its own settings (the
# environment's DJANGO_SETTINGS_MODULE, as for manage.py). Sets ENGINE (postgresql or sqlite), MEDIA_ROOT, and
# SQLITE_PATH for SQLite or PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for PostgreSQL (which pg_dump,
# pg_restore and psql read). PG_BIN may name the directory of PostgreSQL's programs; PYTHON, the project's Python.
PYTHON=${PYTHON:-.venv/bin/python}
pg() { "${PG_BIN:+$PG_BIN/}$1" "${@:2}"; }

read_storage() {
  local settings
  settings=$("$PYTHON" manage.py shell --no-imports --verbosity 0 -c "
import shlex
from django.conf import settings
database = settings.DATABASES['default']
values = {'MEDIA_ROOT': str(settings.MEDIA_ROOT)}
if database['ENGINE'] == 'django.db.backends.sqlite3':
    values.update(ENGINE='sqlite', SQLITE_PATH=str(database['NAME']))
elif database['ENGINE'] == 'django.db.backends.postgresql':
    values.update(ENGINE='postgresql', PGDATABASE=database['NAME'], PGHOST=database.get('HOST') or '',
                  PGPORT=str(database.get('PORT') or ''), PGUSER=database.get('USER') or '',
                  PGPASSWORD=database.get('PASSWORD') or '')
else:
    raise SystemExit(f'unknown database engine {database[\"ENGINE\"]}')
for name, value in values.items():
    print(f'{name}={shlex.quote(value)}')
")
  eval "$settings"
  if [ "$ENGINE" = postgresql ]; then
    export PGDATABASE PGHOST PGPORT PGUSER PGPASSWORD
    [ -n "$PGHOST" ] || unset PGHOST
    [ -n "$PGPORT" ] || unset PGPORT
    [ -n "$PGUSER" ] || unset PGUSER
    [ -n "$PGPASSWORD" ] || unset PGPASSWORD
  fi
}
