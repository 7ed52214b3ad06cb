"""Pulih's write side: input files under data/ -> the DuckDB warehouse."""
