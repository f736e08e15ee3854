"""Read serializers build their model fields once per class
(`api.serializers.ReadModelSerializer`): each instance must still get its
own fields, bound to itself and reading its own context."""

from __future__ import annotations

from django.test import RequestFactory

from api.serializers import ArticleListSerializer, PersonSerializer


def test_each_instance_has_its_own_fields_bound_to_itself():
    first, second = PersonSerializer(), PersonSerializer()

    assert first.fields["name"] is not second.fields["name"]
    assert first.fields["name"].parent is first
    assert second.fields["name"].parent is second


def test_instances_built_one_after_another_read_their_own_request(make_article):
    article = make_article(title="Ketamine and the bladder")
    hosts = ["helpline.test", "localhost"]

    urls = [
        ArticleListSerializer(article, context={"request": RequestFactory().get("/", HTTP_HOST=host)}).data[
            "api_url"
        ]
        for host in hosts
    ]

    assert [url.split("/")[2] for url in urls] == hosts
    assert urls[0].endswith(f"/articles/{article.slug}/")
