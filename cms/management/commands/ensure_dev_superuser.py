"""Create a local superuser for `make run` if none exists, and print how to log in.

Development only: refuses to run unless DEBUG is on.
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a development superuser (admin / $DEV_SUPERUSER_PASSWORD, default 'admin') if none exists."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_superuser only runs with DEBUG on (dev settings).")
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            if users.objects.filter(username=DEV_USERNAME, is_superuser=True).exists():
                self.stdout.write(f"Admin login: {settings.PUBLIC_BASE_URL}/admin/ as '{DEV_USERNAME}'.")
            else:
                self.stdout.write("A superuser already exists; log in with your own account.")
            return
        password = os.environ.get("DEV_SUPERUSER_PASSWORD", "admin")
        users.objects.create_superuser(DEV_USERNAME, "admin@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser for local use: {settings.PUBLIC_BASE_URL}/admin/ "
                f"username '{DEV_USERNAME}', password '{password}'."
            )
        )
