# Why: the Python shell of one test-server session (runtimeType "Python"): the same stdin commands
# and framed records as r-driver.R. Workspace objects are pickled; ML Server uses dill, which is
# not installed here, and dill reads plain pickles (§2.8).
import ast
import json
import pickle
import signal
import sys
import traceback
import types

sys.stderr = sys.stdout  # one console text, in order
G = {"__name__": "__main__", "__builtins__": __builtins__}


def ctl(kind, payload=None):
    sys.stdout.flush()
    tail = "" if payload is None else ":" + str(payload).replace("\x1e", " ").replace("\n", " ")
    sys.stdout.write("\x1eKB:" + kind + tail + "\x1e")
    sys.stdout.flush()


def run_code(prelude, code_path):
    if prelude != "-":
        with open(prelude, encoding="utf-8") as f:
            for item in json.load(f):
                G[item["name"]] = item["value"]
    with open(code_path, encoding="utf-8") as f:
        source = f.read()
    try:
        tree = ast.parse(source, "<code>", "exec")
    except SyntaxError:
        return "".join(traceback.format_exception_only(*sys.exc_info()[:2]))
    for node in tree.body:
        try:
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), "<code>", "eval"), G)
                if value is not None:
                    print(repr(value))
            else:
                exec(compile(ast.Module([node], []), "<code>", "exec"), G)
        except KeyboardInterrupt:
            raise
        except BaseException:
            kind, err, _ = sys.exc_info()
            return "".join(traceback.format_exception_only(kind, err))
    return None


def outputs_json(path):
    with open(path, encoding="utf-8") as f:
        names = [n for n in f.read().splitlines() if n]
    out = []
    for name in names:
        if name not in G:
            raise NameError("name '%s' is not defined" % name)
        out.append({"name": name, "value": G[name]})
    return json.dumps(out)


def write_result(result, err, outs="[]"):
    with open(result, "w", encoding="utf-8") as f:
        f.write('{"success":%s,"errorMessage":%s,"outputParameters":%s}' % (
            "true" if err is None else "false", json.dumps(err or ""), outs))
    ctl("DONE")


def execute(prelude, code, outputs, result):
    try:
        err = run_code(prelude, code)
    except KeyboardInterrupt:
        err = "Execution interrupted\n"
    outs = "[]"
    if err is None and outputs != "-":
        try:
            outs = outputs_json(outputs)
        except Exception as e:  # noqa: BLE001 - reported to the client as the run's error
            err = "%s: %s\n" % (type(e).__name__, e)
    write_result(result, err, outs)


def user_names():
    return sorted(k for k, v in G.items() if not k.startswith("__") and not isinstance(v, types.ModuleType))


def control(parts):
    op = parts[0]
    if op == "LS":
        with open(parts[1], "w", encoding="utf-8") as f:
            json.dump(user_names(), f)
    elif op == "SAVE":
        with open(parts[2], "wb") as f:
            pickle.dump(G[parts[1]], f)
    elif op == "LOAD":
        with open(parts[2], "rb") as f:
            G[parts[1]] = pickle.load(f)
    elif op == "RM":
        del G[parts[1]]
    elif op == "SAVEALL":
        keep = {}
        for k in user_names():
            try:
                pickle.dumps(G[k])
                keep[k] = G[k]
            except Exception:  # noqa: BLE001 - unpicklable objects stay out of the snapshot
                pass
        with open(parts[1], "wb") as f:
            pickle.dump(keep, f)
    elif op == "LOADALL":
        with open(parts[1], "rb") as f:
            G.update(pickle.load(f))
    else:
        raise ValueError("unknown command " + op)


def main():
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ctl("READY")
    while True:
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            continue
        if not line:
            return
        parts = line.rstrip("\n").split("\t")
        try:
            if parts[0] == "EXEC":
                execute(*parts[1:5])
            else:
                control(parts)
                ctl("OK")
        except KeyboardInterrupt:
            ctl("DONE" if parts[0] == "EXEC" else "ERR", None if parts[0] == "EXEC" else "interrupted")
        except Exception as e:  # noqa: BLE001 - a failed command is reported, the shell stays up
            ctl("ERR", "%s: %s" % (type(e).__name__, e))


main()
