"""`python -m liaison_app` — same as the `liaison-app` console script (and the frozen build's entry)."""

import sys

if getattr(sys, "frozen", False):
    # The court merge reads files in worker processes (exchange/batch_pool.py); a frozen build
    # starts them by running this executable again, and this call turns such a run into the
    # worker instead of a second app. Without it the workers fail and the merge reads in process.
    import multiprocessing

    multiprocessing.freeze_support()

from liaison_app.app import main  # noqa: E402

sys.exit(main())
