"""Ketamine articles, part 1: what it is, its effects, why people get hooked.

Fact-checked against the seed notes: first made in 1962 and approved for
medical use in the US in 1970 (not 1956); mainly an NMDA-receptor antagonist
(not "a dopamine flood"); Schedule III in the US, Class B in the UK; bladder
damage is the most prominent long-term harm. No prevalence figures: the one
on the seed page has no checkable source.
"""

from __future__ import annotations

from cms.demo.blocks import bullets, callout, heading, helpline_cta, para, steps, story, takeaways

WHAT_IS_KETAMINE = {
    "slug": "what-is-ketamine",
    "title": "What is ketamine and how is it used?",
    "seo_title": "What is ketamine? Medical and street use explained",
    "search_description": "Ketamine is an anaesthetic used in hospitals and by vets, and a street drug. How "
    "it works, how it is used, and what the law says in the UK and US.",
    "standfirst": "Ketamine is an anaesthetic used in hospitals and by vets. It is also taken as a street "
    "drug for its detached, dream-like effects, which carry real risks.",
    "tags": ["basics", "medical use", "law"],
    "body": [
        takeaways(
            [
                "Ketamine is a dissociative anaesthetic: it can make you feel cut off from your body and "
                "surroundings.",
                "Doctors and vets use it in controlled doses, with monitoring.",
                "Street ketamine is usually a powder that is snorted; the dose and purity are unknown.",
                "It is a controlled drug: Class B in the UK and Schedule III in the US.",
            ]
        ),
        heading("What is ketamine?", "what-is-ketamine"),
        para(
            "Ketamine is a medicine that was first made in a laboratory in 1962 and approved for medical use "
            "in the United States in 1970. It belongs to a group of drugs called dissociative anaesthetics.",
            "It works mainly by blocking NMDA receptors, which carry glutamate signals between nerve cells. "
            "Blocking them dulls pain and can make people feel detached from their body and from what is "
            "around them, as if watching themselves from outside.",
        ),
        heading("How is ketamine used in medicine?", "medical-use"),
        steps(
            "In hospitals, clinics and veterinary practices ketamine is given by trained staff who watch "
            "breathing, heart rate and blood pressure.",
            [
                (
                    "Anaesthesia",
                    "to put people to sleep or sedate them for operations and procedures, "
                    "often in emergencies, because it tends to keep breathing going.",
                ),
                (
                    "Pain relief",
                    "in low doses for severe pain, for example after injuries, sometimes when "
                    "other painkillers are not enough.",
                ),
                (
                    "Depression under specialist care",
                    "a related medicine, esketamine, is licensed in some "
                    "countries for depression that has not responded to other treatments, given in a clinic.",
                ),
                ("Veterinary medicine", "as an anaesthetic for animals."),
            ],
        ),
        callout(
            "tip",
            "Medical use is not the same as street use",
            "A clinic controls the dose, checks your health first and monitors you throughout. None of "
            "that happens when ketamine is bought and taken recreationally.",
        ),
        heading("How is ketamine taken as a street drug?", "street-use"),
        bullets(
            "Street ketamine usually comes as a white or off-white crystalline powder. People may:",
            [
                "snort it in lines or 'bumps' (the most common way)",
                "swallow it as a pill or dissolved in a drink",
                "inject it, which adds the risks of infection and of sharing equipment",
            ],
        ),
        para(
            "Powders sold as ketamine can contain other drugs, and the strength varies from batch to batch, "
            "so it is hard to know how much you are taking.",
        ),
        heading("Is ketamine legal?", "law"),
        para(
            "No, not outside medical use. In the UK ketamine is a Class B drug: it is illegal to have, give "
            "away or sell. In the US it is a Schedule III controlled substance: it can be prescribed, but "
            "having it without a prescription is illegal. Laws differ in other countries.",
        ),
        helpline_cta("frank", "Questions about ketamine? Talk to FRANK, free and confidential."),
    ],
}

EFFECTS = {
    "slug": "effects-of-ketamine",
    "title": "Short- and long-term effects of ketamine",
    "seo_title": "Ketamine effects: short-term, long-term and the bladder",
    "search_description": "What ketamine does in the first hours, the risks of mixing it, and the long-term "
    "harm regular use can do to the bladder, memory and mood.",
    "standfirst": "Ketamine acts fast and can leave you confused and unable to move. Used regularly, it can "
    "do lasting damage, above all to the bladder.",
    "tags": ["effects", "bladder", "risks"],
    "body": [
        takeaways(
            [
                "Effects start within minutes when snorted and usually fade within an hour or two.",
                "High doses can cause a 'K-hole': being unable to move or speak and losing touch with "
                "reality.",
                "Regular use can badly damage the bladder and urinary tract ('ketamine bladder').",
                "Mixing ketamine with alcohol or other depressants is especially dangerous.",
            ]
        ),
        heading("Short-term effects", "short-term-effects"),
        bullets(
            "How ketamine feels depends on the dose, the person and the setting. Common effects include:",
            [
                "feeling detached, floaty or dream-like, and a changed sense of time",
                "euphoria or calm for some people; anxiety, panic or paranoia for others",
                "seeing or hearing things that are not there",
                "numbness, clumsiness and trouble moving or speaking",
                "confusion and memory gaps",
                "feeling sick and vomiting",
                "a faster heartbeat and higher blood pressure",
            ],
        ),
        callout(
            "warning",
            "Why people get hurt",
            "Ketamine dulls pain and coordination, so people can fall, get burned or be injured without "
            "noticing. Someone who cannot move is also more vulnerable to being hurt or assaulted.",
        ),
        heading("What is a K-hole?", "k-hole"),
        para(
            "At higher doses people can become almost completely cut off from their surroundings, unable to "
            "move or talk. Some find this frightening. Combined with alcohol, opioids or sleeping pills, "
            "ketamine can slow breathing and cause choking on vomit.",
        ),
        callout(
            "urgent",
            "When to call an ambulance",
            "Call 999 in the UK or 911 in the US if someone cannot be woken, is breathing slowly or "
            "noisily, has chest pain or a seizure. Put them on their side while you wait and tell the "
            "paramedics what they took.",
        ),
        heading("Long-term effects", "long-term-effects"),
        callout(
            "warning",
            "Ketamine bladder",
            "Regular ketamine use can inflame and scar the lining of the bladder. Signs include needing to "
            "pee often and urgently, pain when peeing, blood in the urine and leaking. Stopping early gives "
            "the best chance of recovery; left too long, the damage can be permanent and some people need "
            "major surgery. See a GP or doctor if you have any of these signs.",
        ),
        bullets(
            "Other long-term harms linked with regular use:",
            [
                "damage to the kidneys, which can follow bladder damage",
                "severe stomach pains, sometimes called 'K cramps'",
                "problems with memory and concentration",
                "low mood, anxiety and, in some people, psychotic symptoms",
                "tolerance and dependence, so that it becomes hard to stop",
                "money, work and relationship problems",
            ],
        ),
        helpline_cta("nhs111", "Worried about bladder pain or other symptoms? NHS 111 can advise."),
    ],
}

WHY_ADDICTED = {
    "slug": "why-people-get-addicted-to-ketamine",
    "title": "Why do people become addicted to ketamine?",
    "seo_title": "Why people become addicted to ketamine",
    "search_description": "Pleasure, escape, the people around you and untreated mental health problems: why "
    "ketamine use can turn into dependence, and why it is nobody's failing.",
    "standfirst": "There is rarely one reason. Pleasure, escape, the people around you and untreated mental "
    "health problems can all play a part.",
    "tags": ["addiction", "mental health"],
    "body": [
        takeaways(
            [
                "Ketamine can cause psychological dependence, and tolerance builds quickly.",
                "People often use it to escape stress or painful feelings, which can become a cycle.",
                "Friends and the belief that ketamine is 'safe' make starting easier.",
                "Self-medicating for depression or anxiety hides problems rather than treating them.",
            ]
        ),
        heading("Pleasure and reward", "pleasure"),
        para(
            "Ketamine can bring a sense of euphoria and detachment that some people want to repeat. Because "
            "tolerance builds quickly, the same amount has less effect over time, and people take more, or "
            "take it more often, to get the feeling back.",
        ),
        heading("Escaping stress and difficult feelings", "escape"),
        para(
            "Feeling detached from your body and your problems can be a relief when life is hard. But the "
            "relief is brief, the problems are still there afterwards, and using ketamine to cope can become "
            "the main way of coping.",
        ),
        heading("Friends, parties and misinformation", "social"),
        bullets(
            "Social settings make ketamine easier to start and harder to stop:",
            [
                "wanting to fit in when friends are using",
                "curiosity about the effects",
                "hearing that ketamine is harmless or not addictive, which is untrue",
                "use becoming normal within a group, so it no longer feels like a risk",
            ],
        ),
        heading("Self-medicating for mental health problems", "self-medication"),
        para(
            "Some people use ketamine on their own to manage depression, anxiety or trauma, sometimes after "
            "reading about its medical use for depression. Street use is very different: there is no "
            "assessment, no controlled dose and no follow-up, and mood often gets worse between uses.",
        ),
        callout(
            "tip",
            "Help for the feelings underneath",
            "A GP, a talking therapy service or a drug service can help with low mood and anxiety and with "
            "the ketamine use together. You do not have to stop first to ask for help.",
        ),
        story(
            "I started with a bump at weekends because everyone did. After a while it was every evening, "
            "just to switch off. It was the bladder pain that made me talk to my GP, and it was the group "
            "sessions that helped me see I had been using it to avoid everything else.",
            "Composite story written for demo content, not a real person",
        ),
        helpline_cta("frank", "Want to talk it through? FRANK is free and confidential."),
    ],
}
