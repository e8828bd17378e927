# Why: the Python side of the test server's fake kernel: runs code files named on stdin in one
# long-lived interpreter (same framing as r-driver.R: \036KB:TYPE:payload\036 on stdout, an EOR
# mark on stderr), showing the last expression's value the way Jupyter does (HTML for objects with
# _repr_html_, as an "html" console item of spec 5.3), and completing names with rlcompleter.
import ast
import builtins
import re
import rlcompleter
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


def show(value):
    has_html = hasattr(value, "_repr_html_") and not isinstance(value, type)
    html = value._repr_html_() if has_html else None
    if isinstance(html, str):
        ctl("HTML", html.encode("utf-8").hex())
    else:
        print(repr(value))


def complete(line, col):
    token = re.search(r"[\w.]*$", line[:col]).group(0)
    matches = []
    if token:
        completer = rlcompleter.Completer(NS)
        while len(matches) < 500:
            match = completer.complete(token, len(matches))
            if match is None:
                break
            matches.append(match)
    # rlcompleter marks callables with "("; the client inserts names only.
    matches = [m[:-1] if m.endswith("(") else m for m in matches]
    ctl("COMPLETIONS", "\x1f".join(matches))


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
                show(value)
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
        if parts[0] == "COMPLETE":
            complete(bytes.fromhex(parts[1]).decode("utf-8"), int(parts[2]))
            continue
        if parts[0] != "RUN":
            continue
        run(parts[1])
        sys.stderr.write("\x1eKB:EOR\x1e")
        sys.stderr.flush()
        # Query mode on Jupyter-backed runtimes answers 0 even when the code raised (spec 5.4).
        ctl("DONE", "0")


main()
