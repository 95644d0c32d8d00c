"""Replaces ``wagtail.users`` in INSTALLED_APPS so the user forms carry the OPD (Wagtail 6+ way:
a custom ``user_viewset`` on the wagtailusers app config)."""

from wagtail.users.apps import WagtailUsersAppConfig


class SibulanUsersConfig(WagtailUsersAppConfig):
    user_viewset = "kla.viewsets.SibulanUserViewSet"
