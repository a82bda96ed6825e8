"""The cue lexicon: every regular expression the analyzer uses, compiled once at import.

Recognizer text has no capitals and often no apostrophes ("im not sure", "id love to"), so every
pattern is case-insensitive and treats the apostrophe as optional. Patterns are searched on the
original text (never a lowered copy), so match spans index straight into the turn's text.

Every repetition is bounded (`{0,3}`, `[^.?!]{0,40}`) and the analyzer never searches more than
`MAX_ANALYZED_CHARS` characters of a turn, so no input can make a search slow.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

#: How much of a turn is searched for cues. About 700 spoken words: far beyond a real answer,
#: and it keeps the work for a 10 MB paste bounded.
MAX_ANALYZED_CHARS: Final = 4000

A: Final = "['’]?"  # an apostrophe the recognizer may have dropped
W: Final = r"(?:[\w'’-]+\s+)"  # one word and the space after it, for bounded gaps
IM: Final = rf"(?:i{A}m|i\s+am)"
ID: Final = rf"(?:i{A}d|i\s+would)"
IVE: Final = rf"(?:i{A}ve|i\s+have)"
DONT: Final = rf"(?:don{A}t|do\s+not)"
YOUD: Final = rf"(?:you{A}d|you\s+would)"
YOURE: Final = rf"(?:you{A}re|you\s+are)"
JOB: Final = r"(?:job|role|position|opening|post|vacancy|opportunity|gig)"
THE: Final = r"(?:the|this|that|your|our|a|an|it|one)"


def _words(text: str) -> list[str]:
    return text.split()


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the alternatives as whole words."""
    body = "|".join(f"(?:{alt})" for alt in alternatives)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w'’])", re.IGNORECASE)


def _not_after(words: Sequence[str], *, where: str) -> str:
    """A modal, a negation or a wish before a claim's verb makes it no claim: one spelling for
    the deeds of `SELF_PROMOTION`, `ROLE_DEED` and `PLAIN_FACT` (session 17). `words` are
    regex words. `where="gap"`: an optional word between "I" and the verb that is none of them
    ("I should set up a meeting", "I don't manage anyone" claim nothing); `where="question"`:
    lookbehinds, the "I" does not follow one of them opening a question ("would I run the
    huddles?"), though a yes's auxiliary after "i" may ("yes i would i managed a team");
    `where="before"`: plain lookbehinds ("I wouldn't I led").
    """
    if where == "gap":
        return rf"(?:(?!(?:{'|'.join(words)})\s)\w+\s+)?"
    inner = r"(?<!i\s)" if where == "question" else ""
    return "".join(rf"(?<!{inner}{word}\s)" for word in words)


WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SENTENCE_END: Final = re.compile(r"[.?!;\n]")

# --- questions --------------------------------------------------------------------------------

AUX: Final = (
    r"(?:do|does|did|is|are|was|were|would|could|should|can|will|have|has|had|may|might|shall"
    rf"|don{A}t|doesn{A}t|didn{A}t|isn{A}t|aren{A}t|wasn{A}t|won{A}t|wouldn{A}t|can{A}t|couldn{A}t)"
)
ADVERB: Final = r"(?:usually|normally|typically|actually|really|exactly|generally|else|then|now)"
#: A preposition before a question's wh-word ("at what rate", "to what extent").
_PREP_WH: Final = r"(?:at|in|to|on|by|with|for|under|over)\s+(?:what|which)\s+"
#: The subject after a question's auxiliary ("at what rate are YOU", "how fast do THE clinics").
_ASKED_SUBJECT: Final = (
    r"(?:you|we|they|he|she|it|i|the|your|our|this|that|these|those|people|most|new)(?![\w'’])"
)
#: What drew someone somewhere, after "what": "what brings you here", "what drew you to nursing",
#: "what got you into it". Declared once: questions (`WH_QUESTION`, `WH_SUBJECT_VERB`), relative
#: clauses (`_RELATIVE_VERB`), the manager's curiosity (`CURIOSITY`) and the replay's reasons
#: (`app.report.alternatives`) build on it.
DRAW_VERBS: Final[tuple[str, ...]] = ("brings", "brought", "draws", "drew", "gets", "got")
#: Verbs after "what" as its subject ("what made you", "what happened", "what excites you").
_WHAT_MOVED: Final = "|".join(
    (
        *DRAW_VERBS,
        *_words("made led leads happens happened keeps kept motivates motivated surprised"),
        *_words("surprises excites prompted"),
    )
)
#: wh-word + auxiliary or a verb that only a question puts there ("what made you", "how long").
WH_QUESTION: Final = _rx(
    rf"(?:what|how|who|where|when|why|which)(?:{A}s|{A}re|{A}d|{A}ll|\s+(?:{ADVERB}\s+)?{AUX})",
    r"how\s+(?:long|many|much|often|big|far|come|soon|old|large|hard|easy|exactly)",
    rf"what\s+(?:{ADVERB}\s+)?(?:kind|sort|type|kinds|sorts|types|{_WHAT_MOVED}"
    r"|else|part|parts|skills|advice|tips)",
    r"who\s+(?:else|decides|decided|makes|made|runs|leads|else|sets|owns)",
    r"which\s+[\w'’-]+\s+(?:do|does|did|is|are|was|were|would|should|tend|tends|have|has|can)",
    # "what about your side?" ("how about yours?" returns a pleasantry, "how about I/we/this"
    # proposes)
    r"what\s+about",
    # a preposition before the wh-word: "at what rate are you onboarding", "to what extent do
    # you", "in which clinics does it run" ("from what you said" has no auxiliary: a clause)
    rf"{_PREP_WH}(?:[\w'’-]+\s+){{1,2}}?{AUX}(?=\s+{_ASKED_SUBJECT})",
    # "how fast are you onboarding", "how quickly do new hires ramp up": how + any adverb
    rf"how\s+[\w'’-]+\s+{AUX}(?=\s+{_ASKED_SUBJECT})",
)
#: "which is why/how/what...": a relative clause about what was just said, not a question
#: ("which is why I came"; "which is better" still asks).
RELATIVE_WHICH: Final = _rx(
    rf"which(?:{A}s|\s+(?:is|was))\s+(?:why|how|what|where|when|partly|kind|sort|exactly|also"
    r"|actually|probably|basically|honestly|really|just|definitely|something|great|fine|funny"
    r"|interesting|ironic|fair|true|nice|cool|good)"
)
#: The words before a wh-word that make it an embedded clause, not a question ("I know what...").
WH_BLOCKERS: Final = frozenset(
    _words(
        "know knew sure idea see saw understand understood figure figured out decide decided "
        "matter is was that's thats exactly remember like love hate care depends depending on "
        "about regardless realize realise learn learned learning explore exploring what no that"
    )
)
#: auxiliary + subject: "do you", "is there", "can i". Must start a clause.
YES_NO_QUESTION: Final = _rx(
    rf"(?:do|does|did|can|could|would|will|should|shall|may|might|have|has"
    rf"|don{A}t|doesn{A}t|didn{A}t|can{A}t|won{A}t|wouldn{A}t|couldn{A}t|haven{A}t)"
    r"\s+(?:you|i|we|they|he|she|it|people|anyone|anybody|someone|somebody|your|the|that|this"
    r"|there|those|these|most|many|any|farmers|folks|new|everyone|everybody|y['’]?all)",
    r"(?:are|were|aren[’']?t|weren[’']?t)\s+(?:you|we|they|there|the|your|those|these|people|any)",
    r"(?:is|was|isn[’']?t|wasn[’']?t)\s+(?:it|he|she|that|this|there|the|your|anyone|everyone"
    r"|someone|a|an)",
    r"am\s+i",
)
#: The words before an auxiliary that make it a statement ("I do think", "that is", "to be").
YES_NO_BLOCKERS: Final = frozenset(
    _words(
        "i you we they he she it that this there what which who how why when where to thing one "
        "things lot just also really i'm im you're youre we're they're it's its that's thats "
        "people answer problem question point truth idea plan reason else "
        # a modal or "let's" before "do"/"have" makes it the main verb ("let's do it", "I can
        # do that"), never a question's auxiliary
        "can could would should will might may must let's lets gonna wanna "
        # a contracted modal too ("I'd do the same here", "we'll have the data by then")
        "i'd id i'll ill you'd youd you'll youll we'd wed we'll they'd theyd they'll theyll "
        "he'd hed he'll she'd shed she'll it'd it'll itll that'd thatd that'll thatll who'd who'll "
        # an adverb that only sits inside a statement ("I'd probably do the same")
        "probably definitely certainly totally happily gladly likely always usually sometimes "
        "often rarely already"
    )
)
#: Words that follow an auxiliary opening a sentence when the subject was dropped, not
#: inverted ("could be worse", "would love to", "is what it is", "did well", "will try that").
_NOT_A_SUBJECT: Final = "|".join(
    _words(
        "be been being not also just really so very too quite pretty always never still even "
        "kinda sorta worse better best great good fine nice ok okay cool fun lovely amazing "
        "awesome interesting hard tough busy crazy brutal worth well a an my our what that's "
        "thats how why when where who which love like say said do done go get got have had make "
        "made take took come came tell told let see want need hope think thought guess bet "
        "imagine appreciate assume expect prefer rather enjoy recommend relate use try work help "
        "happen matter confirm to for in on at of with up out about all one some no much many "
        "gonna wanna able glad happy sure there here everything nothing something anything keep "
        "its mention suggest send check argue speak talk start"
    )
)
#: What a be-form question asks about after its subject ("is the team still remote").
_BE_PREDICATE: Final = (
    r"still|really|also|always|usually|mostly|open|remote|hybrid|based|allowed|expected"
    r"|required|able|likely|part|more|less|any|mainly|typically|normally|generally"
)
#: What follows a subject-drop verb, never a subject's verb ("will send you the link").
_OBJECT: Final = (
    r"you|me|him|her|us|them|it|the|a|an|my|your|this|that|some|any|to|up|out|back"
    r"|over|by|with|at|off|about|so|too|more|monday|tomorrow|today|now|soon|later|right|away"
    # a preposition or conjunction after the first word: that word was the object of a
    # subject-drop verb ("did marketing for five years", "did physio in glasgow")
    r"|for|in|on|from|into|as|then|and|or|but|before|after|during|until|since|while|because"
    r"|here|there|abroad|full|part"
    # nouns that follow a field of study or work, never a subject's verb ("did nursing school")
    r"|school|college|uni|university|degree|course|courses|training|bootcamp|classes|work"
    r"|jobs|stuff|things|shifts|years|months|weeks|days|placement|internship|apprenticeship"
)
#: Amounts are what a subject-drop verb did or has ("did two years", "has three kids", "does
#: wonders"), never the subject of a question.
_AMOUNT: Final = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred|few|several|couple|lots|plenty|loads|tons|wonders|years|months"
    r"|weeks|days|ages|nights|kids|children"
)
#: Verbs after "which" that make it a relative clause commenting on what was just said ("which
#: brings me to", "which makes sense", "which reminds me"), not a question's noun.
_RELATIVE_VERB: Final = (
    rf"{'|'.join(DRAW_VERBS)}|makes|made|reminds|reminded|leads|led|gives|gave|helps|helped"
    r"|takes|took|keeps|kept|lets|shows|says|said|sounds|seems|feels|felt|happens|goes|went|puts"
    r"|ties|fits|suits|drives|drove|ended|changed|includes|involves|comes|came|sums|raises"
    r"|allows|has|had|actually|also|basically|probably|obviously|honestly"
)
#: A modal or verb after "anyone/anything else": its subject, so a statement ("anyone else
#: would have quit", "anything else is a bonus"); "anyone else you think..." asks.
_ELSE_VERB: Final = (
    rf"would|will|could|can|should|might|may|must|shall|wouldn{A}t|won{A}t|couldn{A}t|can{A}t"
    rf"|is|was|were|are|isn{A}t|wasn{A}t|has|had|have|did|does|do|didn{A}t|doesn{A}t|don{A}t"
    r"|seems|gets|got|goes|went|comes|came|makes|made|says|said|knows|knew|thinks|thought"
    r"|feels|felt|takes|took|needs|wants|wanted|works|worked|tried|tries|applied|quit|left"
)
#: A recognizer's question with no question mark and a subject no closed list names, opening
#: its sentence: an auxiliary, then a subject, then more ("is fernhill hiring pms right now",
#: "does marketing sit with sales", "are pms expected to code"), or "which"/"what" and a noun
#: or verb ("which skills matter most", "what makes a great engineer"). `cues` checks that it
#: opens its sentence and is not a pseudo-cleft ("what matters most is the people").
SENTENCE_QUESTION: Final = _rx(
    # a be-form, a subject, then a participle or a predicate a question asks about
    rf"(?:is|are|was|were)\s+(?!(?:{_NOT_A_SUBJECT})(?![\w'’]))[^\W\d_][\w'’-]*(?<!ly)"
    rf"(?<!ed)\s+(?:[\w'’-]+(?:ing|ed|en)|{_BE_PREDICATE})(?![\w'’])",
    # a two-word subject ("is harbor bank hiring"): only before what a question asks about it
    rf"(?:is|are|was|were)\s+(?!(?:{_NOT_A_SUBJECT})(?![\w'’]))[^\W\d_][\w'’-]*(?<!ly)\s+"
    rf"[^\W\d_][\w'’-]*(?<!ly)\s+(?:{_BE_PREDICATE}|hiring|planning|growing|moving|looking)"
    r"(?![\w'’])",
    # do or a modal, a subject (gerunds too: "does marketing"), then a verb, not an object
    rf"(?:does|do|did|can|could|should|will|would|has)\s+"
    rf"(?!(?:{_NOT_A_SUBJECT}|{_AMOUNT})(?![\w'’]))"
    rf"[^\W\d_][\w'’-]*(?<!ly)(?<!ed)\s+(?!(?:{_OBJECT})(?![\w'’]))[^\W\d_][\w'’-]*",
    r"what\s+(?!(?:i|you|we|they|he|she|it|a|an|the|if|is|was|are|were|about|kind"
    r"|sort|else|means|meant|explains|is|i['’]?m|it['’]?s|this|that|these|those|my|our)"
    r"(?![\w'’]))[^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]*",
    # "which" + a verb in -s/-ed is a relative clause ("which brings me to", "which makes
    # sense", "which ended badly"); "which skills matter" keeps its noun
    rf"which\s+(?!(?:i|you|we|they|he|she|it|a|an|the|if|is|was|are|were|about|kind"
    rf"|sort|else|means|meant|explains|is|i['’]?m|it['’]?s|this|that|these|those|my|our"
    rf"|{_RELATIVE_VERB}|[^\W\d_][\w'’-]{{2,}}ed)(?![\w'’]))"
    r"(?![^\W\d_][\w'’-]*s\s+(?:me|us|him|her|them|it|sense|everything|things)(?![\w'’]))"
    r"[^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]*",
    # "anyone else you think I should talk to", "anything else I should know" ("any X" opens
    # statements as often: "any classroom would be lucky", "any level, I accept"); a modal or
    # verb after it makes it the subject of a statement ("anyone else would have quit")
    rf"(?:anyone|anybody|anything)\s+else(?!\s+(?:{_ELSE_VERB})(?![\w'’]))",
)
#: After "is/was a(n) ...", what a question asks about its subject ("is a degree required",
#: "is a car necessary", "is a phd a must"); without one it is a subject-drop statement ("was a
#: long day", "is a nightmare").
COPULA_ASKS: Final = _rx(
    rf"[\w'’-]+(?:ed|ing|en)|{_BE_PREDICATE}|necessary|possible|must|option|requirement|needed"
    r"|ok|okay|fine|problem|dealbreaker"
)
#: A copula not followed by a subject: the wh-clause before it is a subject ("what matters
#: most is the people"), so the sentence is a statement (pseudo-cleft).
PSEUDO_CLEFT: Final = re.compile(
    r"(?<![\w'’])(?:is|was|are|were)(?:n['’]?t)?(?![\w'’])"
    r"(?!\s+(?:you|we|they|he|she|it|i|there)(?![\w'’]))",
    re.IGNORECASE,
)
#: A wh-word that is its clause's subject, then its verb ("what drew me in"): with a copula
#: later in the sentence it is a pseudo-cleft's subject ("what drew me in was the people").
WH_SUBJECT_VERB: Final = re.compile(
    rf"what\s+(?:{_WHAT_MOVED})",
    re.IGNORECASE,
)
#: Words that open a sentence without being part of it ("so", "ok", "um", "yeah").
SENTENCE_LEAD: Final = frozenset(
    _words(
        "so and but okay ok well oh ah um uh hmm right yeah yes yep sure great cool nice also "
        "then actually honestly anyway just like alright hey hi hello question quick curious"
    )
)
#: "Tell me about it" as sympathy, not a request: after a backchannel ("yeah, tell me about
#: it") or before the seeker's own clause ("tell me about it, I've done doubles all week").
TELL_ME_ABOUT_IT: Final = re.compile(
    r"(?:(?:yeah|yes|oh|ugh|god|man|ha|haha|honestly|seriously|boy|oh\s+boy|right|ah)[\W_]+"
    r"tell\s+me\s+about\s+it|tell\s+me\s+about\s+it[\W_]+(?:i|i['’]?ve|ive|i['’]?m|im|we"
    r"|my|the|this|that|it['’]?s|its)(?![\w'’]))(?![\w'’])",
    re.IGNORECASE,
)
#: Indirect questions: "I'd love to hear how...", "tell me about...", "I'm curious...".
INDIRECT_QUESTION: Final = _rx(
    rf"(?:{ID}|i)\s+(?:really\s+)?(?:love|like|want)\s+to\s+(?:hear|know)\s+(?:more|about|how|what"
    rf"|why|where|when|who|if|whether|your)",
    # not a curiosity that asks nothing: "I'm curious, but...", "I'm curious too." (trial7 G5)
    rf"(?:{IM}|i\s+was|i{A}ve\s+(?:always\s+)?been)\s+(?:\w+\s+)?(?:curious|wondering)"
    r"(?!\s*(?:[.;!…]|$)|\s*,\s*(?:but|though|and|so|i|i['’]?d|i['’]?m)(?![\w'’])"
    r"|\s+(?:but|too|as\s+well|myself)(?![\w'’]))",
    rf"i\s+(?:(?:always|often|sometimes)\s+)?(?:wonder|wondered|{IVE}\s+(?:always\s+)?wondered)",
    rf"{IVE}\s+(?:always|often)\s+wondered",
    r"(?:tell|show|walk)\s+me\s+(?:a\s+(?:bit|little)\s+|more\s+|a\s+bit\s+more\s+)?"
    r"(?:about|how|what|why|where|when|who|more)",
)
#: Words after which an opener still starts a clause (discourse markers and backchannels).
CLAUSE_OPENERS: Final = frozenset(
    _words(
        "so and but or okay ok well oh ah um uh hmm right yeah yes yep no sure great cool nice "
        "interesting wow really thanks thank also then actually honestly anyway likewise too here "
        "fair enough sense question one first just curious wondering fascinating amazing lovely "
        "awesome true gotch gotcha alright hey hi hello same good"
    )
)

# --- follow-ups -------------------------------------------------------------------------------

#: Pointers back to the manager's words, anywhere in the answer.
BACK_REFERENCE: Final = _rx(
    r"you\s+(?:just\s+)?(?:mentioned|said|were\s+saying|talked\s+about|described|brought\s+up"
    r"|spoke\s+about|told\s+me|referred\s+to)",
    r"when\s+you\s+say",
    r"(?:like|as)\s+you\s+said",
    r"going\s+back\s+to",
    r"earlier\s+you",
)
#: Anaphora inside a question: "how did that go", "do you miss it".
ANAPHORA: Final = re.compile(
    r"(?<![\w'’])(?:that|those)(?![\w'’])(?!\s+(?:i|you|we|they|he|she|it|its|it's|the|a|an|my"
    r"|your|our|is|was|are|were|would|could|can|will|has|have|had|to|kind|sort)(?![\w'’]))"
    r"|(?<![\w'’])(?:miss|like|enjoy|love|find|hate|manage|handle)\s+(?:it|them)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
STOPWORDS: Final = frozenset(
    _words(
        "a about above after again against all also am an and any are around as at be because "
        "been before being below between both but by can could did do does doing done down during "
        "each else ever every few for from further get gets getting got great had has have having "
        "he her here hers him his how i if in into is it its just kind know like lot lots made "
        "make makes many me mean more most much must my no nor not now of off oh ok okay on once "
        "one only or other our ours out over own people pretty quite rather really right same she "
        "should so some something sort still such sure than thank thanks that the their them then "
        "there these they thing things think this those through to too under until up us very "
        "want was way we well were what when where which while who whom why will with would yeah "
        "yes yet you your yours actually maybe bit little good nice cool interesting wow "
        "definitely probably sounds sound going today year years time times work works worked "
        "working job role team day days mostly usually typical normal first part thats whats hows "
        "youre theyre weve youve ive id im dont doesnt didnt isnt cant wont new big lot hard easy "
        "different difference best better most biggest long often tell said"
    )
)

# --- seeker cues ------------------------------------------------------------------------------

#: A step on the seeker's own path to a field: a course, a credential, a portfolio
#: (`ADVICE_SEEKING`'s advice on the seeker's path, session 10).
_COURSE: Final = (
    r"(?:cert|certs|certificate|certificates|certification|certifications|course|courses"
    r"|bootcamp|boot\s+camp|degree|masters|master['’]?s(?:\s+degree)?|diploma|license|licence"
    r"|qualification|mba|phd|class|classes|program|programme|training|portfolio|apprenticeship"
    r"|pmp|cpa|cfa|ccna|comptia)"
)
#: Taking such a step, as a verb after "should I" and as a gerund after "is it worth".
_STEP: Final = (
    r"(?:learn|get|take|do|finish|study|pick\s+up|go\s+back\s+to|earn|brush\s+up\s+on|build"
    r"|retrain|upskill|enrol|enroll|sign\s+up\s+for|complete|invest\s+in|work\s+on|bother\s+with)"
)
_STEP_ING: Final = (
    r"(?:learning|getting|taking|doing|finishing|studying|picking\s+up|going\s+back|earning"
    r"|brushing\s+up|building|retraining|upskilling|enrolling|signing\s+up|completing|investing"
    r"|paying\s+for|spending|working\s+on)"
)
#: What "should I get/take ... first" asks for when it asks for the position, not a step on the
#: path: "should I get my CV to you first", "should I take the interview first".
_NOT_A_STEP: Final = (
    r"(?:hired|in\s+touch|back\s+to\s+you|it|this|that|the\s+(?:job|role|position|offer|interview)"
    r"|an?\s+interview|an?\s+referral|my\s+(?:cv|resume|résumé|application|name)|in)"
)
#: Words that end a step's clause before its "first" ("how do I get on the list, like what's the
#: pay for first year" is no step).
_NOT_IN_A_STEP: Final = (
    r"(?:what|whats|what['’]s|when|where|how|why|who|and|but|or|like|so|the\s+pay|pay|salary)"
)
#: Words that weigh a step: "is it really worth", "should I maybe learn".
_WEIGHING: Final = r"(?:really|actually|even|still|maybe|perhaps|first|just|honestly|also)"
ADVICE_SEEKING: Final = _rx(
    r"advice|advise|tips?|suggestions?|pointers|guidance|mentoring",
    r"(?:what|how)\s+(?:would|do|could|should)\s+you\s+(?:\w+\s+)?(?:recommend|suggest|approach"
    r"|go\s+about|do\s+(?:first|differently|if|in\s+my))",
    r"(?:would|do|could)\s+you\s+(?:\w+\s+)?(?:recommend|suggest)",
    r"if\s+you\s+were\s+(?:me|in\s+my|starting|just\s+starting|my\s+age|doing)",
    r"what\s+(?:do|did)\s+you\s+wish",
    r"your\s+(?:take|view|views|perspective|opinion|thoughts|two\s+cents|honest\s+opinion)",
    r"what\s+should\s+i\s+(?:do|learn|focus|read|study|try|look|work)",
    r"where\s+should\s+i\s+(?:start|focus|look|begin)",
    r"(?:how|where)\s+(?:would|should|do|can)\s+i\s+(?:\w+\s+)?(?:start|approach|go\s+about|break"
    r"\s+into|get\s+into|get\s+started|begin|learn)",
    r"(?:do|would)\s+you\s+think\s+i\s+should",
    r"what\s+(?:would|do)\s+you\s+(?:say|think)\s+i\s+should",
    r"where\s+i\s+should\s+(?:focus|start|begin|look)",
    r"what\s+would\s+you\s+do\s+(?:differently|first|next|if)",
    # advice on the seeker's own path (session 10): "is it worth getting a certificate first",
    # "should I learn SQL before applying anywhere", "would a bootcamp help or is it a waste"
    rf"is\s+it\s+(?:{_WEIGHING}\s+)?worth\s+(?:it\s+)?(?:(?:me|my)\s+)?{_STEP_ING}",
    rf"(?:(?:should|must|shall)\s+i\s+(?:{_WEIGHING}\s+)?(?:bother\s+(?:to\s+)?|try\s+to\s+)?"
    rf"|(?:do|would|will)\s+i\s+(?:{_WEIGHING}\s+)?(?:need|have|want)\s+to\s+){_STEP}\s+"
    rf"(?!{_NOT_A_STEP}(?![\w'’]))(?:(?!{_NOT_IN_A_STEP}(?![\w'’]))[\w'’-]+\s+){{1,5}}?"
    r"(?:first|before|beforehand)(?![\w'’])",
    rf"(?:should|do)\s+i\s+(?:{_WEIGHING}\s+)?(?:learn|study|retrain|upskill|re-?skill"
    rf"|go\s+back\s+to\s+(?:school|college|uni|university)|{_STEP}\s+(?:a|an|the|my|some|any|another)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_COURSE})(?![\w'’])",
    rf"(?:would|will|could|might)\s+it\s+(?:{_WEIGHING}\s+)?(?:help|be\s+(?:smarter|better|wiser"
    rf"|worth\s+it))\s+(?:me\s+)?(?:to|if\s+i)\s+(?:{_WEIGHING}\s+)?{_STEP}",
    rf"(?:would|will|could|might|does|do|is|think|reckon|say)\s+(?:a|an|the|another|some|my"
    rf"|(?:getting|doing|taking|having|finishing|earning)\s+(?:a|an|the|my|some))\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_COURSE}\s+(?:(?:would|will|could|might|is|does)\s+)?"
    rf"(?:{_WEIGHING}\s+)?(?:help|helps|matter|matters|count|counts|be\s+worth|worth|be\s+a\s+waste"
    r"|a\s+waste|make\s+(?:a|any)\s+(?:real\s+)?difference|pay\s+off|be\s+useful|useful"
    r"|be\s+enough|enough|be\s+necessary|necessary|needed|required)(?![\w'’])",
    r"(?:help|worth\s+it)\s+or\s+(?:is\s+it|would\s+it\s+be|was\s+it|just)\s+(?:just\s+)?a\s+waste",
    # the step as the subject: "would going back to school be a smart move", "is getting a
    # cert worth the money"
    # (at a clause's start, as a question: not "my English is getting better")
    r"(?:(?<![\s\S])|(?<=[.?!,;:…] )|(?<=so )|(?<=and )|(?<=but )|(?<=or )|(?<=um ))"
    rf"(?:would|will|is|does|could|might)\s+{_STEP_ING}\s+(?!{_NOT_A_STEP}(?![\w'’]))"
    r"(?:[\w'’-]+\s+){0,4}?(?:be\s+)?"
    r"(?:(?:a|an|the)\s+)?(?:(?:really|actually|even)\s+)?(?:smart|good|wise|worth|waste|help"
    r"|helps|useful|right|necessary|better|sensible|make\s+sense|pay\s+off)(?![\w'’])",
)
#: Advice not asked for (session 17 D): the business's product ("a bit weird getting a flat
#: white with your mortgage advice") or the seeker's own ("two of them actually used my
#: suggestions", "my advice would be"): `cues.seeker_cues` drops the advice cue in it.
ADVICE_NOT_ASKED: Final = _rx(
    r"(?:my|our)\s+(?:own\s+)?(?:advice|suggestions?|tips|pointers|guidance)",
    r"(?:your|their|its|the\s+bank['’]?s|the\s+branch['’]?s)\s+(?:[\w'’-]+\s+)?(?:mortgage"
    r"|financial|legal|tax|pension|investment|money|debt|insurance|property|wealth|accountancy"
    r"|accounting|benefits|housing|energy|travel|nutrition|fitness|beauty|style|customer|product)"
    r"\s+(?:advice|guidance|tips)",
)
REFERRAL_SEEKING: Final = _rx(
    r"who\s+else|other\s+people",
    # not as a statement's subject: "anyone else would have quit", "someone else did it"
    rf"(?:anyone|anybody|someone|somebody)\s+else(?!\s+(?:{_ELSE_VERB})(?![\w'’]))",
    r"who\s+(?:should|could|would|might|can|do\s+you\s+think)\s+i\s+(?:\w+\s+)?(?:talk|speak|reach"
    r"|contact|meet|ask|chat|follow|email|write)",
    r"who\s+(?:would|might)\s+be\s+(?:\w+\s+)?(?:for\s+me\s+)?to\s+(?:talk|speak|meet|chat|ask)",
    r"(?:anyone|anybody|someone|somebody|people|others)\b[^.?!\n]{0,30}?(?:i\s+should|i\s+could"
    r"|i\s+might|worth|for\s+me\s+to)\s+(?:\w+\s+)?(?:talk|speak|meet|contact|reach|chat|ask)",
    r"introduc(?:e|ing)\s+me",
    r"put\s+me\s+in\s+touch",
    r"connect\s+me",
    r"point\s+me\s+(?:to|toward|towards|at|in)",
    r"(?:recommend|suggest)\s+i\s+(?:talk|speak|meet|chat|reach|contact|read)",
    r"(?:books?|blogs?|podcasts?|resources?|newsletters?|courses?|articles?|reading|communities"
    r"|meetups?|groups)\b[^.?!\n]{0,30}?(?:recommend|suggest)",
    r"what\s+should\s+i\s+(?:read|listen\s+to|follow)",
)
HONEST_UNCERTAINTY: Final = _rx(
    r"not\s+(?:totally\s+|really\s+|quite\s+|entirely\s+|completely\s+|all\s+that\s+|so\s+"
    r"|a\s+hundred\s+percent\s+|100\s+percent\s+)?sure",
    rf"i\s+(?:\w+\s+)?{DONT}\s+(?:\w+\s+)?know",
    r"no\s+idea",
    r"(?:hard|difficult|tough)\s+to\s+(?:say|tell|know)",
    r"too\s+(?:early|soon)\s+to\s+(?:say|tell|know)",
    rf"(?:haven{A}t|have\s+not|not)\s+(?:\w+\s+)?(?:decided|worked\s+(?:that|it)\s+out"
    r"|figured\s+(?:that|it)\s+out)",
    r"still\s+(?:figuring|working\s+(?:it|that)\s+out|exploring|deciding|trying\s+to\s+"
    r"(?:figure|work)|finding\s+my)",
    r"(?:trying|try)\s+to\s+(?:figure|work)\s+(?:out|that|it)",
    r"undecided|unsure|on\s+the\s+fence|torn\s+between|who\s+knows",
    rf"can{A}t\s+(?:really\s+)?say\s+(?:yet|for\s+sure)",
    r"i\s+need\s+to\s+think\s+(?:about|it|more|on)",
    r"not\s+(?:really\s+)?(?:certain|clear\s+(?:yet|on))",
    # not knowing and here to learn (session 17 D): "that's sort of why I'm here, to find out"
    rf"(?:that{A}s|that\s+is|thats|which\s+is)\s+(?:(?:sort|kind)\s+of\s+|kinda\s+|partly\s+"
    rf"|exactly\s+|basically\s+|precisely\s+|half\s+|really\s+)?why\s+{IM}\s+here(?=[\s,]+"
    r"(?:[\w'’]+\s+){0,2}?to\s+(?:find\s+out|learn|ask|see|hear|understand|figure))",
)
#: A plain no or "not yet" and nothing else, the whole answer (issue 12, session 14 F2): "Not
#: yet, no.", "nope not yet", "No, I haven't applied yet.", "not at the moment sorry", "I'm not
#: looking right now". No condition, no reason, no doubt ("not sure yet", "haven't decided yet"
#: are honest uncertainty): to a question about what the seeker has done or is doing
#: (`INTENT_ASKED` not in it) it states a fact and hedges nothing.
_NEG_FILLER: Final = (
    r"(?:um+|uh+|erm|er|oh|ah|well|honestly|hmm+|haha|actually|sadly|unfortunately|so|nah|no"
    r"|nope)"
)
_NEG_WHEN: Final = (
    r"(?:just\s+|quite\s+|really\s+)?yet|as\s+(?:of\s+)?(?:yet|now)|(?:right\s+)?now|currently"
    r"|at\s+the\s+moment|at\s+present|so\s+far|for\s+now|today|this\s+(?:time|year|week)"
)
_NEG_STATUS: Final = (
    r"(?:actively\s+|really\s+|properly\s+|officially\s+|formally\s+|seriously\s+)?(?:looking"
    r"|applying|applied|searching|interviewing|job\s+hunting|hunting|started(?:\s+looking)?"
    r"|looked|sent\s+(?:it|one|anything|mine)(?:\s+(?:in|over|off))?|heard(?:\s+back)?|gone"
    r"|been|done\s+(?:it|that|one)|had\s+(?:one|it|the\s+chance)|got\s+(?:one|round\s+to\s+it)"
    r"|gotten\s+(?:one|round\s+to\s+it)|on\s+the\s+market|a\s+member)(?:\s+(?:for|to|at|with)"
    r"\s+(?:one|it|that|them|any(?:thing|where|one)?))?"
)
_NEG_CORE: Final = (
    rf"no|nope|nah|not\s+(?:{_NEG_WHEN}|really|that\s+I\s+know\s+of|at\s+all)|none\s+yet"
    rf"|(?:i\s+)?(?:have\s+not|haven{A}t|havent|did\s+not|didn{A}t|didnt|am\s+not|{A}m\s+not"
    rf"|im\s+not|i{A}m\s+not)(?:\s+(?:{_NEG_STATUS}))?(?:\s+(?:{_NEG_WHEN}))?"
    rf"|(?:i{A}m\s+)?afraid\s+not|sadly\s+not|not\s+(?:{_NEG_STATUS})(?:\s+(?:{_NEG_WHEN}))?"
)
BARE_NEGATIVE: Final = re.compile(
    rf"[\W_]*(?:{_NEG_FILLER}[\W_]+)*(?:{_NEG_CORE})(?:[\W_]+(?:{_NEG_CORE}|{_NEG_FILLER}"
    rf"|sorry|thanks|thank\s+you|i{A}m\s+afraid|lol|haha|not\s+(?:{_NEG_WHEN})))*[\W_]*",
    re.IGNORECASE,
)
#: A manager's line asking what the seeker wants or would do, or offering something: a "not
#: yet" to it defers and may hedge ("Would you like to apply?" "Not yet."), unlike a "not yet"
#: to "Have you applied?".
INTENT_ASKED: Final = _rx(
    r"would|will|shall|should|could|can|wanna|want|wants|like|fancy|interested|keen|open"
    r"|ready|willing|thinking|thought|considering|considered|consider|plan|plans|planning"
    r"|going\s+to|gonna|up\s+for|tempted|let\s+me|may|might|hoping|hope",
)
#: Asking to keep in contact, to talk to someone first, or for time: what a seeker who is not
#: ready to say yes asks for ("Could we stay in touch?", "would it be ok to email you if I have
#: more questions", "can I talk to Lena before you do that?", "let me think about it"), never a
#: request for the position (trial7 G2, G37b). Each is an ask or a proposal, not a story ("I kept
#: in touch with my old team", "I'll email you the link"), and contact that carries the CV is no
#: deferral.
_ASK_TO: Final = (
    rf"(?:(?:could|can|may|might|shall|should)\s+(?:we|i)|let{A}s|(?:we|i)\s+should"
    rf"|{ID}\s+(?:really\s+)?(?:like|love|want)\s+to|(?:happy|glad|keen)\s+to|hope\s+(?:we\s+can|to)"
    r"|(?:would|will|is)\s+it\s+be\s+(?:ok|okay|alright|all\s+right|fine|possible)\s+(?:if\s+i|to)"
    r"|(?:would|is)\s+it\s+(?:ok|okay|alright|all\s+right|fine)\s+(?:if\s+i|to)"
    r"|mind\s+if\s+i|maybe\s+we\s+(?:can|could)|i\s+want\s+to|i\s+wanna)"
    r"\s+(?:[\w'’-]+\s+){0,2}?"
)
_CONTACT: Final = (
    r"(?:(?:stay|keep|be)\s+in\s+(?:touch|contact)|touch\s+base|connect(?:\s+with\s+you)?"
    r"(?:\s+on\s+linked\s?in)?|(?:email|e-mail|message|text|call|ring|write\s+to|reach\s+out\s+to"
    r"|contact|drop)\s+you|follow\s+up(?:\s+with\s+you)?|catch\s+up(?:\s+again)?"
    r"|(?:send|ask)\s+you\s+(?:a\s+few\s+|some\s+|any\s+)?(?:more\s+|other\s+|follow[\s-]?up\s+)?"
    r"questions)(?![\w'’])(?!\s+(?:me|my|a\s+copy\s+of\s+my|over\s+my)(?![\w'’]))"
)
_FIRST_TALK: Final = (
    r"(?:talk|speak|chat|check)\s+(?:to|with)\s+(?:[\w'’-]+\s+){1,5}?(?:first|beforehand"
    r"|before\s+(?:you|we|i|that|then|anything|deciding|committing))(?![\w'’])"
    r"|meet\s+(?:the|your|them|her|him|some|a\s+few|people|someone)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:first|beforehand)(?![\w'’])"
)
_TIME_TO_THINK: Final = (
    rf"(?:let\s+me|can\s+i|could\s+i|may\s+i|{ID}\s+like\s+to|i\s+want\s+to"
    rf"|i{A}ll\s+(?:need|have)\s+to|(?:a\s+)?(?:few\s+|some\s+|couple\s+(?:of\s+)?)?(?:days|time"
    r"|moment|bit|week)\s+to)\s+(?:[\w'’-]+\s+)?(?:think\s+(?:about\s+(?:it|that|this)|it\s+over"
    r"|on\s+it)|sleep\s+on\s+it|mull\s+(?:it\s+)?over)"
    r"|(?:can|could)\s+(?:we|you)\s+(?:[\w'’-]+\s+)?wait\s+(?:a\s+(?:bit|while"
    r"|few\s+\w+|little)|until|till|for\s+now|on\s+(?:that|it))"
)
#: Politeness inside a request, not a hedge: "could you maybe pass my name along", "can you maybe
#: put in a good word" (modal + subject + "maybe", question order, then a request word). "Could I
#: maybe get back to you on that?" and "Would I maybe be a fit?" still hedge.
_POLITE_BEFORE: Final = "".join(
    rf"(?<!{modal}\s{subject}\s)"
    for modal in ("could", "can", "may", "would", "might", "will", "do")
    for subject in ("i", "we", "you")
)
_REQUEST_AFTER: Final = (
    r"(?=\s+(?:[\w'’-]+\s+){0,2}?(?:refer|recommend|pass|put\s+in\s+a|send|forward|submit|mention"
    r"|flag|introduce|connect|point\s+me|check\s+(?:on\s+)?(?:where\s+)?my|tell\s+(?:them|her|him)"
    r"|give\s+(?:them|her|him)\s+my)(?![\w'’]))"
)
#: Declining to answer a question ("I'd rather not say", "id rather not get into it"): no
#: interest to hedge. Not a yes deferred ("I'd rather not say yes until I've talked to my
#: partner", "I'd rather not answer that until I know more": conditional interest).
_DECLINES_TO_SAY: Final = (
    r"(?!\s+not\s+(?:say|answer|share|disclose|comment|reveal|get\s+into|go\s+into"
    r"|talk\s+about|discuss|get\s+personal)(?![\w'’])(?!\s+(?:yes|no)(?![\w'’]))"
    r"(?![^.?!;\n]{0,60}?(?<![\w'’])(?:until|till|before|yet|first|unless)(?![\w'’])))"
)
#: "maybe/perhaps" weighing a claim, not interest: a comparison or a rank ("So perhaps more than
#: I let on.", "curiosity is perhaps my defining trait", "maybe the strongest part of my work").
_RANKS_A_CLAIM: Final = (
    r"(?!\s+(?:even\s+)?(?:(?:more|less|fewer|better|worse)\s+than|(?:my|our|the)\s+(?:[\w'’-]+\s+)?"
    r"(?:defining|greatest|biggest|strongest|best|main|key|core|favou?rite|most)(?![\w'’])))"
)
#: A condition on being taken is no condition on the work, it is the eagerest yes (review 11
#: R3): "as long as you'll have me", "only if I get in", "as long as it gets me hired", "so
#: long as there's a job at the end of it".
_NOT_ON_BEING_TAKEN: Final = (
    rf"(?!\s+(?:you(?:{A}ll|\s+will|{A}d|\s+would)?\s+(?:have|take|hire|want|accept|keep)\s+me"
    rf"|(?:i|we)\s+(?:(?:can|could|do|still)\s+)?(?:get|got|land|make)\s+(?:in|it|hired|through"
    r"|the\s+(?:job|offer|role|position|spot|place)|a\s+(?:job|spot|foot|chance|shot|start|place"
    r"|role|seat|position)|my\s+foot|an?\s+(?:offer|interview))|it\s+gets\s+me|(?:i|we)\s+can\s+"
    rf"start|i{A}m\s+(?:hired|in)|im\s+(?:hired|in)|(?:there|there{A}s|theres)\s+(?:is\s+)?"
    r"(?:a|some)\s+(?:job|role|position|spot|place|paycheck|salary))(?![\w'’]))"
)
CONDITIONAL_INTEREST: Final = _rx(
    # not a rough amount ("maybe forty people", "maybe twice a week", "perhaps 20 minutes")
    rf"(?:{_POLITE_BEFORE}(?:maybe|perhaps|possibly)|(?:maybe|perhaps|possibly)(?!{_REQUEST_AFTER}))"
    rf"{_RANKS_A_CLAIM}"
    r"(?!\s+(?:about\s+|around\s+|like\s+)?(?:\d+|a\s+(?:dozen|couple|few"
    r"|hundred|thousand|third|quarter|half)|half|once|twice|three\s+times|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred)(?![\w'’]))|potentially",
    rf"(?:it|that|this)(?:{A}s|\s+is)?\s+(?:might|could|may)\s+be",
    # not "I could be part of that": a wish to join (session 14)
    r"could\s+be(?!\s+(?:a\s+)?part\s+of(?![\w'’]))",
    # "I might be." to "are you interested?", "i may be interested", "I might be, how big..."
    r"i\s+(?:might|may)\s+be(?=\s*(?:[,.;:!?…]|$|(?:interested|open|keen|tempted|up\s+for"
    r"|(?:what|how|who|where|when|why|which)(?:['’]?s)?|is|are|do|does|can|could|would|depends"
    r"|but|though"
    r"|yeah|honestly|not|i)(?![\w'’])))",
    r"it\s+depends|depend(?:s|ing)\s+on",
    # "Depends.", "depends how senior the role is", "depends whether..."
    r"depends(?=\s*(?:[,.;:!?…]|$|(?:(?:what|how|who|where|when|why|which)(?:['’]?s)?|if|whether)"
    r"(?![\w'’])))",
    r"(?:want|like|love|need|prefer|rather|wanna|have)\s+(?:to\s+)?(?:\w+\s+)?(?:learn|know|hear"
    r"|understand|find\s+out|see|get\s+a\s+feel|think|explore)\b[^.?!\n]{0,40}?(?:more|first"
    r"|before|better)",
    rf"{ID}\s+rather{_DECLINES_TO_SAY}",
    r"before\s+i\s+(?:\w+\s+)?(?:decide|commit|say|answer|apply|jump|sign|make)",
    r"not\s+(?:just\s+|quite\s+|right\s+)?(?:yet|now)",
    # "I'm not applying yet", "i'm not ready yet" (trial7 G37)
    rf"{IM}\s+not\s+(?!(?:[\w'’-]+\s+)?(?:sure|certain)(?![\w'’]))(?:[\w'’-]+\s+){{1,2}}?yet",
    r"maybe\s+later|hold\s+off|down\s+the\s+line|ahead\s+of\s+ourselves|open\s+to",
    rf"{ID}\s+consider",
    rf"{_ASK_TO}{_CONTACT}",
    _FIRST_TALK,
    _TIME_TO_THINK,
    r"interested\s+in\s+(?:learning|hearing|finding\s+out|knowing|exploring)",
    rf"(?:sounds|it{A}s|looks|seems)\s+(?:\w+\s+)?(?:interesting|intriguing|promising|good"
    r"|appealing),?\s+but",
    # a yes with a condition (session 11): "Yes, but only if it's mostly the platform side",
    # "sure, as long as I'd be on the data side", "depending on the team"; not a length of time
    # ("I've done it for as long as I can remember", "as long as it takes")
    rf"(?:only\s+(?:really\s+)?(?:if|when|as\s+long\s+as)|so\s+long\s+as|provided\s+that"
    rf"|on\s+(?:the\s+)?condition\s+that){_NOT_ON_BEING_TAKEN}|depending\s+(?:on|whether|if)",
    r"(?<!for\s)(?<!about\s)(?<!been\s)(?<!worked\s)(?<!lived\s)(?<!stay\s)(?<!stayed\s)(?<!waited\s)(?<!took\s)"
    r"(?<!takes\s)(?<!wait\s)(?<!last\s)(?<!lasts\s)(?<!just\s)(?<!twice\s)(?<!half\s)as\s+long\s+as"
    r"(?!\s+(?:(?:i|you|we|anyone|anybody|they|people)\s+(?:can|could)\s+(?:remember|recall)"
    rf"|(?:it|that|this)\s+(?:takes|took|lasts|lasted)|possible|ever|before|usual|i{A}ve\s+been"
    r"|ive\s+been|i\s+have\s+been|(?:the|a|an|my|your|his|her|their)\s+[\w'’-]+\s*[.?!,;]|\d)"
    r"(?![\w'’]))"
    # a comparison: "as long as the keynote promised", "as long as the contract ran"
    r"(?!\s+(?:the|a|an|my|your|our|their|his|her|its)\s+(?:[\w'’-]+\s+){0,2}?(?:ran|lasted"
    rf"|promised|took|went|did|allowed|needed|last|lasts|runs)(?![\w'’])){_NOT_ON_BEING_TAKEN}",
)
OTHER_FOCUS: Final = _rx(
    r"your\s+(?:team|work|job|role|company|group|department|career|day|days|experience|background"
    r"|story|path|journey|field|project|projects|org|organi[sz]ation|clients|customers|research"
    r"|lab|unit|program|programme|side|industry|business|week|goals|priorities)",
    rf"you(?:{A}ve|\s+have)?\s+(?:built|started|enjoy|enjoyed|love|lead|manage|run|moved|switched"
    r"|ended\s+up|got\s+into|learned|learnt|found|chose|decided)",
    r"people\s+in\s+your",
    r"(?:for|about)\s+you\s*[?.!]?\s*$",
)
#: Commitment in any context, whatever else the answer says ("when can I start").
COMMITMENT: Final = _rx(
    r"when\s+(?:can|could|do|would|should|will)\s+i\s+start",
    rf"i\s+(?:really\s+)?want\s+(?:this|the|that)\s+{JOB}",
    r"sign\s+me\s+up|count\s+me\s+in",
    # accepting on the spot (session 13): "where do I sign?", "ninety base and I'm in",
    # "let's shake on it"; not signing in or out, not "I'm in Leeds"
    r"where\s+do\s+i\s+sign(?:\s+up)?(?=\s*(?:[?.!,;]|$|(?:then|now|please)\s*[?.!]?\s*$))",
    rf"i{A}ll\s+take\s+it",
    rf"{IM}\s+(?:already\s+|totally\s+)?sold",
    rf"(?:{IM}|i\s+can)\s+(?:\w+\s+)?(?:ready|happy|able)\s+to\s+(?:go|start|begin|jump\s+in)",
    r"i\s+can\s+start\s+(?:right\s+away|immediately|tomorrow|monday|next\s+week|whenever"
    r"|straight\s+away|today|now|asap)",
    rf"(?:exactly|just|precisely)\s+what\s+{IM}\s+looking\s+for",
    r"(?:my|a|the)\s+dream\s+job",
)
#: The other person offering to tell the pay ("Shall I tell you what they're paying?", "want to
#: hear the numbers?", "I can tell you the salary if you like"): a yes to it, or asking for the
#: figure ("what's the number?"), asks about pay (session 13).
PAY_OFFERED: Final = _rx(
    rf"(?:tell|give|share|show|run|walk)\s+(?:you\s+)?(?:through\s+)?(?:what\s+(?:they{A}re"
    rf"|they\s+are|it|it{A}s|we{A}re|we\s+are|the\s+(?:role|job|client)\s+(?:is|are))\s+"
    r"(?:paying|pays|offering|worth)|the\s+(?:salary|package|pay|money|comp))",
    rf"(?:hear|know|see)\s+(?:what\s+(?:they{A}re|it|it{A}s|the\s+(?:role|job)\s+(?:is|are))"
    r"\s+(?:paying|pays|offering|worth)|the\s+(?:salary|package|pay|money|comp))",
)
#: Accepting in so many words after the job or the pay was put to one ("ninety base and I'm in,
#: starting Monday"): a commitment only after a line about work or pay (`cues.seeker_cues`), not
#: "I'm off tomorrow and I'm in from Monday" to "Are you around next week?".
IM_IN: Final = _rx(
    rf"(?:and|so|then)\s+{IM}\s+in(?=\s*(?:[.!;,]|$|\s+(?:starting|from)\s)"
    r"|\s+(?:then|now)\s*(?:[.!;,]|$))",
)
#: Eager commitment in slang (session 16 D): "I'm your person", "stick me on the rota", "dibs",
#: "I'd jump at that", "point me at it", "count me in", "where do I sign". Commitment only after
#: a line about the role or the work to be done (`EAGER_LINE`, `cues.seeker_cues`); after a
#: coffee, a tour or an event (`EAGER_NOT_WORK`) today's reading stands.
EAGER: Final = _rx(
    rf"{IM}\s+(?:(?:totally|so|definitely|absolutely|honestly|literally|just)\s+)?your\s+(?:person"
    r"|guy|girl|gal|man|woman|candidate|huckleberry|hire|answer)",
    r"(?:stick|put|pop|pencil|chuck|throw|bung|slot|write|sign)\s+me\s+(?:down\s+|in\s+|up\s+)?"
    r"(?:on|for)\s+(?:the\s+|that\s+|your\s+|a\s+|those\s+|it|that|them|one)"
    r"(?:(?<=\s)(?:[\w'’-]+\s+)?(?:rota|roster|schedule|list|shifts?|one|team|job|role|slot"
    r"|position|post|cover|weekends?|nights?|lates|earlies|it))?",
    r"dibs",
    rf"(?:{ID}|i{A}ll|i\s+will)\s+(?:(?:totally|absolutely|honestly|definitely|so|just)\s+)?"
    r"jump\s+at\s+(?:that|it|this|the\s+chance)",
    r"point\s+me\s+at\s+(?:it|that|this)",
    r"count\s+me\s+in|where\s+do\s+i\s+sign|put\s+my\s+hand\s+up|bring\s+it\s+on",
    rf"{IM}\s+game",
)
#: A line about the role or the work to be done, after which `EAGER` commits: hiring, the job,
#: shifts, cover, a gap, a backlog, work nobody does.
EAGER_LINE: Final = _rx(
    rf"{JOB}s?|jobs|shifts?|rota|roster|cover|gap|backlog|workload|short[\s-]?staffed|short\s+of"
    r"|extra\s+hands|hands|help\s+with|nobody\s+(?:can|wants|will)|no\s+one\s+(?:can|wants"
    r"|will)|someone\s+(?:who|to|for)|somebody\s+(?:who|to|for)|need\s+(?:someone|somebody"
    r"|people|a|an)|hiring|hire|recruit\w*|vacanc\w*|openings?|supervisor|lead|manager"
    # session 17: a place to fill ("fill the apprentice spot", "a trainee place", "summer
    # slots") and what the work is like ("a tough kitchen, long nights", "brutal graft")
    r"|fill\w*\s+(?:(?:the|a|an|that|this|our|those|these)\s+)?(?:[\w'’-]+\s+)?(?:spots?"
    r"|places?|slots?|seats?|posts?|vacanc\w+|roles?|positions?|gaps?|holes?)"
    r"|(?:apprentice|trainee|intern|junior|graduate|grad|weekend|night|saturday|sunday|summer"
    r"|seasonal|temp|permanent|full[\s-]time|part[\s-]time)\s+(?:spots?|places?|slots?|seats?)"
    r"|apprentice\w*|trainees?|internships?|graduate\s+scheme|long\s+(?:nights|days|hours"
    r"|shifts)|late\s+nights|early\s+starts|kitchens?|graft|hard\s+work"
    r"|(?:tough|hard|brutal|demanding|physical|relentless|intense|hectic)\s+(?:[\w'’-]+\s+)?"
    r"(?:work|job|gig|graft|kitchen|environment|pace|place\s+to\s+work|season)",
)
#: What the same eager words take up instead: food or drink, a tour, an event, a game.
EAGER_NOT_WORK: Final = _rx(
    r"coffee|tea|drinks?|beers?|wine|pizza|cake|lunch|dinner|snacks?|biscuits?|sandwich\w*|food"
    r"|tour|mixer|party|quiz|raffle|talk|talks|session|workshop|event|meetup|meet-up|tickets?"
    r"|games?|karaoke|bake\s+off|football|five[\s-]a[\s-]side|lift|ride|seat",
)
#: Offering oneself in few words (session 17 A): "I'm available", "I'm free from Monday if that
#: helps", "keen as, let me know", "let me know if you need anyone", "if you're taking people
#: on". A commitment after a line about a need, an opening or an intake (`INTAKE_LINE`,
#: `HIRING_LINE`), or a need the seeker names first ("Bet you need more hands now. I'm
#: available.", `NEED_NAMED`); not after food, a tour or an event (`EAGER_NOT_WORK`), a meeting
#: (`OFFER_NOT_WORK`) or a question when the seeker is free (`AVAILABILITY_ASKED`): "I'm free
#: Monday" to a coffee, "Monday" to "When could you start?" are facts (`cues.seeker_cues`).
OFFERS_SELF: Final = _rx(
    rf"{IM}\s+(?:(?:totally|fully|completely|definitely|also|still|currently|actually|so|free\s+and"
    r"|more\s+than)\s+)?available(?!\s+(?:for|to)\s+(?:a\s+|an\s+)?(?:coffee|chat|drinks?|lunch"
    r"|call|meeting|talk|quick))",
    rf"{IM}\s+(?:(?:totally|also|actually|completely)\s+)?free\s+(?:from|as\s+of|starting|after"
    r"|any\s+time\s+from)\s+(?:\w+)",
    r"keen\s+as(?:\s+mustard)?(?![\w'’])",
    r"(?:(?<![\s\S])|(?<=[.!,;]\s)|(?<=yeah\s)|(?<=yes\s)|(?<=yep\s)|(?<=oh\s)|(?<=ooh\s)"
    r"|(?<=well\s)|(?<=very\s)|(?<=super\s))keen"
    r"(?=\s*(?:[.!,;]|$|let\s+me\s+know))",
    r"let\s+me\s+know\s+(?:if|when|whenever)\s+(?:you\s+(?:ever\s+)?need\s+(?:anyone|anybody|someone"
    r"|somebody|a\s+hand|help|cover|more\s+(?:hands|people|help)|an?\s+extra\s+pair\s+of\s+hands)"
    r"|(?:anything|something|a\s+(?:spot|place|role|job|position|vacancy))\s+(?:comes|opens|goes)"
    r"\s+up)",
    rf"if\s+(?:you{A}re|you\s+are|ur|your)\s+(?:ever\s+|still\s+|now\s+)?(?:taking\s+(?:people"
    r"|anyone|anybody|folk|staff|new\s+people)\s+on|taking\s+on\s+(?:people|anyone|staff|more)"
    r"|hiring|recruiting|looking\s+for\s+(?:people|anyone|anybody|someone|somebody|staff|more))",
    r"if\s+you\s+(?:ever\s+)?need\s+(?:anyone|anybody|someone|somebody|more\s+hands|an?\s+extra"
    r"\s+(?:pair\s+of\s+)?hands?|a\s+hand|cover)",
)
#: A need the seeker names before offering themself ("Bet you need more hands now").
NEED_NAMED: Final = _rx(
    rf"(?:you|you{A}ll|you\s+guys|y['’]?all|they)\s+(?:\w+\s+)?need\s+(?:more\s+|extra\s+|some\s+"
    r"|a\s+few\s+more\s+)?(?:hands|people|staff|help|bodies|cover|someone|somebody)",
    r"taking\s+(?:people|anyone|staff)\s+on|hiring|recruiting|short[\s-]?staffed|short\s+of\s+staff",
)
#: Someone else before an offer in its sentence, whose offer it is ("my sister wanted me to ask
#: if you're hiring", "my mate's free from Monday if you need someone"), with no "I" between
#: (`I_SUBJECT`): no commitment of the seeker's (`OFFERS_SELF`).
OFFER_FOR_OTHER: Final = _rx(
    r"(?:my|our)\s+(?:[\w'’-]+\s+)?(?:sister|brother|friend|mate|pal|son|daughter|cousin|partner"
    r"|husband|wife|boyfriend|girlfriend|colleague|flatmate|housemate|roommate|mum|mom|dad"
    r"|nephew|niece|neighbou?r|kid|kids|uncle|aunt(?:ie)?)(?:['’]?s)?",
    rf"(?:he|she){A}s|(?:he|she|they)['’]d|they{A}re|(?:he|she)\s+(?:is|was|said|says|wants"
    r"|asked)",
)
#: "I" as a subject between someone else and an offer makes it the seeker's again ("my mum
#: says I should ask: I'm free from Monday").
I_SUBJECT: Final = _rx(rf"i|{IM}|im|{ID}|id|i{A}ll|{IVE}|ive")
#: A line of an intake the seeker may ask to be one of ("We take a couple of vet school grads
#: onto our practice each year"): with `EAGER_LINE` and `HIRING_LINE`, where `OFFERS_SELF`
#: offers and `TERMS_BARGAINED` bargains.
INTAKE_LINE: Final = _rx(
    r"grads|graduates?|trainees?|juniors|new\s+starters|newly\s+qualified|students|take\s+(?:on\s+)?"
    r"(?:a\s+(?:couple|few|handful)|some|two|three|four|five|several|one|\d+)"
    r"|(?:each|every)\s+(?:year|autumn|spring|summer|winter|september|january|intake)"
    r"|stretched|swamped|snowed\s+under|understaffed|under[\s-]?staffed|opening\s+up|coming\s+up",
)
#: Lines the same offer answers as a plan, not work: a meeting, a call, a chat.
OFFER_NOT_WORK: Final = _rx(
    r"meet|meeting|catch\s+up|catch-up|call|chat|coffee|drink|lunch|dinner|free\s+for|grab"
)
#: The manager asking when the seeker is free: their answer is a fact (`OFFERS_SELF`).
AVAILABILITY_ASKED: Final = _rx(
    r"when\s+(?:are|would|will|could|can|might)\s+you\s+(?:be\s+)?(?:free|available|start|around"
    r"|begin|join)",
    rf"what{A}s\s+your\s+(?:availability|notice)|(?:are|would)\s+you\s+(?:be\s+)?(?:free"
    r"|available|around)|notice\s+period|when\s+(?:suits|works|is\s+good)",
)
#: A line putting the job to the seeker ("the role", "what would get you in", "on board").
JOB_PUT: Final = _rx(rf"{JOB}s?|get\s+you\s+in|on\s+board|sign\s+you\s+up")
#: Asking for the figure itself once the pay is on the table.
FIGURE_ASKED: Final = _rx(
    rf"what{A}s\s+the\s+(?:number|figure|damage|ballpark|range)|what\s+is\s+the\s+(?:number"
    r"|figure|range)",
    r"(?:what\s+is\s+it|how\s+much(?:\s+is\s+it)?|go\s+on(?:\s+then)?|hit\s+me)(?=\s*[?.!]?\s*$)",
)
#: After a yes, words turning to something else first: "sure, but first tell me about the team".
REDIRECTED: Final = _rx(
    r"but|first|rather|before\s+that|later|instead|tell\s+me\s+about|what\s+about|could\s+you"
    r"|can\s+you|would\s+you",
)

#: "... but I'll take it" closing a story (session 15): accepting how things went, no job,
#: after a line that names no work ("How was the drive in?" "... the magic didn't last, but I'll
#: take it.").
TAKE_IT_IDIOM: Final = _rx(rf"(?:but|still|though|so)[\s,]+(?:hey[\s,]+)?i{A}ll\s+take\s+it")
#: "I'll take it" (a commitment in `COMMITMENT`) ...
TAKE_IT: Final = _rx(rf"i{A}ll\s+take\s+it")
#: ... accepts a thing, not the position, when the manager's line offers a thing and names no
#: work ("Do you want the recruiter's email?" "Thank you, I'll take it.").
_THING: Final = (
    r"(?:cards?|e-?mail(?:\s+address)?|(?:phone\s+)?number|linked\s?in|brochures?|flyers?|leaflets?"
    r"|pamphlets?|coffee|tea|drinks?|water|snacks?|cookies?|cake|pens?|stickers?"
    r"|badges?|slides|deck|handouts?|tote|bag|lanyard|umbrella|charger|map)"
)
_OFFERED: Final = (
    r"(?:want|like(?=\s+(?:a|an|some|another|my|the)\s)|need|take|have|here['’]?s|grab"
    r"|help\s+yourself\s+to|get\s+you|there['’]?s)"
    rf"\s+(?:[\w'’-]+\s+){{0,4}}?{_THING}"
)
OFFERED_THING: Final = _rx(_OFFERED)
#: Leaving, said as what one must do now (session 17, round 3): "I'd better make a move", "i
#: really need to get going", "I must dash", "I should head off", "time for me to go". Winding
#: the chat up asks for nothing: the sentence model may not read an interview from it
#: (`cues.silent_spans`), so thanks and a freebie taken before it ("Thanks, I'll take one.")
#: are read alone.
LEAVING: Final = _rx(
    rf"(?:i|we){A}?(?:d|ll|ve)?\s+(?:(?:really|probably|honestly|actually|just|best|better"
    r"|should|must|need\s+to|have\s+to|got\s+to|gotta|ought\s+to|had\s+better|would\s+better"
    r"|better|got)\s+){1,3}(?:make\s+a\s+move|get\s+going|get\s+off|get\s+moving|go|head"
    r"(?:\s+(?:off|out|home|back|on))?|dash|run|shoot|scoot|split|leave|be\s+off|be\s+going"
    r"|hit\s+the\s+road|love\s+you\s+and\s+leave\s+you|catch\s+(?:my|the)\s+(?:train|bus"
    r"|flight|ferry|tram|lift))(?![\w'’])(?=\s*(?:[.?!,;…]|$)|\s+(?:now|soon|before|then"
    r"|though|home|or|because|cos|as|sorry|anyway|actually|really|too|my|our|the"
    r"|i['’]?m\s+afraid)(?![\w'’]))"
    # its reason, to the sentence's end or another clause ("... my bus is at six")
    r"(?:(?!\s(?:and|but|so)\s)[^.?!;\n])*",
    r"time\s+(?:for\s+me\s+)?to\s+(?:go|head\s+off|make\s+a\s+move|get\s+going|hit\s+the"
    r"\s+road)(?=\s*(?:[.?!,;…]|$)|\s+(?:now|soon|before|then|i['’]?m\s+afraid)(?![\w'’]))",
)
#: Words of a line about work to take (the position, a shift, a contract), where "I'll take it"
#: commits.
WORK_OFFERED: Final = _rx(
    rf"{JOB}s?|jobs|spot|shifts?|contract|offer|posting|listing|application|apprentice\w*|work"
    r"|hiring|hire|vacanc\w*|openings?|internship|placement|project|assignment|cohort|programs?"
    r"|programmes?|team|meet|talk|chat|conversation|interview\w*|manager|director|lead|join\w*"
    r"|office|advert\w*|ad|description|working|interested|consider\w*|salary|pay|equity|package"
    r"|options|money|base|numbers|(?:what|your)\s+number|next|week|month|sometime|later|again|catch\s+up|follow\s+up"
)
#: Small talk the manager opens that is not about work, in the sentence the answer replies to
#: (the line's last): an offer of food, a drink or lunch ("Are you hungry? There's pizza in the
#: back.", "Did you want to grab lunch after this?"), or a yes/no question about a fact of the
#: seeker's status ("Do you have your license yet?", "Are you a member of the state nurses
#: association?", "You ever worked a lathe?"). A bare hedge answering it ("maybe in a bit", "Not
#: yet, I take the NCLEX in three weeks.") hedges no interest in work (`cues.seeker_cues`;
#: `WORK_OFFERED` words in that sentence, the team or a meeting among them, keep it a hedge).
SMALL_TALK_LINE: Final = _rx(
    r"(?:want|like(?=\s+(?:a|an|some|another)\s)|fancy|grab|get|have|try|tried"
    r"|help\s+yourself\s+to|there['’]?s|hungry|some"
    r"|another)\s+(?:[\w'’-]+\s+){0,3}?(?:food|lunch|dinner|breakfast|coffee|tea|drinks?|pizza"
    r"|snacks?|cake|cookies?|dumplings|samosas|sandwich(?:es)?|buffet|beer|wine|bite)",
    r"(?:are|were)\s+you\s+(?:already\s+)?(?:a\s+member|licensed|certified|registered"
    r"|qualified|(?:a|an)\s+(?:[\w'’-]+\s+)?(?:nurse|teacher|member|student|engineer|developer"
    r"|electrician|driver|accountant|lawyer|doctor|graduate))",
    r"(?:have|did)\s+you\s+(?:ever\s+|already\s+)?(?:worked\s+(?:a|an|on|with)|used|use|passed"
    r"|pass|finished|finish|eaten|been\s+to|visited|driven|operated)",
    r"do\s+you\s+(?:already\s+)?have\s+(?:your|a|an)\s+(?:[\w'’-]+\s+)?(?:license|licence"
    r"|certification|certificate|cdl|degree|permit|clearance|visa|passport|car|card|ticket)",
    r"you\s+ever\s+(?:worked|used|done|tried|driven|run|operated|been)",
    # one's plans for a break (session 17 D): "Any plans for the summer?", "Doing anything nice
    # over Christmas?"
    r"(?:plans|planning|doing\s+anything|up\s+to\s+anything|getting\s+away|going\s+away"
    r"|off\s+anywhere)\s+(?:(?:nice|fun|good|special|exciting)\s+)?(?:for|over|this|at|during"
    r"|in)\s+(?:the\s+)?(?:summer|weekend|holidays?|christmas|easter|break|half[\s-]term|bank"
    r"\s+holiday|new\s+year|hols)",
)
#: A line about the manager's own life, not their team's work (review 15 R6): their own past
#: ("I spent a year in Japan", "I grew up on a farm"), their family ("My daughter just started
#: at university", "My husband runs a bakery"), a pastime or the commute, theirs or the team's
#: ("A few of us go climbing on Fridays", "Most of us cycle in along the canal", "The team
#: plays five-a-side"): "I could see myself there / doing that", "that'd suit me" after it
#: joins no job (`cues._joined_line`: "other", which the model may not read as a job either).
OWN_LIFE_LINE: Final = _rx(
    r"i\s+(?:(?:once|actually|also|originally|first)\s+)?(?:spent|grew\s+up|was\s+(?:born|raised)"
    r"|lived|used\s+to\s+live|moved\s+(?:to|from|back)|studied|went\s+(?:to|travell?ing)"
    r"|travell?ed|backpacked|retired|did\s+(?:a|my)\s+(?:year|gap|semester|degree))",
    r"my\s+(?:(?:eldest|youngest|oldest|little|older|younger|teenage|grown-up)\s+)?(?:daughters?"
    r"|sons?|kids?|children|husband|wife|partner|mum|mom|mother|dad|father|parents|brother"
    r"|sister|family|girlfriend|boyfriend|fianc[eé]e?|grandkids?|grandchildren|granddaughter"
    r"|grandson|in-laws|dog|cat)",
    r"(?:cycles?|cycling|bikes?|biking|walks?|walking|runs?|running|drives?|driving|commutes?"
    r"|commuting|swims?|rows?|jogs?|skates?)\s+(?:in|into\s+(?:work|the\s+office|town)|to\s+(?:work"
    r"|the\s+office)|home|along|to\s+and\s+from)",
    r"go(?:es)?\s+(?:climbing|bouldering|running|swimming|surfing|hiking|cycling|skiing|sailing"
    r"|fishing|bowling|dancing|kayaking|camping|walking|to\s+the\s+pub|for\s+(?:drinks|a\s+pint"
    r"|a\s+run|a\s+ride|a\s+swim))",
    r"plays?\s+(?:(?:a\s+bit\s+of|some)\s+)?(?:five-a-side|5-a-side|football|soccer|cricket|tennis"
    r"|squash|badminton|golf|volleyball|basketball|netball|rugby|hockey|board\s+games|darts|pool"
    r"|chess|ping[\s-]?pong|table\s+tennis|frisbee|softball|padel)",
)
#: A hedge of one or two words: what `SMALL_TALK_LINE` makes no hedge.
BARE_HEDGE: Final = re.compile(
    r"(?:maybe|perhaps|possibly)(?:\s+later)?|not\s+(?:just\s+|quite\s+)?yet", re.IGNORECASE
)
#: A plain decline (session 15, issue 12): the answer opens by declining (a no, "I'm good",
#: "I'll pass", "no need", "that's everything", "nothing else", "not that I can think of", "not
#: right now", "maybe another time"), maybe wrapped in thanks and kind words ("That's kind of
#: you, but I'm all set."), and says nothing after that sets a condition (`DECLINE_CONDITION`:
#: "until", "once I", "depends", "first", "learn more"...), asks or hedges: "No, I'm good,
#: thanks.", "Not right now, you've covered it.", "I'll pass, I promised my kids I'd be home".
#: To an offer that is not the position ("Any questions?", "Anything else?", "Shall I introduce
#: you to Priya?") it hedges nothing (`cues.declines`), and the sentence model may not read
#: interest into it (`learned.hybrid`). A "not right now" or "not yet" alone ("Not yet, no.")
#: defers (session 14), "not yet" with a reason too, and a not-now that waits on learning more
#: ("not right now, I'd like to learn more first") stays conditional interest.
_DECLINE_LEAD: Final = (
    r"(?:(?:oh|um+|uh+|ah|erm?|hmm+|well|honestly|actually|ok|okay|right|great|i\s+think|so)"
    r"[\W_]+)*"
)
#: Each part of a plain decline is one of these; none begins like another, so a decline is
#: read in one way only (no backtracking blow-up on long inputs).
_DECLINE: Final = (
    r"(?:no|nope|nah|not\s+really|all\s+good|none|nothing(?:\s+(?:else|more))?(?:\s+(?:from\s+me"
    r"|comes\s+to\s+mind|i\s+can\s+think\s+of))?"
    r"|(?:i['’]?m|i\s+am|im)\s+(?:(?:all\s+)?good|ok|okay|fine|alright|all\s+set|sorted|set)"
    r"|that['’]?s\s+(?:it|everything|all|alright|all\s+right)(?:\s+(?:from\s+me"
    r"|i\s+(?:needed|wanted|had)))?"
    r"|no\s+(?:more\s+|other\s+|further\s+)?questions(?:\s+from\s+me)?|not\s+that\s+i\s+can\s+think"
    r"\s+of|i\s+(?:don['’]?t|do\s+not|dont)\s+think\s+so|i\s+can(?:['’]?t|not)\s+think\s+of"
    r"\s+anything(?:\s+(?:else|more))?"
    r"|you['’]?ve\s+(?:pretty\s+much\s+|already\s+|really\s+)?(?:covered|answered)\s+(?:it|everything"
    r"|it\s+all|them\s+all|all\s+of\s+it|my\s+questions|a\s+lot|loads|plenty)"
    r"|you\s+(?:already\s+)?covered\s+(?:it|everything|it\s+all)"
    r"|i['’]?ll\s+(?:pass|skip\s+(?:it|that|this)(?:\s+one)?|give\s+(?:it|that)\s+a\s+miss)"
    r"|(?:there['’]?s\s+)?no\s+need)"
)
_DEFER_NOW: Final = (
    r"(?:not\s+(?:right\s+)?now|not\s+at\s+the\s+moment|not\s+for\s+now|not\s+today|not\s+tonight"
    r"|maybe\s+(?:later|another\s+time|next\s+time))"
)
_DEFER: Final = rf"(?:{_DEFER_NOW}|not\s+(?:just\s+)?yet)"
_DECLINE_TAIL: Final = (
    r"(?:thanks|thank\s+you|cheers|ta|(?:i\s+)?(?:really\s+)?appreciate\s+(?:it|that|the\s+offer"
    r"|you\s+asking|you\s+offering)|(?:that['’]?s|that\s+is)\s+(?:very\s+|really\s+|so\s+)?(?:kind"
    r"|nice|generous|sweet|good)(?:\s+of\s+you)?(?:\s+to\s+(?:offer|ask))?|you['’]?ve\s+been"
    r"\s+(?:really\s+|very\s+|super\s+|so\s+)?(?:helpful|great|generous|brilliant|lovely)"
    r"|(?:that|this|it)\s+(?:was|has\s+been|['’]s\s+been)\s+(?:a\s+)?(?:really\s+|very\s+|super\s+"
    r"|so\s+)?(?:helpful|useful|great|clear|thorough|plenty|nice|lovely|good)(?:\s+(?:chat|talk"
    r"|conversation))?|no\s+worries|for\s+now|honestly|really|i\s+think|so\s+much|very\s+much"
    r"|a\s+lot|right\s+now|at\s+the\s+moment|for\s+(?:today|tonight)|for\s+(?:asking|the\s+offer"
    r"|offering|that|everything|your\s+time|taking\s+the\s+time))"
)
#: A "not right now" or "not yet" alone, maybe with a no ("Not yet, no.", "not right now"): a
#: deferral, not a plain decline.
_BARE_DEFER: Final = (
    rf"[\W_]*(?:(?:no|nah|nope|oh|um+|uh+|erm?|hmm+|ah|well|honestly|actually|ok|okay|right|so"
    rf"|i\s+think)[\W_]+)*{_DEFER}(?:[\W_]+(?:no|nah|nope|sorry|i\s+think))*[\W_]*\Z"
)
DECLINE_OPENING: Final = re.compile(
    rf"(?!{_BARE_DEFER})[\W_]*{_DECLINE_LEAD}(?:{_DECLINE_TAIL}[\W_]+(?:(?:but|though|and|so)\s+)?)*"
    rf"(?:{_DECLINE}|{_DEFER})"
    rf"(?:[\W_]+(?:(?:but|though|and|so)\s+)?(?:{_DECLINE}|{_DEFER}|{_DECLINE_TAIL}))*(?![\w'’])"
    # what follows starts a clause of its own: not "I'm good at Python", "I'm fine with nights"
    r"(?=[\W_]*$|\s*[.,;:!?…\-–—]|\s+(?:but|though|because|cos|cause|i|i['’]?(?:ve|m|ll|d)|ive"
    r"|im|ill|id|we|my|have|had|enjoy|see\s+you|lovely|nice|great)(?![\w'’]))",
    re.IGNORECASE,
)
#: A decline in so many words, not only "not yet" (which defers whatever follows).
DECLINE_SAID: Final = _rx(_DECLINE, _DEFER_NOW)
#: The whole answer a decline and its kind words ("Not right now, but thank you for asking.").
POLITE_NO: Final = re.compile(rf"(?:{DECLINE_OPENING.pattern})[\W_]*\Z", re.IGNORECASE)
#: What makes a not-now wait on something: a condition, learning more, doubt.
DECLINE_CONDITION: Final = _rx(
    r"once|until|till|unless|if|whether|depends?|depending|first|before|after\s+i|might\s+change"
    r"|could\s+change|yet|still\s+(?:figuring|deciding|thinking|working|exploring|looking)|not\s+sure"
    rf"|unsure|dunno|don{A}t\s+know|dont\s+know|know\s+more|learn\s+more|hear\s+more|find\s+out"
    r"|understand|figure|think\s+(?:about|it\s+over|on)|later\s+on|when\s+i|maybe|perhaps"
    r"|possibly|more\s+about|open\s+to"
    # a wish or interest after it is no decline: "maybe later, I'd love to ask you about ..."
    r"|(?:love|like|want|keen|hoping|hope)\s+to|wanna|ask\s+you|interested|curious",
)
#: A line offering something or asking whether the seeker wants anything more: what a plain
#: decline with reasons declines ("Any questions for me?", "Anything else?", "Shall I introduce
#: you to Priya?", "Want my card?", "I could add you to our newsletter if you like.").
OFFER_LINE: Final = _rx(
    r"any\s+(?:other\s+|more\s+|further\s+|last\s+)?questions|anything\s+else|(?:got|have)\s+any"
    r"\s+(?:other\s+|more\s+)?questions|(?:shall|should|can|could|may)\s+i|(?:do\s+)?you\s+want"
    r"|would\s+you\s+(?:like|care|want)|want\s+(?:me\s+to|to|a|an|some|my|one)|need\s+anything"
    r"|anything\s+i\s+can|how\s+about|fancy|happy\s+to|i\s+(?:can|could)\s+(?:add|send|introduce"
    r"|connect|put|get|show|give|pass|set\s+up|tell|take|walk)|if\s+you\s+(?:like|want|fancy)"
    r"|interested\s+in\s+(?:joining|coming|signing|staying|a\s+tour)|do\s+you\s+have\s+any",
)
#: Asking to keep in contact ("Could we stay in touch?", "let's keep in touch", "happy to
#: connect on LinkedIn"): what a seeker who declines or defers applying asks for, not a request
#: for the position (`learned._judge_kept` does not read it as one).
_LATER: Final = (
    r"(?:\s+(?:again|later|sometime|soon|then|after\s+(?:that|this|the\s+\w+)|down\s+the\s+"
    r"(?:road|line)|(?:in|over)\s+(?:a|the)\s+(?:few|couple(?:\s+of)?|next(?:\s+few)?)\s+\w+"
    r"|next\s+\w+|in\s+(?:the\s+)?\w+|when\s+\w+\s+\w+))*"
)
KEEP_IN_TOUCH: Final = _rx(
    rf"(?:stay|keep|kept|staying|keeping|be)\s+in\s+(?:touch|contact)(?:\s+with\s+you)?{_LATER}",
    rf"touch\s+base(?:\s+with\s+you)?{_LATER}",
    rf"connect\s+on\s+linked\s?in{_LATER}",
    rf"(?:follow|check)\s+(?:back\s+)?(?:up|in)(?:\s+with\s+you)?{_LATER}",
)
#: The asking and politeness words around a keep-in-touch phrase ("would it be okay to", "I'd
#: love to", "let's"); a sentence with more than `KEEP_IN_TOUCH_OTHER_WORDS` words besides these
#: says something else the model may read.
KEEP_IN_TOUCH_FILLER: Final = frozenset(
    _words(
        "could can would will we i i'd id i’d it be okay ok fine alright love like happy glad to "
        "let's lets should maybe perhaps please and but so if that's thats all right really "
        "definitely great also just do you mind is would've want wanna hope hoping still um uh "
        "oh well yeah yes sure though anyway then"
    )
)
KEEP_IN_TOUCH_OTHER_WORDS: Final = 1
#: A wish for some day, not now ("I'd love to work at the Grand someday").
_SOMEDAY: Final = (
    r"(?:someday|some\s+day|one\s+day|eventually|in\s+the\s+future|down\s+the\s+(?:road|line)"
    r"|in\s+a\s+few\s+years|later\s+on)(?![\w'’])"
)
#: A place to work after "love to work at/for": a name the writer capitalised ("Harbor Bank",
#: "the Grand"), an organisation noun with its name or "your/this/the" before it ("harbor bank",
#: "your lab", "the county"), or the person and their team ("you", "here"). Anything else ("at
#: scale", "for myself", "for startups", "at something more creative") is left to the model.
_ORG: Final = (
    r"(?:company|firm|team|bank|labs?|hospital|clinic|school|university|college|agency|studio"
    r"|group|org|organi[sz]ation|store|shop|restaurant|hotel|practice|council|county|city"
    r"|department|ministry|office|plant|factory|site|startup|place|foundation|trust|charity"
    r"|institute|museum|library|gallery|theatre|theater|airline|bakery|cafe|garage|workshop|farm"
    r"|newspaper|crew|squad|unit)"
)
_PLACE_TO_WORK: Final = (
    rf"(?:here|there|with\s+you|for\s+you|(?:your|this|that|the)\s+(?:[\w'’&-]+\s+){{0,2}}?{_ORG}"
    rf"|(?!(?:a|an|some|any|other|another|small|smaller|big|bigger|large|larger|local|tech|good"
    rf"|great|new|one|every|each)\s)(?:[\w'’&-]+\s+){{1,2}}{_ORG}"
    r"|(?-i:(?:the\s+)?[A-Z][\w'’&-]*))"
)
#: Declared interest in the position: commitment, unless the answer also hedges ("I'm interested
#: in the role, but I'd like to learn more first" is conditional interest).
DECLARED_INTEREST: Final = _rx(
    rf"(?:{ID}|i)\s+(?:really\s+)?(?:love|want|need)\s+(?:the|this|that|your)\s+{JOB}",
    rf"{IM}\s+(?:so\s+|very\s+|really\s+|super\s+|definitely\s+|extremely\s+)?(?:keen|eager)"
    r"(?!\s+to\s+(?:learn|hear|know|understand|find|explore))",
    rf"{IM}\s+(?:very\s+|really\s+|so\s+|definitely\s+|super\s+)?interested\s+in\s+(?:the|this"
    rf"|that|your)\s+{JOB}",
    rf"{ID}\s+(?:really\s+)?love\s+to\s+(?:work\s+(?:here|for\s+you|with\s+you|on\s+your\s+team)"
    rf"|join(?:\s+your\s+team)?)",
    # a place named as theirs after "on/in/with" (session 11, the lead's decision): "I'd love to
    # work on your team", "in your lab", "with your group"; "in a team like yours" is a kind
    rf"{ID}\s+(?:really\s+|so\s+|absolutely\s+)?love\s+to\s+work\s+(?:on|in|with|within)\s+"
    rf"(?:your|this)\s+(?:[\w'’&-]+\s+){{0,2}}?{_ORG}(?![\w'’-])"
    rf"(?![^.?!;\n]{{0,60}}?(?<![\w'’]){_SOMEDAY})(?!\s+(?:like|such\s+as)(?![\w'’]))",
    # "I'd love to work at Harbor Bank": a named place, not a kind of place ("at a place like
    # yours") nor a wish for some day ("at the Grand someday")
    rf"{ID}\s+(?:really\s+|so\s+|absolutely\s+)?love\s+to\s+work\s+(?:at|for)\s+"
    rf"(?![^.?!;\n]{{0,60}}?(?<![\w'’]){_SOMEDAY})"
    rf"(?:{_PLACE_TO_WORK})(?![\w'’])(?!\s+(?:like|such\s+as)(?![\w'’]))",
)
#: A wish to join, in any wording (issue 12, session 14 F1): the seeker says they want in ("I'd
#: love to be part of that", "I want to be on your team", "I'd kill to work there", "I'm hoping
#: to join", "can I come work with you", "how do I get on that team", "I want in"). What they
#: would join decides (`JOIN_OBJECT`, `cues.joins`): the team, the company or the work is a
#: commitment; a meetup, a study, a newsletter, a conversation is not a job. Only a wish now and
#: the seeker's own: "I'd have loved to", "I wanted to when I was a kid", "my sister would love
#: to" are not this.
_JOIN_FILL: Final = (
    r"(?:(?:really|so|absolutely|genuinely|honestly|totally|definitely|just|still|actually"
    r"|literally|truly|very|seriously|super|personally|also|desperately|much|would|too)\s+)*"
)
_WISH: Final = (
    rf"(?:{ID}|i{A}ll|i\s+will)\s+{_JOIN_FILL}(?:love|like|want|enjoy|adore|jump\s+at\s+the\s+chance"
    r"|give\s+(?:a\s+lot|anything|my\s+right\s+arm)|kill|do\s+anything|be\s+(?:so\s+|really\s+"
    r"|very\s+|super\s+|more\s+than\s+|pretty\s+|quite\s+|rather\s+)?(?:keen|glad|happy|thrilled"
    r"|delighted|excited|proud|honou?red|chuffed(?:\s+to\s+bits)?|eager|up\s+for\s+it|down"
    r"|grateful|over\s+the\s+moon|content|pleased))"
    r"\s+to"
    rf"|i\s+{_JOIN_FILL}(?:want|wanna|wish|hope)(?:\s+to)?"
    # "made me want to work for you lot" (session 17 A)
    rf"|(?:made|makes|has\s+made|got)\s+me\s+{_JOIN_FILL}(?:want|wanna|wish)(?:\s+to)?"
    rf"|{IM}\s+{_JOIN_FILL}(?:keen|eager|dying|desperate|itching|hoping|looking|aiming|trying"
    rf"|angling|determined|gunning|planning)\s+to|i\s+(?:am|{A}m)\s+hoping\s+to"
    rf"|{IVE}\s+(?:always\s+|long\s+|been\s+|quietly\s+|secretly\s+)?(?:wanted|hoped"
    r"|dreamed\s+of\s+being\s+able)\s+to"
    r"|(?:can|could|may|might)\s+i(?:\s+(?:please|maybe|possibly|ever|somehow))?"
    r"|how\s+(?:do|can|could|would|might)\s+i(?:\s+(?:ever|best))?"
    rf"|{ID}\s+{_JOIN_FILL}(?:happily|gladly)"
    r"|(?:any|a|some)\s+way\s+(?:that\s+)?i\s+(?:could|can|might)"
    rf"|(?:please\s+)?let\s+me"
)
#: Joining: being part of, on, in or one of something; coming aboard; working there.
_JOIN_VERB: Final = (
    # "how do I get to be one of them" (session 17 A)
    r"(?:get\s+to\s+be(?:come)?\s+(?:(?:a\s+|an\s+)?part\s+of|one\s+of|on|a\s+member\s+of"
    r"|among)"
    r"|be(?:come)?\s+(?:a\s+|an\s+)?(?:(?:small|tiny|little|big)\s+)?part\s+of"
    r"|be(?:come)?\s+(?:one\s+of|on(?:\s+board)?|in\s+on|a\s+member\s+of|among|with)"
    r"|join(?:\s+in(?:\s+on)?|\s+up\s+with)?|come\s+(?:aboard|on\s+board|onboard|over\s+to|on)"
    r"|come\s+(?:and\s+)?work(?:\s+(?:for|with|at|on|in|alongside))?|get\s+(?:in\s+on|in(?:to)?"
    r"|on(?:to)?|aboard)|work(?:\s+(?:for|with|at|on|in|alongside))?|take\s+part\s+in"
    r"|be\s+involved(?:\s+(?:in|with))?|sign\s+up(?:\s+(?:for|to))?|slot\s+in(?:to)?"
    r"|fit\s+(?:right\s+)?in(?:to)?|land\s+(?:in|at|on)|end\s+up(?:\s+(?:in|at|on|with|there|here)"
    r"|(?=\s*[,.;!?…]|\s*$))"
    r"|be\s+(?:on\s+)?(?:the\s+)?"
    r"staff|be\s+(?:a\s+)?part)(?![\w'’])"
)
#: Joining said with a gerund, after an understated wish ("I wouldn't mind being part of
#: that", "... joining", "... working there", "... a piece of that").
_JOIN_GERUND: Final = (
    r"(?:(?:being|becoming)\s+(?:a\s+|an\s+)?(?:(?:small|tiny|little|big)\s+)?part\s+of"
    r"|(?:being|becoming)\s+(?:one\s+of|on(?:\s+board)?|in\s+on|a\s+member\s+of|among|with)"
    r"|joining(?:\s+in(?:\s+on)?|\s+up\s+with)?|coming\s+(?:aboard|on\s+board|onboard|over\s+to)"
    r"|working(?:\s+(?:for|with|at|on|in|alongside))?|getting\s+(?:in\s+on|in(?:to)?|on(?:to)?)"
    r"|fitting\s+in(?:\s+(?:with|on|at|in))?|a\s+(?:piece|slice)\s+of|in\s+on|tagging\s+along"
    r"(?:\s+with)?|coming\s+along(?:\s+with)?|seeing\s+myself\s+(?:on|in|at|with|as\s+part\s+of)"
    r"|landing\s+(?:in|at|on))(?![\w'’])"
)
JOIN_WISH: Final = _rx(
    rf"(?:{_WISH})\s+(?:{_JOIN_VERB}|(?:teach|nurse|drive|cook|code|design|build|write|clean"
    r"|serve|care)(?:\s+(?:for|with|at))?(?=\s+(?:you|your|there|here|with|for|at|them|y['’]?all)"
    r"(?![\w'’])))",
    rf"i\s+{_JOIN_FILL}(?:want|wanna)\s+in(?=\s*(?:[.,;:!?…]|$|(?:plain|simple|honestly|too"
    r"|please|if|on|so|and|but)(?![\w'’])))",
    r"(?:please\s+)?(?:sign\s+me\s+up|count\s+me\s+in|put\s+me\s+(?:down|in))(?:\s+for)?",
    # understated (session 15): "I wouldn't mind being part of that", "I could see myself
    # there", "I can see myself in that role", "I wouldn't say no to that"; what follows is
    # what they would join, as for any wish ("I wouldn't say no to a coffee" joins nothing)
    rf"(?:i\s+)?(?:wouldn{A}t|would\s+not|wouldnt|{ID}\s+not)\s+(?:mind|object\s+to"
    rf"|complain\s+about)\s+{_JOIN_GERUND}",
    rf"(?:i\s+)?(?:wouldn{A}t|would\s+not|wouldnt|{ID}\s+not|couldn{A}t)\s+turn\s+(?:my\s+)?nose"
    r"\s+up\s+at",
    rf"{ID}\s+(?:(?:so|really|totally|definitely|probably|absolutely|well|honestly)\s+)?be\s+"
    r"(?:(?:so|really|totally|definitely|probably|absolutely|well|honestly)\s+)?up\s+for"
    rf"(?:\s+{_JOIN_GERUND}|(?=\s+(?:it|that|this)(?![\w'’])))",
    rf"i\s+(?:can|could|can\s+really|could\s+really)\s+(?:(?:definitely|totally|honestly|genuinely"
    rf"|actually|easily|absolutely|really|already|kind\s+of|sort\s+of)\s+)?(?:see|picture|imagine)"
    rf"\s+myself(?:\s+{_JOIN_GERUND}|\s+(?:doing|in|on|at|with|as\s+(?:part|one)\s+of))?",
    rf"(?:i\s+)?(?:wouldn{A}t|would\s+not|wouldnt|couldn{A}t|could\s+not|{ID}\s+not)\s+say\s+no"
    r"(?:\s+to)?",
)
#: The understated wish whose object is "that", before it (session 15): "that'd suit me",
#: "that would suit me down to the ground", "that sounds right up my street", "sounds like my
#: kind of place": what "that" is comes from the manager's line (`cues.joins`), so it joins
#: their team after a line about it and nothing after a coffee or a tour.
JOIN_SUITS: Final = _rx(
    rf"(?:(?:that|it|this)(?:{A}d|\s+would|{A}s|\s+is|\s+could|\s+sounds?(?:\s+like\s+it(?:{A}d"
    rf"|\s+would|\s+could))?)|sounds\s+like\s+it(?:{A}d|\s+would|\s+could))\s+(?:really\s+"
    r"|totally\s+|definitely\s+|honestly\s+|genuinely\s+)?suit\s+me(?:\s+(?:(?:really|very|so"
    r"|just)\s+)?(?:well|fine|nicely|perfectly|down\s+to\s+the\s+ground|to\s+a\s+t|right\s+down"
    r"\s+to\s+the\s+ground|great))?",
    rf"(?:(?:that|it)(?:{A}s|\s+is|\s+sounds?)\s+|sounds\s+)(?:(?:right|just|really|totally|very"
    r"\s+much|exactly)\s+)?up\s+my\s+(?:street|alley)",
    rf"(?:(?:that|it)(?:{A}s|\s+is|\s+sounds?(?:\s+like)?)\s+|sounds\s+like\s+)(?:exactly\s+|just\s+)?"
    r"my\s+kind\s+of\s+(?:place|team|thing|work|job|gig|crew|outfit)",
    # "I wouldn't turn that down", "I'd be tempted", "I'd probably be keen if you're short"
    rf"(?:i\s+)?(?:wouldn{A}t|would\s+not|wouldnt|{ID}\s+not|couldn{A}t)\s+turn\s+(?:it|that|this"
    r"|one|those|them)\s+down",
    rf"{ID}\s+(?:(?:probably|definitely|really|so|honestly|seriously|sorely|very|certainly"
    r"|totally|pretty|quite)\s+)*be\s+(?:(?:probably|definitely|really|so|honestly|seriously"
    r"|sorely|very|certainly|totally|pretty|quite)\s+)*(?:keen|tempted|game|up\s+for\s+it)"
    r"(?=\s*(?:[.,;:!?…]|$)|\s+(?:if|though|honestly|to\s+be\s+honest|not\s+gonna\s+lie|tbh"
    r"|too)(?![\w'’]))",
    # "teaching there would be a dream", "working here would be kind of a dream"
    r"(?:working|teaching|being|nursing|cooking|driving|designing|coding|building)\s+(?:there"
    r"|here|with\s+you|for\s+you|on\s+(?:that|your)\s+team)\s+would\s+be\s+(?:kind\s+of\s+"
    r"|sort\s+of\s+|such\s+|an\s+absolute\s+|just\s+|honestly\s+)?(?:a\s+)?(?:dream|dream\s+come"
    r"\s+true)",
)
#: A wish NOT to join, the seeker's own and now ("I wouldn't want to join that team", "I'm not
#: looking to join a team right now", "I'd never want to be part of a team like that", "I have
#: no wish to work there", "I'd rather not be on that team"): a refusal, never a commitment nor a
#: request, whatever the model reads from the join words (`cues.joins` kind "refused").
_NEG_WILL: Final = (
    rf"(?:(?:do|would|wo|did|could|should)n{A}t|(?:do|would|will|could|should)\s+not"
    rf"|(?:{A}d|\s+would|\s+will|{A}ll|\s+do)?\s*(?:never|not|no\s+longer))"
)
_REFUSED_WISH: Final = (
    rf"(?:(?:honestly|frankly|personally|really|truly)\s+)?i\s*{_NEG_WILL}\s+(?:(?:ever|really|even"
    r"|necessarily|particularly|actually|honestly|personally|much|exactly|especially|truly)\s+)*"
    r"(?:want|wanna|wish|like|love|care|hope|plan|intend|mean|need|choose|dream|feel\s+like"
    r"|see\s+myself|picture\s+myself|fancy|be\s+(?:keen|eager|happy|glad|interested|up\s+for\s+it"
    r"|able|willing|looking|hoping|trying|planning|going))(?:\s+(?:to|on|of))?"
    rf"|{IM}\s+(?:not|never|no\s+longer)\s+(?:(?:really|even|actually|exactly|particularly|that|too"
    r"|so|very|all\s+that|in\s+a\s+hurry)\s+)*(?:keen|eager|dying|desperate|itching|hoping"
    r"|looking|aiming|trying|angling|determined|gunning|planning|going|about|interested(?:\s+in)?"
    r"|willing|ready|here|set\s+on|after|out)(?:\s+to)?"
    rf"|{IVE}\s+(?:got\s+)?(?:no|zero|little|never\s+had\s+any)\s+(?:real\s+)?(?:wish|desire|interest"
    r"|intention|plans?|ambition|urge|appetite|inclination)(?:\s+(?:to|in|of))?"
    rf"|i\s+have\s+no\s+(?:wish|desire|interest|intention|plans?)(?:\s+(?:to|in|of))?"
    rf"|{ID}\s+(?:(?:much|far|really|honestly)\s+)?(?:rather|sooner)\s+not|{ID}\s+hate\s+to"
    rf"|i\s+refuse\s+to|no\s+way\s+(?:would|will|could)\s+i|no\s+way\s+(?:{ID}|i{A}ll|i)"
    rf"|(?:the\s+)?last\s+thing\s+(?:{ID}|i)\s+(?:want|wanted|need|do)\s+is\s+(?:to)?"
    rf"|you\s+(?:wo|would)n{A}t\s+catch\s+me"
)
JOIN_REFUSED: Final = re.compile(
    rf"(?<![\w'’])(?:{_REFUSED_WISH})\s+(?:{_JOIN_VERB})", re.IGNORECASE
)
#: Idioms built on join words that join nothing ("join the dots", "join forces", "be a fly on
#: the wall", "be part of the furniture", "join the club"), with the wish before them if any.
JOIN_IDIOM: Final = re.compile(
    rf"(?<![\w'’])(?:(?:{_WISH}|{_REFUSED_WISH})\s+)?(?:join(?:ing)?\s+(?:up\s+)?(?:the\s+)?dots"
    r"|join(?:ing)?\s+forces|join(?:ing)?\s+hands|join(?:ing)?\s+the\s+(?:club|queue|line|dots)"
    r"|(?:be\s+)?a\s+fly\s+on\s+the\s+wall|(?:be(?:come)?\s+)?(?:a\s+)?part\s+of\s+the"
    r"\s+furniture|join\s+the\s+(?:conversation|chorus|ranks\s+of\s+the\s+unemployed))(?![\w'’])",
    re.IGNORECASE,
)
#: The other things a person joins that are no job: events, groups, lists, studies, talks.
_NOT_A_JOB: Final = (
    r"(?:hackathons?|meet[\s-]?ups?|community|communities|discord|slack|newsletters?"
    r"|mailing\s+lists?|e-?mail\s+list|stud(?:y|ies)|surveys?|workshops?|webinars?|panels?"
    r"|conferences?|marathon|(?:fun|charity|park|sponsored)\s+(?:run|walk|ride|swim)"
    r"|(?:beach|litter|park|river|community)\s+clean(?:[\s-]?up)?|clean[\s-]?ups?|book\s+club"
    r"|clubs?|events?|festival|livestream|mentorship|mentoring|forum|conversations?"
    r"|discussions?|debate|party|parties|drinks|competition|tournament|fundraiser|volunteer"
    r"|volunteering|volunteers|alumni|lectures?|open\s+(?:day|evening)|info\s+sessions?|choir"
    r"|league|quiz|5k|10k|retreat|summit|expo|podcast|webcast|reading\s+group|group\s+chat"
    r"|user\s+testing|focus\s+group|sweepstakes?|raffle|walkathon|game\s+jam|bake\s+sale"
    r"|lunch|dinner|breakfast|brunch|coffee|beers?|pints?|barbecue|bbq|picnic|potluck"
    # a noun that is also a verb or an adjective, only with a determiner before it
    r"|(?:a|an|the|our|this|that|their|your|next|free)\s+(?:[\w'’-]+\s+){0,2}?(?:talks?|walk"
    r"|run|race|tour|trip|ride|launch|demo|sessions?|chat|call|stream|social|course|class(?:es)?"
    r"|jam|trial|programme|program|scheme|list|beta|pilot|challenge|demos|socials|quiz\s+nights?"
    r"|away[\s-]days?|offsites?))(?![\w'’])"
)
#: Words that make a thing a job: a team, a place that employs, a role, hiring.
_A_JOB: Final = (
    r"(?:(?:new\s+)?grad|graduate|apprentice\w*|trainee\w*|training|internship|rotational"
    r"|residency|fellowship|leadership|management)\s+(?:scheme|program(?:me)?|intake|contract)"
    rf"|(?:{JOB}s?|jobs|teams?|crew|staff|hires?|hiring|hire|apprentices?|apprenticeship|interns?"
    r"|internship|graduates?|recruit\w*|employ\w*|career|payroll|department|unit|squad|ward"
    r"|spots?|roster|rota"
    rf"|group|headcount|workforce|{_ORG}|work\s+(?:for|with|at|here|there))(?:['’]s)?(?![\w'’])"
)
#: What follows a join verb: a noun phrase of up to four words, or "that/it/this/you/in".
JOIN_OBJECT: Final = re.compile(
    r"\s*(?:(?P<anaphor>that|it|this|them|those|these|you(?:\s+(?:guys|all|lot))?|y['’]?all|in"
    r"|there|here|aboard|on\s+board|us)(?![\w'’])"
    r"|(?P<phrase>(?:[\w'’&-]+\s+){0,4}[\w'’&-]+))?",
    re.IGNORECASE,
)
A_JOB_THING: Final = re.compile(rf"(?<![\w'’]){_A_JOB}", re.IGNORECASE)
NOT_A_JOB_THING: Final = re.compile(rf"(?<![\w'’]){_NOT_A_JOB}", re.IGNORECASE)
#: A kind of place, not theirs ("a place like yours", "somewhere like this", "startups"): the
#: rules do not decide it (session 11, the lead's decision); nor anything but "the/your/this/
#: that/our" or a name before the thing joined.
JOIN_KIND_OF_PLACE: Final = re.compile(
    r"(?!(?:the|your|this|that|our|these|those|y['’]?all['’]?s|one\s+of\s+(?:the|your|those"
    r"|these|them|y['’]?all['’]?s))\s)(?-i:(?![A-Z]))"
    r"|[^.?!;\n]*?(?<![\w'’])(?:like|such\s+as)(?![\w'’])",
    re.IGNORECASE,
)
#: Working for, at or alongside "you", "you lot", "here" or "us" is their place whatever the
#: line was about (session 17 A: "Loved it. Made me even more sure I want to work for you lot."
#: after "What did you think of the talk?"; `cues._joined`).
WORK_FOR_YOU: Final = re.compile(
    r"(?<![\w'’])(?:work|working)\s+(?:for|at|alongside|with)\s*$", re.IGNORECASE
)
YOU_THERE: Final = re.compile(r"you(?:\s+(?:guys|all|lot))?|y['’]?all|here|us", re.IGNORECASE)
#: Working at or for "it" is effort, not a place; working for or with "them" is someone
#: else's (session 11's kinds: "I'd love to work at it until it clicks", "work for them").
WORK_AT_IT: Final = _rx(
    r"work\s+(?:at|for)\s+(?:it|that|this|them|those|these)",
    r"work\s+(?:for|with|on|in|alongside)\s+(?:them|those|these)",
)
#: The manager's own side: "we", "our", "us", "my team" (a line describing their work).
THEIR_SIDE: Final = _rx(
    r"we|we['’]?re|we['’]?ve|our|ours|us|my\s+(?:team|group|lab|crew|unit)(?:['’]s)?"
)
SOMEDAY: Final = re.compile(rf"(?<![\w'’]){_SOMEDAY}", re.IGNORECASE)
#: A line about hiring or an opening: what "I'd love to be part of that" answers is a job.
HIRING_LINE: Final = _rx(
    r"hir(?:e|es|ed|ing)|openings?|vacanc(?:y|ies)|recruit\w*|taking\s+on|looking\s+for"
    r"\s+(?:people|someone|a|an|more|new|junior|senior|good)|(?:roles?|positions?|jobs?)\s+"
    r"(?:open|going|available)|apprentices?|apprenticeships?|interns?|internships?|trainees?"
    r"|traineeships?|(?:grad|graduate)\s+(?:scheme|program(?:me)?|roles?|intake)"
    r"|intake|headcount|on\s+staff|join\s+(?:the|our)\s+team",
)
#: A line offering the seeker something to do that is no job (session 15): showing them round,
#: a tour, an introduction, a coffee, sitting in, hearing more ("Shall I show you around the
#: lab?", "Want me to introduce you to Priya?", "Would you like to sit in on our stand-up?"):
#: "I'd love to be part of that" or "I wouldn't say no" to it joins nothing (`cues._joined_line`).
ACTIVITY_OFFERED: Final = _rx(
    r"(?:(?:shall|should|can|could|may)\s+i|(?:do\s+)?you\s+want\s+(?:me\s+)?to|would\s+you\s+"
    r"(?:like|want|care)\s+(?:me\s+)?to|want\s+(?:me\s+)?to|wanna|fancy|happy\s+to|i\s+(?:can"
    rf"|could)|let\s+me|how\s+about|why\s+don{A}t\s+(?:i|we|you)|feel\s+free\s+to|you{A}re\s+welcome"
    r"\s+to)\s+(?:[\w'’-]+\s+){0,2}?(?:show|walk|tour|introduce|send|grab|buy|tell|take|put\s+you"
    r"\s+in\s+touch|connect|give\s+you\s+(?:a\s+)?(?:tour|look|demo|lift|ride|card)|sit\s+in"
    r"|shadow|come\s+(?:along|by|see|and\s+see|to)|meet|chat|catch\s+up|stay\s+for|look\s+around"
    r"|see\s+(?:the|a|how|our)|hear\s+(?:more|about)|check\s+out|visit|pop\s+(?:in|by|over)"
    r"|drop\s+by|email|forward|share|loop\s+you\s+in|add\s+you|get\s+you\s+(?:a|some|another)"
    r"|have\s+(?:a\s+)?(?:look|coffee|drink|chat|tour|bite))(?![\w'’])",
)
#: A wish in the past, or a wish of one's younger self, in the same sentence.
JOIN_PAST: Final = _rx(
    r"when\s+i\s+was|as\s+a\s+(?:kid|child|teen(?:ager)?|student)|back\s+then|growing\s+up"
    r"|at\s+the\s+time|years\s+ago|in\s+school|in\s+my\s+twenties",
)
#: A bare affirmative opening the answer; commitment only after a commitment question.
AFFIRMATIVE: Final = re.compile(
    r"^[\W_]*(?:(?:oh|well|um|uh|ah|wow|i\s+mean|honestly|and|so|ok|okay|hell|god)[\W_]+){0,3}"
    r"(?P<words>yes(?:[\W_]+please)?|yeah|yep|yup|yea|sure(?:\s+thing)?|definitely|absolutely"
    r"|of\s+course|for\s+sure|totally|certainly|(?:a\s+|one\s+)?hundred\s+percent|100\s*(?:%|percent)"
    r"|you\s+bet|very\s+much|i\s+(?:really\s+)?(?:am|do|would|will|could)"
    rf"|{ID}\s+(?:love|like)\s+(?:to|that)|that(?:{A}d|\s+would)\s+be\s+(?:great|amazing|wonderful"
    rf"|perfect|brilliant|fantastic|lovely|awesome)|please\s+do|go\s+ahead|let{A}s\s+do\s+it"
    rf"|sounds\s+(?:great|good|perfect)|{IM}\s+(?:very\s+|really\s+|so\s+|definitely\s+)?"
    r"(?:interested|keen|in)"
    # striking a bargain (session 13): "Deal, let's shake on it.", "you've got yourself a deal"
    rf"|deal(?!\s+(?:with|breaker|of|on|or|and)(?![\w'’]))|(?:it{A}s|that{A}s)\s+a\s+deal(?![\s-]+breaker)"
    rf"|(?:you{A}ve\s+)?got\s+(?:yourself\s+)?a\s+deal|let{A}s\s+shake\s+on\s+(?:it|that))(?![\w'’])",
    re.IGNORECASE,
)
#: A yes that closes the answer after its reason ("Well I'm job hunting, so yes.", "i need the
#: money so yeah"): commitment only after a commitment question, as a yes that opens it.
CLOSING_YES: Final = re.compile(
    r"(?<![\w'’])(?:so|and\s+so|then|which\s+means)[\s,]+(?P<words>yes|yeah|yep|yup|definitely"
    rf"|absolutely|of\s+course|for\s+sure|sure|i\s+(?:am|would|do)|{IM}\s+(?:interested|in|keen))"
    r"[\W_]*$",
    re.IGNORECASE,
)
_NOT_LEADING: Final = (
    r"(?!\s+(?:out|into|late|over|across|away|around|short|behind|low|off|through|up\s+against"
    r"|errands|a\s+red\s+light)(?![\w'’]))"
)
#: A word that starts another clause inside "I'm ... the right person": another subject or a
#: verb of knowing or saying ("I'm sure you're the right person to ask", "I was told she's the
#: best person to talk to", "I'm guessing your manager would be perfect for that"): what
#: follows is about them, not a pitch.
_NOT_ANOTHER: Final = (
    rf"(?!(?:you|you{A}(?:re|d|ll|ve)|she|she{A}[sd]|he|he{A}[sd]|they|they{A}(?:re|d)|we"
    rf"|we{A}(?:re|d)|your|his|her|their|our|it{A}s|that{A}s|there{A}s|sure|told|guessing|heard"
    r"|hearing|thinking|convinced|certain|positive|betting|assuming|hoping|afraid|saying"
    r"|figuring|guess|bet|think|thought|figured|reckon|reckoned)(?![\w'’]))"
)
#: A deed claimed in the first person ("I led", "I've delivered", "I ran", "I cut"): the
#: achievement verbs of `SELF_PROMOTION`. A claim only where the talk is about work and the deed
#: has an object (`cues._claims_work`, review 15 R5/R11): "I drove down to the coast", "I ran a
#: half marathon", "I built a treehouse with my kids" after "How was your weekend?", or "I
#: should run, my train leaves", claim nothing.
_DEED: Final = (
    rf"(?:i|{IVE})\s+(?:\w+\s+)?(?:led|managed|built|shipped|launched|delivered|grew(?!\s+up)"
    r"|increased|doubled|tripled|cut|reduced|saved|won|founded|achieved|exceeded|beat|drove"
    # not a phrasal "run": "i ran out last week", "i run late", "i ran into her"; leaving ("i
    # gotta run", "I should run, my train") has no object (`DEED_NO_OBJECT`, `RUN_NO_OBJECT`)
    rf"|spearheaded|oversaw|(?:run|ran){_NOT_LEADING}"
    r"|boosted|improved|turned\s+around)"
)
DEED: Final = _rx(_DEED)
#: What the seeker runs at work now or did there, in the verbs `_DEED` lacks (session 16 A):
#: the role now ("I supervise the weekend crew", "I head up the finance team", "I look after the
#: stock room", "I'm in charge of the tills") and a deed done there ("I set up the online shop",
#: "I rebuilt the rota system", "I trained twelve new pickers", "I recruited the night crew").
#: Never after a modal, a negation or a wish in its gap ("I should set up a meeting", "I don't
#: manage anyone"). A claim only where the answer itself names work (`WORK_CLAIMED`,
#: `cues._claims_work`): "I look after my mum", "I set up a fish tank", "I trained for a half
#: marathon", "I manage fine" claim nothing.
#: A claim's verb after a modal (`_MODALS`), a negation or a wish claims nothing.
_MODALS: Final = ("can", "could", "will", "would", "should", "might", "may", "must")
_ROLE_GAP: Final = _not_after(
    (*_MODALS, "to", f"don{A}t", "dont", f"didn{A}t", "didnt", "never", "not", "want", "wanna",
     "need", "gotta", "hope", "try", "tried", "going", "hoping", "trying", "gonna", "like",
     "liked", "love", "loved", "enjoy", "enjoyed", "hate", "hated", "miss", "missed", "used",
     r"also\s+not"),
    where="gap",
)  # fmt: skip
_ROLE_DEED = (
    rf"(?:(?:i|{IVE})\s+{_ROLE_GAP}(?:{{V}}\s+and\s+)?{{V}}"
    rf"|(?:i{A}ve\s+been|{IM})\s+{_ROLE_GAP}(?:in\s+charge\s+of|responsible\s+for|running|leading"
    r"|managing|heading\s+up|supervising|overseeing|looking\s+after|setting\s+up))"
)
_ROLE_VERBS: Final = (
    r"(?:lead|manage|supervise|supervised|oversee|coordinate|coordinated"
    # not heading somewhere ("I head up to the lakes", "I headed up north"), session 17
    r"|head(?:ed)?\s+up(?!\s+(?:to|towards|north|south|there|home|for|the\s+(?:road|hill"
    r"|motorway|coast|stairs))(?![\w'’]))"
    r"|look(?:ed)?\s+after|(?:am|was)\s+in\s+charge\s+of|in\s+charge\s+of|responsible\s+for"
    r"|running|leading|managing|heading\s+up|supervising|overseeing|looking\s+after"
    r"|set\s+up|setting\s+up|rebuilt|rebuild|trained|recruited|installed|relaunched"
    r"|restructured|introduced|streamlined|expanded|opened|created|designed|developed"
    r"|implemented|organi[sz]ed|overhauled|halved|hired|negotiated|rolled\s+out|brought\s+in"
    r"|took\s+over|revamped|transformed|modernised|modernized|automated|digitised|digitized"
    r"|turned\s+round|sorted\s+out|cleaned\s+up|reorgani[sz]ed|mentored|retrained"
    r"|upskilled|curate|curated|coordinating|curating)"
)
_ROLE_DEED = _ROLE_DEED.replace("{V}", _ROLE_VERBS)
ROLE_DEED: Final = _rx(_ROLE_DEED)
#: A deed's object that is family's or friends' ("I organised my sister's hen do", "I've
#: organised a cousins' reunion"): life, whatever its size (session 17, round 3;
#: `cues._claims_role`).
KIN_OBJECT: Final = re.compile(
    r"\s+(?:(?:my|our|a|the|his|her)\s+)?(?:[\w'’-]+\s+)?(?:friends?|mates?|brothers?|sisters?"
    r"|mum|mom|mother|dad|father|parents|partner|wife|husband|cousins?|sons?|daughters?|uncle"
    r"|aunt|auntie|nan|gran|grandad|kids|children|family|niece|nephew|in[\s-]laws)(?:['’]s?"
    r"|s['’])?(?![\w])",
    re.IGNORECASE,
)
#: Work named in the answer beside a `ROLE_DEED` (session 16 A), with `WORKER_TALK` and
#: `DEED_WORK`: where one works ("at my last place", "at a garden centre", "at work") or how
#: many one runs ("twelve of us", "twelve new pickers", "eight drivers"), not family or pets.
WORK_CLAIMED: Final = _rx(
    r"at\s+(?:my|our|the|a|an|this)\s+(?:(?:last|old|previous|current|first|new|old|big|small"
    r"|busy)\s+)?(?:place|firm|store|job|work|company|shop|branch|site|depot|post"
    r"|employer|workplace|hospital|school|practice|agency|retailer)",
    # session 17: a workplace after up to four words of its own ("at a hundred and twenty room
    # hotel", "at a 24/7 call centre", "at a food bank", "at a building society")
    r"at\s+work|at\s+(?:a|an|the|my|our)\s+(?:\S+\s+){0,4}?(?:centre|center|stores?"
    r"|shops?|retailer|charity|firm|company|depot|warehouse|hotel|restaurant|hospital"
    r"|school|garage|factory|supermarket|agency|council|chain|clinic|bakery|salon|nursery"
    r"|care\s+home|call\s+centre|plant|office|yard|distribution\s+cent(?:re|er)"
    # (not the places one visits: "the tent at the festival", "a picnic at the museum")
    r"|bank(?!\s+holiday)|building\s+society|housing\s+association|consultancy|surgery"
    r"|pharmacy|lab|laboratory)",
    # session 17: the employer the work is done for ("for a phone retailer", "for a regional
    # building society", "for the arts council", "for a 5,000-capacity festival"), never a
    # person ("for my sister") or an occasion
    r"for\s+(?:a|an|the|my|our|one\s+of\s+the)\s+(?:\S+\s+){0,4}?(?:retailer|company|firm"
    r"|charity|council|building\s+society|housing\s+association|chain|agency|brand"
    r"|bank|supermarket|business|start[\s-]?up|airline|consultancy|contractor|manufacturer"
    r"|distributor|supplier|provider|publisher|employer|corporation|multinational|nhs\s+trust"
    r"|trust|hotel\s+group|group|franchise|retail\s+park|estate\s+agents?|law\s+firm"
    r"|hospital|hospitals|restaurants?|hotels?|stores?|shops?|depot|warehouse|fleet)",
    # session 17: a unit of work as the object ("the service desk", "front of house", "a fleet
    # of ninety vans", "the compliance desk")
    r"(?:service|help|compliance|front|reception|trade|returns|customer\s+service|support"
    r"|news|sports|sales|foreign|copy|cash|check[\s-]?in|information)\s+desk"
    r"|front\s+of\s+house|back\s+of\s+house|a\s+fleet\s+of",
    # a workplace's size ("a 5,000-capacity festival", "a sixty cover restaurant", "a 24/7 desk")
    r"(?:\d[\d,.]*|(?:a|one|two|three)\s+hundred(?:\s+and\s+\w+)?|sixty|seventy|eighty|ninety"
    r"|fifty|forty|thirty)[\s-]*(?:capacity|seat(?:er)?|cover|bed|room|pitch|berth)"
    r"|24\s*/\s*7\s+(?:[\w'’-]+\s+)?(?:desk|service|operation|centre|center|line|team)",
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|(?:a|one|two|three)\s+hundred(?:\s+and\s+\w+)?|a\s+dozen|dozens"
    r"|hundreds?)(?:[\s-]+(?:odd|or\s+so|plus))?\s+(?:of\s+us|of\s+them|people|staff"
    r"|(?:new\s+|more\s+|extra\s+|full[\s-]time\s+|part[\s-]time\s+|junior\s+|temp\s+)?"
    r"(?!(?:brothers|sisters|daughters|mothers|fathers|grandmothers|grandfathers|others"
    r"|hamsters|lobsters|oysters|monsters|posters|stickers|flowers)(?![\w'’]))"
    r"[\w'’-]+(?:ers|ors|ists|ysts|ians|ants|ents|ees|hands|starters|staff|drivers)"
    # session 17: workplaces and a fleet counted ("two stores", "ninety vans", "three sites")
    r"|(?:[\w'’-]+\s+)?(?:stores|shops|branches|sites|outlets|venues|wards|depots|warehouses"
    r"|restaurants|kitchens|hotels|clinics|offices|locations|franchises|vans|lorries|trucks"
    r"|vehicles|clients|teams|departments))",
)
#: The answer's own frame naming work before its deed (session 17): "in my job at the food bank
#: I recruited ...", "at work I run ...", "for my day job I oversee ..." (`cues._claims_role`).
WORK_FRAME: Final = _rx(
    r"(?:in|at|for|with)\s+(?:my|our)\s+(?:(?:day|current|last|old|new|previous|first|real"
    r"|main|proper)\s+)?(?:job|work|role|workplace|post|position)|at\s+work|for\s+work"
    r"|(?:my|our)\s+(?:day\s+)?job\s+(?:at|with|for|is)|where\s+i\s+work",
)
#: A volunteered achievement at work, read from its structure (session 17, round 3; with
#: `cues._achievement_volunteered`): after a remark (no question), a first-person deed, done
#: ("I migrated", "we finished", "grew it", a clause opening on its verb: "Designed the
#: temporary works") with a result or a scale (`ACHIEVED_RESULT`) and a work frame
#: (`ACHIEVEMENT_FRAME`) in its sentence. A deed with a result in life ("I ran the Dublin
#: marathon and knocked ten minutes off my time", "we raised £400 for the school at the bake
#: sale") names no work frame. The deed's verb: a past tense that does something (not one of
#: living, moving, feeling or saying: `_NOT_DONE`), or running or handling now.
_NOT_DONE: Final = (
    r"(?!(?:wanted|needed|used|loved|liked|hated|moved|lived|stayed|visited|tried|hoped|watched"
    r"|played|walked|travell?ed|studied|graduated|retired|joined|missed|enjoyed|worked|talked"
    r"|asked|called|emailed|texted|heard|learned|learnt|wondered|decided|noticed|reali[sz]ed"
    r"|figured|guessed|believed|agreed|felt|thought|seemed|happened|arrived|returned|landed"
    r"|booked|ordered|cooked|baked|knitted|painted|hiked|cycled|swam|danced|sang|laughed|cried"
    r"|slept|married|divorced|dated|owned|rented|showed|turned\s+up|got\s+(?:up|home|back|in"
    r"|there|married|lost)|went|came|did|had|was|were|said|told|saw|met|ate|drank|read|knew"
    r"|bought|paid|spent|hosted|celebrated|cleaned|fixed\s+(?:my|our)\s+(?:car|bike"
    r"|house))(?![\w'’]))"
)
_DONE_VERB: Final = (
    rf"{_NOT_DONE}(?:[a-z]+ed|grew|built|rebuilt|led|cut|won|beat|brought|took|drove|sold"
    r"|ran|wrote|rewrote|taught|oversaw|hit|got|kept|shrank|made|put\s+in|set\s+up|sorted"
    r"|look\s+after|manage|run|handle|lead|am\s+handling|am\s+running|am\s+managing)"
)
ACHIEVED_DEED: Final = _rx(
    rf"(?:i|we|{IVE}|we{A}ve|i\s+have|we\s+have|i\s+also|we\s+then|i\s+then|i\s+actually)\s+"
    rf"(?:(?:actually|also|then|basically|personally|just|even|once|recently|single[\s-]?handedly"
    rf"|eventually|completely|fully|successfully)\s+)?{_DONE_VERB}(?!\s+to\s)",
)
#: A clause opening on a deed's verb, its "I" dropped ("Designed the temporary works on the
#: Forth crossing approach.", "Cleared 1,200 applications at Cork County Council."): read at a
#: sentence's or clause's start only (`cues._achievement_volunteered`).
DROPPED_I_DEED: Final = re.compile(
    rf"(?:(?:oh|yeah|yes|well|so|and|actually|honestly|right)\W+)*{_DONE_VERB}(?![\w'’])",
    re.IGNORECASE,
)
#: What a deed achieved or how big it was: a figure, a percentage, money, a count, a share,
#: "from eighty to three hundred", "no data lost", "zero downtime", "a week early", "under
#: budget", "the winning bid".
ACHIEVED_RESULT: Final = _rx(
    # (not how long it took or lasted: "for about two years", "eight years on a ward")
    r"(?:\d[\d,.]*\s*(?:%|k|m|bn)?|[£$€]\s*\d[\d,.]*\s*(?:k|m|bn|million|billion)?|percent|per\s+cent"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|thousand|million|billion|dozen|a\s+third|a\s+quarter|half)(?:[\s-]odd)?)"
    r"(?!\s+(?:(?:more|odd|or\s+so|full|whole|long)\s+)?(?:years?|months?|weeks?|days?|hours?"
    r"|minutes?|decades?|mornings|evenings|nights|summers|seasons)(?!\s+(?:early|ahead|faster"
    r"|quicker|sooner|off|down|saved|less)(?![\w'’])))"
    r"|doubled|tripled|halved|quadrupled|(?:no|zero|not\s+a\s+single|without\s+(?:a\s+single"
    r"|any))\s+(?:[\w'’-]+\s+)?(?:data|records?|downtime|complaints?|errors?|defects?"
    r"|injur(?:y|ies)|accidents?|incidents?|outages?|breaches|losses|customers?\s+lost|findings"
    r"|issues|faults|mistakes|problems|hitches|delays|returns|claims)"
    # session 17 D: a scale in plurals, a before and after, a thing still in use
    r"|hundreds|thousands|dozens|(?:cut|brought|got|took)\s+(?:it|that|them)?\s*(?:down\s+)?"
    r"from\s+(?:[\w'’-]+\s+){1,3}to\s+[\w'’-]+|still\s+(?:uses?|used|using|runs?|running"
    r"|in\s+use)"
    rf"|(?:nobody|no\s+one|not\s+one)(?:{A}s)?\s+(?:has\s+)?(?:walked|left|quit|complained)"
    r"|(?:days?|weeks?|months?)\s+(?:early|ahead(?:\s+of\s+schedule)?)|ahead\s+of\s+schedule"
    r"|(?:under|on|within)\s+budget|on\s+time|winning|award[\s-]?winning|record",
)
#: A line asking what the seeker can do or has done (session 17 D): "Have you ever done a
#: trade-in appraisal?", "Can you run a stock take?", "Any experience with audits?". A deed
#: with a result and a work frame answering it pitches (`cues._achievement_volunteered`).
CAPABILITY_ASKED: Final = _rx(
    r"(?:have|had)\s+you\s+(?:ever\s+)?(?:done|run|worked|used|handled|led|managed|dealt|been"
    r"|built|set\s+up|taught|trained|organi[sz]ed|fixed|sold|driven|operated|looked\s+after)",
    r"(?:can|could)\s+you\s+(?:actually\s+)?(?:do|run|use|handle|lead|manage|drive|operate"
    r"|build|fix|cook|teach|sell|speak|read|write)",
    r"do\s+you\s+(?:know\s+how\s+to|have\s+(?:any\s+)?experience|ever\s+(?:do|work|use|run))",
    r"are\s+you\s+(?:at\s+all\s+)?(?:familiar|experienced|comfortable|any\s+good|good|used"
    r"|trained|qualified|certified)\s+(?:with|at|in|to|on)",
    r"(?:any|much)\s+experience\s+(?:with|in|of|doing|running)",
    r"ever\s+(?:done|worked|run|used|handled|led|managed)",
)
#: The one who did it at work ("I was the one who led the audit prep", "I was the one running
#: the backup plan"): a first-person deed (`cues._achievement_volunteered`, session 17 D).
THE_ONE_WHO: Final = _rx(
    r"i\s+was\s+the\s+(?:one|person|guy|girl|lead|woman|man)\s+(?:who|that)?\s*[\w'’-]+",
)
#: The deed's work frame: where or for whom it was done at work ("at my old college", "at my
#: last place", "on the hospital job", "for a US client", "at Cork County Council"), what of
#: the work's it moved ("our steel contracts", "our drivers", "our staff turnover") or a work
#: object ("a conference", "a scheme", "customer records", "the billing module", "the data
#: warehouse"); with `WORK_CLAIMED` and `WORK_FRAME`. Not family, a race or one's own time.
ACHIEVEMENT_FRAME: Final = _rx(
    # session 17 D: one's employer named as the subject ("my current dealer still uses")
    r"(?:my|our)\s+(?:current|last|old|previous|former)\s+(?:dealer(?:ship)?|employer|boss"
    r"|manager|company|firm|job|place|team|shop|site|clients?|agency|practice|school|hospital)",
    r"(?:at|in|with|for|from)\s+(?:my|our)\s+(?:(?:last|old|previous|former|current|first|new"
    r"|present)\s+)?(?:place|college|school|firm|job|company|work|employer|hospital|practice"
    r"|branch|store|site|office|board|council|trust|bank|agency|team|department|home|ward|unit"
    r"|restaurant|kitchen|hotel|lab|clinic|depot|warehouse|factory|plant|shop|station|firm)",
    r"on\s+(?:the|a|that|this|my|our)\s+(?:[\w'’-]+\s+){0,4}?(?:job|project|contract|site"
    r"|scheme|build|account|approach|programme|program|rollout|bid|tender|launch|migration"
    r"|refit|install|works|ward|line)",
    r"at\s+(?:[\w'’-]+\s+){0,3}?(?:council|board|bank|trust|hospital|authority|agency|group"
    r"|university|college|plc|ltd|inc|health|logistics|energy|rail|airways|insurance|foods"
    r"|solutions|systems|consulting|partners|dc|hq|depot|warehouse|plant|factory|site|branch"
    r"|store|office|call\s+cent(?:re|er)|distribution\s+cent(?:re|er))",
    r"for\s+(?:a|an|the|our|my)\s+(?:[\w'’-]+\s+){0,2}?(?:client|customer|employer|firm"
    r"|company|business|brand|retailer|contractor|trust|council|board)",
    r"(?:our|my)\s+(?!(?:[\w'’-]+\s+)?(?:mum|mom|dad|kids?|children|family|cousins?|nan|gran|brothers?|sisters?|wife|husband|partner|time|pb|personal|holiday|garden|house|wedding"
    r"|dog|cat)(?![\w'’]))(?:[\w'’-]+\s+){0,2}?(?:contracts?|customers?|clients?|records"
    r"|accounts?|suppliers?|budgets?|staff|drivers|teams?|sales|costs|margins|targets?|turnover"
    r"|retention|data|systems?|pipeline|rota|stock|patients|students|members|volunteers|intake"
    r"|users|orders|deliveries|routing|process(?:es)?|workflow|backlog|waste|output|shifts?"
    r"|brigade|crews?|departments?|branch(?:es)?|stores?|sites?|shops?|offices?|depots?)",
    r"conferences?|schemes?|programmes?|records|contracts?|customers?|clients?|applications"
    r"|platforms?|modules?|data\s+warehouse|databases?|systems?|billing|payroll|suppliers?"
    r"|tenders?|bids?|budgets?|retention|turnover|backlog|routing|pipelines?|migrations?"
    r"|roll[\s-]?outs?|audits?|theatres|wards?|services|approval\s+times?|loans?|crm|networks?"
    r"|servers?|infrastructure|temporary\s+works|brigade|a\s+team\s+of|staff|projects?"
    r"|deliver(?:y|ies)|code\s+club|sales|revenue|costs|waste",
)
SELF_PROMOTION: Final = _rx(
    rf"(?:i|{IVE}|i{A}ve\s+got)\s+(?:\w+\s+){{0,2}}years?\s+(?:of\s+)?(?:\w+\s+)?experience",
    rf"{IVE}\s+been\s+(?:a|an)\s+(?:\w+\s+){{0,3}}?for\s+(?:\w+\s+)?years",
    # a question what the seeker would do is no claim: "would I run the huddles?" (session 13)
    # (not "yes i would i managed a team": the auxiliary of a yes, after "i")
    _not_after(
        ("would", "will", "could", "can", "do", "should", "might", "shall"), where="question"
    )
    + _not_after(("wouldn['’]t", "wouldnt"), where="before")
    + _DEED,
    _not_after(("would", "will", "could", "can", "should", "might", "do"), where="question")
    + _ROLE_DEED,
    rf"(?:{IM}|{ID}\s+be|i{A}ll\s+be|i\s+will\s+be|i\s+was)\s+(?:{_NOT_ANOTHER}[\w'’-]+\s+){{0,2}}?"
    r"(?:fast\s+learner|quick\s+learner|team\s+player|hard[\s-]?work(?:er|ing)|self[\s-]?"
    r"(?:motivated|starter)|natural\s+(?:leader|fit)|people\s+person|(?:great|good|excellent"
    r"|brilliant|strong|amazing|fantastic)\s+(?:at|with|communicator|leader|fit|listener|worker)"
    r"|perfect|ideal|expert|reliable|organi[sz]ed|detail[\s-]oriented|results[\s-]driven"
    r"|passionate\s+about|highly\s+(?:skilled|motivated)|(?:real|great|huge|valuable)\s+asset"
    r"|asset|top\s+(?:performer|seller|salesperson)|the\s+best|the\s+right\s+(?:person|fit)"
    r"|good\s+fit|great\s+fit|strong\s+fit)",
    r"(?:my|strong|excellent)\s+(?:skills|strengths|expertise|achievements|accomplishments"
    r"|qualifications|credentials|skill\s+set|skillset)",
    r"(?:proven|strong|excellent|great)\s+track\s+record",
    r"hit\s+the\s+ground\s+running",
    rf"exactly\s+what\s+{YOURE}\s+looking\s+for",
    rf"{IVE}\s+done\s+(?:exactly\s+)?(?:this|that|it)\s+before",
    r"i\s+(?:always|consistently|never|regularly)\s+(?:beat|hit|exceed|miss|deliver|meet|smash)",
    r"i\s+(?:can|could|will)\s+make\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:impact|difference)",
    r"i\s+(?:bring|excel|thrive)",
    rf"(?:i|{IVE})\s+(?:have|hold|got)?\s*(?:a|an)\s+(?:\w+\s+)?(?:master{A}?s|mba|phd|doctorate"
    rf"|degree|certification|bachelor{A}?s)",
    r"results\s+driven|results-driven|self-starter",
    # session 17: a result of one's workplace or team ("my store grew sales nine percent", "we
    # doubled the foot traffic", "our branch beat its targets"): business figures only, not a
    # team's match or a recipe
    r"(?:(?:my|our)\s+(?:[\w'’-]+\s+)?(?:store|shop|branch|team|department|site|office|unit"
    r"|ward|region|depot|warehouse|restaurant|kitchen|venue|desk|crew|shift|location|business"
    r"|company|charity|gallery|clinic)|we)\s+(?:(?:actually|really|just|also|basically"
    r"|literally|then|nearly|almost|more\s+than|over)\s+)?(?:grew|doubled|tripled|increased"
    r"|boosted|raised|lifted|cut|reduced|halved|beat|exceeded|smashed|hit|topped|improved)\s+"
    r"(?:(?:its|our|their|the|my|all|every)\s+)?(?:[\w'’-]+\s+)?(?:sales|revenue|profits?"
    r"|turnover|footfall|traffic|margins?|targets?|costs?|waste|output|conversions?"
    r"|membership|attendance|bookings|donations|fundraising|retention|satisfaction\s+scores?"
    r"|scores?|kpis?|numbers)(?![\w'’])",
    # credentials volunteered inside an opinion (session 17 C): "i've done that for a few indie
    # studios and two of them actually used my notes"
    rf"{IVE}\s+(?:already\s+|also\s+)?done\s+(?:that|this|it|the\s+same|similar|this\s+kind\s+of"
    r"\s+thing)\s+for\s+(?:a\s+(?:few|couple\s+of|number\s+of)|several|some|loads\s+of|lots\s+of"
    r"|two|three|four|five|other|a\s+bunch\s+of)\s+(?:[\w'’-]+\s+)?(?:studios|companies|clients"
    r"|firms|brands|teams|agencies|startups|businesses|publishers|developers|restaurants|shops"
    r"|labs|practices|hotels|charities|schools)",
    r"(?:they|two\s+of\s+them|one\s+of\s+them|both\s+of\s+them|three\s+of\s+them|some\s+of\s+them"
    r"|a\s+few\s+of\s+them)\s+(?:actually\s+|even\s+|ended\s+up\s+|went\s+on\s+to\s+)?(?:used"
    r"|use|using|took\s+on|implemented|adopted|shipped|published|hired\s+me|paid\s+me)\s+(?:(?:some\s+of"
    r"\s+)?my)\s+(?:notes|ideas|work|suggestions|feedback|designs?|report|fixes|changes|docs?"
    r"|documents?|write[\s-]?ups?|recommendations|proposals?)",
)
#: Talk about oneself as a worker, a candidate's words (session 15, issue 12): experience,
#: skills, qualifications, a career, roles and employers, results, responsibilities, fit. A long
#: answer about oneself is self-promotion only when it names at least
#: `learned.MONOLOGUE_WORKER_WORDS` different ones (`learned.is_monologue`): the pitch ("eight
#: years in logistics, most recently as operations manager, where I led ...") does, a story or a
#: description (a trip, a hobby, the town, a friend) does not, however much it says "I".
WORKER_TALK: Final = _rx(
    r"experience[ds]?|skills?|skilled|skill\s?set|expertise|expert|qualifi\w+|certifi\w+"
    r"|degree|diploma|mba|phd|masters|career|cv|resume|résumé|portfolio|track\s+record"
    r"|achievements?|accomplish\w*|promoted|promotion|responsib\w+|in\s+charge\s+of|managed"
    r"|managing|manager|management|supervis\w+|led\s+(?:a|the|my|our)|leading\s+(?:a|the|my)"
    r"|delivered|shipped|launched|hired|employers?|employed|colleagues?|clients?|stakeholders?"
    r"|deadlines?|kpis?|targets?|revenue|roles?|jobs?|positions?|professional\w*|industry"
    r"|sector|worked\s+(?:as|at|for|on|with|in)|working\s+(?:as|at|for)|years?\s+(?:of|in|as)"
    r"|strengths?|(?:good|great|strong|perfect|natural|right)\s+fit|asset|bring\s+to|contribute"
    r"|results|performance|trained|mentor\w*|apply\w*|application|interview\w*|hire\s+me"
    r"|your\s+(?:team|company|organi[sz]ation|department|firm)|the\s+(?:role|position|job)"
    r"|internships?|placements?|contracts?|freelanc\w*|consult\w*|specialis\w+|speciali[sz]\w+",
)
#: What follows a deed verb (`DEED`) that has no object (review 15 R11), fillers aside: the
#: clause ends, or a particle of motion, an adverb or a conjunction comes first ("I should run,
#: my train leaves", "I gotta run now", "I will run, see you", "I drove over and the garage was
#: full", "I drove down to the coast"). Leaving is a run with no object; a pitch's run has one ("I
#: ran the night shift", "I run a team of six"). Not "on", "up", "down" or "out", which may
#: carry one ("I improved on several of them", "I drove down costs", "I built out the team").
DEED_NO_OBJECT: Final = re.compile(
    r"(?:\s+(?:like|um|uh|er|literally|basically|actually|just|really))*"
    r"(?:\s*(?:[.?!;,:…()\-–—]|$)|\s+(?:down|up|out|over|back|off|round|across)\s+(?:to|into"
    r"|onto|at|from|through|past|the\s+(?:road|street|hill|coast|motorway|highway))(?![\w'’])"
    r"|\s+(?:to|into|onto|off|over|across|along|around|round|away"
    r"|back|through|past|home|here|there|now|then|today|tonight|yesterday|soon|late|early|fast"
    r"|quickly|again|too|and|but|or|so|because|as|when|while|if|though|before|until|since"
    r"|anyway|somehow|okay|ok|fine|well|alright|myself|ourselves)(?![\w'’]))",
    re.IGNORECASE,
)
#: What follows a run with no object besides `DEED_NO_OBJECT` ("I ran for the bus", "I run in
#: the mornings", "I ran up the hill", "I ran out").
RUN_NO_OBJECT: Final = re.compile(
    r"(?:\s+(?:like|um|uh|er|literally|basically|actually|just|really))*"
    r"\s+(?:for|on|in|at|with|by|from|after|out|up|down|twice"
    r"|once)(?![\w'’])",
    re.IGNORECASE,
)
#: What follows a verb of training in `ROLE_DEED` that trained oneself, not others ("I trained
#: as a civil engineer", "I trained in Stuttgart", "I retrained for nursing"): no claim.
TRAINED_ONESELF: Final = re.compile(
    r"\s+(?:as|in|at|for|with|under|on|to|up|hard|daily|every|myself|there|here)(?![\w'’])",
    re.IGNORECASE,
)
#: "I managed to <verb>": coping, never a claim of managing anything (review 15 R5).
MANAGED_TO: Final = re.compile(r"\s+to\s+[^\W\d_]", re.IGNORECASE)
#: What a deed done at work is done to, or what it moved (review 15 R5): the team, the site,
#: the business, a project, a product, a process, the budget, sales, costs or a figure ("led a
#: team of four", "ran the night shift", "cut costs by 30%", "drove sales up"). With
#: `WORKER_TALK` these make the deed's clause about work (`cues._claims_work`); a hike, a
#: treehouse, a half marathon, newspapers or tomatoes do not.
DEED_WORK: Final = _rx(
    r"teams?|staff|crews?|squads?|direct\s+reports|headcount|departments?|divisions?|units?"
    r"|branch(?:es)?|offices?|sites?|depots?|warehouses?|plants?|factor(?:y|ies)|clinics?|wards?"
    r"|practices?|restaurants?|kitchens?|business(?:es)?|compan(?:y|ies)|start[\s-]?ups?|firms?"
    r"|agenc(?:y|ies)|projects?|programmes?|programs?|initiatives?|campaigns?|products?"
    r"|launch(?:es)?|releases?|roll[\s-]?outs?|migrations?|platforms?|systems?|software"
    r"|pipelines?|process(?:es)?|operations|ops|logistics|payroll|marketing|accounts?|budgets?"
    r"|p\s?&\s?l|sales|revenue|costs?|profits?|margins?|growth|turnover|kpis?|quotas?|targets?"
    r"|(?:night|day|early|late|weekend|morning|evening)\s+shifts?|shifts|regions?"
    r"|territor(?:y|ies)|deals?|tenders?|bids?|audits?|onboarding|recruit\w*|hiring|training"
    r"|workshops?|strategy|roadmaps?|transformation|merger|overhaul|redesign|rebrand"
    r"|expansion|efficienc\w+|productivity|retention|engagement|conversions?|throughput|output"
    r"|downtime|backlog|overtime|supply\s+chain|hires?|users|subscribers|downloads|awards?"
    r"|apps?|websites?|certs?|turnarounds?|speciality|specialty|(?:lot|plenty|much)\s+to\s+offer"
    r"|prizes?|\w+fold|\d+\s*%|\d+\s*percent"
    r"|percent|per\s+cent|[$£€]\s*\d[\d,.]*\s*[km]?|\d+\s*k\s+(?:a|per)\s+(?:year|month)"
    r"|millions?|billions?"
    r"|by\s+(?:a\s+)?(?:half|third|quarter|fifth|tenth)",
)
#: Work named in the manager's line besides hiring (`HIRING_LINE`) and a candidate's words
#: (`cues._claims_work`): the people they need ("We need someone who can lead a small team",
#: "We're always looking for good producers"), careers, a job fair, whether the seeker is up to
#: the work ("Would you be up for a challenge like that?", "Could you handle the workload?").
WORK_LINE: Final = _rx(
    r"(?:looking\s+for|need|needs|want|seeking)\s+(?:[\w'’-]+\s+){0,3}?(?:people|someone"
    r"|somebody|anyone|person|folks|staff|hands|[\w'’-]+(?:er|or|ist|ian|ant|ent|eer)s?)"
    r"|job\s+fair|careers?\s+fair|careers?|switch\w*\s+(?:careers?|fields?|industr\w+|jobs?)"
    r"|(?:up\s+for|ready\s+for|handle|cope\s+with|take\s+on)\s+(?:(?:a|the|that|this|such\s+a)\s+)?"
    r"(?:[\w'’-]+\s+)?(?:challenge|role|job|position|responsibilit(?:y|ies)|workload|pace)",
)
#: "So you're in marketing?", "and you've been nursing long?": a question about the seeker
#: that `ABOUT_YOU_QUESTION` does not open (`cues._asks_about_work`).
SO_YOU: Final = re.compile(
    rf"^\W*(?:so|and)\s+(?:you{A}re|you\s+are|you{A}ve|you\s+have|you{A}d)(?![\w'’])",
    re.IGNORECASE,
)
#: The manager's question about the seeker's own work, past or status ("What do you do now?",
#: "Where are you working these days?", "What's your background?", "How long have you been
#: nursing?", "Tell me a bit about yourself.", "so you came over from the warehouse side"): a
#: plain fact answers it (`PLAIN_FACT`), and pitches nothing.
ABOUT_YOU_QUESTION: Final = _rx(
    rf"(?:what|where|how|which|who|when)(?:{A}s|{A}re)?\s+(?:[\w'’-]+\s+){{0,4}}?"
    r"(?:you|your|yourself)",
    r"(?:do|did|are|were|have|had|is|was)\s+(?:you|your)",
    r"tell\s+me\s+(?:[\w'’-]+\s+){0,3}?about\s+(?:you|your|yourself)",
    r"^\W*(?:so|and)\s+(?:you|your)|you\s+ever",
)
#: What the manager's question about the seeker must be about for a plain fact to answer it:
#: their work, past or status ("what do you do", "where are you working", "your background",
#: "how long have you been", "yourself"), not small talk ("How was your trip in?", "Are you
#: enjoying the conference?", "Do you have any questions for me?"). The work is in the question's
#: structure, not in a word that may be about it: "How long have you been waiting?", "How much
#: did parking cost you?", "Did you catch the leadership talk?" ask nothing about it.
SEEKER_WORK_TOPIC: Final = _rx(
    # what do you do (not "what did you do last weekend"), what are you doing for work
    r"what\s+(?:do|did)\s+you\s+do(?!\s+(?:last|this|over|on|for\s+(?:fun|lunch|dinner)|tonight"
    r"|today|yesterday|after|with|about|then)(?![\w'’]))",
    r"doing\s+(?:now|these\s+days|nowadays|for\s+(?:work|a\s+living)|at\s+the\s+moment"
    r"|right\s+now|currently)|what\s+are\s+you\s+(?:currently\s+)?working\s+on"
    rf"|what(?:{A}s|\s+are|\s+is)?\s+(?:you|u)\s+up\s+to\s+(?:these\s+days|nowadays|lately"
    r"|at\s+the\s+moment|work\w*)",
    # where do you work, who are you working for, what company are you with
    r"where\s+(?:do|did|are|were)\s+you\s+(?:currently\s+|now\s+)?(?:work|working|worked"
    r"|employed|based|study|studying|studied|train|trained|go\s+to\s+school)",
    r"who\s+(?:do|did|are|were)\s+you\s+(?:currently\s+)?(?:work|working)\s+(?:for|with)",
    r"(?:what|which)\s+(?:company|firm|organi[sz]ation|agency|hospital|clinic|school|industry"
    r"|field|department)\s+(?:are|were|do|did)\s+you",
    # your (current) role, job, background...
    r"(?:your|ur)\s+(?:(?:current|last|previous|present|day|main|old|most\s+recent|own)\s+)?"
    r"(?:role|job|jobs|work|position|background|field|experience|career|trade|profession"
    r"|occupation|line\s+of\s+work|title|speciality|specialty|degree|studies|training"
    r"|qualifications?|employer|company|business|industry|expertise|resume|résumé|cv|story)",
    r"(?:what|which)\s+(?:kind|sort|type|line)\s+of\s+(?:work|job|role|business|field|position"
    r"|experience)|line\s+of\s+work",
    # how long have you been a nurse / in the trade / in logistics / doing this / working there
    r"how\s+(?:long|many\s+years)\s+(?:have|had)\s+you\s+been\s+(?:an?\s|doing|working|employed"
    r"|practi[cs]ing|teaching|nursing|coding|programming|driving|cooking|designing|selling"
    r"|freelancing|managing|leading|running"
    r"|(?:in|at|with)\s+(?:(?:the|your|this|that)\s+)?(?:trade|field|industry|role|job|position"
    r"|company|business|profession|line|work|career|firm)"
    r"|in\s+(?!(?:the|a|an|this|that|town|line|here|there|queue|person|bed)(?![\w'’]))[a-z])",
    r"how\s+(?:long|many\s+years)\s+(?:have|had|did)\s+you\s+(?:work|worked|been\s+working"
    r"|done|been\s+doing|taught|managed|led|run|practi[cs]ed)",
    r"how\s+many\s+years\s+(?:of|in)\s",
    # how much team leading have you done (not "how much did parking cost you", "how many
    # coffees have you had")
    r"how\s+(?:much|many)\s+(?:[\w'’-]+\s+){1,3}?(?:have|had|did)\s+you\s+(?:done|do|worked"
    r"|led|managed|run|ran|built|taught)",
    # "so you came over from the warehouse side", "what's your name" (who the seeker is)
    r"(?:came|come|moved|switched|transferred)\s+over\s+from|(?:switched|transferred)\s+from"
    r"|your\s+name",
    # tell me about yourself; studies; status; leading or managing people
    r"about\s+(?:yourself|you(?![\w'’]))|introduce\s+yourself|describe\s+yourself",
    r"what\s+(?:do|did|are)\s+you\s+(?:study|studied|studying|major|majored|majoring)",
    r"(?:are|were)\s+you\s+(?:still\s+|currently\s+|now\s+)?(?:a\s+student|in\s+school|studying"
    r"|at\s+(?:university|college|uni)|working|employed|between\s+jobs|looking\s+for\s+(?:work"
    r"|a\s+job|a\s+role))",
    r"(?:do|did|have|are|were)\s+you\s+(?:ever\s+|currently\s+)?(?:lead|led|leading|manage"
    r"|managed|managing|supervis\w+|oversee|overseen|run|ran|running)\s+(?:a|an|the|any|people"
    r"|teams?|staff|projects?|your|their|other)(?![\w'’])",
    r"(?:were|was)\s+you\s+(?:[\w'’-]+\s+){0,2}?before\s+(?:this|that|now)"
    r"|what\s+(?:do|did)\s+you\s+(?:[\w'’-]+\s+){0,2}?before\s+(?:this|that|now)",
)
#: What makes a question about the seeker invite a pitch, an opinion or an offer, not a fact:
#: why, fit, strengths, interest in the job, availability, what they think ("Why should we hire
#: you?", "What are your strengths?", "Are you interested in applying?", "What did you think of
#: the talk?", "Would you like a coffee?").
PITCH_INVITE: Final = _rx(
    r"why|interest\w*|keen|apply\w*|consider\w*|join\w*|hire|hiring|fit|bring|strengths?"
    r"|weakness\w*|makes\s+you|offer\w*|want|wanna|would\s+you\s+(?:like|love)|(?:like|love)\s+to"
    r"|see\s+yourself|expect\w*|salary|pay|availab\w*|(?:can|could|would)\s+you\s+start|proud"
    r"|best|good\s+at|achiev\w*|accomplish\w*|friends|say\s+about|coffee|tea|drink|lunch|help"
    # an opinion asked for, not a fact ("What did you think of the presentation?")
    r"|think|thought|thoughts|opinion|make\s+of|feel\s+about",
)
#: A self-promotion match that states a plain fact of one's work: years in it, a job held, what
#: one runs, leads or built, a degree ("I've been a nurse for six years", "I run a small
#: bakery", "I have a master's in public health"); after a modal it is a claim ("I could run
#: that place in my sleep"), and results are no plain fact ("I've delivered every project",
#: "I shipped", "I launched", "I grew", "I cut").
PLAIN_FACT: Final = re.compile(
    rf"(?:i|{IVE}|i{A}ve\s+got)\s+(?:\w+\s+){{0,2}}years?\s+(?:of\s+)?(?:\w+\s+)?experience"
    rf"|{IVE}\s+been\s+(?:a|an)\s+(?:\w+\s+){{0,3}}?for\s+(?:\w+\s+)?years"
    rf"|(?:i|{IVE})\s+{_not_after(_MODALS, where='gap')}"
    r"(?:led|managed|built|run|ran|oversaw|founded|drove)"
    rf"|{_ROLE_DEED}"
    rf"|(?:i|{IVE})\s+(?:have|hold|got)?\s*(?:a|an)\s+(?:\w+\s+)?(?:master{A}?s|mba|phd"
    rf"|doctorate|degree|certification|bachelor{A}?s)",
    re.IGNORECASE,
)
#: Words that make a fact about one's work a boast: results, scale, ranks ("cut costs by 18%",
#: "a two million dollar budget", "the top performer", "beat my targets").
BRAG: Final = _rx(
    r"increas\w*|doubl\w*|tripl\w*|cut|cuts|reduc\w*|saved|saving|won|wins|exceed\w*|beat"
    r"|beating|boost\w*|improv\w*|grew|record|awards?|award[\s-]winning|promot\w*|top|best"
    r"|better\s+than|percent|per\s+cent|hundreds?|thousands?|millions?|billions?|revenue"
    r"|profits?|targets?|quotas?|ranked|number\s+one|fastest|biggest|largest|turned\s+around"
    r"|single[\s-]?handed\w*|\d+\s*%|[$£€]\s*\d+|\d+\s*k|\d{3,}",
)
#: At most this many words outside its questions: a short answer, not a pitch in instalments.
FACT_ANSWER_WORDS: Final = 25
#: Around "interview" in a time question, what makes it the seeker's interview, not the other
#: person's work ("When do you interview users?", "when do you do the user interviews", "when do
#: you think interviewing gets easier"): before it a subject, an article or a verb of doing or
#: starting (no noun of theirs: "user", "researchers"); after it nothing more, "me"/"us", or
#: words about the interviews themselves ("start", "happen", "for the role", "process", "lol").
_BEFORE_INTERVIEW: Final = (
    r"(?:i|we|me|us|you|they|guys|a|an|the|any|your|our|my|to|do|does|doing|start|starting|begin"
    r"|think|could|can|would|will|should|might|for|more|first|next|final|second|phone|video"
    r"|formal|official|in[\s-]person|onsite|job)"
)
_THE_SEEKERS_INTERVIEW: Final = (
    r"(?=\s*(?:[?.!,;…]|$)|\s+(?:me|us|for|with|at|in|on|process|rounds?|stages?|start\w*|begin\w*"
    r"|happen\w*|take\s+place|be|is|are|will|would|going|again|soon|then|this|that|next|season"
    r"|slots?|dates?|times?|day|week|lol|and|or|so|cause|because)(?![\w'’]))"
)
#: Their organisation or team, named as theirs ("your team", "the lab", "this company"): the
#: place a step leads into when the step asks for it (`JOB_REQUEST`, `PLACE_ASKED`).
_THEIR_ORG: Final = (
    r"(?:your|this|the|y['’]?all['’]?s)\s+(?:(?!(?:for|to|of|with|in|on|at|from|about|by)\s)"
    r"[\w'’&-]+\s+){0,2}?(?:team|teams|group|company|firm"
    r"|lab|department|dept|unit|crew|org|organi[sz]ation|practice|studio|squad|agency|startup"
    r"|business|programme|program|cohort|graduate\s+scheme|scheme|intake|side|project)(?![\w'’-])"
)
_THEIR_PLACE: Final = (
    rf"(?:here|there(?=\s*[?.!,;…]|\s*$)|with\s+you(?:\s+guys|\s+all)?|{_THEIR_ORG})(?![\w'’])"
)
#: What a seeker may have put forward for the position: their name, CV or application.
_MINE: Final = r"my\s+(?:name|cv|resume|résumé|details|profile|application|candidacy)"
JOB_REQUEST: Final = _rx(
    r"(?:are|is|were)\s+(?:you|your\s+\w+|they|you\s+guys|anyone|the\s+team)\s+(?:\w+\s+)?hiring",
    r"(?:you|they|you\s+guys|your\s+\w+|the\s+team|the\s+company)\s+(?:might\s+be|may\s+be|are|is"
    r"|were|was|would\s+be|will\s+be)\s+(?:\w+\s+)?hiring",
    rf"{IM}\s+(?:\w+\s+)?applying|here(?:{A}s|\s+is)\s+my\s+(?:resume|cv|résumé|portfolio)",
    r"(?:hiring|application|interview|recruiting|recruitment)\s+process",
    r"(?:any|an|the|some|one\s+of\s+the)\s+(?:\w+\s+)?(?:openings?|vacanc(?:y|ies)|open\s+"
    r"(?:roles?|positions?|jobs?))",
    r"anything\s+(?:open|going|available)",
    rf"(?:how\s+(?:do|can|would|should|could)\s+i|{ID}\s+(?:like|love)\s+to|i\s+want\s+to|can\s+i"
    rf"|could\s+i|{IM}\s+going\s+to|i{A}ll)\s+(?:\w+\s+)?apply",
    r"(?:my|an|the)\s+application",
    r"apply\s+(?:for|to)\s+(?:it|the|this|that|one|a|your)",
    r"(?:get|land|set\s+up|arrange|schedule|give|have|book)\s+(?:me\s+)?(?:an?\s+)?interview",
    r"(?:refer|recommend)\s+me",
    r"put\s+in\s+a\s+(?:good\s+)?word",
    r"(?:send|pass|forward|give|share|show|look\s+at|see)\s+(?:you\s+|on\s+)?my\s+(?:resume"
    r"|cv|résumé|portfolio|details)",
    r"my\s+(?:resume|cv|résumé)\s+(?:on|over|along|to)",
    rf"(?:get|land|secure|win)\s+(?:the|this|that|a|an)\s+{JOB}",
    r"(?:get|be|getting)\s+hired|hire\s+me|consider\s+me",
    rf"(?:like|want|need|love)\s+a\s+{JOB}\s+(?:on|in|at|with)",
    r"a\s+job,?\s+ideally",
    r"foot\s+in\s+the\s+door",
    # a step whose goal is their place (session 11, review 10 R20): "would a bootcamp help me get
    # in here", "how do I get on your team", "what would get me into your lab", "is it worth
    # sending you my cv first", "should I apply here or wait" (advice on getting into THEIR
    # place still asks for it; "help me get into tech" is one's own path)
    rf"(?:(?:me|i|i{A}d|i{A}ll|id|myself|us|we)\s+(?:[\w'’-]+\s+){{0,2}}?(?:get|getting|break"
    rf"|breaking)|(?:get|gets|getting)\s+me)\s+(?:in|into|onto|on)\s+{_THEIR_PLACE}",
    # the step asked about as advice, the seeker implied: "is it worth doing a bootcamp to get in
    # here", "would a certificate help to get on your team"
    r"(?:is\s+it\s+(?:really\s+|even\s+)?worth|would\s+it\s+help|does\s+it\s+help|should\s+i"
    r"|(?:do|would|will)\s+i\s+(?:really\s+|even\s+)?need|would\s+(?:a|an|the|my|some)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+help)\s+"
    rf"(?:[\w'’-]+\s+){{0,5}}?(?:to\s+)?(?:get|break)\s+(?:in|into|onto|on)\s+{_THEIR_PLACE}",
    rf"apply(?:ing)?\s+(?:here|there|to\s+you|with\s+you|(?:to|at|with)\s+{_THEIR_ORG})(?![\w'’])",
    r"(?:sending|sent|passing|forwarding|giving|sharing|showing)\s+you\s+my\s+(?:resume|cv|résumé"
    r"|portfolio|details|application)",
    r"introduce\s+me\s+to\s+the\s+hiring",
    # "introduce me to whoever's hiring for it", "connect me with the person who does the hiring"
    r"(?:introduce|connect)\s+me\s+(?:to|with)\s+(?:whoever|the\s+(?:person|people|one)|someone"
    r"|anyone)(?:['’]?s|\s+(?:who|that)(?:['’]?s)?)?\s+(?:is\s+|are\s+|does\s+(?:the\s+)?)?"
    r"(?:hiring|recruiting)",
    # agreeing to be put forward, or asking for it: "put me forward", "put my name in", "send
    # my CV through", "submit me", "go ahead and refer me" ("put me in touch", "pass me on to
    # someone in research" seek a referral to learn, not the position)
    rf"put\s+(?:me|{_MINE})\s+(?:forward|up\s+for\s+(?:it|the|this|that))",
    rf"put\s+{_MINE}\s+(?:in|down|through|on\s+the\s+(?:list|shortlist|pile)|in\s+the\s+hat)",
    rf"(?:send|pass|push|forward|take)\s+(?:me|{_MINE})\s+(?:forward|through)",
    rf"(?:send|pass|push|forward)\s+{_MINE}\s+(?:on|along|over|in|up)",
    rf"(?:submit|nominate|shortlist)\s+(?:me|{_MINE})",
    r"go\s+ahead\s+and\s+(?:put|send|pass|submit|forward|refer|recommend|nominate|sign|add)\s+me",
    # an interview asked for as a time: "when could I interview", "when can I come in for an
    # interview", "when do interviews happen", "how soon would the interviews be" (not the
    # other person's own story: "when did you interview here" has no such auxiliary)
    rf"(?:when|how\s+soon|what\s+(?:time|day|date|week))(?:{A}s|{A}re|\s+(?:can|could|would|will"
    rf"|do|does|should|might|shall|may|are|is))\s+(?:(?:[\w'’-]+\s+){{0,5}}?{_BEFORE_INTERVIEW}\s+)?"
    rf"interview(?:s|ing)?{_THE_SEEKERS_INTERVIEW}",
    rf"how\s+long\s+(?:until|till|before)\s+(?:(?:[\w'’-]+\s+){{0,3}}?{_BEFORE_INTERVIEW}\s+)?"
    rf"interview(?:s|ing)?{_THE_SEEKERS_INTERVIEW}",
)
#: Where the seeker's own candidacy stands (session 15, issue 12): their application, interview,
#: offer or offer letter, contract, shortlist, the decision on them or their start date
#: (`_MY_STEP`), asked after ("any update on my application", "any news on the offer letter",
#: "how's my application looking", "has the contract been sent", "have you decided about me",
#: "did I get it", "am I on the shortlist", "where do I stand", "when will I hear"): a request
#: for the position, `job_request` (`JOB_REQUEST`'s "my application" was there already; "hear
#: back" moved here, review 15 R4). Not the state of other things ("any update on the launch",
#: "how's the new office coming along", "has the contract with the council been signed", "any
#: news on Priya's application", "how did your interview go", "the offer you made the other
#: candidate", "where do things stand with the merger", "when will you hear back from the
#: funder", or a step the manager's line named as another's, `STEP_OF_OTHERS`).
_STEP_NOUN: Final = (
    r"(?:application|applications|interview|interviews|offer(?:\s+letter)?|contract|paperwork"
    r"|references?|background\s+check|start\s+date|candidacy|cv|resume|résumé|submission"
    r"|assessment|test\s+results?|results?|status|onboarding|feedback|chances|next\s+round"
    r"|second\s+round|final\s+round|case|file)"
)
#: What names a step as the seeker's: "my"; or one of the steps that in a talk about a job can
#: only be theirs ("the offer letter", "the shortlist", "the contract" and "the decision" with
#: nothing of another's after them: not "the contract with the council", "the decision on the
#: merger").
_MY_STEP: Final = (
    rf"(?:my\s+(?:[\w'’-]+\s+)?{_STEP_NOUN}"
    r"|(?:the|that)\s+(?:[\w'’-]+\s+)?(?:application|portfolio|cv|resume|résumé|forms?|paperwork"
    r"|documents?|test|assessment|references?|samples?|submission)\s+(?:that\s+)?i\s+(?:submitted"
    r"|sent(?:\s+(?:in|over|off))?|uploaded|dropped\s+off|gave\s+you|emailed|left|filled\s+(?:in"
    r"|out)|handed\s+in|did|turned\s+in)"
    r"|your\s+(?:job\s+|written\s+|formal\s+|official\s+)?offer(?:\s+letter)?"
    r"|(?:the|a|an|any)\s+decision\s+(?:on|about|regarding)\s+(?:me|my|the\s+(?:role|job|position"
    r"|post))(?![\w'’])"
    r"|(?:the|an?)\s+(?:job\s+|written\s+|formal\s+|official\s+)?(?:offer\s+letter|offer"
    r"|shortlist|short\s+list|contract|start\s+date|paperwork|next\s+steps?)"
    r"(?!\s+(?:with|for|on|from|of|to|about|at|between|over|in)\s+(?!(?:me|my|its\s+way|the\s+"
    r"(?:role|job|position|post))(?![\w'’]))[\w'’-])"
    # nor a relative clause of another's (review 15 R4): "the offer you made the other
    # candidate", "the contract they signed" ("the offer you made me" is the seeker's)
    r"(?!\s+(?:that\s+|which\s+)?(?:you|they|he|she|we|the\s+[\w'’-]+)\s+[\w'’-]+(?![\w'’])"
    r"(?!\s+(?:to\s+)?me(?![\w'’]))))(?![\w'’])"
)
#: A manager's line naming an offer, contract, start date or paperwork as someone else's (review
#: 15 R4): "We made an offer to a contractor last week.", "the contract for the new supplier",
#: "Priya's start date": "has the offer been accepted?" after it asks after theirs, not the
#: seeker's (`cues.seeker_cues`, only for a step named bare, with no "my", "me" or "I").
STEP_OF_OTHERS: Final = _rx(
    r"(?P<noun>offer|contract|start\s+date|paperwork)s?(?:\s+(?:out|over|off|made|sent|going|in))?"
    r"\s+(?:to|for|with)\s+(?!(?:you|yourself"
    r"|the\s+(?:role|job|position|post))(?![\w'’]))[\w'’-]+",
    # a possessive, typed or recognised ("Priya's offer", "priyas offer"; not "this offer")
    r"(?!(?:this|thus|is|was|has|does|as|us|yes|plus|its|lets|whats|thats|yours|ours)\s)[\w'’-]+"
    r"(?:['’]s|(?<=[^\W\dsu_]s))\s+(?:(?:job|new|written|formal)\s+)?(?P<noun2>offer|contract"
    r"|start\s+date|paperwork)",
)
#: A bare step as it stands in `_MY_STEP` ("the offer", "the contract").
BARE_STEP: Final = _rx(
    r"(?:the|an?)\s+(?:job\s+|written\s+|formal\s+|official\s+)?(?P<noun>offer|contract"
    r"|start\s+date|paperwork)"
)
#: The seeker named in a step asked after: "my", "me", "I", "mine".
SEEKER_NAMED: Final = _rx(r"my|me|mine|i|i['’](?:d|m|ve|ll)|myself")
#: What a step of one's own has done or become, asked after: sent, signed, confirmed, through,
#: still going ahead, passed on, cleared.
_STEP_STATE: Final = (
    r"(?:(?:get|got|gotten|been)\s+)?(?:sent|signed|approved|processed|reviewed|looked\s+at"
    r"|come\s+through|gone\s+(?:out|through|off)|through|ready|done|sorted|finali[sz]ed|confirmed"
    r"|decided|drawn\s+up|seen|received|moving|out|in\s+the\s+post|on\s+its\s+way|made|drafted"
    r"|going\s+ahead|happening|still\s+on|back\s+on|cleared|passed\s+(?:on|along)|lost|forwarded"
    r"|picked\s+up|accepted|rejected|successful|shortlisted)(?![\w'’])"
)
#: A step of one's own and its state, which `cues.seeker_cues` reads only inside a question
#: ("Does that mean my start date of the first of December is confirmed?", "so my offer is back
#: on?"); a statement ("my interview is next week", "my contract was signed in May") asks
#: nothing.
OWN_STEP_STATE: Final = _rx(
    rf"{_MY_STEP}(?:\s+[\w'’-]+){{0,6}}?\s+(?:is|was|has|had|got|gets|been|will\s+be|would\s+be)\s+"
    rf"(?:(?:still|already|actually|ever|even|been|all|now|finally)\s+){{0,2}}{_STEP_STATE}",
)
OWN_STATUS: Final = _rx(
    r"(?:any|an|the\s+latest|the)\s+(?:(?:more|further|quick|new|recent)\s+)?(?:updates?|news"
    r"|word|progress|feedback|movement|joy|luck|status|developments?)\s+(?:on|about|regarding"
    rf"|re|with|from\s+(?:hr|them|the\s+team|the\s+panel)\s+(?:on|about))\s+{_MY_STEP}",
    rf"what{A}s\s+(?:the\s+)?(?:status|latest|update|news|word|story|state|progress|situation)\s+"
    rf"(?:on|of|with|regarding)\s+{_MY_STEP}",
    rf"how{A}s\s+{_MY_STEP}\s+(?:going|looking|coming\s+along|progressing|getting\s+on|doing)",
    rf"how\s+(?:is|are)\s+{_MY_STEP}\s+(?:going|looking|coming\s+along|progressing|getting\s+on)",
    rf"(?:has|have|is|was|are|did|does)\s+{_MY_STEP}\s+(?:(?:already|actually|even|been|ever|still)"
    rf"\s+){{0,2}}{_STEP_STATE}",
    rf"(?:whether|if)\s+{_MY_STEP}\s+(?:(?:has|had|is|was|will|would|got|gets|did|does)\s+)?"
    rf"(?:(?:still|already|actually|ever|even|been|all)\s+){{0,2}}{_STEP_STATE}",
    r"(?:is|has|was|did)\s+mine\s+(?:(?:been|already|actually|still|ever|even)\s+){0,2}(?:in|through"
    r"|gone|sent|signed|come|got|made|among|there|processed|approved|reviewed|cleared|received"
    r"|call(?:ed)?\s+(?:you|back))(?![\w'’])",
    r"(?:should|would)\s+i\s+have\s+(?:(?:already|heard|got|gotten|received)\s+)?(?:received|got"
    r"|gotten|heard)(?![\w'’])",
    rf"where\s+(?:do|does|did)\s+(?:i|{_MY_STEP})\s+stand",
    # "where do things stand" with nothing after, or with me or a step of mine (review 15 R4:
    # not "where do things stand with the merger")
    rf"where\s+(?:do|did)\s+things\s+stand(?=\s*(?:[?.!,;…]|$)|\s+(?:with|for|on)\s+(?:me|us"
    rf"|{_MY_STEP})(?![\w'’]))",
    # hearing back (one declaration, review 15 R4): "when will I hear back", "how long till you
    # hear back usually", "did you hear back from your boss about me"; not from a third party
    # with nothing of the seeker after ("when will you hear back from the funder")
    r"hear\s+back(?!\s+from\s+(?!(?:you|them|hr|us|recruit\w*|(?:the|your)\s+(?:team|panel"
    r"|recruiters?|hiring\s+[\w'’-]+|company|board|manager|interviewers?|hr))(?![\w'’]))"
    r"(?![^.?!;]{0,60}?(?<![\w'’])(?:me|my|mine|myself|i)(?![\w'’])))",
    rf"where\s+(?:am\s+i|are\s+(?:we|things)|is\s+{_MY_STEP})\s+(?:at\s+)?(?:with\s+{_MY_STEP}|in\s+"
    r"the\s+(?:process|pipeline|queue))",
    r"where\s+am\s+i\s+at(?=\s*(?:[?.!,;…]|$))",
    r"(?:have|has|did)\s+(?:you|they|the\s+(?:team|panel|board)|you\s+guys|y['’]?all|anyone)\s+"
    r"(?:(?:already|actually|finally|ever)\s+)?(?:decided|decide|made\s+(?:a|your|their|any)"
    r"\s+decisions?|make\s+(?:a|your|their|any)\s+decisions?|c[oa]me\s+to\s+a\s+decision"
    r"|reach(?:ed)?\s+a\s+decision|made\s+up\s+(?:your|their)\s+minds?|make\s+up\s+(?:your|their)"
    r"\s+minds?)(?:\s+yet)?\s+(?:about|on|regarding)\s+(?:me|my\s+[\w'’-]+|the\s+candidates"
    r"|(?:the|that)\s+(?:[\w'’-]+\s+){0,2}?(?:role|job|position|post|spot|place|opening|vacancy)"
    r"|whether\s+(?:to\s+)?(?:hire|take|offer|bring))(?![\w'’])",
    r"(?:did|have|has)\s+(?:you|they|anyone)\s+(?:(?:had\s+a\s+chance\s+to|get\s+a\s+chance\s+to"
    r"|managed\s+to)\s+)?(?:get|got|gotten|receive[d]?|see|seen|look(?:ed)?\s+(?:at|over)|read"
    r"|review(?:ed)?|go(?:ne)?\s+through)\s+my\s+(?:application|cv|resume|résumé|portfolio"
    r"|references?|paperwork|email|details|submission|forms?)(?![\w'’])",
    r"did\s+i\s+(?:get|make|land)\s+(?:it|the\s+(?:job|role|position|post|offer|cut|shortlist"
    r"|part|place|spot)|in|through)(?=\s*(?:[?.!,;…]|$)|\s+(?:or|then|for\s+(?:the|this|that))"
    r"(?![\w'’]))",
    r"i\s+(?:applied|interviewed|sent\s+(?:in\s+)?(?:my|an?)|submitted|put\s+in)(?![\w'’])"
    r"[^.?!;]{0,80}?(?:any|an|the\s+latest)\s+(?:updates?|news|word)\s+(?:on|about)\s+(?:that|it"
    r"|this)(?![\w'’])",
    r"(?:am|was)\s+i\s+(?:still\s+)?(?:on\s+the\s+short\s?list|short\s?listed|in\s+the\s+running"
    r"|in\s+contention|through(?:\s+to\s+the\s+next\s+round)?|successful|in(?=\s*[?.!]))",
    r"when\s+(?:will|would|can|do|should|might|could)\s+i\s+(?:(?:likely|probably|expect\s+to"
    # "hear back" is the declaration above's
    r"|be\s+able\s+to)\s+)?(?:hear(?!\s+back)|know|find\s+out|get\s+(?:word|news|an?\s+answer|the\s+(?:offer"
    r"|contract|letter|decision|results?|paperwork)|feedback|a\s+decision|results?|an?\s+offer)"
    r"|see\s+(?:the|an?)\s+(?:offer|contract))(?=\s*(?:[?.!,;…]|$)|\s+(?:from\s+(?:you"
    r"|them|hr|the\s+(?:team|panel|recruiter|hiring\s+\w+))|(?:if|whether)\s+(?:i|i['’]?(?:ve|m"
    r"|d))|about\s+(?:my|me|it|the\s+(?:role|job|position|offer|interview|application))|one\s+way"
    r"|either\s+way|anything|something|then|roughly)(?![\w'’]))",
)
#: Asking after the state of something that is not the seeker's own candidacy (session 15): "any
#: update on the launch", "any news on Priya's application", "how's the new office coming
#: along", "has the merger been finalised": about them, so the sentence model may not read a
#: request into such a question (`cues.silent_spans`) unless it names the seeker's own step
#: (`OWN_STATUS`, `OWN_STEP_STATE`).
OTHER_STATUS: Final = _rx(
    r"(?:any|an|the\s+latest|the)\s+(?:(?:more|further|quick|new|recent)\s+)?(?:updates?|news"
    r"|word|progress|movement|developments?)\s+(?:on|about|regarding|re|with|from)",
    rf"how{A}s\s+(?:the|your|their|his|her|[\w'’-]+{A}s)\s+(?:[\w'’-]+\s+){{0,3}}?(?:going"
    r"|coming\s+along|looking|progressing|getting\s+on)",
    rf"what{A}s\s+the\s+(?:status|latest|update|news)\s+(?:on|of|with)",
    r"where\s+(?:does|do|is|are)\s+(?:the|your|their)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+stand",
    r"(?:has|have|is|was)\s+(?:the|your|their)\s+(?:[\w'’-]+\s+){0,5}?(?:been\s+)?(?:finali[sz]ed"
    r"|decided|approved|signed|launched|closed|done|finished|released|announced|made|agreed"
    r"|sorted)",
)
#: Who gets the pay, when it is the seeker's side: the role, its staff, its people. After a pay
#: word "for/to the <anyone else>" ("the benefits for the clinics"), "the <anyone else> get"
#: ("the benefits the patients get") or "from/out of it" ("make money from it") is about another
#: party, not the seeker's compensation.
_SEEKERS_SIDE: Final = (
    r"role|job|position|post|staff|employees?|team|hires?|new\s+(?:hires?|starters?)|interns?"
    r"|workers?|people\s+(?:in|on)|contractors?|me|us|you|someone|anyone|everyone|new\s+joiners?"
)
_OTHER_PARTY: Final = (
    # "money-wise, for the donors" (review 15 R7): the "-wise" and a comma may come between
    r"(?:[\s-]?wise)?,?(?:\s+[\w'’-]+)?\s+(?:for|to)\s+(?:the|our|your|their|these|those|its"
    r"|all\s+the)\s+"
    # "the numbers for the coordinator role": the role's, a word before it aside
    # (session 17: up to three words before it, "for the warehouse lead position", "for the
    # site manager job")
    rf"(?!(?:[\w'’-]+\s+){{0,3}}?(?:{_SEEKERS_SIDE})(?![\w'’]))[^\W\d_]"
    r"|\s+(?:the|our|your|their|these|those|its)\s+"
    rf"(?!(?:{_SEEKERS_SIDE})(?![\w'’]))[\w'’-]+\s+(?:get|gets|got|receive|receives|see|sees"
    r"|have|has|need|needs|lose|lost)(?![\w'’])"
    r"|\s+(?:from|off|out\s+of)\s+(?:it|that|this|them|the|your|its|their|those|these|ads"
    r"|data|customers|clients)(?![\w'’])"
)
_FOR_OTHERS: Final = rf"(?!{_OTHER_PARTY})"
#: The same, found after a pay question's span that no pattern of `TERM_WORDS` carries (the
#: figure asked without a pay word, `cues._figure_asked`: "what are the numbers like for the
#: donors"; review 15 R7).
FOR_OTHERS: Final = re.compile(_OTHER_PARTY, re.IGNORECASE)
#: "make money" said of the business ("how do you make money", "how does the platform make
#: money"): the seeker making money names a person ("could I make money doing this").
_MADE_MONEY: Final = r"(?<!make\s)(?<!makes\s)(?<!making\s)(?<!made\s)"
#: What one earns that is not pay ("earn their trust", "earned a reputation").
_EARNED_NOT_PAY: Final = (
    r"(?!\s+(?:(?:their|the|your|his|her|its|our|my|some|a|people['’]?s)\s+)?(?:trust|respect"
    r"|credibility|buy[\s-]?in|keep|place|stripes|reputation|spot|seat|confidence|loyalty|right"
    r"|way|name|praise|attention)(?![\w'’]))"
)
#: The seeker's own terms in the job, asked with "I" or "my" (session 11, the lead's decision:
#: a question about one's own pay, hours, shifts, remote work, days off or perks is an
#: interview, named as the pay-type cue, not commitment): "would I get to work from home on
#: Fridays", "could I work remotely", "do I get weekends off", "would I have to do nights",
#: "would I be on call", "what would my hours be", "how many hours would I work", "are my
#: shifts fixed". Not the other person's ("do you work from home") nor the work's content.
_MY_DAYS: Final = (
    r"(?:(?:the\s+|my\s+|some\s+|every\s+|alternate\s+)?(?:weekends?|fridays?|mondays?"
    r"|saturdays?|sundays?|evenings|nights|night\s+shifts?|late\s+shifts?|early\s+shifts?"
    r"|holidays|bank\s+holidays|christmas|overtime|on[\s-]?call|shifts|split\s+shifts"
    r"|double\s+shifts|doubles|lates|earlies))"
)
_MY_TERMS: Final = (
    r"(?:work(?:ing)?\s+(?:from\s+home|remotely|remote|from\s+anywhere|hybrid|flexi(?:ble)?"
    r"(?:\s+hours)?|part[\s-]time|(?:a\s+)?four[\s-]day\s+weeks?|compressed\s+hours|"
    rf"{_MY_DAYS})|wfh|telecommute|go\s+remote|be\s+(?:fully\s+|partly\s+)?remote"
    r"|(?:choose|pick|set)\s+my\s+(?:own\s+)?(?:hours|shifts|schedule|days)"
    r"|have\s+(?:flexible\s+hours|flexi[\s-]?time|(?:a\s+)?four[\s-]day\s+weeks?"
    rf"|{_MY_DAYS}\s+off|my\s+own\s+(?:car|office|parking|laptop|phone))"
    rf"|get\s+(?:{_MY_DAYS}\s+off|time\s+off|days\s+off|(?:a\s+)?(?:company\s+)?(?:car|phone"
    r"|laptop)|overtime|paid\s+[\w'’-]+|free\s+(?:parking|lunch|meals|food|gym)|parking"
    r"|(?:a\s+|any\s+)?(?:sign[\s-]?on\s+|joining\s+)?bonus(?:es)?|(?:a\s+)?(?:gym|travel)\s+"
    r"(?:membership|allowance|pass)|(?:a\s+)?(?:car|phone|travel|lunch|meal)\s+allowance)"
    rf"|be\s+on[\s-]?call|do\s+{_MY_DAYS}|cover\s+{_MY_DAYS})"
)
_MY_TERMS_ASKED: Final = (
    r"(?:would|will|could|can|do|did|am|should|might|may|shall|wouldn['’]?t|won['’]?t"
    r"|can['’]?t|don['’]?t)\s+(?:i|we)\s+(?:(?:still|also|ever|actually|really|usually"
    r"|normally|then|sometimes|occasionally|be\s+able\s+to|get\s+to|have\s+to|need\s+to"
    r"|be\s+expected\s+to|be\s+allowed\s+to|be\s+asked\s+to|be\s+free\s+to|ever\s+have\s+to)"
    rf"\s+){{0,2}}{_MY_TERMS}(?![\w'’-])"
    r"|what\s+(?:would|will|are|is)\s+my\s+(?:working\s+)?(?:hours|shifts?|schedule|rota"
    r"|days\s+off|start\s+date)(?:\s+(?:be|look\s+like|like))?(?![\w'’-])"
    r"|(?:what|which|how\s+many)\s+(?:hours|shifts|days|nights|weekends)\s+(?:a\s+week\s+|a\s+month"
    r"\s+|per\s+week\s+)?(?:would|will|do|should|might|could)\s+i\s+(?:(?:have\s+to|need\s+to"
    r"|be\s+expected\s+to|usually|normally)\s+)?(?:work|do|get|pull|cover|be\s+(?:working|doing"
    r"|on|expected))(?![\w'’-])"
    r"|(?:would|will|could|are|is)\s+my\s+(?:working\s+)?(?:hours|shifts?|schedule|rota|days)"
    r"\s+(?:be\s+)?(?:flexible|fixed|regular|set|negotiable|rotating|(?:fully\s+)?remote)"
    r"(?![\w'’-])"
)
#: The terms asked in words the pay list does not hold (session 13): the package itself ("what's
#: the package like", "what does the package look like", "what kind of package are we talking
#: about", "is the package negotiable"), help with a move ("do you offer relocation", "any help
#: with relocating"), the take-home pay, one's own health cover ("does it come with health
#: insurance"), days of holiday, and how commission or the pay's parts are set. Only the job's
#: package: "what's the software package you use" or "a care package" names no kind that pays
#: (a package named by a pay word, "the benefits package", is that word's cue already).
_PKG_KIND: Final = (
    r"(?:(?:overall|whole|full|total|entire|starting|typical|standard|usual|remuneration|benefit"
    r"|financial|joining|expat|employment|job)\s+)?"
)
_TERMS_ASKED: Final = (
    rf"(?:what|how)(?:{A}s|\s+(?:is|was|are|would\s+be|will\s+be|about))\s+(?:the|your|a|this"
    rf"|that|their)\s+{_PKG_KIND}package(?=\s*(?:like|look|[?.!,;]|$|for\s+(?:me|this\s+(?:role"
    r"|level|job)|someone)|at\s+this|overall|then|though|roughly|here"
    # session 17: "the package for the site manager job like", "for the store manager post"
    r"|for\s+(?:the|this|that|your)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post|vacancy"
    r"|opening)(?:\s*[?.!,;]|\s*$|\s+(?:like|look|then|roughly|though|here))"
    r")(?![\w'’]))"
    rf"|(?:what|how)\s+(?:does|do|would|will|did)\s+(?:the|your|a|this|that|their)\s+{_PKG_KIND}"
    r"package(?=\s+(?:look|include|consist|comprise|involve|come|work|break|cover))"
    rf"|(?:what|which)\s+(?:kind|sort|type|level)\s+of\s+{_PKG_KIND}package(?!\s+(?:do|does)\s+"
    r"(?:you|they|the\s+\w+)\s+(?:sell|ship|use|make|build|offer\s+(?:customers|clients)))"
    rf"|(?:is|are|would|will|does|could)\s+(?:the|your|this|that)\s+{_PKG_KIND}package(?=\s+"
    r"(?:be\s+)?(?:negotiable|competitive|include|includes))"
    rf"|how\s+much\s+of\s+(?:the|my|your)\s+{_PKG_KIND}package"
    r"|(?:relocation|remuneration|reward|rewards|salary|pay|joining|expat|sign[\s-]?on)\s+package"
    r"|(?:help|assistance|support|money|allowance|costs?|package|budget)\s+(?:with|for|towards?)\s+"
    r"(?:the\s+|my\s+)?(?:relocat\w+|moving(?:\s+costs)?|the\s+move)(?!\s+(?:for|of)\s+(?!me"
    r"(?![\w'’])))"
    r"|relocation\s+(?:help|assistance|support|allowance|bonus|costs?|budget|expenses)(?!\s+(?:for"
    r"|of)\s+(?!me(?![\w'’])|new\s+(?:hires|starters|staff)))"
    r"|(?:offer|provide|pay\s+for|cover|help\s+with|any)\s+relocation(?=\s*(?:[?.!,;]|$|packages?"
    r"|help|assistance|support|costs|for\s+(?:me|new\s+(?:hires|starters|staff))|and|or|if|too"
    r"|though|at\s+all)(?![\w'’]))"
    rf"|(?:what{A}s|what\s+is|what\s+would\s+be|how\s+much\s+is)\s+(?:the\s+|my\s+)?take[\s-]?home"
    r"|(?:health|medical|dental|vision|private\s+health)\s+(?:insurance|cover|coverage|plan)\s+"
    r"(?:like|included|through\s+(?:you|the\s+company|work))(?!\s+(?:for|of)\s+(?:your|the|their)"
    r"\s+(?:clients|customers|members|users|patients))"
    rf"|what(?:{A}s|\s+is)\s+the\s+(?:health|medical|dental|private\s+health)\s+(?:insurance"
    r"|cover|coverage|plan)\s+like"
    r"|(?:does|would|will|is)\s+(?:it|the\s+(?:role|job|position|post))\s+(?:come\s+with|include"
    r"|offer|have|provide)\s+(?:any\s+)?(?:health|medical|dental|vision|private\s+health)"
    r"\s+(?:insurance|cover|coverage|care|plan)(?=\s*(?:[?.!,;]|$|and|or|too|for\s+(?:me|my|the"
    r"\s+family))(?![\w'’]))"
    r"|how\s+many\s+(?:days|weeks)\s+(?:of\s+)?(?:holiday|annual\s+leave|leave)(?!\s+(?:do|does"
    r"|did|would|will|can)\s+(?:people|guests|customers|clients|they|families|visitors|tourists"
    r"|most))"
    r"|(?:(?:the|my|your|a)\s+)?commission\s+(?:structure|structured|cap|capped|uncapped|rate"
    r"|rates|split|plan|scheme)(?!\s+(?:for|of)\s+(?:the|your|their|our)\s)"
    r"|(?:is|are)\s+(?:the\s+)?commissions?\s+(?:capped|uncapped|on\s+top)(?!\s+(?:for|of)\s+"
    r"(?:the|your|their|our)\s)"
    r"|how\s+much\s+(?:is|of\s+(?:it|that|the\s+(?:pay|money|package))\s+is)\s+(?:the\s+)?"
    r"(?:base|basic|variable|fixed|guaranteed|ote|on[\s-]target)(?=\s*(?:[?.!,;]|$|and|or|vs"
    r"|versus|pay|salary|then|roughly)(?![\w'’]))"
)
#: Negotiating the role's terms as if it were offered (session 17 B): fewer office days ("could
#: I do two maybe", "would it be OK if I only came in two"), the terms for new starters ("would
#: that apply to new starters too?", "I'd want to keep working from home"), a contract that goes
#: permanent ("contract's fine as long as there's a chance it goes permanent"), who pays for
#: one's qualification ("would you help with chartership or would I have to sort the part three
#: myself"). The seeker's own terms after a line about the role's terms or an intake
#: (`TERMS_LINE`, `HIRING_LINE`, `INTAKE_LINE`; `cues.seeker_cues`): a pay question. How the team
#: itself works hybrid, or what their juniors get, asked in general, is no term of one's own.
TERMS_BARGAINED: Final = _rx(
    r"(?:could|can|would|might|may)\s+i\s+(?:(?:maybe|just|possibly|perhaps|only|still)\s+){0,2}"
    r"(?:do|get\s+away\s+with|manage|work|come\s+in|be\s+in)\s+(?:(?:just|only|maybe)\s+)?"
    r"(?:one|two|three|four|1|2|3|4|fewer|less)(?:\s+(?:days?|of\s+them|in))?",
    r"(?:would|could|will|is)\s+(?:it|that)\s+(?:be\s+)?(?:ok|okay|possible|alright|all\s+right"
    r"|fine|doable)\s+(?:if\s+i|to|for\s+me\s+to)\s+(?:only\s+|just\s+)?(?:do|did|come\s+in"
    r"|came\s+in|work|worked|be\s+in|was\s+in)\s+(?:(?:just|only)\s+)?(?:one|two|three|four|1|2"
    r"|3|4|fewer|less|from\s+home|remote\w*|part[\s-]time)",
    r"(?:would|does|will|is|do|could)\s+(?:that|it|this|the\s+same|those)\s+(?:also\s+|still\s+)?"
    r"(?:apply|count|extend|go|hold|stand)\s+(?:to|for)\s+(?:new\s+(?:starters|hires|joiners|staff"
    r"|people|recruits|employees|grads)|newcomers|newbies|me|someone\s+(?:new|like\s+me)|people"
    r"\s+(?:joining|starting))",
    rf"{ID}\s+(?:really\s+|still\s+|definitely\s+|ideally\s+)?(?:want|need|like|prefer|hope)\s+to\s+"
    r"(?:keep\s+|be\s+able\s+to\s+|carry\s+on\s+|stay\s+)?(?:working\s+(?:from\s+home|remote(?:ly)?"
    r"|part[\s-]time)|work(?:ing)?\s+(?:from\s+home|remote(?:ly)?|part[\s-]time)|wfh|remote"
    r"|be\s+(?:fully\s+|mostly\s+)?remote|do\s+(?:a\s+)?four[\s-]day)",
    r"(?:chance|possibility|option|prospect|hope|route|path|way)\s+(?:that\s+|of\s+)?(?:it|the"
    r"\s+(?:contract|role|job|post))\s+(?:(?:could|would|might|will|can)\s+)?(?:goes|go|going"
    r"|becomes?|becoming|turns?|turning|converts?|converting|rolls?\s+over|gets\s+made|is\s+made)"
    r"\s+(?:into\s+(?:a\s+)?)?perm(?:anent)?",
    r"(?:chance|possibility|option|prospect|route|path)\s+(?:of|to|for)\s+(?:(?:it|me)\s+)?"
    r"(?:to\s+)?(?:going|becoming|turning|getting\s+made|being\s+made|go|become)\s+perm(?:anent)?",
    r"(?:would|will|do|does)\s+i\s+(?:have|need)\s+to\s+(?:sort|pay\s+for|fund|arrange|organi[sz]e"
    r"|cover|find|do|self[\s-]fund)\s+(?:[\w'’-]+\s+){0,4}?(?:myself|on\s+my\s+own|off\s+my\s+own"
    r"\s+back|out\s+of\s+my\s+own\s+pocket)",
    r"(?:would|will|do|does|could|can)\s+(?:you|you\s+guys|y['’]?all|the\s+(?:practice|firm"
    r"|company|studio))\s+(?:(?:help|support)\s+(?:me\s+)?(?:with|through|towards?)|pay\s+for"
    r"|fund|sponsor|cover)\s+(?:the\s+|my\s+|a\s+)?(?:chartership|qualifications?|exams?|part"
    r"\s+(?:one|two|three|1|2|3|iii)|certification|accreditation|registration|licen[cs]e|studies"
    r"|masters|cpd|training\s+costs?|course\s+fees?|professional\s+exams?)",
    r"something\s+where\s+you\s+(?:help|support|pay|fund|sponsor|cover)(?:\s+(?:me|with|for))?",
)
#: A line about the role's terms (office days, remote work, a contract, hours) after which
#: `TERMS_BARGAINED` asks one's own.
TERMS_LINE: Final = _rx(
    r"hybrid|remote(?:[\s-]first)?|office|in\s+the\s+office|wfh|from\s+home|contracts?"
    r"|permanent|part[\s-]time|full[\s-]time|hours|shifts?|rota|flexi\w*|four[\s-]day"
    r"|probation|relocat\w+|on[\s-]?site|in[\s-]person|days\s+a\s+week|new\s+starters",
)
#: A line naming a perk or a term of the staff (session 17, round D): a group of the staff
#: (`our lads`, `the team`, `staff`, `everyone here`, `our trainers`) that gets, has, keeps,
#: rents or is expected something, or the employer giving or expecting it of them ("Our lads
#: get a van and fuel card", "Staff get a discount on childcare", "We do expect assistants to
#: read slush on weekends", "Our trainers are all self-employed, they rent the floor"). After
#: it `OWN_SHARE_ASKED` asks the seeker's own terms (`cues._offered_terms`).
_STAFF_GROUP: Final = (
    r"(?:(?:our|all\s+our|the|all\s+the|all|every|each|any|new)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:lads|staff|team|teams|crew|people|employees|workers|members|hires|starters|joiners"
    r"|[\w'’-]+s)(?:\s+(?:here|(?:on|in|at|from)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+))?"
    r"|staff(?:\s+here)?|employees|everyone"
    r"(?:\s+(?:here|on\s+(?:the|our)\s+[\w'’-]+))?|everybody)"
)
STAFF_TERMS_LINE: Final = _rx(
    rf"{_STAFF_GROUP}\s+(?:(?:all|also|each|usually|always|normally|do|still)\s+)?(?:get|gets"
    r"|got|have|has|receive|receives|keep|keeps|rent|rents|pay|pays|earn|earns|are\s+(?:all\s+)?"
    r"(?:given|paid|entitled|expected|self[\s-]employed|on\s+commission|allowed)|can\s+(?:use"
    r"|take|claim|have))",
    r"we\s+(?:(?:do|also|always|usually|normally|all)\s+)?(?:give|offer|provide|pay|expect"
    r"|cover|lend|let|ask|need|want|require)\s+(?:our|all\s+our|the|every|each|new)?\s*[\w'’-]+",
)
#: The seeker's own share asked after `STAFF_TERMS_LINE`: would I get or keep it, would it be
#: mine, what it would be for me or if I came on, is it paid time, for personal use too.
OWN_SHARE_ASKED: Final = _rx(
    r"(?:would|will|do|does|could|can|should|am|did)\s+(?:i|me)\s+(?:(?:also|still|then|too"
    r"|actually|be\s+able\s+to)\s+)?(?:get(?!\s+to\s)|keep|have(?!\s+to\s)|receive|qualify"
    r"|be\s+(?:paid|entitled|eligible|covered|given|getting|allowed|on|renting)|pay|rent|earn"
    r"|owe|(?:take|bring)\s+(?:it|them|that|one|the\s+[\w'’-]+)\s+home)",
    r"(?:would|will|does|is)\s+(?:that|it|this|the\s+[\w'’-]+)\s+(?:also\s+)?"
    r"(?:be\s+mine|include\s+me|apply\s+to\s+me|cover\s+me|be\s+for\s+me)",
    r"(?:be|is|it)\s+mine\s+(?:to|for|too|as\s+well)",
    r"(?:would|will|do|does|could|can)\s+(?:i|me)\s+(?:[\w'’-]+\s+){0,2}(?:mine|my\s+own)",
    r"(?:how\s+much|what)\s+(?:[\w'’-]+\s+){0,6}(?:would|will|do|could)\s+i\s+(?:get|have"
    r"|pay|keep|be\s+paying|be\s+getting|owe)",
    r"if\s+i\s+(?:came|come|joined|join|started|start|signed|took\s+it|was\s+hired|got\s+the"
    r"\s+job)(?:\s+(?:on|on\s+board|in|up))?",
    r"for\s+(?:my\s+own\s+|personal|private)\s*use",
    r"(?:is|would|will)\s+(?:that|it|this)\s+(?:be\s+)?paid(?:\s+time|\s+hours|\s+extra|\s+for)?",
    r"(?:would|will)\s+(?:that|it|this)\s+be\s+for\s+personal",
    r"(?:come\s+to|be|cost|work\s+out|look\s+like)\s+for\s+me",
    rf"(?:i{A}d|i\s+would|i{A}ll|i\s+will)\s+(?:also\s+|still\s+)?(?:be\s+(?:entitled|eligible"
    r"|covered|given|paid|getting)|get(?!\s+to\s)|keep|qualify)",
)
#: A line inviting the seeker to apply or naming an opening (session 17 D): "the role is yours
#: to apply for", "if you fancy applying", "you should put in for the post", "we've got a
#: vacancy in the lab", "there's an opening on the night desk".
APPLY_INVITED: Final = _rx(
    r"(?:yours|open\s+to\s+you)(?:\s+to\s+apply\s+for)?|(?:fancy|like|want)\s+(?:to\s+)?apply"
    r"(?:ing)?|(?:should|could|can|might)\s+(?:put\s+in|apply)\s+for|put\s+in\s+for\s+(?:it|the)",
    rf"(?:got|have|there{A}s|theres|there\s+is)\s+(?:an?\s+|one\s+)?(?:new\s+)?(?:vacancy|vacancies"
    r"|opening|openings|position|role|post|job)\s+(?:going\s+|open\s+|coming\s+up\s+)?(?:in|on|at"
    r"|for)",
)
#: An eager yes to `APPLY_INVITED` (session 17 D): interest or keenness made strong ("very very
#: interested", "extremely keen", "definitely interested"), being made or born for it, its
#: having one's name on it, one's dream job. Not the same words to a talk or a book.
EAGER_YES: Final = _rx(
    r"(?:very|really|extremely|super|so|definitely|absolutely|hugely|incredibly|seriously|more"
    r"\s+than)\s+(?:(?:very|really|so)\s+)*(?:interested|keen)",
    rf"(?:i\s+was|i{A}m|im|i\s+am)\s+(?:literally\s+|basically\s+)?(?:made|born|built)\s+for"
    r"\s+(?:that|it|this|the)",
    r"(?:has|got)\s+my\s+name\s+(?:written\s+)?(?:all\s+)?(?:on|over)\s+it|(?:my|a)\s+dream\s+job",
)
#: Chasing one's own application, interview or offer (session 17 B): "is there any way you
#: could find out where it's at", "could you chase them up", after a line about the seeker's
#: own step (`SEEKERS_STEP_LINE`): a job request (`cues.seeker_cues`).
STATUS_CHASED: Final = _rx(
    r"(?:find\s+out|check(?:\s+(?:on|in))?|chase(?:\s+(?:it|them|that)\s+up)?|ask(?:\s+(?:them"
    rf"|around))?|look\s+into|see|nudge\s+(?:them|someone))\s+(?:on\s+)?(?:where\s+(?:it{A}s|it\s+is"
    rf"|its|things\s+are|things{A}re|they\s+are|they{A}re|theyre|i\s+am|{IM}|im|it\s+stands"
    rf"|things\s+stand|i\s+stand)(?:\s+at|\s+up\s+to)?|what{A}s\s+(?:happening|going\s+on|the\s+hold"
    rf"[\s-]?up)|what\s+(?:is\s+)?happening|how\s+(?:it{A}s|its|it\s+is)\s+going|(?:if|whether)"
    rf"\s+they{A}ve\s+decided)",
    r"chase\s+(?:it|them|that)\s+up",
)
SEEKERS_STEP_LINE: Final = _rx(
    r"your\s+(?:interview|application|cv|candidacy|offer|assessment|references?|second\s+round"
    r"|first\s+round|trial\s+shift)|you\s+(?:applied|interviewed|had\s+(?:an|the)\s+interview)",
    # session 17 D: "you came in for an interview", "you sat the assessment", "you met our
    # hiring panel", "you put in for the buyer job"
    r"you\s+(?:(?:came|come|were|was)\s+in|sat|did|went\s+(?:through|for)|had|put\s+in)\s+(?:for\s+)?"
    r"(?:an?|the|your|our|a\s+couple\s+of)\s+(?:[\w'’-]+\s+){0,2}(?:interviews?|assessments?"
    r"|trial\s+shifts?|jobs?|roles?|posts?|positions?)",
    r"you\s+(?:interview|apply|applied|interviewed)\s+(?:with|for|at|to)\s+(?:us|our|the)",
    rf"(?:were|weren{A}t|werent|wasn{A}t|wasnt)\s+you\s+(?:in\s+)?(?:for|at)\s+(?:an?|the|your|our)"
    r"\s+(?:[\w'’-]+\s+){0,2}(?:interviews?|assessments?|trial\s+shifts?)",
    r"you\s+(?:met|saw|spoke\s+(?:to|with))\s+(?:our|the)\s+(?:hiring|interview|recruitment)"
    r"\s+(?:panel|team|manager|people)",
)
#: The outcome of one's own interview or application asked, after a line about that step
#: (`SEEKERS_STEP_LINE`; session 17 D): a decision made or reached ("did they ever make a
#: decision", "any idea if they've decided yet", not "decide on the new logo"), word back
#: ("did anyone ever get back about it", "i never heard back"), where it ended up, whether the
#: role was filled or someone picked. A job request (`cues._offered_terms`).
OUTCOME_ASKED: Final = _rx(
    r"(?:made|make|making|reach|reached|come\s+to|came\s+to|any|a|their|the)\s+(?:final\s+)?"
    r"decisions?(?!\s+(?:on|about|over|regarding)\s+(?!(?:it|that|me|my|the\s+(?:role|job|post"
    r"|position|candidates?|vacancy|interviews?|hire)(?![\w'’]))))",
    r"decided(?!\s+(?:on|about|to|what|which|where|whether|how|against)(?![\w'’]))",
    r"decided\s+(?:on|about)\s+(?:it|that|me|my\s+[\w'’-]+|the\s+(?:role|job|post|position"
    r"|candidates?))",
    r"(?:get|got|gotten|getting|come|came)\s+back\s+(?:to\s+(?:me|you)\s+)?(?:about|on)\s+"
    r"(?:it|that|me|my\s+[\w'’-]+)",
    r"(?:ever|anyone|anybody|someone|somebody|they)\s+(?:get|got|gotten|come|came)\s+back"
    r"(?:\s+to\s+(?:me|you))?",
    r"hear(?:d)?\s+(?:anything\s+|any\s+more\s+|nothing\s+)?back",
    r"never\s+(?:heard|got\s+an?\s+(?:answer|reply|response|call))",
    r"where\s+(?:that|it|things)\s+(?:ended\s+up|landed|got\s+to|stands|is\s+at)",
    r"(?:role|job|post|position|vacancy|spot)\s+(?:was|has|had|got)\s+(?:ever\s+)?(?:been\s+)?"
    r"filled",
    rf"(?:any|what{A}s\s+the|whats\s+the)\s+(?:news|update|word|outcome|verdict)",
    r"what\s+(?:ever\s+)?happened\s+(?:with|to)\s+(?:it|that|my\s+[\w'’-]+)",
    r"(?:pick|picked|picking|choose|chose|chosen|choosing|hire|hired|hiring|go\s+with|gone\s+with"
    r"|went\s+with|going\s+with|appoint|appointed|appointing|offer(?:ed)?\s+it\s+to)\s+(?:someone|somebody|anyone|anybody|a\s+candidate"
    r"|another\s+candidate)",
)
#: Who the perks are compared with when they are the seeker's ("perks over other employers").
_OTHER_EMPLOYERS: Final = (
    r"(?:(?:the\s+)?(?:other|most|many|big|bigger|similar|larger)\s+)?(?:employers?|companies"
    r"|company|firms?|places|jobs|roles|offers?|competitors?|agencies|hospitals|schools|banks)"
    r"(?![\w'’])"
)
#: What may follow "hourly" as the seeker's pay ("hourly or salaried", "the hourly rate", "an
#: hourly role"); any other word after it is something else by the hour ("hourly throughput").
_HOURLY_PAY: Final = (
    r"(?:rates?|pay|paid|wages?|basis|workers?|employees?|staff|roles?|positions?|jobs?|posts?"
    r"|contracts?|contractors?|salar(?:y|ies)|money|earnings|income|comp|compensation|or|and"
    r"|rather|instead|too|then|though|is|are|was|were|would|will|for|at|like|only|plus|with"
    r"|in|to|on|work|figure|number|amount|equivalent|as|than|vs|versus|by|each|either|now)(?![\w'’])"
)
#: Pay asked without a pay word (session 15, issue 12): the numbers or the figure ("what are the
#: numbers like", "what kind of numbers are we talking", "any rough figure for the role?"), a
#: ballpark ("ballpark?", "what's the ballpark for someone at my level"), what it comes to over
#: a year ("what does it come to a year", "what would I bring home a month", "how much are we
#: talking?"). Each asks for an amount and names no thing it is the amount of, so the job's pay
#: is meant unless the business's own figures are the topic: `cues.seeker_cues` reads it as a
#: pay question only when neither the manager's line nor the answer names such figures
#: (`BUSINESS_FIGURES`: "Sales were up forty percent." "What are the numbers like?"; "What's the
#: budget for the project? Ballpark?"). Numbers named as the work's ("the numbers on the pilot",
#: "ballpark how many people", "the ballpark for the project") are not this.
_AMOUNT_FOR: Final = (
    r"(?:for|on|at|in)\s+(?:me|someone|somebody|anyone|my\s+level|(?:the|this|that|a)\s+"
    r"(?:[\w'’-]+\s+)?(?:role|job|position|post|level|grade|band|hire|starter|joiner)|it|that"
    r"|this)(?=\s*(?:[?.!,;…]|$)|\s+(?:then|roughly|though|here|honestly)(?![\w'’])"
    r"|\s+(?:at|on|in|with)\s+(?:my|this|that|the|a|an)\s+(?:[\w'’-]+\s+)?(?:level|stage|grade"
    r"|band|role|job|position|experience|background)(?![\w'’]))"
)
_AMOUNT_END: Final = (
    r"(?=\s*(?:[?.!;…]|$)|\s*,\s*(?!(?:how|what|when|where|which|who|is|are|do|does|did|can"
    r"|could|would|will)(?![\w'’]))|\s+(?:(?:like|look(?:s|ing)?\s+like|roughly|ballpark|then"
    r"|though|here|even|please|honestly|to\s+start(?:\s+with)?|starting\s+out|(?:are\s+we|we"
    rf"(?:{A}re)?)\s+(?:talking|looking\s+at|in)|(?:a|per)\s+(?:year|month|week|hour|annum)"
    r"|if\s+you\s+(?:can|could|don['’]?t\s+mind)|is\s+(?:fine|ok|okay)|would\s+(?:do|help)"
    r"|would\s+(?:i|we|one|someone|they)\s+be\s+(?:looking\s+at|talking|on|getting)"
    r"|(?:am|are)\s+(?:i|we)\s+(?:looking\s+at|talking)|per\s+hour|an\s+hour)"
    rf"(?![\w'’])|{_AMOUNT_FOR}))"
)
_PERIOD: Final = (
    r"(?:,?\s+(?:a|per|each|every|an|in\s+a|over\s+(?:a|the|one)|across\s+(?:a|the))\s+(?:full\s+)?"
    r"(?:year|month|week|annum|hour|day))"
)
PAY_FIGURE_ASKED: Final = _rx(
    rf"what(?:{A}s|\s+(?:is|are|were|would\s+be|will\s+be|do|does|did|would|will|might|could"
    r"|kind\s+of|sort\s+of"
    r"|type\s+of|range\s+of|level\s+of))?\s+(?:(?:the|your|a|rough|ballpark|starting|kind\s+of"
    r"|sort\s+of|going|usual|typical|hourly|annual|weekly|monthly)\s+){0,2}(?:numbers?|figures?"
    r"|rates?)" + _AMOUNT_END,
    r"(?:any|some|rough|ballpark)\s+(?:rough\s+|ballpark\s+)?(?:idea\s+(?:of|on|about)\s+)?"
    r"(?:the\s+)?(?:numbers?|figures?)(?=\s*(?:[?.!;…]|$)|\s+" + _AMOUNT_FOR + ")",
    rf"(?:(?:what{A}s|what\s+is|what|in\s+what|(?:a|any|rough|the|your)(?:\s+rough)?)\s+)?"
    r"ballpark(?:\s+(?:figure|number|range|idea|estimate|amount))?" + _AMOUNT_END,
    r"what\s+(?:does|would|will|did|do|might)\s+(?:it|that|this|the\s+(?:role|job|position"
    r"|post))\s+(?:(?:actually|roughly|usually|typically|normally)\s+)?(?:come|work|add|amount)"
    rf"\s+(?:out\s+|up\s+)?(?:to|at)(?:\s+(?:roughly|about|annually|yearly|monthly))?{_PERIOD}?"
    r"(?=\s*(?:[?.!,;…]|$)|\s+(?:then|roughly|for\s+(?:me|someone|somebody|whoever(?:['’]s)?"
    r"|anyone|the\s+(?:person|role|job|position)))(?![\w'’]))",
    rf"what(?:{A}s|\s+is|\s+would|\s+does)\s+(?:it|that|the\s+(?:role|job|position|post))\s+"
    rf"(?:be\s+)?(?:worth|bring\s+in|come\s+to|work\s+out\s+(?:to|at)){_PERIOD}",
    rf"what(?:{A}s|s|\s+is)\s+(?:[\w'’-]+\s+){{0,5}}?worth{_PERIOD}",
    r"what\s+(?:does|do|would|will|could|might)\s+(?:[\w'’-]+\s+){1,5}?(?:(?:typically|usually"
    r"|actually|normally|really)\s+)?(?:clear|take\s+home|bring\s+home|pocket|gross|net"
    rf"|end\s+up\s+with)(?![\w'’]){_PERIOD}?",
    rf"what{A}s\s+(?:a|an|someone|somebody)\s+(?:[\w'’-]+\s+){{0,3}}?looking\s+at(?=\s*(?:[?.!,;…]"
    r"|$)|\s+(?:on|for|per|a|an|in|here|roughly|pay|salary|money|to\s+start)(?![\w'’]))",
    r"(?:numbers?|figures?|salary)[\s-]?wise",
    r"(?:what|how\s+much)\s+(?:would|will|do|could|might|can)\s+i\s+(?:(?:realistically|actually"
    r"|roughly|expect\s+to)\s+)?(?:be\s+)?(?:bring(?:ing)?|tak(?:e|ing)|clear(?:ing)?|pocket(?:ing)?"
    rf"|walk(?:ing)?\s+away\s+with|end(?:ing)?\s+up\s+with)(?:\s+(?:home|in)(?:{_PERIOD})?|{_PERIOD})",
    rf"how\s+much\s+(?:are\s+we|we(?:{A}re)?|am\s+i|would\s+i\s+be)\s+(?:talking|looking\s+at)"
    r"(?:\s+about)?" + _AMOUNT_END,
    rf"what\s+(?:are\s+we|we(?:{A}re)?|am\s+i|would\s+i\s+be)\s+(?:talking|looking\s+at)"
    rf"(?:\s+about)?(?:{_PERIOD}|,?\s+(?:roughly|ballpark|salary[\s-]?wise|money[\s-]?wise)"
    rf"|\s+{_AMOUNT_FOR})",
)
#: The business's own figures, in the manager's line or the answer (`PAY_FIGURE_ASKED`): then
#: "the numbers" or "a ballpark" are those.
BUSINESS_FIGURES: Final = _rx(
    r"revenue|sales|turnover|profits?|profitab\w*|margins?|funding|funded|raised|raise|series\s+"
    r"[a-d]|valuation|budgets?|costs?|costing|spend|spending|spent|growth|grew"
    r"|quarters?|quarterly|q[1-4]|metrics|kpis?|figures|numbers|results|targets?|forecasts?"
    r"|conversion|churn|traffic|downloads|sign[\s-]?ups|orders|bookings|prices?|pricing|market"
    r"\s+share|roi|invest\w*|donations?|grants?|fundrais\w*|pilot|stats|statistics|ratings?"
    r"|scores?|yield|output|throughput|volumes?|footfall|attendance|enrol(?:l)?ments?|admissions"
    r"|headcount|how\s+many|how\s+long|timeline|deadline|customers?\s+(?:spend|pay)|users?"
    r"|bills?|fees?|charg\w+|tickets?|subscriptions?|orders?|fuel|rate\s+cards?|ads|advert\w*"
    r"|campaigns?",
)
#: Who earns or what pays, in the sentence of a figure asked without a pay word (review 15
#: R10): the seeker as the earner ("Ballpark, what would I be on?", "what would the numbers
#: look like for me?", "someone at my level", "what I'd take home") or the job as what pays
#: ("What does the role come to a year?", "what are we talking for the role, ballpark?"). Such a
#: question asks the pay whatever business figures the manager's line named (`cues._figure_asked`:
#: "Revenue was up twenty percent." "What are the numbers like?" asks about the revenue; "it"
#: refers back to the line, so it anchors nothing).
PAY_ANCHORED: Final = _rx(
    r"(?:would|will|do|could|might|can|am|should)\s+i\s+(?:(?:realistically|actually|roughly"
    r"|typically|usually)\s+)?(?:be\s+)?(?:on|get|getting|earn|earning|make|making|take|taking"
    r"|bring|bringing|clear|clearing|pocket|start|starting|come\s+in|paid|looking\s+at|expect)",
    rf"(?:i{A}d|i{A}ll|i\s+would|i\s+will|i{A}m|i\s+am|what\s+i)\s+(?:(?:realistically|actually"
    r"|roughly)\s+)?(?:be\s+)?(?:on|get|getting|earn|earning|make|making|take|taking|bring"
    r"|bringing|clear|pocket|start|starting|come\s+in|paid|looking\s+at)",
    r"(?:for|to)\s+(?:me|myself|someone\s+like\s+me)|my\s+(?:level|grade|experience"
    r"|background|band)|someone\s+(?:at|with|of)\s+my",
    rf"(?:the|this|that)\s+(?:[\w'’-]+\s+)?(?:role|job|position|post|vacancy|opening)(?:{A}s)?",
)
#: Pay asked in words that name no amount (session 15, issue 12): the band or the grade ("what
#: band is it", "what grade would I come in at", "is it a grade seven post"), living on it
#: ("could I live on it", "is it enough to live on", "would it cover my rent"), or the money
#: side of the move ("is it worth it money-wise", "financially, is it worth it", "would I be
#: better off financially", "what's in it for me"); part of `PAY_QUESTION`. Not a school grade
#: ("what grade do you teach", "what grade is your son in"), nor the business's finances ("is
#: the company doing well financially").
_PAY_UNNAMED: Final = (
    rf"(?:what|which)\s+(?:pay\s+)?(?:band|grade|banding|pay\s+point|spine\s+point)\s+(?:is"
    rf"|was|would|will|{A}s|does|might|could|are|do|should)\s+(?:it|that|this|(?:the|this|that)\s+"
    r"(?:[\w'’-]+\s+)?(?:role|job|position|post|vacancy|opening)|i|we|someone\s+like\s+me"
    r"|new\s+starters|new\s+hires|(?:a|an|the|someone|somebody|new|junior|senior|entry[\s-]level)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:be|sit|come\s+in|start|go|land|fall|get|on|at))(?![\w'’])"
    rf"|what(?:{A}s|\s+is|\s+would\s+be)\s+the\s+(?:pay\s+)?(?:band|grade|banding)(?=\s*(?:[?.!,;…]"
    r"|$)|\s+(?:for|on|of)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+)?(?:role|job|position|post)"
    r"|\s+(?:then|though|roughly|here)(?![\w'’]))"
    r"|(?:is|would|will)\s+(?:it|that|this|the\s+(?:role|job|position|post))\s+(?:be\s+)?"
    r"(?:a\s+)?(?:band|grade)\s+(?:\d+|[a-e]\d?|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)(?![\w'’])"
    r"|(?:could|can|would|will|might)\s+(?:i|you|one|someone|somebody|a\s+person|anyone|people"
    r"|we|a\s+family)\s+(?:(?:actually|realistically|really|comfortably|honestly|even)\s+)?"
    r"(?:live|get\s+by|survive|manage|raise\s+a\s+family|support\s+a\s+family|pay\s+(?:the\s+"
    r"|my\s+)?(?:rent|bills|mortgage))\s+on\s+(?:it|that|this|the\s+(?:pay|salary|wage|money"
    r"|starting))(?![\w'’])"
    r"|(?:is|would|will)\s+(?:it|that|this|the\s+(?:pay|salary|wage|money))\s+(?:be\s+)?"
    r"(?:enough|plenty|sufficient)\s+to\s+(?:live\s+on|get\s+by|live|cover\s+(?:the\s+|my\s+)?"
    r"(?:rent|bills|mortgage)|pay\s+(?:the\s+|my\s+)?(?:rent|bills|mortgage)|support\s+a\s+family"
    r"|raise\s+a\s+family)"
    r"|(?:is|would)\s+(?:it|that|this)\s+(?:be\s+)?(?:livable|liveable)(?![\w'’])"
    r"|(?:cover|pay)\s+(?:the\s+|my\s+)?(?:rent|bills|mortgage)\s+on\s+(?:it|that|this|what)"
    r"(?![\w'’])"
    r"|something\s+(?:i|you|one|a\s+person|someone|people)\s+(?:could|can)\s+(?:(?:actually"
    r"|realistically|really|comfortably)\s+)?(?:live|get\s+by|survive|support\s+a\s+family|raise"
    r"\s+a\s+family)\s+on"
    r"|(?:could|can)\s+i\s+(?:(?:actually|realistically|really|comfortably)\s+)?(?:live|get\s+by"
    r"|survive|support\s+a\s+family|raise\s+a\s+family|pay\s+(?:the\s+|my\s+)?(?:rent|bills"
    r"|mortgage))\s+on(?=\s*(?:[?.!,;…]|$))"
    r"|(?:what|how\s+much)\s+(?:[\w'’-]+\s+){0,4}?(?:in|into)\s+my\s+pocket"
    r"|how\s+much\s+(?:[\w'’-]+\s+){0,3}?(?:give|offer)\s+(?:(?:you|me|people|someone)\s+)?"
    r"(?:for\s+(?:this|the|that)\s+(?:job|role|position|work|post)|(?:a|per|each|every)\s+"
    r"(?:year|month|week|hour))"
    r"|(?:would|will|does|could)\s+(?:it|that|this|the\s+(?:role|job|pay))\s+(?:cover|pay)\s+"
    r"(?:the|my)\s+(?:rent|bills|mortgage)"
    r"|moneywise"
    r"|(?:is|would|will|does|could)\s+(?:it|that|this|the\s+(?:role|job|position|move|switch))\s+"
    r"(?:(?:be|really|actually|even)\s+)*(?:worth\s+(?:it|my\s+while)\s+)?financially"
    r"(?!\s+for\s+(?:the|your|them|you|us)(?![\w'’]))"
    r"|financially(?:\s+speaking)?,?\s+(?:is|would|does|will|how\s+(?:is|does|would))\s+(?:it|that"
    r"|this|the\s+(?:role|job|position|move))(?![\w'’])"
    r"|worth\s+(?:it|my\s+while)\s+financially"
    r"|would\s+i\s+be\s+(?:any\s+)?(?:better|worse)\s+off\s+financially"
    rf"|what{A}s\s+in\s+it\s+for\s+me|what\s+is\s+in\s+it\s+for\s+me"
)
#: A retirement scheme is a perk, like a pension (session 15): "what's the retirement plan
#: like", "is there a 401k match", "do you pay super", "what's the superannuation"; part of
#: `PAY_QUESTION` (the pension and the 401k were there already).
_RETIREMENT: Final = (
    r"retirement\s+(?:plans?|schemes?|funds?|savings|contributions?|match(?:ing)?|benefits?"
    r"|packages?|accounts?|options?)|superannuation|(?:super|pension)\s+(?:contributions?|fund"
    r"|scheme|match(?:ing)?)|(?:pay|paid|contribute\s+to|get|any)\s+super(?=\s*(?:[?.!,;…]|$|on"
    r"\s+top|too|as\s+well)(?![\w'’]))|(?:employer|company)\s+(?:match|matching|contributions?)"
    r"|403\s?b|kiwisaver|rrsp"
)
#: An idiom that pays nothing: "pay attention", "paid off", "pay it forward".
_PAY_IDIOM: Final = (
    r"(?![\s-]+(?:attention|off|back|it\s+forward|dividends|itself)(?![\w'’]))"
    # "does it pay to specialise early", "it always pays to ask": worth it, no pay
    r"(?!(?<=(?<![\w'’])it\spay)\s+to\s)(?!(?<=(?<![\w'’])it\spays)\s+to\s)"
    r"(?!(?<=always\spays)\s+to\s)(?!(?<=never\spays)\s+to\s)"
)
#: Pay for oneself asked roundabout, naming neither pay nor an amount (session 16 C): what the
#: seat brings in ("what would someone in that seat be looking at at the end of the month"),
#: what one in the role makes with them ("what would a picker make with you if I came on"), the
#: on-target earnings ("what would my OTE look like"), the scale or band new starters or the
#: post go on ("which scale do you put new starters on", "what band is the healthcare assistant
#: post"), shares ("would I get shares"). Part of `PAY_QUESTION`. Not "what would a new starter
#: make of it", nor "what would I be looking at day to day" (the work).
_PAY_ROUNDABOUT: Final = (
    r"(?:be|are|is)\s+looking\s+at\s+(?:at\s+)?(?:the\s+)?end\s+of\s+(?:the|each|every|a)\s+"
    r"(?:month|year|week)"
    r"|what\s+(?:would|will|does|do|could|might)\s+(?:someone|somebody|a\s+person|one|people"
    # session 17: "someone coming into the engineering role be taking home"
    r"|you|i)\s+(?:in|on|doing|coming\s+into|coming\s+in\s+to|starting\s+in|stepping\s+into"
    r"|joining\s+(?:in|as)|filling)\s+(?:that|this|the|my|your)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:seat|chair|role|job|position|post|spot|desk|shoes|grade)\s+(?:be\s+)?(?:looking\s+at"
    r"|take\s+home|clear|bring\s+home|pocket|walk\s+away\s+with|taking\s+home|clearing"
    r"|bringing\s+home|pocketing|earning|getting\s+paid|paid)"
    r"|what\s+(?:would|will|does|do|could|might)\s+(?:a|an|the|your|someone|somebody|new)\s+"
    # the business's products aside ("what does the plant make here")
    r"(?!(?:[\w'’-]+\s+)?(?:plant|factory|company|firm|business|site|machine|line|shop|bakery"
    r"|kitchen|brand|studio|lab|mill|works|app|tool|product|change|move|difference)(?![\w'’]))"
    r"(?:[\w'’-]+\s+){0,3}?(?:make|earn|take\s+home|pull\s+in|clear|bring\s+home|pocket)"
    r"(?!\s+(?:of|it|sense|a\s+difference|do|time|progress|friends|mistakes|changes|decisions"
    r"|calls|things|up)(?![\w'’]))(?=[^.?!]{0,40}(?:with\s+you|here|if\s+i|when\s+i"
    r"|a\s+(?:year|month|week)|per\s|an\s+hour|to\s+start|starting|at\s+first|in\s+(?:the"
    r"|their)\s+first)|(?<=earn)\s*[?.!]?\s*$|(?<=home)\s*[?.!]?\s*$)"
    r"|(?:my|the|your|an|on[\s-]target|what)\s+(?:[\w'’-]+\s+)?(?:ote|o\.t\.e\.?)"
    r"|on[\s-]target\s+earnings"
    r"|(?:which|what)\s+(?:pay\s+)?(?:scale|band|grade|spine\s+point)\s+(?:do|would|will|does"
    r"|did)\s+(?:you|they|we|the\s+\w+)\s+(?:usually\s+|normally\s+|typically\s+)?"
    r"(?:put|start|bring|take\s+on|place|slot|have)\s+(?:new\s+(?:starters|hires|joiners|staff)"
    r"|newcomers|people|someone|me|them|juniors|trainees)"
    rf"|(?:which|what)\s+(?:pay\s+)?(?:band|scale|grade)\s+(?:is|would\s+be|{A}s)\s+(?:the|that"
    r"|this|your)\s+(?:[\w'’-]+\s+){0,3}?(?:post|role|job|position|vacancy|opening|seat)"
    r"|(?:would|will|do|could|can|might|should)\s+i\s+(?:also\s+)?(?:get|be\s+given|receive"
    r"|be\s+offered|have|be\s+getting|be\s+receiving)\s+(?:any\s+|some\s+)?(?:shares|stock"
    r"|equity|options|a\s+stake)"
    # session 17: "room in the budget to make it worth my while"
    r"|(?:make|making)\s+it\s+worth\s+my\s+while"
    # session 17: "ballpark what would i be on", "what would I be on a year" (not "what would
    # I be on day to day": the work)
    r"|what\s+(?:would|will|could|might|do|am)\s+i\s+(?:(?:actually|roughly|realistically"
    r"|typically)\s+)?(?:be\s+)?(?:on|starting\s+on|start\s+on)(?=\s*(?:[?.!,;…]|$)|\s+(?:a|per"
    r"|then|roughly|here|to\s+start|starting|at\s+first|with\s+you|if|ballpark|an\s+hour"
    r"|money[\s-]?wise|salary[\s-]?wise)(?![\w'’]))"
    # session 17: what the role's newcomer makes, asked in the third person ("What would a new
    # starter make?", "what do new recruits get paid here", "what would a first-year trainee
    # earn", "what does a new hire start on"; not "make of it", "make first")
    r"|what\s+(?:would|will|does|do|could|might|did)\s+(?:(?:a|an|the|your|our)\s+)?(?:new\s+"
    r"|first[\s-]year\s+|entry[\s-]level\s+|junior\s+|fresh\s+)?(?:starters?|joiners?|hires?"
    r"|recruits?|juniors?|grads?|graduates?|trainees?|apprentices?|intakes?)\s+(?:(?:on|in)\s+"
    r"(?:the|this|that|your|our)\s+(?:[\w'’-]+\s+)?(?:scheme|programme|program|team|role|intake"
    r"|grade|band)\s+)?(?:(?:typically|usually|normally|actually|roughly)\s+)?(?:make|earn|take"
    r"\s+home|get\s+paid|be\s+paid|clear|pocket|be\s+on|start\s+on|come\s+in\s+on)"
    r"(?=\s*(?:[?.!,;…]|$)|\s+(?:here|a\s+(?:year|month|week)|per|an\s+hour|to\s+start"
    r"|starting|roughly|then|at\s+first|with\s+you|ballpark|on\s+average)(?![\w'’]))"
)
PAY_QUESTION: Final = _rx(
    r"salary|salaries|compensation|wages?|paycheck|bonus(?:es)?|stock\s+options?|equity|pension"
    rf"|401\s?k|perks(?!\s+over\s+(?!{_OTHER_EMPLOYERS}))|pay\s+(?:range|band|scale|grade)",
    rf"benefits(?!\s+of){_FOR_OTHERS}",
    # NHS pay bands and days off are the pay and the hours ("whats the banding")
    r"banding|band\s+(?:\d|five|six|seven|eight|nine)|weekends?\s+off",
    # not paying one's own way ("a way to pay for meds", "can't pay their bills")
    r"(?<!way\sto\s)(?<!afford\sto\s)(?<!enough\sto\s)(?<!cant\s)(?<!can't\s)(?<!can’t\s)"
    r"(?<!cannot\s)(?<!couldnt\s)(?<!couldn't\s)(?<!couldn’t\s)pay(?:s|ing)?"
    r"(?!\s+(?:attention|off|back|it\s+forward|for\s+itself|itself|(?:(?:the|their|my|our|his|her"
    r"|its|your)\s+)?(?:bills?|rent|mortgage|debts?|loans?|fines?|taxes)(?![\w'’])))"
    f"{_PAY_IDIOM}{_FOR_OTHERS}",
    # "is that paid work": the manager's own work just named, not the seeker's pay
    rf"(?<!that\s)(?<!this\s)paid(?!\s+(?:attention|off)){_PAY_IDIOM}{_FOR_OTHERS}",
    # "how much would I make", "how much do research assistants make": the person is paid;
    # "how much difference does it make", "how much support do you get" ask about the work
    r"how\s+much\s+(?!(?:difference|impact|sense|progress|noise|of|effort|headway|use|change"
    r"|revenue|profit|say|support|autonomy|freedom|time|travel|input|room)(?![\w'’]))"
    r"(?:[\w'’-]+\s+){0,4}?(?:make|earn|pay(?:s|ing)?|paid|money|holiday|vacation|leave)",
    r"how\s+much\s+(?:do|does|did|would|will|could|can|might)\s+(?:i|you|we|they|people|one"
    r"|someone|it|(?:the|a|this|that)\s+[\w'’-]+)\s+(?:get|take\s+home)(?=\s*(?:[?.!,;]|$"
    r"|a\s+(?:year|month|week|day)|per\s|an\s+hour|for\s+(?:it|that|this)\s*[?.!]?\s*$))",
    r"how\s+much\s+(?:paid\s+)?(?:holiday|vacation|leave|time\s+off|pto)",
    rf"{_MADE_MONEY}money{_FOR_OTHERS}|earn(?:ings)?{_EARNED_NOT_PAY}{_FOR_OTHERS}",
    r"(?:i|we|someone\s+like\s+me)\s+(?:[\w'’-]+\s+){0,2}?(?:make|making)\s+(?:good\s+|decent\s+"
    r"|enough\s+|more\s+|real\s+)?money",
    r"(?:holiday|vacation)\s+(?:days|allowance|entitlement|time)|paid\s+time\s+off|pto",
    # the terms of the job, asked: "is it remote?", "the day rate" (the hours are the model's:
    # "what are the hours actually like" may ask about the work)
    r"(?:is|would|could|can)\s+(?:it|this|that|the\s+(?:role|job|position))\s+(?:be\s+)?"
    r"(?:fully\s+|partly\s+|mostly\s+)?(?:remote|hybrid)",
    rf"what(?:{A}s|\s+(?:are|is|were))\s+the\s+(?:day\s+rate|hourly\s+rate)",
    r"(?:day|hourly|daily)\s+rate|(?:a|the\s+first|my|the\s+next)\s+(?:pay\s+)?raise",
    # the seeker's own terms in the job (session 11: hours, shifts, remote work, days off,
    # perks): "would I get to work from home on Fridays", "do I get weekends off", "would I
    # have to work nights", "what would my hours be"; what the work is ("who would I be working
    # with", "what would my first project look like") asks about the work
    rf"{_MY_TERMS_ASKED}",
    # the package, a move's costs, take-home pay, health cover, holiday days, commission
    rf"{_TERMS_ASKED}",
    # pay asked in words that name no amount: the band, living on it, worth it money-wise
    _PAY_UNNAMED,
    # a retirement scheme, like the pension
    _RETIREMENT,
    # pay for oneself asked roundabout (session 16 C)
    _PAY_ROUNDABOUT,
)
#: The business's customers paying or spending (session 15): "do people actually pay that",
#: "what do customers pay", "how much do clients usually spend": money about the customers, not
#: the seeker's pay (`cues._lexicon_cues` drops a pay word inside it).
CUSTOMERS_PAY: Final = _rx(
    # "how many of those are paying customers" (session 16 C): the business's
    r"(?:paying|paid|non[\s-]?paying)\s+(?:customers?|clients?|users?|members|subscribers"
    r"|accounts?|guests|punters|students|patients)",
    r"(?:customers?|clients?|users?|people|buyers|shoppers|patients|members|subscribers|guests"
    r"|visitors|families|parents|students|diners|readers|players|fans|viewers)\s+(?:(?:actually"
    r"|really|usually|typically|normally|still|even|generally|ever|willing\s+to|happy\s+to)\s+)*"
    r"(?:pay|paying|spend|spending)(?:\s+(?:that|this|it|for\s+(?:it|that|this|the)))?",
    r"(?:charg(?:e|es|ing)|cost(?:s|ing)?)\s+(?:[\w'’-]+\s+){0,3}?(?:and|but)\s+(?:do|will|would"
    r"|does)\s+(?:people|customers|clients|users|they)\s+(?:(?:actually|really)\s+)?pay",
    r"(?:cost|costs|charge|charges|charging|price|priced|sell|selling)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:customers?|clients?|users?|people|buyers|shoppers|patients|members|subscribers|guests"
    r"|visitors)",
    r"what\s+(?:are|do|will|would)\s+(?:you|they)\s+(?:be\s+)?charg(?:e|ing)",
)
_KIN: Final = (
    r"friends?|mates?|brothers?|sisters?|mum|mom|mother|dad|father|parents|partner|wife|husband"
    r"|cousins?|sons?|daughters?|uncle|aunt|auntie|flatmates?|roommates?|housemates?"
    r"|neighbou?rs?|boyfriend|girlfriend|nan|gran|grandad|kids|children|sibling|siblings"
)
#: Money in a question that is someone else's, not the seeker's prospective pay (session 16 B):
#: a friend's or relative's pay ("what does your brother earn", "is your friend well paid
#: here"), the manager's own past income ("did you earn more back then", "do you earn less here
#: than you did"), fees, tuition, course or exam costs, rent, who covers the training, clients
#: paying ("do they pay their invoices on time", "are clients good at paying"), a funder's
#: cuts. `cues._someone_elses_money` reads it in the pay word's sentence, unless the sentence
#: names the seeker or the role (`SEEKERS_MONEY`); the sentence model may not read pay back into
#: it either (`learned._pay_words`).
OTHERS_MONEY: Final = _rx(
    # session 17 D: a market's money ("is heat pump work where the money is going")
    r"where\s+(?:the|all\s+the|most\s+of\s+the)\s+(?:money|growth|margin|profit)s?\s+(?:is|are"
    r"|was|will\s+be|has\s+gone|goes|is\s+going|is\s+heading)",
    rf"(?:your|my|his|her|their|a|the)\s+(?:[\w'’-]+\s+)?(?:{_KIN})(?:{A}s)?",
    r"(?:she|he)\s+(?:[\w'’-]+\s+)?(?:earns?|makes?|gets?\s+paid|is\s+paid|on)",
    r"where\s+(?:she|he|they)\s+(?:is|are|works?|worked|was|were)",
    r"(?:back\s+then|than\s+you\s+did|than\s+you\s+used\s+to|before\s+you\s+(?:came|moved"
    r"|switched|joined|left)|in\s+your\s+(?:old|last|previous|first)\s+(?:job|role|career|life"
    r"|line)|at\s+your\s+(?:old|last|previous)\s+(?:place|job|firm|company)|when\s+you\s+(?:were"
    r"|worked|started|moved|switched|left))",
    r"fees?|tuition(?!\s+(?:reimburse\w*|assistance|support|help|benefits?|waivers?))|rent|rents"
    r"|(?:course|exam|exams|training|certification|licen[cs]e|membership"
    r"|registration|uniform|travel)\s+(?:fees?|costs?|bills?)",
    r"(?:who|which\s+\w+)\s+(?:pays|covers|funds|foots|picks\s+up)",
    r"(?:pay|pays|paid|paying|cover|covers|covered|fund|funds|funded)\s+for\s+(?:the|your|their"
    r"|my|an?)?\s*(?:[\w'’-]+\s+)?(?:training|course|courses|exam|exams|certification"
    r"|qualification|licen[cs]e|studies|degree|uniforms?|travel|tickets?)",
    r"(?:clients?|customers?|they|buyers|tenants|debtors|accounts)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:pay|paying|paid)\s+(?:their\s+|your\s+)?(?:invoices?|bills?|on\s+time|late|up"
    # session 17 (3): when a bill is paid ("do they tend to pay upfront")
    r"|upfront|up\s+front|in\s+advance|on\s+(?:delivery|completion)|in\s+cash|promptly)",
    rf"good\s+at\s+paying|invoices?|(?:funder|donor)(?:s|{A}s|s{A})?|(?:budget|funding|grant)\s+cuts?",
    # session 17: pay in another place, compared ("what does a nurse make in Canada compared
    # to here", "do teachers earn more abroad")
    r"(?:in|out\s+in|over\s+in)\s+(?:[\w'’-]+\s+){1,2}?(?:compared\s+(?:to|with)|versus|vs"
    r"|than|against)\s+(?:here|over\s+here|back\s+home|home|(?:in\s+)?(?:the\s+)?[\w'’-]+)"
    r"|abroad|overseas|in\s+other\s+countries|out\s+there|over\s+there|elsewhere"
    # session 17 (3): another firm's ("what's a CFO earn at a firm your size")
    r"|(?:firm|company|business|place|organi[sz]ation|outfit)s?\s+(?:of\s+)?(?:your|that|a"
    r"\s+similar)\s+size",
    # "is the money any good for her"
    r"(?:for|to)\s+(?:her|him|them|you)(?=\s*(?:[?.!,;…]|$|though|then|really|honestly))",
    # session 17: what the other person paid or spent ("was it worth what you paid for it"),
    # their old pay ("more than your old salary"), their income as they live it ("do you find
    # the income goes up and down")
    # (not the generic "do you get paid while you're training": the trainee's pay)
    r"you\s+(?:(?:had|have|already|just|originally|actually|first|finally)\s+)?(?:paid|spent"
    r"|invested|forked\s+out)(?!\s+(?:for\s+)?(?:overtime|extra|weekly|monthly|hourly|well"
    r"|badly|on\s+time|during|while|when)(?![\w'’]))",
    r"your\s+(?:old|last|previous|former|first|own)\s+(?:salary|pay|wages?|income|earnings"
    r"|money|rate)",
    r"(?:do|did|have|has)\s+you\s+(?:ever\s+)?(?:find|found|notice|noticed|feel|felt|struggle"
    r"|struggled|worry|worried|mind)\s+(?:that\s+)?(?:the|your)\s+(?:[\w'’-]+\s+)?(?:income"
    r"|money|earnings|cash\s*flow|pay)",
    # session 17 (3): money another party paid, spent, raised or charged, asked in the past
    # ("Did you have to pay a lot to lure him away?", "how much did the fun run raise last
    # year", "Was it expensive?"): one's prospective pay is never asked in the past
    r"(?:did|had)\s+(?:you|they|he|she|it|(?:the|your|their|his|her|that|this|its)\s+"
    r"(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:(?:have|need)\s+to\s+|really\s+|actually\s+|ever\s+"
    r"|end\s+up\s+)?(?:pay|spend|raise|charge|cost|fork\s+out|shell\s+out|bring\s+in|lose"
    r"|give\s+up|earn|make|take\s+a\s+(?:[\w'’-]+\s+)?(?:hit|cut|drop))",
    # the business's customers paying it ("Do the care homes pay you per resident")
    r"(?:the|your|their)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+s\s+(?:(?:usually|normally|actually"
    r"|tend\s+to|ever|all)\s+)?(?:pay|paying|paid)\s+you",
    # a bill's timing ("do couples tend to pay in advance"): whoever pays, it is no one's pay
    r"(?<!i\s)(?<!we\s)(?:pay|paying)\s+(?:up\s*front|upfront|in\s+advance|on\s+(?:delivery"
    r"|completion)|in\s+cash|promptly|on\s+time|late)",
    r"(?:was|were)\s+(?:it|that|this|they|(?:the|your|their)\s+[\w'’-]+)\s+(?:(?:very|really"
    r"|quite|so|that)\s+)?(?:expensive|pricey|costly|dear|cheap)",
    # a group's pay against what people think ("do barristers really earn as much as people
    # think"): the profession's, not the role's
    r"as\s+much\s+as\s+(?:people|everyone|everybody|most\s+people|folk|they\s+say|you['’]?d)"
    r"(?:\s+(?:think|say|imagine|believe|assume|reckon|expect|make\s+out))?",
)
#: Money talked of in a seeker's turn, pay or not (session 17, `cues.others_money_spans`): the
#: pay, fees, costs, funding, income, a price, what something is worth.
MONEY_TALK: Final = _rx(
    r"pay|pays|paid|paying|salar(?:y|ies)|wages?|money|income|earn\w*|fees?|costs?|costly"
    r"|expensive|cheap|pricey|prices?|priced|funding|funded|budgets?|afford\w*|tuition|package"
    r"|shares|bonus(?:es)?|take\s+home|cash|grants?|worth\s+(?:it|what)|rates?|quid|pounds"
    r"|dollars|grand|spend|spent|spending|fork(?:ed)?\s+out|shell(?:ed)?\s+out|invested"
    r"|raise|raised|raising",
)
#: Whose money it is, when it is not the seeker's (session 17): the other person ("you", "your",
#: "they", "he", "she"), someone else's (`OTHERS_MONEY`), or a thing that costs or earns ("the
#: course", "the exam", "the council funding", "the studio"). A turn's money sentence naming
#: one of these and not the seeker or the role (`SEEKERS_MONEY`) is no pay question for the
#: sentence model (`cues.others_money_spans`).
OTHER_OWNER: Final = _rx(
    rf"you|your|yours|yourself|you{A}(?:re|ve|d|ll)|they|their|them|theirs|they{A}(?:re|ve|d)"
    rf"|he|she|his|her|he{A}s|she{A}s",
    r"(?:the|a|an|that|this|those|these)\s+(?:[\w'’-]+\s+)?(?:course|courses|exam|exams|degree"
    r"|diploma|nvq|phd|doctorate|evening\s+class|night\s+school"
    r"|mba|masters|qualification|certificate|certification|training|studio|council|funding"
    r"|grant|programme|program|school|college|uni|university|charity|clients?|customers?"
    r"|members|families|residents|patients|students|venue|app|product|project|bootcamp|class"
    r"|classes|workshop|conference|ticket|tickets|membership|subscription|licen[cs]e)",
)
#: The staff as payee, with the seeker among them (`cues.others_money_spans`): "do you pay for
#: the uniform or do we", "is it paid for staff".
STAFF_MONEY: Final = _rx(r"we|us|staff|employees|workers|new\s+staff|the\s+team")
#: The manager's own pay asked after a line telling of their move (`THEIR_MOVE_LINE`, session 16
#: B): "Was the money better in consulting?", "How much did you have to give up salary-wise?",
#: "Was the pay cut hard to swallow?" (`cues._their_move`, in a sentence naming neither the
#: seeker nor the role, `SEEKERS_MONEY`).
THEIR_PAY_ASKED: Final = _rx(
    r"(?:did|do|had|have|were)\s+you\s+(?:[\w'’-]+\s+){0,3}?(?:earn|make|get\s+paid|give\s+up"
    r"|lose|lost|take|took|miss|paid|earning|making)",
    r"(?:the|that|your)\s+(?:pay|salary|money)\s+(?:cut|hit|drop|dip)",
    # past only: "is the pay better than retail?" asks the position's pay
    r"(?:was|were)\s+(?:the\s+|your\s+)?(?:money|pay|salary)\s+(?:(?:much|a\s+lot|way|any)\s+)?"
    r"(?:better|worse|higher|lower|more|less|bigger|good)",
)
#: What makes money in a sentence the seeker's own after all (`OTHERS_MONEY`): the seeker
#: ("I", "me", "my" except before kin: "what would I get compared to my friend") or the role.
SEEKERS_MONEY: Final = _rx(
    # (not "I" knowing or saying: "i always heard they do", session 17)
    r"i(?!\s+(?:(?:always|just|once|often|really|never)\s+)?(?:heard|hear|think|thought|wonder"
    r"|wondered|guess|bet|imagine|suppose|read|saw|reckon|assume|assumed|believe|know|knew"
    r"|said|say)(?![\w'’]))",
    rf"me|myself|i{A}m|i{A}d|i{A}ll|i{A}ve|someone\s+like\s+me",
    # session 17: the role's newcomer ("someone coming into the role", "a new starter")
    r"(?:new|fresh)\s+(?:starters?|joiners?|hires?|recruits?)|coming\s+in(?:to)?"
    r"|someone\s+(?:coming|starting|joining|new|in\s+(?:that|this|the)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:role|job|position|seat|post))",
    rf"my(?!\s+(?:[\w'’-]+\s+)?(?:{_KIN})(?![\w'’]))",
    r"(?:the|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post|vacancy|opening)",
)
#: One's own pay asked, read from its structure (session 17, round 3): what a question asks for
#: is an amount or what one gets (`OWN_PAY_THING`) and whom it is for is the seeker or the role
#: on offer (`PAY_RECIPIENT`), whatever words carry either (`cues._own_pay_asked`). The thing
#: asked: "what would <anyone> be making / earning / on / taking home / bringing in / looking
#: at / walk away with", "how much would ...", "what sort of figure", "what lands in my account",
#: "what I'd actually walk away with", "be comfortable financially", "keep my mortgage going on
#: what that role brings in". Its subject (group "who") may not be the other person or theirs
#: ("what would you be making", "what does your brother earn").
_GAIN_STRONG: Final = (
    r"(?:making|earning|earn|take\s+home|taking\s+home|bring(?:ing)?\s+(?:home|in)|clear(?:ing)?"
    r"|pocket(?:ing)?|get(?:ting)?\s+paid|paid|walk(?:ing)?\s+away\s+with|end(?:ing)?\s+up\s+with"
    r"|pull(?:ing)?\s+in|on\s+(?:a|per)\s+(?:year|month|week|hour)|see(?:ing)?\s+(?:at\s+the\s+end"
    r"\s+of\s+the\s+(?:month|week)|in\s+my\s+(?:account|pay\s*packet))|(?:be\s+)?looking\s+at\s+"
    r"(?:money|pay|salary|wage)[\s-]?wise)"
)
#: Weak verbs of getting: an amount only when the clause ends or names a period, the role or a
#: money tail ("what would I be on a year", "what would a junior make with you guys"); "what
#: would I be working on", "what would I get to do", "make of it" are not.
_GAIN_WEAK: Final = r"(?:make|on|get|getting|starting\s+on|start\s+on|looking\s+at|be\s+on)"
_GAIN_TAIL: Final = (
    r"(?=\s*(?:[?.!,;…]|$)|\s+(?:a|per|each|every)\s+(?:year|month|week|hour|annum|day|shift"
    r"|night)(?![\w'’])"
    # where or when the amount lands: "at yours", "after tax", "at the end of the
    # month", "on your shoots"
    r"|\s+(?:at\s+(?:yours|your\s+[\w'’-]+)|after\s+tax|at\s+the\s+end\s+of\s+the"
    r"\s+(?:month|week|year)|on\s+your\s+[\w'’-]+)(?![\w'’])"
    r"|\s+(?:roughly|ballpark|then|there|here|realistically|honestly|to\s+start|starting\s+out"
    r"|at\s+first|in\s+the\s+first|with\s+(?:you|yous|youse|ye|your|the\s+company"
    r"|this\s+company|us)|if\s+i"
    r"|in\s+(?:that|this|the|your)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post|seat"
    r"|team|department|crew|unit)"
    r"|as\s+(?:a|an)\s|in\s+terms\s+of\s+(?:money|pay|salary|cash|take[\s-]?home|what)"
    r"|money[\s-]?wise|salary[\s-]?wise|pay[\s-]?wise)(?![\w'’]))"
)
#: Session 19: no word of the subject is a verb whose "on" closes the question ("What would
#: someone new work on?", "what would a new hire spend their first month on", "focus on"): the
#: closing "on" is that verb's, not the amount's "be on" (a newcomer's run read it as pay).
_ON_VERB: Final = (
    r"(?:work|works|working|focus|focusing|focussing|concentrate|concentrating|spend|spending"
    r"|spent)\s+(?:[\w'’-]+\s+){0,4}?on(?![\w'’])"
)
_GAIN_SUBJECT: Final = rf"(?:(?!(?:be|been|being|get|to|do|of)\s)(?!{_ON_VERB})[\w'’-]+\s+){{0,9}}?"
OWN_PAY_THING: Final = _rx(
    r"(?:what|how\s+much(?:\s+money)?)\s+(?:would|will|do|does|could|might|can|should|am|is|are)"
    rf"\s+(?P<who>{_GAIN_SUBJECT})(?:(?:realistically|actually|roughly|typically|usually"
    r"|probably|expect\s+to|likely|really)\s+)?(?:be\s+)?"
    rf"(?:{_GAIN_STRONG}(?!\s+(?:of|it|sense|a\s+difference|friends|decisions|progress|time"
    rf"|up|out)(?![\w'’]))|{_GAIN_WEAK}{_GAIN_TAIL})",
    r"what\s+(?:sort|kind|type|level)\s+of\s+(?:figure|number|money|amount|salary|pay|wage"
    r"|sum|ballpark)",
    r"what\s+(?:(?:would|will|does|might)\s+(?:(?:actually|really|roughly)\s+)?)?(?:lands?|goes"
    r"|go|ends?\s+up|comes?|gets?\s+paid)\s+in(?:to)?\s+(?:my|their|his|her|the|your)\s+"
    r"(?:bank\s+)?(?:account|bank|pocket|wallet|pay\s*packet)",
    rf"what\s+(?:i{A}d|i\s+would|i{A}ll|i\s+will|i{A}m|i\s+am)\s+(?:(?:actually|really|roughly"
    r"|realistically)\s+)?(?:be\s+)?(?:walk(?:ing)?\s+away\s+with|tak(?:e|ing)\s+home"
    r"|bring(?:ing)?\s+home|clear(?:ing)?|pocket(?:ing)?|end(?:ing)?\s+up\s+with|earn(?:ing)?"
    r"|mak(?:e|ing)|be\s+on|getting\s+paid"
    r"|get(?:ting)?(?!\s+(?:into|out|up|involved|to|at|on|in|done|used|from|back)(?![\w'’])))",
    r"(?:be|feel|live)\s+(?:(?:quite|reasonably|fairly|pretty|really)\s+)?comfortable"
    r"\s+financially|financially\s+comfortable",
    r"(?:live|get\s+by|survive|manage|keep\s+(?:my|the)\s+(?:[\w'’-]+\s+)?(?:mortgage|rent|head"
    r"|bills)(?:\s+(?:going|paid|covered|afloat|above\s+water))?|pay\s+(?:my|the)\s+(?:rent"
    r"|bills|mortgage)|cover\s+(?:my|the)\s+(?:rent|bills|mortgage))\s+on\s+what\s+(?:that|this"
    r"|the|your)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post)\s+(?:brings\s+in|pays"
    r"|offers|comes\s+to)",
    r"what\s+(?:that|this|the)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post)\s+(?:brings"
    r"\s+in|pays)",
)
#: Whom the amount is for, when it is the seeker or the role on offer: I, me, my, "someone
#: like me", "somebody in my shoes", "somebody with my eight years", "if I came on board",
#: "people joining now", new starters, "a junior <title> with you guys", "in that <title> job",
#: "as a <title> there", "here".
PAY_RECIPIENT: Final = _rx(
    rf"i|me|my|myself|i{A}(?:d|m|ll|ve)|im|id|ive",
    r"(?:someone|somebody|anyone|anybody|a\s+person|people|a\s+guy|a\s+woman)\s+(?:like|in"
    r"|with|at|of)\s+(?:me|my|mine)",
    r"(?:people|someone|somebody|anyone|those|folks)\s+(?:joining|starting|coming\s+in"
    r"|coming\s+on(?:\s+board)?|new)",
    # a title joining now ("a relationship manager joining now")
    r"[\w'’-]+\s+(?:joining|coming\s+in|coming\s+on\s+board)\s+(?:now|today|this\s+year"
    r"|next\s+\w+)",
    # a newcomer of any kind, whatever follows ("a nurse coming in from the agency", "a planner
    # joining from another firm", "a junior coming in")
    r"(?:someone|somebody|a|an|people|[\w'’-]+(?:er|or|ist|ian|ee|s))\s+(?:[\w'’-]+\s+)?"
    r"(?:joining|coming\s+in|coming\s+on(?:\s+board)?|starting)(?![\w'’])",
    r"(?:new|fresh|first[\s-]year)\s+(?:starters?|joiners?|hires?|recruits?|staff|people)",
    r"with\s+(?:you|yous|youse|ye|you\s+guys|you\s+lot|you\s+all|y['’]?all|your\s+(?:team|lot|company|firm"
    r"|crew|group|studio|place|shop))|here|there|on\s+your\s+(?:team|crew|books|payroll)",
    r"(?:in|for|on)\s+(?:that|this|the|your)\s+(?:[\w'’-]+\s+){0,3}?(?:role|job|position|post"
    r"|seat|vacancy|opening|team|department|crew|unit)",
    r"as\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+(?:there|here|with|at|for|on|in)"
    r"(?![\w'’])|\s*(?:[?.!,;…]|$))",
)
#: Wanting to know, before an embedded question of `OWN_PAY_THING` said as a statement ("I'd
#: need to know what I'd actually be getting", "I'm curious what someone like me would make").
KNOW_WHAT: Final = _rx(
    r"(?:know|ask|asking|wonder\w*|tell\s+me|find\s+out|idea|sense|curious|clue|understand"
    r"|check)\s+(?:[\w'’-]+\s+){0,2}?(?:what|how\s+much)",
)
#: The thing's subject when it is the other party or theirs, not a recipient of the seeker's
#: side: "what would you be making", "what does your brother earn", "what do they pay".
PAY_OTHER_SUBJECT: Final = _rx(
    rf"(?:you|they|he|she|it|we|you{A}d|they{A}d|your|their|his|her|its|our)(?:\s+[\w'’-]+)*",
    rf"(?:my|a|the)\s+(?:[\w'’-]+\s+)?(?:{_KIN})(?:\s+[\w'’-]+)*",
)
#: A change in pay asked about the other person's own past move, whose pay words are theirs, not
#: the position's: "was that a big pay cut at first?" (after "I went from store manager to
#: merchandising"), "money wise did you take a big hit", "did you have to take less money".
#: Only the pay change itself: "did you have a number in mind for the salary?" and "did you find
#: out the hourly rate?" ask about the position's pay (`cues._their_move`: the pay word must lie
#: inside a match).
THEIR_MOVE: Final = _rx(
    r"(?:was|were)\s+(?:that|it|there)\s+(?:a\s+|any\s+)?(?:\w+\s+)?(?:pay|salary|money)\s+"
    r"(?:cut|hit|drop|dip)s?",
    r"(?:did|had)\s+you\s+(?:have\s+to\s+)?(?:take|get|face|accept|notice|feel|see)\s+(?:a\s+)?"
    r"(?:\w+\s+)?(?:pay|salary|money)\s+(?:cut|hit|drop|dip)",
    r"money[\s-]?wise,?\s+(?:did|had)\s+you\s+(?:have\s+to\s+)?(?:take|get|face|feel)\s+(?:a\s+)?"
    r"(?:\w+\s+)?(?:hit|cut|drop|dip)",
    r"(?:did|had)\s+you\s+(?:have\s+to\s+)?(?:take|make|earn|accept|get)\s+(?:a\s+lot\s+|much\s+)?"
    r"(?:less|more)\s+(?:money|pay|salary)",
)
#: Pay asked as whether a move was worth it, naming no one ("was it worth it money-wise?",
#: "is it worth it financially?", "financially, was it worth it?"): about the manager's own move
#: when their line told of one (`THEIR_MOVE_LINE`, `cues._their_move`; review 15 R7), the
#: position's pay otherwise (`_PAY_UNNAMED`).
WORTH_IT_MONEY: Final = _rx(
    r"(?:was|is|were)\s+(?:it|that|the\s+(?:move|switch|change|jump))\s+(?:(?:really|actually"
    r"|even|all)\s+)?worth\s+it,?\s+(?:money|financially|pay|salary|moneywise)(?:[\s-]?wise)?",
    r"(?:money|pay|salary)[\s-]?wise,?\s+(?:was|is)\s+(?:it|that)\s+(?:(?:really|actually|even"
    r"|all)\s+)?worth\s+it|moneywise,?\s+(?:was|is)\s+(?:it|that)\s+worth\s+it",
    r"financially(?:\s+speaking)?,?\s+(?:was|is)\s+(?:it|that)\s+(?:(?:really|actually|even"
    r"|all)\s+)?worth\s+it",
)
#: The manager telling of their own move between jobs or fields ("I moved from consulting to
#: here.", "I switched over from nursing", "I left banking in 2019", "I took a pay cut to come
#: here"): what `WORTH_IT_MONEY` asks about after it.
THEIR_MOVE_LINE: Final = _rx(
    r"i\s+(?:(?:only|actually|originally|first|finally|eventually|just)\s+)?(?:moved|switched"
    r"|went|came|jumped|transferred|changed|crossed|pivoted|retrained)\s+(?:over\s+|here\s+|across\s+)?(?:from|into"
    r"|to|across|over|careers?|jobs?|fields?|sides?|industr\w+)",
    r"i\s+(?:(?:only|actually|finally|eventually|just)\s+)?(?:left|quit)\s+(?:my|a|the|\w+ing"
    r"|law|finance|academia|retail|tech|teaching|nursing|consulting|banking)",
    r"(?:my|the)\s+(?:move|switch|jump|career\s+change|transition)\s+(?:from|to|into|here)",
    r"i\s+(?:\w+\s+)?(?:took|made)\s+(?:a|the)\s+(?:\w+\s+)?(?:pay\s+cut|leap|plunge|jump"
    r"|switch|move)",
)
#: What each word about the job's terms is (session 14, F3: one declaration, read by the rules
#: and by the coaching): `(kind, words, content)`. `kind` names what a question with these words
#: asks about ("pay", "time off", "the hours", "remote work", "the perks"; None: a term that is
#: none of them, "a contract role"); `content` says the words alone make a turn pay-like
#: (`PAY_CONTENT`), the rest only name the kind of terms a flagged question asked
#: (`terms_named`, for `app.report.coaching`: "Would I get a laptop?" asks about the perks, but
#: "what laptop do you use" is no question about pay). The order is `PAY_CONTENT`'s.
TERM_KINDS: Final = ("pay", "time off", "the hours", "remote work", "the perks")


@dataclass(frozen=True)
class TermWords:
    """Words about the job's terms: what they ask about (`kind`, None for a term that is none
    of the kinds: "a contract role"), whether they alone make a turn pay-like (`content`, for
    `PAY_CONTENT`), and the context that keeps them the seeker's own terms there (`before`,
    `after`: "pay for the clinics", "is that paid work" are the other party's); a question
    already flagged names its kinds from the words alone (`terms_named`)."""

    kind: str | None
    words: str
    content: bool = True
    before: str = ""
    after: str = ""


TERM_WORDS: Final[tuple[TermWords, ...]] = (
    TermWords("pay", r"salar(?:y|ies)|compensation|comp|wages?|paycheck"),
    # pay, money, benefits and hours about another party are not the seeker's pay ("the
    # benefits for the clinics", "make money from it", "hours of downtime")
    TermWords("pay", rf"pay(?:s|ing|ment|check|roll)?{_PAY_IDIOM}", after=_FOR_OTHERS),
    # "paid time off" is time off; "is that paid work" the other person's work
    TermWords(
        "pay",
        r"paid(?!\s+(?:time\s+off|holidays?|leave|vacations?)(?![\w'’]))" + _PAY_IDIOM,
        before=r"(?<!that\s)(?<!this\s)",
        after=_FOR_OTHERS,
    ),
    TermWords("pay", "money", before=_MADE_MONEY, after=_FOR_OTHERS),
    TermWords("pay", "earn(?:s|ing|ings)?", after=_EARNED_NOT_PAY + _FOR_OTHERS),
    TermWords("the perks", "benefits", after=_FOR_OTHERS),
    TermWords("the perks", r"benefit\s+(?:package|plan|scheme)s?"),
    TermWords(
        "the hours", "hours", after=rf"(?!\s+of\s+(?!(?:work|overtime)(?![\w'’]))){_FOR_OTHERS}"
    ),
    TermWords("pay", r"income|bonus(?:es)?|equity|(?:stock|share)\s+options?"),
    # a retirement scheme is a perk like the pension (session 15)
    TermWords("the perks", r"pension|401\s?k|403\s?b|superannuation|kiwisaver|rrsp"),
    # "any perks over the old one" compares tools; "perks over other employers" stays perks
    TermWords("the perks", rf"perks?(?!\s+over\s+(?!{_OTHER_EMPLOYERS}))"),
    TermWords(
        "pay", r"raises?|(?:day|daily|hourly|going|pay|contract|freelance|starting)\s+rates?"
    ),
    TermWords("the perks", r"per\s+diem|mileage|reimburs\w*"),
    TermWords("the perks", r"retirement"),
    TermWords("time off", r"p\s?t\s?o"),
    TermWords("pay", r"ballpark|the\s+range(?!\s+of)"),
    TermWords("the hours", r"four[\s-]day\s+weeks?"),
    # "the rate of turnover", "the rate at which it grows", "the hourly throughput": no pay
    TermWords(
        "pay",
        r"rates?\s+of\s+(?:pay|compensation|remuneration)|the\s+rate(?!\s+(?:of|at)(?![\w'’]))"
        rf"|hourly(?!\s+(?!{_HOURLY_PAY})[a-z])",
    ),
    TermWords("the hours", r"overtime"),
    TermWords("remote work", r"remote(?:ly)?|hybrid|work(?:ing)?\s+from\s+home|wfh"),
    TermWords("time off", r"holidays?|vacations?|weekends?\s+off"),
    TermWords("pay", r"banding|band\s+(?:\d|five|six|seven|eight|nine)"),
    TermWords(
        "time off",
        r"(?:annual|parental|maternity|paternity|sick|paid)\s+leave|leave\s+(?:policy|allowance"
        r"|days)|time\s+off|days\s+off|pto",
    ),
    TermWords("pay", r"package|commission"),
    TermWords("the perks", r"relocation|insurance|health\s*care|dental|allowance"),
    TermWords("pay", r"per\s+(?:hour|year|annum|month|day)|salaried"),
    TermWords(None, r"contract(?:or)?"),
    TermWords("the hours", r"part[\s-]time|full[\s-]time|four[\s-]day\s+week"),
    TermWords("pay", r"sign(?:ing)?[\s-]on|(?!40[13]\s?[kb])\d+\s*k|[$£€]\s*\d"),
    # naming only: a flagged question's other words for its kind
    TermWords(
        "pay",
        r"paychecks|payslips?|take[\s-]?home|base|basic|ote|on[\s-]target|the\s+(?:number|figure)"
        r"|how\s+much\s+(?:[\w'’-]+\s+){0,4}?(?:make|earn|pay(?:s|ing)?|paid)"
        r"|how\s+much\s+(?:do|does|did|would|will|could|can|might)\s+(?:i|you|we|they|people"
        r"|one|someone|it|(?:the|a|this|that)\s+[\w'’-]+)\s+(?:get|take\s+home)(?=\s*(?:[?.!,;]"
        r"|$|a\s+(?:year|month|week|day)|per\s|an\s+hour))",
        content=False,
    ),
    # pay asked without a pay word (session 15): "what band is it", "could I live on it"
    TermWords(
        "pay",
        r"(?:pay\s+)?(?:band|grade)|numbers|figures?|ballpark|live\s+on|money[\s-]?wise"
        r"|financially|in\s+it\s+for\s+me|bring\s+home|come\s+to",
        content=False,
    ),
    TermWords(
        "the perks",
        r"super\s+(?:contributions?|fund|scheme|match\w*)|(?:pay|paid|get|any)\s+super"
        r"|(?:employer|company)\s+(?:match\w*|contributions?)",
        content=False,
    ),
    TermWords("time off", r"day\s+off|leave\s+entitlement|sick\s+days", content=False),
    TermWords(
        "the hours",
        r"shifts?|rotas?|nights?|weekends?(?!\s+off)"
        r"|(?<!vesting\s)(?<!payment\s)(?<!release\s)schedules?|flexi(?:ble|time)?|start\s+time"
        r"|finish\s+time|on[\s-]call|9\s*(?:-|to)\s*5|nine\s+to\s+five",
        content=False,
    ),
    TermWords(
        "remote work",
        r"from\s+home|home[\s-]?working|(?:days?\s+)?in\s+the\s+office|office\s+days?|commut\w*"
        r"|relocat(?:e|es|ing)",
        content=False,
    ),
    TermWords(
        "the perks",
        r"gym|parking|company\s+car|lunch(?:es)?|discounts?|health\s+plan|expenses|laptop|phone"
        r"|allowances|equipment|training\s+budget|moving\s+costs",
        content=False,
    ),
)
#: Pay-like content: the pay, the money or a term of the job (hours, remote work, holidays).
#: A pay question names one; the sentence model may name the cue only for a turn that does
#: ("How big is the team?" and "How senior is the role?" ask about the work, `learned.hybrid`).
PAY_CONTENT: Final = _rx(*(t.before + t.words + t.after for t in TERM_WORDS if t.content))
_TERMS_OF_KIND: Final = {
    kind: _rx(*(t.words for t in TERM_WORDS if t.kind == kind)) for kind in TERM_KINDS
}


def terms_named(text: str, spans: Sequence[tuple[int, int]] | None = None) -> tuple[str, ...]:
    """The kinds of terms `text` names (`TERM_WORDS`), in `TERM_KINDS` order: "pay", "time
    off", "the hours", "remote work", "the perks" (none: it names none of them). With `spans`,
    only words that overlap one of them, read in the whole text ("paid" in "is there paid time
    off" is time off, not pay)."""

    def named(kind: str) -> bool:
        if spans is None:
            return _TERMS_OF_KIND[kind].search(text) is not None
        return any(
            m.start() < end and start < m.end()
            for m in _TERMS_OF_KIND[kind].finditer(text)
            for start, end in spans
        )

    return tuple(kind for kind in TERM_KINDS if named(kind))


# --- negation and deferral scope ---------------------------------------------------------------

#: A word that negates or defers what follows it in its clause: "not", "never", any "n't" form,
#: "no need/plans/rush to", "hold off on", "before" (not "how long before"), "instead of",
#: "rather than", "without" (not a circumstance: "without a job right now"). "Why not", "why
#: don't/can't/won't I" and "not only" invite or offer, so they negate nothing.
NEGATOR: Final = _rx(
    r"(?<!why\s)not(?!\s+only)(?!\s+(?:mind|say\s+no|object|turn\s+(?:my\s+)?nose|turn\s+(?:it|that"
    r"|this|one|those|them)\s+down)(?![\w'’]))|never|no\s+longer|(?<!why\s)cannot"
    rf"|(?<!why\s)(?:do|does|did|is|are|was|were|wo|would|could|should|ca|have|has|had|need|ai)n{A}t"
    # litotes say yes (session 15): "I wouldn't mind", "I wouldn't say no", "couldn't ask for more"
    r"(?!\s+(?:mind|say\s+no|ask\s+for\s+more|object|complain|turn\s+(?:my\s+)?nose|turn\s+(?:it"
    r"|that|this|one|those|them)\s+down)(?![\w'’]))"
    r"|no\s+(?:need|plans?|intention|rush|hurry|interest)|hold(?:ing)?\s+off(?:\s+on)?"
    r"|(?<!long\s)(?<!soon\s)before|instead\s+of|rather\s+than"
    r"|without(?!\s+(?:a|an|any|the|my|much|work|income|\w+\s+job)(?![\w'’]))",
)
#: Words that may stand between a negator and the request it negates without ending its scope:
#: subjects, auxiliaries, intentions and fillers ("not [really ready to] apply", "don't [want
#: to be asking you to] refer me"). Any other word ("not sure", "can't wait", "don't know")
#: ends the scope, and so does any punctuation.
SCOPE_WORDS: Final = frozenset(
    _words(
        "i im i'm am is are was be been being it it's its you me my to for of on in a an the "
        "any this that at really actually currently even quite yet just still right now so too "
        "ready going gonna planning plan plans intend intending mean meaning expect expecting "
        "looking trying try hoping aiming here asking ask want wanna need needing like seeking "
        "after thinking rush hurry position point stage time moment able allowed would will could "
        "should can do did get getting applying apply i'll ill i'd id we we're you're youre "
        "officially formally anyone anybody think send sending give giving pass passing share "
        "sharing"
    )
)
_SCOPE_WORD: Final = "|".join(
    re.escape(w).replace("'", f"{A}") for w in sorted(SCOPE_WORDS, key=len, reverse=True)
)
#: A negator whose scope runs to the end of the text searched (the text before a cue match).
NEGATED_BEFORE: Final = re.compile(
    rf"{NEGATOR.pattern}(?:\s+(?:{_SCOPE_WORD})(?![\w'’])){{0,8}}\s*$", re.IGNORECASE
)
#: What a seeker may set as a condition before saying yes ("before I decide", "before we talk
#: money", "before seeing the team"): deferral; a time to beat ("before the new year", "before
#: that deadline") is eagerness, not deferral.
_SEEKER_CONDITION: Final = (
    r"(?:decid\w*|commit\w*|talk\w*|speak\w*|spoken|meet\w*|met|see|seeing|seen|sign\w*"
    r"|apply\w*|say|saying|chat\w*|check\w*|think\w*|hear\w*|heard|discuss\w*|know|knowing"
    r"|sleep\w*|agree\w*|accept\w*|answer\w*|respond\w*|giv\w+\s+(?:you\s+)?an?\s+answer)"
)
#: A yes or declared interest put off in its own sentence: "I'd like to talk to her first",
#: "I'm interested, but I'd want to meet the team before deciding".
DEFERRED_AFTER: Final = re.compile(
    r"[^.?!;\n]{0,80}?(?<![\w'’])(?:(?<!the\s)(?<!my\s)(?<!your\s)(?<!our\s)first"
    r"(?=\s*(?:[.?!,;]|$|(?:and|but|though)(?![\w'’])))|beforehand|some\s+other\s+time"
    rf"|before\s+(?:(?:i|we)(?:{A}(?:ve|d|ll|m))?\s+(?:\w+\s+){{0,3}}?)?{_SEEKER_CONDITION})"
    r"(?![\w'’])",
    re.IGNORECASE,
)
#: A condition on fit or on learning more, earlier in a request's sentence: "If it turns out to
#: be a fit, I'd be glad for you to pass my name along then" puts the request off.
FIT_CONDITION: Final = _rx(
    r"(?:if|once|when)\s+(?:it|this|that|things|the\s+role)\s+(?:[\w'’-]+\s+){0,5}?(?:fit|right"
    r"|match|makes\s+sense|works\s+out)",
    r"once\s+i\s+(?:[\w'’-]+\s+){0,2}?(?:know|learn|understand|met|meet|seen|see|talked|spoken)",
)
#: "The open role" named inside a question is its topic ("what would the person in the open
#: role do?"), not a request for it ("are there any openings?").
DEFINITE_ROLE: Final = _rx(
    r"(?:the|this|that)\s+(?:\w+\s+)?(?:openings?|vacanc(?:y|ies)|open\s+(?:roles?|positions?"
    r"|jobs?))",
)
#: A question about the role's CONTENT, in which "the open role" is the topic: what, who, how
#: or which asks about it, or it asks what the role involves ("is the opening more on the data
#: side?"). Asking whether it is still open, filled or for the seeker asks FOR it.
ROLE_CONTENT_QUESTION: Final = _rx(
    r"what|who|whom|how|which|involves?|entails?|day[\s-]+to[\s-]+day|report(?:s|ing)?\s+to"
    r"|differ(?:s|ent)?|more\s+on|side|responsib\w*|focus\w*|spend|look\s+like",
)
#: Words that make a question about "the open role" ask for it even so ("how do I apply for the
#: open role?", "who should I talk to about being considered for the opening?").
ROLE_ASKED_FOR: Final = _rx(
    r"apply\w*|applications?|considered|consider\s+me|put\s+me|refer\w*|hire\s+me|get\s+(?:it|in)"
    r"|filled|still\s+(?:open|available|accepting|taking|hiring)|for\s+me|interview\w*|resume|cv",
)
#: A question about the work: a wh-word ("what projects would I work on", "who does the role
#: report to", "why is the role open"), not "when" ("when can I interview?").
WORK_QUESTION_START: Final = re.compile(
    r"(?:(?:at|in|to|on|by|with|for|under|over)\s+(?=what|which))?"
    r"(?:what|who|whom|why|how|which|where)(?!\w)(?!\s+(?:do|can|could|should|would)\s+i"
    r"\s+(?:apply|get\s+(?:in|hired|the\s+job)))",
    re.IGNORECASE,
)
#: A wh-word opening a clause, for a turn in which the rules heard no question ("hmm how
#: senior is the role").
WORK_QUESTION_AT: Final = re.compile(
    r"(?:^\W*|[.?!;,]\s+|(?<![\w'’])(?:hmm|um|uh|so|well|depends|maybe|okay|ok|right|and)[\s,]+)"
    r"(?:what|how|who|whom|why|which|where)(?!\w)",
    re.IGNORECASE,
)
#: Words with which a question about the work still asks for the position (the model may then
#: name a job request): applying, being considered or put forward, hiring, an interview, the
#: next steps, a chance or a start.
JOB_ASKED: Final = _rx(
    # hiring asks for the position when it is the seeker's ("hire me", "getting hired", "are you
    # hiring"), not "the person you hire" or "how do you decide who to hire" (trial7 G3)
    r"apply\w*|applications?|consider\w*|put\s+me|refer\w*|hire\s+me|hiring"
    r"|(?:get|got|be|been|being|getting)\s+hired|get\s+(?:it|in)"
    r"|filled"
    r"|still\s+(?:open|available|accepting|taking)|for\s+me|interview\w*|resume|cv|candidates?"
    r"|next\s+steps?|process|chance|shot|start\w*|offer\w*|join\w*|openings?|vacanc\w*"
    r"|forward|sign\s+(?:me\s+)?up|sign\s+me|room\s+for|take\s+me|have\s+me|bring\s+me|work\s+(?:for|with)\s+you",
)
#: A question about the other person or their team that asks nothing for the seeker has no
#: first-person word ("What time do you start in the morning?", "how did you get into
#: informatics", "what tools does the team use"); "what time would I need to start" asks about
#: the seeker's own start in the job.
FIRST_PERSON: Final = _rx(
    rf"i|me|my|mine|myself|i{A}m|im|i{A}d|id|i{A}ll|ill|i{A}ve|ive|we|us|our|ours"
    rf"|we{A}(?:re|d|ll|ve)",
)
#: Who a question about the other person or their team asks about: "you", "your team", "the
#: nurses", "people", "everyone", "they" ("what time do you start", "does the crew work
#: weekends"); a question naming none ("is there overtime", "what's the start date") asks
#: about the job.
THEIR_PEOPLE: Final = _rx(
    rf"you|your|yours|yourself|yourselves|y{A}all|you{A}(?:re|ve|d|ll)|youre|youve|they|them"
    rf"|their|they{A}(?:re|ve|d)|theyre|he|she|his|him|her|people|everyone|everybody|folks"
    r"|(?:the|your)\s+(?:[\w'’-]+\s+)?(?:team|teams|crew|staff|nurses|engineers|developers|devs"
    r"|analysts|techs|technicians|guys|group|department|unit|lab|office|managers|doctors"
    r"|teachers|drivers|cooks|chefs|designers|researchers|reps|agents|workers|people"
    # a group named by its shift or place (session 10: "when does the shift hand over", "what
    # time does the night crew wrap up", "when does the kitchen close up")
    r"|shift|shifts|squad|ward|floor|kitchen|site|clinic|store|crews|residents|staffers)",
)
#: The end of a working day and its handover, said in other words than `THEIR_DAY`'s ("knock off",
#: "hand over", "stay late", "how late"), shared by `THEIR_DAY` and `THEIR_HOURS`.
_THEIR_HOURS_MORE: Final = (
    r"hand(?:s|ing)?\s+(?:over|off)|hand[\s-]?(?:over|off)s?|change(?:s)?\s+over|changeover"
    r"|knock(?:s|ing)?\s+off|clos(?:e|es|ing)\s+up|go(?:es)?\s+home|get(?:s|ting)?\s+going|leaves?\s+(?:work|the\s+"
    r"(?:office|site|lab|floor|building)|for\s+the\s+day)|(?:usually|normally|typically|often"
    r"|ever)\s+(?:stay|leave)|stay(?:s|ing)?\s+(?:late|past|until|till|behind)"
    r"|(?:how|work(?:s|ing)?)\s+late|how\s+early|on[\s-]call|rota"
)
#: What a question about the other person must ask about to ask nothing for the seeker: their
#: day, hours and tools, or their own path ("what time do you start", "what tools does the team
#: use", "how did you get into informatics", "what drew you to it"); "Would your team benefit
#: from a senior data engineer?" asks about none of these.
THEIR_DAY: Final = _rx(
    r"start\w*|begin\w*|finish\w*|get(?:s|ting)?\s+in|clock(?:s|ing)?\s+(?:in|out)|come\s+in"
    r"|wrap\s+up|head\s+home|stay|hours|shifts?|weekends?|nights?|mornings?|evenings?|schedul\w*"
    r"|routine|typical|usually|normally|day|days|week|tools?|software|stack|use|uses|using"
    r"|get\s+into|got\s+into|end(?:ed)?\s+up|path|journey|career|background|how\s+long|drew|drawn"
    r"|brought|enjoy\w*|(?:love|like)\s+(?:about|most)|hardest|best\s+part|switch\w*|first\s+job"
    r"|learn\w*|joined|how\s+did\s+you"
    # the end of their day in other words (session 10: "when does the shift hand over", "how
    # late do your analysts stay", "what time do they knock off")
    rf"|leave|leaves|leaving|lunch|breaks?|{_THEIR_HOURS_MORE}",
)
#: A question about their working hours in words a small-talk question does not use: when they
#: start, stop, hand over or stay, their shifts, their tools ("What time does the crew wrap
#: up?", "how late do your analysts usually stay", "when does the shift hand over"); not "How
#: was your weekend?" or "did you have a good morning". The sentence model may read such a
#: question as neither an interview nor small talk (`cues.silent_spans`).
THEIR_HOURS: Final = _rx(
    r"start\w*|begin\w*|finish\w*|get(?:s|ting)?\s+(?:in|going|started)|clock(?:s|ed|ing)?\s+"
    r"(?:in|out|off)|come\s+in|wrap(?:s|ping)?\s+(?:up|things\s+up)|head(?:s|ing)?\s+(?:home|out)"
    r"|hours|shifts?|schedul\w*|routine|typical\s+day|tools?|software|stack"
    r"|(?:work|do|cover|pull)(?:s|ing)?\s+(?:the\s+)?(?:nights|weekends|night\s+shifts?)"
    r"|tak(?:e|es|ing)\s+(?:(?:their|your|a|the)\s+)?(?:lunch|breaks?)|lunch\s+breaks?"
    rf"|{_THEIR_HOURS_MORE}",
)
#: A person or a hire as the object of a question about the other person's team: a verb of
#: taking, using or wanting, then a role or person noun phrase ("could your team use a Python
#: developer", "does your team usually take interns", "would your group be open to a junior
#: analyst", "do you guys have room for new grads"): a pitch dressed as a question, not their
#: day or tools, whichever routine word ("use", "usually") it has. A role noun is one of
#: `_ROLE_NOUNS` or, after "a/an" and at most three words, a noun of a doer (-er/-ist/-yst/-or/-ian/
#: -ant/-ent) other than a tool's (`_TOOL_NOUNS`: "a planner", "a scheduler").
_ROLE_NOUNS: Final = (
    r"(?:interns?|internships?|juniors?|seniors?|grads?|graduates?|trainees?|apprentices?|temps?"
    r"|hires?|recruits?|candidates?|nurses?|cooks?|chefs?|clerks?|staff(?:ers?)?|aides?|medics?"
    r"|techs?|devs?|coders?|students?|freshers?|volunteers?|helpers?|hands|talent|majors"
    r"|veterans|vets|parents|moms|mums|dads|pros|experts|professionals|generalists"
    r"|person|people|folks?|someone|somebody|anyone|anybody|one\s+more|more\s+help)"
)
_TOOL_NOUNS: Final = (
    r"(?:computer|laptop|planner|tracker|scheduler|server|browser|printer|monitor|editor|folder"
    r"|container|number|order|other|paper|poster|register|sensor|vector|filter|compiler"
    r"|debugger|linter|router|adapter|controller|builder|reader|viewer|player|center|centre|meter"
    r"|timer|calendar|spreadsheet|docker|cluster|poster|counter|scanner|charger|water|heater"
    r"|sticker|marker|binder|manager\s+app|generator|simulator|calculator|translator\s+app"
    r"|accelerator|vendor|supplier|variant|agent\s+tool|plugin|equivalent|component|element"
    r"|document|segment|environment|deployment|assignment|investment|treatment|equipment)"
)
#: Where a role noun ends its noun phrase: the question's end, a comma, or a word that opens what
#: follows ("a developer on the new stack", "interns for the summer", "a nurse who...").
_HEAD_END: Final = (
    r"(?=\s*(?:$|[?.!,;…)]|(?:on|in|for|with|who|whos|who[’']s|that|to|from|at|this|next|like"
    r"|or|and|if|soon|now|right|so|maybe|anytime|sometime|again|too|as\s+well|full|part)"
    r"(?![\w'’])))"
)
_TAKING_VERB: Final = (
    r"(?:use|uses|using|take|takes|taking|want|wants|wanting|need|needs|needing|hire|hires|hiring"
    r"|bring|brings|consider|welcome"
    r"|do\s+with|open\s+to|room\s+for|space\s+for|looking\s+for|take\s+on|bring\s+(?:in|on)"
    # session 10 (review 9 R11): "would your team have use for someone like me"
    r"|ha(?:ve|s|d)\s+(?:a\s+|any\s+|some\s+|much\s+)?use\s+for|find\s+(?:a\s+)?use\s+for)"
)
#: What may come before a hire's noun: "a", "another", "more", "a couple of"...
_HIRE_COUNT: Final = (
    r"(?:(?:a|an|another|one|more|some|any|extra|new|a\s+few|few|two|three"
    r"|couple\s+of|a\s+couple\s+of)\s+)?"
)
#: Words inside the noun phrase before its noun: at most three, none a preposition.
_FILLER: Final = r"(?:(?!(?:for|to|with|on|in|at|of|from|by|about)\s)[\w'’-]+\s+){0,3}?"
#: A bare plural of doers' nouns, not a tool's ("career changers", "data engineers"; not
#: "servers", "spreadsheets"), ending its noun phrase.
_DOERS: Final = (
    rf"(?!{_TOOL_NOUNS}s(?![\w'’-]))[a-z][\w'’-]+(?:er|ist|yst|or|ian|ant|ent|ee)s{_HEAD_END}"
)
#: An offer's modal, or "ever", before a verb of taking ("could your team use", "would you
#: guys have use for", "does the lab ever need"): what makes its bare plural a hire, unlike
#: the habitual "does your team use X" or "do you still use X".
_OFFER_MODAL: Final = (
    rf"(?:could|would|might|can|will|may|couldn{A}t|wouldn{A}t|can{A}t|won{A}t|ever)(?![\w'’])"
)
#: Verbs whose object is a person: "hire", "take on", "bring in", "recruit", "consider".
_PEOPLE_VERB: Final = (
    r"(?:hire|hires|hiring|recruit|recruits|recruiting|take\s+on|takes\s+on|taking\s+on"
    r"|bring\s+(?:in|on)|brings\s+(?:in|on)|bringing\s+(?:in|on)|consider|considers|welcome"
    r"|welcomes|train\s+up|onboard)"
)
#: Words that only describe people, before a bare plural: "self-taught programmers", "career
#: changers", "former teachers", "junior designers".
_HUMAN_WORD: Final = (
    r"(?:self[\s-]taught|career|bootcamp|former|retired|junior|senior|trainee|freelance|certified"
    r"|experienced|qualified|licensed|registered|entry[\s-]level|recent|graduate|student"
    r"|apprentice|part[\s-]time|full[\s-]time|bilingual|young|older|mid[\s-]career|ex-[\w'’-]+"
    r"|veteran|returning|aspiring|budding|newly\s+qualified|overseas|international|local)"
)
A_HIRE: Final = _rx(
    rf"{_TAKING_VERB}\s+{_HIRE_COUNT}{_FILLER}{_ROLE_NOUNS}{_HEAD_END}",
    rf"{_TAKING_VERB}\s+(?:a|an|another)\s+{_FILLER}(?!{_TOOL_NOUNS}(?![\w'’-]))"
    rf"[a-z][\w'’-]*(?:er|ist|yst|or|ian|ant|ent)s?{_HEAD_END}",
    # a bare plural of doers (session 10, review 9 R11): "could your team use career changers",
    # "does the lab ever need self-taught programmers"; not a tool's plural ("more servers").
    # Its suffix alone is no person (review 10 R18: "does your team use connectors for that?"
    # asks about their tools), so it needs a sign of one (session 11): an offer's modal or
    # "ever" before the verb ("could your team use", "would the lab have use for", "do you
    # ever need"), a verb only people are the object of ("hire", "take on", "bring in"), or a
    # word that only describes people ("self-taught", "career", "former", "junior")
    rf"{_OFFER_MODAL}\s+(?:[\w'’-]+\s+){{0,4}}?{_TAKING_VERB}\s+{_HIRE_COUNT}{_FILLER}{_DOERS}",
    rf"{_PEOPLE_VERB}\s+{_HIRE_COUNT}{_FILLER}{_DOERS}",
    rf"{_TAKING_VERB}\s+{_HIRE_COUNT}(?:[\w'’-]+\s+){{0,2}}?{_HUMAN_WORD}\s+(?:[\w'’-]+\s+)?{_DOERS}",
)
#: The seeker offered as the hire, to the other person or their team: "would your team have use
#: for someone like me", "could you guys use somebody with my background" (session 10, review 9
#: R11): asking for the position (`vocabulary`'s job request). "Do you think companies would
#: hire someone like me?" asks about the field, not them.
SEEKER_AS_HIRE: Final = _rx(
    r"(?:you|(?:your|the)\s+(?:[\w'’-]+\s+)?(?:team|teams|group|lab|department|company|unit"
    rf"|crew|clinic|office|firm|shop|side|org)|you\s+guys|y{A}all)\s+(?:(?:could|would|can|will"
    r"|might|may|ever|maybe|possibly|really|actually|also|still|usually|be|have|has|perhaps|not"
    rf"|be\s+able\s+to)\s+){{0,3}}{_TAKING_VERB}\s+"
    r"(?:someone|somebody|a\s+person|people|anyone|anybody)\s+(?:like\s+me|with\s+my\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:background|experience|skills?|profile|history|cv|resume))"
    # taken seriously is being respected, not hired: "would the lab take somebody like me seriously"
    r"(?!\s+(?:seriously|at\s+face\s+value))",
)
#: A person a place may be for: "me", "someone like me", "a new grad", "a career changer",
#: "juniors", "people with my background" (a role noun, or a doer's noun that is no tool's).
_FOR_A_PERSON: Final = (
    r"for\s+(?!(?:the|their|those|these|his|her|its|our|your)\s)"
    r"(?:me|us|myself|(?:someone|somebody|anyone|anybody|people|one\s+more)(?![\w'’])"
    rf"|{_HIRE_COUNT}{_FILLER}{_ROLE_NOUNS}{_HEAD_END}"
    rf"|{_HIRE_COUNT}{_FILLER}(?!{_TOOL_NOUNS}s?(?![\w'’-]))(?![\w'’-]*ments?(?![\w'’-]))"
    rf"[a-z][\w'’-]*(?:er|ist|yst|or|ian|ant|ent|ee)s?{_HEAD_END})"
)
#: A place for the seeker, by its noun ("a spot", "an opening", "room", "a way in").
_PLACE_NOUN: Final = (
    r"(?:jobs?|spots?|places?|openings?|vacanc(?:y|ies)|positions?|roles?|seats?|slots?|space"
    r"|room|opportunit(?:y|ies)|gigs?|posts?|work|ways?\s+in|way\s+to\s+get\s+(?:in|on)"
    r"|way\s+(?:for\s+me\s+)?to\s+(?:join|get\s+(?:in|on)))"
)
#: Nouns that ask for a place on their own, as the question's last words ("is there a spot?",
#: "are there any openings?", "is there room?"); "a seat" and "a slot" (at a talk, in a
#: diary) need a place or a person.
_PLACE_NOUN_ALONE: Final = (
    r"(?:jobs?|spots?|places?|openings?|vacanc(?:y|ies)|positions?|roles?|gigs?|room|space"
    r"|opportunit(?:y|ies)|work|ways?\s+in|way\s+to\s+get\s+(?:in|on))"
)
_NOW: Final = (
    r"(?:\s+(?:right\s+now|now|at\s+the\s+moment|currently|yet|this\s+(?:year|season|spring"
    r"|summer|autumn|fall|winter|quarter)|soon|anytime\s+soon|coming\s+up|going|open|available"
    r"|left|free|by\s+any\s+chance|maybe|at\s+all|these\s+days))*"
)
_PLACE_ENDS: Final = r"(?=\s*(?:$|[?.!,;…)]|(?:or|and|though|then|because|cause)(?![\w'’])))"
#: What `JOB_REQUEST` names after "an/any/some" already ("any openings", "an open position").
_JOB_REQUESTS_OPENING: Final = (
    r"(?:openings?|vacanc(?:y|ies)|open\s+(?:roles?|positions?|jobs?))(?![\w'’])"
)
#: Where "any" opens a question ("any openings on the team?", "so, any room on your crew?",
#: "you guys got any spots"), not after a word that takes it as an object or inside a
#: statement ("without any work at the moment", "I'd take any role").
_ANY_AT_START: Final = (
    r"(?:(?<=you have )|(?<=guys have )|(?<=all have )|"
    + "".join(
        rf"(?<!{word} )"
        for word in _words(
            "without with for of in at on by from to into about than if not no nor hardly barely "
            "take taking took do did doing does have had has having get getting need needs "
            "want wants like likes accept apply consider find found try tried see saw seen know "
            "hear heard is was be been are were"
        )
    )
    + ")"
)
#: In their organisation: "on your team", "at the company", "with you guys", "here".
_IN_THEIR_PLACE: Final = (
    rf"(?:(?:(?:on|in|at|within|into|inside|with)\s+{_THEIR_ORG})|with\s+you(?:\s+guys|\s+all)?"
    r"(?![\w'’])|here(?![\w'’]))"
)
#: A purpose after the place, not a job ("room on your team for quiet people to be heard",
#: review 11 R4); "a spot for a new grad to join" is still one.
_NO_PURPOSE: Final = (
    r"(?!\s+to\s+(?!(?:join|start|work|come|get|apply|fill|help|intern|train)(?![\w'’])))"
)
#: A question whether a place exists for the seeker (session 11, review 10 R23): "is there a
#: spot in your group?", "is there a place on the team for a new grad?", "are there any
#: openings?", "is there a way in for someone like me", "any room on your team?". A place
#: for a person or in their organisation (`_THEIR_PLACE`), or a place noun that asks alone and
#: ends the question; not "is there a team that does X", "is there a mentor programme", "room
#: for growth", "a place to park" or "a role for AI".
PLACE_ASKED: Final = _rx(
    rf"(?:(?:is|are|was|were|would|will|might)\s+there(?:\s+be)?|there(?:{A}s|\s+is|\s+are)"
    rf"\s+any(?=\s)|{_ANY_AT_START}any(?=\s))"
    # "an/any/some opening" is `JOB_REQUEST`'s already
    rf"(?!\s+(?:an|any|some)\s+(?:[\w'’-]+\s+)?{_JOB_REQUESTS_OPENING})"
    rf"(?<!any(?=\s+(?:[\w'’-]+\s+)?{_JOB_REQUESTS_OPENING}))\s+"
    r"(?:(?:ever|still|currently|maybe|possibly|actually|any|a|an|some|another|one|more|extra"
    r"|open|free|available|junior|entry[\s-]level|new|other|spare|possible|kind\s+of|sort\s+of)\s+){0,3}"
    rf"(?:{_PLACE_NOUN}(?:\s+(?:like\s+(?:that|this|those|these|it|mine)|(?!(?:to|that|which|where"
    r"|who|whose|when|because|if|so|for|of|about|like)(?![\w'’]))[\w'’-]+)(?![\w'’-])){0,2}?"
    rf"(?:\s+{_IN_THEIR_PLACE}(?:\s+{_FOR_A_PERSON})?(?!\s+for(?![\w'’])){_NO_PURPOSE}"
    rf"|\s+{_FOR_A_PERSON}(?:\s+{_IN_THEIR_PLACE})?{_NO_PURPOSE})"
    # not a kind of place, described by a relative clause ("are there roles on the research
    # side that involve more contact with people" asks about the work; "a spot on your team
    # that I could fill" carries the seeker)
    r"(?!\s+(?:that|which|where|who|whose)(?![\w'’])(?![^.?!;\n]{0,80}?(?<![\w'’])(?:i|me|my"
    r"|i['’]d|id|i['’]m|im)(?![\w'’])))"
    rf"|{_PLACE_NOUN_ALONE}{_NOW}{_PLACE_ENDS}"
    r"|(?:places?|room|space|slots?|seats?|work)\s+(?:going|open|available|left|free)(?![\w'’]))",
    # "is the job posted yet", "has the role been advertised", "is the opening still open" (not
    # after a wh-word: "why is the role open", "how long has the job been posted")
    r"(?<!why\s)(?<!how\s)(?<!long\s)(?<!when\s)(?<!where\s)(?<!what\s)(?<!who\s)(?<!since\s)"
    r"(?:is|are|has|have|was)\s+(?:(?:that|this|your)\s+(?:new\s+|junior\s+)?(?:opening|vacancy)"
    r"|(?:the|that|this|your)\s+(?:new\s+|junior\s+|open\s+)?(?:job|role"
    r"|position|post|posting|listing|ad|advert|spot|place)s?)\s+(?:been\s+)?"
    r"(?:(?:already|still|actually|even|officially)\s+)?(?:posted|advertised|listed|up|out|live"
    r"|open|available|filled|going|taken|gone)(?![\w'’-])(?!\s+(?:to|for|on|in|about|with|of)(?![\w'’]))",
)
#: Asking whether a lack of one's own disqualifies (session 11): asking to be judged for the
#: position ("Is that a dealbreaker if I haven't worked with doctors?", "would not having a
#: degree count against me", "does that rule me out", "am I out of the running"): an interview.
#: "A problem" or "an issue" judges the seeker only with their lack after it ("would that be a
#: problem if I've never used Epic", not "if I bring my laptop"); a dealbreaker ends the
#: question or is the seeker's or the role's ("Is that a dealbreaker for most clients?" is not).
_A_LACK_OF_MINE: Final = (
    r"(?:if|that|since|because|when|though)\s+(?:i\s+(?:(?:have|had|do|did|am|was|can|could)"
    rf"(?:n{A}t|\s+not|\s+never|\s+no|\s+only|\s+little)|never|lack|only|am\s+new|don{A}t)"
    rf"|i{A}m\s+(?:not|new|only|still|a\s+career|self)|im\s+(?:not|new|only|still)"
    rf"|i{A}ve\s+(?:never|not|only|no)|ive\s+(?:never|not|only|no)|my\s+)"
)
_JUDGED_END: Final = (
    rf"(?=\s*(?:[?.!,;…]|$)|\s+{_A_LACK_OF_MINE}|\s+for\s+(?:me|someone\s+like\s+me|my\s+"
    r"(?:application|chances)|(?:the|this|that)\s+(?:role|job|position|post)|you(?:\s+guys)?"
    r"\s*(?:[?.!,;…]|$))(?![\w'’]))"
)
DISQUALIFIER: Final = _rx(
    r"(?:is|would|will|could|might|does|do|is\s+it|would\s+it)\s+(?:that|it|this|my\s+[\w'’-]+"
    r"(?:\s+[\w'’-]+)?|not\s+having\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|(?:the\s+|my\s+)?lack\s+of"
    r"\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|having\s+no\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
    r"(?:be\s+)?(?:(?:a|an)\s+)?(?:(?:big|real|major|huge|automatic|total)\s+)?"
    rf"(?:(?:deal[\s-]?breakers?|red\s+flags?|disqualif\w+|knock[\s-]?outs?|non[\s-]?starters?)"
    rf"{_JUDGED_END}|strikes?\s+against\s+me|counts?\s+against\s+me|rules?\s+me\s+out"
    r"|hurts?\s+my\s+(?:chances|application)|held\s+against\s+me|holds?\s+me\s+back"
    r"|put\s+me\s+out\s+of\s+the\s+running|disqualify\s+me"
    rf"|(?:problem|issue|obstacle|barrier|concern|minus)(?=\s+{_A_LACK_OF_MINE}))(?![\w'’-])",
    r"(?:am|would|will)\s+i\s+(?:be\s+)?(?:disqualified|ruled\s+out|out\s+of\s+the\s+running"
    r"|(?:automatically\s+)?(?:rejected|screened\s+out|filtered\s+out))",
)
#: Asking to be judged (session 11, the newcomer trial's N8, the class of `DISQUALIFIER`): "What
#: do you think of me so far, be honest", "how am I doing so far?", "what do you make of my
#: background?", "would you hire someone without a technical background?", "would you take on
#: someone from outside the industry": an interview ("someone like me" is `SEEKER_AS_HIRE`'s).
#: Not "what do you think of the talk", "would you hire someone for that?" (their plans), nor
#: "how did you do it".
JUDGE_ME: Final = _rx(
    r"what\s+(?:do|did|would)\s+you\s+(?:honestly\s+|really\s+|actually\s+)?(?:think|make)\s+of"
    r"\s+(?:me|my\s+(?:chances|profile|background|cv|resume|résumé|application|experience"
    r"|pitch|answers?))(?![\w'’])",
    rf"how\s+(?:am\s+i|did\s+i|i{A}m)\s+(?:doing|do)(?=\s*(?:[?.!,;…]|$)|\s+(?:so\s+far|then"
    r"|be\s+honest|honestly|i|just|there|today|out\s+there|in\s+(?:there|that|the\s+chat))"
    r"(?![\w'’]))",
    r"(?:would|do|could|will)\s+you\s+(?:ever\s+|actually\s+|honestly\s+|really\s+)?(?:hire"
    r"|take\s+on|consider|interview)\s+(?:someone|somebody|anyone|a\s+person|people)\s+"
    r"(?:without\s+(?:a|an|any|much|the|formal)?|with\s+no|who\s+(?:has|have|had)"
    r"(?:n['’]?t|\s+not|\s+never|\s+no)|who\s+(?:is|was)\s+(?:new|self[\s-]taught|changing"
    r"|switching)|from\s+(?:a|an|outside))(?![\w'’])",
)
#: A question about how much or how fast they hire (session 11): "How many people are you
#: hiring?", "how fast is the team hiring", "how many engineers do you hire a year": about
#: them, not a request, unless it carries the seeker (`SEEKER_IN_IT`: "how many people like
#: me are you hiring").
THEIR_HIRING: Final = _rx(
    r"how\s+(?:many|much|fast|quickly|often|big|aggressively|heavily)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:are|is|were|was|will|would|do|does|did|have|has)\s+(?:you|your\s+[\w'’-]+|they"
    r"|you\s+guys|y['’]?all|the\s+[\w'’-]+|[\w'’-]+)\s+(?:(?:usually|normally|typically|actually"
    r"|currently|planning\s+(?:on|to)|going\s+to|be|been|still|looking\s+to|expecting\s+to"
    r"|hoping\s+to)\s+){0,2}(?:hiring|hire|hired|recruiting|recruit|bringing\s+(?:on|in)"
    r"|bring\s+(?:on|in)|taking\s+on|take\s+on|adding|add|onboarding|onboard)",
    r"what(?:['’]?s|\s+is|\s+are)\s+(?:your|the\s+team['’]?s|the\s+company['’]?s|the)\s+"
    r"(?:hiring\s+(?:plans?|volume|numbers|targets?|goals?|pace)|headcount(?:\s+plans?)?)",
)
#: The next sentence putting the seeker into a question about their hiring (review 11 R5): "How
#: many people are you hiring? I'd love to be one.", "... Because I'd jump at it.", "... Count
#: me in."; not "I'm curious about your growth."
SEEKER_AFTER: Final = _rx(
    r"(?:be|being)\s+one(?:\s+of\s+them)?|one\s+of\s+them|jump\s+at\s+(?:it|the\s+chance)"
    r"|count\s+me\s+in|sign\s+me\s+up|put\s+me\s+(?:in|down|forward)|apply\w*"
    r"|(?:i|i['’]?d|id|i['’]?ll)\s+(?:[\w'’-]+\s+){0,2}?(?:take|want|love)\s+(?:it|one|a\s+spot|the\s+job)",
)
#: The seeker inside a question about their hiring: then it asks for the position.
SEEKER_IN_IT: Final = _rx(
    rf"me|my|myself|i|i{A}m|im|i{A}d|id|i{A}ve|ive|like\s+me|people\s+like\s+(?:me|us)",
)
#: Words with which a question about the other person still asks for the position or a place on
#: the team ("do you need anyone", "are you short-staffed", "when do you interview"). Unlike
#: `JOB_ASKED`, starting, joining and getting in are their routine or their story here ("what
#: time do you start", "when did you join").
ASKS_FOR_IT: Final = _rx(
    r"apply\w*|applications?|consider\w*|refer\w*|hire|hiring|hired|interview\w*|resume|cv"
    r"|candidates?|openings?|vacanc\w*|positions?|next\s+steps?|room\s+for|filled|offer\w*"
    r"|sponsor\w*|visas?|still\s+(?:open|available|accepting|taking)|short[\s-]?(?:staffed|handed)"
    r"|(?:take|bring)\s+on|(?:need|want|looking\s+for|use)\s+(?:[\w'’-]+\s+)?(?:anyone|anybody"
    r"|people|help|more|another|extra|hands|staff)"
    # a pitch dressed as a question about them: "would it help to have someone on the team
    # who's done twelve audit seasons", "wouldn't it make sense to bring in someone"
    r"|someone|somebody|a\s+person\s+(?:who|with|like)|people\s+like|like\s+me"
    # capacity: "does your team have headcount for another designer", "could your group do with"
    r"|benefit\w*|budget|headcount|add|adding|do\s+with|growing|expand\w*|another|extra",
)
#: Pay-like words that are the other person's routine, not the job's terms ("what hours do you
#: work"): `PAY_CONTENT` words other than these make a question about the terms ("do you get
#: overtime").
ROUTINE_PAY_WORDS: Final = re.compile(r"hours", re.IGNORECASE)
#: Naming another person as the one to ask or talk to ("you'd be the right person to ask",
#: "you're the right person to talk to about pipelines", "your manager would be the best person
#: to ask"): about them, no pitch of one's own; up to the end of its sentence.
RIGHT_PERSON: Final = _rx(
    rf"(?:you|she|he|they|(?:your|the|my|our)\s+[\w'’-]+)(?:{A}re|{A}s|{A}d\s+be|{A}ll\s+be"
    r"|\s+(?:are|is|would\s+be|might\s+be|must\s+be|may\s+be|could\s+be|will\s+be|should\s+be"
    r"|seems?\s+like|sounds?\s+like))\s+(?:[\w'’-]+\s+){0,2}?(?:the|a|an)\s+(?:[\w'’-]+\s+)?"
    r"(?:right|best|perfect|ideal|good|great|obvious|natural|first|only)\s+(?:person|people|one"
    r"|guy|woman|man|expert|contact|source)s?\s+(?:to\s+(?:ask|talk|speak|chat|go|learn|consult"
    r"|reach|get|check|run)|for\s+(?:advice|this|that|questions|it))[^.?!;\n]{0,80}",
)
#: The words a request for the position rests on; negated, they withdraw it.
REQUEST_WORD: Final = _rx(
    rf"apply(?:ing)?|applications?|hired|hiring|{JOB}s?|jobs|interviews?|refer(?:ral)?"
    r"|resume|cv|offer",
)
#: A cue match opening like a question ("are you not hiring?"): a negator inside it asks, it
#: does not decline.
QUESTION_FORM: Final = re.compile(
    r"^(?:are|is|were|was|do|does|did|can|could|would|will|how|what|why|when)(?![\w'’])",
    re.IGNORECASE,
)

#: Taking a pay question back, right before its pay word (session 11, the newcomer trial's
#: N1): "scratch the pay question", "forget the pay thing", "never mind the salary bit",
#: "forget I asked about money earlier": no pay question, and the sentence model may not read
#: one back (`cues.withdrawn`); what the answer says next decides. Not "skip the small talk,
#: what's the pay?" (what is taken back is not the pay).
_TAKE_BACK: Final = (
    r"scratch|forget|never\s*mind|ignore|disregard|skip|drop|strike|withdraw|take\s+back"
    r"|cancel|park"
)
#: Where a take-back may stand: opening its clause ("Sorry, scratch the pay question", "okay
#: forget the pay thing"), never inside a question with a subject ("would I need to drop my
#: salary expectations", "do I drop my benefits if I go part time": review 11 R6).
_OPENS_CLAUSE: Final = (
    "(?:(?<![\\s\\S])|(?<=[.?!;,:…—–-])|(?<=[.?!;,:…—–-] )"
    + "".join(
        f"|(?<={w} )"
        for w in _words(
            "sorry actually ok okay wait so oh hmm honestly um uh just please and but well me"
        )
    )
    + ")"
)
PAY_RETRACTED: Final = re.compile(
    rf"{_OPENS_CLAUSE}(?:(?:{_TAKE_BACK})\s+(?:(?:the|my|that|this|all|about|on)\s+){{0,2}}"
    r"(?:(?:last|earlier|previous|whole|silly|dumb|stupid|early)\s+)?"
    r"|(?:forget|ignore|disregard|never\s*mind)\s+(?:that\s+|what\s+)?i\s+(?:just\s+)?(?:asked"
    r"|said|mentioned|brought\s+up|raised)(?:\s+(?:about|the|that|my|earlier|before|re))*\s+)$",
    re.IGNORECASE,
)
#: Words that, earlier in the same clause, turn a pay word into declining to talk about pay.
PAY_DEFERRAL: Final = re.compile(
    rf"(?<![\w'’])(?:not(?!\s+(?:so|very|too|that|really)\s+(?:good|great|well|fluent))|n{A}t|rather"
    r"|later|no\s+need|hold\s+off|park)(?![\w'’])[^.?!;\n]{0,30}$",
    re.IGNORECASE,
)

#: Words right after a pay word that put it second: "pay isn't the first thing on my mind",
#: "money's not my priority", "the salary doesn't matter much", "pay is secondary".
PAY_DISCOUNTED: Final = re.compile(
    rf"\s*(?:(?:{A}s|\s+is|\s+was)\s+(?:not|never|secondary|less\s+important)(?![\w'’])"
    rf"|\s+(?:isn|wasn|doesn|didn){A}t(?![\w'’])|\s+(?:does|did)\s+not(?![\w'’])"
    r"|\s+(?:matters|counts)\s+(?:less|little)(?![\w'’]))",
    re.IGNORECASE,
)

# --- manager cues -----------------------------------------------------------------------------

EVALUATIVE_QUESTION: Final = _rx(
    r"tell\s+me\s+(?:\w+\s+){0,3}?about\s+(?:yourself|your\s+(?:experience|background|skills"
    r"|strengths|weaknesses|resume|cv|last\s+job|current\s+job|career|qualifications)|a\s+time)",
    r"why\s+(?:should|would)\s+(?:we|i|they)\s+hire",
    r"why\s+do\s+you\s+want\s+(?:this|the|to\s+work|to\s+join|to\s+be)",
    r"why\s+(?:this|our)\s+(?:company|role|job|team|position)",
    r"(?:what|how\s+much|how\s+many\s+years\s+of)\s+(?:\w+\s+)?(?:experience|skills"
    r"|qualifications)\s+(?:do|have|would)",
    r"(?:do|have)\s+you\s+(?:got\s+|had\s+)?(?:any\s+)?(?:\w+\s+)?experience",
    r"have\s+you\s+(?:ever\s+)?(?:worked|managed|led|used|done|built|run)",
    r"what\s+are\s+your\s+(?:strengths|weaknesses|salary|expectations|greatest)",
    r"where\s+do\s+you\s+see\s+yourself",
    r"when\s+(?:can|could|would)\s+you\s+(?:start|begin|join)",
    r"(?:are\s+you|your)\s+availab\w*|notice\s+period",
    r"walk\s+me\s+through",
    r"what\s+makes\s+you\s+(?:a\s+|the\s+)?(?:good|right|ideal|best|qualified|great|strong)",
    r"what\s+(?:can|would|could)\s+you\s+bring",
    r"what\s+do\s+you\s+know\s+about\s+(?:us|our|the\s+company|this\s+company)",
    rf"(?:are\s+you|{YOURE})\s+(?:comfortable|familiar)\s+with",
    r"how\s+(?:would|do)\s+you\s+handle",
    r"what(?:['’]?s|\s+is)\s+your\s+portfolio",
)
COMMITMENT_QUESTION: Final = _rx(
    rf"(?:interested|keen)\s+in\s+(?:(?:the|this|that|our|a)\s+(?:\w+\s+){{0,2}}?{JOB}s?|it|applying"
    rf"|joining|{JOB})",
    rf"(?:is|would|does|could)\s+(?:this|that|it)\s+(?:be\s+)?(?:a\s+|the\s+)?(?:kind\s+of\s+|sort\s+of"
    rf"\s+)?(?:{JOB}|something|thing|job)\s+(?:{YOUD}|you\s+might|you\s+could|you{A}ll|you\s+want"
    rf"|you{A}re|for\s+you|that\s+you)",
    rf"(?:the\s+)?(?:kind|sort)\s+of\s+{JOB}\s+{YOURE}\s+(?:after|looking|interested|keen)",
    # "put you in touch with" offers an introduction, not the position; "send you the job
    # description" offers a thing (you is who gets it, not who is sent), unless the thing is
    # the way in ("send you the application link", "the offer")
    r"(?:put|pass|send|forward|recommend|submit|refer|mention|nominate|flag)\s+(?:you(?!\s+(?:in\s+"
    r"(?:touch|contact)|(?:the|a|an|some|my|our|his|her|their|that|this|those|these|info"
    r"|details|links?|more|any|over\s+(?:the|a|some|my|our))(?![\w'’])(?!\s+(?:[\w'’-]+\s+)?"
    r"(?:application|apply|offer|contract))))|your\s+(?:name|cv|resume|details|application))",
    r"(?:set\s+up|arrange|schedule|book|line\s+up|get\s+you\s+in\s+for)\s+(?:an?\s+)?"
    r"(?:\w+\s+)?interview",
    r"(?:like|want|wanna|going)\s+to\s+apply|consider\s+applying|(?:you\s+)?apply\s+for\s+(?:it|the)",
    r"(?:see|picture|imagine)\s+yourself\s+(?:in|on|doing|working|here|there|as|taking)",
    r"(?:throw|toss)\s+your\s+hat|in\s+the\s+running|be\s+considered",
    rf"(?:want|go)\s+(?:to\s+)?(?:go\s+)?for\s+(?:it|the\s+{JOB}|this\s+{JOB})",
    rf"(?:tell|let)\s+(?:them|her|him|the\s+\w+(?:\s+\w+)?|hr)\s+(?:know\s+)?(?:that\s+)?"
    rf"{YOURE}\s+interested",
    rf"(?:up\s+for|take)\s+(?:it|the\s+{JOB}|this\s+{JOB})\s*[?.!]?\s*$",
    rf"(?:is\s+that|is\s+this)\s+(?:a|the)\s+{JOB}\s+{YOUD}",
    rf"want\s+(?:the|this|that)\s+{JOB}",
    # what the seeker would do for the position (session 14, F4): "Would you relocate to Leeds
    # for this role?", "would you be willing to move for the job?", "could you start in two
    # weeks if we offered it?"; not a kind of role ("for a role like this") nor another's job
    rf"(?:would|could|will|can)\s+you\s+(?:(?:be\s+)?(?:willing|able|happy|prepared|open|ok"
    rf"|okay|fine)\s+(?:to|with)\s+)?(?:ever\s+)?(?:relocat\w*|move|moving|commut\w*|start"
    rf"|starting|travel\w*|take|taking|do|doing|work|working)(?![\w'’])[^?.!;\n]{{0,40}}?"
    rf"(?:for\s+(?:this|the|that|our)\s+(?:[\w'’-]+\s+)?(?:{JOB}|job)(?!\s+like)(?![\w'’])"
    rf"|if\s+we\s+(?:offered|gave)\s+(?:it|you\s+(?:it|the\s+{JOB}|the\s+job))"
    rf"|if\s+(?:the|this)\s+(?:{JOB}|job)\s+(?:needed|required|called\s+for)\s+it)",
)
SHARING: Final = _rx(
    r"(?:i|we)\s+(?:\w+\s+)?(?:run|lead|manage|started|start|joined|build|built|spent|moved"
    r"|ship|launched|look\s+after|mainly|mostly|use|test|study|finished|had|work|worked|love|do)",
    r"(?:my|our)\s+(?:team|group|unit|company|lab|clients|customers|biggest|product|department"
    r"|program|programme|work|background|job|role)",
    rf"(?:{IVE}|we{A}ve|we\s+have)\s+been",
    rf"(?:we{A}re|we\s+are)\s+(?:a|an|building|hiring|pretty|mostly|mainly|small)",
    r"when\s+i\s+(?:started|was|joined)|i\s+remember|believe\s+it\s+or\s+not",
)
CURIOSITY: Final = _rx(
    r"what\s+(?:are|were)\s+you\s+(?:\w+\s+)?(?:interested|curious|excited|passionate|hoping"
    r"|looking|thinking|enjoying|working|exploring|reading|up\s+to|after)",
    rf"what\s+(?:{'|'.join(DRAW_VERBS)}|attracted)\s+you",
    r"what\s+(?:do|did)\s+you\s+(?:enjoy|like|love|want\s+to\s+know|hope)",
    r"what\s+interests\s+you",
    r"what\s+would\s+you\s+like\s+to\s+(?:know|talk|ask)",
    r"what\s+can\s+i\s+do\s+for\s+you|how\s+can\s+i\s+help",
    rf"how(?:{A}s|\s+is|\s+are)\s+(?:the|your)\s+(?:search|hunt|exploring|week|studies|course)",
    r"any\s+questions|what\s+do\s+you\s+want\s+to\s+know",
    r"what\s+do\s+you\s+do|what\s+are\s+you\s+doing",
)
