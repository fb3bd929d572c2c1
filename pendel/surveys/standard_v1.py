"""Version 1 of the national standard questionnaire, in Norwegian bokmål, English, Swedish
and Dutch. Frozen: the data migration that creates version 1 reads this module, so it is
never edited; a new version is made by the coordinator in Pendel (or in a new module).

The questions follow workplace travel-survey practice (RVU.md §2): the usual main mode,
distance or postcode, the working week, one week's diary, car and parking, reasons,
what would make people change, and background for cross-tabulation.
"""

NUMBER = 1


def t(en: str, nb: str, sv: str, nl: str) -> dict:
    return {"nb": nb, "en": en, "sv": sv, "nl": nl}


TITLE = t(
    "Travel habits survey",
    "Reisevaneundersøkelse",
    "Resvaneundersökning",
    "Enquête woon-werkverkeer",
)
INTRO = t(
    "Thank you for taking part. The survey takes about five minutes. Your answers help your "
    "employer and the programme make it easier to get to work without driving alone.",
    "Takk for at du deltar. Undersøkelsen tar omtrent fem minutter. Svarene dine hjelper "
    "arbeidsgiveren din og programmet med å gjøre det enklere å komme seg på jobb uten å "
    "kjøre bil alene.",
    "Tack för att du deltar. Undersökningen tar ungefär fem minuter. Dina svar hjälper din "
    "arbetsgivare och programmet att göra det lättare att ta sig till jobbet utan att köra "
    "bil ensam.",
    "Bedankt dat je meedoet. De enquête duurt ongeveer vijf minuten. Met je antwoorden kunnen "
    "je werkgever en het programma het makkelijker maken om zonder alleen in de auto naar je "
    "werk te komen.",
)

STEPS = [
    {
        "title": t(
            "Your trip to work", "Reisen til jobben", "Resan till jobbet", "Je reis naar het werk"
        )
    },
    {
        "title": t("Your working week", "Arbeidsuken din", "Din arbetsvecka", "Je werkweek"),
        "intro": t(
            "Think of a normal week, not a holiday week.",
            "Tenk på en vanlig uke, ikke en ferieuke.",
            "Tänk på en vanlig vecka, inte en semestervecka.",
            "Denk aan een gewone week, geen vakantieweek.",
        ),
    },
    {
        "title": t("Last week", "Forrige uke", "Förra veckan", "Vorige week"),
        "intro": t(
            "For each working day last week, tell us how you travelled to work, or where you "
            "worked instead.",
            "For hver arbeidsdag forrige uke: hvordan reiste du til jobben, eller hvor jobbet du "
            "i stedet?",
            "För varje arbetsdag förra veckan: hur reste du till jobbet, eller var arbetade du i "
            "stället?",
            "Geef voor elke werkdag van vorige week aan hoe je naar je werk reisde, of waar je in "
            "plaats daarvan werkte.",
        ),
    },
    {"title": t("Car and parking", "Bil og parkering", "Bil och parkering", "Auto en parkeren")},
    {
        "title": t(
            "Travelling differently", "Å reise annerledes", "Att resa annorlunda", "Anders reizen"
        )
    },
    {
        "title": t("About you", "Om deg", "Om dig", "Over jou"),
        "intro": t(
            "We use these answers only to compare groups of at least five people.",
            "Vi bruker disse svarene bare til å sammenligne grupper på minst fem personer.",
            "Vi använder de här svaren bara för att jämföra grupper om minst fem personer.",
            "We gebruiken deze antwoorden alleen om groepen van minstens vijf mensen te "
            "vergelijken.",
        ),
    },
]

MODES = [
    (
        "drive_alone",
        t("Car – driving alone", "Bil – kjører alene", "Bil – kör ensam", "Auto – alleen"),
    ),
    (
        "car_passenger",
        t(
            "Car – as a passenger or carpooling",
            "Bil – som passasjer eller samkjøring",
            "Bil – som passagerare eller samåkning",
            "Auto – als passagier of carpoolend",
        ),
    ),
    ("bus", t("Bus", "Buss", "Buss", "Bus")),
    (
        "tram_metro",
        t("Tram or metro", "Trikk eller T-bane", "Spårvagn eller tunnelbana", "Tram of metro"),
    ),
    ("train", t("Train", "Tog", "Tåg", "Trein")),
    ("ferry", t("Ferry or boat", "Ferje eller båt", "Färja eller båt", "Veerboot of boot")),
    ("bicycle", t("Bicycle", "Sykkel", "Cykel", "Fiets")),
    ("e_bike", t("E-bike", "Elsykkel", "Elcykel", "Elektrische fiets")),
    ("walk", t("On foot", "Til fots", "Till fots", "Te voet")),
    ("e_scooter", t("E-scooter", "Elsparkesykkel", "Elsparkcykel", "Elektrische step")),
    (
        "motorcycle",
        t(
            "Motorcycle or moped",
            "Motorsykkel eller moped",
            "Motorcykel eller moped",
            "Motor of brommer",
        ),
    ),
    ("other", t("Other", "Annet", "Annat", "Anders")),
]
DAY_PLACES = [
    ("home", t("Worked from home", "Jobbet hjemmefra", "Arbetade hemifrån", "Thuisgewerkt")),
    (
        "hub",
        t(
            "Worked at a hub or satellite office",
            "Jobbet fra et kontorfellesskap eller en hub",
            "Arbetade från en hubb eller ett satellitkontor",
            "Gewerkt vanuit een flexwerkplek of hub",
        ),
    ),
    (
        "off",
        t(
            "Did not work (day off, ill, travelling)",
            "Jobbet ikke (fri, syk, på reise)",
            "Arbetade inte (ledig, sjuk, på resa)",
            "Niet gewerkt (vrij, ziek, op reis)",
        ),
    ),
]
WEEKDAYS = [
    ("mode_mon", t("Monday", "Mandag", "Måndag", "Maandag")),
    ("mode_tue", t("Tuesday", "Tirsdag", "Tisdag", "Dinsdag")),
    ("mode_wed", t("Wednesday", "Onsdag", "Onsdag", "Woensdag")),
    ("mode_thu", t("Thursday", "Torsdag", "Torsdag", "Donderdag")),
    ("mode_fri", t("Friday", "Fredag", "Fredag", "Vrijdag")),
]
UP_TO_THREE = t(
    "Choose up to three.", "Velg inntil tre.", "Välj högst tre.", "Kies er maximaal drie."
)


def options(pairs) -> list[dict]:
    return [{"value": value, "label": label} for value, label in pairs]


def days_question(code: str, text: dict, help_text: dict | None = None) -> dict:
    return {
        "code": code,
        "kind": "number",
        "step": 2,
        "text": text,
        "help": help_text or {},
        "min_value": 0,
        "max_value": 7,
    }


QUESTIONS = [
    {
        "code": "main_mode",
        "kind": "single",
        "step": 1,
        "text": t(
            "How do you travel to work on a normal day?",
            "Hvordan reiser du til jobben på en vanlig dag?",
            "Hur reser du till jobbet en vanlig dag?",
            "Hoe reis je op een gewone dag naar je werk?",
        ),
        "help": t(
            "If you use several, choose the one you travel the longest distance with.",
            "Bruker du flere, velg det du reiser lengst med.",
            "Om du använder flera, välj det du reser längst sträcka med.",
            "Gebruik je er meerdere, kies dan het middel waarmee je de grootste afstand aflegt.",
        ),
        "options": options(MODES),
    },
    {
        "code": "distance_km",
        "kind": "number",
        "step": 1,
        "required": False,
        "text": t(
            "How far is it from your home to your workplace, one way, in kilometres?",
            "Hvor langt er det fra hjemmet ditt til arbeidsplassen, én vei, i kilometer?",
            "Hur långt är det från ditt hem till arbetsplatsen, enkel väg, i kilometer?",
            "Hoe ver is het van je huis naar je werkplek, enkele reis, in kilometers?",
        ),
        "help": t(
            "An estimate is fine. You may leave it empty if you give your home postcode instead.",
            "Et anslag holder. Du kan la feltet stå tomt hvis du oppgir postnummeret ditt "
            "i stedet.",
            "En uppskattning räcker. Du kan lämna fältet tomt om du anger ditt postnummer "
            "i stället.",
            "Een schatting is genoeg. Je mag dit leeg laten als je in plaats daarvan je postcode "
            "invult.",
        ),
        "min_value": 0,
        "max_value": 500,
        "decimals": 1,
    },
    {
        "code": "home_postcode",
        "kind": "text",
        "step": 1,
        "required": False,
        "text": t(
            "What is the postcode of your home?",
            "Hva er postnummeret der du bor?",
            "Vilket postnummer har du där du bor?",
            "Wat is de postcode van je woonadres?",
        ),
        "help": t(
            "Used only to estimate distances. You may leave it empty if you gave the distance.",
            "Brukes bare til å anslå avstander. Du kan la feltet stå tomt hvis du har oppgitt "
            "avstanden.",
            "Används bara för att uppskatta avstånd. Du kan lämna fältet tomt om du har angett "
            "avståndet.",
            "Alleen gebruikt om afstanden te schatten. De vier cijfers zijn genoeg; laat het leeg "
            "als je de afstand al hebt ingevuld.",
        ),
    },
    days_question(
        "days_office",
        t(
            "In a normal week, how many days do you work at the workplace?",
            "Hvor mange dager i en vanlig uke jobber du på arbeidsplassen?",
            "Hur många dagar en vanlig vecka arbetar du på arbetsplatsen?",
            "Hoeveel dagen werk je in een gewone week op je werkplek?",
        ),
    ),
    days_question(
        "days_home",
        t(
            "In a normal week, how many days do you work from home?",
            "Hvor mange dager i en vanlig uke jobber du hjemmefra?",
            "Hur många dagar en vanlig vecka arbetar du hemifrån?",
            "Hoeveel dagen werk je in een gewone week thuis?",
        ),
    ),
    days_question(
        "days_hub",
        t(
            "In a normal week, how many days do you work at a hub or satellite office?",
            "Hvor mange dager i en vanlig uke jobber du fra et kontorfellesskap eller en hub?",
            "Hur många dagar en vanlig vecka arbetar du från en hubb eller ett satellitkontor?",
            "Hoeveel dagen werk je in een gewone week vanuit een flexwerkplek of hub?",
        ),
        t(
            "A shared office closer to home, not your employer's usual workplace.",
            "Et kontor nærmere hjemmet, ikke arbeidsgiverens vanlige arbeidssted.",
            "Ett kontor närmare hemmet, inte arbetsgivarens vanliga arbetsplats.",
            "Een werkplek dichter bij huis, niet de vaste vestiging van je werkgever.",
        ),
    ),
    *[
        {
            "code": code,
            "kind": "single",
            "step": 3,
            "compact": True,
            "text": text,
            "options": options([*MODES, *DAY_PLACES]),
        }
        for code, text in WEEKDAYS
    ],
    {
        "code": "car_access",
        "kind": "single",
        "step": 4,
        "text": t(
            "Do you have a car available for the trip to work?",
            "Har du bil tilgjengelig til reisen til jobben?",
            "Har du tillgång till bil för resan till jobbet?",
            "Heb je een auto beschikbaar voor de reis naar je werk?",
        ),
        "options": options(
            [
                ("always", t("Always", "Alltid", "Alltid", "Altijd")),
                ("sometimes", t("Sometimes", "Av og til", "Ibland", "Soms")),
                ("never", t("Never", "Aldri", "Aldrig", "Nooit")),
                (
                    "no_licence",
                    t(
                        "I have no driving licence",
                        "Jeg har ikke førerkort",
                        "Jag har inget körkort",
                        "Ik heb geen rijbewijs",
                    ),
                ),
            ]
        ),
    },
    {
        "code": "parking",
        "kind": "single",
        "step": 4,
        "text": t(
            "Can you park at or near your workplace?",
            "Kan du parkere ved eller nær arbeidsplassen?",
            "Kan du parkera vid eller nära arbetsplatsen?",
            "Kun je bij of vlak bij je werk parkeren?",
        ),
        "options": options(
            [
                ("free", t("Yes, free of charge", "Ja, gratis", "Ja, gratis", "Ja, gratis")),
                (
                    "paid",
                    t(
                        "Yes, but I pay for it",
                        "Ja, men jeg betaler for det",
                        "Ja, men jag betalar för det",
                        "Ja, maar ik betaal ervoor",
                    ),
                ),
                ("none", t("No", "Nei", "Nej", "Nee")),
                ("unknown", t("I do not know", "Vet ikke", "Vet inte", "Weet ik niet")),
            ]
        ),
    },
    {
        "code": "reasons",
        "kind": "multiple",
        "step": 4,
        "max_choices": 3,
        "text": t(
            "Why do you usually travel to work the way you do?",
            "Hvorfor reiser du vanligvis til jobben slik du gjør?",
            "Varför reser du vanligtvis till jobbet som du gör?",
            "Waarom reis je meestal op deze manier naar je werk?",
        ),
        "help": UP_TO_THREE,
        "options": options(
            [
                (
                    "fastest",
                    t(
                        "It is the fastest",
                        "Det går raskest",
                        "Det går snabbast",
                        "Het is het snelst",
                    ),
                ),
                (
                    "cheapest",
                    t(
                        "It is the cheapest",
                        "Det er billigst",
                        "Det är billigast",
                        "Het is het goedkoopst",
                    ),
                ),
                (
                    "flexible",
                    t(
                        "It gives me flexibility",
                        "Det gir meg fleksibilitet",
                        "Det ger mig flexibilitet",
                        "Het geeft me flexibiliteit",
                    ),
                ),
                (
                    "car_at_work",
                    t(
                        "I need a car during the working day",
                        "Jeg trenger bil i arbeidstiden",
                        "Jag behöver bil under arbetsdagen",
                        "Ik heb overdag een auto nodig voor mijn werk",
                    ),
                ),
                (
                    "errands",
                    t(
                        "Children, errands or activities on the way",
                        "Henting av barn, ærender eller aktiviteter på veien",
                        "Hämtning av barn, ärenden eller aktiviteter på vägen",
                        "Kinderen, boodschappen of activiteiten onderweg",
                    ),
                ),
                (
                    "poor_transit",
                    t(
                        "Public transport does not suit my trip",
                        "Kollektivtilbudet passer ikke for min reise",
                        "Kollektivtrafiken passar inte för min resa",
                        "Het openbaar vervoer past niet bij mijn reis",
                    ),
                ),
                ("weather", t("The weather", "Været", "Vädret", "Het weer")),
                (
                    "exercise",
                    t(
                        "Exercise and health",
                        "Trening og helse",
                        "Motion och hälsa",
                        "Beweging en gezondheid",
                    ),
                ),
                (
                    "environment",
                    t(
                        "The environment and the climate",
                        "Miljø og klima",
                        "Miljö och klimat",
                        "Milieu en klimaat",
                    ),
                ),
                ("comfort", t("Comfort", "Komfort", "Bekvämlighet", "Comfort")),
                ("safety", t("Safety", "Trygghet", "Trygghet", "Veiligheid")),
                ("habit", t("Habit", "Vane", "Vana", "Gewoonte")),
                ("other", t("Other", "Annet", "Annat", "Anders")),
            ]
        ),
    },
    {
        "code": "change_factors",
        "kind": "multiple",
        "step": 5,
        "max_choices": 3,
        "text": t(
            "What would make you travel to work more often by public transport, by bicycle, "
            "on foot or together with others?",
            "Hva ville fått deg til å reise oftere kollektivt, sykle, gå eller samkjøre til "
            "jobben?",
            "Vad skulle få dig att oftare åka kollektivt, cykla, gå eller samåka till jobbet?",
            "Wat zou ervoor zorgen dat je vaker met het openbaar vervoer, de fiets, te voet of "
            "samen met anderen naar je werk gaat?",
        ),
        "help": UP_TO_THREE,
        "options": options(
            [
                (
                    "cheaper_ticket",
                    t(
                        "A cheaper ticket or a company ticket",
                        "Billigere billett eller bedriftsbillett",
                        "Billigare biljett eller företagsbiljett",
                        "Een goedkoper of door de werkgever betaald vervoersbewijs",
                    ),
                ),
                (
                    "better_transit",
                    t(
                        "Better routes or more departures",
                        "Bedre ruter eller flere avganger",
                        "Bättre linjer eller fler avgångar",
                        "Betere verbindingen of meer vertrekken",
                    ),
                ),
                (
                    "bike_facilities",
                    t(
                        "Safe bike parking, showers and changing rooms",
                        "Trygg sykkelparkering, dusj og garderobe",
                        "Säker cykelparkering, dusch och omklädningsrum",
                        "Veilige fietsenstalling, douches en kleedruimte",
                    ),
                ),
                (
                    "e_bike_trial",
                    t(
                        "Trying or leasing an e-bike",
                        "Prøve eller lease en elsykkel",
                        "Prova eller leasa en elcykel",
                        "Een elektrische fiets uitproberen of leasen",
                    ),
                ),
                (
                    "carpool",
                    t(
                        "Finding colleagues to share a car with",
                        "Finne kolleger å samkjøre med",
                        "Hitta kollegor att samåka med",
                        "Collega's vinden om mee te carpoolen",
                    ),
                ),
                (
                    "flexible_hours",
                    t(
                        "Flexible working hours",
                        "Fleksibel arbeidstid",
                        "Flexibel arbetstid",
                        "Flexibele werktijden",
                    ),
                ),
                (
                    "home_office",
                    t(
                        "Working from home more often",
                        "Jobbe oftere hjemmefra",
                        "Arbeta hemifrån oftare",
                        "Vaker thuiswerken",
                    ),
                ),
                (
                    "paid_parking",
                    t(
                        "Paying for parking at work",
                        "Betaling for parkering på jobben",
                        "Avgift för parkering på jobbet",
                        "Betaald parkeren op het werk",
                    ),
                ),
                (
                    "nothing",
                    t(
                        "Nothing would make me change",
                        "Ingenting ville fått meg til å endre",
                        "Ingenting skulle få mig att ändra mig",
                        "Niets zou me doen veranderen",
                    ),
                ),
                ("other", t("Other", "Annet", "Annat", "Anders")),
            ]
        ),
    },
    {
        "code": "willingness",
        "kind": "scale",
        "step": 5,
        "text": t(
            "How willing are you to try a different way of getting to work?",
            "Hvor villig er du til å prøve en annen måte å reise til jobben på?",
            "Hur villig är du att prova ett annat sätt att ta dig till jobbet?",
            "Hoe bereid ben je om een andere manier van reizen naar je werk te proberen?",
        ),
        "options": options(
            [
                (
                    "1",
                    t(
                        "1 – Not at all",
                        "1 – Ikke i det hele tatt",
                        "1 – Inte alls",
                        "1 – Helemaal niet",
                    ),
                ),
                ("2", t("2", "2", "2", "2")),
                ("3", t("3", "3", "3", "3")),
                ("4", t("4", "4", "4", "4")),
                (
                    "5",
                    t(
                        "5 – Very willing",
                        "5 – Svært villig",
                        "5 – Mycket villig",
                        "5 – Zeer bereid",
                    ),
                ),
            ]
        ),
        "min_value": 1,
        "max_value": 5,
    },
    {
        "code": "age_group",
        "kind": "single",
        "step": 6,
        "text": t("How old are you?", "Hvor gammel er du?", "Hur gammal är du?", "Hoe oud ben je?"),
        "options": options(
            [
                ("under_25", t("Under 25", "Under 25", "Under 25", "Jonger dan 25")),
                ("25_34", t("25–34", "25–34", "25–34", "25–34")),
                ("35_44", t("35–44", "35–44", "35–44", "35–44")),
                ("45_54", t("45–54", "45–54", "45–54", "45–54")),
                ("55_64", t("55–64", "55–64", "55–64", "55–64")),
                ("65_plus", t("65 or older", "65 eller eldre", "65 eller äldre", "65 of ouder")),
            ]
        ),
    },
    {
        "code": "department",
        "kind": "text",
        "step": 6,
        "required": False,
        "text": t(
            "Which department or unit do you work in?",
            "Hvilken avdeling eller enhet jobber du i?",
            "Vilken avdelning eller enhet arbetar du på?",
            "Op welke afdeling werk je?",
        ),
    },
    {
        "code": "is_manager",
        "kind": "single",
        "step": 6,
        "text": t(
            "Do you manage other people?",
            "Har du personalansvar?",
            "Har du personalansvar?",
            "Geef je leiding aan andere medewerkers?",
        ),
        "options": options(
            [("yes", t("Yes", "Ja", "Ja", "Ja")), ("no", t("No", "Nei", "Nej", "Nee"))]
        ),
    },
]
