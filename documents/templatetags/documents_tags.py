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


@register.filter
def readable_by(document, request):
    """``{% if document|readable_by:request %}``: the one permission rule, for templates that show a
    document chosen by an editor (e.g. a document block on a public page)."""
    from django.contrib.auth.models import AnonymousUser

    from ..permissions import can_view_document

    return can_view_document(getattr(request, "user", None) or AnonymousUser(), document)
