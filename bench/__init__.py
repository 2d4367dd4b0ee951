"""Benchmarks of the browser runtime (not tests: they print figures and assert nothing)."""
