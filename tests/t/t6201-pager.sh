#!/bin/sh
test_description='the pager: started on a terminal for long output, never on a dumb one'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6201}"
start_sandbox

mkdir bin
write_script bin/pager <<-EOF
touch "$TRASH_DIRECTORY/paged"
cat
EOF

# on_terminal TERM CMD: CMD on a terminal with that TERM and bin/pager as
# PAGER, its output in raw; whether the pager ran is left in ./paged.
on_terminal () {
	rm -f paged &&
	TERM=$1 PAGER="$PWD/bin/pager" script -qec "$2" /dev/null >raw
}

test_expect_success 'ticket on a terminal goes through PAGER' '
	on_terminal xterm "syncro ticket 32164" &&
	test -e paged &&
	grep "#32164" raw
'

test_expect_success 'TERM=dumb: no pager, the ticket is printed as it is' '
	on_terminal dumb "syncro ticket 32164" &&
	test ! -e paged &&
	grep "#32164" raw
'

test_expect_success 'list --all and search go through PAGER too' '
	on_terminal xterm "syncro list --all" &&
	test -e paged &&
	grep "^#32164 " raw &&
	grep "^[0-9][0-9]* tickets" raw &&
	on_terminal xterm "syncro search printer" &&
	test -e paged &&
	grep "^#32161 " raw
'

test_expect_success '--json is never paged' '
	on_terminal xterm "syncro search --json printer" &&
	test ! -e paged &&
	on_terminal xterm "syncro list --json" &&
	test ! -e paged
'

test_done
