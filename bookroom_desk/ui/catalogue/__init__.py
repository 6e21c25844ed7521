"""UI: catalogue."""
