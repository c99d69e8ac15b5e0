#!/bin/sh
test_description='syncro comment: text from -m, -F, stdin or the editor, options, drafts kept until Syncro holds the comment'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
SQ="'"

# on_tty COMMAND: run the shell command with a terminal on stdin and stdout,
# as the editor needs; its exit status is the command's.
on_tty () {
	script -qec "$1" /dev/null >/dev/null
}
export SYNCRO_TEST_NOW=1780000000	# 2026-05-28T20:26:40Z
DRAFTS=$HOME/.local/state/syncro/drafts

# The bodies of the requests received, one JSON line each.
request_bodies () {
	sandbox_requests_json | jq -c '.requests[] | select(.body != null) | .body'
}

# The comments of ticket #32164 (id 108430330) as subject|body|hidden.
comments () {
	sandbox_get tickets/108430330 | jq -r '.ticket.comments[] | "\(.subject)|\(.body)|\(.hidden)"'
}

test_expect_success 'setup: the ticket number is resolved once, then cached' '
	syncro comment 32164 -m "First look" >out &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets?number=32164
	POST /api/v1/tickets/108430330/comment
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	sandbox_reset
'

test_expect_success '-m posts a public comment that is not emailed; the answer'"'"'s id is enough, no read-back' '
	syncro comment 32164 -m "Rebooted the NAS" >out 2>err &&
	echo "#32164: comment 412331502 posted" >expect &&
	test_cmp expect out &&
	test ! -s err &&
	cat >expect <<-\EOF &&
	POST /api/v1/tickets/108430330/comment
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	echo "{\"subject\":\"Update\",\"body\":\"Rebooted the NAS\",\"hidden\":false,\"do_not_email\":true}" >expect &&
	request_bodies >actual &&
	test_cmp expect actual &&
	comments | tail -n 1 >actual &&
	echo "Update|Rebooted the NAS|false" >expect &&
	test_cmp expect actual
'

test_expect_success 'the draft is removed once Syncro holds the comment' '
	test_path_is_empty_dir () { test -d "$1" && test -z "$(ls -A "$1")"; } &&
	test_path_is_empty_dir "$DRAFTS"
'

test_expect_success '--subject, --hidden and --email go into the request' '
	sandbox_reset &&
	syncro comment 32164 --subject "Internal" --hidden -m "Password is in the vault" >out &&
	syncro comment 32164 --email -m "Your NAS is back" >>out &&
	request_bodies >actual &&
	cat >expect <<-\EOF &&
	{"subject":"Internal","body":"Password is in the vault","hidden":true,"do_not_email":true}
	{"subject":"Update","body":"Your NAS is back","hidden":false,"do_not_email":false}
	EOF
	test_cmp expect actual &&
	comments | tail -n 2 >actual &&
	cat >expect <<-\EOF &&
	Internal|Password is in the vault|true
	Update|Your NAS is back|false
	EOF
	test_cmp expect actual
'

test_expect_success 'config comments.email makes emailing the default' '
	sandbox_reset &&
	mkdir -p "$XDG_CONFIG_HOME/syncro" &&
	printf "comments:\n  email: true\n" >"$XDG_CONFIG_HOME/syncro/config.yaml" &&
	syncro comment 32164 -m "Mailed" >out &&
	rm "$XDG_CONFIG_HOME/syncro/config.yaml" &&
	request_bodies >actual &&
	echo "{\"subject\":\"Update\",\"body\":\"Mailed\",\"hidden\":false,\"do_not_email\":false}" >expect &&
	test_cmp expect actual
'

test_expect_success '-F FILE and -F - (stdin) read the text, blanks at the ends dropped' '
	sandbox_reset &&
	printf "\nLine one\nLine two\n\n" >notes.txt &&
	syncro comment 32164 -F notes.txt >out &&
	printf "From stdin\n" | syncro comment 32164 -F - >>out &&
	request_bodies | jq -r .body >actual &&
	printf "Line one\nLine two\nFrom stdin\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'an empty text aborts before anything is sent' '
	sandbox_reset &&
	test_expect_code 1 syncro comment 32164 -m "  " >out 2>err &&
	echo "syncro: aborting: the comment is empty" >expect &&
	test_cmp expect err &&
	: >empty &&
	test_expect_code 1 syncro comment 32164 -F empty 2>err &&
	test_cmp expect err &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'without -m or -F the editor gets a template; # lines are dropped' '
	sandbox_reset &&
	write_script fake-editor <<-\EOF &&
	cp "$1" template.txt
	printf "Called Jerry back\nHe is happy\n# not sent\n" >"$1"
	EOF
	on_tty "EDITOR=./fake-editor syncro comment 32164 >out" &&
	head -n 3 template.txt >actual &&
	cat >expect <<-\EOF &&

	# Comment on ticket #32164: Own cloud thing again
	# Customer: Jerry Burger
	EOF
	test_cmp expect actual &&
	grep "^# Last comment" template.txt &&
	cat >expect <<-\EOF &&
	GET /api/v1/tickets/108430330
	POST /api/v1/tickets/108430330/comment
	EOF
	sandbox_requests >actual &&
	test_cmp expect actual &&
	request_bodies | jq -r .body >actual &&
	printf "Called Jerry back\nHe is happy\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'without -m or -F and no terminal: exit 2 before any request, no editor' '
	sandbox_clear_requests &&
	write_script marking-editor <<-\EOF &&
	touch editor-ran
	printf "Typed\n" >"$1"
	EOF
	test_expect_code 2 env EDITOR=./marking-editor syncro comment 32164 </dev/null >out 2>err &&
	echo "syncro: missing -m or -F; pass it or run on a terminal" >expect &&
	test_cmp expect err &&
	test ! -s out &&
	test ! -e editor-ran &&
	sandbox_requests >actual &&
	test ! -s actual
'

test_expect_success 'an editor that leaves only comments aborts' '
	sandbox_reset &&
	write_script empty-editor <<-\EOF &&
	printf "# nothing\n" >"$1"
	EOF
	test_expect_code 1 on_tty "EDITOR=./empty-editor syncro comment 32164 >out 2>err" &&
	echo "syncro: aborting: the comment is empty" >expect &&
	test_cmp expect err &&
	echo "GET /api/v1/tickets/108430330" >expect &&
	sandbox_requests >actual &&
	test_cmp expect actual
'

test_expect_success 'a failed POST keeps the draft and says how to send it again' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":500,\"body\":\"<html>oops</html>\",\"content_type\":\"text/html\"}" &&
	write_script typing-editor <<-\EOF &&
	printf "Typed with care\n" >"$1"
	EOF
	test_expect_code 7 on_tty "EDITOR=./typing-editor syncro comment 32164 --subject ${SQ}Long day${SQ} --hidden >out 2>err" &&
	test ! -s out &&
	draft=$DRAFTS/32164-20260528-202640.txt &&
	cat >expect <<-EOF &&
	syncro: the Syncro API answered '"'"'POST /tickets/108430330/comment'"'"' with 500 and a body that is not JSON (text/html)
	hint: try again later; '"'"'syncro doctor'"'"' checks the connection
	hint: the comment may have reached Syncro: look at '"'"'syncro ticket 32164'"'"' before you send it again
	hint: your text is saved in '"'"'$draft'"'"'
	hint: send it again with: syncro comment 32164 --subject '"'"'Long day'"'"' --hidden -F $draft
	EOF
	test_cmp expect err &&
	echo "Typed with care" >expect &&
	test_cmp expect "$draft" &&
	comments | tail -n 1 >actual &&
	test_grep_not "Typed with care" actual
'

test_expect_success 'the command from the hint sends the draft and removes it' '
	sandbox_clear_requests &&
	draft=$DRAFTS/32164-20260528-202640.txt &&
	syncro comment 32164 --subject "Long day" --hidden -F "$draft" >out &&
	echo "#32164: comment 412331502 posted" >expect &&
	test_cmp expect out &&
	test ! -e "$draft" &&
	comments | tail -n 1 >actual &&
	echo "Long day|Typed with care|true" >expect &&
	test_cmp expect actual
'

test_expect_success 'a 422 keeps the draft too, with the API'"'"'s own words (exit 5)' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":422,\"body\":\"{\\\"success\\\":false,\\\"message\\\":[\\\"Body is too long\\\"]}\"}" &&
	test_expect_code 5 syncro comment 32164 -m "Short" 2>err &&
	head -n 1 err >actual &&
	echo "syncro: the Syncro API rejected the change to ticket #32164: Body is too long" >expect &&
	test_cmp expect actual &&
	ls "$DRAFTS" >actual &&
	echo 32164-20260528-202640.txt >expect &&
	test_cmp expect actual &&
	rm "$DRAFTS"/*
'

test_expect_success 'a dropped connection keeps the draft' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"close\":true}" &&
	test_expect_code 7 syncro comment 32164 -m "Lost line" 2>err &&
	grep "^hint: your text is saved in" err &&
	echo "Lost line" >expect &&
	test_cmp expect "$DRAFTS/32164-20260528-202640.txt" &&
	rm "$DRAFTS"/*
'

test_expect_success 'an answer without the comment'"'"'s id keeps the draft' '
	sandbox_reset &&
	sandbox_fail "{\"method\":\"POST\",\"path\":\"/api/v1/tickets/*/comment\",\"status\":200,\"body\":\"{\\\"comment\\\":{}}\"}" &&
	test_expect_code 7 syncro comment 32164 -m "Ghost" 2>err &&
	draft=$DRAFTS/32164-20260528-202640.txt &&
	cat >expect <<-EOF &&
	syncro: Syncro answered the comment without an id
	hint: check the ticket before you try again: the comment may have been made
	hint: the comment may have reached Syncro: look at '"'"'syncro ticket 32164'"'"' before you send it again
	hint: your text is saved in '"'"'$draft'"'"'
	hint: send it again with: syncro comment 32164 -F $draft
	EOF
	test_cmp expect err &&
	test -e "$draft" &&
	rm "$DRAFTS"/*
'

test_expect_success 'usage errors (exit 2) send nothing' '
	sandbox_reset &&
	test_expect_code 2 syncro comment 32164 -m a -F b 2>err &&
	cat >expect <<-\EOF &&
	syncro: '"'"'--message'"'"' and '"'"'--file'"'"' cannot go together
	usage: syncro comment [options] N
	   or: syncro comment --abandon N
	run '"'"'syncro comment --help'"'"' for every option
	EOF
	test_cmp expect err &&
	test_expect_code 2 syncro comment 32164 --hidden --email -m a 2>err &&
	echo "syncro: '"'"'--hidden'"'"' and '"'"'--email'"'"' cannot go together" >expect &&
	head -n 1 err >actual &&
	test_cmp expect actual &&
	test_expect_code 2 syncro comment 32164 --labor remote -m a 2>err &&
	grep -e "--labor needs --time" err &&
	test_expect_code 2 syncro comment 32164 --charge -m a 2>err &&
	grep -e "--charge needs --time" err &&
	test_expect_code 2 syncro comment x32164 -m a 2>err &&
	grep "'"'"'x32164'"'"' is not a ticket number" err &&
	test_expect_code 2 syncro comment -m a 2>err &&
	sandbox_requests >actual &&
	test ! -s actual &&
	syncro comment 32164 --hidden --email --no-email -m a --dry-run >out
'

test_expect_success 'an unknown ticket is exit 4 and keeps the draft' '
	sandbox_reset &&
	test_expect_code 4 syncro comment 99999 -m "Wrong ticket" --hidden 2>err &&
	draft=$DRAFTS/99999-20260528-202640.txt &&
	cat >expect <<-EOF &&
	syncro: ticket #99999 not found
	hint: your text is saved in ${SQ}$draft${SQ}
	hint: send it to the right ticket: syncro comment NUMBER --hidden -F $draft
	EOF
	test_cmp expect err &&
	echo "Wrong ticket" >expect &&
	test_cmp expect "$draft" &&
	rm "$DRAFTS"/*
'

test_expect_success '--verbose traces the requests but never shows the key' '
	sandbox_reset &&
	syncro comment 32164 --verbose -m "Traced" >out 2>err &&
	grep "POST" err &&
	test_grep_not "$TEST_API_KEY" out err
'

test_done
