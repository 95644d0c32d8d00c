"""Wagtail user create/edit forms with the OPD the user works for (kla.UserProfile)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import OPD, RadRealisation, UserProfile


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


# --- RAD realisation ----------------------------------------------------------------------------


class RealisationForm(forms.ModelForm):
    """A report of what was achieved for one action. The verification fields are not on it: only
    the Sekretariat's review form changes them."""

    quarter = forms.TypedChoiceField(
        label=_("Period"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Whole year")), (1, _("Quarter 1 (up to March)")), (2, _("Quarter 2 (up to June)")), (3, _("Quarter 3 (up to September)")), (4, _("Quarter 4 (up to December)"))],
    )

    class Meta:
        model = RadRealisation
        fields = ["year", "quarter", "achieved_value", "budget_realised", "status", "notes", "evidence"]
        widgets = {"evidence": forms.CheckboxSelectMultiple, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, action, user, **kwargs):
        from documents.permissions import viewable_documents

        from .monitoring import default_year

        super().__init__(*args, **kwargs)
        self.action = action
        self.instance.action = action
        years = action.plan.years
        self.fields["year"] = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=[(y, y) for y in years], initial=self.instance.year or default_year(action.plan))
        self.fields["evidence"].queryset = viewable_documents(user).order_by("-pk")
        self.fields["evidence"].required = False
        self.fields["evidence"].help_text = _("Documents of the archive that prove the realisation (bukti dukung). Upload them under Documents first.")

    def clean(self):
        cleaned = super().clean()
        year, quarter = cleaned.get("year"), cleaned.get("quarter")
        if year is not None:
            clash = RadRealisation.objects.filter(action=self.action, year=year, quarter=quarter).exclude(pk=self.instance.pk)
            if clash.exists():
                raise forms.ValidationError(_("There is already a report for this action and period: change that one instead."))
        return cleaned


class ReviewForm(forms.Form):
    VERIFY = "verify"
    REVISE = "revise"

    decision = forms.ChoiceField(label=_("Decision"), choices=[(VERIFY, _("Verify")), (REVISE, _("Ask for revision"))], widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note to the OPD"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REVISE and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say what has to be revised."))
        return cleaned


class RadImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX file"), help_text=_("The layout of the export: one row per action, the years as columns."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an XLSX (or CSV) file."))
        return upload
