"""The answer categories of the standard questions. They are the values stored in the typed
columns of Response, so results can be counted in SQL; the wording employees see lives in
the template's questions (translated per language), the labels here are for results."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    DRIVE_ALONE = "drive_alone", _("Car, driving alone")
    CAR_PASSENGER = "car_passenger", _("Car passenger or carpool")
    BUS = "bus", _("Bus")
    TRAM_METRO = "tram_metro", _("Tram or metro")
    TRAIN = "train", _("Train")
    FERRY = "ferry", _("Ferry or boat")
    BICYCLE = "bicycle", _("Bicycle")
    E_BIKE = "e_bike", _("E-bike")
    WALK = "walk", _("Walking")
    E_SCOOTER = "e_scooter", _("E-scooter")
    MOTORCYCLE = "motorcycle", _("Motorcycle or moped")
    OTHER = "other", _("Other")


class DayPlace(models.TextChoices):
    """Where someone worked on a weekday, when not at the workplace."""

    HOME = "home", _("Worked from home")
    HUB = "hub", _("Worked at a hub or satellite office")
    OFF = "off", _("Did not work")


# A weekday's answer: a mode (travelled to the workplace) or a place.
DAY_CHOICES = [*Mode.choices, *DayPlace.choices]


class ModeGroup(models.TextChoices):
    """The groups of the national travel survey, for cross-tabulations."""

    CAR_ALONE = "car_alone", _("Car alone")
    CAR_SHARED = "car_shared", _("Car passenger or carpool")
    PUBLIC_TRANSPORT = "public_transport", _("Public transport")
    CYCLING = "cycling", _("Cycling")
    WALKING = "walking", _("Walking")
    OTHER = "other", _("Other")


MODE_GROUP = {
    Mode.DRIVE_ALONE: ModeGroup.CAR_ALONE,
    Mode.CAR_PASSENGER: ModeGroup.CAR_SHARED,
    Mode.BUS: ModeGroup.PUBLIC_TRANSPORT,
    Mode.TRAM_METRO: ModeGroup.PUBLIC_TRANSPORT,
    Mode.TRAIN: ModeGroup.PUBLIC_TRANSPORT,
    Mode.FERRY: ModeGroup.PUBLIC_TRANSPORT,
    Mode.BICYCLE: ModeGroup.CYCLING,
    Mode.E_BIKE: ModeGroup.CYCLING,
    Mode.WALK: ModeGroup.WALKING,
    Mode.E_SCOOTER: ModeGroup.OTHER,
    Mode.MOTORCYCLE: ModeGroup.OTHER,
    Mode.OTHER: ModeGroup.OTHER,
}


class CarAccess(models.TextChoices):
    ALWAYS = "always", _("Always")
    SOMETIMES = "sometimes", _("Sometimes")
    NEVER = "never", _("Never")
    NO_LICENCE = "no_licence", _("I have no driving licence")


class Parking(models.TextChoices):
    FREE = "free", _("Yes, free parking")
    PAID = "paid", _("Yes, but I pay for it")
    NONE = "none", _("No parking at the workplace")
    UNKNOWN = "unknown", _("Do not know")


class Reason(models.TextChoices):
    FASTEST = "fastest", _("It is the fastest")
    CHEAPEST = "cheapest", _("It is the cheapest")
    FLEXIBLE = "flexible", _("It is flexible")
    CAR_AT_WORK = "car_at_work", _("I need a car during the working day")
    ERRANDS = "errands", _("Children, errands or activities on the way")
    POOR_TRANSIT = "poor_transit", _("Public transport does not suit my trip")
    WEATHER = "weather", _("Weather")
    EXERCISE = "exercise", _("Exercise and health")
    ENVIRONMENT = "environment", _("The environment and climate")
    COMFORT = "comfort", _("Comfort")
    SAFETY = "safety", _("Safety")
    HABIT = "habit", _("Habit")
    OTHER = "other", _("Other")


class ChangeFactor(models.TextChoices):
    CHEAPER_TICKET = "cheaper_ticket", _("A cheaper ticket or a company ticket")
    BETTER_TRANSIT = "better_transit", _("Better public transport routes or departures")
    BIKE_FACILITIES = "bike_facilities", _("Safe bike parking, showers and changing rooms")
    E_BIKE_TRIAL = "e_bike_trial", _("Trying or leasing an e-bike")
    CARPOOL = "carpool", _("Finding colleagues to share a car with")
    FLEXIBLE_HOURS = "flexible_hours", _("Flexible working hours")
    HOME_OFFICE = "home_office", _("Working from home more often")
    PAID_PARKING = "paid_parking", _("Paying for parking at work")
    NOTHING = "nothing", _("Nothing would make me change")
    OTHER = "other", _("Other")


class Manager(models.TextChoices):
    """For results only: the stored answer is a boolean."""

    MANAGER = "manager", _("Managers")
    OTHER = "other", _("Other employees")


# Distance bands of workplace surveys (RVU.md), lower bound inclusive, in km.
DISTANCE_BANDS = [
    ("0_2", _("Under 2 km"), 0, 2),
    ("2_5", _("2–5 km"), 2, 5),
    ("5_10", _("5–10 km"), 5, 10),
    ("10_20", _("10–20 km"), 10, 20),
    ("20_50", _("20–50 km"), 20, 50),
    ("50_plus", _("50 km or more"), 50, None),
]
