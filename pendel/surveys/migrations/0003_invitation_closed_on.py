from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_standard_template_v1")]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="closed_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="closed for the employee from"
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="closed_reason",
            field=models.CharField(
                blank=True,
                db_default="",
                choices=[
                    ("ended", "The employment ended"),
                    ("erased", "The employee's data was erased"),
                ],
                max_length=10,
                verbose_name="why it closed",
            ),
        ),
    ]
