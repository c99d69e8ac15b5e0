# Hand-written manual pages.
dist_man_MANS += man/syncro.1
dist_man_MANS += man/syncro-help.1
dist_man_MANS += man/syncro-plugins.7
dist_man_MANS += man/syncro-config.1
dist_man_MANS += man/syncro-config.5
dist_man_MANS += man/syncro-sandbox.1
dist_man_MANS += man/syncro-comment.1
dist_man_MANS += man/syncro-time.1
dist_man_MANS += man/syncro-api.1
dist_man_MANS += man/syncro-doctor.1
dist_man_MANS += man/syncro-create.1
dist_man_MANS += man/syncro-update.1
dist_man_MANS += man/syncro-close.1
dist_man_MANS += man/syncro-bill.1
