"""Tables for language detection: the supported codes, priors, scripts and what to ignore.

Logic lives in :mod:`copytag.language`; this module is data only.
"""
from __future__ import annotations

#: Every code :func:`copytag.detect_language` can answer from its own model.
LANGUAGES: tuple[str, ...] = (
    "en", "es", "fr", "pt", "de", "it", "pl", "ko", "ja", "zh-Hant",
    "zh-Hans", "id", "th", "vi", "ar", "hi", "tr", "ru", "nl", "ms",
)  # fmt: skip

#: Languages written in Latin script, told apart by the trained n-gram and word model.
LATIN: tuple[str, ...] = ("en", "es", "fr", "pt", "de", "it", "pl", "nl", "tr", "id", "ms", "vi")

#: Shares of short-drama ad copy by language (industry report, see docs/product.md);
#: languages the report does not rank get a small share. Used as a weak prior.
AD_SHARES: dict[str, float] = {
    "en": 0.62, "es": 0.093, "fr": 0.056, "pt": 0.054, "de": 0.044, "it": 0.033,
    "pl": 0.030, "ko": 0.013, "ja": 0.011, "zh-Hant": 0.009, "zh-Hans": 0.008,
    "id": 0.010, "th": 0.008, "vi": 0.008, "ar": 0.008, "hi": 0.006, "tr": 0.008,
    "ru": 0.008, "nl": 0.008, "ms": 0.003,
}  # fmt: skip

#: Aliases accepted in ``candidates``: a bare ``zh`` means either Chinese script.
CANDIDATE_ALIASES: dict[str, tuple[str, ...]] = {
    "zh": ("zh-Hant", "zh-Hans"),
    "zh-tw": ("zh-Hant",),
    "zh-hk": ("zh-Hant",),
    "zh-cn": ("zh-Hans",),
    "zh-sg": ("zh-Hans",),
    "in": ("id",),
}

#: Codes langdetect answers that are ours under another name.
LANGDETECT_CODES: dict[str, str] = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}

#: Short-drama apps and platforms whose names say nothing about the copy's language.
#: Matched case-insensitively as whole words; CamelCase words are dropped as brands anyway.
#: ASCII only: text without ASCII letters is not searched for them.
BRANDS: tuple[str, ...] = (
    "ReelShort", "DramaBox", "ShortMax", "DramaWave", "GoodShort", "FlexTV", "MoboReels",
    "NetShort", "TopShort", "ShortTV", "StardustTV", "FlickReels", "DramaShorts", "Kalos TV",
    "iDrama", "MyDrama", "HiShort", "Sereal", "SnackShort", "MiniShorts", "Crazy Maple",
    "CandyJar", "Pocket FM", "KukuTV", "Kuku TV", "TikTok", "YouTube", "Instagram", "Facebook",
    "Netflix", "WeTV", "iQIYI", "Viu", "Youku", "Bilibili", "Douyin", "Kuaishou", "Snapchat",
    "VIP", "APP", "App Store", "AppStore", "Google Play", "Play Store", "iOS", "Android",
    "iPhone", "iPad", "HD", "TV",
)  # fmt: skip

#: English store-badge wording printed on ads in every market, and resolution badges (4K).
BADGES: tuple[str, ...] = (
    r"get\s+it\s+on\s+google\s*play",
    r"download\s+on\s+the\s+app\s*store",
    r"available\s+on\s+the\s+app\s*store",
    r"available\s+on\s+google\s*play",
    r"download\s+(?:it\s+)?on\s+google\s*play",
    r"get\s+it\s+on\s+the\s+app\s*store",
    r"\b\d+k\b",  # 4K, 8K: a resolution, whatever its number
)

#: Unicode ranges of the scripts that decide a language by themselves.
SCRIPT_RANGES: dict[str, str] = {
    "hangul": "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff",
    "kana": "\u3040-\u309f\u30a0-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9d",
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f",
    "thai": "\u0e00-\u0e7f",
    "devanagari": "\u0900-\u097f\ua8e0-\ua8ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "cyrillic": "\u0400-\u04ff\u0500-\u052f",
}

#: How much one letter of a script counts when scripts are compared. A CJK character
#: carries about as much as three Latin letters; and Latin words inside copy in another
#: script are mostly brand and product names ("Firefox", "VIP"), so other scripts count double.
SCRIPT_WEIGHTS: dict[str, int] = {"latin": 1, "hangul": 3, "kana": 3, "han": 3}
OTHER_SCRIPT_WEIGHT = 2

#: The language each script decides (Han is settled by the Han model).
SCRIPT_LANGUAGE: dict[str, str] = {
    "hangul": "ko", "kana": "ja", "thai": "th", "devanagari": "hi",
    "arabic": "ar", "cyrillic": "ru",
}  # fmt: skip

#: Letters that Russian and Arabic do not use: their presence in a long text makes
#: it worth asking langdetect whether it is Ukrainian, Persian, Urdu, ...
FOREIGN_LETTERS: dict[str, str] = {
    "ru": "ІіЇїЄєҐґЎўЈјЉљЊњЋћЏџЃѓЌќЅѕҒғҚқҢңҮүҰұҺһӘәӨө",
    "ar": "پچژگکیٹڈڑںےھۀۃ",
}

#: Latin letters none of the 20 languages writes (Nordic, Czech, Romanian, Hungarian,
#: Baltic, Albanian, Icelandic ...): with them, a poorly known text goes to langdetect.
FOREIGN_LATIN_LETTERS = "åæøðþőűěřůășțşţāēīūķļņėįųõëčšžćđ"

#: Without such letters, only a text the model knows this poorly goes to langdetect
#: (langdetect takes milliseconds a text; most poorly known ad copy is slang or brands).
UNKNOWN_TEXT_SHARE = 0.35

#: Ad copy seldom needs more than this many characters to show its language;
#: longer texts are read from a bounded sample so that detection time stays bounded.
MAX_CHARS = 1000

#: Texts at least this long, written in a language the model does not know well,
#: are passed to langdetect, which knows 55 languages.
LANGDETECT_MIN_CHARS = 40

#: Hindi written in Latin letters ("Hinglish": "abhi download karo, free mein dekho"):
#: words that are Hindi and no common word of the other Latin-script languages.
#: Two of them, or one Hindi verb closing the copy (Hindi puts the verb last: "full
#: episode dekho"), make Latin-script copy Hindi.
HINGLISH_WORDS: frozenset[str] = frozenset({
    "abhi", "aur", "hain", "nahi", "nahin", "kya", "kyun", "liye", "bhi", "sirf", "poora",
    "agla", "agli", "zaroor", "muft", "kahani", "pyaar", "bahut", "sabse", "hoga", "gayi",
    "mujhe", "tumhe", "aapko", "apni", "apna", "wapas", "shuru",
})
HINGLISH_VERBS: frozenset[str] = frozenset({
    "karo", "karein", "karen", "kijiye", "karna", "karke", "dekho", "dekhein", "dekhiye",
    "dekhna", "dekhne", "dekhte", "chalao", "chalaiye", "suno", "paao", "payein", "milega",
    "jaano", "jaaniye",
})
