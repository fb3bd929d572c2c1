"""Product texts move from one column per row, {"nb": {"name": …, "description": …}, …},
to one column per field, {"nb": …, "en": …}: the shape of pendel.core.texts, which every app
uses."""

from django.db import migrations

import pendel.core.texts

LANGUAGES = ("nb", "en", "sv", "nl")
FIELDS = ("name", "description")


def split_texts(texts: dict) -> dict:
    """{language: {field: text}} -> {field: {language: text}}, without empty texts."""
    texts = texts if isinstance(texts, dict) else {}
    split = {}
    for field in FIELDS:
        values = {
            code: str((texts.get(code) or {}).get(field) or "").strip() for code in LANGUAGES
        }
        split[field] = {code: text for code, text in values.items() if text}
    return split


def join_texts(fields: dict) -> dict:
    """{field: {language: text}} -> {language: {field: text}}, the shape before."""
    joined = {}
    for field in FIELDS:
        for code, text in (fields.get(field) or {}).items():
            if text:
                joined.setdefault(code, {})[field] = text
    return joined


def forwards(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    products = list(Product.objects.only("pk", "texts"))
    for product in products:
        for field, value in split_texts(product.texts).items():
            setattr(product, field, value)
    Product.objects.bulk_update(products, list(FIELDS), batch_size=500)


def backwards(apps, schema_editor):
    Product = apps.get_model("catalogue", "Product")
    products = list(Product.objects.only("pk", *FIELDS))
    for product in products:
        product.texts = join_texts({field: getattr(product, field) for field in FIELDS})
    Product.objects.bulk_update(products, ["texts"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_products_prices_vat_rates")]

    operations = [
        migrations.AddField(
            model_name="product",
            name="name",
            field=pendel.core.texts.TranslatedTextField(
                blank=True, default=dict, verbose_name="name"
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="description",
            field=pendel.core.texts.TranslatedTextField(
                blank=True, default=dict, verbose_name="description"
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="product", name="texts"),
    ]
