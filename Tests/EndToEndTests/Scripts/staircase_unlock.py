"""Shared by the pexpect scripts: answers the store's passphrase prompt before line mode starts."""


def unlock(p, env, passphrase):
    """Chosen (typed twice) at a first run, typed once later; nothing on a plain store."""
    if env["STAIRCASE_STORE_UNENCRYPTED"] == "1":
        return
    if p.expect_exact(["Choose a passphrase (at least", "Passphrase for the Staircase store: "]) == 0:
        p.sendline(passphrase)
        p.expect_exact("Type it again: ")
    p.sendline(passphrase)
