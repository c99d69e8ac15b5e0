# The dispatcher goes to bin; every verb syncro-VERB to pkglibexecdir.
bin_PROGRAMS += syncro
syncro_SOURCES = commands/syncro.c
syncro_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-config
syncro_config_SOURCES = commands/config.c
syncro_config_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-api
syncro_api_SOURCES = commands/api.c
syncro_api_LDADD = $(COMMON_LIBS)
pkglibexec_PROGRAMS += syncro-doctor
syncro_doctor_SOURCES = commands/doctor.c
syncro_doctor_LDADD = $(COMMON_LIBS)
