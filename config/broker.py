"""Keep the Celery worker alive when Redis (the broker) goes away.

celery 5.7 with kombu 5.7: when the worker loses its broker connection, the
consumer collects the connection (dropping the transport's link to its
settings) and then closes it. Two things then touch the dead channel and
fail with an AttributeError ('NoneType' object has no attribute 'hostname'
or 'client'): closing it tries to put the unacknowledged tasks back in
Redis, and a task that finishes afterwards acknowledges on it. Neither is a
connection error, so the worker exits ("Unrecoverable error") instead of
reconnecting. The fault tier reproduces both by killing Redis mid-burst
(tests/faults); celery 5.6 has other problems, so we patch rather than pin.

A channel whose connection has been collected can neither restore nor
acknowledge anything, so those calls are skipped with a warning. Nothing is
lost: SMS work is never only in the broker, `sms.recovery` queues it again
from the database within seconds, and a task that runs twice changes
nothing. Remove this when kombu handles it (the fault tier will say).
"""

from __future__ import annotations

import functools
import logging

from kombu.transport import redis

logger = logging.getLogger(__name__)


def _collected(qos) -> bool:
    transport = qos.channel.connection
    return transport is None or transport.client is None


def _skip_when_collected(method):
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if _collected(self):
            logger.warning(
                "Broker connection lost: %s skipped on the old channel; the sweep finds the work",
                method.__name__,
            )
            if method.__name__ == "restore_unacked":
                self._delivered.clear()
            return None
        return method(self, *args, **kwargs)

    guarded.patched_by = __name__
    return guarded


def ride_through_broker_restarts() -> None:
    """Patch kombu's Redis QoS once (idempotent)."""
    for name in ("restore_unacked", "ack", "reject"):
        method = getattr(redis.QoS, name)
        if getattr(method, "patched_by", None) != __name__:
            setattr(redis.QoS, name, _skip_when_collected(method))
