#!/usr/bin/env python3
"""Terminal latency harness for Scripts/bench-tui.

Runs a full-screen program on a fresh pseudo-terminal (no tmux, no terminal emulator in
between, so only the program's own work is measured) and times:

  start-up      from just before fork to the last byte of the first frame (the frame is
                complete when a marker text has appeared and the program then stays quiet);
  key-to-redraw from writing a key's bytes to the master side to the last byte of the redraw
                it causes;
  unlock        (a scenario with "unlock") from writing the passphrase at its prompt to the
                last byte of the first frame after it.

A scenario's "prepare" steps run once before anything is measured (making an encrypted store:
each step waits for a text and types an answer). Start-ups are taken in rounds, one of each
program per round, so a machine whose load changes during the run moves all of them alike.

"Last byte" is taken when it arrives, not when the quiet window that proves it was the last
one ends, so the quiet window does not inflate any figure. Every program is measured by the
same code in the same run, so the ratios compare like with like.

Only the standard library is used: the machine may be offline.
"""
import argparse
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


class Quiet(Exception):
    """A key drew nothing: the scenario is wrong, and a figure would be a lie."""


class PtyProgram:
    def __init__(self, argv, env, cols, rows):
        self.started = time.perf_counter_ns()
        pid, fd = pty.fork()
        if pid == 0:  # child: size its terminal before the program asks for it
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()

    def drain(self, quiet, first_timeout, marker=None):
        """Reads until `marker` (if any) has been seen and then nothing arrives for `quiet`
        seconds. Returns the perf_counter_ns of the last byte, or raises Quiet."""
        last = None
        seen = marker is None
        deadline = time.perf_counter() + first_timeout
        while True:
            wait = quiet if (last is not None and seen) else max(0.0, deadline - time.perf_counter())
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                if last is not None and seen:
                    return last
                raise Quiet(f"no {'marker ' + repr(marker) if marker else 'output'} within {first_timeout}s")
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the program exited
                if last is not None:
                    return last
                raise Quiet("the program exited without drawing")
            if not chunk:
                if last is not None:
                    return last
                raise Quiet("the program exited without drawing")
            last = time.perf_counter_ns()
            self.output += chunk
            if not seen and marker.encode() in self.output:
                seen = True

    def key(self, data, quiet, timeout=2.0):
        """Writes one key; returns milliseconds to the end of the redraw."""
        sent = time.perf_counter_ns()
        os.write(self.fd, data)
        return (self.drain(quiet, timeout) - sent) / 1e6

    def peak_kb(self):
        """The program's peak resident memory so far (VmHWM, KB), or None once it has exited."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
        except (OSError, StopIteration, ValueError):
            return None

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def percentile(values, p):
    """Nearest-rank percentile: a value that was actually measured."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary(values):
    return {"n": len(values), "median": percentile(values, 50), "p95": percentile(values, 95), "min": min(values)}


def terminfo_keys(term):
    """The byte strings this TERM's terminfo says the arrow keys send: keypad mode is on in
    both programs, so an xterm sends ESC O B, not ESC [ B."""
    try:
        import curses
        curses.setupterm(term, sys.stdout.fileno() if sys.stdout.isatty() else os.open(os.devnull, os.O_WRONLY))
        return {name: curses.tigetstr(cap) for name, cap in (("down", "kcud1"), ("up", "kcuu1"))}
    except ImportError:  # a Python built without curses: ask tput, from the same terminfo
        import subprocess
        return {name: subprocess.run(["tput", "-T", term, cap], capture_output=True, check=True).stdout
                for name, cap in (("down", "kcud1"), ("up", "kcuu1"))}


def prepare(step, env, args):
    """Runs a program once on a pty, answering each prompt it waits for; not measured."""
    p = PtyProgram(step["argv"], env, args.cols, args.rows)
    try:
        for expect, answer in step["answers"]:
            p.drain(args.settle, 30.0, expect)
            p.output.clear()
            os.write(p.fd, answer.encode())
        p.drain(0.5, 60.0, step.get("done"))
    finally:
        p.stop()


def scenario_env(s, args):
    """The scenario's environment, with the terminal type of this run."""
    return dict(s["env"], TERM=args.term)


def start_once(s, args):
    """One start-up to the first frame, in milliseconds."""
    p = PtyProgram(s["argv"], scenario_env(s, args), args.cols, args.rows)
    try:
        return (p.drain(args.settle, 10.0, s["marker"]) - p.started) / 1e6
    finally:
        p.stop()


def interleaved_starts(scenarios, args):
    """Start-ups taken in rounds, one of each program per round, so a machine that gets busier
    or quieter during the run moves every program's figures alike and the ratios stay fair."""
    starts = {s["name"]: [] for s in scenarios}
    for _ in range(args.starts):
        for s in scenarios:
            starts[s["name"]].append(start_once(s, args))
    return starts


def run_scenario(s, args, keys, starts):
    env = scenario_env(s, args)
    result = {"name": s["name"]}
    result["startup"] = summary(starts)

    if "unlock" in s:  # the passphrase typed at the prompt, to the first frame of the wizard
        u = s["unlock"]
        times = []
        for _ in range(args.unlocks):
            p = PtyProgram(s["argv"], env, args.cols, args.rows)
            try:
                p.drain(args.settle, 10.0, s["marker"])
                p.output.clear()
                sent = time.perf_counter_ns()
                os.write(p.fd, u["send"].encode())
                times.append((p.drain(args.settle, 60.0, u["marker"]) - sent) / 1e6)
            finally:
                p.stop()
        result["unlock to first frame"] = summary(times)

    p = PtyProgram(s["argv"], env, args.cols, args.rows)
    try:
        p.drain(args.settle, 10.0, s["marker"])
        for phase in s.get("phases", []):
            for step in phase.get("setup", []):  # reach the screen being measured
                p.output.clear()
                os.write(p.fd, step["send"].encode())
                p.drain(args.settle, 5.0, step.get("expect"))
            for label, pair in phase["keys"].items():
                a, b = (keys[k] if k in keys else k.encode() for k in pair)
                result[label] = summary([p.key(a if i % 2 == 0 else b, args.quiet) for i in range(args.keys)])
        # Peak resident memory over the whole measured session (start, every phase's screens
        # and keys): the most the program held at once, file-backed pages of its code included.
        peak = p.peak_kb()
        if peak is not None:
            result["peak memory"] = peak
    finally:
        p.stop()

    if "escape" in s:  # Esc is the only key that makes ncurses wait (ESCDELAY) to tell it from a sequence
        esc = s["escape"]
        times = []
        p = None
        try:
            for i in range(args.escapes):
                if p is None:
                    p = PtyProgram(s["argv"], env, args.cols, args.rows)
                    p.drain(args.settle, 10.0, s["marker"])
                if esc.get("open"):
                    os.write(p.fd, esc["open"].encode())
                    p.drain(args.quiet, 2.0, esc.get("expect"))
                times.append(p.key(b"\x1b", args.quiet, timeout=3.0))
                if esc.get("exits"):
                    p.stop()
                    p = None
        finally:
            if p is not None:
                p.stop()
        result["escape"] = summary(times)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", help="JSON file of scenarios (see Scripts/bench-tui)")
    parser.add_argument("--term", default="xterm-256color")
    parser.add_argument("--cols", type=int, default=80)
    parser.add_argument("--rows", type=int, default=24)
    parser.add_argument("--starts", type=int, default=40, help="start-ups per program")
    parser.add_argument("--keys", type=int, default=400, help="key presses per measured key pair")
    parser.add_argument("--escapes", type=int, default=20, help="Esc presses per program")
    parser.add_argument("--unlocks", type=int, default=5, help="passphrase unlocks (scrypt, about a second each)")
    parser.add_argument("--quiet", type=float, default=0.03, help="silence that ends a redraw (s)")
    parser.add_argument("--settle", type=float, default=0.15, help="silence that ends a first frame (s)")
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON")
    args = parser.parse_args()

    with open(args.scenarios) as f:
        scenarios = json.load(f)
    keys = terminfo_keys(args.term)
    results = []
    try:
        for s in scenarios:
            for step in s.get("prepare", []):
                prepare(step, scenario_env(s, args), args)
        starts = interleaved_starts(scenarios, args)
    except (Quiet, OSError) as e:
        sys.exit(f"bench-tui: start-up: {e}")
    for s in scenarios:
        try:
            results.append(run_scenario(s, args, keys, starts[s["name"]]))
        except (Quiet, OSError) as e:
            sys.exit(f"bench-tui: {s['name']}: {e}")
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        report(results, args)


def report(results, args):
    print(f"Pseudo-terminal {args.cols}x{args.rows}, TERM={args.term}; milliseconds (median / p95 / min, n)")
    for r in results:
        print(f"\n{r['name']}")
        for label, s in r.items():
            if label == "name":
                continue
            if label == "peak memory":
                print(f"  {label:<28} {s / 1024:8.1f} MB (VmHWM over the measured session)")
                continue
            print(f"  {label:<28} {s['median']:8.3f} {s['p95']:8.3f} {s['min']:8.3f}  n={s['n']}")
    floor = next((r for r in results if r["name"] == "floor"), None)
    if floor:
        print(f"\nStart-up beyond the floor (fork, exec and pty of a program that only prints; {floor['startup']['median']:.3f} ms)")
        for r in results:
            if r is not floor:
                print(f"  {r['name']:<28} median {r['startup']['median'] - floor['startup']['median']:8.3f}")
    if len(results) >= 2:
        ours, theirs = results[0], results[1]
        print(f"\nRatios {ours['name']} / {theirs['name']} (below 1 means {ours['name']} is faster)")
        for label in ours:
            if label in theirs and label not in ("name", "peak memory"):
                o, t = ours[label], theirs[label]
                print(f"  {label:<28} median {o['median'] / t['median']:6.2f}   p95 {o['p95'] / t['p95']:6.2f}")
        swift = next((r for r in results if r["name"] == "static Swift program"), None)
        if swift:
            print(f"\nStart-up of {ours['name']} beyond a static Swift program that only prints and waits: "
                  f"median {ours['startup']['median'] - swift['startup']['median']:.3f} ms")
        print("\nTargets (issue 26): start-up ≤ 1.2 × dialog's median; peak memory ≤ 10 MB")
        ratio = ours["startup"]["median"] / theirs["startup"]["median"]
        print(f"  start-up {ratio:.2f} × {theirs['name']}: {'met' if ratio <= 1.2 else 'missed'}")
        if "peak memory" in ours:
            mb = ours["peak memory"] / 1024
            print(f"  peak memory {mb:.1f} MB: {'met' if mb <= 10 else 'missed'}")


if __name__ == "__main__":
    main()
