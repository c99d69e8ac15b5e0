# Hand-written manual pages.
dist_man_MANS += man/syncro-config.1
dist_man_MANS += man/syncro-config.5
dist_man_MANS += man/syncro-sandbox.1
dist_man_MANS += man/syncro-list.1
dist_man_MANS += man/syncro-ticket.1
dist_man_MANS += man/syncro-search.1
dist_man_MANS += man/syncro-customers.1
