# test-lib.sh: the harness every tests/t/*.sh script sources (in git's style).
#
#   test_description='what this script covers'
#   . "$(dirname "$0")/../test-lib.sh"
#   test_expect_success 'a title' '
#       syncro --version >actual &&
#       test_cmp expect actual
#   '
#   test_done
#
# Each script runs in its own trash directory with a fresh HOME and XDG
# dirs, LANG=C, TZ=UTC and PAGER=cat; results are printed as TAP.

: "${abs_top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${abs_top_builddir:=$abs_top_srcdir}"
export abs_top_srcdir abs_top_builddir

TEST_NAME=$(basename "$0" .sh)
TEST_DIRECTORY=$abs_top_srcdir/tests
TRASH_DIRECTORY=$abs_top_builddir/tests/trash/$TEST_NAME
rm -rf "$TRASH_DIRECTORY"
mkdir -p "$TRASH_DIRECTORY/home" || exit 1
cd "$TRASH_DIRECTORY" || exit 1

export HOME="$TRASH_DIRECTORY/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_STATE_HOME="$HOME/.local/state"
export XDG_CACHE_HOME="$HOME/.cache" XDG_DATA_HOME="$HOME/.local/share"
export LANG=C LC_ALL=C TZ=UTC PAGER=cat
unset SYNCRO_API_KEY SYNCRO_BASE_URL SYNCRO_SUBDOMAIN SYNCRO_CONFIG NO_COLOR \
	EDITOR VISUAL COLUMNS SYNCRO SYNCRO_EXEC_PATH
export SYNCRO_EXEC_PATH="$abs_top_builddir"
export PATH="$abs_top_builddir:$PATH"
# Leaks are bugs too, but a verb that exec()s or dies on purpose must not
# be reported; LeakSanitizer still runs at every normal exit.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

test_count=0
test_failures=0

say_output () {
	sed 's/^/# /' "$TRASH_DIRECTORY/.test-output"
}

test_expect_success () {
	test_title=$1
	test_body=$2
	test_count=$((test_count + 1))
	if (eval "$test_body") >"$TRASH_DIRECTORY/.test-output" 2>&1 </dev/null; then
		echo "ok $test_count - $test_title"
	else
		test_failures=$((test_failures + 1))
		echo "not ok $test_count - $test_title"
		sed 's/^/#     /' <<-BODY
		$test_body
		BODY
		say_output
	fi
}

# test_expect_code N cmd...: cmd must exit with exactly N.
test_expect_code () {
	want=$1
	shift
	"$@"
	got=$?
	if test "$got" != "$want"; then
		echo "test_expect_code: '$*' exited $got, expected $want" >&2
		return 1
	fi
}

# test_must_fail cmd...: cmd must fail, but not by a crash or signal.
test_must_fail () {
	"$@"
	got=$?
	if test "$got" = 0; then
		echo "test_must_fail: '$*' succeeded" >&2
		return 1
	elif test "$got" -gt 125; then
		echo "test_must_fail: '$*' died with $got" >&2
		return 1
	fi
	return 0
}

test_cmp () {
	diff -u "$1" "$2"
}

# test_grep_not PATTERN FILE...: no file may contain PATTERN.
test_grep_not () {
	pattern=$1
	shift
	if grep -e "$pattern" "$@"; then
		echo "test_grep_not: '$pattern' found" >&2
		return 1
	fi
	return 0
}

# write_script FILE: the body from stdin, with a shebang, made executable.
write_script () {
	{
		echo "#!/bin/sh"
		cat
	} >"$1" && chmod +x "$1"
}

test_done () {
	if test -n "${test_cleanup_hooks:-}"; then
		eval "$test_cleanup_hooks"
	fi
	echo "1..$test_count"
	if test "$test_failures" = 0; then
		# like git: a passing script leaves nothing behind
		cd "$abs_top_builddir" && rm -rf "$TRASH_DIRECTORY"
		return 0
	fi
	return 1
}
