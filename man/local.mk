# Hand-written manual pages.
dist_man_MANS += man/syncro.1
dist_man_MANS += man/syncro-help.1
dist_man_MANS += man/syncro-plugins.7
