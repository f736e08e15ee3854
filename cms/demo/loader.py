"""Build the demo site: idempotent, so a second run changes nothing.

Objects are found by natural keys (a page by its slug under its parent, a
person by name, a helpline by name and country) and only created when
missing; existing ones are left exactly as they are, edits included.

Every page gets the fields a frontend puts in its <head>: an SEO title, a
meta description and, for topics and articles, a share image drawn for it
(`cms.demo.share_images`).

With DEBUG on, `load_demo_content` also creates one sample staff account per
group (editor, clinical reviewer, admissions, SMS helpline staff) and prints
each username with a generated password, so `make run` can show the whole
review journey; with DEBUG off (a `--force` demo deployment) it creates none.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from cms import phone_numbers
from cms.demo.articles_about import EFFECTS, WHAT_IS_KETAMINE, WHY_ADDICTED
from cms.demo.articles_help import FAQ, SIGNS, TREATMENT
from cms.demo.people_helplines import CALLBACKS, HELPLINES, PEOPLE, VERIFY
from cms.demo.share_images import share_image_create
from cms.demo.sms_answers import COCAINE, KETAMINE_OTHER_NAMES, SMS_ANSWERS_BY_TOPIC
from cms.models import (
    ArticlePage,
    ArticleRelatedLink,
    CallbackRequest,
    Helpline,
    HelplineOpeningHours,
    HomePage,
    Person,
    SmsIntent,
    TopicIndexPage,
    TopicPage,
    TopicSmsAnswer,
)
from cms.models.sms_answers import builtin_intents_ensure
from cms.workflow import ADMISSIONS_GROUP_NAME, GROUP_NAME, clinical_review_ensure

ARTICLES = [WHAT_IS_KETAMINE, EFFECTS, WHY_ADDICTED, SIGNS, TREATMENT, FAQ]

# Hand-picked related articles (by slug); the rest fall back to the topic.
RELATED = {
    EFFECTS["slug"]: [SIGNS["slug"], TREATMENT["slug"]],
    WHY_ADDICTED["slug"]: [SIGNS["slug"], TREATMENT["slug"]],
    SIGNS["slug"]: [TREATMENT["slug"], EFFECTS["slug"]],
    TREATMENT["slug"]: [SIGNS["slug"], WHY_ADDICTED["slug"]],
}

# The FAQ is reviewed longest ago, so the "Reviews due" report has something to show.
REVIEW_AGES_DAYS = {FAQ["slug"]: 340}

HOME_SEO = {
    "seo_title": "Drugs information and help, clinically reviewed",
    "search_description": "Plain, clinically reviewed information about drugs and addiction, for people "
    "who use them and the people close to them, with helplines to call or text.",
}
TOPIC_INDEX_SEO = {
    "seo_title": "Drugs A to Z: effects, risks and getting help",
    "search_description": "Information about drugs, one by one: what they are, their effects and "
    "risks, signs of a problem and where to get help.",
}

KETAMINE = {
    "slug": "ketamine",
    "title": "Ketamine",
    "seo_title": "Ketamine: effects, risks and where to get help",
    "search_description": "What ketamine is, how it affects you, the damage it can do to the bladder, "
    "and where to get confidential help with ketamine use.",
    "other_names": KETAMINE_OTHER_NAMES,
    "summary": "<p>Ketamine is an anaesthetic used in hospitals and by vets, and a street drug taken for "
    "its detached, dream-like effects. Regular use can seriously damage the <b>bladder</b>.</p>",
    "sms_summary": "Ketamine (K, Ket) is an anaesthetic that makes you feel detached and can leave you "
    "unable to move. It is riskier mixed with alcohol or other drugs. Regular use can badly damage "
    "the bladder: see a doctor if peeing hurts or you need to go often.",
}


def _publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` as a draft, as the admin does, then publish it."""
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _sms_answers(topic: TopicPage, answers: dict[str, str], created: Counter) -> None:
    """Give a topic its demo SMS answers, published as a new revision, unless
    it has answers already or an editor's draft is pending (left alone)."""
    if topic.sms_answers.exists() or topic.has_unpublished_changes:
        return
    builtin_intents_ensure()
    intents = SmsIntent.objects.in_bulk(list(answers), field_name="slug")
    topic.sms_answers = [TopicSmsAnswer(intent=intents[slug], text=text) for slug, text in answers.items()]
    topic.save_revision().publish()
    created["TopicSmsAnswer"] += len(topic.sms_answers.all())


def _child(
    parent: Page,
    model: type[Page],
    *,
    slug: str,
    created: Counter,
    tags: Sequence[str] = (),
    share_image_topic: str | None = None,
    **fields,
) -> Page:
    """The page with `slug` under `parent`, created and published if missing;
    with `share_image_topic`, a share image in that topic's colour is drawn
    for it (only then, so a second run makes no image)."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    created[model.__name__] += 1
    if share_image_topic is not None:
        fields["share_image"] = share_image_create(
            title=fields["title"], topic_slug=share_image_topic, slug=slug
        )
        created["Image"] += 1
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    return _publish_child(parent, page)


def _home_page(created: Counter) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's placeholder "Welcome" page holds the slug "home": replace it
        # when it is still the untouched placeholder (a plain Page, no children).
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page and placeholder.is_leaf():
                placeholder.delete()
        home = _publish_child(
            root,
            HomePage(
                title="Home",
                slug="home",
                introduction="Plain, clinically reviewed information about drugs, for people who use them "
                "and the people close to them. Demo content.",
                **HOME_SEO,
            ),
        )
        created["HomePage"] += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        # Unnamed, the admin dashboard greets editors with the hostname ("localhost").
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
    return home


def _people(created: Counter) -> dict[str, Person]:
    people = {}
    for spec in PEOPLE:
        fields = dict(spec)
        person, was_created = Person.objects.get_or_create(name=fields.pop("name"), defaults=fields)
        if was_created:
            created["Person"] += 1
        people[person.name] = person
    return people


def _helplines(created: Counter) -> dict[str, Helpline]:
    helplines = {}
    for spec in HELPLINES:
        fields = dict(spec)
        key = fields.pop("key")
        hours = fields.pop("opening_hours", [])
        fields["notes"] = f"{VERIFY} {fields.get('notes', '')}".strip()
        helpline, was_created = Helpline.objects.get_or_create(
            name=fields.pop("name"), country=fields.pop("country"), defaults=fields
        )
        if was_created:
            created["Helpline"] += 1
            for weekday, opens, closes in hours:
                HelplineOpeningHours.objects.create(
                    helpline=helpline,
                    weekday=weekday,
                    opens=dt.time.fromisoformat(opens),
                    closes=dt.time.fromisoformat(closes),
                )
        helplines[key] = helpline
    return helplines


def _callbacks(created: Counter) -> None:
    for spec in CALLBACKS:
        fields = dict(spec)
        # By the number's hash: the name is encrypted, so it can't be looked up.
        _, was_created = CallbackRequest.objects.get_or_create(
            phone_hash=phone_numbers.phone_hash(fields["phone"]),
            defaults={**fields, "consent_given": True},
        )
        if was_created:
            created["CallbackRequest"] += 1


def _body(spec_body: list, helplines: dict[str, Helpline]) -> list:
    body = deepcopy(spec_body)
    for block_type, value in body:
        if block_type == "helpline_cta":
            value["helpline"] = helplines[value["helpline"]]
    return body


@transaction.atomic
def demo_content_load(*, today: dt.date | None = None) -> Counter:
    """Create whatever part of the demo site is missing. Returns counts of
    created objects by model name (empty on a second run)."""
    today = today or timezone.localdate()
    created: Counter = Counter()
    people = _people(created)
    helplines = _helplines(created)
    _callbacks(created)
    home = _home_page(created)
    index = _child(
        home,
        TopicIndexPage,
        slug="topics",
        title="Drugs A to Z",
        introduction="Information about drugs, their effects and where to get help.",
        created=created,
        **TOPIC_INDEX_SEO,
    )
    # The migration assigned the workflow to topic indexes that existed then;
    # this covers the one just created (and changes nothing if already set).
    clinical_review_ensure()
    ketamine = _child(index, TopicPage, created=created, share_image_topic="ketamine", **KETAMINE)
    cocaine = _child(index, TopicPage, created=created, share_image_topic="cocaine", **COCAINE)
    for topic in (ketamine, cocaine):
        _sms_answers(topic, SMS_ANSWERS_BY_TOPIC[topic.slug], created)

    articles: dict[str, ArticlePage] = {}
    for spec in ARTICLES:
        reviewed = today - dt.timedelta(days=REVIEW_AGES_DAYS.get(spec["slug"], 14))
        articles[spec["slug"]] = _child(
            ketamine,
            ArticlePage,
            slug=spec["slug"],
            created=created,
            title=spec["title"],
            seo_title=spec["seo_title"],
            search_description=spec["search_description"],
            share_image_topic=ketamine.slug,
            standfirst=spec["standfirst"],
            body=_body(spec["body"], helplines),
            author=people["Sample Author"],
            medical_reviewer=people["Sample Reviewer"],
            last_reviewed=reviewed,
            next_review_due=reviewed + dt.timedelta(days=360),
            tags=spec["tags"],
        )

    for slug, related_slugs in RELATED.items():
        source = articles[slug]
        if source.related_links.exists():
            continue
        for order, related_slug in enumerate(related_slugs):
            ArticleRelatedLink.objects.create(source=source, article=articles[related_slug], sort_order=order)
            created["ArticleRelatedLink"] += 1
    return created


# --- Sample staff accounts (DEBUG only) -------------------------------------

# Group names: cms.workflow's, Wagtail's own "Editors", and sms's staff group
# (by name: cms does not import sms; skipped when that group does not exist).
DEMO_ACCOUNTS = [
    ("demo-editor", "Editors", "Sample", "Editor", "demo.editor@example.org"),
    # The demo articles' medical reviewer (a Person) has this address, so this
    # account receives that reviewer's reminder emails.
    ("demo-reviewer", GROUP_NAME, "Sample", "Reviewer", "sample.reviewer@example.org"),
    ("demo-admissions", ADMISSIONS_GROUP_NAME, "Sample", "Admissions", "demo.admissions@example.org"),
    ("demo-sms-staff", "SMS helpline staff", "Sample", "SMS staff", "demo.sms-staff@example.org"),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    group: str
    password: str | None  # only when created by this run; stored hashed, never shown again


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the sample account of each existing staff group, each with a
    fresh random password; accounts that exist are left exactly as they are.
    Refused with DEBUG off: these logins have their passwords printed."""
    if not settings.DEBUG:
        raise RuntimeError("Demo staff accounts are created with DEBUG on only.")
    users = get_user_model()
    groups = Group.objects.in_bulk([spec[1] for spec in DEMO_ACCOUNTS], field_name="name")
    accounts = []
    for username, group_name, first_name, last_name, email in DEMO_ACCOUNTS:
        group = groups.get(group_name)
        if group is None:
            continue
        password = None
        if not users.objects.filter(username=username).exists():
            password = secrets.token_urlsafe(12)
            user = users.objects.create_user(
                username, email=email, password=password, first_name=first_name, last_name=last_name
            )
            user.groups.add(group)
        accounts.append(DemoAccount(username=username, group=group_name, password=password))
    return accounts


def demo_accounts_report(sender=None, stdout=None, **kwargs) -> None:
    """`demo_content_loaded` receiver: create the sample accounts (DEBUG only)
    and print how to log in as each."""
    if not settings.DEBUG:
        if stdout is not None:
            stdout.write("Sample staff accounts: not created (DEBUG is off; their passwords are printed).")
        return
    accounts = demo_accounts_ensure()
    if stdout is None:
        return
    stdout.write(f"Sample staff accounts (log in at {settings.PUBLIC_BASE_URL}/admin/):")
    for account in accounts:
        if account.password:
            stdout.write(f"  {account.group}: username '{account.username}', password '{account.password}'")
        else:
            stdout.write(
                f"  {account.group}: username '{account.username}' (already existed; password as printed "
                "when it was created, or set a new one under Settings > Users)"
            )
