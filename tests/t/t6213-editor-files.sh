#!/bin/sh
test_description='the editor'"'"'s file is beside the drafts, and kept there when the editor fails'
. "$(dirname "$0")/../test-lib.sh"

: "${TEST_API_KEY:=test-key-6213}"
start_sandbox
DRAFTS=$XDG_STATE_HOME/syncro/drafts
mkdir tmp
TMPDIR=$TRASH_DIRECTORY/tmp
export TMPDIR

test_expect_success 'a failed editor leaves its file in the drafts directory, not TMPDIR' '
	script -qec "EDITOR='"'"'echo typed >>\"\$1\"; exit 3; :'"'"' syncro comment 32164; echo rc=\$?" /dev/null >out </dev/null &&
	tr -d "\r" <out >actual &&
	grep "^hint: the text is kept in '"'"'$DRAFTS/edit-.*\.txt'"'"'" actual &&
	ls tmp >in-tmp &&
	test ! -s in-tmp &&
	grep -x typed "$DRAFTS"/edit-*.txt
'

test_done
