from __future__ import annotations

import numpy as np

from wiretrace.cluster.features import N_FEATURES, anchor_matrix, anchor_overlap, anchors_of
from wiretrace.cluster.specificity import FIGURE_WEIGHT, anchor_specificity


def test_rare_names_are_more_specific_than_common_ones() -> None:
    w = dict(zip(["california", "geysers", "jamal williams", "williams", "#4500"],
                 anchor_specificity(["california", "geysers", "jamal williams", "williams",
                                     "#4500"], N_FEATURES).tolist(), strict=True))
    assert w["geysers"] > w["california"]
    assert w["jamal williams"] > w["williams"]  # a multiword name weighs as its rarest word
    assert w["#4500"] == FIGURE_WEIGHT
    assert anchor_specificity(["diego's"], N_FEATURES)[0] == \
        anchor_specificity(["diego"], N_FEATURES)[0]  # possessive looked up as the name


def test_anchor_weights_depend_on_the_article_alone() -> None:
    texts = ["Maren Tollvik visited Ossel in California.", "California voted on Tuesday.",
             "Rescue divers pulled 4,500 fish from the Ossel."]
    anchors = [anchors_of(t) for t in texts]
    together = anchor_matrix(anchors)
    for k, a in enumerate(anchors):
        alone = anchor_matrix([a])
        assert (alone != together[k]).nnz == 0
    # the dot product of two rows is anchor_overlap
    dot = float(together[0].multiply(together[2]).sum())
    assert np.isclose(dot, anchor_overlap(anchors[0], anchors[2]))
    # sharing a rare name counts more than sharing a common one
    assert anchor_overlap(anchors[0], anchors[2]) > anchor_overlap(anchors[0], anchors[1])
