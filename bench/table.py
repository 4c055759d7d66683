#!/usr/bin/env python3
"""The command line's figures in one table, from one run (bench/run.sh calls it).

    table.py LINT FBENCH WORKDIR [--drafts 10000] [--big-mb 100] [--peers PEERS_SH]

Writes into WORKDIR: corpora of 1k, 10k and 100k generated drafts (the 100k
one is the 10k one copied ten times: copies, not links, since a file named
twice is linted once), the 10k drafts as .eml (quoted-printable) and .html,
and one big draft. Then prints, as ratios beside `wc -w` and `cat` on the
same files (the machine is shared: compare figures from one run only):

  - 10k drafts, --format json --jobs 1: time / `wc -w` time
  - --jobs 2 speed-up over --jobs 1
  - 1k-draft throughput / 10k-draft throughput
  - CLI CPU per byte / in-process (followup-bench) CPU per byte
  - 100k drafts, --jobs 2: peak RSS in JSON and text, time to the first finding
  - one big draft: peak RSS / file size
  - one small draft and --version: whole process
  - MB/s for .txt, .eml and .html input
and, with --peers, the peer linters' table from ../shared/bench/peers.sh.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_timed(cmd, stdout=subprocess.DEVNULL):
    """(wall s, cpu s, peak RSS KiB) of one run, through GNU time when present."""
    if os.path.exists("/usr/bin/time"):
        fmt = "%e %U %S %M"
        start = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", fmt] + cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        last = r.stderr.strip().splitlines()[-1].split()
        return wall, float(last[1]) + float(last[2]), int(last[3])
    start = time.perf_counter()
    before = os.times()
    subprocess.run(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.perf_counter() - start, cpu, 0


def best_of(cmd, runs):
    """The fastest of `runs` runs: (wall, cpu, rss)."""
    return min((run_timed(cmd) for _ in range(runs)), key=lambda r: r[0])


def best_wall(cmd, runs):
    """The fastest wall time of `runs` runs, timed here: GNU time's own start
    would double a few-millisecond figure."""
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t = time.perf_counter() - start
        best = t if best is None else min(best, t)
    return best


def shell_best(script, runs):
    return best_wall(["bash", "-c", script], runs)


def first_finding_ms(cmd):
    """Milliseconds until stdout shows its first finding."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    tail = b""
    marker = re.compile(rb'"rule"|: (?:error|warning|info):')
    while True:
        chunk = p.stdout.read1(65536)
        if not chunk:
            break
        tail = tail[-64:] + chunk
        if marker.search(tail):
            break
    elapsed = (time.perf_counter() - start) * 1000
    p.kill()
    p.wait()
    return elapsed


def size_of(folder, ext):
    total = files = 0
    for root, _, names in os.walk(folder):
        for n in names:
            if n.endswith(ext):
                total += os.path.getsize(os.path.join(root, n))
                files += 1
    return total, files


def make_corpora(work, drafts, big_mb):
    gen = os.path.join(HERE, "gen_corpus.py")
    small = os.path.join(work, "c1k")
    full = os.path.join(work, "c10k")
    huge = os.path.join(work, "c100k")
    if not os.path.isdir(full):
        subprocess.run([sys.executable, gen, full, str(drafts), "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
    names = sorted(n for n in os.listdir(full) if n.endswith(".txt"))
    if not os.path.isdir(small):
        os.makedirs(small)
        for n in names[: max(1, len(names) // 10)]:
            shutil.copy(os.path.join(full, n), small)
    if not os.path.isdir(huge):
        for i in range(10):
            target = os.path.join(huge, f"s{i}")
            os.makedirs(target)
            for n in names:
                shutil.copy(os.path.join(full, n), target)
    for ext, wrap in ((".eml", as_mail), (".html", as_html)):
        folder = os.path.join(work, "c10k" + ext.replace(".", "-"))
        if os.path.isdir(folder):
            continue
        os.makedirs(folder)
        for n in names:
            text = open(os.path.join(full, n), encoding="utf-8").read()
            with open(os.path.join(folder, n[:-4] + ext), "w", encoding="utf-8", newline="") as f:
                f.write(wrap(text))
    big = os.path.join(work, f"big-{big_mb}MB.txt")
    if not os.path.exists(big):
        subprocess.run([sys.executable, gen, "--single", big, "--bytes", f"{big_mb}MB", "--seed", "1"], check=True,
                       stdout=subprocess.DEVNULL)
    return small, full, huge, big


def as_mail(text):
    import quopri
    headers, _, body = text.partition("\n\n") if text.startswith("Subject:") else ("Subject: Thank you", "", text)
    encoded = quopri.encodestring(body.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    return (headers.replace("\n", "\r\n") + "\r\nFrom: Ana Cruz <ana@example.com>\r\nTo: hr@example.com\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + encoded)


def as_html(text):
    import html
    paragraphs = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>\n" for p in text.split("\n\n"))
    return f"<!DOCTYPE html><html><head><meta charset=utf-8><title>Note</title></head><body>\n{paragraphs}</body></html>\n"


def in_process_cpu_per_byte(fbench, corpus):
    out = subprocess.run([fbench, corpus, "--repeat", "3", "--threads", "1"], capture_output=True, text=True).stdout
    # The first pass: its drafts are new to the process, as in a command-line run.
    m = re.search(r"1 thread .*?first pass CPU ([0-9.]+) s", out)
    total, _ = size_of(corpus, ".txt")
    return float(m.group(1)) / total if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lint")
    ap.add_argument("fbench")
    ap.add_argument("work")
    ap.add_argument("--drafts", type=int, default=10000)
    ap.add_argument("--big-mb", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", help="path of peers.sh, to add the other linters")
    a = ap.parse_args()
    lint, runs = a.lint, a.runs
    small, full, huge, big = make_corpora(a.work, a.drafts, a.big_mb)
    bytes_10k, files_10k = size_of(full, ".txt")
    bytes_1k, files_1k = size_of(small, ".txt")
    rows = []

    def row(name, value, note=""):
        rows.append((name, value, note))
        print(f"  {name:<58} {value:>12}  {note}", flush=True)

    print(f"corpus: {files_10k} drafts, {bytes_10k / 1e6:.2f} MB; 1k: {files_1k} drafts; 100k: ten copies")
    wc = shell_best(f"wc -w {full}/*.txt > /dev/null", runs)
    cat = shell_best(f"cat {full}/*.txt > /dev/null", runs)
    j1 = best_of([lint, "--format", "json", "--jobs", "1", full], runs)
    j2 = best_of([lint, "--format", "json", "--jobs", "2", full], runs)
    k1 = best_of([lint, "--format", "json", "--jobs", "1", small], runs)
    row("10k drafts, json --jobs 1: time / wc -w", f"{j1[0] / wc:.1f}x", f"{j1[0]:.2f} s; wc -w {wc:.3f} s, cat {cat:.3f} s")
    row("same, --jobs 2 speed-up over --jobs 1", f"{j1[0] / j2[0]:.2f}x", f"{j2[0]:.2f} s")
    row("1k throughput / 10k throughput", f"{(files_1k / k1[0]) / (files_10k / j1[0]):.2f}", f"1k in {k1[0]:.3f} s")
    per_byte = in_process_cpu_per_byte(a.fbench, full)
    if per_byte:
        row("CLI CPU per byte / in-process CPU per byte", f"{(j1[1] / bytes_10k) / per_byte:.2f}x",
            f"CLI {j1[1]:.2f} s CPU, followup-bench {per_byte * bytes_10k:.2f} s")
    # 100k files may have left the page cache since they were written: read
    # them once first, or the first of the two runs pays for the disk.
    subprocess.run(["bash", "-c", f"find {huge} -type f -exec cat {{}} + > /dev/null"])
    h_json = run_timed([lint, "--format", "json", "--jobs", "2", huge])
    h_text = run_timed([lint, "--color", "never", "--jobs", "2", huge])
    row("100k drafts, --jobs 2, peak RSS (json / text)", f"{h_json[2] / 1024:.0f}/{h_text[2] / 1024:.0f} MiB",
        f"{h_json[0]:.1f} s / {h_text[0]:.1f} s")
    row("100k drafts, time to the first finding (json / text)",
        f"{first_finding_ms([lint, '--format', 'json', '--jobs', '2', huge]):.0f}/"
        f"{first_finding_ms([lint, '--color', 'never', '--jobs', '2', huge]):.0f} ms")
    b = run_timed([lint, "--format", "json", big])
    row(f"one {a.big_mb} MB draft, peak RSS / file size", f"{b[2] * 1024 / os.path.getsize(big):.2f}x",
        f"{b[0]:.1f} s, {os.path.getsize(big) / 1e6 / b[0]:.1f} MB/s")
    one = os.path.join(small, sorted(os.listdir(small))[0])
    draft = best_wall([lint, one], 40)
    version = best_wall([lint, "--version"], 40)
    floor = best_wall(["true"], 40)
    row("one small draft, whole process", f"{draft * 1000:.1f} ms",
        f"--version {version * 1000:.1f} ms, true {floor * 1000:.1f} ms")
    for ext in (".eml", ".html"):
        folder = os.path.join(a.work, "c10k" + ext.replace(".", "-"))
        nbytes, _ = size_of(folder, ext)
        t = best_of([lint, "--format", "json", "--jobs", "1", folder], runs)
        row(f"{ext} input, json --jobs 1", f"{nbytes / 1e6 / t[0]:.1f} MB/s", f"{nbytes / 1e6:.1f} MB in {t[0]:.2f} s")
    row(".txt input, json --jobs 1", f"{bytes_10k / 1e6 / j1[0]:.1f} MB/s")
    if a.peers and os.path.exists(a.peers):
        print("\npeers (../shared/bench/peers.sh), same 10k drafts:", flush=True)
        env = dict(os.environ, FOLLOWUP_LINT=lint)
        subprocess.run(["bash", a.peers, full], env=env)


if __name__ == "__main__":
    main()
