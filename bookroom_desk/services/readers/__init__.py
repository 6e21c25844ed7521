"""Readers: their records, categories and loan rules, and importing a staff roster."""
