from django.utils import translation


class UserLanguageMiddleware:
    """The profile's language wins over the browser's; LocaleMiddleware handles the rest
    (the switcher's cookie, then Accept-Language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user and user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
