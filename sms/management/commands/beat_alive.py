"""`python manage.py beat_alive`: exit 0 while Celery beat is queueing the
SMS sweep, 1 when it has been silent longer than HEALTH_MAX_BEAT_SILENCE_SECONDS.

The beat container's health check: beat has no port to probe, and a beat
that is up but stuck queues nothing, which is what matters.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sms import recovery


class Command(BaseCommand):
    help = "Exit non-zero when Celery beat has not queued the SMS sweep recently."

    def handle(self, *args, **options):
        silent_for = recovery.seconds_since_sweep_published()
        if recovery.beat_is_silent(silent_for):
            raise CommandError(
                "beat has not queued the SMS sweep " + (f"for {silent_for:.0f}s" if silent_for else "yet")
            )
        self.stdout.write(f"beat queued the SMS sweep {silent_for:.0f}s ago")
