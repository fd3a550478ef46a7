"""``python -m wiretrace.reliability --out docs/reliability.md``: run every scenario, write
the table of what was measured."""

from wiretrace.reliability.report import main

raise SystemExit(main())
