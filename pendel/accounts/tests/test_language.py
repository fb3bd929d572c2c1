from django.urls import reverse

from pendel.core.models import AuditEvent


def test_the_browser_language_is_used_without_a_profile_language(client, world):
    world.advisor.language = ""
    world.advisor.save()
    client.force_login(world.advisor)
    page = client.get(reverse("staff:home"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert 'lang="sv"' in page
    assert "Välkommen" in page


def test_the_profile_language_wins_over_the_browser(client, world):
    world.advisor.language = "nl"
    world.advisor.save()
    client.force_login(world.advisor)
    page = client.get(reverse("staff:home"), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Welkom" in page


def test_the_switcher_saves_the_language_in_the_profile(client, world):
    client.force_login(world.advisor)
    response = client.post(
        reverse("accounts:set_language"), {"language": "nb", "next": reverse("staff:home")}
    )
    assert response["Location"] == reverse("staff:home")
    world.advisor.refresh_from_db()
    assert world.advisor.language == "nb"
    assert "Velkommen" in client.get(reverse("staff:home")).content.decode()
    assert AuditEvent.objects.filter(action="user.profile_updated", actor=world.advisor).exists()


def test_the_switcher_works_for_visitors_through_a_cookie(client, db):
    client.post(reverse("accounts:set_language"), {"language": "nl", "next": "/"})
    assert 'lang="nl"' in client.get(reverse("accounts:login")).content.decode()


def test_an_unknown_language_changes_nothing(client, world):
    world.advisor.language = "en"
    world.advisor.save()
    client.force_login(world.advisor)
    response = client.post(reverse("accounts:set_language"), {"language": "xx"})
    assert response.status_code == 302
    world.advisor.refresh_from_db()
    assert world.advisor.language == "en"


def test_the_switcher_does_not_redirect_to_another_site(client, db):
    response = client.post(
        reverse("accounts:set_language"), {"language": "nb", "next": "https://evil.example.com/"}
    )
    assert response["Location"] == "/"


def test_the_profile_page_saves_name_and_language(client, world):
    client.force_login(world.advisor)
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Ola", "last_name": "Dunk", "language": "sv"}
    )
    assert response.status_code == 302
    world.advisor.refresh_from_db()
    assert (world.advisor.last_name, world.advisor.language) == ("Dunk", "sv")
    assert "Din profil" in client.get(reverse("accounts:profile")).content.decode()


def test_the_profile_page_refuses_an_unknown_language(client, world):
    client.force_login(world.advisor)
    response = client.post(
        reverse("accounts:profile"), {"first_name": "Ola", "last_name": "X", "language": "de"}
    )
    assert response.status_code == 200
    world.advisor.refresh_from_db()
    assert world.advisor.last_name != "X"
