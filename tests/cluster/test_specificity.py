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
    # the dot product of the absolute values of two rows is anchor_overlap
    dot = float(abs(together[0]).multiply(abs(together[2])).sum())
    assert np.isclose(dot, anchor_overlap(anchors[0], anchors[2]))
    # sharing a rare name counts more than sharing a common one
    assert anchor_overlap(anchors[0], anchors[2]) > anchor_overlap(anchors[0], anchors[1])


JACKSON = ("Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving. "
           "Jackson failed sobriety tests on Route 52, the California Highway Patrol said. "
           "Jackson will play on Sunday, coach Norv Turner said. Jackson was released.")
QUILL = ("Chargers tackle Edda Quill was arrested on suspicion of drunken driving. "
         "Quill was pulled over on Route 94, the California Highway Patrol said. "
         "Quill is the second Charger arrested this month. Quill was released.")


def test_main_names_are_repeated_specific_names() -> None:
    from wiretrace.cluster.features import anchors_and_main_names, main_names_of, story_features

    anchors, main = anchors_and_main_names(JACKSON)
    assert main == ("jackson",)  # "california" is neither repeated nor specific enough
    f = story_features([1], [JACKSON])
    assert main_names_of(f.anchors[0], f.anchor_vec[0]) == ["jackson"]
    assert (f.anchor_vec.data < 0).sum() == 1  # the main name's entry is marked negative


def test_a_missing_main_name_lowers_the_score_and_is_shown() -> None:
    from wiretrace.cluster.features import story_features
    from wiretrace.cluster.stories import MAIN_NAME_PENALTY, anchor_dots, story_edges_for

    f = story_features([1, 2, 3], [JACKSON, QUILL, JACKSON.replace("Route 52", "Route 53")])
    lo, hi = np.array([0, 0]), np.array([1, 2])
    overlap, unshared = anchor_dots(f.anchor_vec, lo, hi)
    assert unshared.tolist() == [True, False]  # Jackson vs Quill; Jackson vs Jackson
    assert np.isclose(overlap[0], anchor_overlap(f.anchors[0], f.anchors[1]))
    edges = {(e.a, e.b): e for e in story_edges_for(
        f, np.array([[0, 1], [0, 2]]), np.arange(3), set(), 0.0)}
    e = edges[(1, 2)]
    assert "main name not in the other article: jackson" in e.signals
    assert "main name not in the other article: quill" in e.signals
    assert 0 < MAIN_NAME_PENALTY < 1 and not any("main name" in s for s in edges[(1, 3)].signals)
