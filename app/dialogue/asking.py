"""What kind of question a seeker asked: which ones a manager may deflect, and what a question
says it is after ("who else", "how did you get into").

- A **request** asks the persona to do something or asks leave ("Would you be open to
  introducing me to Lena?", "Would it be okay to follow up after the fair?", "Can I shadow
  someone?"): the scripted line that follows answers it, so it is never deflected to a
  colleague. "Could you tell me about ..." and "Can I ask ..." are information questions.
- A **pay** question (pay, salary, benefits, equity ...) is never deflected to a named colleague.
- A question **about the persona's own work or the role** ("What would the first few months
  look like?") gets the closest role or typical-week topic rather than a deflection.
- An **intent** is what a question is after whatever its object: "How did you get into testing
  robots?" asks how they started (not about the tools); "Who else on your team should I talk
  to?" asks for people (not about the team).
"""

from __future__ import annotations

import re
from typing import Final

from app.dialogue.words import sentences

#: Verbs that make "could you ... / would you mind ..." a request for information.
_INFO_VERBS: Final = (
    r"(?:tell|telling|explain|explaining|describe|describing|say|saying|walk|walking|talk|"
    r"talking|share\s+(?:more|what|how|why|a\s+bit|a\s+little|some)|sharing|give\s+me\s+"
    r"(?:a|an|some)\s+(?:idea|sense|overview|example|feel)|expand|elaborate|clarify|"
    r"recommend|suggest|advise|say)"
)
_REQUEST: Final = re.compile(
    # asking leave: "can I ...", "may I ...", "would it be okay to ...", "do you mind if I ..."
    r"\b(?:can|could|may|might)\s+i\s+(?!ask\b|know\b|find\s+out\b|check\s+what\b|learn\b)"
    r"|\b(?:would|will|is|was)\s+it\s+be\s+(?:ok|okay|alright|all\s+right|possible|fine|cool)\s+"
    r"(?:to|if)\s+(?!ask\b|i\s+ask\b)"
    r"|\bis\s+it\s+(?:ok|okay|alright|all\s+right|possible|fine|cool)\s+(?:to|if)\s+"
    r"(?!ask\b|i\s+ask\b)"
    r"|\b(?:do|would)\s+you\s+mind\s+if\b|\bmind\s+if\s+i\b"
    # asking the persona to act: "would you be open to introducing me", "could you send ..."
    rf"|\b(?:would|could|can|will)\s+you\s+(?:please\s+)?(?:be\s+(?:open|willing|happy|able)\s+"
    rf"to\s+|mind\s+|consider\s+)(?!{_INFO_VERBS}\b)\w+"
    r"|\b(?:would|could|can|will)\s+you\s+(?:please\s+)?(?:introduce|connect|put|send|refer|"
    r"pass|forward|recommend\s+me|keep\s+me|let\s+me|loop\s+me|add\s+me|invite\s+me|flag|"
    r"mention\s+me|email|call\s+me|contact|look\s+(?:at|over)|read|review|check\s+my|"
    r"follow\s+up|meet|vouch|sign|show\s+me\s+(?:round|around))\b"
    r"|\bshould\s+i\s+(?:send|email|apply|follow\s+up|contact|reach\s+out|come|bring|call)\b",
    re.IGNORECASE,
)
_PAY: Final = re.compile(
    r"\b(?:pay|pays|paid|salary|salaries|compensation|comp\s+package|benefits|bonus|bonuses|"
    r"equity|stock\s+options?|pension|wage|wages|money|earn|earns|earning|package|perks|"
    r"raises?|day\s+rate|hourly\s+rate|rate\s+of\s+pay|holiday\s+allowance|annual\s+leave|"
    r"vacation\s+days|paid\s+leave|what\s+(?:does|would)\s+it\s+pay|"
    # benefits in kind are part of the package too
    r"(?:parental|maternity|paternity|shared\s+parental|sick|carer'?s|study)\s+leave|"
    r"maternity|paternity|(?:staff|employee|team|worker)\s+discounts?|discounts?|"
    r"private\s+health\s*care|health\s+(?:insurance|cover|plan)|medical\s+insurance|"
    r"dental\s+(?:plan|cover|insurance)|gym\s+membership|"
    r"free\s+(?:food|lunch|lunches|meals?|drinks|snacks)|staff\s+meals?|company\s+car)\b",
    re.IGNORECASE,
)
#: "Does that mean there's a job going", "is there an opening": the role itself (a pattern,
#: part of both :data:`_OWN_WORK` here and ``choosing._THE_ROLE``).
JOB_GOING: Final = (
    r"\b(?:an?|any)\s+(?:job|role|post|position|vacancy|opening)s?\s+"
    r"(?:going|open|available|coming\s+up)\b"
)
#: A question about the persona's own work or the role they might fill.
_OWN_WORK: Final = re.compile(
    r"\b(?:first|early|opening)\s+(?:few\s+|couple\s+of\s+|(?:two|three|four|six|nine|twelve|"
    r"\d+)\s+)?(?:days?|weeks?|months?|year|90\s+days)\b"
    rf"|{JOB_GOING}"
    r"|\bwhat\s+(?:would|does|will)\s+success\s+look\s+like\b"
    r"|\b(?:the|this|that)\s+(?:role|job|position|post)\b"
    r"|\byour\s+(?:own\s+)?(?:work|job|role|day|days|week|weeks|time)\b"
    r"|\bday[- ]to[- ]day\b|\btypical\s+(?:day|week)\b"
    r"|\bwhat\s+(?:do|did|does|would|will)\s+(?:you|i|someone|they)\s+(?:actually\s+)?"
    r"(?:do|work\s+on|spend)\b"
    r"|\bspend\s+(?:most\s+of\s+)?(?:your|the|their|my)\s+(?:time|days?)\b",
    re.IGNORECASE,
)
#: A question about the persona's OWN path, work or team ("how do you measure if a feature
#: worked", "is there much night work", "how long have you been recruiting"): the persona knows,
#: so it is never passed to a colleague. "How do you <verb>" (not know/feel/mean), "you" as the
#: subject of a verb of doing the work, "your team/unit/ward", a team's hours.
_ABOUT_SELF: Final = re.compile(
    r"\bhow\s+(?:do|did|would|will)\s+(?:you|you\s+all|you\s+guys|your\s+team)\s+(?!know\b|"
    r"feel\b|mean\b|say\b|spell\b|pronounce\b|like\b|get\s+(?:here|there|home)\b)"
    r"(?:actually\s+|usually\s+|normally\s+|even\s+)?\w+"
    r"|\bhow\s+long\s+(?:have|had)\s+you\s+been\b"
    r"|\b(?:do|did|does|would|will)\s+(?:you|your\s+team)\s+(?:ever\s+|much\s+|often\s+|"
    r"still\s+|also\s+|actually\s+)?(?:work|deal|spend|travel|test|build|use|run|lead|"
    r"manage|measure|meet|visit|hire|teach|design|write|present|partner|collaborate)\b"
    r"|\byour\s+(?:own\s+)?(?:team|group|unit|ward|lab|studio|department|path|career|"
    r"background|work|job|role|week|day|days)\b"
    r"|\bnight\s+(?:work|shifts?)\b|\bon[- ]call\b|\bweekend\s+(?:work|shifts?)\b"
    r"|\b(?:the|this)\s+team(?:'s)?\s+(?:work|hours|shifts|rota)\b",
    re.IGNORECASE,
)

#: Topic ids that hold the persona's own work or the role ("role", "typical_week", "her_work").
_OWN_WORK_TOPIC: Final = re.compile(r"(?:^|_)(?:role|week|work|day|job)(?:_|$)")

#: Leisure: what the persona does away from work. Strong words alone; "weekend" only when the
#: question is not about working then ("Do you work weekends?" asks about the hours).
_LEISURE: Final = re.compile(
    r"\b(?:hobby|hobbies|for\s+fun|free\s+time|spare\s+time|downtime|switch\s+off|unwind|"
    r"(?:days?|evenings?|nights?)\s+off|time\s+away\s+from\s+work|"
    r"outside\s+(?:of\s+)?(?:work|your\s+job)|"
    r"(?:apart|aside)\s+from\s+(?:work|the\s+job|your\s+job)|besides\s+(?:work|the\s+job)|"
    r"when\s+you(?:'re|re|\s+are)\s+not\s+(?:at\s+)?work(?:ing)?|"
    r"away\s+from\s+(?:work|the\s+job))\b"
    r"|^(?!.*\b(?:work|works|working|worked|shifts?|rota|hours|open|opens|on\s+call|cover|"
    r"overtime|busy|service|trading|nights|mondays?|fridays?|nine\s+to\s+five|"
    r"(?:do|does|doing|did)\s+(?:the\s+)?week-?ends?)\b).*\bweek-?ends?\b",
    re.IGNORECASE,
)
#: The persona's private life and acquaintances: "how do you know Dana", "how did you two
#: meet", "what's your favourite book", "where do you live".
_PERSONAL: Final = re.compile(
    r"\bhow\s+(?:do|did)\s+(?:you|y'all)\s+(?:two\s+|guys\s+|both\s+)?(?:know|meet|met)\s+"
    r"(?:each\s+other|one\s+another|[a-z'-]+)(?:\s+(?:from|again|originally|first))?\s*[?.!]*\s*$"
    r"|\bhow\s+did\s+you\s+(?:and\s+[a-z'-]+|two|both)\s+(?:meet|get\s+to\s+know|become)\b"
    r"|\b(?:known|know)\s+each\s+other\b|\bhow\s+long\s+have\s+you\s+known\b"
    r"|\bfavou?rite\b(?!\s+(?:\w+\s+){0,2}(?:part|thing|bit|aspect|project|moment|day|"
    r"tool|client|story|problem|bug)s?\b)"
    r"|\bwhere\s+do\s+you\s+live\b|\bare\s+you\s+married\b|\bhow\s+old\s+are\s+you\b"
    r"|\b(?:do\s+you\s+have|have\s+you\s+got)\s+(?:any\s+)?(?:kids|children|pets|a\s+dog|"
    r"a\s+cat)\b"
    # where they studied, old friends, work on the side
    r"|\bwhich\s+(?:college|university|uni|school|halls?)\s+were\s+you\b"
    r"|\bwere\s+you\s+at\s+(?:my|our|the\s+same)\s+(?:university|uni|college|school)\b"
    r"|\b(?:keep|kept|stay|stayed)\s+in\s+touch\s+with\s+(?:anyone|anybody|any\s+of|people|"
    r"them|him|her|your|old|the\s+old)\b"
    r"|\b(?:projects?|work|gigs?|business|anything|something|consulting|freelanc\w*|stuff|"
    r"things?)\s+(?:\w+\s+)?on\s+the\s+side\b(?!\s+of\b)|\bon\s+the\s+side\s*[?.!]*\s*$",
    re.IGNORECASE,
)
#: Getting to the building: parking, bike storage.
_PARKING: Final = re.compile(
    r"\b(?:parking|car\s+park|park\s+(?:my|the|a|your)\s+car|bike\s+(?:racks?|storage|shed|"
    r"parking|lockers?)|(?:can|could|do|would|where)\s+(?:i|you|people|staff)\s+park)\b",
    re.IGNORECASE,
)
#: When the seeker would start: "When can I start?", "when would the post start" (not how the
#: persona started: that is "origin").
_START_DATE: Final = re.compile(
    r"\bwhen\s+(?:can|could|would|will|do|does|should|might|shall)\s+(?:i|we|it|they|someone|"
    r"the\s+(?:role|job|post|position|person|new\s+\w+))\s+(?:start|begin|join)\b"
    r"|\b(?:can|could)\s+i\s+start\b|\bstart(?:ing)?\s+dates?\b"
    r"|\bhow\s+soon\s+(?:can|could|would|do)\s+(?:i|you\s+need)\b",
    re.IGNORECASE,
)
#: The building's amenities: the canteen, showers, lockers.
_FACILITIES: Final = re.compile(
    r"\b(?:canteen|cafeteria|staff\s+(?:restaurant|kitchen|room)|vending\s+machines?|"
    r"showers?|lockers?|changing\s+rooms?|prayer\s+room|on-?site\s+(?:gym|creche|nursery))\b",
    re.IGNORECASE,
)
#: Immigration: visas and sponsorship.
_VISA: Final = re.compile(
    r"\b(?:visas?|sponsorship|sponsor\s+(?:a\s+|the\s+)?(?:visa|work\s+permit)s?|"
    r"sponsor\s+(?:international|overseas|foreign)|work\s+permits?|right\s+to\s+work)\b",
    re.IGNORECASE,
)

#: The persona's CURRENT work, asked in the present tense ("What are you working on these days?",
#: "what's keeping you busy at the moment", "what are your current projects"): answered by a
#: topic whose examples ask it that way, never by the path that led there ("how I started").
#: "What are you doing" / "up to" only with a word of now ("these days", "right now").
_NOW: Final = (
    r"(?=[^?.!]*\b(?:these\s+days|right\s+now|at\s+the\s+moment|at\s+present|currently|"
    r"nowadays|lately|recently|now|this\s+(?:week|month|year|quarter|term|season))\b)"
)
_CURRENT: Final = re.compile(
    r"\bwhat\s+(?:(?:sort|kind)\s+of\s+(?:things?|stuff|work|projects?)\s+|projects?\s+|things?\s+)?"
    r"(?:are|'re)\s+you\s+(?:\w+ly\s+|mainly\s+|mostly\s+|also\s+)?"
    r"(?:working\s+on|focus(?:s)?ing\s+on|focused\s+on|busy\s+with|tackling|"
    r"spending\s+(?:most\s+of\s+)?your\s+time\s+on)\b"
    r"|\bwhat\s+(?:are|'re)\s+you\s+(?:\w+ly\s+)?(?:doing|up\s+to)\b"
    + _NOW
    + r"|\bwhat\s+have\s+you\s+been\s+(?:\w+ly\s+)?(?:working\s+on|"
    r"focused\s+on|busy\s+with|up\s+to|doing)\b(?!\s+(?:before|since|for\s+years))"
    r"|\bwhat(?:'s|s|\s+is)\s+(?:been\s+)?(?:keeping\s+you\s+busy|on\s+your\s+(?:plate|desk|"
    r"mind)|taking\s+up\s+(?:most\s+of\s+)?your\s+time|occupying\s+you)\b"
    r"|\bwhat(?:'s|s|\s+is|\s+are)\s+your\s+(?:current|latest|main|big(?:gest)?)\s+"
    r"(?:projects?|focus|priorit(?:y|ies)|work)\b"
    + _NOW
    + r"|\byour\s+current\s+(?:projects?|focus|priorit(?:y|ies)|work)\b"
    r"|\bwhat\s+(?:projects?|things?)\s+are\s+you\s+(?:\w+ly\s+)?"
    r"(?:on|doing|running|leading)\b",
    re.IGNORECASE,
)
#: Asking leave to stay in touch ("Can I follow up with you next week?", "mind if I email you",
#: "could we stay in touch", "is it ok if I reach out on LinkedIn"): the persona says a plain,
#: warm yes (`IN_TOUCH_REPLIES`), never a deflection nor a topic. Not a follow-up QUESTION
#: ("can I follow up on that?") nor whether the persona keeps in touch with old friends.
_LEAVE: Final = (
    r"(?:(?:can|could|may|might|shall|should)\s+(?:i|we)|(?:do|would)\s+you\s+mind\s+if\s+i|"
    r"mind\s+if\s+i|(?:is|would|will)\s+it\s+be\s+(?:ok|okay|alright|all\s+right|fine|cool)\s+"
    r"(?:if\s+i|to|for\s+me\s+to)|(?:is\s+it|it's|it\s+is)\s+(?:ok|okay|alright|all\s+right|fine|"
    r"cool)\s+(?:if\s+i|to|for\s+me\s+to)|(?:ok|okay|alright|all\s+right|fine)\s+if\s+i|"
    r"(?:would|do)\s+you\s+be\s+(?:ok|okay|happy|open)\s+(?:with\s+me|if\s+i|for\s+me\s+to|to\s+me)|"
    r"would\s+you\s+be\s+(?:ok|okay|happy|open|alright|fine)\s+(?:with\s+me\s+|if\s+i\s+|to\s+)?)"
)
_CONTACT: Final = (
    r"(?:just\s+|maybe\s+|perhaps\s+|also\s+)?(?:follow(?:ed|ing)?[\s-]+up|reach(?:ed|ing)?\s+out|"
    r"e-?mail(?:ed|ing)?|drop(?:ped)?\s+you\s+(?:a|an)\s+(?:line|note|email|message)|"
    r"messag(?:e|ed|ing)|contact(?:ed|ing)?|(?:ring|call(?:ed)?|phone)(?=\s+you\s+(?!\w+\s*[?.!]*$))|"
    r"text(?:ed)?|write\s+to|connect(?:ed|ing)?|add(?:ed)?\s+you|get\s+back\s+to\s+you|"
    r"check\s+in|ping)"
)
#: What may follow the verb when the contact is with the persona: nothing, "you", "with you",
#: a channel or a time; not another person ("reach out to Lena", "email the recruiter") nor a
#: follow-up QUESTION ("follow up on that").
_WITH_YOU: Final = (
    r"(?=\s*(?:[?.!,;]|$)|\s+(?:(?:you|u)(?!\s+(?:my|a\s+copy\s+of\s+my)\s+(?:cv|resume|"
    r"portfolio|application|details)\b)|with\s+you|to\s+you|on\s+linked\s*in|via|by|over|after|"
    r"afterwards|next|later|in|again|sometime|some\s+time|at|if|once|when|about\s+(?:the|this|"
    r"my|how|it\s+all)|then|soon|tomorrow|this|from|back|and|or|here|there|please|now|maybe|"
    r"every|occasionally|going\s+forward|down\s+the\s+line)\b)"
)
_IN_TOUCH: Final = re.compile(
    r"\b(?:stay|keep|be|get|staying|keeping)\s+in\s+(?:touch|contact)\b"
    r"(?!\s+with\s+(?:anyone|anybody|any\s+of|people|them|him|her|old|the\s+old|each|"
    r"other|colleagues|friends|former))"
    rf"|\b{_LEAVE}\s+{_CONTACT}\b{_WITH_YOU}"
    r"|\b(?:let's|let\s+us|we\s+should)\s+(?:stay|keep)\s+in\s+touch\b"
    r"|\b(?:connect|link\s+up)\s+(?:with\s+you\s+)?on\s+linked\s*in\b",
    re.IGNORECASE,
)

#: A request to be introduced to someone ("Could you introduce me to Lena?", "would you put me in
#: touch with someone in research", "could you connect me with your recruiter"): the persona
#: names whom to meet (a topic naming people) or says an honest "I'll see who'd be right"
#: (`INTRODUCE_REPLIES`), never a pointer back nor a brake as if it asked for the job
#: (session 20). Not being introduced to a subject ("introduce me to the basics").
_INTRODUCE: Final = re.compile(
    r"\b(?:introduce|intro)\s+(?:me|us)\s+(?:to|with)\s+(?!(?:the\s+)?(?:basics|idea|field|"
    r"world|concept|topic|subject|work|job|role)\b)"
    r"|\b(?:an?\s+)?(?:intro|introduction)\s+to\s+(?:someone|somebody|anyone|anybody|people|"
    r"one\s+of|your|the\s+(?:team|recruiter|hiring|people|person|right))\b"
    r"|\b(?:make|do|set\s+up|arrange)\s+(?:an?\s+|the\s+)?(?:intro|introduction)s?\b"
    r"|\bput\s+me\s+in\s+(?:touch|contact)\s+with\b"
    r"|\b(?:connect|link)(?:ing)?\s+me\s+(?:up\s+)?(?:with|to)\b"
    r"|\bpass\s+(?:my|me)\s+(?:name|details|number|email)\s+(?:on\s+)?to\s+(?!(?:the\s+)?"
    r"(?:recruit|hiring|hr\b))",
    re.IGNORECASE,
)

#: What worries the persona ("What worries you most at the moment?", "what's your biggest
#: worry right now"): the hard parts of their work, a challenge topic, never a colleague's
#: deflection (session 20); not whether something about the seeker worries them ("does my
#: gap worry you?": a fit question).
_WORRY: Final = re.compile(
    r"^(?!.*\b(?:me|my|i|i'm|i've)\b).*(?:\bworr(?:y|ies|ied|ying)\s+(?:you|u)\b|"
    r"\byour\s+(?:biggest\s+|main\s+|greatest\s+|top\s+)?(?:worr(?:y|ies)|concerns?)\b|"
    r"\bare\s+you\s+(?:most\s+)?(?:worried|concerned|anxious|nervous)\s+about\b|"
    r"\b(?:concerns?|concerning|bothers?|bothering)\s+you\s+(?:most|the\s+most)\b)",
    re.IGNORECASE,
)


def asks_worry(question: str) -> bool:
    """Whether the question asks what worries the persona (see `_WORRY`)."""
    return _WORRY.search(question) is not None


#: Looking back on the persona's own experience: what surprised them, what they wish they had
#: known (not how they started: that is "origin"; not the hardest part: a "challenge").
_SURPRISE: Final = re.compile(
    r"\bsurpris(?:ed|es|ing)\s+(?:you|u)\b|\b(?:most|anything|something|biggest|what(?:'s|\s+is|\s+was)?)"
    r"\s+(?:\w+\s+)?(?:surprised(?=\s*(?:you\b|u\b|most\s*[?.!]|[?.!]|$))|surpris(?:ing|e)\b"
    r"(?!.*\b(?:for|to)\s+(?:the|them|their|users|customers|clients|patients|people)\b))"
    r"|\bwere\s+you\s+surprised\b|\bsurprise\s+you\b"
    r"|\bwish\s+(?:you'?d|you\s+had|you\s+knew|someone'?d|some(?:one|body)\s+had|"
    r"(?:someone|somebody)\s+would\s+have)\s+(?:known|told|been\s+told|warned|said)?\b"
    r"|\bdidn'?t\s+(?:you\s+)?expect\b|\bnobody\s+(?:tells|told|warns|warned)\s+you\b"
    r"|\bregrets?\b|\bregretted\b|\blooking\s+back\b|\bin\s+hindsight\b"
    r"|\bwould\s+you\s+(?:do|choose)\s+it\s+(?:all\s+)?again\b",
    re.IGNORECASE,
)
#: What the persona values in their own work: what keeps them there, the best part, their
#: proudest moment (not what keeps them up at night: a "challenge").
_FONDNESS: Final = re.compile(
    r"\bkeeps?\s+you\s+(?!up\b)(?:there|here|at|in|going|motivated|interested|coming)\b"
    r"|\bmade\s+you\s+stay\b|\bwhy\s+(?:do|did|have)\s+you\s+stay(?:ed)?\b"
    r"|\b(?:best|favou?rite|most\s+(?:fun|enjoyable|satisfying|rewarding))\s+(?:part|bit|"
    r"moment|day)s?\b|\b(?:best|favou?rite)\s+thing\s+about\s+(?:it|the|your|working|what)\b"
    r"|\bwhat\s+do\s+you\s+(?:most\s+)?(?:love|enjoy|like)\s+(?:most\s+)?about\s+(?:it|the\s+(?:job|work|"
    r"role)|your\s+(?:job|work|role)|what\s+you\s+do|working)\b"
    # "what do you enjoy most about research", "what do you love about it": their own liking
    r"|\bwhat\s+do\s+you\s+(?:most\s+)?(?:love|enjoy|like)\s+most\b"
    r"|\bwhat\s+do\s+you\s+(?:really\s+)?(?:love|enjoy)\s+(?:about|in)\b"
    r"|\bproud(?:est)?\b|\bmost\s+rewarding\b|\brewarding\s+(?:moment|part|thing)\b",
    re.IGNORECASE,
)

#: What the persona misses about an earlier job ("Do you miss teaching?").
_MISSING: Final = re.compile(
    r"\bwhat\s+do\s+you\s+miss\b|\bmiss\s+(?:anything\s+)?about\b"
    r"|\bdo\s+you\s+(?:ever\s+|still\s+)?miss\b(?!\s+(?:(?:a|the|any|many|your|our|their|"
    r"much|out)\s+)?(?:deadlines?|targets?|meetings?|calls?|appointments?|sessions?|shifts?|"
    r"days?|trains?|bus(?:es)?|out|goals?|milestones?|dates?|releases?|sprints?|estimates?|"
    r"sla\w*|kpis?|budgets?|flights?|work|school|things|anything|bugs?|errors?|issues?|"
    r"steps?|details?|cases?|signs?)\b)",
    re.IGNORECASE,
)

#: What a question is after, whatever its object; a topic has an intent when one of its own
#: example questions shows it. A question showing one of these is answered only by such a
#: topic, or by none: a topic about something else would be a wrong answer.
INTENTS: Final[dict[str, re.Pattern[str]]] = {
    "origin": re.compile(
        r"\bhow\s+did\s+(?:you|she|he|they|y'all)\s+(?:first\s+)?(?:get|end\s+up|start|come|"
        r"become|break|wind\s+up|land|find\s+your\s+way)\b"
        r"|\bwhat\s+(?:first\s+)?(?:got|brought|led|drew|pulled)\s+(?:you|her|him|them)\s+"
        r"(?:into|to|towards?)\b"
        r"|\bhow\s+(?:you|she|he|they)\s+(?:got|ended\s+up|started|came)\b"
        r"|\bwhat\s+did\s+(?:you|she|he|they)\s+do\s+before\b",
        re.IGNORECASE,
    ),
    "referral": re.compile(
        r"\b(?:who|anyone|anybody|someone|somebody|any\s+one)\s+else\b(?=.*\b(?:(?:should|"
        r"could|would|might|can)\s+i|talk|speak|meet|reach|contact|recommend|suggest)\b)"
        r"|\bother\s+people\s+(?:i|you)\s+(?:should|could|would|might)\b"
        r"|\bwho\s+(?:should|could|would|might)\s+i\s+(?:talk|speak|reach|meet|contact)\b"
        # "is there someone you think I should talk to", "anyone you'd suggest I meet"
        r"|\b(?:someone|somebody|anyone|anybody|people|who)\s+(?:else\s+)?(?:(?:do\s+)?you\s+"
        r"(?:think|reckon|know|would\s+suggest|would\s+recommend)\s+|you'd\s+(?:suggest|"
        r"recommend)\s+)?(?:(?:that\s+)?i|we)\s+(?:should|could|ought\s+to|might|can)\s+(?:go\s+)?"
        r"(?:talk|speak|meet|reach\s+out|contact|get\s+in\s+touch|chat|ask)\b"
        r"|\b(?:suggest|recommend)\s+(?:that\s+)?i\s+(?:talk|speak|meet|reach\s+out|contact|chat)\b"
        r"|\b(?:should|could)\s+i\s+(?:talk|speak|reach\s+out)\s+to\s+(?:anyone|anybody|someone|"
        r"somebody|other\s+people)\b"
        # session 14: a person described before the ask ("someone on your team who left teaching
        # recently I could talk to"), "who would be good to have a proper chat with"
        r"|\b(?:someone|somebody|anyone|anybody)\s+(?:(?:else\s+)?(?:on|in|at|from)\s+your\s+\w+\s+)?"
        r"(?:who|that)\s+[^?.!]{1,60}?\s(?:i|we)\s+(?:could|can|should|might|ought\s+to)\s+"
        r"(?:talk|speak|chat|meet|reach\s+out|ask)\b"
        r"|\bwho\s+(?:else\s+)?(?:would|could|might|'d)\s+be\s+worth\s+(?:talking|speaking|"
        r"chatting|meeting|reaching\s+out)\b"
        r"|\bwho\s+(?:else\s+)?(?:would|could|might|'d)\s+be\s+(?:good|worth|useful|helpful|the\s+"
        r"(?:right|best)\s+(?:person|people))\s+(?:for\s+me\s+)?to\s+(?:talk|speak|chat|meet|"
        r"have\s+a\s+(?:\w+\s+)?(?:chat|word|conversation|coffee))\b",
        re.IGNORECASE,
    ),
    "current": _CURRENT,
    "in_touch": _IN_TOUCH,
    "introduce": _INTRODUCE,
    "pay": _PAY,
    "leisure": _LEISURE,
    "personal": _PERSONAL,
    "parking": _PARKING,
    "facilities": _FACILITIES,
    "visa": _VISA,
    "start_date": _START_DATE,
    "surprise": _SURPRISE,
    "fondness": _FONDNESS,
    "missing": _MISSING,
}
#: What may follow "next steps", "what happens next", "the timeline", "a deadline" when they are
#: about the hire: nothing ("What are the next steps?"), or the application, the role, the seeker
#: ("next steps for me", "the timeline for the hire", "what happens after the interview"); not
#: the work's own ("the next steps for the dashboards project", "deadline pressure").
_HIRE_OBJECT: Final = (
    r"(?=\s*[?.!,]*\s*$|\s+(?:(?:for|on|of|in|with)\s+(?:me|us|someone\s+like\s+me|applicants?|"
    r"candidates?|applications?|applying|hiring|filling|(?:the|this|that|my|your|an?)\s+(?:\w+\s+)?(?:role|job|post|"
    r"position|vacancy|opening|hire|hiring|application|applications|process|recruitment|"
    r"interviews?|candidates?|decision|offer))|after\s+(?:the\s+|an\s+|this\s+|today|that|i|we|"
    r"you)|if\s+(?:i|we)|to\s+(?:apply|get\s+(?:in|hired)|be\s+considered)|from\s+here|"
    r"then|is|are|would|will|here)\b)"
)
#: Softer intents: a question showing one goes to the topics whose examples show it when there
#: are any ("What's the biggest headache right now?" to challenges, not team); when no topic
#: shows it, every topic may answer.
LEANINGS: Final[dict[str, re.Pattern[str]]] = {
    "challenge": re.compile(
        r"\b(?:hard|hardest|toughest|trickiest|difficult|difficulty|difficulties|"
        r"challeng\w*|frustrat\w*|tough|tricky|struggl\w*|headaches?|pain\s+points?|"
        # "what worries you most about the business right now" (not his current work)
        r"worr(?:y|ies|ied|ying)\s+(?:you|u)\b|"
        r"keep(?:s|ing)?\s+you\s+(?:up|awake)|biggest\s+(?:problem|issue|worry|obstacle)s?|"
        r"(?:worst|least\s+favou?rite)\s+(?:part|thing|bit)s?|downsides?)\b",
        re.IGNORECASE,
    ),
    "looking_for": re.compile(
        r"\blook(?:s|ing)?\s+for\s+(?:in|when)\b|\bstand\s+out\b|\bgood\s+fit\b"
        r"|\bmakes?\s+(?:someone|somebody|a\s+person|people|a\s+candidate)\s+(?:good|great|"
        r"successful|stand|do\s+well|a\s+good)\b|\bkind\s+of\s+(?:person|people|candidate)\b"
        r"|\bqualities\b|\bdo(?:es)?\s+well\s+(?:here|on|in|at)\b"
        r"|\b(?:thrives?|thriving)\b"
        # what would win them over: "what would you need to see from someone like me"
        r"|\b(?:need|want|like|expect)\s+to\s+see\s+(?:from|in)\b|\bwhat\s+would\s+it\s+take\b"
        r"|\btake\s+(?:someone|somebody|people|them|me)\s+on\b"
        r"|\b(?:consider|hire|take|want)\s+(?:someone|somebody|people)\s+(?:like\s+me|with(?:out)?)\b",
        re.IGNORECASE,
    ),
    "advice": re.compile(
        r"\bif\s+you\s+were\s+(?:me|in\s+my)\b|\bin\s+my\s+shoes\b|\badvi[cs]e\b|\btips?\b"
        r"|\bwhat\s+should\s+i\s+(?:do|focus|learn|read|study|work\s+on)\b"
        r"|\bwhat\s+would\s+you\s+(?:do|focus\s+on|learn|study)\s+(?:if|differently|now|first)\b"
        r"|\bwould\s+you\s+recommend\b",
        re.IGNORECASE,
    ),
    # what the person hired would do: the role, not how they are hired ("the new hire")
    "duties": re.compile(
        r"\bwhat\s+(?:would|will|'d)\s+(?:i|they|he|she|someone|whoever\s+\w+(?:\s+\w+)?|"
        r"(?:the|that|this|a|an|your)\s+(?!team\b|group\b|studio\b|department\b|company\b)"
        r"[\w-]+(?:\s+[\w-]+){0,4})\s+(?:actually\s+|really\s+|mostly\s+)?"
        r"(?:do|be\s+doing|work\s+on|be\s+working\s+on|be\s+responsible\s+for|spend)\b"
        r"|\bwhat\s+(?:would|does|will)\s+(?:the|this|that)\s+(?:role|job|post|position)\s+"
        r"(?:actually\s+)?involve\b"
        r"|\bwhat(?:'s|s|\s+is|\s+exactly\s+is)\s+(?:exactly\s+)?(?:the|this|that)\s+(?:opening|role|job|position|"
        r"vacancy|post)\b(?!\s+(?:like|process)\b)",
        re.IGNORECASE,
    ),
    "culture": re.compile(
        r"\bcultur\w*|\bwhat(?:'s|\s+is)\s+it\s+like\s+(?:to\s+work|working)\b"
        r"|\blike\s+(?:to\s+work|working)\s+(?:with|there|at|for|in|on)\b|\benjoy\s+working\b"
        r"|\bwork\s+together\b|\bget(?:s|ting)?\s+along\b"
        r"|\bget(?:s|ting)?\s+on\s+(?:with\s+(?:each\s+other|everyone|people|them)|together|well)\b|"
        r"\bcollaborativ\w*|\batmosphere\b|\bvibe\b|\bplace\s+to\s+work\b"
        r"|\bwhat\s+are\s+the\s+people\s+like\b",
        re.IGNORECASE,
    ),
    # how a choice is made: "how does the team decide what to build", "how do ministers decide
    # between your options", "who decides": not how big, how often or by what method
    "decide": re.compile(
        r"\bhow\s+(?:do|does|did|would|will|should|can)\s+(?:you|they|we|(?:the|your|a|an)\s+"
        r"[\w-]+(?:\s+[\w-]+)?|[\w-]+)\s+(?:\w+\s+)?(?:decide|choose|pick|prioriti[sz]e|select|"
        r"weigh)\b|\bwho\s+(?:decides|chooses|gets\s+to\s+(?:decide|choose)|makes\s+the\s+"
        r"(?:call|decisions?))\b|\bwhat\s+to\s+(?:build|work\s+on|prioriti[sz]e)\s+next\b"
        r"|\b(?:change|shape|drive|make)s?\s+(?:the\s+)?decisions?\b|\bdecide\s+(?:which|what)\b",
        re.IGNORECASE,
    ),
    # what a team or group does: "what does your team work on", "what the team works on"; not
    # what it is like to work there (culture) or how big it is
    "team_work": re.compile(
        r"\bwhat\s+(?:does|do|is|are|will|would)\s+(?:your|the|this|that)\s+(?:[\w-]+\s+)?(?:team|"
        r"group|unit|lab|studio|department|squad)\s+(?:actually\s+|mostly\s+|really\s+|"
        r"currently\s+)?(?:do|doing|work(?:ing)?\s+on|build(?:ing)?|make|making|own|focus\s+on)\b"
        # said as an embedded question ("I'm curious what the team works on"), not "who uses
        # what your team builds"
        r"|\b(?:curious|wonder(?:ing)?|know|tell\s+me|ask(?:ing)?|interested\s+in|understand|"
        r"about)\s+what\s+(?:your|the|this)\s+(?:[\w-]+\s+)?(?:team|group|unit|lab|studio|department|"
        r"squad)\s+(?:actually\s+|mostly\s+|really\s+)?(?:does|do|works\s+on|is\s+working\s+on|"
        r"builds|makes|owns|focuses\s+on)\b",
        re.IGNORECASE,
    ),
    "size": re.compile(
        r"\bhow\s+(?:big|large|many\s+(?:people|of\s+you|folks|staff|nurses|engineers|"
        r"designers|analysts|architects))\b|\bhead\s*count\b|\bsize\s+of\s+(?:the|your)\b",
        re.IGNORECASE,
    ),
    "remote": re.compile(
        r"\bremote(?:ly)?\b|\bhybrid\b|\bfrom\s+home\b|\bwfh\b|\bin\s+(?:the|an)\s+office\b"
        r"|\binto\s+the\s+office\b|\bcommut\w+",
        re.IGNORECASE,
    ),
    "hiring_steps": re.compile(
        r"\b(?:hiring|recruitment|recruiting|application|interview|selection)\s+process\b"
        r"|\bthe\s+process\b(?!\s+of\b)|\binterviews?\b|\bhow\s+many\s+rounds\b"
        r"|\bget(?:s|ting)?\s+hired\b"
        r"|\b(?:are|is)\s+(?:you|you\s+guys|they|we|it|the\s+\w+|\w+)\s+(?:still\s+)?hiring\b"
        r"|\bhiring\s+(?:right\s+)?now\b"
        r"|\bhow\s+(?:does|do|would|will)\s+(?:the\s+)?(?:application|applying|recruitment|"
        r"hiring|selection)s?\s+work\b"
        r"|\bhow\s+(?:do|would|can|should|does)\s+(?:i|people|someone|one|you)\s+apply\b"
        r"|\bcompetenc(?:y|ies)[- ]based\b|\bassessment\s+(?:centre|center|day)\b"
        r"|\b(?:what\s+happens\s+(?:next|after\s+that|then)|next\s+steps?)\b" + _HIRE_OBJECT,
        re.IGNORECASE,
    ),
    # who the work is for: "who actually uses the product", "who are your customers"; a
    # company's possessive may have lost its apostrophe ("who are brightwaters customers", as a
    # recognizer writes it): safe, as the users' noun follows
    "users": re.compile(
        r"\bwho\s+(?:actually\s+|really\s+|mostly\s+|else\s+)?(?:uses?|buys?|pays?\s+for|reads?)\s+"
        r"(?:it|them|this|that|what|the|your|their)\b"
        r"|\bwho\s+(?:are|is)\s+(?:your|the|their|(?:[\w-]+\s+)?[\w-]+'?s|[\w-]+s')\s+(?:main\s+|typical\s+|"
        r"biggest\s+)?(?:users?|customers?|clients?|audience)\b",
        re.IGNORECASE,
    ),
    # whom the hire would report to: "who would I be reporting to", "who's the boss"
    "manager": re.compile(
        r"\bwho\s+(?:would|will|do|does|did|should)\s+(?:i|they|he|she|the\s+[\w-]+|this\s+[\w-]+)"
        r"\s+(?:\w+\s+)?(?:be\s+)?(?:report(?:ing)?\s+(?:in)?to|work(?:ing)?\s+for|answer(?:ing)?\s+to)\b"
        r"|\bwho(?:'s|\s+is|\s+would\s+be|\s+will\s+be)\s+(?:my|the|their)\s+(?:boss|manager|"
        r"line\s+manager|hiring\s+manager)\b",
        re.IGNORECASE,
    ),
    # how soon a post is to be filled: "how fast are they looking to fill this", "why the rush"
    "timeline": re.compile(
        r"\bhow\s+(?:quickly|fast|soon|urgently)\s+(?:are|is|do|does|would|will|did|can)\s+"
        r"(?:they|you|we|it|the\s+\w+|\w+)\s+(?:\w+\s+)?(?:need|want|looking|hoping|trying|"
        r"planning|expect\w*|hire|hiring|fill|filling|decide|deciding|move|moving)\b"
        r"|\burgen(?:t|cy|tly)\b|\bthe\s+rush\b"
        r"|\b(?:time\s*(?:line|frame|scale)s?|deadlines?)\b" + _HIRE_OBJECT + r"|\bby\s+when\b"
        r"|\bwhen\s+(?:do|would|will|did)\s+they\s+(?:want|need)\b"
        r"|^(?=.*\b(?:hire|hiring|fill|filled|someone|somebody|role|post|position|recruit\w*|"
        r"start)\b).*\bso\s+(?:quickly|soon|fast)\b"
        r"|\b(?:looking|want|need|trying|hoping)\s+to\s+fill\b|\bfill(?:ed)?\s+(?:it|this|that|the\s+"
        r"(?:role|post|position|job|seat))\s+(?:by|quickly|fast|soon)\b",
        re.IGNORECASE,
    ),
    # where a group or company came from: "how did the group come about", "has it always existed"
    "history": re.compile(
        r"\b(?:come|came|coming)\s+about\b|\balways\s+(?:been\s+(?:there|around)|existed)\b"
        r"|\bhistory\b|\bhow\s+long\s+(?:has|have)\s+(?:the|your|this|that|it|they)\b(?:\s+[\w-]+){0,3}"
        r"\s+(?:existed|been\s+(?:around|going|running|there))\b"
        r"|\bhow\s+did\s+(?:the|your|this|that)\s+(?:[\w-]+\s+){0,3}?(?:group|team|studio|company|"
        r"practice|unit|department|firm|business|agency|lab|charity|startup|office|guild)\s+"
        r"(?:first\s+)?(?:get\s+)?(?:start|started|begin|form|come|get\s+going)\b"
        r"|\b(?:was|were)\s+(?:it|the\s+\w+|[\w-]+)\s+(?:founded|set\s+up|started)\b",
        re.IGNORECASE,
    ),
}


#: What a manager says to a question about their private life or acquaintances ("What do you
#: do at the weekend?", "How do you know Priya?") that no topic answers: passing it to a
#: colleague ("Femi would know") would be absurd, so a light, friendly "another time".
PRIVATE_REPLIES: Final = (
    "Ha, that's one for another day.",
    "Oh, that's a longer story. Another time!",
)


#: To practicalities nobody at the table knows (parking, visas): honest, and no colleague named
#: ("Maya runs the housing side" for a parking question sends the seeker to the wrong person).
LOGISTICS_REPLIES: Final = (
    "Honestly, I don't know that one, sorry.",
    "I'm not sure, to be honest. Worth checking if it gets that far.",
)
#: To pay or a start date when no topic answers it and the scripted line is not about it: an
#: honest redirect in the persona's voice, never a bare "Okay." that ignores it.
LATER_REPLIES: Final = (
    "Let's not get ahead of ourselves.",
    "I'd rather not guess at that. It comes later, if it gets that far.",
)
#: To a question about the persona's own experience (what surprised them, what keeps them
#: there) that no topic answers: an honest, personal non-answer, never a colleague's name.
REFLECTIVE_REPLIES: Final = (
    "Honestly, I'm still working that one out myself.",
    "Ha, that's a big one. I'd need longer than we've got to do it justice.",
)
#: To a question about the persona's own work, path or team that no topic answers ("How do you
#: test ideas with real classrooms?"): the persona speaks for itself, never "Dev would know",
#: and claims no answer it does not give: "it depends on the week" answered "How do you win
#: that trust back?" and "Is there anything open in your team?" as if they asked about his week.
OWN_REPLIES: Final = (
    "Good question. I don't have a tidy answer to that one, honestly.",
    "Hmm, that's a good one. I'd want to think before I gave you a proper answer.",
)
#: To "What got you into this?" when no topic tells the persona's path: the persona's own
#: short answer, never "I'd have to check with the client".
ORIGIN_REPLIES: Final = (
    "Oh, by a winding road, honestly. One thing led to another, the way it usually does.",
    "More by accident than by plan, if I'm honest. It's a longer story than we've got time for.",
)
#: To a request for advice ("What would you read if you were me?") that no topic answers: advice
#: in the persona's own voice, never ignored.
ADVICE_REPLIES: Final = (
    "If I were you, I'd talk to as many people doing the work as I could, and read what they read.",
    "Honestly? Find the people already doing it and ask what they wish they'd known.",
)
#: To "Who else should I talk to?" when no topic names anyone: an honest "let me think", never
#: "no idea" followed by a colleague's name (a deflection that then names people).
REFERRAL_REPLIES: Final = (
    "Good question. Let me have a think about who'd be most useful for you.",
    "Hmm, let me think about who'd be the right person for you to meet.",
)
#: To a request for the job ("Could you refer me?", "When can I interview?") that the scripted
#: line after it does not take up: an honest brake, never a description of the job.
REQUEST_REPLIES: Final = (
    "Let's see how we get on first.",
    "One step at a time, I think.",
)
#: To a question about a topic already answered in this rehearsal, every variant said: a short
#: pointer back, never the same answer word for word.
AGAIN_REPLIES: Final = (
    "Like I said, that's about all I can tell you on that one.",
    "As I said, there's not much more to it than that.",
)
#: Before a scripted line whose statements would tell again what a knowledge answer already said
#: in this rehearsal ("Trust. Once a doctor ..." then "most of the work is whether the doctors
#: can trust the numbers"), when no phrasing of it avoids that: those statements are left out and
#: the manager points back briefly instead.
BACK_REPLIES: Final = (
    "Which brings me back to what I said earlier.",
    "Like I mentioned earlier, that's the heart of it.",
)
#: A question asking for MORE of a topic whose every answer is told ("Who else?", "Anyone else I
#: should meet?", "Any other projects?"): an honest "that's all", never the pointer back naming
#: again exactly what was named (review 14 R11: "And who else?" -> "Like I said: Femi ...").
MORE_PEOPLE_REPLIES: Final = (
    "Honestly, that's everyone I'd point you to for now.",
    "That's everyone I can think of for now.",
)
MORE_REPLIES: Final = (
    "Honestly, that's all I can think of for now.",
    "That's about all I've got on that for now.",
)
#: Whom one may ask to meet ("other people", "another name", "a second person").
_PEOPLE_NOUNS: Final = (
    r"(?:people|person|names?|folks|contacts?|colleagues?|introductions?|intros?)"
)
#: What makes "other people" people to meet ("other people I could talk to", "other colleagues
#: worth meeting"), not a question about other people ("what do other people on the team do").
_TO_MEET: Final = (
    r"(?=[^?.!]*\b(?:(?:i|we)\s+(?:could|should|can|might|ought\s+to|must)\b|worth\b|to\s+"
    r"(?:talk|speak|meet|contact|reach|chat|ask)\b|you'?d\s+(?:suggest|recommend)\b|you\s+"
    r"(?:would|could|might)\s+(?:suggest|recommend)\b))"
)
#: Asking for more people, or more of anything (session 15: every wording of asking for more
#: people: "is there someone else", "who besides them", "another name, maybe?", "a second person
#: I could ask", "do you know other people I could talk to", "others I should meet?").
_MORE_PEOPLE: Final = re.compile(
    r"\b(?:who|anyone|anybody|someone|somebody|any\s+one|no\s+one|nobody)\s+else\b"
    rf"|\b(?:any|some|an?)\s+(?:other|another|different|second|further|more)\s+{_PEOPLE_NOUNS}\b"
    rf"|\b(?:another|more|further)\s+{_PEOPLE_NOUNS}\b"
    rf"|\b(?:other|different)\s+{_PEOPLE_NOUNS}\b{_TO_MEET}"
    rf"|\bothers\b{_TO_MEET}"
    r"|\b(?:who|anyone|anybody|people|others|someone|somebody)\s+(?:besides|apart\s+from|"
    r"other\s+than)\b"
    r"|\b(?:anyone|anybody|someone|somebody)\s+(?:different|new)\b"
    r"|\b(?:other|more|further|any)\s+(?:suggestions?|recommendations?|ideas?|tips?)\s+(?:of|for|on)"
    r"\s+(?:people|who|names?|folks|contacts?|colleagues?)\b",
    re.IGNORECASE,
)
_MORE: Final = re.compile(
    r"\b(?:what|anything|something|where)\s+else\b|\b(?:any|some)\s+others?\b"
    r"|\banother\s+one\b|\b(?:any|anything|something|much)\s+more\b"
    r"(?=\s*(?:[?.!,;:]|$)|\s+(?:to|about|on|in|i|you|that|we|there|like\s+that)\b)",
    re.IGNORECASE,
)
#: The words a bare request for more may carry besides asking for more: "Anyone else you'd
#: recommend?", "Any other names I should have?", "Anybody else worth a coffee?", "Who besides
#: them, then?"; a question with any other word asks something of its own ("Does anyone else
#: on the team do research?", "Are you hiring more people?").
_BARE_WORDS: Final = frozenset(
    re.findall(
        r"\S+",
        """and so ok okay right then maybe perhaps also too else by the way is are was there
        any anyone anybody someone somebody who whom others other another more some a an one
        ones different second further new besides apart from than people person name names
        folks contacts contact colleagues colleague introductions introduction intros intro
        i we you me us could should would can might must ought to do does did have has get
        give talk speak meet reach out chat ask call email worth coffee know think of for
        talking speaking meeting chatting contacting knowing suggestions suggestion
        recommendations recommendation ideas idea tips
        recommend suggest point introduce put touch with in them him her those that this
        these it you'd i'd i'm""",
    )
)
_BARE_WORD: Final = re.compile(r"[a-z]+(?:'[a-z]+)?")


def asks_more(question: str) -> str | None:
    """ "people" when the question asks for more people ("who else?", "anyone else?"), "more"
    for more of anything ("any other projects?", "what else?"), else None."""
    if _MORE_PEOPLE.search(question):
        return "people"
    if _MORE.search(question):
        return "more"
    return None


def is_bare_more(question: str) -> bool:
    """Whether the question only asks for more (`asks_more`), with nothing of its own: "Anyone
    else you'd recommend?", "Any others?", "Another name, maybe?"; not "Does anyone else on the
    team do research?"."""
    if asks_more(question) is None:
        return False
    words = _BARE_WORD.findall(question.lower().replace("’", "'"))
    return all(w in _BARE_WORDS for w in words)


#: The words of a bare ask for more that make it an ask for people to meet ("Any other names?",
#: "Others I should meet?", "Anybody else worth a coffee?"), not plainly for more of what was just
#: told ("Anyone else?", "Who else?", "Any others?" after "Who's on your team?").
_TO_CONTACT: Final = re.compile(
    r"\b(?:names?|contacts?|contact|introductions?|intros?|introduce|talk|talking|speak|speaking|"
    r"meet|meeting|reach|chat|chatting|ask|call|email|coffee|worth|touch|recommend|"
    r"recommendations?|suggest|suggestions?|ideas?|tips?|point|put)\b",
    re.IGNORECASE,
)


def asks_for_contacts(question: str) -> bool:
    """Whether a bare ask for more (`is_bare_more`) asks for people to meet by its own words
    ("Any other names?", "Someone else I could talk to?"), not only for more ("Anyone else?")."""
    return is_bare_more(question) and bool(_TO_CONTACT.search(question))


#: To a request to stay in touch ("Can I follow up with you next week?", "Could we stay in
#: touch?"): a plain, warm yes, never a deflection nor a topic's answer (session 19).
IN_TOUCH_REPLIES: Final = (
    "Of course, please do. I'd be glad to hear how you get on.",
    "Of course, please do. I'd like to hear how it goes for you.",
)
#: The same yes beside another question that got a topic's answer ("What are you working on,
#: and can I email you next week?").
IN_TOUCH_ASIDES: Final = ("And of course, please do stay in touch.",)
#: To a request to be introduced to someone when no topic names whom to meet: honest, warm, and
#: promising no name he has not given (session 20).
INTRODUCE_REPLIES: Final = (
    "I can't promise anything, but send me a note after this and I'll think about who you "
    "should meet.",
    "Happy to think about it. Drop me a line afterwards and I'll see who'd be worth your time.",
)
#: After answering one question of several, to a pay or start-date question beside it that the
#: scripted line does not take up: it is owned, not dropped silently.
PAY_ASIDES: Final = ("As for pay, that comes later, if it gets that far.",)
START_ASIDES: Final = ("As for starting, let's not get ahead of ourselves.",)
#: Every generic reply by what it answers, in the order they are tried (the last eight have no
#: intent of their own: the runner picks them; listed here so they are pre-rendered).
GENERIC_REPLIES: Final[dict[str, tuple[str, ...]]] = {
    "in_touch": IN_TOUCH_REPLIES,
    "introduce": INTRODUCE_REPLIES,
    "private": PRIVATE_REPLIES,
    "logistics": LOGISTICS_REPLIES,
    "later": LATER_REPLIES,
    "reflective": REFLECTIVE_REPLIES,
    "origin": ORIGIN_REPLIES,
    "referral": REFERRAL_REPLIES,
    "request": REQUEST_REPLIES,
    "own": OWN_REPLIES,
    "advice": ADVICE_REPLIES,
    "again": AGAIN_REPLIES,
    "more_people": MORE_PEOPLE_REPLIES,
    "more": MORE_REPLIES,
    "back": BACK_REPLIES,
    "pay_aside": PAY_ASIDES,
    "start_aside": START_ASIDES,
    "in_touch_aside": IN_TOUCH_ASIDES,
}
_GENERIC_INTENTS: Final = {
    "in_touch": frozenset({"in_touch"}),
    "introduce": frozenset({"introduce"}),
    "private": frozenset({"leisure", "personal"}),
    "logistics": frozenset({"parking", "facilities", "visa"}),
    "later": frozenset({"pay", "start_date"}),
    "reflective": frozenset({"surprise", "fondness", "missing"}),
    "origin": frozenset({"origin"}),
    "referral": frozenset({"referral"}),
}


#: A manager line that itself ASKS about the job offer or the money ("I want to sign you up
#: tonight. You want the job, right?", "Anything on pay or hours?"): a pay or start-date question
#: before it needs no "let's not get ahead of ourselves", which would contradict the line. Money
#: or number words alone are not enough ("the numbers" = data, "Marcus has your number" = a
#: phone, "eighteen months of money"): the line must ask the seeker something, and either a
#: question in it is about terms or the line names pay, the offer or the CV outright.
#: (`_NAMES_TERMS` below is searched in the whole line too, so what it names is not repeated.)
_ASKS_TERMS: Final = re.compile(
    r"\b(?:do\s+you\s+want|you\s+want)\s+the\s+(?:job|role|post)\b"
    r"|\ban\s+offer\b|\bput\s+you\s+forward\b|\bwhat\s+number\b"
    r"|\b(?:put|get)\s+(?:over\s+)?your\s+(?:cv|resume)\b|\byour\s+number\b"
    r"|\bwhen\s+can\s+you\s+start\b|\bmoney\b|\bwhat\s+are\s+you\s+(?:earning|on)\b|\bterms\b"
    r"|\b(?:sort\s+of|kind\s+of|its|any)\s+pay\b"
    r"|\bpay\s+(?:range|band)\b"
    # "What would you expect to be paid?", "what do you hope to earn?" (not "to make": "what
    # decision are you trying to make?")
    r"|\b(?:be|get|getting|being)\s+paid\b|\bto\s+earn\b",
    re.IGNORECASE,
)
_NAMES_TERMS: Final = re.compile(
    r"\bsalar(?:y|ies)\b|\b(?:about|on|the)\s+pay\b|\bpay\s+(?:or|and)\b|\bpays\s+better\b"
    r"|\b(?:they're|they\s+are)\s+paying\b|\bpay\s+more\s+than\s+(?:we|us)\b|\bthe\s+package\b"
    r"|\bthe\s+grade\b|\boffer\s+(?:in|by)\b|\bjob\s+offer\b|\bsign\s+you\s+up\b"
    r"|\bsorted\s+tonight\b|\b(?:send|forward|pass)\s+(?:over\s+)?your\s+(?:cv|resume)\b"
    r"|\bmoney(?:'s)?\s*,\s*(?:hours|holidays)\b|^\W*(?:okay|ok|right|so),?\s+money\b",
    re.IGNORECASE,
)


def talks_terms(line: str) -> bool:
    """Whether a manager line itself asks the seeker about the offer or the money."""
    questions = [s for s in sentences(line) if s.rstrip().endswith("?")]
    if not questions:
        return False
    return any(_ASKS_TERMS.search(q) for q in questions) or bool(_NAMES_TERMS.search(line))


#: A follow-up with no topic of its own ("Interesting, tell me more", "How so?", "What's that
#: like?"): it is about what the manager just said, never a question to deflect.
_FOLLOW_UP: Final = re.compile(
    r"^\W*(?:(?:oh|ah|wow|interesting|really|nice|cool|okay|ok|right|hmm+|huh|ha|sure|yes|yeah|"
    r"that's\s+(?:interesting|fascinating|cool|great|amazing)|fascinating|and|so)\W+)*"
    r"(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
    r"(?:tell\s+me\s+(?:a\s+(?:bit|little)\s+|some(?:thing)?\s+|much\s+)?more(?:\s+about\s+"
    r"(?:that|it|this|them|those))?|go\s+on|keep\s+going|say\s+more|(?:explain|expand)(?:\s+on\s+"
    r"that|\s+that)?|how\s+so|how\s+come|in\s+what\s+way|what(?:'s|\s+is|s)\s+that\s+like|"
    r"what\s+do\s+you\s+mean|like\s+what|such\s+as|how(?:\s+do\s+you\s+mean)?|why(?:\s+is\s+that)?|"
    r"really|how\s+does\s+that\s+work|what\s+does\s+that\s+(?:look\s+like|involve|mean)|"
    r"what\s+(?:kind|sort)\s+of\s+(?:things|stuff))(?:\s+(?:exactly|then|please))?\W*$",
    re.IGNORECASE,
)


#: A short lead-in clause before a follow-up ("I like the sound of that, tell me more"): a
#: reaction, not a question of its own.
_LEAD_IN: Final = re.compile(r"^(?P<lead>[^,?]{1,40}),\s*(?P<rest>[^,]+)$")
_ASKING_WORD: Final = re.compile(r"\b(?:what|how|who|when|where|why|which)\b", re.IGNORECASE)


def is_follow_up(question: str) -> bool:
    """Whether a question only asks the manager to go on about what he just said (maybe after
    a short reaction: "I like the sound of that, tell me more")."""
    text = question.strip()
    if _FOLLOW_UP.match(text) is not None:
        return True
    lead = _LEAD_IN.match(text)
    return (
        lead is not None
        and not _ASKING_WORD.search(lead.group("lead"))
        and _FOLLOW_UP.match(lead.group("rest")) is not None
    )


def is_private(question: str) -> bool:
    """Whether the question is about the persona's private life (leisure, people they know)."""
    return bool(intents(question) & {"leisure", "personal"})


def generic_kind(questions: list[str] | tuple[str, ...]) -> str | None:
    """Which generic reply fits questions no topic answers: "in_touch" (leave to stay in
    touch), "private", "logistics" (parking, visas), "later" (pay, a start date), or None (an
    ordinary deflection, or nothing)."""
    shown = frozenset().union(*(intents(q) for q in questions)) if questions else frozenset()
    return next((kind for kind, names in _GENERIC_INTENTS.items() if shown & names), None)


#: A leaning that rules out the topics showing another one when no topic shows it: "what would
#: the new hire do" asks about the work, so a topic about how people get hired is wrong.
OPPOSED: Final[dict[str, str]] = {
    "duties": "hiring_steps",
    "team_work": "culture",  # "what does the team work on" is not "what's it like to work there"
    "decide": "size",  # "how does the team decide what to build" is not "how big is it"
}
#: A leaning that, when no topic shows it, goes to the topics showing a broader one: "how fast
#: are they looking to fill it" with no timeline topic is a hiring-process question, not the role.
BROADER: Final[dict[str, str]] = {"timeline": "hiring_steps"}


def is_request(question: str) -> bool:
    """Whether the question asks the persona to do something, or asks leave."""
    return _REQUEST.search(question) is not None


def is_pay(question: str) -> bool:
    """Whether the question is about pay, benefits or money."""
    return _PAY.search(question) is not None


def may_deflect(question: str) -> bool:
    """Only a real information question may get a deflection: not a request, not pay."""
    return not is_request(question) and not is_pay(question)


def about_own_work(question: str) -> bool:
    """Whether the question is clearly about the persona's own work or the role."""
    return _OWN_WORK.search(question) is not None


def about_self(question: str) -> bool:
    """Whether the question asks about the persona's own path, work or team (or the role), which
    the persona answers in person rather than naming a colleague who would know."""
    return about_own_work(question) or _ABOUT_SELF.search(question) is not None


def asks_advice(question: str) -> bool:
    """Whether the question asks the persona's advice ("what would you read if you were me")."""
    return "advice" in leanings(question)


def own_work_topic(topic_id: str) -> bool:
    """Whether a topic holds the persona's own work or the role."""
    return _OWN_WORK_TOPIC.search(topic_id) is not None


def intents(text: str) -> frozenset[str]:
    """The intents a question (or an example question) shows."""
    return frozenset(name for name, pattern in INTENTS.items() if pattern.search(text))


def leanings(text: str) -> frozenset[str]:
    """The softer intents a question (or an example question) shows."""
    return frozenset(name for name, pattern in LEANINGS.items() if pattern.search(text))
