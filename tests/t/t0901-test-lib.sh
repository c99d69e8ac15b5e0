#!/bin/sh
test_description='the harness itself: prerequisites are named skips, shared helpers are there'
. "$(dirname "$0")/../test-lib.sh"

# run_script BODY: a test script of BODY, run with this harness; its TAP on stdout.
run_script () {
	mkdir -p sub/tests/t &&
	cp "$abs_top_srcdir/tests/test-lib.sh" sub/tests/ &&
	{
		echo "#!/bin/sh" &&
		echo ". \"\$(dirname \"\$0\")/../test-lib.sh\"" &&
		cat &&
		echo "test_done"
	} >sub/tests/t/t9999-probe.sh &&
	(abs_top_srcdir=$TRASH_DIRECTORY/sub abs_top_builddir=$TRASH_DIRECTORY/sub \
		sh sub/tests/t/t9999-probe.sh)
}

test_expect_success 'a test whose prerequisite is missing is a named skip' '
	run_script >out <<-\EOF &&
	test_check_prereq () { test "$1" = THERE; }
	test_set_prereq SET
	test_expect_success THERE "runs" "true"
	test_expect_success GONE "is skipped" "false"
	test_expect_success SET,THERE "runs too" "true"
	test_expect_success THERE,GONE "needs both" "false"
	EOF
	cat >expect <<-\EOF &&
	ok 1 - runs
	ok 2 # skip is skipped (missing GONE)
	ok 3 - runs too
	ok 4 # skip needs both (missing THERE,GONE)
	1..4
	EOF
	test_cmp expect out
'

test_expect_success 'a script that needs what is missing skips whole, naming it' '
	run_script >out <<-\EOF &&
	test_check_prereq () { false; }
	test_require_prereq JQ
	test_expect_success "never runs" "false"
	EOF
	echo "1..0 # SKIP missing JQ" >expect &&
	test_cmp expect out
'

test_expect_success 'the known prerequisites are what the machine has' '
	if command -v jq >/dev/null 2>&1; then
		test_have_prereq JQ
	else
		! test_have_prereq JQ
	fi &&
	test_must_fail test_have_prereq NO_SUCH_THING 2>err &&
	grep "unknown prerequisite .NO_SUCH_THING." err
'

test_expect_success 'expect_requests and requests_with_bodies are the harness'"'"'s' '
	type expect_requests >/dev/null &&
	type requests_with_bodies >/dev/null
'

test_done
