"""Stories and how one outlet writes one: layout, furniture, quotes, figures, dates.

A story (an event with its people, place and figures) is drawn once; each outlet that
covers it redraws the figures within a few percent, picks its own hedges and quote marks,
and lays the article out in its house style, so that the corpus holds the same story from
several outlets with different figures.
"""
import datetime

from . import phrases as P
from .article import article, monday, weekday_future, weekday_past

KINDS = {
    "flood": ("Floods", "flooding", "forced from their homes", "displaced"),
    "quake": ("Earthquake", "earthquake", "evacuated", "displaced"),
    "fire": ("Wildfire", "wildfire", "evacuated", "displaced"),
    "talks": ("Truce talks", "fighting", "held", "held"),
}


def draw_person(rng, used):
    while True:
        gender = rng.choice("fm")
        first, last = rng.choice(P.FIRST_NAMES[gender]), rng.choice(P.SURNAMES)
        if last not in used:
            used.add(last)
            return {"first": first, "last": last, "full": f"{first} {last}", "gender": gender,
                    "role": rng.choice(P.ROLES)}


def draw_story(rng, number):
    used = set()
    city, country = rng.choice(P.CITIES)
    pub = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(730))
    return {
        "number": number,
        "kind": rng.choice(sorted(KINDS)),
        "city": city,
        "country": country,
        "pub": pub,
        "people": [draw_person(rng, used) for _ in range(3)],
        "writers": [draw_person(rng, used) for _ in range(3)],
        "org": rng.choice(P.ORGS),
        "agency": rng.choice(P.AGENCIES),
        "mediators": rng.sample(P.MEDIATOR_COUNTRIES, 2),
        "killed": rng.choice([rng.randrange(2, 13), rng.randrange(13, 400),
                              rng.randrange(400, 40000)]),
        "affected": rng.randrange(500, 900000),
        "homes": rng.randrange(20, 5000),
        "event_day": rng.randrange(0, 6),
    }


def jitter(rng, value):
    """The same figure as another outlet reports it: within a few percent."""
    if value < 13:
        return max(2, value + rng.choice([-1, 0, 0, 1]))
    return max(13, int(value * (1 + rng.uniform(-0.06, 0.06))))


class writer:
    """Writes one outlet's article about one story."""

    def __init__(self, rng, story, outlet, invalid):
        self.rng = rng
        self.s = story
        self.pub = story["pub"] + datetime.timedelta(days=rng.choice([0, 0, 1]))
        self.a = article(rng, outlet, self.pub)
        self.invalid = invalid
        self.header, self.paragraphs, self.footer = [], [], []

    # -- furniture ---------------------------------------------------------------------
    def furniture(self, kind):
        line = self.rng.choice(P.BOILERPLATE[kind]).format(outlet=self.a.outlet,
                                                           n=self.rng.randrange(2, 60))
        return self.a.boilerplate(kind, line)

    def byline(self):
        a, w = self.a, self.s["writers"]
        style = a.byline_style
        if style == "by":
            self.header.append(f"By {a.person(w[0])}")
            a.gold["byline"] = [w[0]["full"]]
        elif style == "by_pair":
            self.header.append(f"By {a.person(w[0])} and {a.person(w[1])}")
            a.gold["byline"] = [w[0]["full"], w[1]["full"]]
        elif style == "pipe_date":
            self.header.append(f"{a.person(w[0])} | {a.absolute(self.pub)}")
            a.gold["byline"] = [w[0]["full"]]
            self.stated_date = self.pub
        elif style == "reporting":
            self.footer.append(f"Reporting by {a.person(w[0])}; Writing by {a.person(w[1])}; "
                               f"Editing by {a.person(w[2])}")
            a.gold["byline"] = [w[0]["full"], w[1]["full"]]
        elif style == "staff":
            self.header.append("Staff Reporter")

    def dateline(self):
        """The opening of the first paragraph, with the dateline recorded."""
        a, s = self.a, self.s
        city = s["city"].upper()
        style = a.dateline_style
        if style != "colon":
            a.ent(city, "place", s["city"])
        if style == "line":
            self.header.append(city)
            a.gold["dateline"] = city
            return ""
        if style == "colon":
            a.gold["dateline"] = a.ent(s["city"], "place")
            return f"{s['city']}: "
        if style == "comma_country":
            a.gold["dateline"] = f"{city}, {s['country']}"
            a.ent(s["country"], "place")
            return f"{city}, {s['country']} — "
        day = a.absolute(self.pub, with_year=False)
        a.gold["dateline"] = city
        return f"{city}, {day} ({a.ent(a.outlet, 'organization')}) - "

    # -- body ----------------------------------------------------------------------------
    def lead(self, opening):
        a, s, rng = self.a, self.s, self.rng
        noun, event_word, displaced_words, displaced_event = KINDS[s["kind"]]
        day = weekday_past(self.pub, rng.randrange(7))
        when = a.weekday(day)  # the first date of the article: it cannot clash
        place = a.ent(s["city"], "place")
        if s["kind"] == "talks":
            m1, m2 = (a.ent(c, "place") for c in s["mediators"])
            held = a.count(jitter(rng, s["killed"]), "hostages", "held")
            return (f"{opening}Ceasefire talks in {place} between the warring parties and "
                    f"mediators from {m1} and {m2} ended on {when} without a breakthrough, with "
                    f"{held or 'many hostages'} still held, officials said.")
        killed = a.count(jitter(rng, s["killed"]), "people", "killed")
        moved = a.count(jitter(rng, s["affected"]), "residents", displaced_event)
        return (f"{opening}The {event_word} that hit {place} on {when} killed "
                f"{killed or 'several people'} and {moved or 'many residents'} were "
                f"{displaced_words}, officials said.")

    def full_quote(self, who, first_mention):
        a, rng = self.a, self.rng
        words = rng.choice(P.STATEMENTS)
        verb = rng.choice(["said", "said", "told reporters", "added"])
        said_verb = verb.split()[0]
        text = words + ","
        if not a.quote(text, who, said_verb, False):
            return None
        name = (f"{who['role']} {a.person(who)}" if first_mention else a.person(who, full=False))
        if verb == "told reporters" or rng.random() < 0.5:
            line = f"{a.open}{text}{a.close} {name} {verb}."
        else:
            line = f"{a.open}{text}{a.close} {verb} {name}."
        # A second quote continuing the speaker's words: no verb of its own.
        if rng.random() < 0.3:
            more = rng.choice(P.STATEMENTS) + "."
            if more[:-1] != words and a.quote(more, who, None, False):
                line += f" {a.open}{more}{a.close}"
        return line

    def colon_quote(self, who):
        a = self.a
        words = self.rng.choice(P.STATEMENTS) + "."
        if not a.quote(words, who, "said", False):
            return None
        pronoun = P.PRONOUN[who["gender"]].capitalize() if a.last_speaker is who else None
        subject = pronoun or a.person(who, full=False)
        return f"{subject} said: {a.open}{words}{a.close}"

    def partial_quote(self, who):
        a = self.a
        words = self.rng.choice(P.FRAGMENTS)
        if not a.quote(words, who, "said", True):
            return None
        return f"{a.person(who, full=False)} said the situation was {a.open}{words}{a.close}."

    def unnamed_quote(self):
        a = self.a
        words = self.rng.choice(P.STATEMENTS) + ","
        if not a.quote(words, None, "said", False):
            return None
        return f"{a.open}{words}{a.close} a senior official said."

    def multi_paragraph_quote(self, who):
        a, rng = self.a, self.rng
        first, second = rng.sample(P.STATEMENTS, 2)
        text = f"{first}.\n\n{a.open}{second},"
        if not a.quote(text, who, "said", False):
            return None
        return f"{a.open}{first}.\n\n{a.open}{second},{a.close} {a.person(who, full=False)} said."

    def non_latin_quote(self, who):
        a = self.a
        passage, opening, closing = self.rng.choice(P.NON_LATIN)
        inner = passage[len(opening):-len(closing)]
        if not a.quote(inner, who, "wrote", False):
            return None
        return f"{a.person(who, full=False)} wrote on social media: {passage}"

    def figures(self):
        a, s, rng = self.a, self.s, self.rng
        org_text, org_canonical = s["org"]
        org = a.ent(org_text, "organization", org_canonical)
        choice = rng.randrange(4)
        if choice == 0:
            homes = a.count(jitter(rng, s["homes"]), "homes", None)
            return f"The {org} said {homes or 'many homes'} had been damaged or destroyed."
        if choice == 1:
            injured = a.vague("people", "injured")
            return f"The {org} said {injured or 'many people'} were injured."
        if choice == 2:
            days = rng.randrange(2, 10)
            span = a.duration(days, "days")
            return (f"The {org} said schools in the region would stay closed for "
                    f"{span or 'several days'}.")
        inch = rng.randrange(3, 20)
        text = a.qty(str(inch), inch, "", "exact", '"', "inches", None)
        return f"Water stood {text or 'knee'} deep in some streets, according to the {org}."

    def dates(self):
        a, rng = self.a, self.rng
        choice = rng.randrange(3)
        if choice == 0:
            day = weekday_future(self.pub, rng.randrange(7))
            name = P.WEEKDAYS[day.weekday()]
            if a.date(name, day.isoformat(), "relative", needs_pub=True):
                return f"Officials will meet again on {name} to review the response."
        if choice == 1:
            week = monday(self.pub) + datetime.timedelta(days=7)
            if a.date("next week", week.isoformat(), "relative", needs_pub=True):
                return "A fuller assessment is expected next week."
        earlier = self.pub - datetime.timedelta(days=rng.randrange(20, 300))
        text = a.absolute(earlier)
        if text:
            return f"The area was last hit by a comparable disaster on {text}."
        return rng.choice(P.FILLER)

    def clause(self):
        rng = self.rng
        text = (f"{rng.choice(P.CLAUSE_SUBJECTS)} {rng.choice(P.CLAUSE_VERBS)} that "
                f"{rng.choice(P.CLAUSE_OBJECTS)} {rng.choice(P.CLAUSE_STATES)}"
                f"{rng.choice(P.CLAUSE_TAILS)}.")
        return text[0].upper() + text[1:]

    def body(self, opening):
        rng, people = self.rng, self.s["people"]
        paragraphs = [self.lead(opening)]
        speakers = rng.sample(people, 2)
        mentioned = set()
        makers = [lambda: self.figures(), lambda: self.dates(),
                  lambda: self.partial_quote(speakers[0]) if speakers[0]["last"] in mentioned
                  else None,
                  lambda: self.colon_quote(speakers[0]) if speakers[0]["last"] in mentioned
                  else None,
                  lambda: self.unnamed_quote(),
                  lambda: self.multi_paragraph_quote(speakers[1]) if speakers[1]["last"]
                  in mentioned else None,
                  lambda: self.non_latin_quote(speakers[1]) if speakers[1]["last"] in mentioned
                  else None,
                  lambda: rng.choice(P.SCARE)]
        for who in speakers:
            paragraphs.append(self.full_quote(who, True) or self.clause())
            mentioned.add(who["last"])
            for _ in range(rng.randrange(1, 4)):
                paragraphs.append(rng.choice(makers)() or self.clause())
        for _ in range(rng.randrange(1, 5)):
            paragraphs.append(" ".join([self.clause(), rng.choice(P.FILLER), self.clause()]))
        if self.invalid:
            # A stray Latin-1 byte, as in scraped pages; the writer turns U+E000 into 0xE9.
            paragraphs.insert(rng.randrange(1, len(paragraphs) + 1),
                              "The caf\ue000 on the corner stayed open all night.")
        return paragraphs

    # -- the whole article ---------------------------------------------------------------
    def write(self):
        rng, a = self.rng, self.a
        self.stated_date = None
        if rng.random() < 0.4:
            self.header.append(self.furniture("navigation"))
        self.byline()
        if self.stated_date is None and rng.random() < 0.3:
            self.header.append(f"Published: {a.absolute(self.pub)}")
            self.stated_date = self.pub
        if rng.random() < 0.4:
            caption = rng.choice(P.CAPTIONS)
            self.header.append(a.boilerplate("caption", caption))
            if rng.random() < 0.5:
                self.header.append(self.furniture("credit"))
        opening = self.dateline()
        paragraphs = self.body(opening)
        for _ in range(rng.randrange(0, 3)):
            paragraphs.insert(rng.randrange(2, len(paragraphs) + 1),
                              self.furniture(rng.choice(["share", "related", "other"])))
        tail = [self.furniture(kind) for kind in ("paywall", "share", "related", "comments")
                if rng.random() < 0.5]
        text = "\n\n".join(self.header + paragraphs + self.footer)
        if tail:
            text += "\n\n" + "\n".join(tail)
        return self.title(), text

    def title(self):
        s = self.s
        if s["kind"] == "talks":
            return f"Truce talks in {s['city']} end without breakthrough"
        headline = KINDS[s["kind"]][0]
        return f"{headline} in {s['city']}: {self.a.outlet} reports on the aftermath"

    def gold(self, doc_id, title, published):
        """The gold record; relative dates (and month-days) lose their value when the
        publication date is unknown, as corpora/README.md says."""
        g = self.a.gold
        dates = [dict(d, value=None) if published is None and d["text"] in self.a.needs_pub else d
                 for d in g["dates"]]
        return {"id": doc_id, "title": title, "published": published, "byline": g["byline"],
                "dateline": g["dateline"], "boilerplate": g["boilerplate"], "quotes": g["quotes"],
                "quantities": g["quantities"], "dates": dates, "entities": g["entities"]}
