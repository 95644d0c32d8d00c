"""Demo content of the portal (``manage.py load_demo_content``): texts in ``content``, locally drawn
illustrations in ``images``, small text PDFs in ``pdf``, and the loader in ``loader``."""
