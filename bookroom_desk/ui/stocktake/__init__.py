"""UI: stocktake."""
