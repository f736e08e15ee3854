from django.apps import AppConfig


class ProbeConfig(AppConfig):
    """A test-only app: a task that writes a row, so the integration tier can
    prove a task travels test process -> Redis -> worker process -> database."""

    name = "tests.probe"
    label = "probe"
