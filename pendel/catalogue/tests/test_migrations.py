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
