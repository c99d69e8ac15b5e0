# The dispatcher goes to bin; every verb syncro-VERB to pkglibexecdir.
bin_PROGRAMS += syncro
syncro_SOURCES = commands/syncro.c
syncro_LDADD = $(COMMON_LIBS)
