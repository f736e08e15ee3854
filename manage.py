#!/usr/bin/env python
"""Django's command-line utility, with one-line errors for bad configuration."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except Exception as exc:
        from config.errors import describe_configuration_error

        message = describe_configuration_error(exc)
        if message is None or os.environ.get("DJANGO_TRACEBACK"):
            raise
        sys.stderr.write(f"error: {message}\n(set DJANGO_TRACEBACK=1 for the full traceback)\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
