#!/usr/bin/env python3
"""Drives `staircase` in line mode through a pseudo-terminal with TERM=dumb, as a screen-reader
user would: a whole assessment, the proposal, the decision, an export, then quit. Prints one JSON
line with what it saw; every byte the program wrote is kept in TRANSCRIPT for the caller."""
import json, os, re, sys
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
p = pexpect.spawn(binary, [], env=env, dimensions=(24, 72), timeout=20)
p.logfile_read = log
unlock(p, env, passphrase)


def answer(prompt, text):
    p.expect_exact(prompt)
    p.sendline(text)


answer("Choose 1-", "1")
answer("Enter continues:", "1")
answer("(Enter leaves it empty):", "Sam Test")
answer("Enter continues:", "2")
answer("(Enter leaves it empty):", "2016-04-12")
# Enter through the five forms of the details (child, family, agencies, referrer, consent).
for _ in range(5):
    answer("Enter continues:", "")
answer("(1-3):", "2")
# Every row of every domain, one at a time: a pattern of levels, a note on the first row.
levels = ["2", "1", "3", "2", "n", "1"]
rows = 0
while True:
    i = p.expect_exact(["keep):", "Item to write or tick (1-11), Enter continues:"])
    if i == 1:
        break
    if b"is not an answer here" in p.before:
        # A level the document marks not applicable for this row is refused: the same row, rated 2.
        p.sendline("2")
        continue
    if rows == 0:
        p.sendline("e")
        answer("(Enter leaves it empty):", "Seen at school on Monday")
        p.expect_exact("keep):")
    p.sendline(levels[rows % len(levels)])
    rows += 1
# The referral in your words: the worry, what is working well (item 2), early help ticked by name.
p.sendline("1")
answer("(Enter leaves it empty):", "Bruises seen twice at school")
answer("Enter continues:", "2")
answer("(Enter leaves it empty):", "Close to his grandmother")
answer("Enter continues:", "early help")
answer("Enter continues:", "")
# The household: domestic abuse, yes, with a note.
answer("Question to answer (1-4), Enter continues:", "1")
answer("leaves it not asked):", "y")
answer("(Enter leaves it empty):", "Police called in October")
answer("Question to answer (1-4), Enter continues:", "")
p.expect(r"Proposed: Level (\d), step (\d)")
proposed = [int(p.match.group(1)), int(p.match.group(2))]
answer("Enter goes to the decision:", "")
answer("Enter records):", "")
answer("Enter writes:", "2")
answer("Enter writes:", "")
p.expect_exact("Written:")
p.expect_exact("Write it again")
# A long path is wrapped to the terminal's width: join its pieces again.
written = re.sub(r"\s+", "", p.before.decode())
p.expect_exact("Format (1-4)")
p.expect_exact("Enter writes:")
p.sendline("q")
p.expect(r"Saved: (\S+) in")
saved = p.match.group(1).decode()
p.expect(pexpect.EOF)
p.close()
log.close()
print(json.dumps({"rows": rows, "proposed": proposed, "written": written, "id": saved, "status": p.exitstatus}))
