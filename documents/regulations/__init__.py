"""Regulations (produk hukum) in the JDIH standard: the model, the public library, the JDIHN
feed, the revocation rule and what it does to the evidence archive."""
