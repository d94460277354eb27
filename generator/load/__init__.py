"""Discover, parse (with the position of every value) and validate each data file on its own,
collecting every problem as a diagnostic."""
