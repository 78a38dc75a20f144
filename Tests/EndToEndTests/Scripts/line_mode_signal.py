#!/usr/bin/env python3
"""SIGTERM to line mode while it waits for an answer: what was answered is saved, the exit status
is 128+15, and nothing but plain text (no terminal reset sequence) is written. Prints JSON."""
import json, os, signal, sys
import pexpect
sys.dont_write_bytecode = True  # no __pycache__ beside the tests
from staircase_unlock import unlock  # noqa: E402

binary, home, transcript = sys.argv[1], sys.argv[2], sys.argv[3]
env = {"PATH": "/usr/bin:/bin", "HOME": home, "XDG_DATA_HOME": home + "/data", "TERM": "dumb",
       "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
       # The store the test helper chose (Tmux.encryptedStore by default, Tmux.plainStore to opt out).
       "STAIRCASE_STORE_UNENCRYPTED": os.environ.get("STAIRCASE_STORE_UNENCRYPTED", ""),
       "STAIRCASE_TEST_SCRYPT_LOGN": os.environ.get("STAIRCASE_TEST_SCRYPT_LOGN", "10")}
passphrase = sys.argv[4] if len(sys.argv) > 4 else "correct horse"
log = open(transcript, "wb")
p = pexpect.spawn(binary, [], env=env, dimensions=(24, 80), timeout=20)
p.logfile_read = log
unlock(p, env, passphrase)
p.expect_exact("Choose 1-")
p.sendline("1")
p.expect_exact("Enter continues:")
p.sendline("1")
p.expect_exact("(Enter leaves it empty):")
p.sendline("Sam Test")
p.expect_exact("Enter continues:")
p.kill(signal.SIGTERM)
p.expect(pexpect.EOF)
p.close()
log.close()
print(json.dumps({"status": p.exitstatus, "signal": p.signalstatus}))
