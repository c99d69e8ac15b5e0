#!/bin/sh
test_description='syncro help VERB: the manual page, else the verb'"'"'s --help'
. "$(dirname "$0")/../test-lib.sh"

if ! command -v man >/dev/null 2>&1; then
	echo "1..0 # SKIP man is not installed"
	exit 0
fi

# man(1) wants manN/ folders: link the build tree's pages into one.
mkdir -p manroot/man1 manroot/man7 plugins
for page in "$abs_top_srcdir"/man/*.[1-8]; do
	ln -s "$page" "manroot/man${page##*.}/${page##*/}"
done
PATH="$TRASH_DIRECTORY/plugins:$abs_top_builddir/tests/helpers:$PATH"
MANPATH="$TRASH_DIRECTORY/manroot"
MANWIDTH=80
export MANPATH MANWIDTH
unset MANPAGER MANOPT

test_expect_success 'help VERB shows the page when MANPATH has it' '
	syncro help help >actual &&
	head -n 1 actual >first &&
	grep "^SYNCRO-HELP(1)" first &&
	grep "shows the verb.s manual page" actual
'

test_expect_success 'a third-party verb with a page of its own' '
	write_script plugins/syncro-echo <<-\EOF &&
	echo "echo ran with: $*"
	EOF
	cat >manroot/man1/syncro-echo.1 <<-\EOF &&
	.TH SYNCRO-ECHO 1
	.SH NAME
	syncro-echo \- the page of the echo verb
	EOF
	syncro help echo >actual &&
	grep "the page of the echo verb" actual &&
	test_grep_not "echo ran" actual
'

test_expect_success 'with no page, the verb'"'"'s --help' '
	syncro help test-verb >actual &&
	head -n 1 actual >first &&
	echo "usage: syncro test-verb [options] N..." >expect &&
	test_cmp expect first &&
	MANPATH="$TRASH_DIRECTORY/nowhere" syncro help echo >actual &&
	echo "echo ran with: --help" >expect &&
	test_cmp expect actual
'

test_expect_success 'help help with no page is the overview' '
	MANPATH="$TRASH_DIRECTORY/nowhere" syncro help help >actual &&
	syncro --help >expect &&
	test_cmp expect actual
'

test_expect_success 'help for an unknown verb suggests one, exit 2' '
	test_expect_code 2 syncro help clsoe 2>err &&
	grep "^	close\$" err
'

test_expect_success 'the README has a row for every core verb that help -a lists' '
	syncro help -a >all &&
	sed -n "/^core verbs/,/^\$/s/^    \([a-z-]*\) .*/\1/p" all >verbs &&
	grep -x sandbox verbs &&
	: >missing &&
	while read -r verb; do
		grep -q -e "^| \`syncro $verb[\` ]" "$abs_top_srcdir/README.md" ||
		echo "$verb" >>missing
	done <verbs &&
	cat missing &&
	test ! -s missing
'

test_done
