"""Pulih's read side: warehouse -> DataFrames and figures, testable without a Streamlit server."""
