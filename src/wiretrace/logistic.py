"""A logistic model shipped as JSON inside the package.

The learned decisions (``trace.linkmodel``: is one text a paraphrase of the other;
``claims.entailment``: is a copy's sentence supported by its source) share this form: features
standardised by the training mean and scale, a weight per feature, a bias, and a threshold
chosen on development data. Each is written by its own script under ``scripts/``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import numpy as np

__all__ = ["LogisticModel", "read_logistic"]


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """P(positive) = sigmoid(w · (x - mean) / scale + b)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(z @ self.weights + self.bias)))


def read_logistic(
    package: str, resource: str, features: Sequence[str], script: str,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float, dict[str, Any]]:
    """The fields of the model in ``package``'s ``resource`` (JSON), checked against the
    feature names the code computes; a model trained on other features says how to fix it."""
    raw = json.loads(files(package).joinpath(resource).read_text("utf-8"))
    if tuple(raw["features"]) != tuple(features):
        raise RuntimeError(f"{resource} was trained on other features: re-run {script}")
    return (np.asarray(raw["mean"], float), np.asarray(raw["scale"], float),
            np.asarray(raw["weights"], float), float(raw["bias"]), float(raw["threshold"]),
            raw.get("meta", {}))
