"""The performance suite: `python -m benchmarks [--size small|full]` runs every benchmark and prints the table."""
