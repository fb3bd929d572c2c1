"""The texts of the national catalogue (DOMAIN.md, "Standard base package") and of the
local add-ons a region can start from, in the four languages. Data only; seed.py uses it."""

from pendel.catalogue.models import MEMBERSHIP_FEE_CODE, Product, TaxClass

K, B, T = Product.Kind, Product.Billing, TaxClass


def _texts(nb, en, sv, nl) -> dict:
    """{"name": {language: text}, "description": {language: text}}, as Product stores them."""
    pairs = (("nb", nb), ("en", en), ("sv", sv), ("nl", nl))
    return {
        "name": {code: name for code, (name, _description) in pairs},
        "description": {code: description for code, (_name, description) in pairs},
    }


# code, kind, billing, tax class, orderable, texts
NATIONAL_PRODUCTS = [
    (
        "company-ticket",
        K.COMPANY_TICKET,
        B.MONTHLY,
        T.PASSENGER_TRANSPORT,
        True,
        _texts(
            (
                "Bedriftsbillett",
                "Personlig periodebillett for kollektivtransport i hele regionen, bestilt av "
                "arbeidsgiveren for hver ansatt. Arbeidsgiveren velger hvor stor del av "
                "prisen bedriften betaler.",
            ),
            (
                "Company ticket",
                "A personal monthly public transport pass for the whole region, ordered by "
                "the employer for each employee. The employer chooses how much of the price "
                "the company pays.",
            ),
            (
                "Företagsbiljett",
                "Ett personligt månadskort för kollektivtrafik i hela regionen, beställt av "
                "arbetsgivaren för varje anställd. Arbetsgivaren väljer hur stor del av "
                "priset företaget betalar.",
            ),
            (
                "Bedrijfs-ov-abonnement",
                "Een persoonlijk maandabonnement voor het openbaar vervoer in de hele regio, "
                "door de werkgever besteld voor elke werknemer. De werkgever kiest welk deel "
                "van de prijs het bedrijf betaalt.",
            ),
        ),
    ),
    (
        "carpooling",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            (
                "Samkjøring",
                "Digital samkjøringsordning for ansatte som pendler samme vei, med matching "
                "av turer og oversikt over delte reiser.",
            ),
            (
                "Carpooling",
                "A digital carpooling scheme for employees who commute the same way, "
                "matching trips and recording shared journeys.",
            ),
            (
                "Samåkning",
                "En digital samåkningstjänst för anställda som pendlar samma väg, med "
                "matchning av resor och översikt över delade resor.",
            ),
            (
                "Carpoolen",
                "Een digitale carpoolregeling voor werknemers die dezelfde kant op reizen, "
                "met het koppelen van ritten en een overzicht van gedeelde ritten.",
            ),
        ),
    ),
    (
        "travel-survey",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Reisevaneundersøkelse (RVU)",
                "Den obligatoriske undersøkelsen av de ansattes reisevaner: en førmåling før "
                "andre tiltak, deretter én gang i året. Hvor stor andel av de ansatte som må "
                "svare, står i programmets innstillinger og på hver undersøkelse.",
            ),
            (
                "Travel habits survey",
                "The compulsory survey of employees' commuting habits: a baseline before any "
                "other activity, then once a year. The share of employees who must answer is "
                "set by the programme and shown on each survey.",
            ),
            (
                "Resvaneundersökning",
                "Den obligatoriska undersökningen av de anställdas resvanor: en nollmätning "
                "före andra aktiviteter, sedan en gång om året. Hur stor andel som måste svara "
                "bestämmer programmet; den visas på varje undersökning.",
            ),
            (
                "Mobiliteitsonderzoek",
                "Het verplichte onderzoek naar het woon-werkverkeer van werknemers: een "
                "nulmeting vóór andere activiteiten, daarna eens per jaar. Welk deel van de "
                "werknemers moet antwoorden, bepaalt het programma; het staat bij elk onderzoek.",
            ),
        ),
    ),
    (
        "sustainability-report",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Bærekraftsrapport",
                "Årlig oversikt over de ansattes arbeidsreiser og utslippene fra dem, klar "
                "til bruk i bedriftens klima- og miljøregnskap.",
            ),
            (
                "Sustainability report",
                "A yearly account of employees' commuting and its emissions, ready for the "
                "company's climate and environmental reporting.",
            ),
            (
                "Hållbarhetsrapport",
                "En årlig sammanställning av de anställdas arbetsresor och deras utsläpp, "
                "klar att använda i företagets klimat- och miljöredovisning.",
            ),
            (
                "Duurzaamheidsrapportage",
                "Een jaarlijks overzicht van het woon-werkverkeer van werknemers en de "
                "uitstoot daarvan, klaar voor de klimaat- en milieurapportage van het bedrijf.",
            ),
        ),
    ),
    (
        "stand",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Stand på arbeidsplassen",
                "Programmet stiller med stand i kantina eller resepsjonen, med informasjon "
                "om billetter, sykling og samkjøring.",
            ),
            (
                "Stand at the workplace",
                "The programme sets up a stand in the canteen or reception, with information "
                "about tickets, cycling and carpooling.",
            ),
            (
                "Monter på arbetsplatsen",
                "Programmet ställer upp en monter i personalrummet eller receptionen, med "
                "information om biljetter, cykling och samåkning.",
            ),
            (
                "Stand op de werkplek",
                "Het programma staat met een stand in de kantine of bij de receptie, met "
                "informatie over het ov, fietsen en carpoolen.",
            ),
        ),
    ),
    (
        "event",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Mobilitetsarrangement",
                "Et arrangement for de ansatte om bærekraftige arbeidsreiser, for eksempel "
                "en frokost eller en temadag.",
            ),
            (
                "Mobility event",
                "An event for employees about sustainable commuting, such as a breakfast or "
                "a theme day.",
            ),
            (
                "Mobilitetsevenemang",
                "Ett evenemang för de anställda om hållbart pendlande, till exempel en "
                "frukost eller en temadag.",
            ),
            (
                "Mobiliteitsevenement",
                "Een evenement voor werknemers over duurzaam woon-werkverkeer, zoals een "
                "ontbijt of een themadag.",
            ),
        ),
    ),
    (
        "ebike-leasing",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            (
                "Elsykkelleasing",
                "Elsykler leaset til de ansatte, med service og forsikring. Faktureres per "
                "sykkel per måned.",
            ),
            (
                "E-bike leasing",
                "E-bikes leased for employees, with servicing and insurance. Invoiced per "
                "bike per month.",
            ),
            (
                "Elcykelleasing",
                "Elcyklar leasade till de anställda, med service och försäkring. Faktureras "
                "per cykel och månad.",
            ),
            (
                "E-bike lease",
                "E-bikes geleased voor werknemers, inclusief onderhoud en verzekering. "
                "Gefactureerd per fiets per maand.",
            ),
        ),
    ),
    (
        "bike-bag",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Sykkelveske",
                "Vanntett sykkelveske med programmets logo til ansatte som begynner å sykle "
                "til jobben.",
            ),
            (
                "Bike bag",
                "A waterproof bike bag with the programme's logo for employees who start "
                "cycling to work.",
            ),
            (
                "Cykelväska",
                "En vattentät cykelväska med programmets logotyp till anställda som börjar "
                "cykla till jobbet.",
            ),
            (
                "Fietstas",
                "Een waterdichte fietstas met het logo van het programma voor werknemers die "
                "op de fiets naar het werk gaan.",
            ),
        ),
    ),
    (
        "leave-the-car",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Kampanjen «La bilen stå»",
                "En kampanjeperiode der de ansatte utfordres til å la bilen stå hjemme og "
                "prøve buss, sykkel eller samkjøring.",
            ),
            (
                "“Leave the car at home” campaign",
                "A campaign period that challenges employees to leave the car at home and "
                "try the bus, the bike or carpooling.",
            ),
            (
                "Kampanjen ”Låt bilen stå”",
                "En kampanjperiod då de anställda utmanas att låta bilen stå hemma och "
                "prova buss, cykel eller samåkning.",
            ),
            (
                "Campagne ‘Laat de auto staan’",
                "Een campagneperiode waarin werknemers worden uitgedaagd de auto te laten "
                "staan en de bus, de fiets of carpoolen te proberen.",
            ),
        ),
    ),
    (
        "ebike-trial",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Prøv elsykkel",
                "Ansatte låner en elsykkel i to uker for å prøve å sykle til jobben.",
            ),
            ("E-bike trial", "Employees borrow an e-bike for two weeks to try cycling to work."),
            (
                "Prova elcykel",
                "Anställda lånar en elcykel i två veckor för att prova att cykla till jobbet.",
            ),
            (
                "E-bike uitproberen",
                "Werknemers lenen twee weken een e-bike om fietsen naar het werk uit te proberen.",
            ),
        ),
    ),
    (
        "health-talk",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            ("Helseforedrag", "Et foredrag om helsegevinstene ved å gå og sykle til jobben."),
            ("Health talk", "A talk about the health benefits of walking and cycling to work."),
            (
                "Hälsoföreläsning",
                "En föreläsning om hälsovinsterna med att gå och cykla till jobbet.",
            ),
            (
                "Gezondheidslezing",
                "Een lezing over de gezondheidsvoordelen van lopen en fietsen naar het werk.",
            ),
        ),
    ),
    (
        "bike-check",
        K.SERVICE,
        B.ONCE,
        T.STANDARD,
        True,
        _texts(
            (
                "Sykkelsjekk",
                "En sykkelmekaniker på arbeidsplassen som sjekker og justerer de ansattes sykler.",
            ),
            (
                "Bike check",
                "A bike mechanic at the workplace who checks and adjusts employees' bikes.",
            ),
            (
                "Cykelkontroll",
                "En cykelmekaniker på arbetsplatsen som kontrollerar och justerar de "
                "anställdas cyklar.",
            ),
            (
                "Fietscheck",
                "Een fietsenmaker op de werkplek die de fietsen van werknemers controleert "
                "en afstelt.",
            ),
        ),
    ),
    (
        MEMBERSHIP_FEE_CODE,
        K.MEMBERSHIP_FEE,
        B.MONTHLY,
        T.STANDARD,
        False,
        _texts(
            (
                "Medlemsavgift",
                "Avgiften for å delta i programmet, etter vilkårene i samarbeidsavtalen.",
            ),
            (
                "Membership fee",
                "The fee for taking part in the programme, under the terms of the "
                "cooperation agreement.",
            ),
            (
                "Medlemsavgift",
                "Avgiften för att delta i programmet, enligt villkoren i samarbetsavtalet.",
            ),
            (
                "Deelnamebijdrage",
                "De bijdrage voor deelname aan het programma, volgens de voorwaarden van de "
                "samenwerkingsovereenkomst.",
            ),
        ),
    ),
]

# Local add-ons a region can start from (same shape as NATIONAL_PRODUCTS).
LOCAL_ADDON_TEMPLATES = [
    (
        "city-bikes",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            ("Bysykkel", "Abonnement på bysykkelordningen for de ansatte."),
            ("City bikes", "A city bike subscription for employees."),
            ("Lånecyklar", "Ett abonnemang på stadens lånecyklar för de anställda."),
            ("Deelfietsen", "Een abonnement op de deelfietsen in de stad voor werknemers."),
        ),
    ),
    (
        "e-scooters",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            ("Elsparkesykler", "Minutter på delte elsparkesykler til korte turer."),
            ("E-scooters", "Minutes on shared e-scooters for short trips."),
            ("Elsparkcyklar", "Minuter på delade elsparkcyklar för korta resor."),
            ("Deelsteps", "Minuten op elektrische deelsteps voor korte ritten."),
        ),
    ),
    (
        "car-sharing",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            ("Bildeling", "Tilgang til delebiler for ansatte som av og til trenger bil."),
            ("Car sharing", "Access to shared cars for employees who sometimes need a car."),
            ("Bilpool", "Tillgång till bilpoolens bilar för anställda som ibland behöver bil."),
            (
                "Deelauto's",
                "Toegang tot deelauto's voor werknemers die soms een auto nodig hebben.",
            ),
        ),
    ),
    (
        "bike-subscription",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            ("Sykkelabonnement", "Sykkel med service og reparasjon for en fast pris per måned."),
            ("Bike subscription", "A bike with servicing and repairs for a fixed monthly price."),
            (
                "Cykelprenumeration",
                "En cykel med service och reparationer för ett fast månadspris.",
            ),
            ("Fietsabonnement", "Een fiets met onderhoud en reparaties voor een vast maandbedrag."),
        ),
    ),
    (
        "demand-responsive",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.PASSENGER_TRANSPORT,
        True,
        _texts(
            (
                "Bestillingstransport",
                "Transport som bestilles i appen og henter de ansatte der bussen ikke går.",
            ),
            (
                "Demand-responsive transport",
                "Rides booked in the app that pick employees up where the bus does not go.",
            ),
            (
                "Anropsstyrd trafik",
                "Resor som bokas i appen och hämtar de anställda där bussen inte går.",
            ),
            (
                "Vraagafhankelijk vervoer",
                "Ritten die in de app worden geboekt en werknemers ophalen waar de bus niet rijdt.",
            ),
        ),
    ),
    (
        "local-carpooling",
        K.SUBSCRIPTION,
        B.MONTHLY,
        T.STANDARD,
        True,
        _texts(
            ("Samkjøring, lokal ordning", "Regionens egen samkjøringsordning med faste plasser."),
            ("Carpooling, local scheme", "The region's own carpooling scheme with fixed spaces."),
            ("Samåkning, lokal tjänst", "Regionens egen samåkningstjänst med fasta platser."),
            (
                "Carpoolen, regionale regeling",
                "De eigen carpoolregeling van de regio met vaste plekken.",
            ),
        ),
    ),
]
