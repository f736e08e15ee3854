"""drf-spectacular hooks."""


def public_api_only(endpoints, **kwargs):
    """Describe our public API only, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
