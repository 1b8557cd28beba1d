"""`make bench`: speed and quality figures, measured in one run and written to BENCHMARKS.md."""
