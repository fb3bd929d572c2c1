from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from pendel.accounts.access import login_required
from pendel.accounts.views import account, password, staff, two_factor

account_patterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", account.profile, name="profile"),
    path("two-factor/", two_factor.verify, name="two_factor"),
    path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("language/", account.set_language, name="set_language"),
    path(
        "password/change/",
        login_required(
            auth_views.PasswordChangeView.as_view(
                success_url=reverse_lazy("accounts:password_change_done")
            )
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        login_required(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        password.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "invitation/<uidb64>/<token>/",
        password.InvitationView.as_view(),
        name="invitation",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

staff_patterns = [
    path("users/", staff.user_list, name="user_list"),
    path("users/<int:pk>/deactivate/", staff.user_deactivate, name="user_deactivate"),
]
