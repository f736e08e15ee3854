"""Ketamine articles, part 2: signs of dependence, treatment, FAQ.

Fact-checked against the seed notes: elimination half-life about 2 to 3
hours; detection windows depend on the test (urine typically a few days,
hair much longer); no specific medicine for ketamine withdrawal, so
withdrawal care treats symptoms.
"""

from __future__ import annotations

from cms.demo.blocks import bullets, callout, faq, heading, helpline_cta, para, steps, story, table, takeaways

SIGNS = {
    "slug": "signs-of-ketamine-dependence",
    "title": "Signs of ketamine dependence",
    "seo_title": "Signs of ketamine dependence in you or someone else",
    "search_description": "How to tell when ketamine use has become a problem: the physical, behavioural and "
    "emotional signs, and what to do if you are worried.",
    "standfirst": "How to tell when ketamine use has become a problem, for yourself or someone you care "
    "about, and what to do next.",
    "tags": ["addiction", "signs", "family"],
    "body": [
        takeaways(
            [
                "Needing more for the same effect and struggling to cut down are early warning signs.",
                "Stopping can bring cravings, low mood, anxiety and poor sleep.",
                "Bladder or stomach pain in someone who uses ketamine needs a doctor.",
            ]
        ),
        heading("Signs of dependence", "signs"),
        table(
            "Common signs that ketamine use has become dependence",
            [
                ["Sign", "What it can look like"],
                ["Cravings", "Strong urges to use, thinking about ketamine a lot"],
                ["Tolerance", "Needing more to get the same effect"],
                ["Withdrawal", "Feeling anxious, low, irritable or unable to sleep without it"],
                ["Loss of control", "Using more or for longer than planned; failed attempts to stop"],
                ["Neglecting responsibilities", "Work, study, money, relationships or health put second"],
                ["Using despite harm", "Carrying on even with bladder pain or other problems"],
            ],
        ),
        heading("Physical signs to watch for", "physical-signs"),
        bullets(
            "Some signs show in the body, especially with regular use:",
            [
                "needing to pee often or urgently, pain when peeing, or blood in the urine",
                "stomach pains that come and go",
                "a runny or sore nose from snorting",
                "memory problems and trouble concentrating",
            ],
        ),
        heading("If you are worried about someone", "worried-about-someone"),
        steps(
            "Talking about drug use is hard. These steps can help:",
            [
                ("Pick a calm moment", "when neither of you is rushed, and they are not high."),
                ("Say what you have noticed", "and how you feel, without blaming or labelling."),
                ("Listen", "to their reasons; people rarely change because they are lectured."),
                ("Offer practical help", "such as looking up a local service or going to a GP with them."),
                ("Look after yourself", "too: services for families and friends can support you."),
            ],
        ),
        callout(
            "urgent",
            "If someone is in danger",
            "If someone is unconscious, struggling to breathe or talking about ending their life, call 999 "
            "in the UK or 911 in the US.",
        ),
        helpline_cta("frank", "Worried about yourself or someone else? FRANK can talk it through."),
    ],
}

TREATMENT = {
    "slug": "treatment-for-ketamine-addiction",
    "title": "Treatment for ketamine addiction",
    "seo_title": "Ketamine addiction treatment: withdrawal, therapy, aftercare",
    "search_description": "Ketamine addiction is treatable. How to get help, what safe withdrawal and "
    "talking therapies involve, bladder care, and support after treatment.",
    "standfirst": "Ketamine addiction is treatable. Help usually combines safe withdrawal, talking "
    "therapies and support that carries on after the first weeks.",
    "tags": ["treatment", "recovery", "bladder"],
    "body": [
        takeaways(
            [
                "Start with your GP or a local drug service; in the UK you can often refer yourself.",
                "Withdrawal is usually managed by treating the symptoms, with medical supervision if needed.",
                "Talking therapies help with the reasons behind the use and with avoiding relapse.",
                "Bladder problems need their own medical care, and often improve after stopping.",
            ]
        ),
        heading("Getting started", "getting-started"),
        para(
            "A good first step is to talk to your GP or contact a local drug and alcohol service. They will "
            "ask about your use, your physical and mental health and what you want to change, and agree a "
            "plan with you. In the US, the SAMHSA National Helpline can point you to local treatment.",
        ),
        heading("Detox: stopping safely", "detox"),
        steps(
            "Stopping ketamine does not usually cause dangerous physical withdrawal, but it can be hard. "
            "A supervised detox typically involves:",
            [
                ("Assessment", "a check of your health, including your bladder and kidneys."),
                ("A plan to stop", "sometimes cutting down gradually, agreed with your care team."),
                (
                    "Treating symptoms",
                    "there is no specific medicine for ketamine withdrawal, so "
                    "difficulties such as poor sleep or anxiety are treated as they come.",
                ),
                ("Support", "regular contact through the first weeks, when cravings are strongest."),
            ],
        ),
        heading("Therapy and counselling", "therapy"),
        bullets(
            "Talking therapies help you understand your use and build other ways to cope. They include:",
            [
                "cognitive behavioural therapy (CBT), to change patterns of thinking and behaviour",
                "motivational interviewing, to strengthen your own reasons for change",
                "treatment for depression, anxiety or trauma alongside the drug use",
                "family or couples sessions, to rebuild trust and support",
            ],
        ),
        heading("Support groups and aftercare", "aftercare"),
        para(
            "Recovery carries on after treatment ends. Peer support groups, regular check-ins with your "
            "service and a plan for risky situations all lower the chance of relapse. A relapse is not a "
            "failure: it is a reason to get back in touch.",
        ),
        callout(
            "warning",
            "Look after your bladder",
            "If you have bladder symptoms, tell your doctor. Stopping ketamine is the most important step; "
            "some people also need treatment from a urology specialist.",
        ),
        story(
            "The first fortnight was the worst: I couldn't sleep and I kept thinking about using. My key "
            "worker saw me every week. A year on I still go to a group, and my bladder is much better.",
            "Composite story written for demo content, not a real person",
        ),
        helpline_cta("frank", "Ready to get help? FRANK can tell you about services near you."),
        helpline_cta("samhsa", "In the US, the SAMHSA National Helpline can find treatment near you."),
    ],
}

FAQ = {
    "slug": "ketamine-faq",
    "title": "Ketamine: frequently asked questions",
    "seo_title": "Ketamine FAQ: how long it lasts, drug tests and risks",
    "search_description": "Short answers to common questions about ketamine: how long the effects last, how "
    "long it shows in drug tests, and the risks of using it.",
    "standfirst": "Short answers to common questions about how long ketamine lasts, drug tests and risks.",
    "tags": ["faq", "risks", "law"],
    "body": [
        heading("Questions and answers", "questions"),
        faq(
            [
                (
                    "How long does ketamine stay in your body?",
                    "Ketamine has an elimination half-life of about 2 to 3 hours: the amount in the blood "
                    "halves in that time. The effects wear off long before the drug and its breakdown "
                    "products have left the body.",
                ),
                (
                    "Can a drug test detect ketamine?",
                    "Yes, if the test looks for it. How long it shows up depends on the test, the dose and "
                    "how often someone uses: urine tests typically detect it for a few days, blood tests "
                    "for a shorter time, and hair tests for much longer.",
                ),
                (
                    "Is ketamine addictive?",
                    "It can be. Regular use leads to tolerance and to psychological dependence, with "
                    "strong cravings. See our article on the signs of dependence.",
                ),
                (
                    "What are the biggest risks?",
                    "Accidents while unable to feel pain or move properly; dangerous effects when mixed "
                    "with alcohol or other depressants; and, with regular use, serious damage to the "
                    "bladder and kidneys.",
                ),
                (
                    "How does ketamine affect the brain?",
                    "It mainly blocks NMDA receptors, which handle signals carried by glutamate. That is "
                    "what causes pain relief and the detached, dream-like state.",
                ),
                (
                    "Isn't ketamine used to treat depression?",
                    "A related medicine, esketamine, is used for some hard-to-treat depression, given under "
                    "specialist supervision. Taking street ketamine is not the same and can make mood worse.",
                ),
                (
                    "Is ketamine legal?",
                    "Only as a prescribed or clinical medicine. It is a Class B drug in the UK and a "
                    "Schedule III controlled substance in the US.",
                ),
            ]
        ),
        callout(
            "urgent",
            "In an emergency",
            "Call 999 in the UK or 911 in the US if someone is unconscious, having trouble breathing, or "
            "has chest pain or a seizure.",
        ),
        helpline_cta("frank", "Have another question? Ask FRANK."),
    ],
}
