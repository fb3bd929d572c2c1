"""Checks that several apps' tests share."""


def assert_private_download(response, *, filename: str | None = None) -> None:
    """An attachment that no cache keeps and no browser sniffs as another type."""
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    if filename is not None:
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
