"""Crisis patterns added from the third to the ninth round of writers'
texts, each round's concepts together."""

from __future__ import annotations

from sms.screening.lexicon.exceptions import CUTTING_BACK, FIGURATIVE, QUITTING, REACTION, TOPIC
from sms.screening.lexicon.words import MEDICAL, OVERDOSE, SELF_HARM, SUICIDE

# --- Built-in crisis patterns ---------------------------------------------------
# (category, pattern, patterns that cancel it[, patterns one of which must
# also be in the text]). A match is an emergency unless a frame (`frames`) says
# otherwise.
# "mums collapsed": mum's, typed without the apostrophe.
_POSSESSIVES_WITHOUT_APOSTROPHE = (
    *("mums", "dads", "nans", "grans", "grandads", "sisters", "brothers", "sons", "daughters", "mates"),
    *("friends", "boyfriends", "girlfriends", "husbands", "wifes", "partners", "babys", "bfs", "gfs"),
    *("flatmates", "housemates"),
)

RULES: tuple[tuple, ...] = (
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
        ("skip|leave early|do not go|do not come|not go to|class|lecture|meeting|party|shift", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "gave|given|giving|give ... my|away my|away his|away her ... dog|cat|ps5|xbox|playstation|switch|guitar|"
        "stuff|things|belongings|possessions|savings|jewellery|clothes|games|console",
        (*FIGURATIVE,),
        (
            "know why|tell her why|tell him why|tell them why|better that way|will not need|not going to need|"
            "better than i could|look after him|look after her|calm|goodbye|bye|for good|ready",
        ),
    ),
    (
        SUICIDE,
        "deleted|deleting|delete ... my socials|all my socials|my accounts|my instagram|my facebook|my snapchat|"
        "my tiktok",
        (*QUITTING, "recovery", "focus", "detox", "break from", *FIGURATIVE),
        ("ready|calm|goodbye|bye|sorted|gave|given|last|for good|will not need|stuff|peace",),
    ),
    (
        SUICIDE,
        "talk me out of it|talk me out of this|change my mind|stop me this time|try to stop me|try and stop me",
        (
            "tattoo|haircut|hair|buying|order|job|holiday|dye|piercing|car|trainers|quit|quitting|leaving him|leaving her",
            "rehab|gym|diet|meeting|detox|recovery|college|uni",
            *FIGURATIVE,
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
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "carbon monoxide|exhaust|hose pipe|hosepipe|charcoal|disposable bbq",
        ("alarm|detector|boiler|landlord|test*|garden|cooking|bbq in the park|park", *FIGURATIVE),
        ("@self|car|tent|room|taped|sealed|in one|how long|garage",),
    ),
    (
        SUICIDE,
        "stockpil*|saving up my|saved up my|been saving|been collecting|hoarding|hoarded ... @drug|pills|tablets|meds",
        ("money|for my|prescription|holiday|pension|deposit", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "stop trying|stopping trying|give up|giving up|done trying|going to stop ... tonight|for good|forever|"
        "on everything|on life|on myself|anymore",
        (
            "ketamine|drugs|habit|addiction|using|drinking|cravings|diet|exam|job|dating|gym|smoking|vaping|sugar|alcohol|"
            "booze|caffeine|quit*",
            *FIGURATIVE,
        ),
    ),
    (
        SUICIDE,
        "peace ... permanent|forever|for good|the permanent kind|for ever|eternal",
        ("of mind|and quiet|festival|lol", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "permanent peace|eternal sleep|permanent sleep|sleep forever|the long sleep|make it official|make it real|"
        "goodnight world|goodbye world|bye world|nothing keeping me here|nothing to keep me here|"
        "nothing keeping me going|rope is up|ropes up|rope up|noose is up|noose up|rope is tied|rope tied|"
        "see you never|see you on the other side",
        (*FIGURATIVE, "could sleep|after this|tired|knackered|exhausted|nap|week"),
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
        (*FIGURATIVE,),
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
        (*QUITTING, "detox", "rehab", "recovery", "better now", "sorted now", "found a"),
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
            *FIGURATIVE,
        ),
    ),
    (
        SELF_HARM,
        "sat here with|sitting here with|sat with|holding|got|have ... the scissors|a blade|the blade|my blade|"
        "a razor|my razor|the razor|a lighter|my lighter|a sharpener|my sharpener|broken glass",
        (
            "shaving|shave|kitchen|cooking|chopping|craft|cardboard|hair|work|opening|smoke|smoking|candle|bbq",
            *FIGURATIVE,
        ),
        (
            "@now|about to|going to|clean|urge*|again|relapse*|arm|wrist|thigh|skin|throw it all away|ruin|tonight",
        ),
    ),
    (
        SELF_HARM,
        "clean from|clean of|free from|without|streak ... cutting|self harm*|sh|harming|hurting myself|cuts",
        ("years now|proud|still clean|today is|celebrat*", *FIGURATIVE),
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
        ("pride|words|gum|crisps|sweets|chocolate|cake|pizza|chips|popcorn|biscuits", *FIGURATIVE),
    ),
    (
        OVERDOSE,
        "got spiked|been spiked|getting spiked|think i was spiked|think i have been spiked|spiked me|spiked my|"
        "spiked her|spiked his",
        ("worried about|scared of getting|prevent|avoid|how do i know|how to tell|test kit|testing|stories",),
    ),
    (
        OVERDOSE,
        "drank|drunk|drink|swallowed|ate|eaten|drinking|eating|chewing|chewed|licked|sucked|has had ... "
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
        ("last year|years ago|ago|was ok|was fine|is fine|am fine|ashamed but|safe", *FIGURATIVE),
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
            *FIGURATIVE,
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
            "if i do not eat|hungry|starving|eat something|lunch|dinner|breakfast|snack",
            *REACTION,
            "price|bill|cringe|heat|results|grades|lol|haha*|if i have to|another shift|another day|another meeting|email|"
            "boring|bored",
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
        ("lipstick|varnish|polish|cold|swimming|swim|slushie|lolly|blueberr*|paint|sweets|ice", *FIGURATIVE),
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
        (*TOPIC, *FIGURATIVE, "by accident|accidentally"),
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
        ("what if|if i|if he|if she|test|hayfever|cat|dog|pollen|dust", *FIGURATIVE),
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
        (*FIGURATIVE, "swim*|dive|diving|snorkel*|breath holding|record"),
        ("bath|water|river|sea|lake|canal|pool|going under",),
    ),
    (
        SUICIDE,
        "not scared of dying|not afraid of dying|not scared to die|not afraid to die|ready to die|"
        "only thing keeping me here|only reason i am still here|only thing keeping me alive|"
        "only thing keeping me going",
        (*FIGURATIVE, "dog walks|walks|coffee|music"),
    ),
    (
        SUICIDE,
        "if you get me|if you know what i mean|you know what i mean|if you catch my drift",
        (*FIGURATIVE,),
        ("train|station|bridge|tracks|platform|cliff|cliffs|pills|end|die|gone|not be here|not getting on",),
    ),
    (
        SELF_HARM,
        "so nobody sees|so no one sees|so nobody can see|so no one can see|where nobody can see|"
        "where no one can see|so nobody notices|so no one notices|so no one will see|so nobody will see",
        (*FIGURATIVE, "tattoo|piercing|spots|acne|bruise from"),
        ("did|cut*|burn*|this time|still going|again|scars|marks|blade",),
    ),
    (
        OVERDOSE,
        "@drug ... plus|on top of ... @drug",
        (*FIGURATIVE, "is it safe|can you|can i|is it ok|how long"),
        ("@unwell",),
    ),
    (
        SUICIDE,
        "planned it|planning it|have it planned|got it planned|picked the day|picked a day",
        ("party|surprise|meal|trip|holiday|wedding|proposal|route|revision|menu|outfit", *FIGURATIVE),
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
            *FIGURATIVE,
        ),
        ("goodbye|bye|last|anymore|love you|sorry|forgive|will not need",),
    ),
    (
        SUICIDE,
        "when you jump|when i jump|if i jump|before i jump",
        (
            "trampoline|pool|parachute|skydive|bungee|puddle|swim*|dive|hurdles|long jump|high jump|jump start|"
            "rope|queue|scare",
            *FIGURATIVE,
        ),
        ("hurt|painless|quick|ketamine|high|bridge|building|roof|train|die|floor",),
    ),
    # --- Round 7
    (
        SUICIDE,
        "train times|last train|level crossing|the crossing|fast one|fast train|train that does not stop|"
        "one that does not stop",
        ("late|delayed|home|work|cancelled|miss|missed|catch|book|ticket|journey|commute", *FIGURATIVE),
        (
            "keep looking|waiting|platform|from mine|minutes|tonight|goodbye|for the|does not stop|not getting on",
        ),
    ),
    (
        SUICIDE,
        "different shops|different chemists|different pharmacies|not for a headache|not for pain",
        (*FIGURATIVE,),
        ("paracetamol|pills|tablets|packs|packets|bought",),
    ),
    (
        SUICIDE,
        "got enough now|have enough now|finally have enough|finally got enough|got enough to|have enough to",
        ("money|saved up for|deposit|holiday|points|votes|signatures", *FIGURATIVE),
        ("pills|tablets|prescription|meds|saving|saved|collecting|stockpil*",),
    ),
    (
        SUICIDE,
        "belt|rope|cord|scarf|ligature|noose|flex ... round|around|on|tied to ... door handle|banister|bannister|"
        "beam|hook|the loft|wardrobe rail|curtain rail|tree",
        (
            "dressing gown|coat|bag|dog|hang up|hanging up|washing|clothes|tie back|swing|hammock",
            *FIGURATIVE,
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
            *FIGURATIVE,
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
        ("holiday|away|work|shift|early|out|alarm|lie in|late", *FIGURATIVE),
    ),
    (
        SUICIDE,
        "do not be sad|do not cry for me|do not miss me|do not blame yourself|do not be upset",
        (*FIGURATIVE, "haircut|hair|exam|results|moving|leaving do|new job|holiday"),
        ("gone|not here|when i|if i|goodbye|bye|love|forever|morning",),
    ),
    (
        SUICIDE,
        "his passwords|her passwords|all his passwords|all her passwords|my passwords|bank details",
        ("scam|phishing|hacked|fraud|reset|forgot|lol", *FIGURATIVE),
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
        (*QUITTING, "exam|job|essay|deadline|money|rent|traffic|lol|haha*|round it|around it"),
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
            *FIGURATIVE,
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
            *FIGURATIVE,
        ),
        ("@many|paracetamol|pills|tablets|all",),
    ),
    (
        SUICIDE,
        "picturing my funeral|planning my funeral|thinking about my funeral|imagining my funeral|my own funeral",
        ("playlist|lol|haha*|joke|wedding|last year|years ago", *FIGURATIVE),
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
    # round 10: naloxone given and not working; head injuries; working up
    # the courage; someone cutting now; taking a blade out.
    (
        OVERDOSE,
        "gave|given|used|sprayed|injected|had ... narcan|naloxone ... still|not working|did not work|not waking|"
        "not responding|no response|second dose|another dose",
        ("how long|training|course|kit|where can|can i get|lol|haha*",),
    ),
    (
        MEDICAL,
        "@other|lips|face|skin ... funny colour|weird colour|strange colour|bad colour|grey colour|odd colour",
        ("paint|hair|dye|wall|car|bread|mould|mold", *FIGURATIVE),
    ),
    (
        MEDICAL,
        "hit|banged|smashed|knocked|cracked ... his head|her head|my head|their head|himself out|herself out|"
        "myself out ... sick|vomit*|throwing up|confused|drowsy|not making sense|slurring|bleeding|blood|"
        "passed out|came round|come round|knocked out",
        (
            "against a wall|against the wall|brick wall|on the desk|head against|last year|years ago|lol|haha*",
        ),
    ),
    (
        MEDICAL,
        "blood ... from his ear|from her ear|from my ear|out of his ear|out of her ear|from their ear",
        (),
    ),
    (
        SUICIDE,
        "the guts|the courage|the nerve|brave enough ... to do it|to go through with it|to end it|to jump|to take them",
        (
            "rehab|booked|tell|told|quit|stop|detox|phoned|call|ring|ask*|leave him|leave her|apply|speech|lol",
        ),
    ),
    (
        SELF_HARM,
        "@other ... is cutting|keeps cutting|started cutting|cutting again|cutting herself|cutting himself|"
        "cutting themselves|self harming|harming herself|harming himself",
        (
            "hair|cake|grass|lawn|hedge|onion*|veg*|class|classes|school|lessons|corners|ties|deal|crusts|"
            "last year|years ago|used to|in the past",
            # Someone cutting down on drink or drugs, or cutting someone out.
            *CUTTING_BACK,
            "cutting me|cutting us|cutting him|cutting her|cutting them",
        ),
    ),
    (
        SELF_HARM,
        "shaver|razor|sharpener ... apart|blade out|blades out|get the blade|take the blade",
        ("clean|cleaning|replace|replacing|new blade|new blades|beard|lol",),
    ),
    # round 11: suicide notes and farewells in other words; a self-harm
    # wound made again; muscle breakdown after a binge; someone going down;
    # paracetamol counted; "not joking"; a lethal amount for "my size".
    (
        SUICIDE,
        "no one to blame but me|nobody to blame but me|no one is to blame|nobody is to blame|not anyones fault but mine|"
        "see you on the other side|see yous on the other side|see ya on the other side|"
        "have not got ... weeks in me|days in me|another day in me|long left in me",
        ("exams|holiday|festival|deadline|lol|haha*|of the|match|game|fine|ok now",),
    ),
    (
        SELF_HARM,
        "making new ones|new cuts|fresh cuts|cutting again|opened up my|opened up his|opened up her|"
        "ripping ... plasters|stitches",
        ("last year|years ago|used to|lol|haha*|scar|scars healed|healed",),
    ),
    (
        MEDICAL,
        "pee|wee|urine|piss ... dark brown|brown|like cola|coca cola|black",
        ("bladder infection|uti|beetroot|lol|haha*|last year|years ago|normal|is it normal",),
    ),
    (
        MEDICAL,
        "just went down|just dropped|dropped to the floor|hit the floor|went down like|gone down and|went down and",
        (
            "price|prices|drink|pint|well|wifi|internet|server|game|match|score|temperature|swelling|fever|"
            "down the pub|down the shop|down to|down for|lol|haha*",
        ),
    ),
    (
        OVERDOSE,
        "paracetamol|co codamol|cocodamol|ibuprofen|sertraline|antidepressants|sleeping pills|sleeping tablets ... "
        "about 20|about 30|20 of|30 of|16 of|24 of|32 of|a whole packet|the whole packet|two packets|2 packets|"
        "a whole box|the whole box|the lot",
        (
            "should i|can i|is it safe|how many can|max|maximum|a day|per day|in 24|over the day|box of 16|"
            "bought|buy|buying|lol|haha*|years ago|last year",
        ),
    ),
    (
        SUICIDE,
        "not joking|no joke|not a joke|i am serious|she is serious|he is serious|deadly serious ... take|taking|"
        "swallow|end it|kill|jump|overdose|all her|all his|all my|tonight",
        ("lol|haha*|about the price|the traffic",),
    ),
    (
        SUICIDE,
        "kill|die|fatal|lethal|overdose ... my size|my weight|someone my size|someone my weight",
        ("dog|cat|pet|lol|haha*",),
    ),
    (
        MEDICAL,
        "stuck|choking ... can not talk|can not cough|can not speak|can not breathe|cant talk|cant cough",
        ("lol|haha*|last year|years ago",),
    ),
    (
        MEDICAL,
        "blood ... from his head|from her head|from the head|from their head|head is bleeding|head wound|"
        "not moving and",
        ("fine now|plaster|small cut|tiny|a little|bit of blood|nosebleed|lol|haha*|last year|years ago",),
    ),
    # Round 12 (texts in the first writer's voice; indirect suicide, terse texts): joining someone
    # who died; whoever finds me; not needing things after a day; done fighting; the long sleep;
    # done with life; "b" for be; not facing another day; not wanting to wake up; blue lips; "mums
    # collapsed" without the apostrophe; choking then quiet; blacking out again and again.
    (
        SUICIDE,
        "going to join|want to join|gonna join|will join|ready to join|be with her|be with him|be with them|"
        "be with my|see her again|see him again|join her|join him|join them ... tonight|soon|now|again|forever|"
        "for good|where she is|where he is",
        ("at the|at his|at her|for dinner|for tea|for a drink|for a pint|the pub|visit|visiting|lol|haha*",),
        (
            "passed|passed away|died|death|dead|lost her|lost him|funeral|grave|heaven|anniversary|since jean|"
            "since she went|since he went|since mum went|since dad went",
        ),
    ),
    (
        SUICIDE,
        "whoever finds me|who ever finds me|whoever find me|the person who finds me|when they find me|"
        "when someone finds me|for whoever finds|for when i am found|who will find me",
        ("hide and seek|hiding|hide|lol|haha*|lost|lost in|cosy|blanket|duvet",),
    ),
    (
        SUICIDE,
        "will not need|not going to need|will not be needing|wont need ... after tonight|after tomorrow|"
        "after friday|after saturday|after sunday|after monday|after tuesday|after wednesday|after thursday|"
        "after this week|after the weekend|where i am going|where i am off to|anymore after",
        (
            "holiday|moving|move|new job|new flat|new house|emigrat*|abroad|travel*|lol|haha*|exam|exams|uni|"
            "course|diet|rehab|detox|clinic",
        ),
    ),
    (
        SUICIDE,
        "stop fighting|stopped fighting|done fighting|give up fighting|gave up fighting|stop the fight ... "
        "for good|forever|for ever|now|tonight|anymore|any more",
        (
            "cravings|urges|craving|the urge|with my|with him|with her|with them|with mum|with dad|over|about|"
            "ketamine|drugs|habit|using|lol|haha*|it is fine|we made up",
        ),
    ),
    (
        SUICIDE,
        "want|ready for|time for|need|waiting for ... the long sleep|eternal sleep|permanent sleep|the big sleep|"
        "the forever sleep",
        ("lol|haha*|cat|dog|pet|film|book|novel|chandler",),
    ),
    (
        SUICIDE,
        "done with life|done with living|finished with life|done with it all|done with everything and everyone|"
        "had enough of life|had enough of living",
        (
            "lol|haha*|love life|social life|night life|nightlife|uni life|city life|work life|life on|"
            "get clean|getting clean|sober|recovery|rehab|quitting|a new life|fresh start",
        ),
    ),
    (
        SUICIDE,
        "want to b|wanna b|rather b|would rather b|going to b|just want to b|better off b ... dead|gone|with him|"
        "with her|done",
        ("lol|haha*|dead tired|dead on my feet|in bed|gone by 8|done by|done with ketamine|gone from here",),
    ),
    (
        SUICIDE,
        "can not|cannot|can not bring myself to|do not think i can|can not even ... face another day|"
        "face another morning|face another night|face waking up|face life|face living|face anything anymore|"
        "face tomorrow",
        (
            "at work|of work|work tomorrow|at school|of school|at uni|office|revision|exam|exams|lol|haha*|"
            "monday|mondays|hangover|shift|meeting|the gym|traffic|commute",
        ),
    ),
    (
        SUICIDE,
        "do not want to|do not wanna|never want to|i do not want to ever ... wake up|wake up again|wake up tomorrow",
        (
            "early|till|until|for work|for school|for uni|for college|for my exam|exam|alarm|monday|mondays|"
            "mornings|in the morning|lie in|day off|lol|haha*|at 5|at 6|at 7|so early|shift|hangover|"
            "wake up him|wake up her|wake up the|wake up my|wake up the baby|wake him|wake her|wake them|dream",
        ),
    ),
    (
        MEDICAL,
        "blue lips|purple lips|lips are blue|lips look blue|lips blue|lips are purple|lips gone blue|"
        "lips going blue",
        (
            "lipstick|lip gloss|slushie|blue raspberry|sweets|sweet|ice pop|lolly|paint|make up|makeup|ink|pen|"
            "dye|filter|swimming|sea|lake|pool|lol|haha*|last year|years ago|avatar|smurf|costume",
        ),
    ),
    (
        MEDICAL,
        "|".join(
            f"{person} {state}"
            for person in _POSSESSIVES_WITHOUT_APOSTROPHE
            for state in (
                "collapsed",
                "unconscious",
                "unresponsive",
                "not breathing",
                "passed out",
                "fainted",
            )
        ),
        (
            "lol|haha*|last year|years ago|used to|ago|dog|cat|house|shed|roof|ceiling|wall|tent|business|"
            "company|laughter|laughing",
        ),
    ),
    (
        MEDICAL,
        "choked|choking|choke ... gone quiet|went quiet|gone silent|gone limp|gone floppy|not making a sound|"
        "no sound|turning blue|gone blue|going blue|not breathing",
        (
            "lol|haha*|last year|years ago|fine now|ok now|coughed it up|got it out|she is fine|he is fine|"
            "they are fine|on my words|on the words",
        ),
    ),
    (
        MEDICAL,
        "keep blacking out|keeps blacking out|blacking in and out|drifting in and out|in and out of "
        "consciousness|keep going in and out|keeps going in and out",
        (
            "lol|haha*|last year|years ago|used to|when i stand|stand up too|stood up too|of sleep|film|lecture|"
            "class|meeting|signal|wifi",
        ),
    ),
)
