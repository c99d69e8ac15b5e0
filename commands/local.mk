# The dispatcher goes to bin; every verb syncro-VERB to pkglibexecdir.
bin_PROGRAMS += syncro
syncro_SOURCES = commands/syncro.c
syncro_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-config
syncro_config_SOURCES = commands/config.c
syncro_config_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-create
syncro_create_SOURCES = commands/create.c
syncro_create_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-update
syncro_update_SOURCES = commands/update.c
syncro_update_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-close
syncro_close_SOURCES = commands/close.c
syncro_close_LDADD = $(COMMON_LIBS)
