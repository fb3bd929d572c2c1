"""The national activity catalogue (issue 15; DOMAIN.md, "Standard base package"): the
activities every region can offer, in four languages, with the travel survey as the plan's
compulsory line. A type that exists already (by its code) is left as staff wrote it.

The product an activity may lead to is linked when the national product catalogue exists
(`manage.py seed_catalogue`); `seed_national_types` links it later too, for a type that has
none yet. The data is copied here, not imported (a migration must not change with the app).
"""

from django.db import migrations

HOUR = 60
DAY = 24 * HOUR

# code, goal, minutes, capacity, product it may lead to, is the survey, texts per language
# (name, description): nb, en, sv, nl.
TYPES = [
    (
        "mobility-talk",
        "inform",
        45,
        40,
        "company-ticket",
        False,
        {
            "nb": (
                "Mobilitetsforedrag",
                "En rådgiver forteller de ansatte hvordan de kan reise til jobben med "
                "kollektivtransport, sykkel og gange, og hva bedriftens mobilitetspakke gir.",
            ),
            "en": (
                "Mobility talk",
                "An advisor tells employees how they can get to work by public transport, "
                "bike and on foot, and what the company's mobility package offers.",
            ),
            "sv": (
                "Mobilitetsföredrag",
                "En rådgivare berättar för de anställda hur de kan resa till jobbet med "
                "kollektivtrafik, cykel och till fots, och vad företagets mobilitetspaket ger.",
            ),
            "nl": (
                "Lezing over mobiliteit",
                "Een adviseur vertelt werknemers hoe zij met het openbaar vervoer, de fiets "
                "of te voet naar het werk kunnen, en wat het mobiliteitspakket van het bedrijf "
                "biedt.",
            ),
        },
    ),
    (
        "stand",
        "motivate",
        3 * HOUR,
        None,
        "company-ticket",
        False,
        {
            "nb": (
                "Stand på arbeidsplassen",
                "Rådgiverne står i kantinen eller ved inngangen, svarer på spørsmål om "
                "reisen til jobben og hjelper de ansatte med å komme i gang med bedriftsbilletten.",
            ),
            "en": (
                "Stand at the workplace",
                "Advisors stand in the canteen or at the entrance, answer questions about "
                "the commute and help employees get started with the company ticket.",
            ),
            "sv": (
                "Monter på arbetsplatsen",
                "Rådgivarna står i personalmatsalen eller vid entrén, svarar på frågor om "
                "resan till jobbet och hjälper de anställda att komma i gång med företagsbiljetten.",
            ),
            "nl": (
                "Stand op de werkplek",
                "Adviseurs staan in de kantine of bij de ingang, beantwoorden vragen over het "
                "woon-werkverkeer en helpen werknemers op weg met het bedrijfsabonnement.",
            ),
        },
    ),
    (
        "bike-check",
        "facilitate",
        4 * HOUR,
        10,
        "bike-bag",
        False,
        {
            "nb": (
                "Sykkelsjekk",
                "En sykkelmekaniker kommer til arbeidsplassen og sjekker og justerer de "
                "ansattes sykler: bremser, gir, lys og dekk. Påmelding, begrenset antall plasser.",
            ),
            "en": (
                "Bike check",
                "A bike mechanic comes to the workplace and checks and adjusts employees' "
                "bikes: brakes, gears, lights and tyres. Sign-up, limited places.",
            ),
            "sv": (
                "Cykelkontroll",
                "En cykelmekaniker kommer till arbetsplatsen och kontrollerar och justerar de "
                "anställdas cyklar: bromsar, växlar, lyse och däck. Anmälan, begränsat antal platser.",
            ),
            "nl": (
                "Fietscontrole",
                "Een fietsenmaker komt naar de werkplek en controleert en stelt de fietsen van "
                "werknemers af: remmen, versnellingen, verlichting en banden. Met aanmelding, "
                "beperkt aantal plaatsen.",
            ),
        },
    ),
    (
        "ebike-trial",
        "motivate",
        3 * HOUR,
        20,
        "ebike-leasing",
        False,
        {
            "nb": (
                "Smaksprøver på elsykler",
                "De ansatte prøver ulike elsykler på en kort tur rundt arbeidsplassen, med "
                "veiledning om rekkevidde, lading og sikkerhet.",
            ),
            "en": (
                "E-bike trial",
                "Employees try different e-bikes on a short ride around the workplace, with "
                "advice on range, charging and safety.",
            ),
            "sv": (
                "Provåkning av elcyklar",
                "De anställda provar olika elcyklar på en kort tur runt arbetsplatsen, med "
                "råd om räckvidd, laddning och säkerhet.",
            ),
            "nl": (
                "E-bikes proberen",
                "Werknemers proberen verschillende e-bikes uit tijdens een korte rit rond de "
                "werkplek, met uitleg over bereik, opladen en veiligheid.",
            ),
        },
    ),
    (
        "ebike-leasing-info",
        "inform",
        HOUR,
        30,
        "ebike-leasing",
        False,
        {
            "nb": (
                "Informasjon om elsykkelleasing",
                "Hvordan leasing av elsykkel gjennom arbeidsgiveren fungerer: pris, avtale, "
                "forsikring og service.",
            ),
            "en": (
                "E-bike leasing information",
                "How leasing an e-bike through the employer works: price, agreement, "
                "insurance and servicing.",
            ),
            "sv": (
                "Information om elcykelleasing",
                "Hur leasing av elcykel genom arbetsgivaren fungerar: pris, avtal, "
                "försäkring och service.",
            ),
            "nl": (
                "Informatie over e-bike-lease",
                "Hoe het leasen van een e-bike via de werkgever werkt: prijs, overeenkomst, "
                "verzekering en onderhoud.",
            ),
        },
    ),
    (
        "health-talk",
        "motivate",
        45,
        50,
        None,
        False,
        {
            "nb": (
                "Helseforedrag",
                "Et foredrag om helsegevinstene ved å gå og sykle til jobben, gjerne sammen "
                "med bedriftshelsetjenesten.",
            ),
            "en": (
                "Health talk",
                "A talk about the health benefits of walking and cycling to work, preferably "
                "together with the occupational health service.",
            ),
            "sv": (
                "Hälsoföreläsning",
                "En föreläsning om hälsovinsterna med att gå och cykla till jobbet, gärna "
                "tillsammans med företagshälsovården.",
            ),
            "nl": (
                "Lezing over gezondheid",
                "Een lezing over de gezondheidsvoordelen van lopen en fietsen naar het werk, "
                "bij voorkeur samen met de arbodienst.",
            ),
        },
    ),
    (
        "leave-the-car",
        "motivate",
        7 * DAY,
        None,
        "company-ticket",
        False,
        {
            "nb": (
                "Kampanjen «La bilen stå»",
                "En kampanjeuke der de ansatte lar bilen stå og prøver kollektivtransport, "
                "sykkel eller gange, med premier og felles opplegg.",
            ),
            "en": (
                "“Leave the car at home” campaign",
                "A campaign week in which employees leave the car at home and try public "
                "transport, cycling or walking, with prizes and shared events.",
            ),
            "sv": (
                "Kampanjen ”Låt bilen stå”",
                "En kampanjvecka då de anställda låter bilen stå och provar kollektivtrafik, "
                "cykel eller att gå, med priser och gemensamma aktiviteter.",
            ),
            "nl": (
                "Campagne ‘Laat de auto staan’",
                "Een campagneweek waarin werknemers de auto laten staan en het openbaar "
                "vervoer, de fiets of lopen proberen, met prijzen en gezamenlijke activiteiten.",
            ),
        },
    ),
    (
        "challenge",
        "motivate",
        28 * DAY,
        None,
        None,
        False,
        {
            "nb": (
                "Gå- eller sykkelkonkurranse",
                "Lagene på arbeidsplassen samler turer og kilometer til fots eller på sykkel "
                "til og fra jobben i fire uker.",
            ),
            "en": (
                "Walking or cycling challenge",
                "Teams at the workplace collect trips and kilometres walked or cycled to and "
                "from work over four weeks.",
            ),
            "sv": (
                "Gå- eller cykelutmaning",
                "Lag på arbetsplatsen samlar resor och kilometer till fots eller på cykel "
                "till och från jobbet under fyra veckor.",
            ),
            "nl": (
                "Wandel- of fietsuitdaging",
                "Teams op de werkplek verzamelen vier weken lang ritten en kilometers die zij "
                "lopend of fietsend van en naar het werk afleggen.",
            ),
        },
    ),
    (
        "public-transport-intro",
        "facilitate",
        HOUR,
        25,
        "company-ticket",
        False,
        {
            "nb": (
                "Introduksjon til kollektivtransport",
                "Slik finner du den beste reisen til jobben: reiseplanlegger, billettapp, "
                "bytter og avganger fra nærmeste holdeplass.",
            ),
            "en": (
                "Introduction to public transport",
                "How to find the best trip to work: the journey planner, the ticket app, "
                "changes and departures from the nearest stop.",
            ),
            "sv": (
                "Introduktion till kollektivtrafiken",
                "Så hittar du den bästa resan till jobbet: reseplanerare, biljettapp, byten "
                "och avgångar från närmaste hållplats.",
            ),
            "nl": (
                "Kennismaking met het openbaar vervoer",
                "Zo vindt u de beste reis naar het werk: de reisplanner, de kaartjes-app, "
                "overstappen en vertrektijden vanaf de dichtstbijzijnde halte.",
            ),
        },
    ),
    (
        "home-office-workshop",
        "facilitate",
        2 * HOUR,
        20,
        None,
        False,
        {
            "nb": (
                "Verksted om hjemmekontor",
                "Ledere og ansatte lager sammen gode rutiner for hjemmekontor og faste "
                "kontordager, slik at færre reiser i rushtiden.",
            ),
            "en": (
                "Home-office workshop",
                "Managers and employees agree good routines for working from home and "
                "set office days, so that fewer people travel at rush hour.",
            ),
            "sv": (
                "Workshop om hemarbete",
                "Chefer och anställda kommer tillsammans fram till goda rutiner för "
                "hemarbete och fasta kontorsdagar, så att färre reser i rusningstid.",
            ),
            "nl": (
                "Workshop thuiswerken",
                "Leidinggevenden en werknemers maken samen goede afspraken over thuiswerken "
                "en vaste kantoordagen, zodat minder mensen in de spits reizen.",
            ),
        },
    ),
    (
        "webinar",
        "inform",
        45,
        None,
        None,
        False,
        {
            "nb": (
                "Webinar",
                "Et kort nettmøte om et tema som bedriften velger, for ansatte på alle "
                "arbeidssteder.",
            ),
            "en": (
                "Webinar",
                "A short online session on a topic the company chooses, for employees at "
                "every location.",
            ),
            "sv": (
                "Webbinarium",
                "Ett kort möte på nätet om ett ämne som företaget väljer, för anställda på "
                "alla arbetsplatser.",
            ),
            "nl": (
                "Webinar",
                "Een korte online bijeenkomst over een onderwerp dat het bedrijf kiest, voor "
                "werknemers op alle locaties.",
            ),
        },
    ),
    (
        "round-table",
        "facilitate",
        90,
        12,
        None,
        False,
        {
            "nb": (
                "Rundebordsmøte",
                "Ledelse, HR og ansattrepresentanter går gjennom reisevaneundersøkelsen med "
                "rådgiveren og blir enige om neste tiltak.",
            ),
            "en": (
                "Round-table",
                "Management, HR and employee representatives go through the travel survey "
                "with the advisor and agree on the next measures.",
            ),
            "sv": (
                "Rundabordssamtal",
                "Ledning, HR och de anställdas representanter går igenom resvaneundersökningen "
                "med rådgivaren och kommer överens om nästa åtgärder.",
            ),
            "nl": (
                "Rondetafelgesprek",
                "Directie, HR en vertegenwoordigers van werknemers bespreken het "
                "mobiliteitsonderzoek met de adviseur en spreken de volgende maatregelen af.",
            ),
        },
    ),
    (
        "travel-survey",
        "inform",
        14 * DAY,
        None,
        "sustainability-report",
        True,
        {
            "nb": (
                "Reisevaneundersøkelse",
                "Den obligatoriske undersøkelsen av de ansattes reisevaner: nullpunktsmålingen "
                "kommer før alle andre aktiviteter, deretter én gang i året.",
            ),
            "en": (
                "Travel survey",
                "The compulsory survey of employees' commuting habits: the baseline comes "
                "before every other activity, then once a year.",
            ),
            "sv": (
                "Resvaneundersökning",
                "Den obligatoriska undersökningen av de anställdas resvanor: nollmätningen "
                "kommer före alla andra aktiviteter, sedan en gång om året.",
            ),
            "nl": (
                "Mobiliteitsonderzoek",
                "Het verplichte onderzoek naar het woon-werkverkeer van werknemers: de "
                "nulmeting komt vóór alle andere activiteiten, daarna eens per jaar.",
            ),
        },
    ),
]
CODES = [row[0] for row in TYPES]


def seed_national_types(apps, schema_editor=None) -> None:
    """Create the national types that are missing; link a product to those without one."""
    ActivityType = apps.get_model("activities", "ActivityType")
    Product = apps.get_model("catalogue", "Product")
    products = {p.code: p for p in Product.objects.filter(region__isnull=True)}
    existing = {t.code: t for t in ActivityType.objects.filter(region__isnull=True)}
    for order, (code, goal, minutes, capacity, product, survey, texts) in enumerate(TYPES, 1):
        found = existing.get(code)
        if found is not None:
            if found.leads_to_id is None and product in products:
                found.leads_to = products[product]
                found.save(update_fields=["leads_to"])
            continue
        ActivityType.objects.create(
            code=code,
            region=None,
            name={language: name for language, (name, _d) in texts.items()},
            description={language: text for language, (_n, text) in texts.items()},
            goal=goal,
            duration_minutes=minutes,
            capacity=capacity,
            leads_to=products.get(product),
            is_survey=survey,
            sort_order=5 if survey else order * 10,  # the compulsory line first
        )


def remove_unused_national_types(apps, schema_editor) -> None:
    ActivityType = apps.get_model("activities", "ActivityType")
    (
        ActivityType.objects.filter(region__isnull=True, code__in=CODES)
        .filter(planned__isnull=True, events__isnull=True)
        .delete()
    )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_activities")]

    operations = [migrations.RunPython(seed_national_types, remove_unused_national_types)]
