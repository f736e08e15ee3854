"""Signals `cms` sends for other apps to hook into (they import cms, not the reverse)."""

from django.dispatch import Signal

# Sent at the end of `load_demo_content` with `stdout` (a command's output
# wrapper), so other apps (sms) can add their own demo data in the same run.
demo_content_loaded = Signal()
