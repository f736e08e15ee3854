"""Demo SMS answers (topic x question type) and the second demo topic, Cocaine.

Facts from NHS, FRANK and NIDA pages, in our own words, kept short and
cautious. Demo content: a clinical reviewer must check every answer before
real use (the loader publishes them so the demo has something to send).
Neither topic has a "what it is" answer: its reviewed SMS summary is that
answer, so SMS and the website say the same thing. The helpline is appended
to every answer automatically, and the overdose answer is sent after the
sender's own emergency number, so none of them names a number.
"""

from __future__ import annotations

# The topic's names: website search and the SMS matcher both read them.
KETAMINE_OTHER_NAMES = (
    "K, Ket, Special K, Super K, Vitamin K, Kit Kat, KitKat, Cat Valium, Horse Tranq, "
    "Horse Tranquilliser, Horse Tranquillizer, Horse Tranquiliser, Keta, Kitty"
)

KETAMINE_SMS_ANSWERS = {
    "effects": (
        "Ketamine can make you feel numb, detached or confused, unable to move or speak properly,"
        " and sick. You may not feel injuries. With alcohol or other drugs breathing can slow. "
        "Heavy use harms the bladder and kidneys."
    ),
    "signs": (
        "Signs of a ketamine problem: needing more for the same effect, needing to wee often or "
        "urgently, pain or blood when weeing, stomach cramps ('K cramps'), memory problems and "
        "low mood. See a doctor about bladder pain early."
    ),
    "getting_help": (
        "Help to cut down or stop ketamine is free and confidential: talk to your GP or a local "
        "drug service. Stopping early gives the bladder the best chance to recover. Bladder pain "
        "needs a doctor."
    ),
    "safer_use": (
        "If you use ketamine: take a small amount, don't mix it with alcohol or other drugs, stay"
        " with people you trust somewhere safe, and keep away from water and roads. Breaks help "
        "protect your bladder."
    ),
    "overdose_info": (
        "Too much ketamine, or ketamine with alcohol or other downers, can leave someone unable "
        "to move, unconscious or breathing slowly. If they won't wake or breathe oddly, get help,"
        " put them on their side and stay with them."
    ),
}

COCAINE = {
    "slug": "cocaine",
    "title": "Cocaine",
    "seo_title": "Cocaine: effects, risks to the heart and getting help",
    "search_description": "What cocaine is, its short high and comedown, the strain it puts on the "
    "heart (worse with alcohol), and where to get confidential help.",
    "other_names": "Coke, Charlie, Blow, Snow, Sniff, Crack, Cocain",
    "summary": "<p>Cocaine is a powerful stimulant. Its effects are short, and it strains the <b>heart</b>: "
    "mixed with alcohol it is more dangerous still.</p>",
    "sms_summary": "Cocaine (coke) is a stimulant: a short high, then a comedown. It raises heart rate, "
    "blood pressure and temperature, and can cause a heart attack or stroke even in young, healthy people.",
}

COCAINE_SMS_ANSWERS = {
    "effects": (
        "Cocaine makes people feel alert and confident for a short time. It raises heart rate, "
        "blood pressure and temperature, and can bring anxiety, paranoia, and a low comedown. It "
        "can cause heart attacks and strokes."
    ),
    "signs": (
        "Signs of a cocaine problem: needing more for the same effect, using more often or alone,"
        " spending more than you can afford, nosebleeds or a blocked nose, and feeling low, "
        "anxious or craving it between uses."
    ),
    "getting_help": (
        "Help with cocaine is free and confidential: talk to your GP or a local drug service. "
        "Talking therapies work well for cocaine; there is no substitute medicine for it, and "
        "support makes stopping easier."
    ),
    "safer_use": (
        "If you use cocaine: don't mix it with alcohol (together they make a substance that is "
        "harder on the heart), don't share notes or straws (hepatitis C), take less and leave "
        "long gaps, and don't use alone."
    ),
    "overdose_info": (
        "Signs someone has taken too much cocaine: chest pain, a racing or uneven heartbeat, "
        "overheating, fits, extreme panic or confusion, collapse. Get help straight away, keep "
        "them cool and calm and stay with them."
    ),
}

SMS_ANSWERS_BY_TOPIC = {"ketamine": KETAMINE_SMS_ANSWERS, "cocaine": COCAINE_SMS_ANSWERS}
