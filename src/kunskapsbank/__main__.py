import sys

from kunskapsbank.cli.main import main

sys.exit(main())
