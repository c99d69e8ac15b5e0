# Fuzz harnesses for the parsers (libFuzzer): ./configure CC=clang --enable-fuzz,
# then `make fuzz` (FUZZ_SECONDS each, default 300). tests/fuzz/run is the runner.
FUZZ_HARNESSES =
FUZZ_LINK_FLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
FUZZ_SHARED_SOURCES = tests/fuzz/fuzz.c tests/fuzz/fuzz.h
FUZZ_HARNESSES += tests/fuzz/fuzz-json
tests_fuzz_fuzz_json_SOURCES = tests/fuzz/fuzz-json.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_json_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_json_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-config
tests_fuzz_fuzz_config_SOURCES = tests/fuzz/fuzz-config.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_config_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_config_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-journal
tests_fuzz_fuzz_journal_SOURCES = tests/fuzz/fuzz-journal.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_journal_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_journal_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-comment-journal
tests_fuzz_fuzz_comment_journal_SOURCES = tests/fuzz/fuzz-comment-journal.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_comment_journal_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_comment_journal_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-ratelimit
tests_fuzz_fuzz_ratelimit_SOURCES = tests/fuzz/fuzz-ratelimit.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_ratelimit_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_ratelimit_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-ticket-ref
tests_fuzz_fuzz_ticket_ref_SOURCES = tests/fuzz/fuzz-ticket-ref.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_ticket_ref_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_ticket_ref_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-retry-after
tests_fuzz_fuzz_retry_after_SOURCES = tests/fuzz/fuzz-retry-after.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_retry_after_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_retry_after_LDADD = $(COMMON_LIBS)
FUZZ_HARNESSES += tests/fuzz/fuzz-sandbox-request
tests_fuzz_fuzz_sandbox_request_SOURCES = tests/fuzz/fuzz-sandbox-request.c $(FUZZ_SHARED_SOURCES)
tests_fuzz_fuzz_sandbox_request_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)
tests_fuzz_fuzz_sandbox_request_LDFLAGS = $(FUZZ_LINK_FLAGS)
tests_fuzz_fuzz_sandbox_request_LDADD = $(SANDBOX_LIBS)
if FUZZ
noinst_PROGRAMS = $(FUZZ_HARNESSES)
else
EXTRA_PROGRAMS = $(FUZZ_HARNESSES)
endif
EXTRA_DIST += tests/fuzz/run tests/fuzz/corpus
FUZZ_SECONDS = 300
fuzz: $(FUZZ_HARNESSES)
	$(SHELL) $(top_srcdir)/tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_HARNESSES)
.PHONY: fuzz
