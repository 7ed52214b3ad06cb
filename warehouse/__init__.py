"""The warehouse contract, shared by the write side (etl/) and the read side (analytics/): where
the warehouse file lives and what makes a file a usable warehouse. Both sides import this package;
it imports neither of them. The schema itself is etl/sql/schema.sql (read here as text only)."""
