"""UI: readers."""
