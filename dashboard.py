"""Pulih: the entry point. Everything else is ui/router.py and the pages it runs."""

from ui import router

router.run()
