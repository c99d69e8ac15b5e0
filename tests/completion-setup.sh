# Sourced by the completion tests after test-lib.sh:
#
#   completion_setup SHELL
#
# skips the whole script (TAP "1..0 # SKIP") when SHELL is not installed,
# and puts on PATH a plugins/ folder for third-party verbs written by the
# tests and the test verb syncro-test-verb (tests/helpers/test-verb.c).
completion_setup () {
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "1..0 # SKIP $1 is not installed"
		exit 0
	fi
	mkdir -p plugins
	chmod 755 plugins
	PATH="$TRASH_DIRECTORY/plugins:$abs_top_builddir/tests/helpers:$PATH"
}
