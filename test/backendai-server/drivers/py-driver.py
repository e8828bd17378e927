# Why: the Python side of the test server's fake kernel: runs code files named on stdin in one
# long-lived interpreter (same framing as r-driver.R: \036KB:TYPE:payload\036 on stdout, an EOR
# mark on stderr), showing the last expression's value the way Jupyter does.
import ast
import builtins
import signal
import sys
import traceback

NS = {"__name__": "__main__"}
STDIN = sys.stdin


def ctl(kind, payload=""):
    sys.stdout.flush()
    sys.stdout.write("\x1eKB:%s:%s\x1e" % (kind, payload))
    sys.stdout.flush()


def kb_input(prompt=""):
    sys.stdout.write(str(prompt))
    ctl("INPUT", "0")
    line = STDIN.readline()
    return line[:-1] if line.endswith("\n") else line


builtins.input = kb_input


def run(path):
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), filename="<cell>")
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        exec(compile(tree, "<cell>", "exec"), NS)
        if last is not None:
            value = eval(compile(last, "<cell>", "eval"), NS)
            if value is not None:
                print(repr(value))
        return 0
    except BaseException:  # user code may raise anything, KeyboardInterrupt included
        traceback.print_exc()
        return 1


def main():
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ctl("READY")
    while True:
        line = STDIN.readline()
        if not line:
            break
        parts = line.rstrip("\n").split("\t")
        if parts[0] != "RUN":
            continue
        run(parts[1])
        sys.stderr.write("\x1eKB:EOR\x1e")
        sys.stderr.flush()
        # Query mode on Jupyter-backed runtimes answers 0 even when the code raised (spec 5.4).
        ctl("DONE", "0")


main()
