"""Streamlit pieces shared by pages: i18n, formatting, URL-bound filters, captions, badges."""
