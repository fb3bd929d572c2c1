from pendel.people.services import personal_data_erase
from pendel.surveys.models import Invitation


def test_erasing_an_employee_blanks_the_address_on_their_invitations(world, invitations):
    invitation = invitations[0]
    address = invitation.email
    assert address
    personal_data_erase(employee=invitation.employee, actor=world.contact)
    invitation.refresh_from_db()
    assert invitation.email == ""
    assert not Invitation.objects.filter(email=address).exists()
    assert Invitation.objects.filter(wave=invitation.wave).exclude(email="").count() == 9
