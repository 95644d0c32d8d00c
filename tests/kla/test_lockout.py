import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PASSWORD = "rahasia-sekali-123"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("petugas", "petugas@example.org", PASSWORD)


def test_admin_login_locks_out_after_repeated_failures(client, staff):
    assert settings.AXES_FAILURE_LIMIT == 5
    responses = [client.post("/admin/login/", {"username": "petugas", "password": f"salah-{i}"}) for i in range(5)]
    assert all(r.status_code == 200 for r in responses[:4])  # the form again, with an error
    locked = responses[4]
    assert locked.status_code == 429
    assert "account/lockout.html" in [t.name for t in locked.templates]

    # While locked out, even the right password is refused.
    response = client.post("/admin/login/", {"username": "petugas", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_a_correct_login_before_the_limit_works(client, staff):
    for i in range(3):
        client.post("/admin/login/", {"username": "petugas", "password": f"salah-{i}"})
    response = client.post("/admin/login/", {"username": "petugas", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
