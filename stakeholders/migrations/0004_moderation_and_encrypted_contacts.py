"""Moderation of public comments, and encrypted contact details of commenters and representatives.

moderation_state is added with the default "published": comments already on the site were published
under the old rule and stay published; only comments posted from now on may wait for a moderator.
"""

import django.db.models.deletion
import django.utils.timezone
import smartgov.crypto
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('stakeholders', '0003_seed_vulnerable_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ModerationDigest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='sent at')),
                ('waiting', models.PositiveIntegerField(verbose_name='comments waiting')),
                ('recipients', models.PositiveSmallIntegerField(verbose_name='recipients')),
            ],
            options={
                'verbose_name': 'moderation notice',
                'verbose_name_plural': 'moderation notices',
                'ordering': ['-sent_at', '-id'],
            },
        ),
        migrations.AlterModelOptions(
            name='feedbackitem',
            options={'ordering': ['topic', 'received_at', 'id'], 'permissions': [('moderate_feedbackitem', 'Can moderate public comments')], 'verbose_name': 'feedback item', 'verbose_name_plural': 'feedback items'},
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='author_contact_index',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='contact search key'),
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='moderated_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='moderated at'),
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='moderated_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderated by'),
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='moderation_state',
            field=models.CharField(choices=[('pending', 'Waiting for moderation'), ('published', 'Published'), ('removed', 'Removed by the moderator')], default='published', max_length=16, verbose_name='moderation'),
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='removal_note',
            field=models.TextField(blank=True, editable=False, help_text='Shown publicly with the removed comment.', verbose_name="moderator's note"),
        ),
        migrations.AddField(
            model_name='feedbackitem',
            name='removal_reason',
            field=models.CharField(blank=True, choices=[('spam', 'Advertising or spam'), ('abusive', 'Abusive or offensive language'), ('personal_data', 'Personal information about someone'), ('off_topic', 'Not about this subject'), ('other', 'Another reason, explained in the note')], editable=False, max_length=16, verbose_name='reason for removal'),
        ),
        migrations.AddField(
            model_name='representative',
            name='email_index',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='e-mail search key'),
        ),
        migrations.AddField(
            model_name='representative',
            name='phone_index',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='phone search key'),
        ),
        migrations.AlterField(
            model_name='feedbackitem',
            name='author_contact',
            field=smartgov.crypto.EncryptedCharField(blank=True, max_length=255, verbose_name='contact'),
        ),
        migrations.AlterField(
            model_name='feedbackitem',
            name='author_name',
            field=smartgov.crypto.EncryptedCharField(blank=True, max_length=200, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='representative',
            name='email',
            field=smartgov.crypto.EncryptedEmailField(blank=True, max_length=254, verbose_name='e-mail'),
        ),
        migrations.AlterField(
            model_name='representative',
            name='phone',
            field=smartgov.crypto.EncryptedCharField(blank=True, max_length=50, verbose_name='telephone'),
        ),
        migrations.AddIndex(
            model_name='feedbackitem',
            index=models.Index(condition=models.Q(('moderation_state', 'pending')), fields=['received_at'], name='feedback_awaiting_moderation'),
        ),
        migrations.AddIndex(
            model_name='feedbackitem',
            index=models.Index(condition=models.Q(('author_contact_index', ''), _negated=True), fields=['author_contact_index'], name='feedback_contact_index'),
        ),
        migrations.AddIndex(
            model_name='representative',
            index=models.Index(condition=models.Q(('email_index', ''), _negated=True), fields=['email_index'], name='representative_email_index'),
        ),
        migrations.AddIndex(
            model_name='representative',
            index=models.Index(condition=models.Q(('phone_index', ''), _negated=True), fields=['phone_index'], name='representative_phone_index'),
        ),
        migrations.AddConstraint(
            model_name='feedbackitem',
            constraint=models.CheckConstraint(condition=models.Q(('moderation_state__in', ['pending', 'published', 'removed'])), name='feedback_moderation_state_valid'),
        ),
        migrations.AddConstraint(
            model_name='feedbackitem',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('moderation_state', 'removed'), models.Q(('removal_reason', ''), _negated=True)), models.Q(models.Q(('moderation_state', 'removed'), _negated=True), ('removal_reason', '')), _connector='OR'), name='feedback_removed_has_reason'),
        ),
    ]
