from decimal import Decimal

import pytest

from kla.scoring import predicate_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "score, expected",
    [
        (0, None), (499, None), (499.99, None),
        (500, "Pratama"), (600, "Pratama"), (600.5, "Pratama"),
        (601, "Madya"), (700, "Madya"),
        (701, "Nindya"), (797.5, "Nindya"), (800, "Nindya"),
        (801, "Utama"), (900, "Utama"),
        (901, "KLA"), (Decimal("950.25"), "KLA"), (1000, "KLA"),
    ],
)
def test_predicate_at_the_band_edges(kla_data, score, expected):
    band = predicate_for(score)
    assert (band.name if band else None) == expected


@pytest.mark.parametrize("score", [-1, -0.01, 1000.01, 1001, float("nan"), "700", None, True])
def test_impossible_scores_are_rejected(kla_data, score):
    with pytest.raises(ValueError):
        predicate_for(score)
