"""Storage: models, engine and sessions, Alembic migrations and backups. No Qt here."""
