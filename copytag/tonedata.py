"""Character tables and word lists for tone tagging: data, not logic.

The logic that uses them lives in :mod:`copytag.tone`. Edit these tables to
teach copytag a new mark, currency or number word.
"""
from __future__ import annotations

#: Exclamation marks of every script (⁉ and ⁈ are both marks at once).
EXCLAMATION_MARKS = "!¡！﹗‼⁉⁈❗❕՜߹᥄"

#: Question marks of every script. U+037E is the Greek question mark.
QUESTION_MARKS = "?¿？﹖؟❓❔‽⁉⁈⁇⸮՞፧;⳺⳻꘏"

#: Currency that stands before a number ("$0.99", "R$ 4,90", "Rp 15.000").
CURRENCY_PREFIXES = (
    "US$", "R$", "S$", "HK$", "NT$", "A$", "C$", "MX$", "RD$",
    "Rp", "RM", "Rs", "CHF", "$", "€", "£", "¥", "￥", "₩", "￦", "₹", "₽", "₺", "₫", "฿",
    "₱", "₦", "₴", "₪", "₸", "₼", "₡", "₲", "₭", "₮", "₵", "¢", "﹩", "＄", "￡",
)

#: Currency that stands after a number ("1.234,56 €", "99円", "₩1000원", "9 zł").
CURRENCY_SUFFIXES = (
    "€", "$", "£", "¥", "₩", "₹", "₽", "₺", "₫", "฿", "₱", "₴", "₪", "円", "元", "块", "塊",
    "원", "ドル", "บาท", "đ", "zł", "kr", "Kč", "Ft", "lei", "руб", "р.", "TL", "USD", "EUR",
    "R$", "dólares", "euros", "reais", "pesos", "rupees", "रुपये", "ريال", "جنيه", "درهم",
)

#: Multipliers and counts written right after digits ("10k", "1.5M", "1000万").
NUMBER_SUFFIXES = ("k", "K", "M", "B", "x", "X", "+", "万", "萬", "亿", "億", "千", "百")

#: CJK numerals.
CJK_NUMERALS = "〇零一二两兩三四五六七八九十百千万萬亿億"

#: Measure words after which a CJK numeral is a quantity (三年, 七天, 十集).
#: 一 is a quantity only before the units of :data:`CJK_UNITS_FOR_ONE`:
#: 一个女人 is "a woman", not a count.
CJK_UNITS_FOR_ONE = (
    "年", "个月", "個月", "月", "天", "日", "周", "週", "星期", "小时", "小時", "時間", "分钟", "分鐘", "分間",
    "秒", "集", "季", "次", "倍", "元", "块", "塊", "円", "万", "萬", "亿", "億", "折", "话",
    "話", "章", "部剧", "部劇",
)
CJK_UNITS = CJK_UNITS_FOR_ONE + (
    "个", "個", "位", "名", "人", "只", "隻", "件", "本", "部", "条", "條", "句", "遍", "回",
    "场", "場", "世", "代", "号", "號", "岁", "歲", "家", "口", "段", "封", "套", "颗", "顆",
    "年間", "ヶ月", "か月", "カ月", "歳",
)

#: Characters before 一 that make it an idiom, not a count: 下一集 "next
#: episode", 上一世 "previous life", 有一天 "one day", 唯一 "the only", 万一 "in case".
CJK_ONE_IDIOM_BEFORE = "下上这這那每同唯另某统統万萬有第"

#: Number words that are quantities on their own, per language. "one"/"un"
#: are left out (articles, "one of a kind"); see :data:`ONE_BEFORE_UNITS`.
NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "dozen", "dozens",
    ),
    "es": (
        "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
        "doce", "trece", "catorce", "quince", "dieciséis", "veinte", "treinta", "cuarenta",
        "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "ciento", "cientos",
        "mil", "miles", "millón", "millones",
    ),
    "pt": (
        "dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
        "onze", "doze", "treze", "quinze", "vinte", "trinta", "quarenta", "cinquenta", "cem",
        "mil", "milhão", "milhões", "dezenas", "centenas",
    ),
    "fr": (
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
        "soixante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
        "dizaines", "centaines",
    ),
    "de": (
        "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
        "zwölf", "fünfzehn", "zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig",
        "hundert", "hunderte", "tausend", "tausende", "million", "millionen", "milliarde",
        "dutzend",
    ),
    "it": (
        "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici",
        "dodici", "quindici", "venti", "trenta", "quaranta", "cinquanta", "cento", "mille",
        "mila", "milione", "milioni", "miliardi", "decine", "centinaia",
    ),
    "nl": (
        "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
        "twaalf", "twintig", "dertig", "honderd", "duizend", "miljoen",
    ),
}

#: "one" counts only before a unit: "one year", "one episode", "one million".
ONE_BEFORE_UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("one",), ("year", "month", "week", "hour", "minute", "episode", "season",
                      "dollar", "euro", "million", "billion", "thousand", "hundred")),
    "es": (("un", "una"), ("año", "mes", "semana", "hora", "minuto", "episodio",
                            "temporada", "dólar", "euro", "millón")),
    "pt": (("um", "uma"), ("ano", "mês", "semana", "hora", "minuto", "episódio",
                            "temporada", "real", "dólar", "milhão")),
    "fr": (("un", "une"), ("an", "année", "mois", "semaine", "heure", "minute",
                            "épisode", "saison", "euro", "million")),
    "de": (("ein", "eine", "einen", "einem"), ("jahr", "monat", "woche", "stunde",
                                               "minute", "folge", "staffel", "euro")),
    "it": (("un", "una", "uno"), ("anno", "mese", "settimana", "ora", "minuto",
                                   "episodio", "stagione", "euro", "milione")),
}

#: Words that are a number in one language and something else in another
#: ("once" in English, "dos" = "of the" in Portuguese, "due" in English,
#: "elf", "sei" = "I know" in Portuguese, "sept" = September): counted only
#: when the copy's language is known to be the number's.
AMBIGUOUS_NUMBER_WORDS = frozenset(
    {"once", "dos", "due", "elf", "sei", "sept", "cent"}
)

#: Bracket pairs whose content is a label ([NEW], 【独家】, ［ＮＥＷ］, 〖完结〗).
#: 《》 and 〈〉 hold titles, 「」 quotes: not labels.
LABEL_BRACKETS = (("[", "]"), ("【", "】"), ("［", "］"), ("〖", "〗"), ("〔", "〕"), ("〘", "〙"))

#: Longest label content, in characters; longer brackets are prose, not a label.
MAX_LABEL_CHARS = 40
