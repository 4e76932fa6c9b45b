"""Runs a notebook in the real .NET Interactive kernel through Jupyter's own execution client (nbclient).

usage: /usr/bin/python3 run_in_jupyter.py NOTEBOOK OUTPUT [CELL_TIMEOUT_SECONDS]

The notebook runs with its own folder as the working directory, as VS Code and Jupyter run it, in the kernel
named `.net-csharp` (registered by `dotnet interactive jupyter install`). Cells that fail are recorded as error
outputs and the run goes on, as Jupyter's "Run All" does. Prints one JSON line: {"seconds": ..., "cells": ...}.
Exit codes: 0 the notebook ran (its outputs say how each cell went); 3 the kernel is not installed; 4 anything else.
"""
import json
import os
import sys
import time

try:
    import nbformat
    from nbclient import NotebookClient
    from jupyter_client.kernelspec import NoSuchKernel
except ImportError as missing:
    print(f"missing Python package: {missing.name}; apt-get install -y python3-nbclient python3-nbformat jupyter-client", file=sys.stderr)
    sys.exit(3)


def main():
    source, output = sys.argv[1], sys.argv[2]
    timeout = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    notebook = nbformat.read(source, as_version=4)
    folder = os.path.dirname(os.path.abspath(source))
    client = NotebookClient(notebook, kernel_name=".net-csharp", timeout=timeout, allow_errors=True,
                            startup_timeout=120, resources={"metadata": {"path": folder}})
    start = time.monotonic()
    try:
        client.execute()
    except NoSuchKernel as error:
        print(f"the .net-csharp kernel is not installed ({error}); run: dotnet tool restore && dotnet interactive jupyter install",
              file=sys.stderr)
        return 3
    seconds = time.monotonic() - start
    nbformat.write(notebook, output)
    print(json.dumps({"seconds": round(seconds, 3), "cells": len(notebook.cells)}))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # a kernel that died, a timeout: say what, exit 4
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(4)
