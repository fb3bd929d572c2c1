from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0002_region_fee_and_agreement"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="logo",
            field=models.ImageField(
                blank=True, upload_to="region-logos/", verbose_name="logo"
            ),
        ),
    ]
