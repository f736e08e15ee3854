"""The block table (`api.block_kinds.BLOCK_KINDS`): every block the CMS uses
has exactly one entry, a block without one fails loudly, and for every kind
the rendered value is what its schema says."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import jsonschema
import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.utils import timezone
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ComponentRegistry
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

import cms.blocks
from api import blocks as api_blocks
from api.block_kinds import BLOCK_KINDS, BlockKind, BlockKinds
from api.block_schema import BlockSchemaBuilder
from api.pages import visible_q
from api.references import References
from api.serializers import HelplineSerializer
from cms.blocks import SectionHeadingBlock


def walk(block: blocks.Block, path: str):
    """Every block in a definition, by Wagtail's own structure (not the
    table's), so a kind the table forgets cannot hide its children."""
    yield path, block
    if isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{path}[]")
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from walk(child, f"{path}.{name}")


def cms_stream_fields() -> dict[str, blocks.StreamBlock]:
    return {
        f"{model.__name__}.{field.name}": field.stream_block
        for model in apps.get_app_config("cms").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }


def test_every_block_the_cms_uses_has_exactly_one_entry():
    fields = cms_stream_fields()
    assert "ArticlePage.body" in fields
    wrong = [
        (path, type(block).__name__, [kind.name for kind in BLOCK_KINDS.matching(block)])
        for name, stream in fields.items()
        for path, block in walk(stream, name)
        if len(BLOCK_KINDS.matching(block)) != 1
    ]
    assert wrong == []


def test_the_walk_reaches_every_block_class_in_cms_blocks():
    defined = {
        value
        for value in vars(cms.blocks).values()
        if isinstance(value, type) and issubclass(value, blocks.Block) and value.__module__ == "cms.blocks"
    }
    reached = {type(block) for stream in cms_stream_fields().values() for _path, block in walk(stream, "")}
    assert len(defined) >= 10
    assert defined - reached == set()


def test_the_nearest_class_decides():
    assert BLOCK_KINDS.of(SectionHeadingBlock()).name == "struct"
    assert BLOCK_KINDS.of(ImageBlock()).name == "image_with_alt"  # a StructBlock, with its own entry
    assert BLOCK_KINDS.of(blocks.BlockQuoteBlock()).name == "text"  # a TextBlock
    assert BLOCK_KINDS.of(SnippetChooserBlock("cms.Helpline")).name == "helpline"


@pytest.mark.django_db
def test_a_block_without_an_entry_fails_loudly_everywhere():
    # Raw HTML is deliberately not in the table: it would need a decision on
    # sanitising before a frontend is handed it.
    stream = blocks.StreamBlock([("embed", blocks.RawHTMLBlock())])
    raw = [{"type": "embed", "value": "<b>hi</b>", "id": "x"}]
    refs = References(visible=visible_q(), rendition_filter=settings.API_IMAGE_RENDITION)
    message = "RawHTMLBlock has no entry in api.block_kinds.BLOCK_KINDS"
    with pytest.raises(LookupError, match=message):
        api_blocks.collect(stream, raw, refs)
    with pytest.raises(LookupError, match=message):
        api_blocks.render(stream, raw, refs, helpline=lambda helpline: {})
    with pytest.raises(LookupError, match=message):
        BlockSchemaBuilder(None, "response").schema(stream)


def test_a_chooser_of_another_snippet_is_not_guessed():
    with pytest.raises(LookupError, match="SnippetChooserBlock has no entry"):
        BLOCK_KINDS.of(SnippetChooserBlock("cms.Person"))


def test_overlapping_entries_are_refused():
    def entry(name):
        return BlockKind(name, (blocks.CharBlock,), render=lambda *args: "", schema=lambda *args: {})

    with pytest.raises(LookupError, match=r"CharBlock matches 2 entries .*\(one, two\)"):
        BlockKinds([entry("one"), entry("two")]).of(blocks.CharBlock())
    with pytest.raises(ValueError, match="unique"):
        BlockKinds([entry("one"), entry("one")])


# --- every kind: what it collects, renders and says in the schema -----------------


class EveryKindBlock(blocks.StreamBlock):
    """One child (at least) for each entry in the table."""

    heading = SectionHeadingBlock()
    card = blocks.StructBlock(
        [
            ("title", blocks.CharBlock()),
            ("image", ImageChooserBlock()),
            ("alt_text", blocks.CharBlock(required=False)),
        ]
    )
    tags = blocks.ListBlock(blocks.CharBlock())
    text = blocks.RichTextBlock()
    photo = ImageBlock()
    image = ImageChooserBlock()
    page = blocks.PageChooserBlock()
    document = DocumentChooserBlock()
    helpline = SnippetChooserBlock("cms.Helpline")
    table = TableBlock()
    flag = blocks.BooleanBlock(required=False)
    count = blocks.IntegerBlock(required=False)
    ratio = blocks.FloatBlock(required=False)
    amount = blocks.DecimalBlock(required=False)
    day = blocks.DateBlock(required=False)
    moment = blocks.DateTimeBlock(required=False)
    choice = blocks.ChoiceBlock(choices=[("tip", "Tip"), ("warning", "Warning")])
    line = blocks.CharBlock()
    words = blocks.TextBlock()
    link = blocks.URLBlock()
    email = blocks.EmailBlock()
    code = blocks.RegexBlock(regex=r"^\d+$")
    at = blocks.TimeBlock(required=False)
    nested = blocks.StreamBlock([("line", blocks.CharBlock())])


def stream(*children: tuple[str, object]) -> list[dict]:
    return [{"type": name, "value": value, "id": str(uuid.uuid4())} for name, value in children]


@pytest.fixture
def content(make_article, image_factory, helpline_factory, root_collection):
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf")
    )
    return {
        "image": image_factory(),
        "embedded": image_factory(),
        "page": make_article(title="Linked"),
        "draft": make_article(title="Draft", publish=False),
        "document": document,
        "helpline": helpline_factory(name="GB line"),
    }


def filled(c) -> list[dict]:
    rich = (
        f'<p><a linktype="page" id="{c["page"].pk}">p</a>'
        f' <a linktype="document" id="{c["document"].pk}">d</a>'
        f' <a linktype="page" id="{c["draft"].pk}">draft</a></p>'
        f'<embed embedtype="image" id="{c["embedded"].pk}" alt="Embedded" format="left"/>'
    )
    table = {"data": [["A", "B"], [1, None]], "first_row_is_table_header": True, "table_caption": "T"}
    return stream(
        ("heading", {"heading": "What is it?", "anchor": ""}),
        ("card", {"title": "Card", "image": c["image"].pk, "alt_text": "A card"}),
        ("tags", ["old", "format"]),
        ("tags", [{"type": "item", "value": "new", "id": "i1"}]),
        ("text", rich),
        ("photo", {"image": c["image"].pk, "alt_text": "A photo", "decorative": False}),
        ("photo", {"image": c["image"].pk, "alt_text": "ignored", "decorative": True}),
        ("image", c["image"].pk),
        ("page", c["page"].pk),
        ("page", c["draft"].pk),
        ("document", c["document"].pk),
        ("helpline", c["helpline"].pk),
        ("table", table),
        ("flag", True),
        ("count", 3),
        ("ratio", 0.5),
        ("amount", "1.50"),
        ("day", "2024-05-01"),
        ("moment", "2024-05-01T10:00:00Z"),
        ("choice", "warning"),
        ("line", "Line"),
        ("words", "Words"),
        ("link", "https://example.org/"),
        ("email", "a@example.org"),
        ("code", "123"),
        ("at", "09:30:00"),
        ("nested", stream(("line", "Inner"))),
        ("unknown", "a child the definition no longer has: left out"),
    )


def empty() -> list[dict]:
    """Nothing stored: what old data or a cleared optional field looks like."""
    return stream(*[(name, None) for name in EveryKindBlock.base_blocks])


def as_api_json(value):
    """Through DRF's encoder, as the response is (dates, decimals)."""
    return json.loads(JSONRenderer().render(value))


def render(raw: list[dict]) -> list[dict]:
    definition = EveryKindBlock()
    refs = References(visible=visible_q(), rendition_filter=settings.API_IMAGE_RENDITION)
    api_blocks.collect(definition, raw, refs)
    refs.load()
    helpline = HelplineSerializer(context={"now": timezone.now()}).to_representation
    return as_api_json(api_blocks.render(definition, raw, refs, helpline=helpline))


# jsonschema checks neither "uri" nor "date-time" without extra packages, and
# drf-spectacular describes an optional URL as oneOf(uri, empty string).
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri", raises=ValidationError)
def _is_uri(value) -> bool:
    if isinstance(value, str):
        URLValidator()(value)
    return True


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    return not isinstance(value, str) or bool(dt.datetime.fromisoformat(value).tzinfo)


def to_json_schema(node):
    """OpenAPI 3.0 -> JSON Schema: `nullable` becomes a null alternative."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: to_json_schema(value) for key, value in node.items() if key not in ("nullable", "discriminator")
    }
    return {"anyOf": [out, {"type": "null"}]} if node.get("nullable") is True else out


def every_kind_schema() -> dict:
    auto_schema = AutoSchema()
    auto_schema.registry = ComponentRegistry()
    auto_schema.method, auto_schema.path = "GET", "/"
    view = APIView()
    view.request = view.format_kwarg = None
    auto_schema.view = view
    schema = BlockSchemaBuilder(auto_schema, "response", prefix="Test").schema(EveryKindBlock())
    return {**to_json_schema(schema), "components": to_json_schema(auto_schema.registry.build({}))}


def test_every_entry_is_exercised_here():
    used = {BLOCK_KINDS.of(block).name for _path, block in walk(EveryKindBlock(), "")}
    assert used == {kind.name for kind in BLOCK_KINDS.kinds}


@pytest.mark.django_db
def test_collect_notes_every_reference(content):
    refs = References(visible=visible_q(), rendition_filter=settings.API_IMAGE_RENDITION)
    api_blocks.collect(EveryKindBlock(), filled(content), refs)
    assert refs.image_ids == {content["image"].pk, content["embedded"].pk}
    assert refs.page_ids == {content["page"].pk, content["draft"].pk}
    assert refs.document_ids == {content["document"].pk}
    assert refs.helpline_ids == {content["helpline"].pk}


def validate(rendered: list[dict]) -> None:
    jsonschema.validate(rendered, every_kind_schema(), format_checker=FORMATS)


@pytest.mark.django_db
def test_every_kind_renders_what_its_schema_says(content):
    raw = filled(content)
    rendered = render(raw)
    assert len(rendered) == len(raw) - 1  # the unknown child left out
    validate(rendered)
    with pytest.raises(jsonschema.ValidationError):  # the check can fail
        validate([{**rendered[0], "value": {"heading": 1, "anchor": "a"}}])


@pytest.mark.django_db
def test_every_kind_with_nothing_stored_renders_what_its_schema_says():
    validate([item for item in render(empty()) if item["type"] != "heading"])


@pytest.mark.django_db
def test_a_heading_with_nothing_stored_renders_what_its_schema_says():
    # The editor cannot save a heading without text, but stored data can lack it.
    validate([item for item in render(empty()) if item["type"] == "heading"])


@pytest.mark.django_db
def test_filled_values(content, settings):
    by_type: dict[str, list] = {}
    for item in render(filled(content)):
        by_type.setdefault(item["type"], []).append(item["value"])
    image_url = by_type["image"][0]["url"]
    assert image_url.startswith(f"{settings.PUBLIC_BASE_URL}/media/images/")
    assert by_type["heading"] == [{"heading": "What is it?", "anchor": "what-is-it"}]
    assert by_type["card"][0]["image"]["alt"] == "A card"  # the struct's own alt text wins
    assert by_type["tags"] == [["old", "format"], ["new"]]
    assert [photo["alt"] for photo in by_type["photo"]] == ["A photo", ""]  # decorative: empty alt
    assert by_type["page"][0]["id"] == content["page"].pk and by_type["page"][1] is None  # a draft
    assert by_type["document"] == [
        {"id": content["document"].pk, "title": "Leaflet", "url": by_type["document"][0]["url"]}
    ]
    assert by_type["document"][0]["url"].endswith("/leaflet.pdf")
    assert by_type["helpline"][0]["name"] == "GB line"
    assert by_type["table"] == [
        {
            "caption": "T",
            "first_row_is_header": True,
            "first_col_is_header": False,
            "rows": [["A", "B"], ["1", None]],
        }
    ]
    text = by_type["text"][0]
    assert f'data-page-id="{content["page"].pk}"' in text and "<a>draft</a>" in text
    assert 'alt="Embedded"' in text and "linktype" not in text
    scalars = ["flag", "count", "ratio", "amount", "day", "moment", "choice", "line", "words", "at"]
    assert [by_type[name][0] for name in scalars] == [
        True,
        3,
        0.5,
        1.5,
        "2024-05-01",
        "2024-05-01T10:00:00Z",
        "warning",
        "Line",
        "Words",
        "09:30:00",
    ]
    assert by_type["nested"] == [[{"type": "line", "value": "Inner", "id": by_type["nested"][0][0]["id"]}]]


@pytest.mark.django_db
def test_empty_values():
    values = {item["type"]: item["value"] for item in render(empty())}
    assert values == {
        "heading": {"heading": "", "anchor": "section"},
        "card": {"title": "", "image": None, "alt_text": ""},
        "tags": [],
        "text": "",
        "photo": None,
        "image": None,
        "page": None,
        "document": None,
        "helpline": None,
        "table": {"caption": "", "first_row_is_header": False, "first_col_is_header": False, "rows": []},
        "flag": None,
        "count": None,
        "ratio": None,
        "amount": None,
        "day": None,
        "moment": None,
        "choice": "",
        "line": "",
        "words": "",
        "link": "",
        "email": "",
        "code": "",
        "at": "",
        "nested": [],
    }


@pytest.mark.django_db
def test_rendering_runs_no_queries_once_loaded(content, django_assert_num_queries):
    """Pass 2 reads only what pass 1 loaded, whatever the number of blocks."""
    raw = filled(content) * 5
    definition = EveryKindBlock()
    for image in (content["image"], content["embedded"]):
        image.get_rendition(settings.API_IMAGE_RENDITION)  # as publishing does (api.signals)
    refs = References(visible=visible_q(), rendition_filter=settings.API_IMAGE_RENDITION)
    api_blocks.collect(definition, raw, refs)
    refs.load()
    with django_assert_num_queries(0):
        api_blocks.render(definition, raw, refs, helpline=lambda helpline: {"id": helpline.pk})


@pytest.mark.django_db
def test_images_are_read_without_writing_the_rendition_cache(image_factory):
    """Wagtail's get_rendition() stores every rendition it returns in the
    rendition cache (Redis here): a round trip per image of every response
    built. A prefetched rendition is served as it is; a missing one is made."""
    made, missing = image_factory(), image_factory()
    rendition = made.get_rendition(settings.API_IMAGE_RENDITION)  # as publishing does
    rendition.cache_backend.delete(rendition.get_cache_key())
    refs = References(visible=visible_q(), rendition_filter=settings.API_IMAGE_RENDITION)
    refs.add("image", made.pk)
    refs.add("image", missing.pk)
    refs.load()

    assert refs.image(made.pk)["url"].endswith(rendition.url)
    assert rendition.cache_backend.get(rendition.get_cache_key()) is None
    assert refs.image(missing.pk)["url"].endswith(missing.renditions.get().url)


@pytest.mark.django_db
def test_this_apps_urls_follow_the_request_host(content, settings, rf):
    """Images and documents are served by this app: on the host asked."""
    settings.ALLOWED_HOSTS = ["api.example"]
    definition = EveryKindBlock()
    raw = filled(content)
    refs = References(
        visible=visible_q(),
        rendition_filter=settings.API_IMAGE_RENDITION,
        request=rf.get("/", HTTP_HOST="api.example:9000"),
    )
    api_blocks.collect(definition, raw, refs)
    refs.load()
    values = {item["type"]: item["value"] for item in api_blocks.render(definition, raw, refs, helpline=str)}
    assert values["document"]["url"].startswith("http://api.example:9000/")
    assert values["image"]["url"].startswith("http://api.example:9000/media/")
