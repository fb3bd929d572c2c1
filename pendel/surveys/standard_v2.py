"""Version 2 of the national standard questionnaire: version 1 with its Dutch in the
register of Dutch public services ("u" throughout, not "je") and a few clearer wordings.
The questions, their codes and option values are version 1's, so results compare across
the versions. Frozen like version 1: the data migration that creates version 2 reads this
module; a later version is made in Pendel (or in a new module).

Waves already dispatched keep the version they froze; waves dispatched from now on take the
newest published version (`current_template_version`)."""

import copy

from pendel.surveys import standard_v1

NUMBER = 2
CHANGE_NOTE = 'Dutch addresses the respondent as "u"; clearer wording in Norwegian and Dutch.'

# {language: {version 1's text: version 2's}}. Every entry must be used (a test checks).
REWORDED = {
    "nl": {
        "Bedankt dat je meedoet. De enquête duurt ongeveer vijf minuten. Met je antwoorden "
        "kunnen je werkgever en het programma het makkelijker maken om zonder alleen in de "
        "auto naar je werk te komen.": "Bedankt dat u meedoet. De enquête duurt ongeveer vijf "
        "minuten. Met uw antwoorden kunnen uw werkgever en het programma het makkelijker maken "
        "om zonder alleen in de auto naar uw werk te komen.",
        "Je reis naar het werk": "Uw reis naar het werk",
        "Je werkweek": "Uw werkweek",
        "Geef voor elke werkdag van vorige week aan hoe je naar je werk reisde, of waar je in "
        "plaats daarvan werkte.": "Geef voor elke werkdag van vorige week aan hoe u naar uw "
        "werk reisde, of waar u in plaats daarvan werkte.",
        "Over jou": "Over u",
        "Hoe reis je op een gewone dag naar je werk?": "Hoe reist u op een gewone dag naar uw "
        "werk?",
        "Gebruik je er meerdere, kies dan het middel waarmee je de grootste afstand aflegt.": (
            "Gebruikt u er meer dan één? Kies dan het vervoermiddel waarmee u de grootste "
            "afstand aflegt."
        ),
        "Hoe ver is het van je huis naar je werkplek, enkele reis, in kilometers?": (
            "Hoe ver is het van uw huis naar uw werkplek, enkele reis, in kilometers?"
        ),
        "Een schatting is genoeg. Je mag dit leeg laten als je in plaats daarvan je postcode "
        "invult.": "Een schatting is genoeg. U mag dit leeg laten als u in plaats daarvan uw "
        "postcode invult.",
        "Wat is de postcode van je woonadres?": "Wat is de postcode van uw woonadres?",
        "Alleen gebruikt om afstanden te schatten. De vier cijfers zijn genoeg; laat het leeg "
        "als je de afstand al hebt ingevuld.": "Alleen gebruikt om afstanden te schatten. De "
        "vier cijfers zijn genoeg. Hebt u de afstand al ingevuld? Dan kunt u dit leeg laten.",
        "Hoeveel dagen werk je in een gewone week op je werkplek?": (
            "Hoeveel dagen werkt u in een gewone week op uw werkplek?"
        ),
        "Hoeveel dagen werk je in een gewone week thuis?": (
            "Hoeveel dagen werkt u in een gewone week thuis?"
        ),
        "Hoeveel dagen werk je in een gewone week vanuit een flexwerkplek of hub?": (
            "Hoeveel dagen werkt u in een gewone week vanuit een flexwerkplek of hub?"
        ),
        "Een werkplek dichter bij huis, niet de vaste vestiging van je werkgever.": (
            "Een werkplek dichter bij huis, niet de vaste vestiging van uw werkgever."
        ),
        "Heb je een auto beschikbaar voor de reis naar je werk?": (
            "Hebt u een auto beschikbaar voor de reis naar uw werk?"
        ),
        "Kun je bij of vlak bij je werk parkeren?": "Kunt u bij of vlak bij uw werk parkeren?",
        "Waarom reis je meestal op deze manier naar je werk?": (
            "Waarom reist u meestal op deze manier naar uw werk?"
        ),
        "Wat zou ervoor zorgen dat je vaker met het openbaar vervoer, de fiets, te voet of "
        "samen met anderen naar je werk gaat?": "Wat zou ervoor zorgen dat u vaker met het "
        "openbaar vervoer, de fiets, te voet of samen met anderen naar uw werk gaat?",
        "Hoe bereid ben je om een andere manier van reizen naar je werk te proberen?": (
            "Hoe graag wilt u een andere manier van reizen naar uw werk proberen?"
        ),
        "Hoe oud ben je?": "Hoe oud bent u?",
        "Op welke afdeling werk je?": "Op welke afdeling werkt u?",
        "Geef je leiding aan andere medewerkers?": "Geeft u leiding aan andere medewerkers?",
    },
    "nb": {
        "Har du bil tilgjengelig til reisen til jobben?": (
            "Har du tilgang til bil når du skal til jobben?"
        ),
        "Hvorfor reiser du vanligvis til jobben slik du gjør?": (
            "Hvorfor reiser du vanligvis til jobben på denne måten?"
        ),
    },
}


def _reworded(value, used: set):
    if isinstance(value, dict):
        if set(value) == {"nb", "en", "sv", "nl"}:
            changed = dict(value)
            for language, texts in REWORDED.items():
                if value[language] in texts:
                    changed[language] = texts[value[language]]
                    used.add((language, value[language]))
            return changed
        return {key: _reworded(item, used) for key, item in value.items()}
    if isinstance(value, list):
        return [_reworded(item, used) for item in value]
    return value


USED: set = set()
TITLE = _reworded(copy.deepcopy(standard_v1.TITLE), USED)
INTRO = _reworded(copy.deepcopy(standard_v1.INTRO), USED)
STEPS = _reworded(copy.deepcopy(standard_v1.STEPS), USED)
QUESTIONS = _reworded(copy.deepcopy(standard_v1.QUESTIONS), USED)
