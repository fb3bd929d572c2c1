# The document archive: files shared between a region and a company.

import django.db.models.deletion
import django.utils.timezone
import pendel.documents.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('companies', '0001_initial'),
        ('regions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('category', models.CharField(choices=[('agreement', 'Agreement'), ('activity_plan', 'Activity plan'), ('report', 'Report'), ('invoice', 'Invoice'), ('survey_results', 'Survey results'), ('other', 'Other document')], max_length=20, verbose_name='category')),
                ('visibility', models.CharField(choices=[('shared', 'Shared with the company'), ('region', 'Region staff only')], default='shared', max_length=10, verbose_name='visibility')),
                ('file', models.FileField(blank=True, max_length=255, upload_to=pendel.documents.models.document_path, verbose_name='file')),
                ('original_filename', models.CharField(max_length=255, verbose_name='file name')),
                ('content_type', models.CharField(max_length=127, verbose_name='content type')),
                ('size', models.PositiveBigIntegerField(verbose_name='size in bytes')),
                ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='uploaded')),
                ('deleted_at', models.DateTimeField(blank=True, null=True, verbose_name='deleted')),
                ('deleted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='deleted by')),
                ('location', models.ForeignKey(blank=True, help_text='Empty: the document concerns the whole company.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='companies.location', verbose_name='location')),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='companies.organisation', verbose_name='organisation')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='regions.region', verbose_name='region')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'document',
                'verbose_name_plural': 'documents',
                'ordering': ['-uploaded_at', '-id'],
                'indexes': [models.Index(fields=['region', '-uploaded_at'], name='document_region_idx'), models.Index(fields=['organisation', '-uploaded_at'], name='document_org_idx')],
            },
        ),
    ]
