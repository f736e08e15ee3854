from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self):
        from api import schema, signals  # noqa: F401 - schema registers drf-spectacular extensions

        signals.connect()
