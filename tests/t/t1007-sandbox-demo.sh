#!/bin/sh
test_description='tools/demo: the Quick start shows the open tickets of a sandbox, then stops it'
. "$(dirname "$0")/../test-lib.sh"

test_expect_success 'tools/demo lists the open tickets and says how to keep going' '
	BUILDDIR=$abs_top_builddir "$abs_top_srcdir/tools/demo" >out 2>err &&
	grep "^\$ syncro list$" out &&
	grep "^#32164  New  *2 Normal  *-  *2026-04-23!\{0,1\}  *[0-9]*d  Jerry Burger  *Own cloud thing again$" out &&
	grep "Printer offline in front office" out &&
	test_grep_not "Resolved" out &&
	grep "^    export SYNCRO_BASE_URL=http://127.0.0.1:8180/api/v1$" out &&
	grep "^    export SYNCRO_API_KEY=sandbox$" out &&
	grep "syncro-sandbox$" out &&
	test ! -s err &&
	test ! -e "$XDG_CACHE_HOME/syncro"
'

test_expect_success 'the demo sandbox is stopped afterwards' '
	port=$(sed -n "s|^A Syncro sandbox with demo data is running at http://127.0.0.1:\([0-9]*\)/api/v1$|\1|p" out) &&
	test -n "$port" &&
	test_must_fail sandbox_curl "http://127.0.0.1:$port/api/v1/me" 2>err &&
	grep -i "connect" err
'

test_done
