from django import template

from ..views import indicator_documents

register = template.Library()


@register.simple_tag(takes_context=True)
def indicator_document_list(context, indicator):
    """The documents of ``indicator`` that the current visitor may read (public ones for everyone)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return list(indicator_documents(user, indicator))
