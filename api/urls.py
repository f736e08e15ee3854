from django.urls import path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from api import docs_views, feedback, frontend_views, views


class PageSlugConverter:
    """Wagtail slugs, which may be Unicode (WAGTAIL_ALLOW_UNICODE_SLUGS):
    Django's `slug` converter is ASCII only."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PageSlugConverter, "page_slug")

app_name = "api"
urlpatterns = [
    path("", frontend_views.ApiIndexView.as_view(), name="index"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/<page_slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<page_slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path(
        "articles/<page_slug:slug>/feedback/", feedback.ArticleFeedbackView.as_view(), name="article-feedback"
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    path("helplines/", views.HelplineListView.as_view(), name="helpline-list"),
    path("callback-requests/", views.CallbackRequestCreateView.as_view(), name="callback-request-create"),
    path("preview/", views.PreviewView.as_view(), name="preview"),
    path("sync/", frontend_views.SyncView.as_view(), name="sync"),
    path("sitemap/", frontend_views.SitemapView.as_view(), name="sitemap"),
    path("redirects/", frontend_views.RedirectView.as_view(), name="redirects"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", docs_views.OfflineRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("redoc/redoc.standalone.js", docs_views.redoc_bundle, name="redoc-bundle"),
]
