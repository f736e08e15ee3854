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
    "lads",
    "guy",
    "guys",
    "girl",
    "girls",
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
    "person": tuple(_PEOPLE),
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
            "gibberish",
            "talking nonsense",
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
            "odd",
            "fading",
            "spinning",
            "going dark",
            "can not keep my eyes open",
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
        "forearm",
        "forearms",
        "hip",
        "hips",
        "belly",
        "tummy",
        "shoulder",
        "shoulders",
        "fingers",
        "knuckles",
        "ribs",
    ],
    "year": tuple(str(year) for year in range(1990, 2031)),
    "age": tuple(str(age) for age in range(12, 70)),
    # A pulse that fast at rest is an emergency.
    "fast_pulse": tuple(str(rate) for rate in range(150, 260)),
    # A number of pills big enough to be an overdose, as people write it.
    "many": (
        *(str(number) for number in range(8, 101)),
        "ten",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "a hundred",
        "dozens",
        "dozen",
        "a whole packet",
        "a whole pack",
        "a whole box",
        "the whole packet",
        "the whole box",
        "the whole strip",
        "two packets",
        "three packets",
        "2 packets",
        "3 packets",
        "4 packets",
        "2 boxes",
        "3 boxes",
        "two boxes",
        "both boxes",
        "2 packs",
        "3 packs",
        "two packs",
    ),
}

# --- Risk words: the only words typos are forgiven in -------------------------

# canonical word -> misspellings too far from it for the edit-distance check.
RISK_WORDS: dict[str, tuple[str, ...]] = {
    "unconscious": ("unconsious", "unconcious", "unconsciouss", "unconsius"),
    "help": ("hlep", "hepl", "halp", "hrlp"),
    "much": ("mych", "mutch", "muvh"),
    "written": ("writen", "writtern", "writin"),
    "took": ("tookk", "tooj"),
    "without": ("wiout", "witout", "wthout", "withou", "wivout"),
    "everyone": ("evryone", "evreyone", "everyon"),
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

# Real words one edit from a risk word: never read as a typo of it
# ("cooking" is not "choking").
NOT_TYPOS = frozenset({"cooking", "sizing", "coking", "overdone", "sitting", "fitted", "breathes", "breaths"})

# Two words people write for one ("kill my self"): read as the one word.
JOINED_WORDS = {
    "my self": "myself",
    "him self": "himself",
    "her self": "herself",
    "them selves": "themselves",
    "your self": "yourself",
    "over dose": "overdose",
    "over dosed": "overdosed",
    "over dosing": "overdosing",
    "un conscious": "unconscious",
}

# --- Built-in crisis patterns ---------------------------------------------------
# (category, pattern, patterns that cancel it[, patterns one of which must
# also be in the text]). A match is an emergency unless a frame below says
# otherwise.

_FIGURATIVE = (
    "lol", "lmao", "lmfao", "haha*", "hehe*", "jk", "joking", "rofl",
    "meme|had a laugh|a good laugh|for a laugh|laughed so|laughed my|laughed till|laughed until|laughed too|laugh so|laughs so|laughter|laughing so|"
    "laughing at|laughing my|laughing too|died laughing|dying laughing|"
    "die laughing|crying laughing|for laughing|from laughing|with laughing|hilarious|too funny|so funny",
)  # fmt: skip
# "Cut" that is not self-harm: cutting down on drugs, cutting ties, hair.
_CUTTING_BACK = (
    "cut down", "cut back", "cutting down", "cutting back", "cut out", "cutting out", "cut ketamine",
    "cutting ketamine", "cut off", "cutting off", "cut ties", "cutting ties", "corners", "cut my hair",
    "my hours", "our hours", "pay cut", "cut my pay", "fringe", "own hair", "hair short", "toenails", "the grass",
    "the lawn", "the hedge",
)  # fmt: skip
# Everyday mishaps that hurt: not self-harm.
_ACCIDENTS = (
    "by accident",
    "accidentally",
    "opening a|tin|thumb",
    "oven",
    "tray",
    "kettle",
    "cooking",
    "baking",
    "iron",
    "straighteners",
    "chopping",
    "onion*",
    "paper cut",
    "plaster",
    "its fine",
    "it is fine",
    "its ok",
    "it is ok",
    "sunburn*",
    "shaving",
    "football",
    "rugby",
    "gym",
    "fell off",
    "tripped",
    "netball",
    "hockey",
    "tennis",
    "basketball",
    "training",
    "skating",
    "dancing",
    "cycling",
    "bike",
)
# Asleep, not unconscious: "out cold on the sofa since the footie".
_ASLEEP = (
    "slept|asleep on the sofa|on the sofa|by 10|early night|classic|snoring like normal|sleeping bags|sleepover",
)
# A reaction to news or a sight: "stopped breathing when i saw the lineup".
_REACTION = (
    "when i saw|when i heard|when i read|when i got|when the|until i hear|till i hear|until i get|till i get|"
    "when she saw|when he saw|when they saw|when mum|when my mum|when dad|when my dad|moment when",
)
# Exercise: "i was dying on that hike".
_EXERCISE = ("hike|run|5k|10k|workout|leg day|gym|spin class|bootcamp|training|circuits|football|netball",)
# A goodbye or "last text" that is only for now: bed, a holiday, a flat battery.
_FOR_NOW = (
    "for a bit|for now|till tomorrow|until tomorrow|going to bed|off to bed|holiday|"
    "no signal|phone dies|phone is about to die|battery|volunteering|thanks for the chat|speak soon|talk soon|"
    "night x|night night",
)
# Death words said of things and feelings, not of a person.
_THINGS_DIE = (
    "battery",
    "laptop",
    "charger",
    "phone is",
    "phone about",
    "phones",
    "batterys",
    "die of embarrassment",
    "die of boredom",
    "die of shame",
    "die of cringe",
    "rather die than",
    "sooner die than",
    "die for a",
)
# Talking about a topic, not a person: essays, films, news, awareness days.
_TOPIC = (
    "essay",
    "school project",
    "podcast",
    "article",
    "leaflet*",
    "dissertation",
    "assignment",
    "documentary",
    "film",
    "movie",
    "book",
    "awareness",
    "prevention",
    "research",
    "course",
    "training",
    "episode",
    "series",
    "news",
    "story",
    "song",
    "lyrics",
)
# "I am not suicidal": said to reassure, not to alarm.
_NOT_SUICIDAL = ("not suicidal", "never been suicidal", "never suicidal", "asked if i was", "not in danger")
# Addiction said to be killing someone slowly: not suicide now.
_SLOW_HARM = (
    "slowly",
    "with the drink",
    "with drink",
    "with ketamine",
    "with drugs",
    "with the drugs",
    "with alcohol",
    "with booze",
    "with this habit",
    "with it",
    "to death",
)
# Quitting talk ("done with ket for good", "clean 2 years"): a quitting word
# near the thing quit, not the drug's name anywhere in the text.
_QUITTING = (
    "quit|quitting|stop|stopping|done with|finished with|finish with|end|ending|give up|giving up|clean from|"
    "free from|away from|break from|goodbye to|bye to|kick|kicking ... ketamine|k|drugs|habit|addiction|using|"
    "use|drinking|booze|alcohol|cravings|craving|relationship|it with",
    "ketamine|k|drugs|habit|addiction|using|drinking|cravings|craving|relationship ... for good|forever|behind me|"
    "out of my life|once and for all|for ever|anymore|any more|for now",
    "clean for good|sober for good|stay clean|stay sober|get clean|getting clean|be clean|it with|off it|"
    "for good with|quit|quitting|not using anymore|not using any more|do not use anymore|not touching",
)
# "i want the ket and the cravings to stop": the habit is what should stop.
_WANTING_THE_HABIT_TO_STOP = (
    "ketamine|drugs|habit|addiction|using|cravings|craving|drinking ... to stop|to end|stop|end|over",
    "to stop|to end|stop|end|over ... ketamine|drugs|habit|addiction|using|cravings|craving|drinking",
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
            "do not take|do not do|do not drink|do not use|do not have|do not want to take|do not want to do",
            "how much is|how much would|how much can|how much do|how much should|how much of|how much ketamine",
            "how many is|how many would|how many can|how many do|how many should",
            "all the time",
            "all my life",
            "all day",
            "all night",
            "everything i can",
            "all of a sudden",
            "days off",
            "time off",
            "shifts",
            "risks",
            "chances",
            "coffee",
            "caffeine",
            "feel rough",
            "feeling rough",
            "my dog",
            "the dog",
            "my cat",
            "the cat",
            "chocolate*",
            "to eat",
            "food",
            "fun",
            "exams",
            "hangover",
            "hungover",
            "too long",
            "my time",
            "day off",
            "sugar",
            "loads better|much better|so much better|doing loads of|doing a lot of",
            "diet|tub|ice cream|ben and jerrys|pizza|crisps|biscuits|my stuff|my things|family|round for|dinner",
            *_FIGURATIVE,
        ),
    ),
    (
        OVERDOSE,
        f"{_TAKE} ... @drug|them|it|some|of|pills|tablets|a load|loads",
        (
            "done with",
            "had enough of",
            "no more",
            "quit",
            "quitting",
            "never again",
            "goodbye",
            "exams",
            *_FIGURATIVE,
        ),
        ("@unwell",),
    ),
    (
        OVERDOSE,
        "overdos*|overdid|overdone|overdoing ... @drug|it",
        (
            "overdose it",
            "overdid it at",
            *_FIGURATIVE,
            *_TOPIC,
            "bench|gym|workout|training|squats|press|weights|sun|food|cake|spice|chilli|cardio|class|lesson|teacher|"
            "scene|lived experience|experience of",
        ),
    ),
    (
        OVERDOSE,
        "overdos*",
        (
            "overdose it",
            "chocolate",
            "netflix",
            "band|called|named|album|revision|studying|sunshine",
            "sugar",
            "caffeine",
            "coffee",
            "perfume",
            *_FIGURATIVE,
            *_TOPIC,
            "scene|the word|lived experience|experience of|amount|died of|died from|passed away|survivor|during an|"
            "during a|in class|teacher|lesson|training|fiction",
        ),
        ("@self|@known|@now",),
    ),
    (
        OVERDOSE,
        "i have odd|has odd|have odd|had odd|just odd|i odd|odd on|odd off|think i odd",
        ("banter", "mince pies|chocolate|sugar|sweets|cake|food|netflix|pizza|crisps", *_FIGURATIVE),
    ),
    (OVERDOSE, "@self|@other ... poisoned|poisoning|spiked", ("food poisoning",)),
    (OVERDOSE, "drink|drinks|drug|drugged ... spiked|drugged", ()),
    # --- Medical emergencies
    (
        MEDICAL,
        "can not|could not|will not|would not|not|unable to|trying to|tried to|try to ... wake|waking|rouse|"
        "respond|responding|react|reacting|answer|answering|open his eyes|open her eyes|opening",
        (
            "wake me|till noon|until noon|till lunch|until lunch",
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
        (*_FIGURATIVE, *_ASLEEP),
    ),
    (MEDICAL, "unconscious|unresponsive|out cold|keeled over", (*_FIGURATIVE, *_ASLEEP)),
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
            *_REACTION,
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
    (
        MEDICAL,
        "@self|@other ... choking|choke|chokes",
        ("words", "interview", "drink", "coffee|tea", *_FIGURATIVE),
    ),
    (
        MEDICAL,
        "seizure|seizures|seizing|fitting|convuls*|having a fit|having fits|had a fit|gone into a fit|"
        "shaking all over|jerking|eyes rolled|eyes rolling|foaming|frothing|fit on",
        (
            *_FIGURATIVE,
            "fitting the|fitting a|fitting new|fitting in|fitting room|fitting out|fitting kitchens",
            "police|threshold|customs|drugs seizure|drug seizure|asset",
            *_REACTION,
        ),
    ),
    (MEDICAL, "eyes ... rolling|rolled|roll back|rolled back|rolling back|pinned|pinpoint", (*_FIGURATIVE,)),
    (
        MEDICAL,
        "chest ... pain|pains|hurts|hurting|tight|tightness|crushing|heavy|pressure|agony|killing",
        (
            "when i cough",
            "a cold",
            "my cold",
            "the flu",
            "pulled a muscle",
            "at the gym",
            "inhaler",
            "always been like",
            "when i run",
            *_FIGURATIVE,
        ),
    ),
    (MEDICAL, "pain|pains ... in my chest|in his chest|in her chest|unbearable|agony", ()),
    (
        MEDICAL,
        "heart ... racing|pounding|going mad|going crazy|beating so fast|beating really fast|stopping|"
        "stopped|skipping|jumping out|going so fast|going really fast|weird beats|beating weird|going mental|"
        "hammering|thumping|out of my chest|through my chest",
        (
            *_FIGURATIVE,
            "asked out",
            "crush",
            "parkrun",
            "run",
            "running",
            "gym",
            "workout",
            "nervous",
            "excited",
            "date",
            "interview",
            "when i saw",
            "price",
            "bill",
            "tickets",
            "results|opened|gcse|a level|letter",
            "good fun|fun|climbing|rollercoaster|ride",
        ),
        ("@drug|@unwell",),
    ),
    (
        MEDICAL,
        "having a heart attack|heart attack|stroke",
        (
            "nearly",
            "almost",
            *_REACTION,
            "gave me",
            "give me",
            "will give",
            "going to give",
            "bill",
            "will have a",
            "going to have a",
            "would have a",
            "when she sees",
            "when he sees",
            "when they see",
            "when i tell",
            *_FIGURATIVE,
        ),
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
            "shouting|overnight|with these kids|hair|rage|angry|embarrass*",
            *_REACTION,
            *_FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "bleeding|blood ... a lot|loads|everywhere|heavily|badly|will not stop|so much|lots|all over|pouring|"
        "spurting|coming from|through",
        (
            "weeing",
            "wee",
            "pee",
            "urine",
            "nose",
            "gums",
            "gum",
            "period",
            "lately",
            "when i brush",
            "piles",
            *_ACCIDENTS,
        ),
    ),
    (
        MEDICAL,
        "will not stop bleeding|can not stop the bleeding|can not stop bleeding|blood everywhere|pouring blood|"
        "spurting blood|loads of blood|so much blood|lots of blood",
        ("nosebleed|nose bleed|period|tampon",),
    ),
    (MEDICAL, "throat|tongue ... closing|swelling|swollen", ()),
    (MEDICAL, "can not swallow|can not feel my left|can not feel my right|left arm numb|arm is numb", ()),
    (MEDICAL, "left arm ... numb|tingling|hurts|pain|dead", ()),
    (MEDICAL, "face ... droopy|drooping|dropped", ()),
    (
        MEDICAL,
        "@self|@other ... dying|going to die|about to die",
        (
            "i swear|if i have to|one more|another shift|meme|that video|this video|if i do not finish|deadline|"
            "essay|assignment",
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
            "a cold",
            "the flu",
            "man flu",
            "dramatic",
            "hayfever",
            *_EXERCISE,
            *_FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "call|called|calling|ring|phone|get|need|needs|should i|do i|send ... ambulance|999|911|000|112|"
        "paramedics|an ambulance",
        (
            "know when",
            "when to call",
            "when should i call",
            "when do i call",
            "when do you call",
            "when to ring",
        ),
    ),
    # --- Suicide
    (
        SUICIDE,
        "kill|killing|kil|end|ending|off|hang|hanging|shoot|top|topping|offing|drown|drowning|suffocate|"
        "suffocating|gas|electrocute|smother ... myself",
        (
            *_FIGURATIVE,
            *_SLOW_HARM,
            "this homework|this exam|this lesson|this lecture|this essay|this assignment|this revision|this meeting",
        ),
    ),
    (
        SUICIDE,
        "kill|killing|end|ending|top|topping|hang|hanging ... himself|herself|themselves|themself",
        (*_FIGURATIVE, *_SLOW_HARM, *_TOPIC),
    ),
    (SUICIDE, "end|ending|take|taking|finish ... my life|my own life|his life|her life", ("back", "into")),
    (
        SUICIDE,
        "end it|end it all|end everything|end things|end this|finish it all|end my suffering|end the pain|"
        "ending it|ending it all|ending everything|ending things|finish it|finish it properly|finish myself",
        (
            "chapter",
            "relationship with|exam season|deleting",
            "gig|band|show|tour|season|series|halfway through|walked out",
            *_TOPIC,
            "fresh start",
            "start fresh",
            "start again",
            "end it|end this|ending it|finish it ... ketamine|k|drugs|habit|addiction|using|use|drinking",
            "end this habit",
            "end things with",
            "ending things with",
            "end it with",
            "ending it with",
            "finish it off",
            "finish it tomorrow",
            "finish it later",
            "finish it today",
        ),
    ),
    (
        SUICIDE,
        "want to|wanna|wish|going to|ready to|about to|decided to|planning to|plan to|rather|would rather|"
        "i just want to|just want to|want 2|wants to|wanting to|need to|needs to ... die|be dead|not exist|not be here|not be alive|disappear|"
        "not wake up|never wake up|sleep forever|asleep forever|rest forever|not be around|stop existing|stop living|go quietly",
        (
            "dying to",
            "habit|addiction|cravings|craving|urges|urge ... to die|die",
            "want ketamine ... to die",
            "die laughing",
            "disappear for a",
            "disappear into",
            "disappear under",
            "could sleep forever",
            "sleep forever after",
            "die for a|die for the|die for some|die for that|die for this|is to die for|are to die for",
            "die at how|die at the|die of|die when i|die when he|die when she",
            "lyrics|song|stuck in|cancelled|delayed|crush|every time her|every time his|in your arms",
            "off social|social media|offline|off the grid|off tiktok|off instagram",
            *_THINGS_DIE,
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
        "better off without me|better without me|better off if i|better off dead|better dead|better if i was not|"
        "fine without him|fine without her|better off without him|better off without her|better without him|"
        "better without her|"
        "better if i was gone|better if i did not|happier if i|happier without me|if i was gone|"
        "if i were gone|if i was not here|when i am gone|after i am gone|notice if i|miss me if|care if i died|"
        "care if i was dead|care if i was gone|care if i disappeared|miss me when|no one will miss me|"
        "nobody will miss me|no one would miss me|nobody would miss me|world without me|fine without me|"
        "okay without me|ok without me|cope without me|manage without me|move on without me|even know if i|"
        "know if i died|if i died tonight|if i was dead|waste of space|do everyone a favour|"
        "doing everyone a favour|a favour to everyone",
        (
            "stag|hen do|five a side|match|skipped|skip|staying in|knackered|if i miss|if i skip|"
            "at work|at the party|at the meeting|at the stag",
        ),
    ),
    (
        SUICIDE,
        "do not want to|do not wanna|can not|no longer want to|not want to|can not be bothered to|"
        "do not even want to|not even want to ... "
        "be here|be alive|live|living|exist|go on|carry on|keep going|do this anymore|take it anymore|"
        "cope anymore|take this anymore|do it anymore|face tomorrow|wake up tomorrow|be saved|be found|do life|"
        "handle life|handle this anymore|handle it anymore|survive this|manage anymore|see another day|"
        "see tomorrow|see the morning|see another birthday|see christmas",
        (
            "like this",
            "keep going out|carry on going out|go on holiday|be here for|in this town|in this house|"
            "in this city|at this party|in this job|in this flat|at this job",
            "live with my",
            "live with your",
            "live with him",
            "live with her",
            "live with them",
            "live with the",
            "live with parents",
            "live without",
            "live in",
            "live at",
            "live there",
            "live near",
            "live alone",
            "live on my own",
            "quit",
            "get clean",
            "off ketamine",
            "go on holiday",
            "go on the",
            "go on a",
            "go on my",
            "go on that",
            "go on tinder",
            "go on there",
            "go on it",
            "go on about",
            "go online",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "do not deserve to|not deserve to|deserve to ... live|be alive|be here|die|be dead",
        (*_FIGURATIVE,),
    ),
    (
        SUICIDE,
        "want|wish|need|just want|i want ... it all to stop|it all to end|everything to stop|everything to end|"
        "it to be over|it all to be over|it all over|to stop forever|all to go away forever|to go away forever",
        (
            *_WANTING_THE_HABIT_TO_STOP,
            "noise",
            "neighbours",
            "rain",
            "headache",
            "cramps",
            "bladder",
            "exam",
            "season",
            "this week",
            "this day",
            "term",
            "shift",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "nothing to live for|no reason to live|no will to live|not worth living|no point living|"
        "no point in living|tired of living|sick of living|tired of life|sick of life|done with life|"
        "done with living|see a future|no future|no way out|no hope|hopeless|give up on life|given up on life|"
        "no point anymore|no point any more|no point in anything|what is the point in living|"
        "what is the point anymore|what is the point of anything|point of living|point in life|point of me|"
        "point of any of it|life is pointless|everything is pointless|stop living|thinking about dying|"
        "think about dying|thoughts of dying|thinking of dying|thinking about ending|thinking about killing|"
        "point in living|point in being alive|point in me being|point of me being|point in me|left to live for|"
        "point in carrying on|point in going on|point of carrying on|point in continuing|had enough of being alive|"
        "had enough of life|had enough of living|had enough of existing|"
        "nothing left to live|reason to be alive|reason to stay|reasons to stay|only way out|the end for me|"
        "over for me|end of the road for me|end of the line for me|tired of being alive|sick of being alive|"
        "tired of existing|nothing left for me|should not be alive|should not exist|should not have been born|"
        "not meant to be alive|point in waking up|point of waking up|point in getting up|point of getting up|"
        "point in trying anymore|point in being here|point of being here",
        (
            "without",
            "like this",
            "party is over|sleep it off|going home|course",
            "hope of",
            "hopeless at",
            "hopeless with",
            "hopeless when",
            "hopeless cook",
            "this job|the job|job interview|job application|applying for|new job|job hunting|out of this job",
            "exam",
            "uni",
            "team",
            "ketamine|drugs|using|habit|addiction|quit*|stopping|recovery|relapse*|clean|sober",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "wrote|written|writing|left|write ... note|notes|letter|letters|my goodbyes|goodbye letter",
        (
            "gp",
            "doctor",
            "sick note",
            "school",
            "work",
            "shopping",
            "note to self",
            # notes and letters with an everyday addressee or purpose
            "about the|about what|explaining|to my younger|younger self|future self|proud|"
            "counsellor|therapist|therapy|key worker|keyworker|appointment|to ketamine|to drugs|to my addiction|"
            "to my habit|boss|teacher|neighbour*|bins|landlord|council|complain*",
        ),
    ),
    (
        SUICIDE,
        "suicide note|this is goodbye|goodbye forever|goodbye everyone|goodbye world|bye everyone|"
        "saying my goodbyes|said my goodbyes|say goodbye to everyone|last text|last message|final message|"
        "will not be alive|not be alive|"
        "giving away my|given away my|given my stuff away|gave away my|giving my stuff away|"
        "giving my things away|given away his|given away her|gave away his|gave away her|giving away his|"
        "giving away her|be gone soon|not be here long|not be around long|not be here for long|made my peace|time for me to go|my time to go|last birthday|my last day|"
        "last night alive|make it through tonight|make it through the night|survive tonight|"
        "survive the night|not be a problem for anyone|not going to be a problem|no one finds me|"
        "nobody finds me|find my body|no one will find me|nobody will find me|no one will ever find me|"
        "finally do it|finally going to do it|finally doing it|could be the night|tell everyone i love|tell them i love|tell her i love|tell him i love|"
        "tell my mum i love|tell my sister i love|tell my brother i love|tell my dad i love",
        (
            *_QUITTING,
            "old crowd|old decks|remind me|party days|clear out|declutter|selling|moving|rehab|graduat*|"
            "peace with it|peace with that|peace with his|peace with her|ashes",
            "last message you sent",
            "dealer",
            "delete",
            "deleted",
            "last text from",
            "reply to my last",
            "last day at",
            "last day of",
            "got my last|in my last|ignore that last|ignore my last|sorry about my last|about my last|exam|physics|"
            "maths|sixth form|college|old house|keys|new start|fresh start",
            *_FOR_NOW,
        ),
    ),
    (
        SUICIDE,
        "want out|tapping out|checking out|logging off|signing off|disappear|disappeared|go away|go black|sleep|"
        "done|gone ... "
        "for good|forever",
        (
            *_QUITTING,
            "holiday",
            "weekend",
            "lie in",
            "could sleep",
            "sleep forever after",
            "sold|selling|van",
            *_FIGURATIVE,
        ),
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
            "left over",
            "leftover",
            "get rid",
            "dispose",
            "hand in",
            "from my op",
            "chemist",
            "pharmacy",
            "gp|doctor|with food|organiser|dosette|for the week|climbing|wall|boat|tent",
        ),
    ),
    (
        SUICIDE,
        "pills|tablets|meds|medication|rope|noose|everything|it all ... ready|lined up|sorted|planned|counted out|"
        "laid out|in front of me|all out",
        ("prescription", "dosette", "pharmacy", "chemist", "for the week", "holiday"),
    ),
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
    (
        SUICIDE,
        "stop my heart|heart to stop|till my heart|until my heart|heart gives out|heart give out|hope my heart|"
        "my heart stops|heart will stop|heart would stop",
        ("when i see", "every time", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "goodbye|bye everyone|bye all|goodbye all",
        (
            "thanks for|thank you for the|ok|cheers|see you|later|hello|for the info|for the advice",
            "old me|to the old|starting|card|party|present|leaving do|leaving card|moving to|coworker|colleague",
            *_FOR_NOW,
            *_QUITTING,
        ),
        ("@self|@now|love",),
    ),
    (
        SUICIDE,
        "take|taking|swallow|going to take ... them all|all of them|all of it|all my pills|the lot|"
        "everything i have|every pill|every tablet|all the pills|all the tablets|all my meds|all my tablets|"
        "all her meds|all his meds|the whole packet|the whole bottle|the whole box",
        (),
    ),
    (
        SUICIDE,
        "jump|jumping|jumped|step|stepping|walk|walking|throw myself ... off|from|in front|infront|into ... "
        "bridge|roof|building|train|trains|car|cliff|cliffs|balcony|window|tower|traffic|motorway|river|sea|"
        "floor|up here|platform|tracks|ledge|edge|multistorey|car park",
        (
            "pool",
            "lake",
            "diving",
            "trampoline",
            "puddle",
            "swim*",
            "one more|if i have to|i swear",
            *_TOPIC,
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "going to jump|gonna jump|about to jump|want to jump|will jump|jump off|jump from|jumping off",
        (
            "plane|charity|tombstoning|baltic|freezing|harbour wall|doors|made it home|just before|last train home",
            "jump in the",
            "jump into the pool",
            "lake",
            "pool",
            "trampoline",
            "diving",
            "swim*",
            "queue",
            "jump start",
            "bandwagon",
            "jump on",
            "jump at",
            "parachute",
            "skydive",
            "bungee",
            "puddle",
            *_TOPIC,
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "on the roof|on a bridge|on the bridge|edge of|train tracks|on the tracks|at the tracks|train line|"
        "in front of the next",
        (
            "last",
            "near the",
            "where is",
            "where do i",
            "drop in",
            "meet",
            "pay for parking",
            "where do i pay",
            "terrace|lunch|garden|bar|at work",
            "which way",
            "bus station",
            "pool",
            "lake",
            "view",
            "sunset",
            "photo",
            "pics",
            "selfie",
            *_FIGURATIVE,
        ),
    ),
    (SUICIDE, "step|stepping|walk|walking|jump|jumping|throw myself ... in front of|in front", ()),
    (
        SUICIDE,
        "engine running|exhaust|hose pipe|hosepipe|decided how|decided when|planned how|worked out how",
        (),
    ),
    (SUICIDE, "@self ... suicidal|suicide", _NOT_SUICIDAL),
    (
        SUICIDE,
        "suicidal|suicide",
        (
            "plants|plant",
            "helpline",
            "hotline",
            "project",
            "samaritans",
            "charity",
            "statistics",
            "rates",
            "squad",
            *_TOPIC,
            *_NOT_SUICIDAL,
        ),
        ("@self|@known|@now",),
    ),
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
            *_ACCIDENTS,
            *_FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "i am|i just|about to|going to|want to|need to|urge to|urges to|started|start|keep|been|relapse|"
        "relapsed|can not stop ... cut|cutting|self harm*|harm myself|hurt myself|burn myself|sh|shing|"
        "punching|banging|hitting|slamming|scratching|digging|carving",
        (*_CUTTING_BACK, "cut the", "cut it", "cut loose", "cutting the", "fringe", "losses", "hours"),
    ),
    (
        SELF_HARM,
        "cut|cutting|cuts|sh|shing|burning|punching|banging|hitting|slamming|scratching|digging|carving ... "
        "again|can not stop|right now|too deep|tonight|bleeding|over and over|till it|until it|keep going|"
        "times|the wall|my nails|blood",
        (*_CUTTING_BACK, *_FIGURATIVE),
    ),
    (
        SELF_HARM,
        "self harm|self harming|self harmed|self injury|slef harm*",
        _TOPIC,
        ("@self|@now|just|deep|again",),
    ),
    (
        SELF_HARM,
        "blade|blades|razor|razors|knife|lighter ... ready|in my hand|in hand|holding|open|my arm|my skin",
        (),
    ),
    (SELF_HARM, "@self ... holding|got|have|broke ... blade|blades|razor|razors|knife", ("kitchen",)),
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
            *_FIGURATIVE,
        ),
        ("@self|@known|@now|bought|got|have|tied|tie|hung|use it|ready",),
    ),
    # A plan made, a mind made up, everything needed.
    (
        SUICIDE,
        "have a plan|got a plan|made a plan|have decided|made up my mind|my mind is made up|mind is made up|"
        "everything i need to|all i need to|have everything i need|got everything i need ... do it|doing it|"
        "go through with it|end it|tonight|today|this weekend|when everyone|once everyone",
        (*_QUITTING, "tell", "talk", "rehab", "service", "appointment", "gp", "doctor", "holiday", "exam"),
    ),
    (
        SUICIDE,
        "do it|doing it|going through with it|go through with it ... tonight|when everyone|while everyone|"
        "once everyone|after everyone|before anyone|sunday|monday|tuesday|wednesday|thursday|friday|saturday|"
        "this weekend|when my|when he is|when she is|when they are",
        (
            *_QUITTING,
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
        (*_FIGURATIVE, *_TOPIC, "hanging out", "hanging around"),
    ),
    # Something tied round the neck.
    (
        SUICIDE,
        "belt|rope|cord|scarf|wire|cable|ligature|noose|tie ... round|around ... neck",
        (*_FIGURATIVE, "necklace", "chain", "lanyard"),
    ),
    # Means in view, and how easy it would be.
    (
        SUICIDE,
        "how easy|so easy|easy it would be|easy way out",
        (*_FIGURATIVE, *_QUITTING),
        ("pills|tablets|knife|blade|rope|bridge|jump|end|die|it all|gone|train|roof",),
    ),
    # Voices, or one's own head, saying do it.
    (
        SUICIDE,
        "voices|voice|my head|my brain|my mind|something ... telling me to|tells me to|keep telling me to|"
        "keeps telling me to|told me to ... do it|kill|die|end|hurt|jump|cut|hang",
        (*_FIGURATIVE,),
    ),
    # Researching how.
    (
        SUICIDE,
        "looked up|researched|googled|searched|reading up on|read up on ... how to do it|how to die|how to end|"
        "how to kill|ways to die|ways to end|methods|lethal|how much it would take|how many it would take",
        (*_FIGURATIVE, *_TOPIC),
    ),
    # Affairs put in order.
    (
        SUICIDE,
        "affairs in order|my will out|written my will|wrote my will|sorted my will|doing my will|made my will|"
        "sorted out my bank|left my passwords|wrote down my passwords|who gets my|sorted his will|sorted her will|"
        "done his will|written his will|wrote his will|made his will",
        (*_FIGURATIVE, "house sale|sale|selling|moving|move|solicitor|retire*|wedding|divorce"),
    ),
    # The last thing they will ever send.
    (
        SUICIDE,
        "last thing|last message|last text|last words ... ever|will ever|going to send|i will send|i send",
        (*_FIGURATIVE, *_QUITTING, "dealer"),
    ),
    (
        SUICIDE,
        "pain to end|pain to stop|it to end|it to be over|it over|it all to end|it to stop|it all to stop|"
        "everything to stop ... permanently|for good|forever|"
        "for ever",
        (
            *_FIGURATIVE,
            *_WANTING_THE_HABIT_TO_STOP,
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
            *_FIGURATIVE,
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
            *_FIGURATIVE,
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
        (*_FIGURATIVE, *_QUITTING, "bucket list", "things to do", "want to see", "visit"),
        ("goodbye|love|sorry|thank|tonight|now|wanted|just|someone",),
    ),
    (
        SUICIDE,
        "its time|it is time ... i am done|i am ready|to go now|to say goodbye|goodbye",
        (
            *_FIGURATIVE,
            *_QUITTING,
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
        (*_FIGURATIVE, *_QUITTING, "job", "relationship", "money", "bladder", "wee", "pee", "loo", "toilet"),
    ),
    # Hating life, wanting out of it.
    (
        SUICIDE,
        "want out|want it to end|want it over|want it all to end|want this to end|want it to stop|"
        "want everything to end|want to leave",
        (
            *_FIGURATIVE,
            *_WANTING_THE_HABIT_TO_STOP,
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
            *_FIGURATIVE,
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
            *_QUITTING,
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
            *_FIGURATIVE,
        ),
    ),
    # Reunited with someone who has died.
    (
        SUICIDE,
        "be with|join|see ... @known|him|her|dad|mum|nan|grandad ... again|in heaven|up there|soon|now",
        (*_FIGURATIVE,),
        ("gone|died|passed|heaven|dead|lost|tonight|can not do this",),
    ),
    # Everyone better off once I am dead.
    (
        SUICIDE,
        "better|happier|easier|off|relieved ... if i died|if i was dead|if i were dead|if i die|when i die|"
        "when i am dead|if i was gone|if i disappeared|if i did not exist|if i was not here|if i was not around|"
        "if i was never born|once i am gone|when i am gone",
        (*_FIGURATIVE,),
    ),
    # A weapon or the means held to the body.
    (
        SUICIDE,
        "knife|blade|gun|rope|belt|cord|pills|tablets|scarf ... to my throat|to my neck|round my neck|"
        "around my neck|to my head|to my chest|in my hand|in my hands|in my mouth",
        ("cooking", "chopping", "kitchen", "vitamin*", "prescribed", "doctor", *_FIGURATIVE),
    ),
    # No way out but death.
    (
        SUICIDE,
        "way out|option|options|choice|answer|solution|escape ... except|apart from|other than|but|besides ... "
        "die|dying|death|dead|suicide|killing myself|ending it|end it",
        (*_FIGURATIVE,),
    ),
    # Not safe with oneself.
    (
        SUICIDE,
        "do something stupid|something stupid to myself|do something to myself|do something bad to myself|"
        "not feel safe with myself|not safe with myself|not feel safe around myself|not safe from myself|"
        "not feel safe tonight|do not trust myself|can not trust myself|not trust myself|"
        "can not keep myself safe|not keep myself safe",
        (*_QUITTING, "ex", "text", "money", "spend", "buy", "shopping", "drink", *_FIGURATIVE),
    ),
    # Asking how, for oneself: a method question is never just information.
    (
        SUICIDE,
        "painless way|painless ways|quickest way to die|easiest way to die|quick way to die|best way to die|"
        "best way to kill|way to kill myself|way to kill yourself|ways to kill|ways to die|how to kill myself|"
        "how to end my life|how to commit suicide|how do i kill myself|how can i kill myself|way to end it|"
        "way to end my life|least painful way|most painless|way to go quickly",
        (*_FIGURATIVE, "game", "minecraft", "character"),
    ),
    (
        SUICIDE,
        "how much|how many|what dose|what amount|the amount of|amount of ... would kill me|to kill me|"
        "could kill me|will kill me|stop your heart|would stop my heart|"
        "to kill myself|would it take to die|does it take to die|to die|is lethal|would be lethal|lethal dose|"
        "fatal dose|to be fatal|would be fatal|stop my heart|is fatal|are fatal|fatal amount|lethal amount",
        (*_FIGURATIVE,),
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
        ("not on purpose", "did not mean", "by accident", "accidentally", *_FIGURATIVE),
    ),
    # A car as the means.
    (
        SUICIDE,
        "drive|driving|crash|crashing|steer|swerve ... into a wall|into a tree|into a lorry|into traffic|"
        "into the river|off the road|off a cliff|off the bridge|on purpose",
        (*_FIGURATIVE,),
    ),
    # Death as the way out.
    (
        SUICIDE,
        "death|dying|die|suicide|killing myself|ending it|end it ... only way|only option|only answer|"
        "only solution|only escape|the answer",
        (*_FIGURATIVE, *_QUITTING),
    ),
    # Goodbye messages: gone by the time it is read, never heard from again.
    (
        SUICIDE,
        "by the time you read this|by the time you get this|when you read this|when you get this|"
        "never hear from me again|never see me again|never hear from him again|never hear from her again|"
        "last time you will ever|last time i will ever|last time anyone will|last time anyone hears|"
        "last time i will hear|last time you will hear|last time i will see|last time you will see",
        (*_FIGURATIVE,),
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
            *_FIGURATIVE,
        ),
    ),
    # Apologies and love left behind.
    (
        SUICIDE,
        "tell|let ... i am sorry|im sorry|i love her|i love him|i love them|i love you|i loved",
        (
            "late",
            "for being",
            "for not",
            "about",
            "missed",
            "forgot",
            "can not make it",
            "die of boredom|of boredom|boredom|die of cringe",
            "running",
            *_FIGURATIVE,
        ),
        ("@self|@known|mum|dad|everyone|sister|brother",),
    ),
    (
        SUICIDE,
        "none of this is|this is not|it is not|its not ... anyones fault|your fault|nobodys fault|anybodys fault",
        ("he|she|they|his|her|their", "relapse*", "addict*", "using", "drugs", "ketamine", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "sorry for everything ... love|goodbye|bye|forgive|after this|doing it|do it|phone off",
        (*_FIGURATIVE,),
    ),
    # Ready to go, at peace: finality.
    (
        SUICIDE,
        "ready to go|ready now|ready for it|made my peace|made a decision|made my decision|made the decision ... "
        "not scared|not afraid|no longer scared|no longer afraid|at peace|goodbye|bye|calm|peaceful",
        (*_FIGURATIVE, "rehab|detox|quit*|leave him|leave her|job|move|moving|uni|course|clean|sober"),
    ),
    (
        SUICIDE,
        "leave this world|leaving this world|leave this earth|leaving this earth|not be in this world|"
        "not in this world much longer",
        (*_FIGURATIVE,),
    ),
    # --- Added concepts: self-harm
    (
        SELF_HARM,
        "cut|cutting|cuts|slit|slitting|sliced|slicing|slash*|stab|stabbed|stabbing|bit|bite|biting|stub*|"
        "dragging|dragged|scraping|scraped|"
        "scald*|pour*|burn*|carved|carving|carve|hit|hitting|punch*|bang*|smash*|whack*|headbutt*|scratch*|"
        "gouge*|dig|digging|dug ... my @body_part|my head|myself|into my|on my",
        (*_ACCIDENTS, "cut my hair", "cutting my hair", "fringe", "tattoo", *_FIGURATIVE),
    ),
    (
        SELF_HARM,
        "cut|cutting|slit|slitting|sliced|slicing|slash*|carved|carving|stabbed|stabbing|burning|burnt|hurt|"
        "hurting|harming|harmed|hitting|punching ... himself|herself|themselves|his @body_part|her @body_part|"
        "their @body_part",
        (*_ACCIDENTS, "hair", "fringe", "fell", "falling", "slipped", "trip", *_FIGURATIVE),
        (
            "@known|@now|again|blood|bleeding|deep|is sat|is sitting|sat in|sitting in|came to get me|"
            "in the stairwell|in the toilets|in the bathroom",
        ),
    ),
    (
        SELF_HARM,
        "@self|my|myself ... on purpose|deliberately|intentionally|purposely",
        ("not on purpose", *_FIGURATIVE),
        (
            "cut*|burn*|hit*|punch*|bang*|scald*|pour*|held|hold*|pressed|scratch*|bit|bite|biting|stab*|hurt*|harm*",
        ),
    ),
    (
        SELF_HARM,
        "cut|cuts|wound|wounds|slit|gash|gashes|sliced ... deep|gaping|stitches|will not stop|not stopping|"
        "bleeding|stitch",
        (
            *_ACCIDENTS,
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
        (*_FIGURATIVE,),
    ),
    (
        SELF_HARM,
        "fresh cuts|fresh cut|new cuts|covered in cuts",
        (*_ACCIDENTS, *_FIGURATIVE),
        ("still|again|now|tonight|keep|going|bleeding|blood|just",),
    ),
    (
        SELF_HARM,
        "urge|urges ... too strong|so strong|really strong|so bad|unbearable|can not fight|can not resist|winning",
        (*_FIGURATIVE,),
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
        (*_ACCIDENTS, *_FIGURATIVE),
    ),
    # --- Added concepts: overdose and medical
    (
        OVERDOSE,
        "took|taken|swallowed|necked|had|taking ... whole prescription|all my prescription|in one go|all at once|"
        "a months worth|a weeks worth|whole box|whole bottle|whole strip|whole pack",
        (*_FIGURATIVE, "exams", "days off", "holiday"),
    ),
    (
        OVERDOSE,
        "put|slipped|dropped ... something|stuff|a pill|pills ... in my drink|in her drink|in his drink|"
        "in our drinks|in my glass",
        (*_FIGURATIVE,),
    ),
    (
        MEDICAL,
        "gasping for air|gasping for breath|fighting for breath|struggling for air|can not get air|"
        "can not get any air|no air",
        ("fag", "cigarette", "smoke", "pint", "drink", "brew", *_FIGURATIVE),
    ),
    (
        MEDICAL,
        "not coming round|not coming around|will not come round|can not bring him round|can not bring her round|"
        "not come round",
        (*_FIGURATIVE,),
    ),
    (
        OVERDOSE,
        "took|taken|take|swallowed|necked|popped|downed|had|done ... @many ... pills|tablets|tabs|paracetamol|"
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
            *_FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "hit|banged|smashed|cracked|knocked|bashed ... head",
        (*_FIGURATIVE,),
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
            "moving to|leaving do|coworker|colleague|of sorts|will not need the service",
            *_FIGURATIVE,
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
        ("by accident", "not on purpose", "learned|learnt|advice|on board|group", *_FIGURATIVE),
    ),
    (
        SELF_HARM,
        "razor|razors|blade|blades|glass|key|spoon|hammer|lighter|compass|scissors ... on my|into my|"
        "my thighs|my arms|my legs|my skin|her arms|his arms|her legs|his legs",
        ("cooking", "shaving", "by accident", "accidentally", "dropped", *_FIGURATIVE),
    ),
    (
        SELF_HARM,
        "clawing|scratching|pulling my hair|picking ... can not stop|till|until|raw|open|bleed|wont stop|"
        "will not stop|right now",
        ("itch", "eczema", "mosquito", "bites", *_FIGURATIVE),
    ),
    (SELF_HARM, "deserve pain|deserve to hurt|deserve to bleed|deserve the pain", ()),
    (
        OVERDOSE,
        "eaten some|ate some|got into|swallowed some|wrong dose|bigger dose|old amount|more than usual|"
        "dunno how many|do not know how many|not sure how much|too much of something|way too much of|"
        "injected ... twice|took ... twice|3 times as much|double dose|nodding out|think it is poison|"
        "been spiked|has been spiked|spiked at|spiked me|poisoned by",
        ("food poisoning", "last year", "years ago", *_FIGURATIVE),
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
        ("last year", "years ago", "coffee|tea|drink", *_EXERCISE, *_FIGURATIVE),
        ("@now|@unwell|@known|@self|someone|stranger|little one|not moving|nothing|one side",),
    ),
    # --- Round 3: concepts from three more writers (plans, goodbyes, places, means; self-harm
    # relapse and tools to hand; poisoning of children and by household products; heat, falls,
    # fainting and pulse).
    (
        SUICIDE,
        "burden",
        (
            "asking|money|lift|lifts|favour|help with|for a bit|talking about it|said it is fine|said its fine",
            "as i get older|when i am old|care options|not a burden|not being a burden|no longer a burden|never a burden",
        ),
    ),
    (
        SUICIDE,
        "no one|nobody|noone|not one person|not a single person ... miss me|notice i am gone|notice if i|"
        "notice when i|care if i|care when i|care that i am gone",
        ("skip|leave early|do not go|do not come|not go to|class|lecture|meeting|party|shift", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "gave|given|giving|give ... my|away my|away his|away her ... dog|cat|ps5|xbox|playstation|switch|guitar|"
        "stuff|things|belongings|possessions|savings|jewellery|clothes|games|console",
        (*_FIGURATIVE,),
        (
            "know why|tell her why|tell him why|tell them why|better that way|will not need|not going to need|"
            "better than i could|look after him|look after her|calm|goodbye|bye|for good|ready",
        ),
    ),
    (
        SUICIDE,
        "deleted|deleting|delete ... my socials|all my socials|my accounts|my instagram|my facebook|my snapchat|"
        "my tiktok",
        (*_QUITTING, "recovery", "focus", "detox", "break from", *_FIGURATIVE),
        ("ready|calm|goodbye|bye|sorted|gave|given|last|for good|will not need|stuff|peace",),
    ),
    (
        SUICIDE,
        "talk me out of it|talk me out of this|change my mind|stop me this time|try to stop me|try and stop me",
        (
            "tattoo|haircut|hair|buying|order|job|holiday|dye|piercing|car|trainers|quit|quitting|leaving him|leaving her",
            "rehab|gym|diet|meeting|detox|recovery|college|uni",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "sorry in advance|sorry for what i am about to do|sorry for what is going to happen|"
        "sorry for what i am going to do|forgive me for what|forgive me for this",
        ("lol|haha*|spam|long message|rant|essay|typos|late reply|texts",),
    ),
    (
        SUICIDE,
        "if i do not reply|if i do not answer|if you do not hear from me|if i stop replying|if i go quiet ... "
        "done it|gone|dead|did it|because i",
        ("phone|battery|signal|asleep|sleeping|busy|work|shift|flight",),
    ),
    (
        SUICIDE,
        "i am at|i am on|i am standing on|standing on|stood on|i am sat on|sat on|sitting on|up on|on top of ... "
        "bridge|cliff|cliffs|cliff edge|platform edge|the tracks|train tracks|railway line|roof|rooftop|ledge|"
        "car park roof|multistorey|reservoir|quarry|beachy head|cliff top|canal|river|pier|viaduct|"
        "motorway bridge|level crossing|the platform",
        (
            "meet*|pub|bus|train to|waiting for my|waiting for a|picnic|walk*|run|view|photo*|traffic|sunset|selfie|"
            "station to|on my way|late|queue|fixing|repair*|gutter*|work|job|scaffold*|pay|parking|where do i|"
            "where is|near the|drop in",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "carbon monoxide|exhaust|hose pipe|hosepipe|charcoal|disposable bbq",
        ("alarm|detector|boiler|landlord|test*|garden|cooking|bbq in the park|park", *_FIGURATIVE),
        ("@self|car|tent|room|taped|sealed|in one|how long|garage",),
    ),
    (
        SUICIDE,
        "stockpil*|saving up my|saved up my|been saving|been collecting|hoarding|hoarded ... @drug|pills|tablets|meds",
        ("money|for my|prescription|holiday|pension|deposit", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "stop trying|stopping trying|give up|giving up|done trying|going to stop ... tonight|for good|forever|"
        "on everything|on life|on myself|anymore",
        (
            "ketamine|drugs|habit|addiction|using|drinking|cravings|diet|exam|job|dating|gym|smoking|vaping|sugar|alcohol|"
            "booze|caffeine|quit*",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "peace ... permanent|forever|for good|the permanent kind|for ever|eternal",
        ("of mind|and quiet|festival|lol", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "permanent peace|eternal sleep|permanent sleep|sleep forever|the long sleep|make it official|make it real|"
        "goodnight world|goodbye world|bye world|nothing keeping me here|nothing to keep me here|"
        "nothing keeping me going|rope is up|ropes up|rope up|noose is up|noose up|rope is tied|rope tied|"
        "see you never|see you on the other side",
        (*_FIGURATIVE, "could sleep|after this|tired|knackered|exhausted|nap|week"),
    ),
    (
        SUICIDE,
        "everything is in order|everything in order|all in order|got everything sorted|everything is sorted|"
        "sorted everything|sorted it all",
        (
            "move|moving|flat|holiday|trip|wedding|exam|fresh start|new job|party|christmas|birthday|half term|meeting|"
            "appointment",
        ),
        ("will|goodbye|bye|sorry|quiet|peace|ready|fed|note|kids|letters|love",),
    ),
    (
        SUICIDE,
        "look after the|look after my|look after your|take care of the|take care of my|take care of your ... girls|boys|kids|children|dog|cat|mum|"
        "dad|family|baby",
        (*_FIGURATIVE,),
        (
            "sorry|goodbye|bye|love|for everything|forgive|gone|note|not answering|when i am gone|after i am gone",
        ),
    ),
    (
        SUICIDE,
        "tell her|tell him|tell them|tell my @person|tell mum|tell dad|let her know|let him know ... "
        "was not her fault|was not his fault|was not their fault|is not her fault|is not his fault|"
        "was not your fault|none of it was|not anyones fault|not her fault|not his fault",
        ("relapse*|using|addict*|drugs|ketamine|divorce|split|breakup|break up|accident|crash|exam",),
    ),
    (
        SUICIDE,
        "will not need it anymore|will not need you anymore|will not need help anymore|will not need any help|"
        "will not be needing|will not need it any more|will not need this anymore|will not need them anymore",
        (*_QUITTING, "detox", "rehab", "recovery", "better now", "sorted now", "found a"),
        ("goodbye|bye|thank|sorry|for everything|love",),
    ),
    (
        SUICIDE,
        "leaving|left|leave ... phone|wallet|keys|note|shoes|bag ... bench|bridge|beach|cliff|car|tracks|shore|"
        "riverbank|river|platform",
        ("forgot|lost|found|pick up|collect|by accident|accidentally",),
        ("bye|goodbye|sorry|love|last|tell",),
    ),
    (
        SELF_HARM,
        "scissors|blade|blades|razor|razors|knife|lighter|sharpener|glass ... next to me|beside me|with me|"
        "in my hand|in front of me|on my desk|on the bed|on my bed|in my lap",
        (
            "shaving|shave|kitchen|cooking|chopping|craft|cardboard|hair|work|opening|dinner|food",
            *_FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "sat here with|sitting here with|sat with|holding|got|have ... the scissors|a blade|the blade|my blade|"
        "a razor|my razor|the razor|a lighter|my lighter|a sharpener|my sharpener|broken glass",
        (
            "shaving|shave|kitchen|cooking|chopping|craft|cardboard|hair|work|opening|smoke|smoking|candle|bbq",
            *_FIGURATIVE,
        ),
        (
            "@now|about to|going to|clean|urge*|again|relapse*|arm|wrist|thigh|skin|throw it all away|ruin|tonight",
        ),
    ),
    (
        SELF_HARM,
        "clean from|clean of|free from|without|streak ... cutting|self harm*|sh|harming|hurting myself|cuts",
        ("years now|proud|still clean|today is|celebrat*", *_FIGURATIVE),
        (
            "about to|going to|ruin|throw it all away|break|tonight|right now|urge*|blade|scissors|razor|lighter",
        ),
    ),
    (
        SELF_HARM,
        "relapsed|done it again|did it again|fresh ones|deeper than|going deeper|deeper each time|"
        "deeper this time|broke it|broke my streak|broken my streak|ruined my streak",
        ("diet|drinking|vape|vaping|smoking|k hole|rabbit hole|into the|debt|gambling|sugar",),
        ("deeper|fresh|bleed*|blood|cut*|blade|deserve it|scar*|sh|harm*|hurt*",),
    ),
    (
        SELF_HARM,
        "use it on my|use them on my|put it to my|hold it to my|press it into my|press it on my|burn my|burning my",
        ("hair|food|toast|dinner|tongue|mouth|lol|haha*|by accident|accidentally|straighteners|oven|pan",),
        ("lighter|blade|razor|scissors|knife|glass|cig*|iron|sharpener|going to|about to|want to",),
    ),
    (
        OVERDOSE,
        "swallowed|swallow|ate|eaten|necked ... my stash|the stash|the bag|the baggie|my bag|the lot|all of it|"
        "everything i had|whole bag",
        ("pride|words|gum|crisps|sweets|chocolate|cake|pizza|chips|popcorn|biscuits", *_FIGURATIVE),
    ),
    (
        OVERDOSE,
        "got spiked|been spiked|getting spiked|think i was spiked|think i have been spiked|spiked me|spiked my|"
        "spiked her|spiked his",
        ("worried about|scared of getting|prevent|avoid|how do i know|how to tell|test kit|testing|stories",),
    ),
    (
        OVERDOSE,
        "drank|drunk|swallowed|ate|eaten|drinking|eating|chewing|chewed|licked|sucked|has had ... "
        "bleach|cleaning product|dishwasher tablet*|washing tablet*|detergent|antifreeze|weedkiller|"
        "button battery|rat poison|white spirit|screenwash|laundry pod*|washing pod*|descaler|methadone",
        ("smell|hair|teeth|what if|lol|haha*",),
    ),
    (
        OVERDOSE,
        "year old|years old|toddler|baby|little one|months old|month old|kid|my son|my daughter ... "
        "swallowed|ate|eaten|chewing|chewed|licked|got into|found|had some",
        ("food|dinner|lunch|sweets|crayon|chocolate|grapes|sandwich|worm|toy|coin|lol|haha*",),
        (
            "pills|tablets|bag|baggie|ketamine|powder|drugs|meds|methadone|tablet|bleach|battery|stash|@drug|missing",
        ),
    ),
    (
        OVERDOSE,
        "pills missing|tablets missing|some missing|are missing|is missing|meds missing",
        ("lol|haha*|prescription|pharmacy|chemist|delivery|post",),
        ("year old|toddler|baby|little one|kid|son|daughter|child|months old|month old|got into",),
    ),
    (
        OVERDOSE,
        "took|used|using|did|had|injected|smoked|relapsed|scored|done ... after being clean|after being sober|"
        "after months|after years|after rehab|after detox|after prison|first time in|after a break|after a long",
        ("last year|years ago|ago|was ok|was fine|is fine|am fine|ashamed but|safe", *_FIGURATIVE),
        (
            "old amount|usual amount|same amount|what i used to|old dose|usual dose|heavy|sleepy|drowsy|nodding|blue|"
            "breathing|will not wake|can not wake|@now",
        ),
    ),
    (
        MEDICAL,
        "can not feel my heartbeat|can not feel my heart beat|can not feel my pulse|can not find a pulse|no pulse|"
        "can not find his pulse|can not find her pulse|can not feel his pulse|can not feel her pulse|"
        "can not find a heartbeat",
        ("watch|fitbit|app|lol|haha*",),
    ),
    (
        MEDICAL,
        "stopped sweating|not sweating anymore|temperature is|temp is|thermometer says|burning up|boiling hot|"
        "overheating|so hot",
        (
            "weather|room|flat|house|office|bus|train|tube|car|oven|tea|coffee|curry",
            *_FIGURATIVE,
        ),
        (
            "confused|nonsense|gibberish|not making sense|40|41|42|can not stand|ripping|fitting|seeing things|"
            "collapsed|passed out|will not wake|jaw|stopped sweating",
        ),
    ),
    (
        MEDICAL,
        "@other ... just dropped|dropped to the floor|dropped to the ground|dropped in the middle|hit the floor|"
        "hit the ground|went down and|dropped like a|fell and will not|fell and can not",
        ("phone|out of|off|bag|drink|course|class|the ball|price|prices|lol|haha*|glass",),
    ),
    (
        MEDICAL,
        "head ... bleeding|blood|lump|bump|split|cut open",
        ("nose|lol|haha*|but fine|its fine|it is fine|he is fine|she is fine",),
        (
            "confused|gibberish|nonsense|same question|repeating|being sick|vomit*|throwing up|drowsy|"
            "can not remember|not making sense|passed out|knocked out|sleepy|slurring|will not wake|talking rubbish",
        ),
    ),
    (
        MEDICAL,
        "keep fainting|keeps fainting|keep passing out|keeps passing out|passing out every|fainting every|"
        "fainted again|passed out again|about to faint|about to pass out|going to faint|going to pass out|"
        "nearly fainted just now|nearly passed out just now|almost fainted just now|almost passed out just now",
        (
            *_REACTION,
            "price|bill|cringe|heat|results|grades|lol|haha*|if i have to|another|email|boring|bored",
        ),
    ),
    (
        MEDICAL,
        "vision ... going black|gone black|going dark|keeps going|blurry|blurred|gone|tunnel|gone funny",
        ("glasses|contacts|screen|migraine aura|eye test|optician",),
        ("shaking|faint*|dizzy|chest|heart|took|spiked|poison|pass out|passing out|can not stand|@drug",),
    ),
    (
        MEDICAL,
        "heart rate|pulse|heartrate|bpm ... @fast_pulse",
        ("run|running|gym|workout|spin|cycling|hiit|training|5k|10k|match|race|lol|haha*",),
    ),
    (MEDICAL, "foam|froth ... mouth", ("toothpaste|coffee|beer|latte|lol|haha*",)),
    (
        MEDICAL,
        "lips|fingertips|fingernails|nails ... blue|grey|gray|purple",
        ("lipstick|varnish|polish|cold|swimming|swim|slushie|lolly|blueberr*|paint|sweets|ice", *_FIGURATIVE),
    ),
    (
        MEDICAL,
        "choking",
        (
            "on my words|on his words|on her words|spicy|curry|up at|up when|laugh*|lol|haha*|interview|cry*|"
            "on my drink|on my tea|cat|dog|hairball|puppy",
        ),
        ("@other|@now|can not|help|food|sweet|grape|is choking|am choking",),
    ),
    (
        SELF_HARM,
        "deserve it|deserve this|deserve the pain|deserve to hurt",
        ("lol|haha*|treat|holiday|cake|pay rise|break|bonus|win|won|award|day off",),
        ("arm|burn*|cut*|pour*|kettle|blade|razor|hurt|bleed*|scald*|skin",),
    ),
    (
        SELF_HARM,
        "harming herself|harming himself|harming themselves|hurting herself|hurting himself|hurting themselves",
        (*_TOPIC, *_FIGURATIVE, "by accident|accidentally"),
        ("again|@now|upstairs|bathroom|locked|sobbing|razor*|blade*|bleeding|blood|just",),
    ),
    (
        MEDICAL,
        "gurgling|gurgle|gurgly|rattly|death rattle|rattling sound|rattling noise",
        ("stomach|tummy|belly|pipes|drain|radiator|sink|lol|haha*",),
        ("@other|floor|sounds|noise|noises|breath*",),
    ),
    (
        MEDICAL,
        "allergic|anaphyla*|epipen|epi pen",
        ("what if|if i|if he|if she|test|hayfever|cat|dog|pollen|dust", *_FIGURATIVE),
        (
            "swollen|swelling|wheez*|can not breathe|breathing|throat|lips|tongue|hives|just ate|ate|eaten|reaction",
        ),
    ),
    (
        MEDICAL,
        "can not feel my face|can not feel my hands|can not feel my legs|can not feel my arms|"
        "can not feel anything|can not feel my body",
        ("cold|freezing|snow|dentist|numbing|lol|haha*|gym|leg day|workout",),
        ("heart|chest|breath*|@drug|dizzy|faint|took|going mental|racing|pounding|help|scared",),
    ),
    (
        MEDICAL,
        "twitching|jerking|spasming|spasms ... nonsense|gibberish|not making sense|eyes|will not stop|can not stop",
        ("eye twitch|eyelid|lol|haha*|restless legs|tired",),
    ),
    # --- Round 6
    (
        MEDICAL,
        "worst headache|thunderclap headache|sudden headache|headache came on",
        ("hangover|lol|haha*|last week|last year",),
        ("can not see|vision|nowhere|worst|sick|neck|confused|numb|slurr*|collapsed",),
    ),
    (
        MEDICAL,
        "throwing up blood|vomiting blood|coughing up blood|being sick blood|sick with blood|blood in my sick|"
        "blood in his sick|blood in her sick|spewing blood",
        ("nosebleed|once|last year|years ago|last month",),
    ),
    (
        SUICIDE,
        "sorry mum|sorry dad|sorry mam|sorry kids|sorry everyone|sorry to my mum|sorry to everyone",
        (
            "late|forgot|missed|can not make it|call you back|ring you back|text you back|for shouting|about earlier",
        ),
        ("tried|love|goodbye|bye|forgive|could not|can not|last|for everything|did my best",),
    ),
    (
        SUICIDE,
        "staying under|stay under|not come up|not coming up|never come up",
        (*_FIGURATIVE, "swim*|dive|diving|snorkel*|breath holding|record"),
        ("bath|water|river|sea|lake|canal|pool|going under",),
    ),
    (
        SUICIDE,
        "not scared of dying|not afraid of dying|not scared to die|not afraid to die|ready to die|"
        "only thing keeping me here|only reason i am still here|only thing keeping me alive|"
        "only thing keeping me going",
        (*_FIGURATIVE, "dog walks|walks|coffee|music"),
    ),
    (
        SUICIDE,
        "if you get me|if you know what i mean|you know what i mean|if you catch my drift",
        (*_FIGURATIVE,),
        ("train|station|bridge|tracks|platform|cliff|cliffs|pills|end|die|gone|not be here|not getting on",),
    ),
    (
        SELF_HARM,
        "so nobody sees|so no one sees|so nobody can see|so no one can see|where nobody can see|"
        "where no one can see|so nobody notices|so no one notices|so no one will see|so nobody will see",
        (*_FIGURATIVE, "tattoo|piercing|spots|acne|bruise from"),
        ("did|cut*|burn*|this time|still going|again|scars|marks|blade",),
    ),
    (
        OVERDOSE,
        "@drug ... plus|on top of ... @drug",
        (*_FIGURATIVE, "is it safe|can you|can i|is it ok|how long"),
        ("@unwell",),
    ),
    (
        SUICIDE,
        "planned it|planning it|have it planned|got it planned|picked the day|picked a day",
        ("party|surprise|meal|trip|holiday|wedding|proposal|route|revision|menu|outfit", *_FIGURATIVE),
        (
            "birthday|tonight|saturday|sunday|monday|friday|weekend|date|when|after|before|the day|note|goodbye",
        ),
    ),
    (
        SUICIDE,
        "thanks for|thank you for ... all those|for everything|for always|for trying|for being there",
        (
            "for the info|for the advice|your help today|speak soon|tomorrow|next week|see you|great night|party|"
            "presents|present|birthday|volunteering|my last day at|leaving do",
            *_FIGURATIVE,
        ),
        ("goodbye|bye|last|anymore|love you|sorry|forgive|will not need",),
    ),
    (
        SUICIDE,
        "when you jump|when i jump|if i jump|before i jump",
        (
            "trampoline|pool|parachute|skydive|bungee|puddle|swim*|dive|hurdles|long jump|high jump|jump start|"
            "rope|queue|scare",
            *_FIGURATIVE,
        ),
        ("hurt|painless|quick|ketamine|high|bridge|building|roof|train|die|floor",),
    ),
    # --- Round 7
    (
        SUICIDE,
        "train times|last train|level crossing|the crossing|fast one|fast train|train that does not stop|"
        "one that does not stop",
        ("late|delayed|home|work|cancelled|miss|missed|catch|book|ticket|journey|commute", *_FIGURATIVE),
        (
            "keep looking|waiting|platform|from mine|minutes|tonight|goodbye|for the|does not stop|not getting on",
        ),
    ),
    (
        SUICIDE,
        "different shops|different chemists|different pharmacies|not for a headache|not for pain",
        (*_FIGURATIVE,),
        ("paracetamol|pills|tablets|packs|packets|bought",),
    ),
    (
        SUICIDE,
        "got enough now|have enough now|finally have enough|finally got enough|got enough to|have enough to",
        ("money|saved up for|deposit|holiday|points|votes|signatures", *_FIGURATIVE),
        ("pills|tablets|prescription|meds|saving|saved|collecting|stockpil*",),
    ),
    (
        SUICIDE,
        "belt|rope|cord|scarf|ligature|noose|flex ... round|around|on|tied to ... door handle|banister|bannister|"
        "beam|hook|the loft|wardrobe rail|curtain rail|tree",
        (
            "dressing gown|coat|bag|dog|hang up|hanging up|washing|clothes|tie back|swing|hammock",
            *_FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "i know how|know how i would do it|know how i will do it|know how i am going to",
        ("cook|bake|drive|swim|fix|quit|stop|lol|haha*",),
        ("over|end|die|gone|point|do it|not be here",),
    ),
    (
        SUICIDE,
        "tonight|today|right now ... actually going to do it|really going to do it|finally going to do it|"
        "going to do it",
        (
            "homework|essay|washing|laundry|dishes|tidy|revision|workout|gym|run|tax|form|application",
            *_FIGURATIVE,
        ),
        ("think about it|thinking about it|every|comedown|sorry|goodbye|actually|finally|really",),
    ),
    (
        SUICIDE,
        "ok to go|okay to go|alright to go|let me go|permission to go",
        ("home|out|bed|to the|to sleep|to gp|to a|to my|party|shop|toilet|pee|loo|work|school|lol|haha*",),
        ("tell me|just|is it|please",),
    ),
    (
        SUICIDE,
        "perfect time to go|time to go now|right time to go|good time to go|time for me to go now",
        ("bed|home|to the|shop|party|gym|out|lol|pub|class|work|haha*",),
        ("asleep|everyone|alone|quiet|ready|goodbye|bye|i think",),
    ),
    (
        SUICIDE,
        "look like an accident|looks like an accident|seem like an accident|seems like an accident|"
        "looks accidental|look accidental",
        ("novel|story|character|film|game|book|lol|haha*|crime|plot",),
    ),
    (
        SUICIDE,
        "i am not going to be here|i will not be here|i will not be around|i am not going to be around|"
        "not going to be around for it|will not be around for it|will not be here for it",
        (
            "holiday|away|trip|at work|office|visiting|staying|next week|until|till|for a|for the|because|"
            "text me|call me|ring me|see you|back|late|busy|lol|haha*|can you|text|call|ring|in the office|"
            "at the office|at my|at her|at his",
        ),
    ),
    (
        SUICIDE,
        "if i am not here in the morning|if i am not here tomorrow|if i am not around tomorrow|"
        "if i am gone tomorrow|in case i am not here|if i do not wake up",
        ("holiday|away|work|shift|early|out|alarm|lie in|late", *_FIGURATIVE),
    ),
    (
        SUICIDE,
        "do not be sad|do not cry for me|do not miss me|do not blame yourself|do not be upset",
        (*_FIGURATIVE, "haircut|hair|exam|results|moving|leaving do|new job|holiday"),
        ("gone|not here|when i|if i|goodbye|bye|love|forever|morning",),
    ),
    (
        SUICIDE,
        "his passwords|her passwords|all his passwords|all her passwords|my passwords|bank details",
        ("scam|phishing|hacked|fraud|reset|forgot|lol", *_FIGURATIVE),
        ("need these|need them|sent me|gave me|left|just in case|when i am gone|goodbye",),
    ),
    (
        SUICIDE,
        "hanging|drowning|jumping|gassing|suffocating|drown ... quick|painless|hurt|how long|feel",
        (
            "question for|essay|history|film|documentary|execution*|baskets|hanging out|washing|picture|lol|haha*|"
            "swimming|lesson|lifeguard|hanging after|so hanging|proper hanging|hanging today|hanging this|last night|"
            "drive|hangover",
        ),
        ("right|is it|would|does|how|asking",),
    ),
    (
        OVERDOSE,
        "lost count|redosed|redosing|re dosed|keep redosing|kept redosing|keep topping up|kept topping up",
        ("drinks|pints|shots|lol|haha*|sheep|days|calories",),
        ("@unwell|times|lost count",),
    ),
    (
        OVERDOSE,
        "2|3|4|5|6|7|8|9|10|two|three|four|five|six|seven ... bags|grams|baggies|g ... on his own|on her own|"
        "by himself|by herself|by myself|on my own|to himself|to herself",
        ("sugar|crisps|shopping|lol|haha*",),
        ("done|did|had|took|taken|gone through|done like|snorted|railed",),
    ),
    (SUICIDE, "beachy head", ("holiday|walk|trip|view|day out|picnic|visit*|lighthouse|photo*",)),
    # --- Round 8
    (
        OVERDOSE,
        "nodding out|nodding off|keeps nodding|keep nodding|gouching|gouching out",
        ("tired|boring|lecture|meeting|class|film|movie|tv|telly|lol|haha*|bus|train",),
        ("@drug|benzos|heroin|after|sleep it off",),
    ),
    (
        MEDICAL,
        "worst stomach pain|worst pain|doubled over|throwing up green|vomiting green|green sick|green bile",
        ("period|labour|lol|haha*|last year|years ago",),
        ("ever|can not|green|doubled|stand|blood|ketamine|daily|every day",),
    ),
    (
        SUICIDE,
        "do not see a way|can not see a way|no way past|no way through|no way forward|see no way",
        (*_QUITTING, "exam|job|essay|deadline|money|rent|traffic|lol|haha*|round it|around it"),
        ("done|end|anymore|not being dramatic|tonight|week|life|point|gone",),
    ),
    (
        SUICIDE,
        "bought the stuff|got the stuff|bought what i need|got what i need|bought everything i need",
        ("shopping|party|bbq|cake|birthday|paint|diy|recipe|lol|haha*|dinner|tea|school|uni|holiday",),
        ("thought about it|thinking about it|today|tonight|ready|for it|to do it|decided",),
    ),
    (
        SUICIDE,
        "keep thinking about|can not stop thinking about|been thinking about ... the bridge|the tracks|the train|"
        "the cliff|the cliffs|the river|the roof|jumping|the pills|the rope",
        ("lol|haha*|holiday|view|photo*|project|essay|design|model|painting|walk",),
    ),
    (
        SUICIDE,
        "gave me his|gave me her|given me his|given me her ... watch|ring|guitar|dog|cat|stuff|things|necklace|"
        "medals|car|bank card|keys",
        ("birthday|christmas|present|lend|borrow|fix|mend|look after while|holiday",),
        ("today|alone|burden|goodbye|why|worried|strange|weird|scared|for good",),
    ),
    (
        SUICIDE,
        "hurt|hurts|painful|quick|painless ... drowning|hanging|jumping|gassing",
        ("swimming|lesson|lifeguard|history|film|essay|lol|haha*|hanging out|baskets",),
        ("i mean|right|is it|would|does|how|asking|do you think|i am at",),
    ),
    (
        SUICIDE,
        "set a date|picked a date|chosen a date|set the date|chose a date",
        (
            "wedding|engaged|party|move|moving|exam|holiday|trip|court|appointment|operation|quit|quitting|sober|stop|"
            "last use|detox|rehab|reunion",
            *_FIGURATIVE,
        ),
        ("tomorrow|tonight|told anyone|not told|saturday|sunday|monday|friday|weekend|birthday|goodbye",),
    ),
    (
        SELF_HARM,
        "picking at|opening up|reopening|re opening|opened up|ripping open|ripped open ... wounds|cuts|scars|scabs|"
        "stitches",
        ("spots|acne|mosquito|eczema|insect|bite|bites|surgery|op|operation",),
        ("make them worse|worse|on purpose|deliberately|tonight|bleed*|again|old|blood|plasters",),
    ),
    (
        SELF_HARM,
        "hand|arm|fingers|skin ... over the hob|on the hob|over the flame|over the candle|in the flame|on the iron|"
        "under the hot tap|in boiling",
        ("cooking|recipe|warm|cold|lol|haha*|by accident|accidentally",),
    ),
    # --- Round 9
    (
        SUICIDE,
        "to find me|will find me|would find me|finds me|find me first",
        (
            "lost|hide and seek|can not find me|can you find me|find me a|find me on|help me find|if you need|party|"
            "club|pub|where|lol|haha*",
        ),
        ("not be the ones|the one|do not want|will not|kids|weekend|body|tomorrow|morning",),
    ),
    (
        OVERDOSE,
        "had them|took them|taken them|swallowed them|had it|took it|taken it ... an hour ago|hours ago|mins ago|"
        "minutes ago|half an hour ago|hour ago",
        (
            "prescribed|as prescribed|with food|antibiotics|the right dose|normal dose|one|two|2 of",
            *_FIGURATIVE,
        ),
        ("@many|paracetamol|pills|tablets|all",),
    ),
    (
        SUICIDE,
        "picturing my funeral|planning my funeral|thinking about my funeral|imagining my funeral|my own funeral",
        ("playlist|lol|haha*|joke|wedding|last year|years ago", *_FIGURATIVE),
    ),
    (
        MEDICAL,
        "seeing things|hallucinating|shaking|sweating|fitting|the shakes ... stopped drinking|stopped the drink|"
        "withdrawal|withdrawing|coming off the drink|no drink since",
        ("last year|years ago|months ago|normal|how long|lol|haha*",),
    ),
    (
        MEDICAL,
        "stopped drinking|stopped the drink|no drink since|coming off the drink ... seeing things|hallucinating|"
        "fitting|shaking|the shakes|sweating",
        ("last year|years ago|months ago|normal|how long|lol|haha*",),
    ),
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
# Body words used about things, or as exaggeration: a medical match in a
# text with one of these is set aside ("nearly fainted when i saw my
# grades", "the server is not responding", "so full i cant breathe").
MEDICAL_FIGURES = (
    "nearly died|almost died|nearly had a|almost had a|nearly choked|almost choked|nearly collapsed at|"
    "nearly collapsed when|literally|practically",
    "nearly|almost ... when i saw|when i heard|when i got|when they|when she|when he|laughing|price|bill",
    "server|internet|wifi|battery|laptop|app|website|signal|computer|router|engine|plant|team|printer",
    "so cold my fingers|so cold my hands|so cold outside|so cold today|so cold in here|so cold i can",
    "from hunger|so full|slushie|lolly|cringe|embarrassment|marathon|i am screaming|screaming lol|song|so good|"
    "tax return|homework|exam|monday",
    "my cat|my dog|the cat|the dog|vet|puppy|kitten|hamster|rabbit",
    "screamed like|sounded like|acting like|pretending",
    "giving me a|gave me a|give me a ... heart attack|stroke|fright|scare|seizure|aneurysm",
)

INFORMATION_FRAMES = (
    "writing a story|a character|in a film|in a book|in the film|what does ... mean|saw it online|"
    "for my essay|for a project|for uni|report a post",
    "what happens|what would happen|what will happen|what happen|what if|what does|look like|looks like",
    "what to do|what should you do|what do you do|what should someone do|what can you do",
    "what are the signs|what are signs|what are the symptoms|what are the warning|warning signs|"
    "signs of|symptoms of|signs that|sign of",
    "what is the|what are the|what is an|what is a|what counts|how do you know|how do you tell|how to tell|"
    "how can you tell|how would you know|how would i know|how can i tell|how do i know|how do i tell",
    "how much|how many|how long|how likely|how common|how dangerous|how often|how do people|how does",
    "is it possible|is it dangerous|is it safe|is it bad|is it true|is it normal|is that normal|is this normal|"
    "is that right|recovery position|best way to bring|bring it up|what do i say|what should i say|how do i ask|"
    "how can i ask|how to ask|how do i raise|how to raise|"
    "is it a myth|normal to|normal for|is that true|is that real|is this true|is this real|i heard|i have heard",
    "how to help|how do i help|how can i help|how to support|how do i support|how can i support|"
    "to help a friend|to support a friend|to support someone|to help someone|i help someone|i help a friend",
    "is there a risk|risk of|chance of|likely to|more common|more likely|first aid|should i worry|"
    "is there a link|link between|support groups|asking for a friend|asking for the future",
    "what should i do if|what do i do if|what would i do if|what should we do if|what do we do if|what to do if|"
    "what can i do if|how do i talk to|how do i speak to|what do i say to|what should i say to|"
    "what do you say to|how do i report|how can i tell if|how do i know if|how can i know if|how do i tell if|"
    "how do i help|how can i help",
)

# Intent said outright ("still going", "bleeding through the plaster"): a
# match's everyday exceptions ("shaving", "plaster") do not set it aside.
INTENT = (
    "still going|happening tonight|it is happening|doing it tonight|going to cut|about to cut|i deserve it|"
    "deserve this|bleeding through|will not stop bleeding|can not stop bleeding|planning how to|planning to do it|"
    "might as well do it|do it myself|on purpose|deliberately|intentionally|the means are|means are sat|"
    "means are right|"
    "going to do it tonight",
)

# Words that make a question about the texter's own situation now.
PERSONAL_NOW = (
    "@urgent",
    "i have|i just|i think i|i took|i did|i am|i feel|i want|we took|we have|i can|make sure i|i do not|"
    "i will not|my eyes|keep my|got chest|my chest|my heart|my left arm|my arm is|my lips",
    "took|swallowed|snorted|necked|popped ... @drug|pills|tablets",
    "@known ... has|have|took|taken|had|did|is|are|was|just|will not|can not|is not|collapsed|passed out|fainted|"
    "fell|stopped|went|keeps|has gone|looks|got into|might have|has eaten|ate|swallowed",
    "lost my|lost the|lost everything|i have lost",
    "enough ketamine to|it takes to not|to not wake up|keep googling|been googling|googling how|need to delete|"
    "delete some stuff|before i go",
    # a method question, a goodbye note: about the texter even when phrased as a question
    "painless way|quickest way to die|easiest way to die|quick way to die|best way to die|way to kill myself|"
    "quickest way to|easiest way to end|best way to end it|quickest way to end|"
    "way to kill yourself|ways to kill|ways to die|how to kill myself|how to end my life|most painless|"
    "least painful way|i will|ill be|ill already|by the time you|when you get this|when you read this|"
    "point in carrying on|point in going on|point in living|point of living|point in life|point of me|point in me|"
    "point in waking|point in getting up|point in being|point of being|point of anything|point of it all|"
    "point anymore|point in anything|point of any of it|point of waking|point of getting up|not planning to|"
    "not planning on",
    "whoever finds me|who finds me|the person who finds me|while i do it|alone at the end|with me at the end",
    # asking for themselves: "how many would it take ... asking for me"
    "asking for me|asking for myself|asking because i|i want it to|because i am in|would it take to|does it take to|"
    "enough to kill|so i do not|so they do not|never come back|not come back",
)

# A question opening "can barely breathe" is no question.
NOT_A_QUESTION = frozenset({"barely", "hardly", "not", "no", "only", "never", "feel", "see", "t"})
# A question opening about a person now: "is he meant to be this cold".
PEOPLE_NOW = frozenset({"he", "she", "hes", "shes", "they", "theyre", "my", "his", "her", "this"})
# "if i am ever ...", "in case i ever ...": hypothetical, even about the texter.
EVER = (
    "if|in case|whenever ... ever",
    "if i start|if i find out|if i found out|if i discover|if i notice|if i catch|if i see signs|if i suspect",
)
# A known person in a present state after "if": "is it bad if he is not breathing" is about now.
KNOWN_NOW = (
    "bad if|normal if|serious if|dangerous if|ok if|okay if|worry if|worried if|not sure if|normal that|bad that ... "
    "he is|she is|they are|he has|she has|he keeps|she keeps|he will not|she will not|he can not|she can not|"
    "he does not|she does not|my @person is|my @person has|my @person will not|my @person keeps|my @person did|"
    "my @person took|my @person just|he did|she did|he took|she took|he just|she just",
)
# Talking about a topic, not a person: a word's meaning, a story, a post online.
ABOUT_A_TOPIC = (
    "what does ... mean",
    "what is ... mean",
    "meaning of|saw it online|saw it on|writing a story|a character|for my essay|for a project|for uni work|"
    "for school work|in a film|in a book|in the film|report a post|a post online|a post where",
)
# Who is asking and why, said inside an information question: nothing
# personal happening now ("im a parent and want to be prepared").
ASKER = (
    *(f"i am a {role}" for role in ("parent", "mum", "dad", "teacher", "nurse", "youth worker", "social worker",
                                     "student", "carer", "support worker", "paramedic", "doctor")),
    "want to be prepared",
    "want to be ready",
    "want to understand",
    "want to know",
    "wanted to know",
    "want to learn",
    "to look out for",
    "look out for",
)  # fmt: skip
# Words before an information phrase that make it no question: "dunno how many".
NOT_ASKING = (
    "not sure|do not know|dunno|no idea|unsure|not tell|will not tell|can not tell|not know|not say",
)

# Words that say a question is about something happening now: "is it dangerous
# to take 20 diazepam? i already did", "would i wake up? hoping not". They beat
# both a hypothetical "if" and a question asking for information.
SAYS_NOW = (
    "already|an hour ago|hours ago|mins ago|minutes ago|min ago|hour ago|so far|hoping not|need to be sure|"
    "not messing|not joking|right there|in front of me|next to me|stood by|standing by|been sat|sat on the|"
    "that is what i|what i am doing|i am doing it|just did|just taken|just took|just had|still is not|"
    "still not|still will not|like this for|like that now|been like this|want it over|it to be over|"
    "would i wake|will i wake|be painless|is it quick|would it be quick|will it hurt|would it hurt|hurt less|"
    "would i die|will i die|before i go|do it in the|will it be quick|will it be painless|would it be painless|"
    "is painless|is it painless|while i decide|whether to do it|whether i do it|let him sleep it off|we put him|"
    "asking because i|asking cos i|i am on the top|top floor now|i am up here|up here now|feeling really not right|"
    "feel really not right|not feeling right|really not right|"
    "we put her|put him in the|put her in the|"
    "let her sleep it off|"
    "be quick",
    "@person ... has been|have been|is having|is not responding|is talking nonsense|is going|are going|"
    "has gone|have gone|looks like|look like that",
)

# Words before a match that make it hypothetical ("if someone overdoses").
CONDITIONALS = frozenset({"if", "whether", "case", "suppose", "imagine", "hypothetically", "ever"})
# "not sure if he is breathing" asks whether, now: no hypothetical.
EMBEDDED_QUESTION = ("not sure", "not know", "not tell", "unsure", "wondering", "checking")

# A past or resolved event: not an emergency, unless it is back now.
RESOLVED_FRAMES = (
    "years ago|year ago|months ago|weeks ago|a while ago|long time ago|used to|in the past|back in|back when|"
    "when i was|when he was|when she was|when they were|as a teen|as a teenager|as a kid|back at uni|back at school|"
    "last year|few years|last summer|last christmas|last weekend|last week|the other day|yesterday|"
    "since i was|in years|i was really|i was so|i was suicidal",
    "doing well now|doing better now|doing ok now|doing okay now|doing good now|doing great now|"
    "am ok now|am fine now|am better now|am safe now|am okay now|is ok now|is fine now|is okay now|"
    "is better now|is safe now|are ok now|is doing ok|is doing well|is doing better|is doing okay|"
    "recovered|in recovery|clean for|sober for|free for|years clean|months clean|weeks clean|no longer|"
    "survived|got through it|made it through|passed away|died of|died from|died by|committed suicide|"
    "took his own life|took her own life|took their own life|in hospital now|is in hospital|are in hospital|"
    "was in hospital|is home now|is awake now|woke up fine|he came round|she came round|they came round|"
    "i came round|he came around|she came around|is alright now|was fine|turned out|fine this morning|"
    "fine today|fine now|but fine|doing well|just a bump|only a bump|bit of a bump|in memory of|memorial|"
    "fundraiser|sponsored|at @age|aged @age|"
    "were fine|ended up fine|turned out fine|saved my life|not suicidal anymore|ever since|been clean|"
    "not self harming anymore|not cutting anymore|proud of myself|in 3 years|in 2 years|in a year|years back|"
    "i once|once took",
    "have not ... since",
    "in @year|back in @year|since @year|from @year",
    "last month|a month ago|months back|weeks back|back then|doctors said|doctor said|was ok after|"
    "was okay after|were ok after|was alright after|when i was younger|have not done it in|have not self harmed|"
    "have not cut in|been years since|been a year since|well since|fine since|better since|good place now|"
    "better place now|much better now|loads better now|thought i was dying|thought i was going to die|"
    "thought i was having|felt like i was dying|felt like she was dying|felt like he was dying|at the weekend|"
    "sometimes|usually|when i am anxious|when i get anxious|when i panic",
)
# Words that look like "happening again" but say the opposite.
NOT_AGAIN = (
    "now he will not",
    "now she will not",
    "now i will not",
    "now he does not",
    "now she does not",
    "now i do not",
    "can i still",
    "still safe",
    "still ok",
    "still okay",
    "still allowed",
    "still worried",
    "still worry",
    "never again",
    "not again",
    "never ever again",
    "still think about",
    "still think of",
    "still remember",
    "still miss",
    "still have the scars",
    "still have scars",
    "still got the scars",
    "still got scars",
    "still get",
    "still anxious",
    "still nervous",
    "still scared",
    "is back now",
    "place now",
    "well now",
    "better now",
    "fine now",
    "ok now",
    "okay now",
    "good now",
    "ago today",
    "anniversary",
    "so proud",
    "proud of him",
    "proud of her",
    "back at work",
    "back to work",
    "back to normal",
    *(
        f"now i am {state}"
        for state in ("clean", "sober", "happy", "well", "better", "good", "fine", "ok", "okay")
    ),
)

# Questions about how to support someone: personal only if something is
# happening now (ACUTE), not because a person is named.
SUPPORT_FRAMES = (
    "how do i help|how can i help|how to help|how do i support|how can i support|how to support|"
    "how do i talk to|how do i speak to|what do i say to|what should i say to|how do i approach|"
    "how do i get|how can i get",
)
# Words that make the statistical model's opinion not count: a laugh, or
# recovery talk. (A longer list of everyday words, "work", "clean",
# "relapsed", "college", cost more than it saved: on two rounds of writers
# the model had not seen, dropping it caught 9 more of 1,086 emergencies
# for 3 more false alarms in 1,210 ordinary texts.)
MODEL_UNLESS = (
    "lol|lmao|lmfao|haha*|hehe*|jk|joking|rofl",
    "habit|addiction|cravings|craving|quit|quits|quitting|sober|recovery|rehab|meeting|meetings|counselling|"
    "stop using|"
    "stop drinking|stop taking|goodbye to ketamine|bye to ketamine|before it kills",
)
ACUTE = (
    "@urgent",
    "just|now|tonight|today|bleeding|not breathing|will not wake|unconscious|swallowed|collapsed|blood",
    "with a razor|with a blade|with a knife|with pills|in the bath|on the bridge|on the roof|locked in|is sat|"
    "is sitting|saying she|saying he|saying they",
)
PRESENT_AGAIN = (
    "again|still|right now|tonight|at the moment|currently|these days|coming back|came back|are back|is back|"
    "and now|now i am|now he is|now she is|now they are|now it is|today|now but|round but|around but|woke up but|"
    "going to do it|actually going to|i think i am|sat here|i am sat|i am sitting|sitting here|first time|"
    "there is blood|blood on the|is fitting|is shaking|is seizing|is convulsing|is not breathing|"
    "is unconscious|is unresponsive|"
    "about to|i feel|i am feeling|feel really|feels really|already|so far|next to me|on my own|just rang|"
    "just sent|just texted|just called|just messaged|just took|just did|just swallowed|just had|"
    "not answering|going under|doing it|this is my last|this is goodbye|i am standing|standing at|standing on|"
    "since yesterday|since last night|since this morning|all day|for hours|keeping me here|keeping me alive|"
    "are counted out|counted out|are ready|are lined up|on the table|in front of me|can not see a reason|"
    "can not carry on|can not go on|will not pick up|not picking up|seeing things|hallucinating|"
    "i am down at|down at the|i am at the|i am on the|"
    "keeping me going|now it just|now i just|now it makes|now it is just",
)
