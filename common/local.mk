noinst_LIBRARIES += common/libcommon.a
common_libcommon_a_SOURCES = \
	common/banned.h common/compat.h common/exit-codes.h \
	common/complete.c common/complete.h \
	common/exec-path.c common/exec-path.h \
	common/levenshtein.c common/levenshtein.h \
	common/parse-options.c common/parse-options.h \
	common/sbuf.c common/sbuf.h \
	common/usage.c common/usage.h \
	common/verbs.c common/verbs.h \
	common/xmalloc.c common/xmalloc.h
