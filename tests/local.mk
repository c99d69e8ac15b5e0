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

UNIT_TESTS += tests/unit/test-sbuf
tests_unit_test_sbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sbuf_LDADD = $(UNIT_LDADD)

SHELL_TESTS += tests/t/t0001-dispatcher.sh

check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS) $(SHELL_TESTS)
EXTRA_DIST += tests/test-lib.sh tests/unit/unit.h $(SHELL_TESTS)
check_PROGRAMS += tests/helpers/syncro-test-verb
tests_helpers_syncro_test_verb_SOURCES = tests/helpers/test-verb.c
tests_helpers_syncro_test_verb_LDADD = $(COMMON_LIBS)
SHELL_TESTS += tests/t/t2001-completion-bash.sh
EXTRA_DIST += tests/completion-lib.bash tests/helpers/test-verb.c
SHELL_TESTS += tests/t/t2002-completion-zsh.sh
EXTRA_DIST += tests/completion-lib.zsh
SHELL_TESTS += tests/t/t2003-completion-fish.sh
SHELL_TESTS += tests/t/t2900-man.sh
SHELL_TESTS += tests/t/t2901-help-man.sh
SHELL_TESTS += tests/t/t2910-contrib-mine.sh
