noinst_LIBRARIES += common/libcommon.a
# One line per module, so that parallel branches merge cleanly.
common_libcommon_a_SOURCES = common/banned.h common/compat.h common/exit-codes.h
common_libcommon_a_SOURCES += common/complete.c common/complete.h
common_libcommon_a_SOURCES += common/exec-path.c common/exec-path.h
common_libcommon_a_SOURCES += common/levenshtein.c common/levenshtein.h
common_libcommon_a_SOURCES += common/parse-options.c common/parse-options.h
common_libcommon_a_SOURCES += common/sbuf.c common/sbuf.h
common_libcommon_a_SOURCES += common/usage.c common/usage.h
common_libcommon_a_SOURCES += common/verbs.c common/verbs.h
common_libcommon_a_SOURCES += common/xmalloc.c common/xmalloc.h
common_libcommon_a_SOURCES += common/api.c common/api.h
common_libcommon_a_SOURCES += common/api-error.c common/api-error.h
common_libcommon_a_SOURCES += common/http.c common/http.h
common_libcommon_a_SOURCES += common/json.c common/json.h
common_libcommon_a_SOURCES += common/ratelimit.c common/ratelimit.h
common_libcommon_a_SOURCES += common/ticket-number.c common/ticket-number.h
common_libcommon_a_SOURCES += common/url.c common/url.h
