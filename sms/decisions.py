"""The reply decision: what to do with one text, as a value.

`decide` is pure: the text's screening and the sender's state in, a
`Decision` out. `sms.services` reads the state, calls it and applies the
Decision (opt-out state, flags, the follow-up item, the reply, the alert).

The order is the product's promise to people in danger:
1. STOP and START are honoured first (carriers require it).
2. An emergency is always answered, whatever the per-sender limit, loop
   protection or menu state, and on-call staff are alerted. The one
   exception is an opted-out sender (Twilio refuses to send to them): still
   flagged and alerted.
3. While a crisis follow-up is open, every text joins it and gets a short
   "we've seen your message" reply with the emergency number, never the menu.
4. Only then the usual limits, and the answer: a numbered menu choice, the
   menu again, or the question as `sms.understanding` read it, about the
   topic it names, else the conversation's last topic, else the helpline's
   default topic. What cannot be answered with confidence gets the menu,
   never a confident wrong answer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sms import matching
from sms.screening import Level, Screening
from sms.understanding.answers import OVERDOSE_INFO, WHAT_IS, AnswerBook, Conversation
from sms.understanding.matcher import Understanding


class Outcome(enum.StrEnum):
    # The values are InboundMessage.Outcome's (checked by a test).
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    CRISIS = "crisis"
    CONCERN = "concern"
    FOLLOW_UP = "follow_up"
    ANSWER = "answer"
    MENU = "fallback"
    IGNORED_OPTED_OUT = "ignored_opted_out"
    RATE_LIMITED = "rate_limited"
    LOOP = "loop"


class ReplyKind(enum.StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    EMERGENCY = "emergency"
    CONCERN = "concern"
    FOLLOW_UP = "follow_up"
    ANSWER = "answer"
    MENU = "menu"


@dataclass(frozen=True)
class SenderState:
    opted_out: bool
    replies_in_window: int  # replies sent in the rate-limit window
    same_text_repeats: int  # earlier texts with the same words in that window
    open_crisis: bool  # an unhandled crisis follow-up with a text in the follow-up window


@dataclass(frozen=True)
class Limits:
    rate_limit_count: int
    loop_repeats: int
    provider_handles_opt_out: bool


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reply: ReplyKind | None
    topic: str | None = None  # the topic answered, or whose menu is sent
    intent: str | None = None  # the intent answered
    menu: tuple[str, ...] = ()  # the intents offered as 1, 2, 3... (MENU)
    understood: bool = True  # False: the menu because the text was not understood
    opt_change: str | None = None  # "out", "in"
    join_crisis: bool = False  # open or join the sender's crisis follow-up
    alert_on_call: bool = False
    flag_reason: str = ""  # operational flag for a person (not answered ...)
    # An information question about a risk: the reply leads with the emergency number.
    emergency_first_line: bool = False


def reads_the_question(screening: Screening, state: SenderState) -> bool:
    """False when the reply is settled before the question is read (an
    emergency, a text joining an open crisis follow-up, an opted-out
    sender), so the service need not load the content or the conversation:
    `decide` handles these before `_answer`."""
    return not (screening.level == Level.EMERGENCY or state.open_crisis or state.opted_out)


def decide(
    message: str,
    *,
    screening: Screening,
    state: SenderState,
    limits: Limits,
    understanding: Understanding,
    conversation: Conversation,
    answers: AnswerBook,
) -> Decision:
    compliance = matching.compliance_keyword(message, opted_out=state.opted_out)
    confirm = not limits.provider_handles_opt_out
    if compliance == matching.OPT_OUT:
        # One confirmation, not one per STOP (the service knows whether it changed).
        return Decision(Outcome.OPT_OUT, ReplyKind.OPT_OUT if confirm else None, opt_change="out")
    if compliance == matching.OPT_IN:
        return Decision(Outcome.OPT_IN, ReplyKind.OPT_IN if confirm else None, opt_change="in")

    emergency = screening.level == Level.EMERGENCY
    if state.opted_out:
        return Decision(
            Outcome.IGNORED_OPTED_OUT,
            None,
            join_crisis=screening.is_crisis,
            alert_on_call=emergency,
            flag_reason="Not answered: opted out" if screening.is_crisis else "",
        )
    if emergency:
        return Decision(Outcome.CRISIS, ReplyKind.EMERGENCY, join_crisis=True, alert_on_call=True)
    if state.open_crisis:
        looping = state.same_text_repeats >= limits.loop_repeats - 1
        return Decision(
            Outcome.LOOP if looping else Outcome.FOLLOW_UP,
            None if looping else ReplyKind.FOLLOW_UP,
            join_crisis=True,
        )
    if screening.level == Level.CONCERN:
        return Decision(Outcome.CONCERN, ReplyKind.CONCERN, join_crisis=True)
    if compliance == matching.HELP:
        return Decision(Outcome.HELP, ReplyKind.HELP if confirm else None)

    if state.same_text_repeats >= limits.loop_repeats - 1:
        return Decision(Outcome.LOOP, None, flag_reason="Not answered: repeated text (auto-responder?)")
    if state.replies_in_window >= limits.rate_limit_count:
        return Decision(Outcome.RATE_LIMITED, None, flag_reason="Not answered: over the limit")
    return _answer(
        message,
        understanding=understanding,
        conversation=conversation,
        answers=answers,
        informative=screening.asks_about is not None,
    )


def _answer(
    message: str,
    *,
    understanding: Understanding,
    conversation: Conversation,
    answers: AnswerBook,
    informative: bool,
) -> Decision:
    """An ordinary text: the answer it asks for, or the menu."""

    def menu(topic: str | None, *, understood: bool) -> Decision:
        return Decision(
            Outcome.MENU,
            ReplyKind.MENU,
            topic=topic,
            menu=answers.menu(topic),
            understood=understood,
            emergency_first_line=informative,
        )

    def answer(topic: str, intent: str) -> Decision:
        return Decision(
            Outcome.ANSWER,
            ReplyKind.ANSWER,
            topic=topic,
            intent=intent,
            emergency_first_line=informative or intent == OVERDOSE_INFO,
        )

    current = conversation.menu_topic or conversation.last_topic or answers.default_topic
    if matching.is_menu_request(message):
        return menu(current, understood=True)
    choice = matching.menu_choice(message)
    if choice is not None:
        if conversation.menu and choice <= len(conversation.menu):
            return answer(conversation.menu_topic, conversation.menu[choice - 1])
        return menu(current, understood=False)

    topic = understanding.topic or conversation.last_topic or answers.default_topic
    intent = understanding.intent
    if intent is None and understanding.topic and not understanding.ambiguous:
        intent = WHAT_IS  # the topic's name alone, or with a greeting: what it is
    if intent and answers.has(topic, intent):
        return answer(topic, intent)
    return menu(topic, understood=intent is None and not understanding.ambiguous)
