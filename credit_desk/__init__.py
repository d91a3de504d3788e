"""credit_desk — the ledger of a county social credit office (县级信用办)."""

__version__ = "0.1.0"
