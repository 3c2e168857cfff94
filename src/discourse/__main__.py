"""``python -m discourse``: the command line (see :mod:`discourse.cli`)."""

import sys

from discourse.cli import main

sys.exit(main())
