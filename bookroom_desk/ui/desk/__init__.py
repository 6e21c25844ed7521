"""UI: desk."""
