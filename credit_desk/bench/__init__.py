"""``credit-desk bench``: the figures of issue 9 at county scale and beyond, each against a floor measured in
the same run (these machines are noisy, so a figure alone proves little).

The bench builds its own ledger in a temporary folder with demo data, never the user's data folder, and
never touches the user's keyring (it unlocks with the recovery passphrase, or an in-memory keyring).
"""
