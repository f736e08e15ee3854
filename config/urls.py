from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
    path("sms/", include("sms.urls")),
]

# JSON problem documents for /api/ paths, Django's pages elsewhere.
handler404 = "api.errors.handler404"
handler500 = "api.errors.handler500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: the product is headless, but reviewers still
# get a plain rendering of a page through preview.
urlpatterns += [path("", include(wagtail_urls))]
