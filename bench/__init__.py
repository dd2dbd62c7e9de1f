"""Benchmarks: a synthetic collection generator plus one script per scenario."""
