from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("activities", "0002_h15plans_national_catalogue")]

    operations = [
        migrations.AddField(
            model_name="signup",
            name="language",
            field=models.CharField(
                blank=True,
                help_text="The language of their mail.",
                max_length=8,
                verbose_name="language",
            ),
        ),
    ]
