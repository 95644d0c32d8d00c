"""The engine mapping of the search indexes (OpenSearch and Elasticsearch alike).

Long text fields keep term vectors with positions and offsets, so that the engine's fast
vector highlighter cuts a snippet from them (search/engines.py) without going over the whole
text again: measured on 20,000 documents of ~15 KB, the default highlighter spent ~25 ms per
hit in its sentence break iterator on ``extracted_text`` (0.5 s for a page of 20 hits), also
with offsets in the postings; the fast vector highlighter ~2 ms per hit."""

TERM_VECTOR_FIELDS = {"extracted_text", "body"}  # the field names (search_fields), not the engine's column names


class LongTextMappingMixin:
    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        if getattr(field, "field_name", None) in TERM_VECTOR_FIELDS and mapping.get("type") == "text":
            mapping["term_vector"] = "with_positions_offsets"
        return name, mapping
