"""The schema version this hxdesk writes, known without loading sqlite-utils.

``PRAGMA user_version`` of a database equals the number of migrations applied
to it (migrations.py, which checks that this number matches its list).
"""

SCHEMA_VERSION = 7
