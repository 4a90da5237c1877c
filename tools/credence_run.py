"""Shared by the evaluation scripts in tools/: their common command-line
options, and running `credence analyze --format json` on one text."""
import argparse
import json
import os
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def common_parser(description, out_default):
    """An ArgumentParser with the options every evaluation takes."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--credence", default=os.path.join(REPO, "build/release/credence"))
    p.add_argument("--shared", default=os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared")))
    p.add_argument("--out", default=os.path.join(REPO, out_default))
    p.add_argument("--jobs", type=int, default=2, help="credence processes at a time (default 2)")
    p.add_argument("--spelling", action="store_true",
                   help="keep the spelling cue on (off by default: loading the Hunspell dictionary costs ~0.1 s "
                        "per process and changes nothing measured here)")
    return p


def run_credence(binary, data, title="", spelling=False):
    """Returns (report dict or None, error string or None) for the bytes `data`."""
    cmd = [binary, "analyze", "--format", "json"]
    if not spelling:
        cmd += ["--dictionary", ""]
    title = title.replace("\x00", " ").strip()
    if title:
        cmd.append("--title=" + title)
    cmd.append("-")
    try:
        r = subprocess.run(cmd, input=data, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    except OSError as e:  # e.g. the binary is being rebuilt under us
        return None, f"cannot run {binary}: {e}"
    if r.returncode != 0:
        return None, f"exit {r.returncode}: {r.stderr.decode('utf-8', 'replace').strip()[:200]}"
    try:
        return json.loads(r.stdout), None
    except ValueError as e:
        return None, f"bad JSON: {e}"
