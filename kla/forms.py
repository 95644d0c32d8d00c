"""Wagtail user create/edit forms with the OPD the user works for (kla.UserProfile)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import OPD, UserProfile


class OPDUserFormMixin(forms.Form):
    opd = forms.ModelChoiceField(
        queryset=OPD.objects.all(),
        required=False,
        label=_("OPD"),
        help_text=_("The agency (perangkat daerah) this user works for. Required for the Kontributor OPD role."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            profile = UserProfile.objects.filter(user=self.instance).first()
            self.fields["opd"].initial = profile.opd_id if profile else None

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            self.save_opd(user)
        else:
            original_save_m2m = self.save_m2m

            def save_m2m():
                original_save_m2m()
                self.save_opd(user)

            self.save_m2m = save_m2m
        return user

    def save_opd(self, user):
        opd = self.cleaned_data.get("opd")
        if opd is None and not UserProfile.objects.filter(user=user).exists():
            return
        UserProfile.objects.update_or_create(user=user, defaults={"opd": opd})


class SibulanUserCreationForm(OPDUserFormMixin, UserCreationForm):
    pass


class SibulanUserEditForm(OPDUserFormMixin, UserEditForm):
    pass
