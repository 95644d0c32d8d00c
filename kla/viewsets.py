from wagtail.users.views.users import UserViewSet

from .forms import SibulanUserCreationForm, SibulanUserEditForm


class SibulanUserViewSet(UserViewSet):
    """Wagtail's user admin with the user's OPD (see kla.users_app.SibulanUsersConfig)."""

    create_template_name = "kla/admin/user_create.html"
    edit_template_name = "kla/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return SibulanUserEditForm if for_update else SibulanUserCreationForm
