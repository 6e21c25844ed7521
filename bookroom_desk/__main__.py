"""`python -m bookroom_desk` runs the `bookroom-desk` command."""

import sys

from bookroom_desk.cli import main

sys.exit(main())
