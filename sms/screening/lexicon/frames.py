"""Frames: what makes a match not an emergency (a question asking for
information, a hypothetical, a past or resolved event, a topic) and what
makes it one all the same (something happening now, intent said outright)."""

from __future__ import annotations

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
    "heart is in pieces|heart in pieces|heart is broken|broken heart|heartbroken|heart breaks|heart broke|"
    "heart is breaking|breaks my heart|broke my heart",
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
    "what should ... know about",
    "need to know about|what to know about|why do people|why does ketamine make",
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
    "happening now|it is happening|happening right now|happening to my|happening to him|happening to her",
    "@person ... has been|have been|is having|is not responding|is talking nonsense|is going|are going|"
    "has gone|have gone|looks like|look like that",
)

# Words before a match that make it hypothetical ("if someone overdoses").
CONDITIONALS = frozenset({"if", "whether", "case", "suppose", "imagine", "hypothetically", "ever"})
# "not sure if he is breathing" asks whether, now: no hypothetical.
EMBEDDED_QUESTION = ("not sure", "not know", "not tell", "unsure", "wondering", "checking")

# A past or resolved event: not an emergency, unless it is back now.
RESOLVED_FRAMES = (
    "years ago|year ago|yrs ago|yr ago|months ago|weeks ago|a while ago|long time ago|used to|in the past|back in|back when|"
    "when i was|when he was|when she was|when they were|as a teen|as a teenager|as a kid|back at uni|back at school|"
    "last year|few years|last summer|last christmas|last weekend|last week|the other day|yesterday|"
    "since i was|in years|i was really|i was so|i was suicidal",
    "doing well now|doing better now|doing ok now|doing okay now|doing good now|doing great now|"
    "am ok now|am fine now|am better now|am safe now|am okay now|is ok now|is fine now|is okay now|"
    "is better now|is safe now|are ok now|is doing ok|is doing well|is doing better|is doing okay|"
    "recovered|in recovery|clean for|sober for|free for|years clean|yrs clean|months clean|weeks clean|no longer|"
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
    "have not cut in|been years since|been a year since|years since|year since|months since|well since|fine since|better since|good place now|"
    "better place now|much better now|loads better now|thought i was dying|thought i was going to die|"
    "thought i was having|felt like i was dying|felt like she was dying|felt like he was dying|at the weekend|"
    "sometimes|usually|when i am anxious|when i get anxious|when i panic",
    # Signs that the danger has passed, seen now.
    "breathing normal|breathing normally|breathing fine|back to normal|talking normally|talking fine|"
    "colour is back|color is back|is up now|is awake now|false alarm|has stopped now|have stopped now|"
    "stopped shaking|sat up and|sitting up and",
    # Said to close the story: it is over.
    "all managed|well managed|is managed|all sorted now|all good now|all fine now|she is fine|he is fine|"
    "they are fine|we are fine|everyone is fine",
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
# A laugh ("lol", "joking") sets a match aside as banter; these say it is
# not one: "not joking", "dead serious", "lol gonna kms fr".
LAUGHS = ("lol|lmao|lmfao|haha*|hehe*|jk|joking|jokes|rofl|kidding",)
SERIOUS = (
    "not joking|not even joking|no joke|not a joke|not kidding|no kidding|not messing|dead serious|"
    "deadly serious|i am serious|i am being serious|being serious|seriously though|i mean it|not funny|"
    "for real|fr|srsly|deadass",
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
    # "Fine" on someone's word, or with a "but": not over.
    "says she is fine|says he is fine|say they are fine|says they are fine|says she is ok|says he is ok|"
    "fine but|ok but|okay but",
)
