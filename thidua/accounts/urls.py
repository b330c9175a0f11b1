from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from thidua.accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/2fa/", views.two_factor, name="two_factor"),
    path("accounts/2fa/qr.png", views.two_factor_qr, name="two_factor_qr"),
    path("accounts/2fa/backup-codes/", views.backup_codes_regenerate, name="backup_codes_regenerate"),
    path("accounts/profile/", views.profile, name="profile"),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done")),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="emails/password_reset_body.txt",
            subject_template_name="emails/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("accounts/invitations/accept/<str:token>/", views.invitation_accept, name="invitation_accept"),
    # Board administration
    path("board/", views.board_detail, name="board_detail"),
    path("board/edit/", views.board_edit, name="board_edit"),
    path("board/staff/", views.staff_list, name="staff_list"),
    path("board/staff/<int:pk>/toggle-active/", views.staff_toggle_active, name="staff_toggle_active"),
    path("board/staff/<int:pk>/signer/", views.signer_settings, name="signer_settings"),
    path("board/invitations/new/", views.invitation_create, name="invitation_create"),
    path("board/invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("audit/", views.audit_log, name="audit_log"),
]
