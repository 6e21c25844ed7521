"""Keeping the room sound: backups and restore, the consistency check, the demo room."""
