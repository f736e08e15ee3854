"""The first built-in crisis patterns, by category: overdose and poisoning,
medical emergencies, suicide, self-harm."""

from __future__ import annotations

from sms.screening.lexicon.exceptions import (
    ACCIDENTS,
    ASLEEP,
    CUTTING_BACK,
    EXERCISE,
    FIGURATIVE,
    FOR_NOW,
    NOT_SUICIDAL,
    QUITTING,
    REACTION,
    SLOW_HARM,
    TAKE,
    THINGS_DIE,
    TOO_MUCH,
    TOPIC,
    WANTING_THE_HABIT_TO_STOP,
)
from sms.screening.lexicon.words import MEDICAL, OVERDOSE, SELF_HARM, SUICIDE

# --- Built-in crisis patterns ---------------------------------------------------
# (category, pattern, patterns that cancel it[, patterns one of which must
# also be in the text]). A match is an emergency unless a frame (`frames`) says
# otherwise.
RULES: tuple[tuple, ...] = (
    # --- Overdose and poisoning
    (
        OVERDOSE,
        f"{TAKE} ... {TOO_MUCH}",
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
            *FIGURATIVE,
        ),
    ),
    (
        OVERDOSE,
        f"{TAKE} ... @drug|them|it|some|of|pills|tablets|a load|loads",
        (
            "done with",
            "had enough of",
            "no more",
            "quit",
            "quitting",
            "never again",
            "goodbye",
            "exams",
            *FIGURATIVE,
        ),
        ("@unwell",),
    ),
    (
        OVERDOSE,
        "overdos*|overdid|overdone|overdoing ... @drug|it",
        (
            "overdose it",
            "overdid it at",
            *FIGURATIVE,
            *TOPIC,
            "bench|gym|workout|training|squats|press|weights|sun|food|cake|spice|chilli|cardio|class|lesson|teacher|"
            "scene|lived experience|experience of",
        ),
    ),
    (
        OVERDOSE,
        "overdos*",
        (
            "chippy|chips|fish supper|kebab|takeaway|curry|maccies|mcdonalds|pizza|crisps|sweets|cake",
            "overdose it",
            "chocolate",
            "netflix",
            "band|called|named|album|revision|studying|sunshine",
            "sugar",
            "caffeine",
            "coffee",
            "perfume",
            *FIGURATIVE,
            *TOPIC,
            "scene|the word|lived experience|experience of|amount|died of|died from|passed away|survivor|during an|"
            "during a|in class|teacher|lesson|training|fiction",
        ),
        ("@self|@known|@now",),
    ),
    (
        OVERDOSE,
        "i have odd|has odd|have odd|had odd|just odd|i odd|odd on|odd off|think i odd",
        (
            "chippy|chips|fish supper|kebab|takeaway|curry|maccies|mcdonalds",
            "banter",
            "mince pies|chocolate|sugar|sweets|cake|food|netflix|pizza|crisps",
            *FIGURATIVE,
        ),
    ),
    (OVERDOSE, "@self|@other ... poisoned|poisoning|spiked", ("food poisoning",)),
    (OVERDOSE, "drink|drinks|drug|drugged ... spiked|drugged", ()),
    # --- Medical emergencies
    (
        MEDICAL,
        "can not|could not|will not|would not|not|unable to|trying to|tried to|try to ... wake|waking|rouse|"
        "respond|responding|react|reacting|answer|answering|open his eyes|open her eyes|opening",
        (
            "remember|recall|think of",
            "for lectures|for uni|for class|every morning|every single morning",
            "wake me|till noon|until noon|till lunch|until lunch|noon|for school|for work|for college|lie in|day off",
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
        (
            "quiz|exam|test|interview|the question|on stage|presentation|my mind went blank|went blank",
            "the windows|blackout blinds|curtains|blinds",
            *FIGURATIVE,
            *ASLEEP,
        ),
    ),
    (MEDICAL, "unconscious|unresponsive|out cold|keeled over", (*FIGURATIVE, *ASLEEP)),
    (
        MEDICAL,
        "not|can not|could not|barely|hardly|stopped|stop|stopping|stops|struggling|struggle|trouble|"
        "difficulty|hard|slow|slowly|shallow|weird|funny|strange|gasping|no ... breath*",
        (
            "breathe again|can breathe again|breathe a sigh|sigh of relief",
            # The weather or a room, not a body.
            "degrees|heatwave|so humid|sauna|so stuffy|no air in",
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
            "dry shampoo|hairspray|perfume|deodorant|the tube|on the train|on the bus|stuffy|humid",
            *REACTION,
            *FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "breath* ... slow|slowly|shallow|weird|funny|strange|stopped|stopping|rattling|rattly|gurgling|"
        "snoring|gasping|odd|wrong|irregular|noisy",
        ("nose", "nostril", *FIGURATIVE),
    ),
    (MEDICAL, "snoring|gurgling|rattling ... weird|loud|strange|funny|can not|will not|not", (*FIGURATIVE,)),
    (
        MEDICAL,
        "@self|@other ... choking|choke|chokes",
        (
            "had me choking|on my pint|comedian",
            "words",
            "interview",
            "drink",
            "coffee|tea",
            "choking back|choked back|choke back|back tears",
            *FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "seizure|seizures|seizing|fitting|convuls*|having a fit|having fits|had a fit|gone into a fit|"
        "shaking all over|jerking|eyes rolled|eyes rolling|foaming|frothing|fit on",
        (
            *FIGURATIVE,
            "fitting the|fitting a|fitting new|fitting room|fitting out|fitting kitchens",
            # Settling in somewhere new.
            "fitting in well|fitting in really|fitting in nicely|fitting in so well|fitting in fine|"
            "fitting in great|fitting in with|fit in with",
            "fitting in at|fitting in with|fitting in well|fitting in there|fitting in here|fitting in anywhere|"
            "fitting in ok|fitting in fine|not fitting in|fitting in to|fitting in socially",
            "fitting perfect|fitting perfectly|fitting nicely|fitting lovely|fitting great|fitting well|dress|jeans",
            "police|threshold|customs|drugs seizure|drug seizure|asset",
            *REACTION,
        ),
    ),
    (MEDICAL, "eyes ... rolling|rolled|roll back|rolled back|rolling back|pinned|pinpoint", (*FIGURATIVE,)),
    (
        MEDICAL,
        "chest ... pain|pains|hurts|hurting|tight|tightness|crushing|heavy|pressure|agony|killing",
        (
            "when i think about|when i think of|whenever i think|heavy heart",
            "when i cough",
            "a cold",
            "my cold",
            "the flu",
            "pulled a muscle",
            "at the gym",
            "inhaler",
            "always been like",
            "when i run",
            *FIGURATIVE,
        ),
    ),
    (MEDICAL, "pain|pains ... in my chest|in his chest|in her chest|unbearable|agony", ()),
    (
        MEDICAL,
        "heart ... racing|pounding|going mad|going crazy|beating so fast|beating really fast|stopping|"
        "stopped|skipping|jumping out|going so fast|going really fast|weird beats|beating weird|going mental|"
        "hammering|thumping|out of my chest|through my chest",
        (
            "got the job|passed my|passed the|excited|first date|job interview|the news|exam results|so happy|proposed|engaged",
            # Nerves before something, and exercise: a racing heart that explains itself.
            "driving test|my test|my exam|exam in|interview in|sprint|workout|spin class|last lap",
            *FIGURATIVE,
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
            *REACTION,
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
            *FIGURATIVE,
        ),
    ),
    (
        MEDICAL,
        "lips|face|skin|fingers|turning|going|gone|went|looks|look|is ... blue|grey|gray|purple",
        (
            "feel",
            "feeling",
            "so blue",
            "mould|mold|cheese|bread|paint|dye|nail varnish|ink",
            "bit blue",
            "blue today",
            "blue light",
            "blue eyes",
            "blue hair",
            "blue pill",
            "grey hair",
            "blue in the face",
            "shouting|overnight|with these kids|hair|rage|angry|embarrass*",
            *REACTION,
            *FIGURATIVE,
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
            *ACCIDENTS,
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
            "plants|flowers|garden|my phone",
            "i swear|if i have to|one more|another shift|meme|that video|this video|if i do not finish|deadline|"
            "essay|assignment",
            "game|same level|this level|boss fight|fortnite|xbox|playstation|console|respawn",
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
            *EXERCISE,
            *FIGURATIVE,
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
            *FIGURATIVE,
            *SLOW_HARM,
            "this homework|this exam|this lesson|this lecture|this essay|this assignment|this revision|this meeting",
        ),
    ),
    (
        SUICIDE,
        "kill|killing|end|ending|top|topping|hang|hanging ... himself|herself|themselves|themself",
        (*FIGURATIVE, *SLOW_HARM, *TOPIC),
    ),
    (SUICIDE, "end|ending|take|taking|finish ... my life|my own life|his life|her life", ("back", "into")),
    (
        SUICIDE,
        "end it|end it all|end everything|end things|end this|finish it all|end my suffering|end the pain|"
        "ending it|ending it all|ending everything|ending things|finish it|finish it properly|finish myself",
        (
            "chapter",
            "relationship with|exam season|deleting the app|deleting my account|contract|subscription|the night",
            "gig|band|show|tour|season|series|halfway through|walked out",
            *TOPIC,
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
            "lie in|until noon|till noon|until midday|till midday|until lunch|till lunch|until the afternoon|till the afternoon",
            "dying to",
            # Said to get away from the drug: "i dont want to die from this, i want to stop".
            "do not want to|do not wanna|does not want to|never want to ... die from|die of|die like|die because",
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
            *THINGS_DIE,
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "wish i was|wish i were|better off|rather be|should be|deserve to|want to be|hope i|hope i do not ... "
        "dead|die|wake up|never born",
        (*FIGURATIVE,),
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
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "do not deserve to|not deserve to|deserve to ... live|be alive|be here|die|be dead",
        (*FIGURATIVE,),
    ),
    (
        SUICIDE,
        "want|wish|need|just want|i want ... it all to stop|it all to end|everything to stop|everything to end|"
        "it to be over|it all to be over|it all over|to stop forever|all to go away forever|to go away forever",
        (
            *WANTING_THE_HABIT_TO_STOP,
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
            *FIGURATIVE,
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
            *FIGURATIVE,
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
            "note to the|note for the|note to next door|note on the fridge|milkman|postman|the board",
        ),
    ),
    (
        SUICIDE,
        "suicide note|this is goodbye|goodbye forever|goodbye everyone|goodbye world|bye everyone|"
        "saying my goodbyes|said my goodbyes|say goodbye to everyone|last text|last message|final message|"
        "final text|last msg|final msg|last txt|final txt|"
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
            "before my contract|contract runs out|contract ends|credit|top up|topup|runs out|running out|before bed|before i sleep|battery|of the day|of the night",
            "on this number|new number|new phone|change of number|new one is",
            *QUITTING,
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
            *FOR_NOW,
        ),
    ),
    (
        SUICIDE,
        "want out|tapping out|checking out|logging off|signing off|disappear|disappeared|go away|go black|sleep|"
        "done|gone ... "
        "for good|forever",
        (
            *QUITTING,
            "holiday",
            "weekend",
            "lie in",
            "could sleep",
            "sleep forever after",
            "sold|selling|van",
            *FIGURATIVE,
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
            "noon|for school|for work|for college|lie in|day off",
            "mornings",
            "if i do not wake up on",
        ),
    ),
    (
        SUICIDE,
        "stop my heart|heart to stop|till my heart|until my heart|heart gives out|heart give out|hope my heart|"
        "my heart stops|heart will stop|heart would stop",
        ("when i see", "every time", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "goodbye|bye everyone|bye all|goodbye all",
        (
            "thanks for|thank you for the|ok|cheers|see you|later|hello|for the info|for the advice",
            "old me|to the old|starting|card|party|present|leaving do|leaving card|moving to|coworker|colleague",
            *FOR_NOW,
            *QUITTING,
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
            *TOPIC,
            *FIGURATIVE,
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
            *TOPIC,
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "on the roof|on a bridge|on the bridge|edge of|train tracks|on the tracks|at the tracks|train line|"
        "in front of the next",
        (
            "glory|stuck in my head|edge of my seat",
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
            *FIGURATIVE,
        ),
    ),
    (SUICIDE, "step|stepping|walk|walking|jump|jumping|throw myself ... in front of|in front", ()),
    (
        SUICIDE,
        "engine running|exhaust|hose pipe|hosepipe|decided how|decided when|planned how|worked out how",
        (),
    ),
    (SUICIDE, "@self ... suicidal|suicide", NOT_SUICIDAL),
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
            *TOPIC,
            *NOT_SUICIDAL,
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
            *ACCIDENTS,
            *FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "i am|i just|about to|going to|want to|need to|urge to|urges to|started|start|keep|been|relapse|"
        "relapsed|can not stop ... cut|cutting|self harm*|harm myself|hurt myself|burn myself|sh|shing|"
        "punching|banging|hitting|slamming|scratching|digging|carving",
        (*CUTTING_BACK, "cut the", "cut it", "cut loose", "cutting the", "fringe", "losses", "hours"),
    ),
    (
        SELF_HARM,
        "cut|cutting|cuts|sh|shing|burning|punching|banging|hitting|slamming|scratching|digging|carving ... "
        "again|can not stop|right now|too deep|tonight|bleeding|over and over|till it|until it|keep going|"
        "times|the wall|my nails|blood",
        (
            "cutting my hair|my hair off|haircut|hair cut|cut his hair|cut her hair|cutting his hair|cutting her hair",
            *CUTTING_BACK,
            *FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "self harm|self harming|self harmed|self injury|slef harm*",
        TOPIC,
        ("@self|@now|just|deep|again",),
    ),
    (
        SELF_HARM,
        "blade|blades|razor|razors|knife|lighter ... ready|in my hand|in hand|holding|open|my arm|my skin",
        (),
    ),
    (SELF_HARM, "@self ... holding|got|have|broke ... blade|blades|razor|razors|knife", ("kitchen",)),
)
