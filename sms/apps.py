from django.apps import AppConfig


class SmsConfig(AppConfig):
    name = "sms"
    verbose_name = "SMS helpline"

    def ready(self):
        from cms.signals import demo_content_loaded
        from sms import checks, signals  # noqa: F401  (checks registers the deploy checks)
        from sms.demo import load_sms_demo_content

        demo_content_loaded.connect(load_sms_demo_content, dispatch_uid="sms_demo_content")
        signals.connect()
