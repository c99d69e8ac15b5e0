#!/bin/sh
test_description='manual pages: lint clean, and every option of every verb documented'
. "$(dirname "$0")/../test-lib.sh"

test_require_prereq MANDOC

man_dir=$abs_top_srcdir/man

# undocumented_options PROGRAM PAGE: print each option that PROGRAM's --help
# lists and the rendered PAGE does not mention (long options anywhere in the
# help, then short ones at the start of an option line); fail if PAGE is
# missing.
undocumented_options () {
	if ! test -f "$2"; then
		echo "no manual page '$2' for '$1'"
		return 1
	fi
	"$1" --help >help.out || return 1
	mandoc -Tascii "$2" | col -b >page.out || return 1
	grep -o -e "--[a-z0-9][a-z0-9-]*" help.out | sort -u >options.out
	sed -n "s/^ *\\(-[a-zA-Z0-9]\\)[ ,].*/\\1/p" help.out | sort -u >>options.out
	while read -r opt; do
		grep -q -e "\\(^\\|[^a-zA-Z0-9-]\\)$opt\\([^a-zA-Z0-9-]\\|\$\\)" page.out ||
		echo "${1##*/}: $opt is not in ${2##*/}"
	done <options.out
}

test_expect_success 'every page passes mandoc -Tlint -W warning' '
	ls "$man_dir"/*.[1-8] >pages &&
	test -s pages &&
	while read -r page; do
		mandoc -Tlint -W warning "$page" || exit 1
	done <pages
'

test_expect_success 'every page is installed by man/local.mk' '
	for page in "$man_dir"/*.[1-8]; do
		name=man/${page##*/} &&
		grep -qx "dist_man_MANS += $name" "$man_dir/local.mk" ||
		{ echo "$name is not in man/local.mk"; exit 1; }
	done
'

test_expect_success 'the option check finds a missing page and a missing option' '
	verb=$abs_top_builddir/tests/helpers/syncro-test-verb &&
	test_must_fail undocumented_options "$verb" "$man_dir/syncro-test-verb.1" >out &&
	grep "no manual page" out &&
	cat >page.1 <<-\EOF &&
	.Dd November 28, 2026
	.Dt SYNCRO-TEST-VERB 1
	.Os
	.Sh NAME
	.Nm syncro-test-verb
	.Nd a verb for the tests
	.Sh OPTIONS
	.Fl s , -status , l , -labor , -customer , -assign , -method , -attach ,
	.Fl -yes , h , -help ; a , -also , -as
	EOF
	undocumented_options "$verb" page.1 >actual &&
	cat >expect <<-\EOF &&
	syncro-test-verb: --verbose is not in page.1
	syncro-test-verb: -v is not in page.1
	syncro-test-verb: -y is not in page.1
	EOF
	test_cmp expect actual
'

test_expect_success 'the dispatcher names its global options in syncro(1)' '
	undocumented_options "$abs_top_builddir/syncro" "$man_dir/syncro.1" >missing &&
	cat missing &&
	test ! -s missing &&
	for opt in --version --exec-path --help; do
		grep -x -e "$opt" options.out || return 1
	done
'

test_expect_success 'every verb in the build tree names all its options in its page' '
	: >missing &&
	for program in "$abs_top_builddir"/syncro-*; do
		test -f "$program" && test -x "$program" || continue
		verb=${program##*/} &&
		undocumented_options "$program" "$man_dir/$verb.1" >>missing ||
		echo "$verb: no page or no --help" >>missing
	done &&
	cat missing &&
	test ! -s missing
'

test_expect_success 'every SYNCRO_* variable the code reads is in syncro(1)' '
	cat "$abs_top_srcdir"/common/*.c "$abs_top_srcdir"/commands/*.c |
		grep -o -e "\(getenv\|env_value\)(\"SYNCRO_[A-Z_]*\")" |
		sed "s/.*(\"\(.*\)\")/\1/" | sort -u >vars &&
	grep -x SYNCRO_COLOR vars &&
	mandoc -Tascii "$man_dir/syncro.1" | col -b >page.out &&
	: >missing &&
	while read -r var; do
		case $var in
		SYNCRO_TEST_NOW) ;;	# a clock for the tests, not for users
		SYNCRO_TEST_MAX_PAGES) ;;	# the bound on pages, lowered for the tests
		*) grep -q -e "^ *$var\( \|$\)" page.out || echo "$var" >>missing ;;
		esac
	done <vars &&
	cat missing &&
	test ! -s missing
'

test_expect_success 'the example verb in syncro-plugins(7) works' '
	mkdir -p plugins &&
	mandoc -Tascii "$man_dir/syncro-plugins.7" | col -bx >page.txt &&
	sed -n "/^ *#!\\/bin\\/sh\$/,/^ *fi\$/p" page.txt >script.indented &&
	indent=$(sed -n "1s/#.*//p" script.indented) &&
	sed "s/^$indent//" script.indented >plugins/syncro-whoami &&
	chmod +x plugins/syncro-whoami &&
	PATH="$TRASH_DIRECTORY/plugins:$PATH" syncro __complete whoami --j >actual &&
	printf -- "--json\tprint the /me answer as JSON\n:4\n" >expect &&
	test_cmp expect actual &&
	PATH="$TRASH_DIRECTORY/plugins:$PATH" syncro whoami --help >actual &&
	echo "usage: syncro whoami [--json]" >expect &&
	test_cmp expect actual
'

test_done
