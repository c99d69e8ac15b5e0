# The local emulator of the Syncro API (syncro-sandbox) and its demo data.
