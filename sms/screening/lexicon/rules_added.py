"""Crisis patterns added by concept after the first (suicide, self-harm,
overdose and medical), and the second round of writers' concepts."""

from __future__ import annotations

from sms.screening.lexicon.exceptions import (
    ACCIDENTS,
    EXERCISE,
    FIGURATIVE,
    QUITTING,
    TOPIC,
    WANTING_THE_HABIT_TO_STOP,
)
from sms.screening.lexicon.words import MEDICAL, OVERDOSE, SELF_HARM, SUICIDE

# --- Built-in crisis patterns ---------------------------------------------------
# (category, pattern, patterns that cancel it[, patterns one of which must
# also be in the text]). A match is an emergency unless a frame (`frames`) says
# otherwise.
RULES: tuple[tuple, ...] = (
    # --- Added concepts: suicide
    # Means: a rope or ligature, with a person or a time.
    (
        SUICIDE,
        "rope|noose|ligature",
        (
            "skipping",
            "ropes",
            "climbing",
            "rope swing",
            "jump rope",
            "tug",
            "knots",
            "boat",
            "tow",
            "end of my rope",
            "end of the rope",
            *FIGURATIVE,
        ),
        ("@self|@known|@now|bought|got|have|tied|tie|hung|use it|ready",),
    ),
    # A plan made, a mind made up, everything needed.
    (
        SUICIDE,
        "have a plan|got a plan|made a plan|have decided|made up my mind|my mind is made up|mind is made up|"
        "everything i need to|all i need to|have everything i need|got everything i need ... do it|doing it|"
        "go through with it|end it|tonight|today|this weekend|when everyone|once everyone",
        (*QUITTING, "tell", "talk", "rehab", "service", "appointment", "gp", "doctor", "holiday", "exam"),
    ),
    (
        SUICIDE,
        "do it|doing it|going through with it|go through with it ... tonight|when everyone|while everyone|"
        "once everyone|after everyone|before anyone|sunday|monday|tuesday|wednesday|thursday|friday|saturday|"
        "this weekend|when my|when he is|when she is|when they are",
        (
            *QUITTING,
            "homework",
            "washing",
            "laundry",
            "dishes",
            "essay",
            "revision",
            "shopping",
            "tattoo",
            "exam",
        ),
        (
            "sorry|goodbye|decided|made up|plan|can not|anymore|nobody|no one|phone off|for good|last|ready|"
            "scared|really going to|actually going to|asleep|i am not|not fine",
        ),
    ),
    # Death on the mind.
    (
        SUICIDE,
        "hanging|dying|death|suicide|killing myself|ending it|ending my life|jumping ... on my mind|"
        "all i think about|all i can think about|can not stop thinking about|the only thing i think about",
        (*FIGURATIVE, *TOPIC, "hanging out", "hanging around"),
    ),
    # Something tied round the neck.
    (
        SUICIDE,
        "belt|rope|cord|scarf|wire|cable|ligature|noose|tie ... round|around ... neck",
        (*FIGURATIVE, "necklace", "chain", "lanyard"),
    ),
    # Means in view, and how easy it would be.
    (
        SUICIDE,
        "how easy|so easy|easy it would be|easy way out",
        (*FIGURATIVE, *QUITTING),
        ("pills|tablets|knife|blade|rope|bridge|jump|end|die|it all|gone|train|roof",),
    ),
    # Voices, or one's own head, saying do it.
    (
        SUICIDE,
        "voices|voice|my head|my brain|my mind|something ... telling me to|tells me to|keep telling me to|"
        "keeps telling me to|told me to ... do it|kill|die|end|hurt|jump|cut|hang",
        (*FIGURATIVE,),
    ),
    # Researching how.
    (
        SUICIDE,
        "looked up|researched|googled|searched|reading up on|read up on ... how to do it|how to die|how to end|"
        "how to kill|ways to die|ways to end|methods|lethal|how much it would take|how many it would take",
        (*FIGURATIVE, *TOPIC),
    ),
    # Affairs put in order.
    (
        SUICIDE,
        "affairs in order|my will out|written my will|wrote my will|sorted my will|doing my will|made my will|"
        "sorted out my bank|left my passwords|wrote down my passwords|who gets my|sorted his will|sorted her will|"
        "done his will|written his will|wrote his will|made his will",
        (
            "power of attorney|probate|with the bank|moving house|house move|estate agent",
            *FIGURATIVE,
            "house sale|sale|selling|moving|move|solicitor|retire*|wedding|divorce",
        ),
    ),
    # The last thing they will ever send.
    (
        SUICIDE,
        "last thing|last message|last text|last words ... ever|will ever|going to send|i will send|i send",
        (*FIGURATIVE, *QUITTING, "dealer"),
    ),
    (
        SUICIDE,
        "pain to end|pain to stop|it to end|it to be over|it over|it all to end|it to stop|it all to stop|"
        "everything to stop ... permanently|for good|forever|"
        "for ever",
        (
            *FIGURATIVE,
            *WANTING_THE_HABIT_TO_STOP,
            "quit|quitting|clean|sober",
        ),
    ),
    # On the way to a place to die.
    (
        SUICIDE,
        "going to|on my way to|heading to|walking to|driving to|going down to|going up to ... bridge|cliffs|"
        "cliff|tracks|train line|railway|river|canal|multistorey|roof",
        (
            "club",
            "walk",
            "bbq",
            "picnic",
            "view",
            "sunset",
            "swim*",
            "dog",
            "run",
            "cycle",
            "bike",
            "quiz",
            "with my",
            "with friends",
            "with mates",
            "which way",
            *FIGURATIVE,
        ),
        (
            "do not call|do not tell|do not try|do not bother|do not look|no one|nobody|goodbye|sorry|alone|"
            "for the last|jump|end it|tonight|right now|now|last time",
        ),
    ),
    (
        SUICIDE,
        "do not try to stop me|do not try and stop me|no one can stop me|nobody can stop me|"
        "nothing will stop me|you can not stop me|no one is stopping me",
        (
            *FIGURATIVE,
            "ketamine|drugs|habit|addiction|using|quit*|clean|sober",
            "rehab",
            "gym",
            "diet",
            "meeting",
            "going out",
            "party",
            "shopping",
        ),
    ),
    (
        SUICIDE,
        "know before i go|say before i go|someone to know|before i do it|before i die|before i end it|"
        "before i am gone",
        (*FIGURATIVE, *QUITTING, "bucket list", "things to do", "want to see", "visit"),
        ("goodbye|love|sorry|thank|tonight|now|wanted|just|someone",),
    ),
    (
        SUICIDE,
        "its time|it is time ... i am done|i am ready|to go now|to say goodbye|goodbye",
        (
            *FIGURATIVE,
            *QUITTING,
            "for me to get",
            "for bed",
            "to go home",
            "to go to bed",
            "get help",
            "to talk",
            "party",
            "work",
        ),
    ),
    (
        SUICIDE,
        "can not|could not|do not think i can|not sure i can|not going to|unable to ... hold on|hang on|"
        "keep fighting|fight this|fight it|fight ... much longer|any longer|anymore|any more|for much",
        (*FIGURATIVE, *QUITTING, "job", "relationship", "money", "bladder", "wee", "pee", "loo", "toilet"),
    ),
    # Hating life, wanting out of it.
    (
        SUICIDE,
        "want out|want it to end|want it over|want it all to end|want this to end|want it to stop|"
        "want everything to end|want to leave",
        (
            "ruining my life|ruined my life|taking over my life|taken over my life|ruining everything",
            *FIGURATIVE,
            *WANTING_THE_HABIT_TO_STOP,
            "this job|the job|job interview|job application|applying for|new job|job hunting|out of this job",
            "relationship",
        ),
        ("life|living|alive|everything|exist*|world|anymore|hate myself|worthless|can not do this",),
    ),
    # Attempted just now.
    (
        SUICIDE,
        "@self ... attempted|attempt|tried it",
        (
            *FIGURATIVE,
            "exam",
            "test",
            "recipe",
            "to call",
            "to ring",
            "quit",
            "to stop",
            "cut down",
            "driving",
        ),
        ("tonight|today|just|earlier|hour|again|now|failed",),
    ),
    # The last night, not here by morning.
    (
        SUICIDE,
        "tonight is my last|today is my last|this is my last day|my last night on earth|my last day on earth|"
        "last day alive|tonight is the night|last night on this earth",
        (
            "shift",
            "day at",
            "night at",
            "night in",
            "day in",
            "day of",
            "exam",
            "job",
            "work",
            "holiday",
            "contract",
            "the night i tell|the night i ask|the night i quit|the night i stop|wish me luck",
            *QUITTING,
        ),
    ),
    (
        SUICIDE,
        "not be here|not be around|not be alive|not going to be here|not going to be around|be gone ... "
        "by morning|by the morning|by tomorrow|tomorrow|much longer|for long|after tonight|by the weekend|by monday",
        (
            "holiday",
            "away",
            "trip",
            "at work",
            "office",
            "visiting",
            "staying",
            "at my",
            "at the",
            "class",
            "group",
            "session",
            "appointment",
            "because",
            "can you",
            "text me",
            "call me",
            "ring me",
            "see you",
            "speak",
            "talk",
            *FIGURATIVE,
        ),
    ),
    # Reunited with someone who has died.
    (
        SUICIDE,
        "be with|join|see ... @known|him|her|dad|mum|nan|grandad ... again|in heaven|up there|soon|now",
        (*FIGURATIVE,),
        ("gone|died|passed|heaven|dead|lost|tonight|can not do this",),
    ),
    # Everyone better off once I am dead.
    (
        SUICIDE,
        "better|happier|easier|off|relieved ... if i died|if i was dead|if i were dead|if i die|when i die|"
        "when i am dead|if i was gone|if i disappeared|if i did not exist|if i was not here|if i was not around|"
        "if i was never born|once i am gone|when i am gone",
        (*FIGURATIVE,),
    ),
    # A weapon or the means held to the body.
    (
        SUICIDE,
        "knife|blade|gun|rope|belt|cord|pills|tablets|scarf ... to my throat|to my neck|round my neck|"
        "around my neck|to my head|to my chest|in my hand|in my hands|in my mouth",
        ("cooking", "chopping", "kitchen", "vitamin*", "prescribed", "doctor", *FIGURATIVE),
    ),
    # No way out but death.
    (
        SUICIDE,
        "way out|option|options|choice|answer|solution|escape ... except|apart from|other than|but|besides ... "
        "die|dying|death|dead|suicide|killing myself|ending it|end it",
        (*FIGURATIVE,),
    ),
    # Not safe with oneself.
    (
        SUICIDE,
        "do something stupid|something stupid to myself|do something to myself|do something bad to myself|"
        "not feel safe with myself|not safe with myself|not feel safe around myself|not safe from myself|"
        "not feel safe tonight|do not trust myself|can not trust myself|not trust myself|"
        "can not keep myself safe|not keep myself safe",
        (*QUITTING, "ex", "text", "money", "spend", "buy", "shopping", "drink", *FIGURATIVE),
    ),
    # Asking how, for oneself: a method question is never just information.
    (
        SUICIDE,
        "painless way|painless ways|quickest way to die|easiest way to die|quick way to die|best way to die|"
        "best way to kill|way to kill myself|way to kill yourself|ways to kill|ways to die|how to kill myself|"
        "how to end my life|how to commit suicide|how do i kill myself|how can i kill myself|way to end it|"
        "way to end my life|least painful way|most painless|way to go quickly",
        (*FIGURATIVE, "game", "minecraft", "character"),
    ),
    (
        SUICIDE,
        "how much|how many|what dose|what amount|the amount of|amount of ... would kill me|to kill me|"
        "could kill me|will kill me|stop your heart|would stop my heart|"
        "to kill myself|would it take to die|does it take to die|to die|is lethal|would be lethal|lethal dose|"
        "fatal dose|to be fatal|would be fatal|stop my heart|is fatal|are fatal|fatal amount|lethal amount",
        (*FIGURATIVE,),
        (
            "@self|@urgent|i have|i have got|do not want help|i just want to know|asking for me|i want it to|"
            "asking because|asking cos",
        ),
    ),
    # An overdose meant.
    (
        SUICIDE,
        "overdose|overdosed|overdosing|take|took|taken|taking|swallow*|have|had ... on purpose|deliberately|"
        "intentionally|purposely",
        ("not on purpose", "did not mean", "by accident", "accidentally", *FIGURATIVE),
    ),
    # A car as the means.
    (
        SUICIDE,
        "drive|driving|crash|crashing|steer|swerve ... into a wall|into a tree|into a lorry|into traffic|"
        "into the river|off the road|off a cliff|off the bridge|on purpose",
        (*FIGURATIVE,),
    ),
    # Death as the way out.
    (
        SUICIDE,
        "death|dying|die|suicide|killing myself|ending it|end it ... only way|only option|only answer|"
        "only solution|only escape|the answer",
        (*FIGURATIVE, *QUITTING),
    ),
    # Goodbye messages: gone by the time it is read, never heard from again.
    (
        SUICIDE,
        "by the time you read this|by the time you get this|when you read this|when you get this|"
        "never hear from me again|never see me again|never hear from him again|never hear from her again|"
        "last time you will ever|last time i will ever|last time anyone will|last time anyone hears|"
        "last time i will hear|last time you will hear|last time i will see|last time you will see",
        (*FIGURATIVE,),
    ),
    (
        SUICIDE,
        "ill be gone|i will be gone|ill be dead|i will be dead|ill already be|i will already be|be dead by|"
        "be gone by the morning|be gone by tomorrow",
        (
            "for the",
            "for a",
            "for two",
            "for 2",
            "for few",
            "till",
            "until",
            "holiday",
            "away",
            "weekend",
            "back",
            "will kill me",
            "going to kill me",
            "on my feet|before they fix|dead tired",
            *FIGURATIVE,
        ),
    ),
    # Apologies and love left behind.
    (
        SUICIDE,
        "tell|let ... i am sorry|im sorry|i love her|i love him|i love them|i love you|i loved",
        (
            "going to tell|gonna tell|should tell|should i tell|how do i tell|how to tell|never tell|for once|birthday|valentines|anniversary|mothers day|fathers day",
            "late",
            "for being",
            "for not",
            "about",
            "missed",
            "forgot",
            "can not make it",
            "die of boredom|of boredom|boredom|die of cringe",
            "running",
            *FIGURATIVE,
        ),
        ("@self|@known|mum|dad|everyone|sister|brother",),
    ),
    (
        SUICIDE,
        "none of this is|this is not|it is not|its not ... anyones fault|your fault|nobodys fault|anybodys fault",
        ("he|she|they|his|her|their", "relapse*", "addict*", "using", "drugs", "ketamine", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "sorry for everything ... love|goodbye|bye|forgive|after this|doing it|do it|phone off",
        (*FIGURATIVE,),
    ),
    # Ready to go, at peace: finality.
    (
        SUICIDE,
        "ready to go|ready now|ready for it|made my peace|made a decision|made my decision|made the decision ... "
        "not scared|not afraid|no longer scared|no longer afraid|at peace|goodbye|bye|calm|peaceful",
        (*FIGURATIVE, "rehab|detox|quit*|leave him|leave her|job|move|moving|uni|course|clean|sober"),
    ),
    (
        SUICIDE,
        "leave this world|leaving this world|leave this earth|leaving this earth|not be in this world|"
        "not in this world much longer",
        (*FIGURATIVE,),
    ),
    # --- Added concepts: self-harm
    (
        SELF_HARM,
        "cut|cutting|cuts|slit|slitting|sliced|slicing|slash*|stab|stabbed|stabbing|bit|bite|biting|stub*|"
        "dragging|dragged|scraping|scraped|"
        "scald*|pour*|burn*|carved|carving|carve|hit|hitting|punch*|bang*|smash*|whack*|headbutt*|scratch*|"
        "gouge*|dig|digging|dug ... my @body_part|my head|myself|into my|on my",
        (*ACCIDENTS, "cut my hair", "cutting my hair", "fringe", "tattoo", *FIGURATIVE),
    ),
    (
        SELF_HARM,
        "cut|cutting|slit|slitting|sliced|slicing|slash*|carved|carving|stabbed|stabbing|burning|burnt|hurt|"
        "hurting|harming|harmed|hitting|punching ... himself|herself|themselves|his @body_part|her @body_part|"
        "their @body_part",
        (*ACCIDENTS, "hair", "fringe", "fell", "falling", "slipped", "trip", *FIGURATIVE),
        (
            "@known|@now|again|blood|bleeding|deep|is sat|is sitting|sat in|sitting in|came to get me|"
            "in the stairwell|in the toilets|in the bathroom",
        ),
    ),
    (
        SELF_HARM,
        "@self|my|myself ... on purpose|deliberately|intentionally|purposely",
        ("not on purpose", *FIGURATIVE),
        (
            "cut*|burn*|hit*|punch*|bang*|scald*|pour*|held|hold*|pressed|scratch*|bit|bite|biting|stab*|hurt*|harm*",
        ),
    ),
    (
        SELF_HARM,
        "cut|cuts|wound|wounds|slit|gash|gashes|sliced ... deep|gaping|stitches|will not stop|not stopping|"
        "bleeding|stitch",
        (
            *ACCIDENTS,
            "haircut",
            "hair cut",
            "finger",
            "knee",
            "glass",
            "comment",
            "words",
            "said",
            "cuts deep",
        ),
        ("@self|my|just|again|need|needs|help|tonight|now|this time|fresh|still",),
    ),
    (
        SELF_HARM,
        "need to bleed|want to bleed|need to see blood|want to see blood|need the pain|need to feel pain|"
        "deserve the pain|deserve to bleed|deserve to hurt",
        (*FIGURATIVE,),
    ),
    (
        SELF_HARM,
        "fresh cuts|fresh cut|new cuts|covered in cuts",
        (*ACCIDENTS, *FIGURATIVE),
        ("still|again|now|tonight|keep|going|bleeding|blood|just",),
    ),
    (
        SELF_HARM,
        "urge|urges ... too strong|so strong|really strong|so bad|unbearable|can not fight|can not resist|winning",
        (*FIGURATIVE,),
        ("cut|cutting|harm|hurt|sh|blade|burn",),
    ),
    (
        SELF_HARM,
        "with a blade|with the blade|with my blade|with a razor|with my razor|with the razor|with a knife|"
        "razor blade|razor blades|blade out|blades out|razor out|blade next to|blade beside",
        (
            "shave",
            "shaving",
            "legs",
            "beard",
            "cooking",
            "chopping",
            "kitchen",
            "carpet",
            "stanley",
            "craft",
            "cardboard",
            "box",
            "work",
        ),
        ("@self|@known|@now|again|bathroom|bedroom|locked|use it|going to",),
    ),
    (
        SELF_HARM,
        "biting|bite|bit|picking|scraping|scrubbing|stabbing|slicing|butting|headbutting|hitting|banging|"
        "punching|scratching|cutting ... till it bleeds|until it bleeds|till they bleed|until they bleed|"
        "till i bleed|until i bleed|bleeds|bled|bleed|the wall|the floor|the door|the mirror",
        (*ACCIDENTS, *FIGURATIVE),
    ),
    # --- Added concepts: overdose and medical
    (
        OVERDOSE,
        "took|taken|swallowed|necked|had|taking ... whole prescription|all my prescription|in one go|all at once|"
        "a months worth|a weeks worth|whole box|whole bottle|whole strip|whole pack",
        (*FIGURATIVE, "exams", "days off", "holiday"),
    ),
    (
        OVERDOSE,
        "put|slipped|dropped ... something|stuff|a pill|pills ... in my drink|in her drink|in his drink|"
        "in our drinks|in my glass",
        (*FIGURATIVE,),
    ),
    (
        MEDICAL,
        "gasping for air|gasping for breath|fighting for breath|struggling for air|can not get air|"
        "can not get any air|no air",
        ("fag", "cigarette", "smoke", "pint", "drink", "brew", *FIGURATIVE),
    ),
    (
        MEDICAL,
        "not coming round|not coming around|will not come round|can not bring him round|can not bring her round|"
        "not come round",
        (*FIGURATIVE,),
    ),
    (
        OVERDOSE,
        "took|taken|take|swallowed|necked|popped|downed|had|done|ate|eaten|eat ... @many ... pills|tablets|tabs|paracetamol|"
        "painkillers|ibuprofen|co codamol|codeine|tramadol|sleeping|xanax|xans|benzos|diazepam|valium|of them|"
        "of my|of his|of her|of those|pregabalin|gabapentin|antidepressants|sertraline|citalopram|zopiclone|"
        "propranolol|aspirin",
        (
            "a day",
            "a week",
            "a month",
            "prescribed",
            "every",
            "over",
            "since",
            "years",
            "months",
            *FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "hit|banged|smashed|cracked|knocked|bashed ... head",
        (*FIGURATIVE,),
        (
            "confused|being sick|vomiting|throwing up|not making sense|bleeding|blood|drowsy|sleepy|knocked out|"
            "unconscious|passed out|fitting|will not wake|seizure|can not remember|slurring",
        ),
    ),
    # --- Round 2 concepts (from the third and fourth writers' tuning texts)
    (
        SUICIDE,
        "not coming back|not coming home|not going home|will not be coming back|for the last time|"
        "last night on earth|only one way out|only way out|one way out|letting go|let go for good|"
        "finish the job|do it this time|i am going to do it|picked a date|a plan and the means|"
        "got a plan|have a plan|plan again|once i am gone|when they find me|checking out|stay with me while i die|"
        "not worth saving|better place without me|better off with the|goodbye text|goodbye message|"
        "not be a burden much longer|not being a burden much longer|not be a burden for long|"
        "not going to be a burden|"
        "texted all of us goodbye|sent me a goodbye|sent us a goodbye|joining my",
        (
            "staying at",
            "stay at",
            "sleeping at",
            "crashing at",
            "party",
            "festival",
            "holiday",
            "hotel",
            "this weekend",
            "checking out the",
            "checking out of",
            "tea",
            "joining my mates",
            "joining my friends",
            "gym",
            "plan to cut|plan to stay|plan to quit|plan to stop|plan for the|plan for my|plan with my|plan is to",
            "do it anyway|safest|safer way",
            "moving to|leaving do|coworker|colleague|of sorts|will not need the service",
            # "Last night on earth" before a trip or a term: a night out.
            "vibes|see you all|do not wait up|before exams|before i go back|before uni|before work",
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "way to|going to|heading to|on my way to|at the|getting the train to|driving to|walking to|walking into|"
        "into the|walked out to|walked to|walking out to|drove to|driven to|got the bus to|getting the bus to ... "
        "cliffs|cliff|beachy head|loch|river|sea|woods|railway|tracks|quarry|car park roof|bridge|beach",
        ("holiday", "walk the dog", "picnic", "swim", "tomorrow", "with my", "lol", "fishing"),
        (
            "@now|tonight|not|sorry|goodbye|last|bottle|pills|everything|really|told|lied|instead|battery|alone|"
            "dark|thinking about",
        ),
    ),
    (
        SUICIDE,
        "gonna take everything|going to take everything|take everything i|swallowed all of them|"
        "swallowed them all|stockpiling|stockpiled|on purpose|gun ... on himself|on herself|on myself",
        ("by accident", "not on purpose", "learned|learnt|advice|on board|group", *FIGURATIVE),
    ),
    (
        SELF_HARM,
        "razor|razors|blade|blades|glass|key|spoon|hammer|lighter|compass|scissors ... on my|into my|"
        "my thighs|my arms|my legs|my skin|her arms|his arms|her legs|his legs",
        ("cooking", "shaving", "by accident", "accidentally", "dropped", *FIGURATIVE),
    ),
    (
        SELF_HARM,
        "clawing|scratching|pulling my hair|picking ... can not stop|till|until|raw|open|bleed|wont stop|"
        "will not stop|right now",
        ("itch", "eczema", "mosquito", "bites", *FIGURATIVE),
    ),
    (SELF_HARM, "deserve pain|deserve to hurt|deserve to bleed|deserve the pain", ()),
    (
        OVERDOSE,
        "eaten some|ate some|got into|swallowed some|wrong dose|bigger dose|old amount|more than usual|"
        "dunno how many|do not know how many|not sure how much|too much of something|way too much of|"
        "injected ... twice|took ... twice|3 times as much|double dose|nodding out|think it is poison|"
        "been spiked|has been spiked|spiked at|spiked me|poisoned by",
        ("food poisoning", "last year", "years ago", *FIGURATIVE),
        (
            "@now|@unwell|@known|@self|not ok|not right|losing it|pills|tablets|toddler|child|daughter|son|year old",
        ),
    ),
    (
        MEDICAL,
        "one side of his face|one side of her face|one side of my face|numb on one side|face looks wrong|"
        "can not lift his|can not lift her|can not lift my|speech is weird|speech is slurred|slurring his words|"
        "slurring her words|face is drooping|slumped|stiff as a board|went stiff|gone stiff|shook him and nothing|"
        "shook her and nothing|lying in the street|is choking|choking at|choking on|is having a fit|hit her head|"
        "hit his head|hit my head",
        (
            "had me choking|on my pint|comedian",
            "last year",
            "years ago",
            "coffee|tea|drink",
            *EXERCISE,
            *FIGURATIVE,
        ),
        ("@now|@unwell|@known|@self|someone|stranger|little one|not moving|nothing|one side",),
    ),
)
