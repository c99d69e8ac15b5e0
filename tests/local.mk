# Unit tests (Check, speaking TAP) and shell tests (tests/t/*.sh, TAP).
# One line per test (three for a unit test), so that branches merge cleanly.
UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
UNIT_LDADD = $(COMMON_LIBS) $(CHECK_LIBS)
# The suites of base/ modules link base/ only: a test of the layers too.
UNIT_BASE_LDADD = $(BASE_LIBS) $(CHECK_LIBS)
UNIT_TESTS =
SHELL_TESTS =

UNIT_TESTS += tests/unit/test-levenshtein
tests_unit_test_levenshtein_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_levenshtein_LDADD = $(UNIT_BASE_LDADD)

UNIT_TESTS += tests/unit/test-parse-options
tests_unit_test_parse_options_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_parse_options_LDADD = $(UNIT_BASE_LDADD)

UNIT_TESTS += tests/unit/test-prompt
tests_unit_test_prompt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_prompt_LDADD = $(UNIT_LDADD)

UNIT_TESTS += tests/unit/test-sbuf
tests_unit_test_sbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sbuf_LDADD = $(UNIT_BASE_LDADD)

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

# A driver for the parts of common/api no verb shows (t0405-api-library.sh).
check_PROGRAMS += tests/helpers/api-probe
tests_helpers_api_probe_LDADD = $(COMMON_LIBS)

SHELL_TESTS += tests/t/t0001-dispatcher.sh
SHELL_TESTS += tests/t/t0401-api-errors.sh
SHELL_TESTS += tests/t/t0402-api-retries.sh
SHELL_TESTS += tests/t/t0403-api-verb.sh
SHELL_TESTS += tests/t/t0404-rate-limit.sh
SHELL_TESTS += tests/t/t0405-api-library.sh
SHELL_TESTS += tests/t/t0406-doctor.sh
SHELL_TESTS += tests/t/t0407-no-key-leak.sh
SHELL_TESTS += tests/t/t0002-config.sh
SHELL_TESTS += tests/t/t0101-install.sh
SHELL_TESTS += tests/t/t0102-config-init.sh

check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS) $(SHELL_TESTS)
EXTRA_DIST += tests/test-lib.sh tests/unit/unit.h $(SHELL_TESTS)
check_PROGRAMS += tests/helpers/syncro-test-verb
tests_helpers_syncro_test_verb_SOURCES = tests/helpers/test-verb.c
tests_helpers_syncro_test_verb_LDADD = $(COMMON_LIBS)
SHELL_TESTS += tests/t/t2001-completion-bash.sh
EXTRA_DIST += tests/completion-lib.bash tests/helpers/test-verb.c
SHELL_TESTS += tests/t/t2002-completion-zsh.sh
SHELL_TESTS += tests/t/t2101-completion-zsh-order.sh
EXTRA_DIST += tests/completion-lib.zsh
SHELL_TESTS += tests/t/t2003-completion-fish.sh
SHELL_TESTS += tests/t/t2900-man.sh
SHELL_TESTS += tests/t/t2901-help-man.sh
SHELL_TESTS += tests/t/t2910-contrib-mine.sh
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
SHELL_TESTS += tests/t/t8000-bench.sh

UNIT_TESTS += tests/unit/test-journal
tests_unit_test_journal_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_journal_LDADD = $(UNIT_LDADD)
SHELL_TESTS += tests/t/t5001-bill.sh
UNIT_TESTS += tests/unit/test-slug
tests_unit_test_slug_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_slug_LDADD = $(UNIT_BASE_LDADD)
UNIT_TESTS += tests/unit/test-name-match
tests_unit_test_name_match_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_name_match_LDADD = $(UNIT_LDADD)
UNIT_TESTS += tests/unit/test-web-url
tests_unit_test_web_url_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_web_url_LDADD = $(UNIT_LDADD)
SHELL_TESTS += tests/t/t6001-list.sh
SHELL_TESTS += tests/t/t6201-pager.sh
SHELL_TESTS += tests/t/t6202-ticket-url.sh
SHELL_TESTS += tests/t/t6203-comments.sh
SHELL_TESTS += tests/t/t6204-reopen.sh
SHELL_TESTS += tests/t/t6205-comment-edit.sh
SHELL_TESTS += tests/t/t6206-man-width.sh
SHELL_TESTS += tests/t/t6207-due-tech.sh
SHELL_TESTS += tests/t/t6220-list-columns.sh
SHELL_TESTS += tests/t/t6221-list-priorities.sh
SHELL_TESTS += tests/t/t6208-hints.sh
SHELL_TESTS += tests/t/t6209-timer.sh
SHELL_TESTS += tests/t/t6210-status.sh
SHELL_TESTS += tests/t/t6211-create-prompts.sh
SHELL_TESTS += tests/t/t6212-interrupt.sh
SHELL_TESTS += tests/t/t6213-editor-files.sh
SHELL_TESTS += tests/t/t6214-drafts.sh
SHELL_TESTS += tests/t/t6002-ticket.sh
SHELL_TESTS += tests/t/t6003-search.sh
SHELL_TESTS += tests/t/t6004-customers.sh
SHELL_TESTS += tests/t/t3201-create.sh
SHELL_TESTS += tests/t/t3202-update.sh
SHELL_TESTS += tests/t/t3203-close.sh
SHELL_TESTS += tests/t/t3210-ticket-field-check.sh
UNIT_TESTS += tests/unit/test-session-log
tests_unit_test_session_log_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_session_log_LDADD = $(UNIT_LDADD)
SHELL_TESTS += tests/t/t2010-completion-cache.sh
SHELL_TESTS += tests/t/t2011-completion-refresh.sh
EXTRA_DIST += tests/completion-setup.sh
SHELL_TESTS += tests/t/t1004-sandbox-work.sh
SHELL_TESTS += tests/t/t1005-sandbox-catalog.sh
SHELL_TESTS += tests/t/t1006-sandbox-conformance.sh
EXTRA_DIST += tests/data/swagger-examples.json
UNIT_TESTS += tests/unit/test-sandbox-wire
tests_unit_test_sandbox_wire_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)
tests_unit_test_sandbox_wire_LDADD = $(SANDBOX_LIBS) $(CHECK_LIBS)
UNIT_TESTS += tests/unit/test-sandbox-routes
tests_unit_test_sandbox_routes_CFLAGS = $(UNIT_CFLAGS) -I$(top_srcdir)
tests_unit_test_sandbox_routes_LDADD = $(SANDBOX_LIBS) $(CHECK_LIBS)
SHELL_TESTS += tests/t/t1007-sandbox-demo.sh
SHELL_TESTS += tests/t/t1010-sandbox-strict.sh
SHELL_TESTS += tests/t/t1011-sandbox-quirks.sh
SHELL_TESTS += tests/t/t1012-bench-wan.sh
SHELL_TESTS += tests/t/t4001-comment.sh
SHELL_TESTS += tests/t/t4002-comment-time.sh
SHELL_TESTS += tests/t/t4003-comment-time-ignored.sh
SHELL_TESTS += tests/t/t4004-time.sh
SHELL_TESTS += tests/t/t6005-api-text.sh
check_PROGRAMS += tests/helpers/cache-writer
tests_helpers_cache_writer_LDADD = $(COMMON_LIBS)
SHELL_TESTS += tests/t/t2012-cache-concurrency.sh
SHELL_TESTS += tests/t/t5002-bill-resume.sh
SHELL_TESTS += tests/t/t5003-bill-resolved.sh
UNIT_TESTS += tests/unit/test-table
tests_unit_test_table_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_table_LDADD = $(UNIT_LDADD)
SHELL_TESTS += tests/t/t6006-list-long.sh
SHELL_TESTS += tests/t/t2911-contrib-assistant.sh
SHELL_TESTS += tests/t/t3300-profiles.sh
SHELL_TESTS += tests/t/t3301-appointment.sh
SHELL_TESTS += tests/t/t3302-delete.sh
SHELL_TESTS += tests/t/t3303-write-safety.sh
SHELL_TESTS += tests/t/t3304-write-safety-work.sh
SHELL_TESTS += tests/t/t6100-invoice.sh
SHELL_TESTS += tests/t/t6101-estimate.sh
SHELL_TESTS += tests/t/t6102-schedule.sh
SHELL_TESTS += tests/t/t6103-customers-create.sh
SHELL_TESTS += tests/t/t0900-layers.sh
EXTRA_DIST += tools/check-layers
UNIT_TESTS += tests/unit/test-date
tests_unit_test_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_date_LDADD = $(UNIT_BASE_LDADD)
UNIT_TESTS += tests/unit/test-tz-rule
tests_unit_test_tz_rule_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_tz_rule_LDADD = $(UNIT_BASE_LDADD)
SHELL_TESTS += tests/t/t8101-ticket-lock.sh
SHELL_TESTS += tests/t/t8102-malformed-lists.sh
SHELL_TESTS += tests/t/t8103-key-in-messages.sh
SHELL_TESTS += tests/t/t8104-unsafe-files.sh
SHELL_TESTS += tests/t/t8105-huge-numbers.sh
SHELL_TESTS += tests/t/t8106-journal-damage.sh
SHELL_TESTS += tests/t/t0410-connections.sh
SHELL_TESTS += tests/t/t0411-tls.sh
SHELL_TESTS += tests/t/t0412-pages-at-once.sh
SHELL_TESTS += tests/t/t7000-windows.sh
SHELL_TESTS += tests/t/t5010-bill-real.sh
SHELL_TESTS += tests/t/t5011-bill-quirks.sh
SHELL_TESTS += tests/t/t5012-bill-prompts.sh
EXTRA_DIST += doc/architecture.md
SHELL_TESTS += tests/t/t0901-test-lib.sh
SHELL_TESTS += tests/t/t0902-windows-list.sh
EXTRA_DIST += tools/cross-deps tools/windows-build tools/windows-test tests/windows-tests
SHELL_TESTS += tests/t/t8107-terminal-controls.sh
SHELL_TESTS += tests/t/t8108-bill-notes-kept.sh
SHELL_TESTS += tests/t/t8109-comment-time-resume.sh
SHELL_TESTS += tests/t/t6300-json-fields.sh
SHELL_TESTS += tests/t/t6301-money.sh
SHELL_TESTS += tests/t/t6302-disabled-customers.sh
SHELL_TESTS += tests/t/t0420-connection-keep.sh
