"""``python -m checker``."""

import sys

from checker.launch import main

sys.exit(main())
