"""Throttles. DRF keeps their counters in Django's default cache: Redis when
REDIS_URL is set, so a limit holds across every web process."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class CallbackRequestThrottle(AnonRateThrottle):
    """Callback requests per client address (API_CALLBACK_THROTTLE_RATE)."""

    scope = "callback_requests"

    def get_rate(self) -> str:
        # Read at request time (not import time) so the setting can change.
        return settings.API_CALLBACK_THROTTLE_RATE
