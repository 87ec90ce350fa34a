"""One synthetic article and its gold, built together so that the gold is exact.

Each piece of text that the gold annotates goes through a method that records the
annotation as it writes the text (ent, qty, date, quote, boilerplate); everything else is
connective text without names, numbers or dates. A span text that would get a second,
different annotation in the same article is written another way instead, because the gold
identifies spans by their text (corpora/README.md).
"""
import datetime

from . import phrases as P


def group_thousands(value):
    return f"{value:,}"


def date_value(day, granularity="day"):
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def weekday_past(pub, weekday):
    """Latest such weekday not after pub (pub itself included)."""
    return pub - datetime.timedelta(days=(pub.weekday() - weekday) % 7)


def weekday_future(pub, weekday):
    """Earliest such weekday after pub."""
    return pub + datetime.timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


class article:
    def __init__(self, rng, outlet, pub):
        self.rng = rng
        (self.outlet, self.domain, marks, self.byline_style, self.dateline_style,
         self.date_style, self.region) = outlet
        self.open, self.close = marks[0], marks[1]
        self.pub = pub
        self.gold = {"byline": [], "dateline": None, "boilerplate": [], "quotes": [],
                     "quantities": [], "dates": [], "entities": []}
        self._seen = {k: {} for k in ("boilerplate", "quotes", "quantities", "dates", "entities")}
        self.last_speaker = None
        self.needs_pub = set()  # date texts whose value comes from the publication date

    # -- recording ---------------------------------------------------------------------
    def _record(self, layer, item):
        """Adds item unless its text is already annotated; False on a conflicting reuse."""
        seen = self._seen[layer]
        previous = seen.get(item["text"])
        if previous is None:
            seen[item["text"]] = item
            self.gold[layer].append(item)
            return True
        return previous == item

    def can(self, layer, text, item):
        previous = self._seen[layer].get(text)
        return previous is None or previous == item

    def ent(self, text, kind, canonical=None):
        self._record("entities", {"text": text, "type": kind, "canonical": canonical or text})
        return text

    def person(self, who, full=True):
        text = who["full"] if full else who["last"]
        return self.ent(text, "person", who["full"])

    def qty(self, number_text, value, hedge, approx, unit_text, unit, event):
        text = f"{hedge} {number_text}".strip()
        if unit_text:
            text += unit_text if unit_text in ('"', "%") else " " + unit_text
        item = {"text": text, "value": value, "approx": approx, "unit": unit, "event": event}
        if not self.can("quantities", text, item):
            return None
        self._record("quantities", item)
        return text

    def count(self, value, unit, event, hedged=True, plural=None):
        """A hedged count of `unit` ("at least 1,200 people"); None when it would clash."""
        hedge, approx = self.rng.choice(P.HEDGES) if hedged else ("", "exact")
        number = (P.NUMBER_WORDS[value] if value < len(P.NUMBER_WORDS) and self.rng.random() < 0.7
                  else group_thousands(value))
        noun = plural or unit
        return self.qty(number, value, hedge, approx, noun, unit, event)

    def vague(self, unit, event):
        word = self.rng.choice(["dozens of", "hundreds of", "thousands of"])
        return self.qty(word, None, "", "about", unit, unit, event)

    def date(self, text, value, kind, needs_pub=False):
        item = {"text": text, "value": value, "kind": kind}
        if not self.can("dates", text, item):
            return None
        self._record("dates", item)
        if needs_pub:
            self.needs_pub.add(text)
        return text

    def duration(self, count, unit):
        """"two days": a quantity and a date of kind duration."""
        text = f"{P.NUMBER_WORDS[count]} {unit}"
        if not (self.can("dates", text, {"text": text, "value": None, "kind": "duration"})
                and self.can("quantities", text, {"text": text, "value": count, "approx": "exact",
                                                  "unit": unit, "event": None})):
            return None
        self.qty(P.NUMBER_WORDS[count], count, "", "exact", unit, unit, None)
        return self.date(text, None, "duration")

    def weekday(self, day):
        """A weekday resolved against the publication date; None when it would clash."""
        name = P.WEEKDAYS[day.weekday()]
        return self.date(name, day.isoformat(), "relative", needs_pub=True)

    def boilerplate(self, kind, line):
        self._record("boilerplate", {"text": line, "kind": kind})
        return line

    def quote(self, text, speaker, verb, partial):
        item = {"text": text, "speaker": speaker["full"] if speaker else None, "verb": verb,
                "partial": partial}
        if not self.can("quotes", text, item):
            return False
        self._record("quotes", item)
        if speaker:
            self.last_speaker = speaker
        return True

    # -- dates as outlets write them -------------------------------------------------------
    def absolute(self, day, with_year=True):
        """An absolute date in the outlet's style, recorded; the text."""
        style = self.date_style if with_year else "md"
        if style == "dmy_dots":
            text = f"{day.day:02d}.{day.month:02d}.{day.year}"
        elif style == "dmy_slash":
            text = f"{day.day:02d}/{day.month:02d}/{day.year}"
        elif style == "iso":
            text = day.isoformat()
        elif style == "dmy_text":
            text = f"{day.day} {P.MONTHS[day.month - 1]} {day.year}"
        elif style == "mdy_ap":
            text = f"{P.MONTHS_AP[day.month - 1]} {day.day}, {day.year}"
        elif style == "mdy_text":
            text = f"{P.MONTHS[day.month - 1]} {day.day}, {day.year}"
        else:
            text = f"{P.MONTHS_AP[day.month - 1]} {day.day}"
        return self.date(text, day.isoformat(), "absolute", needs_pub=not with_year)
