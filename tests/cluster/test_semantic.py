from __future__ import annotations

import subprocess
import sys

import pytest

from wiretrace.cluster import assign, cluster

pytest.importorskip("sentence_transformers")


@pytest.mark.slow
def test_semantic_signal_keeps_incremental_equal_to_full(items, settings) -> None:
    s = settings.with_(semantic=True)
    full = cluster(items, s)
    assert full.state.features.embeddings is not None
    assert [10, 11, 12, 13] in full.stories and [30] in full.stories
    inc = assign(cluster(items[:3], s).state, items[3:], s)
    assert inc.stories == full.stories and inc.story_edges == full.story_edges


def test_missing_package_raises_missing_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['sentence_transformers'] = None\n"
        "from wiretrace.cluster.semantic import _model\n"
        "from wiretrace.errors import MissingExtra\n"
        "try:\n"
        "    _model('x')\n"
        "except MissingExtra as e:\n"
        "    assert e.extra == 'semantic' and 'wiretrace[semantic]' in str(e)\n"
        "else:\n"
        "    raise SystemExit('no error')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
