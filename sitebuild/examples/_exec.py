"""Child side of runner.run_file: exec stdin's code as __main__, filed under the snippet's path."""

import sys

path = sys.argv[1]
code = compile(sys.stdin.read(), path, "exec")
sys.argv = [path]
exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})
