# base/: what knows nothing of Syncro, its config or the network (doc/architecture.md).
noinst_LIBRARIES += base/libbase.a
# One line per module, so that parallel branches merge cleanly.
base_libbase_a_SOURCES = base/banned.h base/compat.h base/exit-codes.h
base_libbase_a_SOURCES += base/date.c base/date.h
base_libbase_a_SOURCES += base/tz-rule.c base/tz-rule.h base/tz-table.c
base_libbase_a_SOURCES += base/levenshtein.c base/levenshtein.h
base_libbase_a_SOURCES += base/parse-options.c base/parse-options.h
base_libbase_a_SOURCES += base/paths.c base/paths.h
base_libbase_a_SOURCES += base/quote.c base/quote.h
base_libbase_a_SOURCES += base/run-command.c base/run-command.h
base_libbase_a_SOURCES += base/sbuf.c base/sbuf.h
base_libbase_a_SOURCES += base/slug.c base/slug.h
base_libbase_a_SOURCES += base/strvec.c base/strvec.h
base_libbase_a_SOURCES += base/token-bucket.c base/token-bucket.h
base_libbase_a_SOURCES += base/usage.c base/usage.h
base_libbase_a_SOURCES += base/utf8.c base/utf8.h
base_libbase_a_SOURCES += base/write-full.c base/write-full.h
base_libbase_a_SOURCES += base/xmalloc.c base/xmalloc.h
base_libbase_a_SOURCES += base/core-dumps.c base/core-dumps.h
base_libbase_a_SOURCES += base/compat-posix.c
base_libbase_a_SOURCES += base/compat-win32.c base/compat-win32.h
EXTRA_DIST += base/win32-manifest.rc base/syncro.manifest
base/win32-manifest.o: base/win32-manifest.rc base/syncro.manifest
	$(AM_V_GEN)$(WINDRES) -I$(srcdir)/base -i $(srcdir)/base/win32-manifest.rc -o $@
CLEANFILES += base/win32-manifest.o
base_libbase_a_SOURCES += base/user-socket.c base/user-socket.h
