#!/usr/bin/env python3
"""Runs the shell steps of action.yml as GitHub would (bash, the step's env,
a GITHUB_OUTPUT file, the built binary on PATH) on a repository whose
drafts sit in a folder with spaces in its name. Checks that each path is
kept whole, that the SARIF step writes its outputs, and that the fallback
step turns findings into annotations when the upload was refused."""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
FLAWED = ("Dear Mr. Jones\n\nThank you for the the time you gave me today.\n\nCheers,\nAna Cruz\n"
          "(555) 010-4477\n")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED:", what)


def step(action, name):
    for s in action["runs"]["steps"]:
        if s["name"] == name:
            return s
    raise SystemExit(f"action.yml has no step named {name!r}")


def run_step(action, name, inputs, repo, binary):
    s = step(action, name)
    env = dict(os.environ)
    env["PATH"] = f"{pathlib.Path(binary).resolve().parent}:{env['PATH']}"
    output = repo / "github_output"
    output.write_text("")
    env["GITHUB_OUTPUT"] = str(output)
    env["GITHUB_ACTION_PATH"] = str(ROOT)
    for key, value in s.get("env", {}).items():
        # "${{ inputs.x }}" -> the input's value
        source = value.strip()
        if source.startswith("${{ inputs.") and source.endswith("}}"):
            env[key] = inputs.get(source[len("${{ inputs."):-2].strip(), "")
    result = subprocess.run(["bash", "-c", s["run"]], cwd=repo, env=env, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return result, outputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    with tempfile.TemporaryDirectory() as tmp:
        repo = pathlib.Path(tmp)
        (repo / "my drafts").mkdir()
        (repo / "my drafts" / "thank you.txt").write_text(FLAWED)
        (repo / "other").mkdir()
        (repo / "other" / "note.txt").write_text(FLAWED)
        inputs = dict(defaults, paths="my drafts/thank you.txt\nother\n", **{"sarif-file": "out.sarif"})

        result, outputs = run_step(action, "Lint (SARIF)", inputs, repo, args.binary)
        check(result.returncode == 0, f"the SARIF step exits 0 (findings fail later): {result.stderr}")
        check(outputs.get("exit-code") == "1", f"exit-code output is 1: {outputs}")
        check(outputs.get("sarif-file") == "out.sarif", f"sarif-file output: {outputs}")
        sarif = json.loads((repo / "out.sarif").read_text())
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
        check(uris == {"my%20drafts/thank%20you.txt", "other/note.txt"}, f"both paths linted whole: {uris}")

        result, _ = run_step(action, "Annotations instead of code scanning", inputs, repo, args.binary)
        check(result.returncode == 0, "the fallback step never fails the job itself")
        check("::warning title=followup-lint::the SARIF upload was refused" in result.stdout, "the fallback says why")
        check("::warning file=my drafts/thank you.txt,line=5" in result.stdout,
              f"annotations for the file with spaces: {result.stdout[:400]}")

        result, _ = run_step(action, "Lint (annotations)", dict(inputs, fail="true"), repo, args.binary)
        check(result.returncode == 1, "annotations with findings fail the step")
        check("file=other/note.txt" in result.stdout, "annotations for the second path")

        one_line = dict(inputs, paths="other")
        result, _ = run_step(action, "Lint (annotations)", dict(one_line, fail="false"), repo, args.binary)
        check(result.returncode == 0, "fail: false reports without failing")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all action step checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
