"""`python -m liaison_app` — same as the `liaison-app` console script."""

import sys

from liaison_app.app import main

sys.exit(main())
