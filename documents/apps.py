from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = _("Documents and evidence")

    def ready(self):
        from .regulations.signal_handlers import register_signal_handlers as register_regulation_handlers
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_regulation_handlers()
