"""The article editor during clinical review, in words editors and reviewers
use.

Wagtail's page views speak of "moderation" and say "has been updated" after an
approval that published the article; the reviewer is not told why "Approve"
is missing; and after a refused action the autosave badge can say "Saved"
beside a "could not be saved" banner. These subclasses keep Wagtail's
behaviour and change only what people read: the messages after submitting,
approving and requesting changes, a note on opening an article in review,
and no autosave badge on a page re-rendered with errors. `ArticlePageViewSet`
routes article pages (only) to them; `cms.wagtail_hooks` registers it.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.locks import WorkflowLock
from wagtail.models import TaskState, WorkflowState

from cms.models import ArticlePage, ClinicalReviewTask
from cms.models.articles import needed_in_words
from cms.models.workflow import APPROVE_LABELS
from cms.workflow import WORKFLOW_NAME


def review_name(page) -> str:
    """What the article is submitted to, as the messages say it (`page` may
    be the parent of an article not yet created)."""
    workflow = page.get_workflow()
    if workflow is None or workflow.name == WORKFLOW_NAME:
        return "clinical review"
    return f"review ({workflow.name})"


def workflow_outcome_message(*, title: str, action_name: str, task_state: TaskState) -> str | None:
    """The message after a reviewer acted on a task, read from what the
    workflow did (None when the task has not moved, e.g. a form error)."""
    task_state.refresh_from_db()
    if task_state.status == TaskState.STATUS_IN_PROGRESS:
        return None
    state = WorkflowState.objects.select_related("current_task_state__task").get(
        pk=task_state.workflow_state_id
    )
    if action_name == "reject":
        return f"Changes requested on '{title}': it goes back to the editor with your comment."
    if action_name == "approve":
        if state.status == WorkflowState.STATUS_APPROVED:
            return f"'{title}' has been approved and published."
        if state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
            return f"'{title}' has been approved; its next step is '{state.current_task_state.task.name}'."
    return None


class _HeldMessages:
    """Stands in for the request's message storage while Wagtail's view code
    runs, so the messages it adds can be reworded before anyone sees them."""

    def __init__(self):
        self.messages: list[tuple[int, str, str]] = []

    def add(self, level, message, extra_tags=""):
        self.messages.append((level, message, extra_tags))


@contextmanager
def held_messages(request):
    """Hold the messages added inside the block (django.contrib.messages adds
    through `request._messages`); pass them on with `pass_on`."""
    storage = request._messages
    held = _HeldMessages()
    request._messages = held
    try:
        yield held
    finally:
        request._messages = storage


def pass_on(request, held: _HeldMessages, *, drop_last_of: int | None = None) -> None:
    """Add the held messages for the user, in order, leaving out the last one
    at level `drop_last_of` (the generic message ours replaces)."""
    levels = [level for level, _message, _tags in held.messages]
    dropped = len(levels) - 1 - levels[::-1].index(drop_last_of) if drop_last_of in levels else None
    for i, (level, message, extra_tags) in enumerate(held.messages):
        if i != dropped:
            django_messages.add_message(request, level, message, extra_tags=extra_tags)


class ReviewMessagesMixin:
    """Shared by the create and edit views (both can submit)."""

    def workflow_page(self):
        # A page being created has no place in the tree yet: its parent's
        # workflow is the one it will be submitted to.
        return self.page if self.page.pk else self.parent_page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "POST":
            # Rendered after a refused POST (errors, a lock): a "Saved" badge
            # here would contradict the error banner above it.
            context["autosave_indicator"] = None
        return context

    def form_invalid(self, form):
        refused_submission = (
            self.action_name in ("submit", "restart_workflow")
            and not getattr(self, "locked_for_user", False)
            and not getattr(self, "expects_json_response", False)
        )
        if not refused_submission:
            return super().form_invalid(form)
        with held_messages(self.request) as held:
            response = super().form_invalid(form)
        # "could not be saved" would contradict the autosave that may follow:
        # what failed is the submission.
        pass_on(self.request, held, drop_last_of=django_messages.ERROR)
        title = self.page.get_admin_display_title()
        messages.validation_error(
            self.request, f"'{title}' was not submitted for {review_name(self.workflow_page())}.", form
        )
        return response

    def _submitted_message(self, held: _HeldMessages, *, again: bool = False) -> None:
        pass_on(self.request, held, drop_last_of=django_messages.SUCCESS)
        title = self.page.get_admin_display_title()
        again_word = " again" if again else ""
        messages.success(
            self.request,
            f"'{title}' has been submitted for {review_name(self.workflow_page())}{again_word}. "
            "A clinical reviewer will approve and publish it, or request changes.",
            buttons=[self.get_view_draft_message_button(), self.get_edit_message_button()],
        )


class ArticleCreateView(ReviewMessagesMixin, CreateView):
    def submit_action(self):
        with held_messages(self.request) as held:
            response = super().submit_action()
        self._submitted_message(held)
        return response


class ArticleEditView(ReviewMessagesMixin, EditView):
    def get(self, request, *args, **kwargs):
        self.explain_review_state()
        with held_messages(request) as held:
            response = super().get(request, *args, **kwargs)
        self.reword_workflow_lock(held)
        return response

    def reword_workflow_lock(self, held: _HeldMessages) -> None:
        """Wagtail tells an editor locked out by the review that the page is
        "awaiting moderation": say what it waits for, in our words."""
        in_clinical_review = (
            isinstance(self.lock, WorkflowLock)
            and self.locked_for_user
            and isinstance(self.lock.task, ClinicalReviewTask)
        )
        if not in_clinical_review:
            pass_on(self.request, held)
            return
        pass_on(self.request, held, drop_last_of=django_messages.WARNING)
        messages.warning(
            self.request,
            f"'{self.page.get_admin_display_title()}' is in clinical review: a clinical reviewer will "
            "approve and publish it, or request changes. Until then only clinical reviewers can edit it.",
            extra_tags="lock",
        )

    def explain_review_state(self) -> None:
        """Tell a reviewer what approving needs and does, and an editor whose
        article came back what to do next."""
        title = self.page.get_admin_display_title()
        state = self.workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Reviewers wait for the editor: the note is for whoever resubmits.
            rejected_task = state.current_task_state.task.specific if state.current_task_state else None
            is_reviewer = rejected_task is not None and rejected_task.user_can_access_editor(
                self.page, self.request.user
            )
            if self.page_perms.can_submit_for_moderation() and not is_reviewer:
                messages.info(
                    self.request,
                    f"Changes requested on '{title}': read the reviewer's comment under Status, "
                    "make the changes, then resubmit it for clinical review.",
                )
            return
        task_state = self.page.current_workflow_task_state
        task = task_state.task.specific if task_state else None
        if not isinstance(task, ClinicalReviewTask) or not task.get_actions(self.page, self.request.user):
            return
        blockers = task.approval_blockers(self.page)
        if blockers:
            messages.warning(
                self.request,
                f"Clinical review: approving needs {needed_in_words(blockers)}. Add them under "
                "'Clinical review' below and press 'Save draft'; the approve action then appears "
                "in the menu at the bottom. Or request changes from the editor.",
            )
        elif task.publishes_on_approval(self.page):
            messages.info(
                self.request,
                "Clinical review: check the content, the medical reviewer and the review dates. "
                f"'{APPROVE_LABELS[False]}' publishes it at once; 'Request changes' sends it back "
                "to the editor with your comment.",
            )
        else:
            messages.info(
                self.request,
                "Clinical review: check the content, the medical reviewer and the review dates. "
                "'Approve' passes it to the workflow's next step; 'Request changes' sends it back "
                "to the editor with your comment.",
            )

    def submit_action(self):
        with held_messages(self.request) as held:
            response = super().submit_action()
        self._submitted_message(held)
        return response

    def restart_workflow_action(self):
        with held_messages(self.request) as held:
            response = super().restart_workflow_action()
        self._submitted_message(held, again=True)
        return response

    def perform_workflow_action(self):
        # Wagtail calls add_save_confirmation_message after the task acted.
        self._acted_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        task_state = getattr(self, "_acted_task_state", None)
        outcome = None
        if task_state is not None and not self.is_reverting:
            outcome = workflow_outcome_message(
                title=self.page.get_admin_display_title(),
                action_name=self.workflow_action,
                task_state=task_state,
            )
        if outcome is None and self.action_name == "save" and not self.is_reverting:
            # "has been updated" reads as if the change were live.
            live_note = " The live version is unchanged." if self.page.live else ""
            outcome = f"'{self.page.get_admin_display_title()}' has been saved as a draft.{live_note}"
        if outcome is None:
            super().add_save_confirmation_message()
        else:
            messages.success(self.request, outcome)


class ArticleWorkflowActionView(WorkflowActionView):
    """Approve or request changes from outside the editor (the dashboard's
    "Awaiting your review" panel): an approval the publication rules would
    refuse is sent to the editor with the reason; every outcome is told."""

    def dispatch(self, request, *args, **kwargs):
        if self.action_name == "approve" and self.object.workflow_in_progress:
            task = self.task
            if isinstance(task, ClinicalReviewTask) and task.get_actions(self.object, request.user):
                blockers = task.approval_blockers(self.object)
                if blockers:
                    return self._refuse_approval(request, blockers)
        return super().dispatch(request, *args, **kwargs)

    def _refuse_approval(self, request, blockers):
        title = self.object.get_latest_revision_as_object().get_admin_display_title()
        messages.error(
            request,
            f"'{title}' was not approved: it needs {needed_in_words(blockers)}. "
            "Add them in the editor and save a draft, then approve.",
        )
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.object.pk])
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(request, {"step": "success", "redirect": edit_url})
        return redirect(edit_url)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        outcome = workflow_outcome_message(
            title=self.object.get_latest_revision_as_object().get_admin_display_title(),
            action_name=self.action_name,
            task_state=self.task_state,
        )
        if outcome:
            messages.success(request, outcome)
        return response


class ArticlePageViewSet(PageViewSet):
    """Article pages' admin views: Wagtail's, with the review wording above."""

    model = ArticlePage
    add_view_class = ArticleCreateView
    edit_view_class = ArticleEditView
    workflow_action_view_class = ArticleWorkflowActionView
    # Leave the explorer's listing of a topic's articles as it is.
    parent_models: list = []
