"""UI: settings."""
