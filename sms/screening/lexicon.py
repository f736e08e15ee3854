"""What the screener knows: word classes, the risk words it forgives typos
in, the built-in crisis patterns, and the frames that make a match not an
emergency (a question asking for information, a past or resolved event).

Every entry is written in plain words (`sms.text.words` has already spelt
out txt-speak) in the pattern language of `sms.screening.patterns`. Editors
add patterns in the admin with the same syntax and classes.
"""

from __future__ import annotations

OVERDOSE, MEDICAL, SUICIDE, SELF_HARM = "overdose", "medical", "suicide", "self_harm"

# --- Word classes (@name in a pattern) ---------------------------------------

_PEOPLE = [
    "friend",
    "friends",
    "mate",
    "mates",
    "pal",
    "buddy",
    "boyfriend",
    "girlfriend",
    "partner",
    "husband",
    "wife",
    "fiance",
    "fiancee",
    "son",
    "daughter",
    "kid",
    "kids",
    "child",
    "baby",
    "brother",
    "sister",
    "mum",
    "dad",
    "mother",
    "father",
    "stepdad",
    "stepmum",
    "cousin",
    "uncle",
    "aunt",
    "auntie",
    "nan",
    "nana",
    "gran",
    "grandad",
    "grandma",
    "grandpa",
    "flatmate",
    "housemate",
    "roommate",
    "neighbour",
    "colleague",
    "lad",
    "guy",
    "girl",
    "fella",
    "bloke",
    "man",
    "woman",
]

_KNOWN = (
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "he is",
    "she is",
    "they are",
    *(f"my {person}" for person in _PEOPLE),
    *(f"my best {person}" for person in ("friend", "mate")),
    *(f"{article} {person}" for article in ("this", "the", "our", "his", "her") for person in _PEOPLE),
)

CLASSES: dict[str, tuple[str, ...]] = {
    "self": ("i", "me", "myself", "i am", "i have", "i just", "i think i"),
    # Someone the texter is with or knows: a real person, not "someone".
    "known": _KNOWN,
    "other": (*_KNOWN, "someone", "somebody", *(f"a {person}" for person in _PEOPLE), *_PEOPLE),
    "drug": [
        "ketamine",
        "k",
        "special",
        "k",
        "mdma",
        "md",
        "molly",
        "pills",
        "pill",
        "tablets",
        "tabs",
        "xanax",
        "xans",
        "xan",
        "benzos",
        "valium",
        "diazepam",
        "alcohol",
        "drink",
        "vodka",
        "coke",
        "cocaine",
        "crack",
        "heroin",
        "smack",
        "gear",
        "fent",
        "fentanyl",
        "opioids",
        "oxy",
        "tramadol",
        "codeine",
        "paracetamol",
        "ibuprofen",
        "meds",
        "medication",
        "g",
        "ghb",
        "gbl",
        "spice",
        "weed",
        "acid",
        "lsd",
        "meth",
        "ecstasy",
        "pingers",
        "nitrous",
        "morphine",
        "methadone",
        "sleeping",
        "stash",
        "bag",
        "lines",
        "keys",
        "bumps",
        "grams",
        "stuff",
        "something",
        "everything",
    ],
    # Ways a text says "this is happening now".
    "now": (
        "right now",
        "now",
        "tonight",
        "at the moment",
        "currently",
        "please help",
        "help me",
        "help",
        "what do i do",
        "what do we do",
        "what should i do",
        "what should we do",
        "ambulance",
        "999",
        "911",
        "000",
        "112",
        "asap",
        "quick",
        "urgent",
        "omg",
        "scared",
        "panicking",
        "freaking out",
    ),
    # Words that say "this is happening to me now" even inside a question.
    "urgent": (
        "right now",
        "tonight",
        "please help",
        "help me",
        "what do i do",
        "what do we do",
        "what should i do",
        "what should we do",
        "asap",
        "urgent",
        "omg",
        "scared",
        "panicking",
        "freaking out",
    ),
    # How people describe someone who is not OK after taking something.
    "unwell": tuple(
        [
            "acting strange",
            "acting weird",
            "being weird",
            "drowsy",
            "nodding off",
            "going under",
            "sick",
            "vomiting",
            "throwing up",
            "puking",
            "twitching",
            "can not talk",
            "can not speak",
            "not talking",
            "not making sense",
            "mumbling",
            "slurring",
            "gone",
            "ill",
            "feel wrong",
            "feels wrong",
            "feel really wrong",
            "feel weird",
            "feels weird",
            "feel strange",
            "feel funny",
            "feel so bad",
            "feel really bad",
            "scared",
            "panicking",
            "dizzy",
            "can not see",
            "can not stand",
            "can not move",
            "can not feel",
            "confused",
            "shaking",
            "sweating",
            "burning up",
            "pale",
            "grey",
            "blue",
            "out of it",
            "heart",
            "chest",
            "breathing",
            "breathe",
            "numb",
            "hallucinating",
            "help",
            "please",
            "what do i do",
            "ambulance",
            "hospital",
            "not responding",
            "will not respond",
            "passing out",
            "passed out",
            "collapsed",
            "floppy",
            "eyes",
            "can not get him",
            "can not get her",
            "not right",
            "weird",
            "strange",
            "wrong",
            "fitting",
            "seizure",
            "unconscious",
            "dying",
            "die",
            "going to die",
            "k hole",
            "can not tell",
            "cold",
            "clammy",
            "talk properly",
            "drooling",
            "dribbling",
            "head up",
        ]
    ),
    "body_part": [
        "arm",
        "arms",
        "wrist",
        "wrists",
        "leg",
        "legs",
        "thigh",
        "thighs",
        "skin",
        "stomach",
        "hand",
        "hands",
        "face",
        "body",
        "chest",
        "neck",
    ],
}

# --- Risk words: the only words typos are forgiven in -------------------------

# canonical word -> misspellings too far from it for the edit-distance check.
RISK_WORDS: dict[str, tuple[str, ...]] = {
    "unconscious": ("unconsious", "unconcious", "unconsciouss", "unconsius"),
    "unresponsive": ("unresponcive", "unresposive"),
    "breathing": ("breathin", "breating", "brething", "breahting", "brethin", "breathng"),
    "breathe": ("breath", "breth", "brethe", "breate"),
    "overdose": ("overdoes", "ovedose", "overdos", "overdoze", "odose", "overdoce"),
    "overdosed": ("overdoesed", "overdozed", "ovedosed", "overdossed"),
    "overdosing": ("overdozing", "ovedosing"),
    "seizure": ("siezure", "seizer", "seizur", "seasure", "sezure", "seisure", "siezur"),
    "seizures": ("siezures", "seizers"),
    "seizing": ("siezing", "seising"),
    "suicide": ("sucide", "suicde", "suiside", "sucicide", "suiside"),
    "suicidal": ("sucidal", "suicdal", "suicidle", "suisidal", "suicidial"),
    "collapsed": ("colapsed", "collasped", "collapsd"),
    "convulsing": ("convulsin", "convulsting"),
    "ambulance": ("ambulence", "ambulanse", "ambulane", "amberlance"),
    "poisoned": ("poisened", "poisond"),
    "choking": ("chokeing", "chocking", "choaking"),
    "myself": ("meself", "mysel", "myslef"),
    "fitting": ("fiting", "fittin", "fitin"),
    "killing": ("kiling", "killin", "kilin"),
    "kill": ("kil",),
}

# --- Built-in crisis patterns ---------------------------------------------------
# (category, pattern, patterns that cancel it[, patterns one of which must
# also be in the text]). A match is an emergency unless a frame below says
# otherwise.

_FIGURATIVE = ("lol", "lmao", "lmfao", "haha*", "hehe*", "jk", "joking", "laugh*", "rofl")
_QUITTING = (
    "ketamine|k|drugs|habit|addiction|use|using|cravings|craving|relationship|drinking|it with|quit|quitting|"
    "stop|stopping|clean|sober|off it|off ketamine|for good with"
)
_TAKE = (
    "took|taken|take|taking|had|done|did|doing|snorted|sniffed|swallowed|necked|dropped|drank|drunk|injected|"
    "mixed|mixing|bumped|bumping|railed|ate|eaten|popped|used"
)
_TOO_MUCH = (
    "too much|too many|to much|to many|way too|far too|2 much|2 many|way more|much more than|more than i meant|"
    "more than i should|more than usual|the whole|a whole|all of|all my|all the|all his|all her|everything|"
    "double|triple|handful|fistful|a pile|a load|loads|an entire|a full|bottle|packet|box"
)

BUILT_IN_RULES: tuple[tuple, ...] = (
    # --- Overdose and poisoning
    (
        OVERDOSE,
        f"{_TAKE} ... {_TOO_MUCH}",
        (
            "every",
            "always",
            "weekends",
            "usually",
            "often",
            "regularly",
            "daily",
            "a day",
            "a week",
            "lately",
            "these days",
            "for years",
            "habit",
            "do not",
            "how much",
            "how many",
            "all the time",
            "all my life",
            "all day",
            "all night",
            "everything i can",
            "all of a sudden",
            *_FIGURATIVE,
        ),
    ),
    (
        OVERDOSE,
        f"{_TAKE} ... @drug|them|it|some|of|pills|tablets|a load|loads",
        (*_FIGURATIVE,),
        ("@unwell",),
    ),
    (
        OVERDOSE,
        "overdos*|overdid|overdone|overdoing ... @drug|it",
        ("overdose it", "overdid it at", *_FIGURATIVE),
    ),
    (
        OVERDOSE,
        "overdos*",
        ("overdose it", "chocolate", "netflix", "sugar", "caffeine", "coffee", "perfume", *_FIGURATIVE),
        ("@self|@known|@now",),
    ),
    (OVERDOSE, "i have odd|has odd|have odd|had odd|just odd|i odd|odd on|odd off|think i odd", ()),
    (OVERDOSE, "@self|@other ... poisoned|poisoning|spiked", ("food poisoning",)),
    (OVERDOSE, "drink|drinks|drug|drugged ... spiked|drugged", ()),
    # --- Medical emergencies
    (
        MEDICAL,
        "can not|could not|will not|would not|not|unable to|trying to|tried to|try to ... wake|waking|rouse|"
        "respond|responding|react|reacting|answer|answering|open his eyes|open her eyes|opening",
        (
            "i can not wake up",
            "i could not wake up",
            "i do not wake up",
            "i will not wake up",
            "hard to wake",
            "in the morning",
            "mornings",
            "texts",
            "messages",
            "calls",
            "phone",
            "to not wake up",
            "and not wake up",
            "never wake up",
            "hope i",
            "wish i",
            "want to",
        ),
    ),
    (
        MEDICAL,
        "@self|@other ... unconscious|unresponsive|passed out|out cold|knocked out|blacked out|collapsed|"
        "collapse|fainted|keeled over|floppy|limp|not moving|will not move|can not move|dribbling|cold to touch|"
        "cold and clammy|clammy",
        (*_FIGURATIVE,),
    ),
    (MEDICAL, "unconscious|unresponsive|out cold|keeled over", (*_FIGURATIVE,)),
    (
        MEDICAL,
        "not|can not|could not|barely|hardly|stopped|stop|stopping|stops|struggling|struggle|trouble|"
        "difficulty|hard|slow|slowly|shallow|weird|funny|strange|gasping|no ... breath*",
        (
            "nose",
            "nostril",
            "running",
            "gym",
            "stairs",
            "packed",
            "crowded",
            "a word",
            "breath of",
            "breathe easy",
            "song",
            "too good",
            "so good",
            "cute",
            "film",
            *_FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "breath* ... slow|slowly|shallow|weird|funny|strange|stopped|stopping|rattling|rattly|gurgling|"
        "snoring|gasping|odd|wrong|irregular|noisy",
        ("nose", "nostril", *_FIGURATIVE),
    ),
    (MEDICAL, "snoring|gurgling|rattling ... weird|loud|strange|funny|can not|will not|not", (*_FIGURATIVE,)),
    (MEDICAL, "@self|@other ... choking|choke|chokes", ("words", "interview", "drink", *_FIGURATIVE)),
    (
        MEDICAL,
        "seizure|seizures|seizing|fitting|convuls*|having a fit|having fits|had a fit|gone into a fit|"
        "shaking all over|jerking|eyes rolled|eyes rolling|foaming|frothing|fit on",
        (*_FIGURATIVE,),
    ),
    (
        MEDICAL,
        "chest ... pain|pains|hurts|hurting|tight|tightness|crushing|heavy|pressure|agony|killing",
        (*_FIGURATIVE,),
    ),
    (MEDICAL, "pain|pains ... in my chest|in his chest|in her chest|unbearable|agony", ()),
    (
        MEDICAL,
        "heart ... racing|pounding|going mad|going crazy|beating so fast|beating really fast|stopping|"
        "stopped|skipping|jumping out|going so fast|going really fast|weird beats|beating weird",
        (*_FIGURATIVE, "asked out", "crush"),
        ("@drug|@unwell",),
    ),
    (
        MEDICAL,
        "having a heart attack|heart attack|stroke",
        ("nearly", "almost", "gave me", "give me", "will give", "going to give", "bill", *_FIGURATIVE),
    ),
    (
        MEDICAL,
        "lips|face|skin|fingers|turning|going|gone|went|looks|look|is ... blue|grey|gray|purple",
        (
            "feel",
            "feeling",
            "so blue",
            "bit blue",
            "blue today",
            "blue light",
            "blue eyes",
            "blue hair",
            "blue pill",
            "grey hair",
            "blue in the face",
        ),
    ),
    (
        MEDICAL,
        "bleeding|blood ... a lot|loads|everywhere|heavily|badly|will not stop|so much|lots|all over|pouring|"
        "spurting|coming from|through",
        ("weeing", "wee", "pee", "urine", "nose"),
    ),
    (
        MEDICAL,
        "will not stop bleeding|can not stop the bleeding|can not stop bleeding|blood everywhere|pouring blood|"
        "spurting blood|loads of blood|so much blood|lots of blood",
        (),
    ),
    (MEDICAL, "throat|tongue ... closing|swelling|swollen", ()),
    (MEDICAL, "can not swallow|can not feel my left|can not feel my right|left arm numb|arm is numb", ()),
    (MEDICAL, "left arm ... numb|tingling|hurts|pain|dead", ()),
    (MEDICAL, "face ... droopy|drooping|dropped", ()),
    (
        MEDICAL,
        "@self|@other ... dying|going to die|about to die",
        (
            "dying to",
            "dying for",
            "dying of",
            "dying inside",
            "phone",
            "battery",
            "plant",
            "hangover",
            "want to die",
            "wanna die",
            "wish",
            *_FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "call|called|calling|ring|phone|get|need|needs|should i|do i|send ... ambulance|999|911|000|112|"
        "paramedics|an ambulance",
        (),
    ),
    # --- Suicide
    (
        SUICIDE,
        "kill|killing|kil|end|ending|off|hang|hanging|shoot ... myself",
        (*_FIGURATIVE, "with ketamine"),
    ),
    (SUICIDE, "kill|killing|end|ending ... himself|herself|themselves|themself", (*_FIGURATIVE,)),
    (SUICIDE, "end|ending|take|taking|finish ... my life|my own life|his life|her life", ("back", "into")),
    (
        SUICIDE,
        "end it|end it all|end everything|end things|end this|finish it all|end my suffering|end the pain|"
        "ending it|ending it all|ending everything|ending things|finish it|finish it properly|finish myself",
        (
            "end it|end this|ending it|finish it ... ketamine|k|drugs|habit|addiction|using|use|drinking",
            "end this habit",
            "end things with",
            "ending things with",
            "end it with",
            "finish it off",
            "finish it tomorrow",
            "finish it later",
            "finish it today",
        ),
    ),
    (
        SUICIDE,
        "want to|wanna|wish|going to|ready to|about to|decided to|planning to|plan to|rather|would rather|"
        "i just want to|just want to|want 2 ... die|be dead|not exist|not be here|not be alive|disappear|"
        "not wake up|never wake up|sleep forever|not be around|stop existing|stop living|go quietly",
        (
            "dying to",
            "habit|addiction|cravings|craving|urges|urge ... to die|die",
            "want ketamine ... to die",
            "die laughing",
            "disappear for a",
            "die for",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "wish i was|wish i were|better off|rather be|should be|deserve to|want to be|hope i|hope i do not ... "
        "dead|die|wake up|never born",
        (*_FIGURATIVE,),
    ),
    (
        SUICIDE,
        "better off without me|better without me|better off if i|better off dead|better if i was not|"
        "better if i was gone|better if i did not|happier if i|happier without me|burden|if i was gone|"
        "if i were gone|if i was not here|when i am gone|after i am gone|notice if i|miss me if",
        (),
    ),
    (
        SUICIDE,
        "do not want to|do not wanna|can not|no longer want to|not want to|can not be bothered to ... "
        "be here|be alive|live|living|exist|go on|carry on|keep going|do this anymore|take it anymore|"
        "cope anymore|take this anymore|do it anymore|face tomorrow|wake up tomorrow|be saved|be found",
        ("like this", "live with", "quit", "get clean", "off ketamine", "go on holiday", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "nothing to live for|no reason to live|no will to live|not worth living|no point living|"
        "no point in living|tired of living|sick of living|tired of life|sick of life|done with life|"
        "done with living|see a future|no future|no way out|no hope|hopeless|give up on life|given up on life|"
        "no point anymore|no point any more|no point in anything|what is the point in living|"
        "what is the point anymore|what is the point of anything|point of living|point in life|point of me|"
        "point of any of it|life is pointless|everything is pointless|stop living|thinking about dying|"
        "think about dying|thoughts of dying|thinking of dying|thinking about ending|thinking about killing",
        ("without", "like this", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "wrote|written|writing|left|write ... note|letter|my goodbyes|goodbye letter",
        ("gp", "doctor", "sick note", "school", "work", "shopping", "note to self"),
    ),
    (
        SUICIDE,
        "suicide note|this is goodbye|goodbye forever|goodbye everyone|goodbye world|bye everyone|"
        "saying my goodbyes|said my goodbyes|say goodbye to everyone|last text|last message|final message|"
        "not be around|not going to be around|not be here tomorrow|will not be alive|not be alive|"
        "giving away my|given away my|given my stuff away|gave away my|giving my stuff away|"
        "giving my things away|made my peace|time for me to go|my time to go|last birthday|my last day|"
        "last night alive|make it through tonight|make it through the night|survive tonight|"
        "survive the night|not be a problem for anyone|not going to be a problem|no one finds me|"
        "nobody finds me|find my body|tell everyone i love|tell them i love|tell her i love|tell him i love|"
        "tell my mum i love|tell my sister i love|tell my brother i love|tell my dad i love",
        ("ketamine", "last message you sent"),
    ),
    (
        SUICIDE,
        "want out|tapping out|checking out|disappear|disappeared|go away|go black|sleep|done|gone ... "
        "for good|forever",
        (_QUITTING, "holiday", "weekend", "lie in", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "got|have|bought|saved|saving|collected|stockpiled|stockpiling|counted|lined up|hoarded ... "
        "pills|tablets|rope|noose|enough|blade|gun|the lot",
        (
            "for my",
            "prescription",
            "painkillers for",
            "enough money",
            "enough sleep",
            "enough time",
            "had enough",
            "enough of",
            "enough is",
            "have enough",
        ),
    ),
    (SUICIDE, "pills|tablets|rope|noose|everything|it all ... ready|lined up|sorted|planned", ()),
    (SUICIDE, "enough ... to not wake up|to kill|to end it|to die|to not wake", ()),
    (
        SUICIDE,
        "do not wake up|not wake up|never wake up|never ever wake up|not to wake|never wake|not come back|"
        "do not come back",
        (
            "until",
            "till",
            "in the morning",
            "early",
            "on time",
            "alarm",
            "mornings",
            "if i do not wake up on",
        ),
    ),
    (SUICIDE, "stop my heart|heart to stop|till my heart|until my heart|heart gives out|heart give out", ()),
    (
        SUICIDE,
        "goodbye|bye everyone|bye all|goodbye all",
        ("thanks", "thank", "ok", "cheers", "see you", "later"),
        ("@self|@now|love",),
    ),
    (
        SUICIDE,
        "take|taking|swallow|going to take ... them all|all of them|all of it|all my pills|the lot|"
        "everything i have",
        (),
    ),
    (
        SUICIDE,
        "jump|jumping|jumped|step|stepping|walk|walking|throw myself ... off|from|in front|infront|into ... "
        "bridge|roof|building|train|trains|car|cliff|cliffs|balcony|window|tower|traffic|motorway|river|sea|"
        "floor|up here",
        (),
    ),
    (
        SUICIDE,
        "going to jump|gonna jump|about to jump|want to jump|will jump|jump off|jump from|jumping off",
        (),
    ),
    (
        SUICIDE,
        "on the roof|on a bridge|on the bridge|edge of|train tracks|on the tracks|at the tracks|train line|"
        "in front of the next",
        ("last",),
    ),
    (SUICIDE, "step|stepping|walk|walking|jump|jumping|throw myself ... in front of|in front", ()),
    (
        SUICIDE,
        "engine running|exhaust|hose pipe|hosepipe|decided how|decided when|planned how|worked out how",
        (),
    ),
    (SUICIDE, "@self ... suicidal|suicide", ()),
    (SUICIDE, "suicidal|suicide", (), ("@self|@known|@now",)),
    # --- Self-harm
    (
        SELF_HARM,
        "cut|cutting|cuts|slash|slashing|slice|burn|burning|burned|burnt|hurt|hurting|harm|harming|"
        "scratch|scratching|hit|hitting|punch|punching|bang|banging|stab|stabbing|carve|carving|slamming|"
        "slam|dug|dig|digging ... myself|my arm|my arms|my wrist|my wrists|my legs|my leg|my thigh|my thighs|"
        "my skin|my stomach|my head|my hand|my hands|my fist",
        (
            "by accident",
            "accidentally",
            "gym",
            "cooking",
            "shaving",
            "football",
            "my back",
            "ankle",
            "fringe",
            "cut my hair",
            "cutting my hair",
            "haircut",
            *_FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "i am|i just|about to|going to|want to|need to|urge to|urges to|started|start|keep|been|relapse|"
        "relapsed|can not stop ... cut|cutting|self harm*|harm myself|hurt myself|burn myself|sh|shing|"
        "punching|banging|hitting|slamming|scratching|digging|carving",
        (
            "cut down",
            "cut back",
            "cutting down",
            "cutting back",
            "cut out",
            "cutting out",
            "cut my hair",
            "cut the",
            "cut it",
            "cut ketamine",
            "cutting ketamine",
            "cut off",
            "cutting off",
            "cut ties",
            "cut loose",
            "cutting the",
            "corners",
            "fringe",
        ),
    ),
    (
        SELF_HARM,
        "cut|cutting|cuts|sh|shing|burning|punching|banging|hitting|slamming|scratching|digging|carving ... "
        "again|can not stop|right now|too deep|tonight|bleeding|over and over|till it|until it|keep going|"
        "times|the wall|my nails|blood",
        (
            "cut down",
            "cut back",
            "cutting down",
            "cutting back",
            "cut out",
            "cutting out",
            "cut ketamine",
            "cutting ketamine",
            "cut off",
            "cutting off",
            "cut ties",
            "corners",
            "cut my hair",
            *_FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "self harm|self harming|self harmed|self injury|slef harm*",
        (),
        ("@self|@now|just|deep|again",),
    ),
    (
        SELF_HARM,
        "blade|blades|razor|razors|knife|lighter ... ready|in my hand|in hand|holding|open|my arm|my skin",
        (),
    ),
    (SELF_HARM, "@self ... holding|got|have|broke ... blade|blades|razor|razors|knife", ("kitchen",)),
)

# --- Frames -------------------------------------------------------------------

# A question asking for information: with nothing personal happening now, a
# match inside one is information, not an emergency. A text that starts with
# one of QUESTION_WORDS is a question too.
QUESTION_WORDS = frozenset(
    [
        "what",
        "how",
        "why",
        "when",
        "where",
        "which",
        "who",
        "can",
        "could",
        "would",
        "should",
        "does",
        "do",
        "is",
        "are",
        "will",
        "whats",
        "hows",
    ]
)
INFORMATION_FRAMES = (
    "what happens|what would happen|what will happen|what happen|what if|what does|look like|looks like",
    "what to do|what should you do|what do you do|what should someone do|what can you do",
    "what are the signs|what are signs|what are the symptoms|what are the warning|warning signs|"
    "signs of|symptoms of|signs that|sign of",
    "what is the|what are the|what is an|what is a|what counts|how do you know|how do you tell|how to tell|"
    "how can you tell|how would you know|how would i know|how can i tell|how do i know|how do i tell",
    "how much|how many|how long|how likely|how common|how dangerous|how often|how do people|how does",
    "is it possible|is it dangerous|is it safe|is it bad|is it true|is it normal|is that normal|is this normal|"
    "is it a myth|normal to|normal for",
    "how to help|how do i help|how can i help|how to support|how do i support|how can i support|"
    "help a friend|support a friend|support someone|help someone",
    "is there a risk|risk of|chance of|likely to|more common|more likely|first aid|should i worry|"
    "is there a link|link between|support groups|asking for a friend|asking for the future",
)

# Words that make a question about the texter's own situation now.
PERSONAL_NOW = (
    "@urgent",
    "i have|i just|i think i|i took|i did|i am|i feel|i want|we took|we have|i can|make sure i|i do not|"
    "i will not|my eyes|keep my",
    "took|swallowed|snorted|necked|popped ... @drug|pills|tablets",
    "@known ... has|have|took|taken|had|did|is|are|was|just|will not|can not|is not",
)

# Words before a match that make it hypothetical ("if someone overdoses").
CONDITIONALS = frozenset({"if", "whether", "case", "suppose", "imagine", "hypothetically", "ever"})

# A past or resolved event: not an emergency, unless it is back now.
RESOLVED_FRAMES = (
    "years ago|year ago|months ago|weeks ago|a while ago|long time ago|used to|in the past|back in|back when|"
    "when i was|when he was|when she was|when they were|as a teen|as a teenager|as a kid|at uni|at school|"
    "last year|few years|last summer|last christmas|last weekend|last week|the other day|yesterday|"
    "since i was|in years|i was really|i was so|i was suicidal",
    "doing well now|doing better now|doing ok now|doing okay now|doing good now|doing great now|"
    "am ok now|am fine now|am better now|am safe now|am okay now|is ok now|is fine now|is okay now|"
    "is better now|is safe now|are ok now|is doing ok|is doing well|is doing better|is doing okay|"
    "recovered|in recovery|clean for|sober for|free for|years clean|months clean|weeks clean|no longer|"
    "survived|got through it|made it through|passed away|died of|died from|died by|committed suicide|"
    "took his own life|took her own life|took their own life|in hospital now|is in hospital|are in hospital|"
    "was in hospital|is home now|is awake now|woke up fine|came round|came around|is alright now|was fine|"
    "were fine|ended up fine|turned out fine|saved my life|not suicidal anymore|ever since|been clean|"
    "not self harming anymore|not cutting anymore|proud of myself|in 3 years|in 2 years|in a year|years back|"
    "i once|once took",
    "have not ... since",
)
PRESENT_AGAIN = (
    "again|still|right now|tonight|at the moment|currently|these days|coming back|came back|are back|is back|"
    "and now|now i am|now he is|now she is|now they are|now it is|today",
)
