"""Reliability scenarios: bad input, SIGKILL mid-run, a server under writers, concurrent writers.

Each scenario builds what it needs under a work folder, drives the real command line (and for
the web app a real uvicorn server on 127.0.0.1) and returns a plain result the tests assert on
and the report prints. Nothing touches the network beyond loopback.

    python -m wiretrace.reliability --out docs/reliability.md

runs every scenario and writes the table with the figures it measured. ``httpx`` (a test
dependency) is needed for the load scenario.
"""

from wiretrace.reliability.bad_input import (
    BadCase,
    BatchResult,
    VanishResult,
    bad_input_batch,
    known_gaps,
    vanishing_file,
    write_bad_batch,
)
from wiretrace.reliability.concurrency import (
    ConcurrentIngestResult,
    ServeResult,
    concurrent_ingests,
    serve_under_writes,
)
from wiretrace.reliability.crashes import CrashResult, sigkill_cluster, sigkill_ingest
from wiretrace.reliability.harness import fictional_text
from wiretrace.reliability.report import main

__all__ = [
    "BadCase",
    "BatchResult",
    "ConcurrentIngestResult",
    "CrashResult",
    "ServeResult",
    "VanishResult",
    "bad_input_batch",
    "concurrent_ingests",
    "fictional_text",
    "known_gaps",
    "main",
    "serve_under_writes",
    "sigkill_cluster",
    "sigkill_ingest",
    "vanishing_file",
    "write_bad_batch",
]
