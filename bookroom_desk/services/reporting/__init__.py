"""Figures for the room and the union above: period facts, indicators, breakdowns, statistics, the 十有 self-check,
the statistical return (统计报表, here 'filing') and consolidating many rooms' returns."""
