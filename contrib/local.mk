# Examples and integrations shipped with the source, not installed.
EXTRA_DIST += contrib/syncro-mine contrib/assistant/syncro.md
