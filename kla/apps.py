from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KlaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kla"
    verbose_name = _("KLA framework")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
