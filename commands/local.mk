# The dispatcher goes to bin; every verb syncro-VERB to pkglibexecdir.
bin_PROGRAMS += syncro
syncro_SOURCES = commands/syncro.c
syncro_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-config
syncro_config_SOURCES = commands/config.c
syncro_config_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-comment
syncro_comment_SOURCES = commands/comment.c
syncro_comment_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-time
syncro_time_SOURCES = commands/time.c
syncro_time_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-bill
syncro_bill_SOURCES = commands/bill.c
syncro_bill_LDADD = $(COMMON_LIBS)
