"""Fixtures for the clinical review tests: a tree under the Clinical review
workflow, and an editor and a reviewer in their groups."""

import pytest
from django.contrib.auth.models import Group

from cms.workflow import GROUP_NAME, clinical_review_assign


@pytest.fixture
def reviewed_tree(topic_page, topic_index_page):
    # The data migration assigns existing topic indexes; test trees are built later.
    clinical_review_assign(page_id=topic_index_page.pk)
    return topic_page


@pytest.fixture
def editor(django_user_model, home_page):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", "reviewer@example.org", "pw")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    return user
