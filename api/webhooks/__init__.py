"""Publish webhooks: tell frontends, build hooks and cache purgers that
published content changed, so a static or ISR site need not wait for its
next rebuild.

How one change travels:

1. `receivers` hears Wagtail's and Django's signals (page published,
   unpublished, deleted, moved; helpline saved or deleted; a topic's SMS
   answers published) and builds the payload (`payloads`).
2. `outbox.event_record` writes one `WebhookDelivery` row per subscribed
   endpoint, inside the transaction that made the change, and after commit
   queues `api.tasks.deliver_webhook` for each row. That is all publishing
   waits for: two small queries and a hand-off to the broker, never the
   endpoint.
3. The task (`sending.delivery_send`) signs the body per Standard Webhooks
   and POSTs it with short time-outs; errors, time-outs and non-2xx answers
   are retried with exponential backoff up to WEBHOOK_MAX_ATTEMPTS.
4. If a task is lost (the broker was down at publish time, a worker died
   mid-retry), beat's sweep (`outbox.stalled_deliveries_requeue`) finds the
   row still pending and queues it again.

Each delivery is at least once: a receiver should ignore a `webhook-id` it
has already handled.
"""
