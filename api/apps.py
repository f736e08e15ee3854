from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self):
        from api import schema, signals  # noqa: F401 - schema registers drf-spectacular extensions

        signals.connect()

        from api.webhooks import permissions as webhook_permissions
        from api.webhooks import receivers as webhook_receivers

        webhook_receivers.connect()
        webhook_permissions.register()
