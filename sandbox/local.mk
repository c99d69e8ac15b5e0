# The local emulator of the Syncro API (syncro-sandbox) and its demo data.
# libsandbox.a holds everything but the HTTP glue, so unit tests can link it.
noinst_LIBRARIES += sandbox/libsandbox.a
sandbox_libsandbox_a_SOURCES = sandbox/handlers.h sandbox/routes.c
sandbox_libsandbox_a_SOURCES += sandbox/api-account.c
sandbox_libsandbox_a_SOURCES += sandbox/api-billing.c
sandbox_libsandbox_a_SOURCES += sandbox/api-customers.c
sandbox_libsandbox_a_SOURCES += sandbox/api-tickets.c
sandbox_libsandbox_a_SOURCES += sandbox/api-work.c
sandbox_libsandbox_a_SOURCES += sandbox/controls.c sandbox/controls.h
sandbox_libsandbox_a_SOURCES += sandbox/filter.c sandbox/filter.h
sandbox_libsandbox_a_SOURCES += sandbox/paging.c sandbox/paging.h
sandbox_libsandbox_a_SOURCES += sandbox/query.c sandbox/query.h
sandbox_libsandbox_a_SOURCES += sandbox/quirks.c sandbox/quirks.h
sandbox_libsandbox_a_SOURCES += sandbox/client-limit.c sandbox/client-limit.h
sandbox_libsandbox_a_SOURCES += sandbox/render.c sandbox/render.h
sandbox_libsandbox_a_SOURCES += sandbox/request.c sandbox/request.h
sandbox_libsandbox_a_SOURCES += sandbox/route.c sandbox/route.h
sandbox_libsandbox_a_SOURCES += sandbox/state.c sandbox/state.h
sandbox_libsandbox_a_SOURCES += sandbox/timeutil.c sandbox/timeutil.h
SANDBOX_LIBS = sandbox/libsandbox.a $(BASE_LIBS) $(CJSON_LIBS) -lm
pkglibexec_PROGRAMS += syncro-sandbox
syncro_sandbox_SOURCES = sandbox/sandbox.c sandbox/server.c sandbox/server.h
syncro_sandbox_CPPFLAGS = $(AM_CPPFLAGS) $(MHD_CFLAGS)
syncro_sandbox_LDADD = $(SANDBOX_LIBS) $(MHD_LIBS)
dist_pkgdata_DATA += sandbox/demo.json
EXTRA_DIST += tools/demo
EXTRA_DIST += bench/sandbox-load
