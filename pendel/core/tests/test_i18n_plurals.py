"""The translation check looks at every plural form: a Norwegian page that says "1 søknad"
but "3 " for three is as broken as a missing translation."""

from pendel.core.i18n_check import untranslated

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def _po(tmp_path, body: str):
    po = tmp_path / "django.po"
    po.write_text(HEADER + body, encoding="utf-8")
    return po


def test_a_missing_plural_form_is_untranslated(tmp_path):
    po = _po(
        tmp_path,
        'msgid "%(count)s application"\nmsgid_plural "%(count)s applications"\n'
        'msgstr[0] "%(count)s søknad"\nmsgstr[1] ""\n\n'
        'msgid "%(count)s invoice"\nmsgid_plural "%(count)s invoices"\n'
        'msgstr[0] ""\nmsgstr[1] "%(count)s fakturaer"\n',
    )
    assert untranslated(po) == ["%(count)s application", "%(count)s invoice"]


def test_a_complete_plural_and_a_fuzzy_plural(tmp_path):
    po = _po(
        tmp_path,
        'msgid "%(count)s problem"\nmsgid_plural "%(count)s problems"\n'
        'msgstr[0] "%(count)s problem"\nmsgstr[1] "%(count)s problemer"\n\n'
        '#, fuzzy\nmsgid "%(count)s day"\nmsgid_plural "%(count)s days"\n'
        'msgstr[0] "%(count)s dag"\nmsgstr[1] "%(count)s dager"\n',
    )
    assert untranslated(po) == ["%(count)s day"]
