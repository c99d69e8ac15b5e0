#!/bin/sh
test_description='every manual page renders without warnings at 80 and 60 columns'
. "$(dirname "$0")/../test-lib.sh"

unset MANPAGER MANOPT

for width in 80 60
do
	test_expect_success "man -l at $width columns: no warning" '
		: >warnings &&
		for page in "$abs_top_srcdir"/man/*.[157]; do
			MANWIDTH='$width' man -l "$page" 2>&1 >/dev/null |
				sed "s|^|${page##*/}: |" >>warnings || return 1
		done &&
		cat warnings &&
		test ! -s warnings
	'
done

test_done
