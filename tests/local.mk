# Unit tests (Check, speaking TAP) and shell tests (tests/t/*.sh, TAP).
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = $(COMMON_LIBS) $(CHECK_LIBS)

UNIT_TESTS = \
	tests/unit/test-levenshtein \
	tests/unit/test-parse-options \
	tests/unit/test-sbuf

check_PROGRAMS += $(UNIT_TESTS)
tests_unit_test_levenshtein_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_levenshtein_LDADD = $(UNIT_LDADD)
tests_unit_test_parse_options_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_parse_options_LDADD = $(UNIT_LDADD)
tests_unit_test_sbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sbuf_LDADD = $(UNIT_LDADD)

SHELL_TESTS = \
	tests/t/t0001-dispatcher.sh

TESTS += $(UNIT_TESTS) $(SHELL_TESTS)
EXTRA_DIST += tests/test-lib.sh tests/unit/unit.h $(SHELL_TESTS)
