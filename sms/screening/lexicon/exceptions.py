"""Lists of words that set a pattern's match aside, shared by many rules:
figures of speech, cutting down, everyday accidents, sleep, reactions,
exercise, goodbyes for now, things that "die", topics, quitting talk.
Rules splice them into their own exceptions (`*FIGURATIVE`)."""

from __future__ import annotations

FIGURATIVE = (
    "lol", "lmao", "lmfao", "haha*", "hehe*", "jk", "joking", "jokes", "rofl",
    "meme|had a laugh|a good laugh|for a laugh|laughed so|laughed my|laughed till|laughed until|laughed too|laugh so|laughs so|laughter|laughing so|"
    "laughing at|laughing my|laughing too|died laughing|dying laughing|"
    "die laughing|crying laughing|for laughing|from laughing|with laughing|hilarious|too funny|so funny",
)  # fmt: skip
# "Cut" that is not self-harm: cutting down on drugs, cutting ties, hair.
CUTTING_BACK = (
    "cut down", "cut back", "cutting down", "cutting back", "cut out", "cutting out", "cut ketamine",
    "cutting ketamine", "cut off", "cutting off", "cut ties", "cutting ties", "corners", "cut my hair",
    "my hours", "our hours", "pay cut", "cut my pay", "fringe", "own hair", "hair short", "toenails", "the grass",
    "the lawn", "the hedge",
)  # fmt: skip
# Everyday mishaps that hurt: not self-harm.
ACCIDENTS = (
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
ASLEEP = (
    "slept|asleep on the sofa|on the sofa|by 10|early night|classic|snoring like normal|sleeping bags|sleepover",
)
# A reaction to news or a sight: "stopped breathing when i saw the lineup".
REACTION = (
    "when i saw|when i heard|when i read|when i got|when the|until i hear|till i hear|until i get|till i get|"
    "when she saw|when he saw|when they saw|when mum|when my mum|when dad|when my dad|moment when",
)
# Exercise: "i was dying on that hike".
EXERCISE = ("hike|run|5k|10k|workout|leg day|gym|spin class|bootcamp|training|circuits|football|netball",)
# A goodbye or "last text" that is only for now: bed, a holiday, a flat battery.
FOR_NOW = (
    "for a bit|for now|till tomorrow|until tomorrow|going to bed|off to bed|going bed|off bed|holiday|"
    "no signal|phone dies|phone is about to die|battery|volunteering|thanks for the chat|speak soon|talk soon|"
    "night x|night night",
)
# Death words said of things and feelings, not of a person.
THINGS_DIE = (
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
TOPIC = (
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
NOT_SUICIDAL = ("not suicidal", "never been suicidal", "never suicidal", "asked if i was", "not in danger")
# Addiction said to be killing someone slowly: not suicide now.
SLOW_HARM = (
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
QUITTING = (
    "quit|quitting|stop|stopping|done with|finished with|finish with|end|ending|give up|giving up|clean from|"
    "free from|away from|break from|goodbye to|bye to|kick|kicking ... ketamine|k|drugs|habit|addiction|using|"
    "use|drinking|booze|alcohol|cravings|craving|relationship|it with",
    "ketamine|k|drugs|habit|addiction|using|drinking|cravings|craving|relationship ... for good|forever|behind me|"
    "out of my life|once and for all|for ever|anymore|any more|for now",
    "clean for good|sober for good|stay clean|stay sober|get clean|getting clean|be clean|it with|off it|"
    "for good with|quit|quitting|not using anymore|not using any more|do not use anymore|not touching",
)
# "i want the ket and the cravings to stop": the habit is what should stop.
WANTING_THE_HABIT_TO_STOP = (
    "ketamine|drugs|habit|addiction|using|cravings|craving|drinking ... to stop|to end|stop|end|over",
    "to stop|to end|stop|end|over ... ketamine|drugs|habit|addiction|using|cravings|craving|drinking",
)
TAKE = (
    "took|taken|take|taking|had|done|did|doing|snorted|sniffed|swallowed|necked|dropped|drank|drunk|injected|"
    "mixed|mixing|bumped|bumping|railed|ate|eaten|popped|used"
)
TOO_MUCH = (
    "too much|too many|to much|to many|way too|far too|2 much|2 many|way more|much more than|more than i meant|"
    "more than i should|more than usual|the whole|a whole|all of|all my|all the|all his|all her|everything|"
    "double|triple|handful|fistful|a pile|a load|loads|an entire|a full|bottle|packet|box"
)
