"""How every reader of texts (keywords, the crisis screener) sees a text.

Pure functions over plain strings. People text in lower case, without
punctuation, in txt-speak and with typos, so a text is read in three steps:

1. `normalise`: accents dropped, case folded, apostrophes removed
   ("can't" -> "cant"), other punctuation turned into spaces.
2. `words`: txt-speak and apostrophe-less contractions spelt out
   ("im" -> "i am", "cant" -> "can not", "rn" -> "right now", "kms" ->
   "kill myself"), so patterns are written once, in plain words.
3. Typo tolerance (`is_close`) is for a caller's own short vocabulary only,
   never for whole phrases of common words: that is how "want to be clean"
   once matched "want to die".
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import DamerauLevenshtein

_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Emoji people text for laughing ("cant breathe 😂") read as "lol".
_LAUGHING = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f480\U0001f639]")


def normalise(text: str) -> str:
    """'  Qu’est-ce que la KÉTAMINE?? ' -> 'quest ce que la ketamine'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    lowered = _LAUGHING.sub(" lol ", _APOSTROPHES.sub("", stripped.casefold()))
    return " ".join(_NON_WORD.sub(" ", lowered).split())


# One token of txt-speak or an apostrophe-less contraction -> plain words.
# Only unambiguous tokens: "ill" (I'll or ill), "its", "k" (OK or ketamine)
# and "odd" (strange, or "od'd") stay as they are.
TXT_SPEAK: dict[str, str] = {
    # contractions written without the apostrophe
    "im": "i am",
    "ive": "i have",
    "iam": "i am",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "carnt": "can not",
    "wont": "will not",
    "dont": "do not",
    "dnt": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "isnt": "is not",
    "aint": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "couldnt": "could not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "hasnt": "has not",
    "havent": "have not",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "theyve": "they have",
    "youre": "you are",
    "thats": "that is",
    "whats": "what is",
    "wats": "what is",
    "theres": "there is",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gna": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    # txt-speak
    "u": "you",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "y": "why",
    "wat": "what",
    "wht": "what",
    "wot": "what",
    "rn": "right now",
    "atm": "at the moment",
    "pls": "please",
    "plz": "please",
    "plss": "please",
    "plis": "please",
    "pleas": "please",
    "pleaseee": "please",
    "idk": "i do not know",
    "dunno": "do not know",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "b4": "before",
    "tho": "though",
    "tonite": "tonight",
    "2nite": "tonight",
    "2night": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "every1": "everyone",
    "evry1": "everyone",
    "no1": "no one",
    "any1": "anyone",
    "cud": "could",
    "wud": "would",
    "shud": "should",
    "hav": "have",
    "av": "have",
    "bout": "about",
    "abt": "about",
    "ded": "dead",
    "m8": "mate",
    "m8s": "mates",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bff": "best friend",
    "bestie": "best friend",
    "mom": "mum",
    "mam": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "bro": "brother",
    "sis": "sister",
    "kms": "kill myself",
    "kmsl": "kill myself",
    "unalive": "kill",
    "unaliving": "killing",
    "unalived": "killed",
    "ctb": "kill myself",
    "shd": "self harmed",
    "myslf": "myself",
    "urself": "yourself",
    "wanted2": "wanted to",
    "want2": "want to",
    "nemore": "anymore",
    "anymor": "anymore",
    "nomore": "no more",
    "theyll": "they will",
    "tonights": "tonight is",
    "todays": "today is",
    "youll": "you will",
    "itll": "it will",
    "thatll": "that will",
    "kys": "kill yourself",
    "od": "overdose",
    "ods": "overdoses",
    "oded": "overdosed",
    "odeed": "overdosed",
    "oding": "overdosing",
    "odding": "overdosing",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "myslef": "myself",
    "mysef": "myself",
    "ket": "ketamine",
    "someones": "someone is",
    "liv": "live",
    "wnt": "want",
    "anymroe": "anymore",
    "cuting": "cutting",
    "cutin": "cutting",
    "ketamin": "ketamine",
    # Scots negatives and words that mean nothing else in a text
    "dinnae": "do not",
    "cannae": "can not",
    "canna": "can not",
    "wouldnae": "would not",
    "couldnae": "could not",
    "willnae": "will not",
    "wullnae": "will not",
    "disnae": "does not",
    "isnae": "is not",
    "havnae": "have not",
    "havenae": "have not",
    "mair": "more",
    "tae": "to",
    "nae": "no",
}


def words(text: str) -> list[str]:
    """The text as plain words: normalised, txt-speak spelt out.

    "Hes not breathin rn!!" -> ['he', 'is', 'not', 'breathin', 'right', 'now'].
    """
    result: list[str] = []
    for token in normalise(text).split():
        result.extend(TXT_SPEAK.get(token, token).split())
    return result


def ngrams(
    plain_words: list[str],
    *,
    word_sizes: tuple[int, int] = (1, 2),
    char_sizes: tuple[int, int] | None = (3, 5),
) -> list[str]:
    """Word n-grams ("w:took all") and character n-grams of each word with a
    space either side ("c: ki"): the features the screener's model and the
    intent matcher compare texts by (`char_sizes=None`: words only)."""
    result = []
    low, high = word_sizes
    for n in range(low, high + 1):
        result.extend("w:" + " ".join(plain_words[i : i + n]) for i in range(len(plain_words) - n + 1))
    if char_sizes is None:
        return result
    low, high = char_sizes
    for word in plain_words:
        padded = f" {word} "
        for n in range(low, high + 1):
            result.extend("c:" + padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return result


def max_typos(length: int) -> int:
    """Edits tolerated in a word of `length` letters. Short words are too
    easily another word ("ket"/"kit"): exact only."""
    if length < 4:
        return 0
    if length < 8:
        return 1
    return 2


def is_close(candidate: str, text: str, *, allowed: int | None = None) -> bool:
    """`text` is `candidate` or a typo of it: same first letter, within
    `allowed` edits (default `max_typos`), a transposition counting as one."""
    if candidate == text:
        return True
    if allowed is None:
        allowed = max_typos(len(candidate.replace(" ", "")))
    if not allowed or not text or text[0] != candidate[0]:
        return False
    return DamerauLevenshtein.distance(candidate, text, score_cutoff=allowed) <= allowed
