#!/bin/sh
test_description='the pager: started on a terminal, never on a dumb one'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6201}"
start_sandbox

mkdir bin
write_script bin/pager <<-EOF
touch "$TRASH_DIRECTORY/paged"
cat
EOF

test_expect_success 'ticket on a terminal goes through PAGER' '
	rm -f paged &&
	TERM=xterm PAGER="$PWD/bin/pager" script -qec "syncro ticket 32164" /dev/null >raw &&
	test -e paged &&
	grep "#32164" raw
'

test_expect_success 'TERM=dumb: no pager, the ticket is printed as it is' '
	rm -f paged &&
	TERM=dumb PAGER="$PWD/bin/pager" script -qec "syncro ticket 32164" /dev/null >raw &&
	test ! -e paged &&
	grep "#32164" raw
'

test_done
