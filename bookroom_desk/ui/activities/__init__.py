"""UI: activities."""
