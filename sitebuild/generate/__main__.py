import sys

from sitebuild.generate.run import main

sys.exit(main(sys.argv[1:]))
