# Unit tests (Check, speaking TAP) and shell tests (tests/t/*.sh, TAP).
# One line per test (three for a unit test), so that branches merge cleanly.
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = $(COMMON_LIBS) $(CHECK_LIBS)
UNIT_TESTS =
SHELL_TESTS =

UNIT_TESTS += tests/unit/test-levenshtein
tests_unit_test_levenshtein_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_levenshtein_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-parse-options
tests_unit_test_parse_options_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_parse_options_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-prompt
tests_unit_test_prompt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_prompt_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-sbuf
tests_unit_test_sbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sbuf_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-config
tests_unit_test_config_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_config_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-cred
tests_unit_test_cred_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cred_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-cache
tests_unit_test_cache_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cache_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-output
tests_unit_test_output_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_output_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-api-error
tests_unit_test_api_error_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_api_error_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-json
tests_unit_test_json_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_json_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-ratelimit
tests_unit_test_ratelimit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ratelimit_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-url
tests_unit_test_url_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_url_LDADD = $(UNIT_LDADD)

SHELL_TESTS += tests/t/t0001-dispatcher.sh
SHELL_TESTS += tests/t/t0002-config.sh

check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS) $(SHELL_TESTS)
EXTRA_DIST += tests/test-lib.sh tests/unit/unit.h $(SHELL_TESTS)
EXTRA_DIST += tests/unit/unit-home.h
EXTRA_DIST += tests/unit/unit-run.h
EXTRA_DIST += tests/unit/unit-config.h
EXTRA_DIST += tests/unit/unit-tty.h

# Trash directories of failed tests stay for debugging until `make clean`.
clean-local:
	-rm -rf tests/trash
SHELL_TESTS += tests/t/t1001-sandbox-server.sh
SHELL_TESTS += tests/t/t1002-sandbox-tickets.sh
SHELL_TESTS += tests/t/t1003-sandbox-controls.sh

UNIT_TESTS += tests/unit/test-journal
tests_unit_test_journal_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_journal_LDADD = $(UNIT_LDADD)
SHELL_TESTS += tests/t/t5001-bill.sh
