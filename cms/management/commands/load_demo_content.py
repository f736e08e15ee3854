"""Build the demo site (`make run` calls this). Safe to run again: a second
run creates, changes and duplicates nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import demo_content_load
from cms.signals import demo_content_loaded


class Command(BaseCommand):
    help = "Load the demo page tree, Ketamine articles, sample people and GB/US helplines (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (e.g. a demo deployment). Never on a real site.",
        )

    def handle(self, *args, **options):
        # Fictional people and unverified numbers must not reach a real site by accident.
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo_content adds fictional people and unverified helpline numbers: "
                "it runs with DEBUG on, or with --force."
            )
        created = demo_content_load()
        if created:
            summary = ", ".join(f"{count} {name}" for name, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write("Demo content already loaded; nothing changed.")
        self.stdout.write("Helplines are demo data: verify every number before production.")
        # Other apps (sms) add their own demo data here.
        demo_content_loaded.send(sender=Command, stdout=self.stdout)
