# Hand-written manual pages.
dist_man_MANS += man/syncro-sandbox.1
