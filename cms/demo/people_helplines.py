"""Sample people and the GB/US helplines.

Helpline numbers come from the seed notes and are facts to verify before
production; every helpline's `notes` says so.
"""

from __future__ import annotations

VERIFY = "Demo data: verify the number, hours and cost before production."

PEOPLE = [
    {
        "name": "Sample Reviewer",
        "credentials": "MBBS, MRCPsych",
        "role": "Sample clinical reviewer (fictional, demo data)",
        "bio": "A fictional consultant in addiction psychiatry used for demo content. "
        "Replace with a real reviewer and their real credentials before launch.",
        "email": "sample.reviewer@example.org",
    },
    {
        "name": "Sample Author",
        "credentials": "",
        "role": "Sample health writer (fictional, demo data)",
        "bio": "A fictional writer used for demo content. Replace before launch.",
        "email": "sample.author@example.org",
    },
]

ALL_WEEK = range(7)

HELPLINES = [
    {
        "key": "frank",
        "name": "FRANK",
        "organisation": "FRANK (UK government drugs information service)",
        "country": "GB",
        "category": "drugs",
        "phone_number": "0300 123 6600",
        "text_number": "82111",
        "website": "https://www.talktofrank.com",
        "is_24_7": True,
        "time_zone": "Europe/London",
        # 0300 numbers are charged like 01/02 numbers (Ofcom), not free.
        "cost": "Charged like a call to an 01 or 02 number; often included in call bundles.",
        "languages": "English",
        "referral_disclosure": "Answered by FRANK's own advisers. This site is not paid for referrals.",
        "sort_order": 10,
    },
    {
        "key": "samaritans",
        "name": "Samaritans",
        "organisation": "Samaritans",
        "country": "GB",
        "category": "crisis",
        "phone_number": "116 123",
        "website": "https://www.samaritans.org",
        "is_24_7": True,
        "time_zone": "Europe/London",
        "cost": "Free from mobiles and landlines.",
        "languages": "English",
        "referral_disclosure": "Answered by Samaritans volunteers. This site is not paid for referrals.",
        "sort_order": 20,
    },
    {
        "key": "nhs111",
        "name": "NHS 111",
        "organisation": "NHS",
        "country": "GB",
        "category": "health",
        "phone_number": "111",
        "website": "https://111.nhs.uk",
        "is_24_7": True,
        "time_zone": "Europe/London",
        "cost": "Free from mobiles and landlines.",
        "languages": "English; interpreters available",
        "referral_disclosure": "Answered by NHS staff. This site is not paid for referrals.",
        "sort_order": 30,
    },
    {
        "key": "gb-emergency",
        "name": "Emergency services (999)",
        "organisation": "UK emergency services",
        "country": "GB",
        "category": "emergency",
        "is_emergency": True,
        "phone_number": "999",
        "is_24_7": True,
        "time_zone": "Europe/London",
        "cost": "Free.",
        "languages": "English; interpreters available",
        "sort_order": 0,
    },
    {
        "key": "sample-gb-service",
        "name": "Sample community drug service",
        "organisation": "Sample NHS trust (fictional, demo data)",
        "country": "GB",
        "category": "drugs",
        # Ofcom reserves 020 7946 0000-0999 for drama: this number reaches no one.
        "phone_number": "020 7946 0123",
        "is_24_7": False,
        "time_zone": "Europe/London",
        "opening_hours": [(day, "09:00", "17:00") for day in range(5)],
        "cost": "Local call rates.",
        "languages": "English",
        "referral_disclosure": "A fictional example of a local service with office hours.",
        "notes": "Fictional service with a drama-range number, to show opening hours.",
        "sort_order": 40,
    },
    {
        "key": "samhsa",
        "name": "SAMHSA National Helpline",
        "organisation": "Substance Abuse and Mental Health Services Administration",
        "country": "US",
        "category": "drugs",
        "phone_number": "1-800-662-4357",
        "website": "https://www.samhsa.gov/find-help/national-helpline",
        "is_24_7": True,
        "time_zone": "America/New_York",
        "cost": "Free and confidential.",
        "languages": "English, Spanish",
        "referral_disclosure": "A US government service. This site is not paid for referrals.",
        "sort_order": 10,
    },
    {
        "key": "988",
        "name": "988 Suicide & Crisis Lifeline",
        "organisation": "988 Suicide & Crisis Lifeline",
        "country": "US",
        "category": "crisis",
        "phone_number": "988",
        "text_number": "988",
        "website": "https://988lifeline.org",
        "is_24_7": True,
        "time_zone": "America/New_York",
        "cost": "Free.",
        "languages": "English, Spanish",
        "referral_disclosure": "Answered by trained crisis counsellors. This site is not paid for referrals.",
        "sort_order": 20,
    },
    {
        "key": "us-emergency",
        "name": "Emergency services (911)",
        "organisation": "US emergency services",
        "country": "US",
        "category": "emergency",
        "is_emergency": True,
        "phone_number": "911",
        "is_24_7": True,
        "time_zone": "America/New_York",
        "cost": "Free.",
        "languages": "English; interpreters available",
        "sort_order": 0,
    },
]


# Fictional callback requests, so the admissions queue is not empty in the
# demo. The numbers are in Ofcom's drama range (07700 900000-900999).
CALLBACKS = [
    {
        "name": "Sample caller A",
        "phone": "+447700900101",
        "preferred_time": "Weekday evenings",
        "message": "Demo data: asking about support for a family member.",
        "status": "new",
    },
    {
        "name": "Sample caller B",
        "phone": "+447700900202",
        "preferred_time": "Mornings",
        "message": "Demo data: asking about treatment options.",
        "status": "contacted",
    },
]
