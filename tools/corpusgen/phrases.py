"""Word lists and house styles of the synthetic news generator (tools/generate_corpus.py).

Everything here is fiction written for wirespeed (CC0). Lists that feed entities are kept
disjoint (no surname is a place, no place an organisation) so that every span text carries
one annotation per article, as corpora/README.md requires of the gold.
"""

FIRST_NAMES = {
    "f": ["Amira", "Selin", "Maria", "Olena", "Fatma", "Sarah", "Ingrid", "Lucia", "Nadia",
          "Hannah", "Elena", "Priya", "Chloe", "Yasmin", "Marta", "Keiko"],
    "m": ["Daniel", "Khalil", "Murat", "Kenji", "Tomas", "Ahmed", "Jonas", "Pedro", "Viktor",
          "Samuel", "Omar", "Luca", "Erik", "Rashid", "Pavel", "Diego"],
}
SURNAMES = ["Mayer", "Darwish", "Yavuz", "Demirel", "Haddad", "Kovalenko", "Okafor", "Santos",
            "Watanabe", "Lindqvist", "Moreau", "Novak", "Brennan", "Farouk", "Castellano",
            "Petrova", "Halvorsen", "Nakamura", "Osei", "Varga", "Whitlock", "Quintero",
            "Sorensen", "Abadi", "Marsh", "Kirchner", "Duval", "Ferreira", "Ivanova", "Rahimi"]
PRONOUN = {"f": "she", "m": "he"}

# (city, country, outlet region). Datelines print the city upper-case.
CITIES = [("Cairo", "Egypt"), ("Oslo", "Norway"), ("Bologna", "Italy"), ("Malatya", "Turkey"),
          ("Karachi", "Pakistan"), ("Lusaka", "Zambia"), ("Athens", "Greece"),
          ("Brussels", "Belgium"), ("Jeddah", "Saudi Arabia"), ("Prague", "Czech Republic"),
          ("Reykjavik", "Iceland"), ("Lagos", "Nigeria"), ("Manila", "Philippines"),
          ("Lima", "Peru"), ("Hanoi", "Vietnam"), ("Nairobi", "Kenya")]
MEDIATOR_COUNTRIES = ["Qatar", "Egypt", "Norway", "Switzerland", "Turkey", "Oman"]

# (text as written, canonical).
ORGS = [("UN", "United Nations"), ("U.N.", "United Nations"), ("EU", "European Union"),
        ("Red Crescent", "Red Crescent"), ("World Health Organization", "World Health Organization"),
        ("International Energy Agency", "International Energy Agency")]
AGENCIES = ["civil defence agency", "disaster management agency", "health ministry",
            "interior ministry"]
COMPANIES = ["Vantora", "Helix Aerospace", "Northbridge Rail", "Caldera Mining", "Orison Bank"]
ROLES = ["spokeswoman", "spokesman", "Foreign Minister", "Governor", "Mayor",
         "Interior Minister", "chief negotiator", "Health Minister"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec."]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]

# (hedge as written, approx).
HEDGES = [("", "exact"), ("at least", "at_least"), ("more than", "more_than"),
          ("nearly", "nearly"), ("about", "about"), ("some", "about"), ("up to", "at_most"),
          ("fewer than", "less_than"), ("an estimated", "about"), ("over", "more_than")]

# Sentences without names, numbers or dates: the reporter's connective tissue.
FILLER = [
    "Officials did not immediately respond to a request for comment.",
    "The figures could not be independently verified.",
    "Aid agencies warned that supplies were running short in the worst-hit areas.",
    "Residents described long queues for bread, fuel and drinking water.",
    "The ministry published its figures late in the evening, local time.",
    "Analysts said the decision had been widely expected by investors.",
    "Roads into the area remained blocked by debris and fallen power lines.",
    "The opposition accused the government of reacting too slowly.",
    "Talks between the two sides have stalled over the sequencing of an agreement.",
    "Schools and several hospitals were closed as a precaution.",
    "Local television showed rescuers carrying people through flooded streets.",
    "Prices on the local market have risen sharply since the start of the crisis.",
]
SCARE = ["The town is now a \"ghost\" settlement.",
         "Officials avoid the word \"crisis\" in public statements."]

# Quoted sentences: (words, is the sentence complete). Complete ones end in "," when a
# reporting clause follows.
STATEMENTS = [
    "We are working around the clock, but the roads are cut off",
    "People are still talking, and the gaps are getting smaller",
    "Nobody has walked away from the table",
    "This is the worst disaster we have seen in a generation",
    "We need more boats, more pumps and more hands",
    "The decision was not taken lightly",
    "Every family here has lost something",
    "We will not accept a deal that leaves people behind",
    "The next few days will be decisive",
    "It is practically impossible to know who is safe",
]
FRAGMENTS = ["premature", "deeply worrying", "a turning point", "unacceptable",
             "far from over", "the only way forward"]
# Non-Latin passages, quoted with attribution; none contains a name, number or date.
NON_LATIN = [
    ("«Мы делаем всё возможное, чтобы помочь пострадавшим»", "«", "»"),
    ("«Ситуация остаётся сложной»", "«", "»"),
    ("“نحن نعمل على مدار الساعة لمساعدة المتضررين”", "“", "”"),
    ("“الوضع لا يزال صعبا”", "“", "”"),
    ("“Ekiplerimiz sahada çalışmaya devam ediyor”", "“", "”"),
]

# Boilerplate lines by kind; {outlet} and {n} are filled per article.
BOILERPLATE = {
    "paywall": ["Subscribe to continue reading.", "You have read {n} of 5 free articles this month.",
                "Register to receive full access to the {outlet}.",
                "Already a subscriber? Log in", "Start your free trial",
                "Haberin devamı için abone olun", "اشترك الآن لمتابعة القراءة",
                "Оформите подписку, чтобы продолжить чтение"],
    "share": ["Share this article", "Share on Facebook", "Share on WhatsApp", "Copy link",
              "Follow us on Google News", "Bu haberi paylaşın", "شارك هذا الخبر", "Поделиться",
              "Artikel teilen", "Partager sur Facebook", "Compartir en X"],
    "related": ["Related topics", "Related articles", "Also read: Markets steady after the storm",
                "More from {outlet}", "Read more", "Topics", "Читайте также", "اقرأ أيضا",
                "Ilgili haberler"],
    "comments": ["Leave a Comment", "{n} Comments", "Comments", "Post a comment"],
    "credit": ["Photo: AFP", "Photo: Reuters", "Photo: AP", "Photo: Anadolu"],
    "navigation": ["Home > World > Europe", "Home > News > Middle East", "Middle East, Americas",
                   "World | Asia"],
    "other": ["Sign up for our daily newsletter", "Support independent journalism. Donate today.",
              "Advertisement"],
}
CAPTIONS = ["Rescue workers search through rubble in the city centre.",
            "Residents wade through a flooded street.",
            "Delegates arrive for talks at a conference hall.",
            "Smoke rises over hills outside the city."]

OUTLETS = [
    # name, domain, quote marks, byline style, dateline style, date style, region
    ("Anatolia Wire", "anatoliawire.example", "“”", "by_pair", "line", "dmy_dots", "tr"),
    ("Levant Herald", "levantherald.example", "“”", "staff", "colon", "mdy_text", "me"),
    ("Gulf Tribune", "gulftribune.example", "\"\"", "pipe_date", "comma_country", "dmy_text", "me"),
    ("Nile Daily Monitor", "niledailymonitor.example", "“”", "by", "colon", "dmy_slash", "me"),
    ("Northern Ledger", "northernledger.example", "\"\"", "reporting", "agency", "mdy_ap", "us"),
    ("Harbour Post", "harbourpost.example", "“”", "by", "agency", "mdy_ap", "us"),
    ("Continental Courier", "continentalcourier.example", "“”", "pipe_date", "line", "dmy_dots",
     "eu"),
    ("Pacific Dispatch", "pacificdispatch.example", "\"\"", "none", "comma_country", "iso", "us"),
]

# Parts of the reporter's own sentences, combined at random so that the corpus is not a
# few hundred sentences repeated (which would compress and predict far better than news).
# No names, numbers or dates; words that are capitalised only start the sentence.
CLAUSE_SUBJECTS = ["officials", "residents", "aid workers", "engineers", "analysts", "local traders",
                   "volunteers", "doctors", "teachers", "farmers", "drivers", "shop owners",
                   "police", "firefighters", "lawmakers", "economists", "diplomats", "nurses",
                   "insurers", "union leaders", "hotel owners", "fishermen", "students", "pilots"]
CLAUSE_VERBS = ["warned", "complained", "noted", "feared", "reported", "suggested", "insisted",
                "acknowledged", "argued", "predicted", "conceded", "estimated"]
CLAUSE_OBJECTS = ["the water supply", "the power grid", "the main road", "the harbour",
                  "the central market", "the regional hospital", "the railway line",
                  "the grain harvest", "the fuel depot", "the school system", "the old bridge",
                  "the tax office", "the ferry service", "the housing programme",
                  "the emergency fund", "the border crossing", "the local currency",
                  "the airport runway", "the sewage network", "the coastal defences"]
CLAUSE_STATES = ["would need weeks of repairs", "had been neglected for years",
                 "was close to collapse", "could not cope with the demand",
                 "had held up better than expected", "was running far behind schedule",
                 "remained closed to the public", "was being rebuilt with foreign money",
                 "had become a political battleground", "was operating at half capacity",
                 "faced a shortage of spare parts", "had been quietly privatised",
                 "was the subject of a formal inquiry", "depended on volunteers",
                 "was overwhelmed within hours", "had lost most of its staff"]
CLAUSE_TAILS = ["", "", "", " despite repeated promises", " according to internal reports",
                " after the latest setback", " in the worst-hit districts",
                " while the government looked for money", " as tempers frayed",
                " even before the crisis began", " in the poorer neighbourhoods",
                " without any clear timetable"]
