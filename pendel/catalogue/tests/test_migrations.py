"""The data migration that moved product texts to one column per field, both ways."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("catalogue", "0001_products_prices_vat_rates")]
AFTER = [("catalogue", "0002_product_texts_per_field")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_product_texts_move_to_one_column_per_field_and_back():
    old_apps = migrate(BEFORE)
    old_apps.get_model("catalogue", "Product").objects.create(
        code="city-bikes",
        kind="subscription",
        billing="monthly",
        texts={"nb": {"name": " Bysykkel ", "description": ""}, "sv": {"description": "Cyklar"}},
    )

    new_apps = migrate(AFTER)
    product = new_apps.get_model("catalogue", "Product").objects.get(code="city-bikes")
    assert product.name == {"nb": "Bysykkel"}
    assert product.description == {"sv": "Cyklar"}

    old_apps = migrate(BEFORE)
    product = old_apps.get_model("catalogue", "Product").objects.get(code="city-bikes")
    assert product.texts == {"nb": {"name": "Bysykkel"}, "sv": {"description": "Cyklar"}}
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


THRESHOLD_BEFORE = [("catalogue", "0002_product_texts_per_field")]
THRESHOLD_AFTER = [("catalogue", "0003_travel_survey_text_without_threshold")]


@pytest.mark.django_db(transaction=True)
def test_the_travel_survey_text_drops_its_threshold_and_keeps_staff_edits():
    old_apps = migrate(THRESHOLD_BEFORE)
    old_apps.get_model("catalogue", "Product").objects.filter(code="travel-survey").delete()
    old_apps.get_model("catalogue", "Product").objects.create(
        code="travel-survey",
        kind="service",
        billing="once",
        description={
            "en": "The compulsory survey of employees' commuting habits: a baseline before any "
            "other activity, then once a year. At least 60 % of employees must answer.",
            "sv": "Rättad av personalen.",
        },
    )

    new_apps = migrate(THRESHOLD_AFTER)
    product = new_apps.get_model("catalogue", "Product").objects.get(code="travel-survey")
    assert "60 %" not in product.description["en"]
    assert "set by the programme" in product.description["en"]
    assert product.description["sv"] == "Rättad av personalen."

    old_apps = migrate(THRESHOLD_BEFORE)
    product = old_apps.get_model("catalogue", "Product").objects.get(code="travel-survey")
    assert product.description["en"].endswith("At least 60 % of employees must answer.")
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
