"""sms 0008 moves editors' SMS keywords to topics' SMS answers: nothing they
wrote is lost."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.models import SmsIntent, TopicPage, TopicSmsAnswer

BEFORE = [("sms", "0007_conversation_state")]


@pytest.fixture
def keywords_before_the_move(topic_page):
    """The database as it was before the move, with an editor's keywords;
    migrated forward again afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    keyword = old.get_model("sms", "SmsKeyword")
    keyword.objects.create(
        keyword="KETAMINE", aliases="K, SPECIAL K, HORSE TRANQ", reply="", topic_id=topic_page.pk
    )
    keyword.objects.create(
        keyword="SIGNS", aliases="SYMPTOMS", reply="Signs: needing to wee often.", sort_order=20
    )
    keyword.objects.create(keyword="ADVICE", aliases="TALK", reply="Talk it through with us.", sort_order=30)
    keyword.objects.create(keyword="TREATMENT", reply="Treatment is free: see your GP.", sort_order=40)
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_keywords_become_the_topics_answers_names_and_question_types(keywords_before_the_move, topic_page):
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    topic = TopicPage.objects.get(pk=topic_page.pk)
    answers = {answer.intent.slug: answer.text for answer in TopicSmsAnswer.objects.filter(topic=topic)}
    assert answers == {
        "signs": "Signs: needing to wee often.",
        "advice": "Talk it through with us.",
        "getting_help": "Treatment is free: see your GP.",
    }
    # The keyword that named the topic: its words join the topic's one list of names.
    assert "Horse Tranq" in topic.other_names_list
    # A keyword that is a question type's word: its aliases become examples.
    assert "SYMPTOMS" in SmsIntent.objects.get(slug="signs").example_list
    # Any other keyword: a question type of its own, asked the editor's ways.
    advice = SmsIntent.objects.get(slug="advice")
    assert advice.example_list == ["ADVICE", "TALK"]
    assert not advice.is_builtin
