#!/bin/sh
test_description='tests/windows-tests names every script: run under wine, or left out with its reason'
. "$(dirname "$0")/../test-lib.sh"

list=$abs_top_srcdir/tests/windows-tests

test_expect_success 'each script of tests/t is run under wine or listed as left out, once' '
	{
		sed -n "s/^WINDOWS_TESTS: *//p" "$list" | tr " " "\n" | sed "s/\.sh\$//" &&
		sed -n "s/^#   //p" "$list" | tr " " "\n"
	} | sed "/^\$/d" | sort >named &&
	sort -u named >unique &&
	test_cmp unique named &&
	(cd "$abs_top_srcdir/tests/t" && ls t*.sh) | sed "s/\.sh\$//" | sort >scripts &&
	test_cmp scripts named
'

test_done
