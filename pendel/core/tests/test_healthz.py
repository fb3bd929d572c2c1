from unittest import mock


def test_it_answers_200_when_database_and_tasks_work(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "tasks": "ok"}


def test_it_answers_503_when_the_database_fails(client, db):
    with mock.patch("pendel.core.views.database_ok", return_value=False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "failing"
