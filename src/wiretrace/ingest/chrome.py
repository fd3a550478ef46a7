"""Page chrome left in scraped text: the furniture of a news site that a crawler kept around the
article. Each kind is a shape of line, not a list of sentences:

- ``weather_widget``: temperatures ("72°F"), "5-Day Forecast", "Hi 81 / Lo 64", "Feels like".
- ``subscription_prompt``: a price per period ("Try one month for $1"), "Subscribe",
  "Already a subscriber? Log in", "Start your free trial", "Order Reprint", paywall notices.
- ``page_chrome``: navigation and account words ("Sign in", "Menu", "Skip to content"), lines
  that are only a date or time ("Sunday, Jul 15th 2018"), a bare number or counter ("(68102)"),
  print/email/font-size buttons.
- ``script_code``: JavaScript or CSS that leaked into the text (``googletag.cmd.push(...)``,
  ``var x = ...;``, ``})();``).
- ``comment_policy``: a line about the comment section itself ("To find out more about Facebook
  commenting please read the Conversation Guidelines and FAQs", "Comments are moderated").

A line that reads like reported speech (quotation marks, "said") is never chrome, and only
short lines are looked at (script code may be long). ``chrome_kind`` classifies one line;
``find_page_chrome`` is the residue rule.
"""

from __future__ import annotations

import re

from wiretrace.ingest.text_lines import QUOTES, SAID, SHORT, Candidate, Line, whole_line

__all__ = ["CHROME_KINDS", "chrome_kind", "find_page_chrome", "is_chrome_line"]

CHROME_KINDS = (
    "weather_widget",
    "subscription_prompt",
    "page_chrome",
    "script_code",
    "comment_policy",
)

# --- weather -----------------------------------------------------------------------------------

_WEATHER = re.compile(
    r"\b\d{1,2}[- ](?:day|hour) forecast\b|^(?:weather|forecast|(?:local |current )?weather "
    r"(?:forecast|alerts?|radar|conditions)|radar|feels like\b.*|humidity\b.*|wind\b\s*:?.{0,20})$|"
    r"-?\d{1,3}\s*°\s*[FC]?(?:\W|$)|\bhi(?:gh)?\s*:?\s*-?\d{1,3}\s*°?\s*/?\s*lo(?:w)?\s*:?\s*-?\d",
    re.I,
)


_WEATHER_HINTS = ("°", "forecast", "weather", "radar", "feels like", "humidity", "wind", "hi")


def _is_weather(t: str) -> bool:
    if len(t) > 120 or not any(h in t.lower() for h in _WEATHER_HINTS) or not _WEATHER.search(t):
        return False
    # a weather line is mostly numbers and widget words; a story sentence about heat is not
    words = re.findall(r"[A-Za-z]+", t)
    return len(words) <= 10 and not t.rstrip().endswith(".")


# --- subscription prompts ------------------------------------------------------------------------

_PRICE_PER = re.compile(
    r"(?:[$€£]\s?\d+(?:[.,]\d\d)?|\d+(?:[.,]\d\d)?\s?(?:[$€£]|dollars?|euros?|cents?))"
    r"\s*(?:/|per|a|an|for|for (?:the first|your first|one|1|two|three|\d+))\s*"
    r"(?:\w+\s)?(?:day|week|month|year|months|weeks|years)\b|"
    r"\b(?:(?:try|get|start|first|just|only)\b.{0,30}\b(?:month|week|year|months|weeks)\b.{0,20}"
    r"(?:for|at|only)\s*(?:just |only )?(?:[$€£]\s?\d|\d+\s?(?:¢|cents?)|free))",
    re.I,
)
# an offer addresses the reader ("Try one month for $1"); a story about prices does not
_OFFER = re.compile(
    r"^(?:try|subscribe|subscription|start|get|only|just|special offer|limited[- ]time|"
    r"introductory|unlimited|digital|join)\b",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"^(?:subscribe(?: now| today| here)?|subscriptions?|become a (?:subscriber|member)|"
    r"(?:already (?:a )?(?:subscriber|member|have an account)\??)(?:\s*(?:log|sign) ?in)?|"
    r"(?:start|begin|get) (?:your |a )?(?:free trial|(?:digital )?subscription)\b.{0,60}|"
    r"(?:get |unlock )?(?:(?:unlimited|full|digital|premium|online) )+access\b.{0,80}|"
    r"(?:subscribe|subscribers?) (?:to (?:read|continue|unlock|access)|only)\b.{0,80}|"
    r"this (?:article|story|content) is (?:for|available to|only available to) "
    r"(?:subscribers|members|premium)\b.{0,60}|"
    r"you(?:['’]ve| have) (?:reached|used) (?:your|all of your|the) (?:limit|\d+|free)\b.{0,80}|"
    r"(?:order|buy|purchase) (?:a )?(?:reprints?|photo|this photo|copies)\b.{0,40}|reprints?|"
    r"(?:manage|cancel) (?:your )?subscription|e-?edition|digital edition|"
    r"support (?:local|quality|our) journalism\b.{0,80}|"
    r"(?:sign up|register) (?:for free|now|today)\b.{0,60})\W*$",
    re.I,
)

# --- navigation, dates, counters ---------------------------------------------------------------

_NAV = re.compile(
    r"^(?:home|menu|search|log ?in|log ?out|sign ?in|sign ?out|sign up|register|my account|"
    r"account|profile|close|open|toggle navigation|skip to (?:main )?content|skip navigation|"
    r"back to top|top|next|previous|prev|next (?:story|article)|previous (?:story|article)|"
    r"print|print this (?:page|article|story)|email this (?:page|article|story)|"
    r"(?:text|font) size|a-?\s*a\+?|aa|listen|listen to (?:this )?(?:article|story)|"
    r"play|pause|mute|loading(?:\.\.\.|…)?|please wait|expand|collapse|show more|show less|"
    r"view (?:gallery|photos|comments|all)|photos?|videos?|gallery|open gallery|"
    r"enlarge (?:this )?(?:image|photo)|hide caption|toggle caption|caption|"
    r"(?:\d+|one|two|three) (?:min(?:ute)?s?|mins?) read|"
    r"(?:the )?(?:latest|breaking) news|breaking|live|updated|local news|news|sports|"
    r"obituaries|opinion|business|entertainment|lifestyle|classifieds|jobs|contact us|about us|"
    r"terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|accept(?: cookies)?|"
    r"manage cookies|site map|sitemap|newsletters?|podcasts?|e-?mail|rss|advertisement|"
    r"sponsored(?: content)?)\W*$",
    re.I,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?"
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|"
    r"tember|ober|ember)?"
)
_DATE_TOKEN = re.compile(
    rf"\b(?:{_WEEKDAY}|{_MONTH}|\d{{1,4}}(?:st|nd|rd|th)?|am|pm|a\.m|p\.m|"
    r"[ecmp][sd]t|utc|gmt|bst|cet|cest|updated|published|posted|modified|last|on|at|"
    r"ago|(?:min(?:ute)?|hour|hr|day|week|month|year)s?|today|yesterday|just now)\b\.?",
    re.I,
)
_DATE_NAME = re.compile(rf"\b(?:{_WEEKDAY}|{_MONTH})\b", re.I)
_COUNTER = re.compile(r"^[(\[]\s*\d[\d.,]*\s*[)\]]$")  # "(68102)": a count or a code


# a notice of the page's player or script: "Media playback is not supported on this device",
# "Please enable JavaScript to view the comments"
_PLAYER = re.compile(
    r"^(?=.{0,140}$).*\b(?:media playback|playback|video player|audio player|javascript|"
    r"your browser|this browser|flash(?: player)?|this device|your device|cookies)\b.{0,80}"
    r"\b(?:not (?:be )?supported|unsupported|unavailable|enable[ds]?|disabled|required|"
    r"update|upgrade|turn on|does not support|doesn['’]t support)\b|"
    r"^(?=.{0,140}$)(?:please )?(?:enable|turn on|update|upgrade|allow)\b.{0,40}"
    r"\b(?:javascript|your browser|cookies|flash)\b",
    re.I,
)


# the same notice run into the text that follows it, with no line break or full stop
_FUSED_PLAYER = re.compile(
    r"(?i:(?:media|video|audio)\s+playback|this video|the video)\s+(?i:is\s+(?:not\s+supported|"
    r"unsupported|unavailable)|cannot\s+be\s+played)\s+(?i:on\s+(?:this|your)\s+"
    r"(?:device|browser))[.:]?\s+(?=[\"“‘]?[A-Z0-9])")


def _is_date_line(t: str) -> bool:
    """Only a date: a weekday or month name and numbers ("Sunday, Jul 15th 2018 10:32 AM");
    a bare time ("10 p.m.") may be an item of a schedule in the story."""
    if len(t) > 80 or not re.search(r"\d", t) or not _DATE_NAME.search(t):
        return False
    rest = _DATE_TOKEN.sub(" ", t)
    return not re.search(r"[^\W\d_]", rest)


# --- script code ------------------------------------------------------------------------------

_JS = re.compile(
    r"\bfunction\s*\w*\s*\(|\b(?:var|let|const)\s+[\w$]+\s*=|\bwindow\.|\bdocument\."
    r"(?:get|create|write|query|cookie)|\b(?:googletag|adsbygoogle|dataLayer|_gaq|fbq|"
    r"__tcfapi|jQuery|\$\(|pbjs|apstag)\b|\.push\(\s*[\[{(f]|\bnew Date\(\)|=>\s*\{|"
    r"^\s*\}\s*\)?\s*\(?\s*\)?\s*;?\s*$|\}\)\(\);?|\bif\s*\(.+\)\s*\{|<\/?script\b|"
    r"@media\b|\{\s*[a-z-]+\s*:\s*[^;{}]+;|!important\b"
)


def _code_like(t: str) -> bool:
    """Dense in code punctuation, with no sentence in it."""
    code = sum(t.count(ch) for ch in "{}();=:'\",[]$<>")
    return code / max(len(t), 1) >= 0.08 and not re.search(r"[a-z]{3,}[.!?](?:\s|$)", t)


# substrings one of which every line _JS matches holds: prose without them is not searched
_JS_HINTS = (
    "function", "var ", "let ", "const ", "window.", "document.", "googletag", "adsbygoogle",
    "dataLayer", "_gaq", "fbq", "__tcfapi", "jQuery", "$(", "pbjs", "apstag", ".push(",
    "new Date()", "=>", "}", "{", "<script", "</script", "@media", "!important",
)


def _is_script(t: str) -> bool:
    if not any(h in t for h in _JS_HINTS) or not _JS.search(t):
        return False
    code = sum(t.count(ch) for ch in "{}();=<>[]$")
    # code is dense in brackets and operators; prose that names "window." is not
    return code >= 3 and code / max(len(t), 1) >= 0.02 or t.endswith((";", "{", "}"))


# --- comment policy ---------------------------------------------------------------------------

_COMMENT_POLICY = re.compile(
    r"\bcomment(?:s|ing|er|ers)?\b.{0,120}\b(?:guidelines|polic(?:y|ies)|faqs?|terms|"
    r"moderat\w*|civil|respectful|offensive|abusive|approved|review(?:ed)?|community "
    r"standards|house rules|conversation|disabled|closed|turned off|pre-?moderated)\b|"
    r"\b(?:guidelines|polic(?:y|ies)|faqs?|moderat\w*)\b.{0,80}\bcomment(?:s|ing)?\b",
    re.I,
)
_COMMENT_DIRECTIVE = re.compile(
    r"\b(?:please|read|see|find out|click|review|keep|be|we (?:welcome|reserve|encourage|ask)|"
    r"you (?:must|agree|can|may)|must|will be|are|is)\b",
    re.I,
)


def _is_comment_policy(t: str) -> bool:
    if len(t) > 300 or "comment" not in t.lower():
        return False
    return bool(_COMMENT_POLICY.search(t) and _COMMENT_DIRECTIVE.search(t))


def chrome_kind(text: str) -> str | None:
    """The kind of page chrome ``text`` (one stripped line) is, or None for article text."""
    t = text.strip()
    if not t:
        return None
    if _is_script(t):
        return "script_code"
    if len(t) > 300 or any(q in t for q in QUOTES) or SAID.search(t):
        return None
    if _is_comment_policy(t):
        return "comment_policy"
    if len(t) > SHORT:
        return None
    if _is_weather(t):
        return "weather_widget"
    if _SUBSCRIBE.match(t) or (len(t) <= 80 and _OFFER.match(t) and _PRICE_PER.search(t)):
        return "subscription_prompt"
    if _NAV.match(t) or _COUNTER.match(t) or _is_date_line(t):
        return "page_chrome"
    if len(t) <= 140 and _PLAYER.match(t):
        fused = _FUSED_PLAYER.match(t)
        if fused and len(t[fused.end():].split()) >= 3:
            return None  # a notice run into the lead: only the notice goes (find_page_chrome)
        return "page_chrome"
    return None


def is_chrome_line(text: str) -> bool:
    return chrome_kind(text) is not None


EDGE_LINES = 4  # navigation words count as chrome among the first and last lines only


def find_page_chrome(lines: list[Line], raw: str) -> list[Candidate]:
    """Whole lines of page chrome, each typed by its kind. A navigation word ("Photos",
    "Print") inside the story may be a subheading: it is chrome at the edges of the text or
    next to other chrome only."""
    kinds = [chrome_kind(line.text) for line in lines]
    # inside a block of script code, lines that are code too (an object literal's "key: 'v',")
    script = [k for k, kind in enumerate(kinds) if kind == "script_code"]
    for a, b in zip(script, script[1:], strict=False):
        if 1 < b - a <= 12 and all(_code_like(lines[j].text) for j in range(a + 1, b)):
            for j in range(a + 1, b):
                kinds[j] = "script_code"
    out = []
    for k, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is None:
            fused = _FUSED_PLAYER.match(line.text)
            if fused:  # "Media playback is not supported on this device Spurs lost 1-0 ..."
                out.append(Candidate("page_chrome", line.start, line.start + fused.end(), 6))
            continue
        if kind == "page_chrome" and _NAV.match(line.text):
            edge = k < EDGE_LINES or k >= len(lines) - EDGE_LINES
            near = any(
                0 <= j < len(kinds) and kinds[j] is not None and not _NAV.match(lines[j].text)
                for j in (k - 1, k + 1)
            )
            if not (edge or near):
                continue
        out.append(whole_line(kind, line, 6))
    return out
