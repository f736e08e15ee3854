"""Content model: page tree, people, helplines, callback requests.

Page tree: HomePage -> TopicIndexPage -> TopicPage -> ArticlePage.
`cms` knows nothing of `api` or `sms`; they import from here
(`from cms.models import ArticlePage` keeps working after the split).
"""

from cms.models.articles import ArticlePage, ArticlePageTag, ArticleRelatedLink
from cms.models.callbacks import CallbackRequest
from cms.models.feedback import ArticleFeedback
from cms.models.pages import HomePage, TopicIndexPage, TopicPage
from cms.models.sms_answers import SmsIntent, TopicSmsAnswer
from cms.models.snippets import Helpline, HelplineOpeningHours, Person
from cms.models.workflow import ClinicalReviewTask

__all__ = [
    "ArticleFeedback",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleRelatedLink",
    "CallbackRequest",
    "ClinicalReviewTask",
    "Helpline",
    "HelplineOpeningHours",
    "HomePage",
    "Person",
    "SmsIntent",
    "TopicIndexPage",
    "TopicPage",
    "TopicSmsAnswer",
]
