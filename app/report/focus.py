"""What a composed question may ask the manager about: the noun phrase `coaching.focus_of`
picked from his line, when it is safe (`safe_focus`: a whole phrase, no idiom's noun, no word it
ran into), and what KIND of thing it names (`focus_kind`, the one place that decides it).

Each question family of `alternatives` takes only the kinds one can ask about in it (review 14
R4): "What's involved in ... day to day?" takes work, never a person ("What's involved in your
colleague Femi day to day?"), a time ("the hardest part of this Tuesday"), an event ("What does
working on the open day involve?"), the terms ("How's it going with the exact range?"), a
figure or a place; "How's it going with ..., by the way?" takes a person, a place or an event
too. A phrase no question of the family takes gets the family's stock question.

Work is read from positive evidence only (review 15 R2): a head no list names and no ending
tells is "unknown" ("the flood", "the translators"), which only the question back takes; it is
never asked about as work ("What does working on your hygienist involve?"). Agent nouns are read
as people by their shape ("-ist", "-ian", "-man", "the head barista").

There is no tagger: the kind is read from the phrase's last word (its head, singular), the word
before it, and the terms table (`app.framing.patterns.PAY_CONTENT`, built from `TERM_WORDS`).
Pure Python.
"""

from __future__ import annotations

import re
from typing import Final

from app.framing.patterns import PAY_CONTENT

#: A figure in words or digits ("forty beds", "85.5k", "half the team").
FIGURE: Final = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|billion|dozen|half|percent)\b",
    re.I,
)

#: The kinds `focus_kind` tells apart. "work": an activity, a piece of work, a product, a field
#: (read from positive evidence only: a head in `_WORK_HEADS` or of an activity's shape, "-ing",
#: "-tion", "-ment", "-ance", "-ery", "-ology", "-ship", "-ics"); "unknown": a head no list
#: names and no shape tells (review 15 R2: "the flood", "your hygienist" were read as work), which
#: only the neutral question back takes; "group": a team or an organisation; "role": the job
#: itself;
#: "person" (one or many, or a name after a person's noun: "my colleague Femi"); "name": a
#: capitalised name of unknown kind ("the Army", "our Priya"); "place"; "event" (the open day,
#: the fair, a meeting); "time" (this Tuesday, the summer); "terms" (pay, hours, leave, remote
#: work, perks: the terms table); "figure" (a number, a share, the majority); "chat" (small
#: talk: the coffee, the weather, the traffic).
KINDS: Final = (
    "work", "unknown", "group", "role", "person", "name", "place", "event", "time", "terms",
    "figure", "chat",
)  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Heads that name people (singular; plurals are read by `_singular`).
_PEOPLE: Final = _words(
    """person people man men woman women guy lady lad lass folk folks kid child children baby
    colleague boss manager director founder cofounder co-founder ceo cto cfo coo cmo cpo cio vp
    gm gc head chief chair chairman chairwoman officer president partner owner recruiter
    engineer developer dev designer analyst scientist researcher architect consultant
    coordinator administrator admin assistant associate specialist advisor adviser counsellor
    counselor counsel technician techs technologist nurse doctor surgeon clinician physician
    pharmacist therapist psychologist psychiatrist dentist gp matron sister registrar midwife
    paramedic carer caregiver teacher tutor lecturer professor student pupil intern trainee
    apprentice graduate grad hire newcomer starter joiner candidate applicant client customer
    patient user buyer seller supplier vendor member volunteer mentor mentee coach trainer
    instructor alum alumnus alumna alumni parent mum mom dad mother father wife husband son
    daughter brother friend neighbour neighbor staff employee worker teammate peer reviewer
    interviewer panellist panelist lead leader dean principal headhunter head-hunter
    contractor freelancer investor donor sponsor stakeholder executive exec secretary
    receptionist cleaner porter driver pilot chef cook waiter steward guard sergeant captain
    soldier marine veteran vet resident fellow postdoc foreman superintendent supervisor agent
    broker rep representative ambassador host guest speaker attendee delegate participant
    exhibitor housekeeper landlord controller dispatcher electrician plumber mechanic welder
    operator labourer laborer surveyor producer editor reporter journalist writer author
    artist auditor accountant lawyer solicitor barrister paralegal judge investigator
    caseworker marketer governor trustee clerk locum visitor inspector planner farmer grower
    public deputy""",
)
#: Heads that name a time ("this Tuesday", "the summer", "the mornings", "the nineties").
_TIMES: Final = _words(
    """day week weekend fortnight month year quarter season summer winter spring autumn fall
    term semester half-term holiday vacation christmas easter hour minute moment decade century
    era period future past today tomorrow tonight yesterday morning afternoon evening night
    midnight noon lunchtime weekday break deadline monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december twenties thirties forties fifties sixties seventies eighties nineties""",
)
#: A time head after another word names an event when that word is no time word: "the open
#: day", "the lab day", "the quiz night", "the open evening"; "the same day" is a time.
_EVENT_TIMES: Final = _words("day night evening morning afternoon week weekend")
_TIME_WORDS: Final = _words(
    """next last past coming following previous same other whole entire early late first final
    recent busy quiet long short usual normal typical average working this that bank half lunch
    school summer winter spring autumn christmas easter""",
)
#: Heads that name an event: a gathering, a meeting, a visit, a happening ("What does working on
#: the fair involve?" is no question).
_EVENTS: Final = _words(
    """event fair conference meetup meet-up summit expo exhibition festival show party gala
    dinner lunch luncheon breakfast brunch drinks reception mixer talk keynote lecture seminar
    webinar workshop session hackathon competition contest award ceremony meeting call
    interview visit tour trip retreat offsite away-day standup stand-up retro crit critique
    demo presentation panel debate open-day graduation wedding funeral match game concert
    screening drop-in reunion election pandemic layoff run""",
)
#: Heads that name a place.
_PLACES: Final = _words(
    """office building site campus city town village country countryside county state street
    road area region neighbourhood neighborhood district suburb territory coast border valley
    park floor room canteen cafeteria hall lobby car-park carpark parking garage warehouse
    depot yard dock port airfield airport station stop shop store hq headquarters basement
    rooftop garden greenhouse desk booth stand venue space location place upstairs downstairs
    corridor entrance door window seat lift elevator kitchen bar pub cafe café restaurant
    hotel bakery deli winery distillery refinery plant mill factory centre center museum
    gallery library theatre theater church home house flat apartment property shelter toilet
    bathroom restroom loo""",
)
#: Heads that name a team or an organisation.
_GROUPS: Final = _words(
    """team group department dept unit ward clinic lab studio practice company firm business
    startup start-up agency charity hospital trust council school university uni college
    organisation organization org nonprofit non-profit network community club society
    association guild union board committee squad crew family household government ministry
    service army navy force police bank co-op consultancy foundation institute airline
    authority corps bureau division branch newsroom newspaper magazine nhs icu er""",
)
#: Heads that name the job itself (asked about as the work: "What's involved in the role day to
#: day?", never "How's it going with the role?").
_ROLES: Final = _words("role job position post opening vacancy opportunity placement")
#: Heads that name a quantity.
_FIGURES: Final = _words(
    """number figure amount total majority minority bulk percentage percent proportion average
    count fraction portion dozen handful couple share ratio score tally headcount size pace
    turnover median""",
)
#: Small talk and the talk's own things (the hiring's too: the offer, the decision): nothing to
#: ask a manager about in these questions ("How's it going with the coffee, by the way?",
#: "What's involved in the email day to day?").
_CHAT: Final = _words(
    """coffee tea weather rain sun snow air temperature traffic train bus tube car journey
    commute drive walk flight food cake biscuit snack sandwich samosa dumpling pastry pizza
    buffet wine beer water view music queue noise buzz cold heat wifi jacket umbrella bag pen
    badge tag trophy banner bell seat chair phone computer table dishwasher freezer mess pile brain
    body hand life dream worry courage patience frustration hesitation chat conversation intro
    introduction connection email e-mail note question advice suggestion link invite
    invitation card address name title detail hint topic list inbox calendar brochure offer
    decision""",
)
#: Modifiers that make the phrase a judgement, not a thing ("the right person", "the best
#: teams", "your biggest headache", "the same firm", "the most questions").
_JUDGED: Final = _words(
    """right wrong best worst better biggest largest smallest hardest easiest toughest busiest
    latest newest oldest highest lowest least most fastest greatest finest nicest same usual
    odd stricter busy""",
)
#: Heads that name work: an activity, a piece of work, a product, a system, a field, a topic
#: (positive evidence; a head named nowhere is "unknown", never work by default).
_WORK_HEADS: Final = _words(
    """work project product platform system tool app application website software hardware
    data research design process programme program course scheme pipeline budget strategy
    policy campaign audit analysis review report paper article book chapter dissertation
    thesis study survey trial pilot experiment model dashboard chart spreadsheet database
    portal backend frontend api code codebase stack infrastructure architecture migration
    rollout launch release version feature roadmap backlog sprint ticket task case caseload
    workload rota shift rotation round record file log form paperwork budgeting content copy
    newsletter blog podcast video film series portfolio brand ad advert curriculum syllabus
    lesson class module exam coursework homework bootcamp mba phd masters degree diploma
    qualification certification licence license accreditation method approach framework
    standard protocol procedure guideline rule regulation compliance safety quality security
    privacy ethics field industry sector market trade craft career path track pathway
    discipline specialty speciality subject science maths math physics chemistry biology
    economics finance accounts accounting marketing sales operations ops logistics supply
    chain procurement hr recruitment hiring outreach fundraising funding grant bid tender
    pitch proposal plan target metric kpi okr goal mission vision culture growth solution
    workaround fix prototype mvp beta build test integration automation robot machine
    engine equipment kit fleet vehicle server cloud algorithm pricing inventory stock order
    delivery side world page screen slide search hunt intake pool merger reorg retrofit agenda
    challenge margin hotline label format route footprint presence base gap push sift skill
    resource turbine farm press levy""",
)
_IRREGULAR: Final = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def _singular(word: str) -> str:
    bare = word.lower()
    if bare in _IRREGULAR:
        return _IRREGULAR[bare]
    if bare.endswith("ies") and len(bare) > 4:
        return bare[:-3] + "y"
    if bare.endswith(("ches", "shes", "sses", "xes")):
        return bare[:-2]
    if bare.endswith("s") and not bare.endswith(("ss", "us", "is")) and len(bare) > 3:
        return bare[:-1]
    return bare


def _names_terms(words: list[str]) -> bool:
    """Whether the phrase names the job's terms, by the one terms table: the phrase itself, or
    it without its modifiers ("the exact range" is "the range", "your base salary" a salary)."""
    tails = [" ".join(words)] + [f"the {' '.join(words[k:])}" for k in range(1, len(words))]
    return any(PAY_CONTENT.search(tail) for tail in tails)


#: Words before a head that make an agent noun a person ("the head barista", "a senior
#: underwriter"); a person's noun before one does too ("our nurse practitioner").
_RANKS: Final = _words(
    """head chief senior junior lead deputy assistant trainee principal staff locum relief
    student apprentice""",
)
#: Endings that make a lowercase head a person: "-ist", "-ista", "-ian" ("hygienist",
#: "barista", "librarian", "optician"), and compounds of "-man"/"-men"/"-person"/"-people"
#: ("firemen", "salespeople").
_PERSON_ENDINGS: Final = re.compile(r"[a-z]{3}(?:ist|ista|ian|m[ae]n|person|people)$")
#: Heads of those shapes that are no person.
_NOT_PERSONS: Final = _words(
    """checklist playlist shortlist wishlist waitlist blacklist whitelist tracklist
    persist insist resist consist assist desist exist subsist median meridian ottoman
    talisman caiman walkman doberman specimen regimen abdomen acumen stamen albumen bitumen""",
)
#: A head ending in an agent's ending ("translator", "underwriter", "attendant").
_AGENT_ENDING: Final = re.compile(r"[a-z]{3}(?:er|or|ant)$")
#: Endings that make a head an activity or a field: "the fundraising", "the migration", "the
#: procurement", "the maintenance", "the machinery", "the psychology", "the partnership", "the
#: analytics", "the firmware", "the fieldwork".
_WORK_ENDINGS: Final = re.compile(
    r"(?:[a-z]{3}ing|[a-z]{2}tion|[a-z]{3}ment|[a-z]{2}ance|[a-z]{3}ery|[a-z]ology|[a-z]{3}ship"
    r"|[a-z]{3}ics|[a-z]{2}ware|[a-z]{2}work)$"
)
#: Heads of those shapes that name no activity ("the ceiling", "the offspring", "the mystery").
_NOT_WORK: Final = _words(
    """spring string sibling darling underling ceiling pudding earring offspring viking
    sterling herring lightning duckling seedling fledgling weakling inkling shilling
    stocking awning icing bedding clothing nation ration caution lotion potion motion emotion
    mention attention generation population mystery cemetery scenery celery lottery robbery
    bribery misery nursery surgery brewery eatery ambulance romance nuisance""",
)


def _names_people(head: str, before: str) -> bool:
    """Whether a head named in no list names people by its shape: an "-ist" or "-ian", a
    compound of "-man", "-woman", "-person" or of a listed person ("firefighter" is not one,
    "underwriter" is: "writer"), or an agent noun ("-er", "-or", "-ant") after a rank or a
    person's noun ("the head barista", "our nurse practitioner")."""
    if head in _NOT_PERSONS:
        return False
    if _PERSON_ENDINGS.search(head):
        return True
    if any(
        head.endswith(person) and len(head) - len(person) >= 3
        for person in _PEOPLE
        if len(person) >= 4 and person not in ("head", "chief", "lead", "public")
    ):
        return True  # "underwriter", "stockbroker", "zookeeper", "schoolteacher"
    return bool(_AGENT_ENDING.search(head)) and (before in _RANKS or before in _PEOPLE)


def _works_by_shape(head: str) -> bool:
    """Whether a head named in no list names an activity or a field by its ending."""
    return head not in _NOT_WORK and bool(_WORK_ENDINGS.search(head))


_HEADS: Final = (
    ("time", _TIMES),
    ("person", _PEOPLE),
    ("event", _EVENTS),
    ("place", _PLACES),
    ("group", _GROUPS),
    ("role", _ROLES),
    ("figure", _FIGURES),
    ("chat", _CHAT),
)


def focus_kind(focus: str) -> str:
    """What kind of thing the phrase names (see `KINDS`): read from the terms table, a figure,
    then its head (last word, as said and singular) and the words before it."""
    words = focus.split()
    if not words:
        return "unknown"
    if _names_terms(words):
        return "terms"
    if FIGURE.search(focus):
        return "figure"
    raw = words[-1].strip(".,;:!?")
    forms = {raw.lower(), _singular(raw)}
    before = _singular(words[-2]) if len(words) > 2 else ""
    if any(_singular(w) in _JUDGED for w in words[1:]):
        return "chat"  # "the right person", "your biggest headache": a judgement, no topic
    if forms & _EVENT_TIMES and before and before not in _TIME_WORDS:
        return "event"  # "the open day", "the quiz night"
    for kind, heads in _HEADS:
        if forms & heads:
            return kind
    if raw.lower().endswith("room"):
        return "place"  # "the stockroom", "the classroom"
    if raw[:1].isupper() and not raw.isupper():
        if before in _PEOPLE:
            return "person"  # "my colleague Femi", "our recruiter Priya"
        return "name"  # "the Army", "our Priya": a name of unknown kind
    head = _singular(raw)
    if forms & _WORK_HEADS:
        return "work"  # "the research", "the public sector", "the finance side"
    if _names_people(head, before):
        return "person"  # "your hygienist", "the head barista", "the firemen"
    if any(_works_by_shape(form) for form in forms):
        return "work"  # "the data migration", "the procurement", "the fieldwork"
    return "unknown"  # "the flood", "the translators": no question about work takes it


#: Nouns that a determiner and a preposition turn into an idiom, not a topic ("she'll know to
#: the decimal", "on the dot", "by the book", "off the record", "in the loop"): a question
#: about "the decimal" is nonsense.
_IDIOM_NOUNS: Final = frozenset(
    """decimal letter penny cent dot book record loop dark spot fly nose ball wire hilt max
    bone core clock mark moment minute second hour day end way point truth thing fact catch
    trick kicker deal rest past future table line house mend rocks ropes cards edge top
    bottom brim gills nines side front middle stage stakes gap jump switch pass frame ramp fuse
    backbone spot corner""".split()  # noqa: SIM905
)
#: Words that end a clause, not a noun phrase: adverbs and time words after it ("the building
#: okay", "the city next month", "the hospital twenty years", "the Army straight") and verbs
#: a noun phrase may run into without a tagger ("the clinic sees", "your techs carry tablets",
#: "your interns sometimes convert", "your last meeting ran").
_NOT_A_NOUN: Final = frozenset(
    """okay ok alright fine well sometime sometimes straight tonight today tomorrow yesterday
    next last this ago week weeks month months year years day days morning evening night
    important soon later now then first again already still ever usually often always never
    sees ran runs run carry carries carried convert converts stay stays focuses focus studies
    study interests interest works makes does goes gets has is are was were did went got had
    made came took saw said kept left grew built sold lost found spent thought brought began
    became keeps holds sits moves needs wants uses meets suggest suggests travel travels hate
    hates bill bills drop drops exists useful happy informal taken less underneath in-house
    downstairs upstairs downtown home worry shes""".split()  # noqa: SIM905
)


def safe_focus(focus: str | None, manager_line: str | None) -> str | None:
    """The manager's noun phrase when it is safe to ask about (session 14): his own words, a
    whole noun phrase, not an idiom's noun ("the decimal" of "to the decimal"), no adverb, time
    word or verb it ran into ("the building okay", "the clinic sees"), no figure; else None (a
    stock question is asked instead). Whether a question can ask about what it names is its
    kind's matter (`focus_kind`)."""
    if not focus or not manager_line:
        return None
    words = focus.split()
    if len(words) < 2:
        return None
    if any(w.lower() in _NOT_A_NOUN for w in words[1:]):
        return None
    if FIGURE.search(focus):
        return None
    if len(words) == 2 and words[1].lower() in _IDIOM_NOUNS:
        return None
    return focus
