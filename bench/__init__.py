"""Benchmarks and the helpers they share with the tests: `make bench`, `make preview-bench`."""
