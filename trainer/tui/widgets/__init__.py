"""Reusable widgets; every one shows user text as plain Content, never markup."""
