#!/bin/sh
test_description='a config file, vault or key helper that others can write is refused before anything runs, and doctor says so'
. "$(dirname "$0")/../test-lib.sh"

start_sandbox
unset SYNCRO_API_KEY
DIR=$XDG_CONFIG_HOME/syncro
CONFIG=$DIR/config.yaml
SHOWN='~/.config/syncro/config.yaml'
mkdir -p "$DIR"
printf 'touch "%s/helper-ran"\necho %s\n' "$TRASH_DIRECTORY" "$TEST_API_KEY" | write_script helper
echo "api_key_command: $TRASH_DIRECTORY/helper" >"$CONFIG"

test_expect_success 'a safe config and helper are used' '
	chmod 600 "$CONFIG" && chmod 700 "$DIR" &&
	syncro api /me >out &&
	test -f helper-ran
'

# refused_before_anything: syncro api /me and syncro doctor both exit 3
# with the message in expect, the helper not run and nothing sent.
refused_before_anything () {
	sandbox_clear_requests &&
	test_expect_code 3 syncro api /me >out 2>err &&
	test_cmp expect err &&
	test ! -f helper-ran &&
	sandbox_requests >requests &&
	test ! -s requests &&
	test_expect_code 3 syncro doctor >out 2>err &&
	sed "s/^syncro doctor/syncro api/" err >actual &&
	test_cmp expect actual &&
	test ! -f helper-ran
}

for mode in 0620 0622 0666
do
	test_expect_success "a config file of mode $mode is refused before its api_key_command runs" '
		rm -f helper-ran &&
		chmod $mode "$CONFIG" &&
		echo "syncro: config file '"'$SHOWN'"' can be written by others (mode $mode); run '"'chmod go-w $SHOWN'"'" >expect &&
		refused_before_anything &&
		chmod 600 "$CONFIG"
	'
done

test_expect_success 'a config directory of mode 0777 is refused' '
	chmod 777 "$DIR" &&
	test_expect_code 3 syncro list 2>err &&
	echo "syncro: the directory of config file '"'~/.config/syncro'"' can be written by others (mode 0777); run '"'chmod go-w ~/.config/syncro'"'" >expect &&
	test_cmp expect err &&
	test ! -f helper-ran &&
	chmod 700 "$DIR"
'

test_expect_success 'a helper others can write, or in a directory others can write, is refused' '
	chmod 666 helper &&
	test_expect_code 3 syncro api /me 2>err &&
	grep "^syncro: the program of api_key_command .* can be written by others (mode 0666)" err &&
	chmod 755 helper &&
	mkdir -p open && chmod 1777 open && cp helper open/helper &&
	echo "api_key_command: $TRASH_DIRECTORY/open/helper" >"$CONFIG" &&
	test_expect_code 3 syncro api /me 2>err &&
	grep "^syncro: the directory of the program of api_key_command .* can be written by others (mode 1777)" err &&
	test ! -f helper-ran
'

test_expect_success 'a vault others can write is refused before sops runs' '
	echo "vault: {file: $TRASH_DIRECTORY/vault.yaml}" >"$CONFIG" &&
	echo "credentials: {credential: x}" >vault.yaml &&
	chmod 646 vault.yaml &&
	test_expect_code 3 syncro api /me 2>err &&
	grep "^syncro: vault .* can be written by others (mode 0646)" err
'

if test "$(id -u)" = 0
then
	test_expect_success 'a config file of another user is refused (as root: chown nobody)' '
		echo "api_key_command: $TRASH_DIRECTORY/helper" >"$CONFIG" &&
		chmod 600 "$CONFIG" &&
		chown nobody "$CONFIG" &&
		test_expect_code 3 syncro api /me 2>err &&
		echo "syncro: config file '"'$SHOWN'"' belongs to another user (uid $(id -u nobody)); only a file and directory of yours (or root'"'"'s) are used" >expect &&
		test_cmp expect err &&
		chown 0 "$CONFIG" &&
		test ! -f helper-ran
	'
fi

# The directories above a file count as OpenSSH counts them (safe_path):
# every one up to the home directory, itself included, or to the root.
test_expect_success 'a directory above the config directory that others can write is refused, by doctor too' '
	echo "api_key_command: $TRASH_DIRECTORY/helper" >"$CONFIG" &&
	chmod 600 "$CONFIG" && chmod 700 "$DIR" && chmod 755 helper &&
	rm -f helper-ran &&
	chmod 777 "$XDG_CONFIG_HOME" &&
	echo "syncro: a directory above config file '"'~/.config'"' can be written by others (mode 0777); run '"'chmod go-w ~/.config'"'" >expect &&
	refused_before_anything &&
	chmod 755 "$XDG_CONFIG_HOME"
'

test_expect_success 'the home directory counts; the directories above it do not' '
	chmod 775 "$HOME" &&
	test_expect_code 3 syncro api /me 2>err &&
	echo "syncro: a directory above config file '"'$HOME'"' can be written by others (mode 0775); run '"'chmod go-w $HOME'"'" >expect &&
	test_cmp expect err &&
	test ! -f helper-ran &&
	chmod 755 "$HOME" &&
	chmod 777 "$TRASH_DIRECTORY" &&
	mkdir -p "$HOME/bin" && cp helper "$HOME/bin/helper" &&
	echo "api_key_command: $HOME/bin/helper" >"$CONFIG" &&
	syncro api /me >out &&
	test -f helper-ran &&
	chmod 755 "$TRASH_DIRECTORY"
'

test_expect_success 'outside the home directory every directory up to the root counts (helper, vault)' '
	rm -f helper-ran &&
	mkdir -p wide/deep && cp helper wide/deep/helper && chmod 755 wide/deep &&
	chmod 777 wide &&
	echo "api_key_command: $TRASH_DIRECTORY/wide/deep/helper" >"$CONFIG" &&
	test_expect_code 3 syncro api /me 2>err &&
	echo "syncro: a directory above the program of api_key_command '"'$TRASH_DIRECTORY/wide'"' can be written by others (mode 0777); run '"'chmod go-w $TRASH_DIRECTORY/wide'"'" >expect &&
	test_cmp expect err &&
	test ! -f helper-ran &&
	echo "credentials: {credential: x}" >wide/deep/vault.yaml &&
	chmod 600 wide/deep/vault.yaml &&
	echo "vault: {file: $TRASH_DIRECTORY/wide/deep/vault.yaml}" >"$CONFIG" &&
	test_expect_code 3 syncro api /me 2>err &&
	grep "^syncro: a directory above vault .*/wide. can be written by others (mode 0777)" err &&
	chmod 755 wide
'

test_done
