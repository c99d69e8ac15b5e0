#include "compat.h"
#include <ctype.h>
#include <libgen.h>
#include <sys/stat.h>
#include <yaml.h>
#include "cred.h"
#include "run-command.h"
#include "usage.h"
#include "wipe.h"
#include "xmalloc.h"

/* SYNCRO_API_KEY, unless a profile was chosen by --as or SYNCRO_PROFILE. */
static const char *env_key(const struct syncro_config *cfg)
{
	const char *key = getenv("SYNCRO_API_KEY");

	if (cfg->profile && cfg->source[SET_PROFILE] == SOURCE_ENV)
		return NULL;
	return key && *key ? key : NULL;
}

/* The stderr of a failed helper, trimmed, as ": text" (or nothing). */
static void add_stderr(struct sbuf *msg, struct sbuf *err)
{
	sbuf_trim(err);
	if (err->len)
		sbuf_addf(msg, ": %s", err->buf);
}

/*
 * The first line of text, trimmed; NULL when it is empty. Like pass and gh,
 * a helper may print more than the key (`pass show` prints the password,
 * then "login: mike"), and only the first line is the key.
 */
static char *first_line(const char *text, size_t len)
{
	const char *end = memchr(text, '\n', len);

	if (!end)
		end = text + len;
	while (text < end && isspace((unsigned char)*text))
		text++;
	while (end > text && isspace((unsigned char)end[-1]))
		end--;
	return end > text ? xstrndup(text, (size_t)(end - text)) : NULL;
}

static _Noreturn void helper_failed(const char *what, int code, struct sbuf *out,
				    struct sbuf *err)
{
	struct sbuf msg = SBUF_INIT;

	wipe_sbuf(out);
	sbuf_addf(&msg, "%s failed ", what);
	if (code > 128 && code != 127)
		sbuf_addf(&msg, "(killed by signal %d)", code - 128);
	else
		sbuf_addf(&msg, "(exit %d)", code);
	add_stderr(&msg, err);
	sbuf_release(err);
	die_with(EXIT_AUTH, "%s", msg.buf);
}

static char *key_from_command(const char *cmd)
{
	struct strvec argv = STRVEC_INIT;
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;
	char *what = xstrfmt("api_key_command '%s'", cmd), *key;
	int code;

	if (split_command(cmd, &argv) < 0)
		die_with(EXIT_AUTH, "%s is not a command: check its quotes", what);
	code = run_capture((const char *const *)argv.v, &out, &err);
	strvec_clear(&argv);
	if (code < 0)
		die_errno("cannot run %s", what);
	if (code)
		helper_failed(what, code, &out, &err);
	sbuf_release(&err);
	key = first_line(out.buf, out.len);
	wipe_sbuf(&out);
	if (!key)
		die_with(EXIT_AUTH, "%s printed no key on the first line of its standard output",
			 what);
	free(what);
	return key;
}

/* Walk a dotted path of mapping keys; NULL when some part is missing. */
static yaml_node_t *find_field(yaml_document_t *doc, const char *field)
{
	yaml_node_t *node = yaml_document_get_root_node(doc);
	const char *part = field;

	while (node && *part) {
		const char *dot = strchrnul(part, '.');
		size_t len = (size_t)(dot - part);
		yaml_node_t *next = NULL;

		if (node->type != YAML_MAPPING_NODE)
			return NULL;
		for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
		     pair < node->data.mapping.pairs.top; pair++) {
			yaml_node_t *k = yaml_document_get_node(doc, pair->key);

			if (k->type == YAML_SCALAR_NODE && k->data.scalar.length == len &&
			    !memcmp(k->data.scalar.value, part, len)) {
				next = yaml_document_get_node(doc, pair->value);
				break;
			}
		}
		node = next;
		part = *dot ? dot + 1 : dot;
	}
	return node;
}

static char *key_from_vault(const char *file, const char *field)
{
	struct sbuf out = SBUF_INIT, err = SBUF_INIT;
	const char *argv[] = { "sops", "-d", file, NULL };
	char *sops = path_lookup("sops"), *key = NULL;
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *node;
	int code;

	if (!sops) {
		char *msg = xstrfmt("vault '%s' needs 'sops', which is not on PATH", file);

		die_message(msg);
		free(msg);
		hint("install sops (Debian: apt install sops, or its release binary),");
		hint("or set api_key_command in the config file to a command that prints the key,");
		hint("or export SYNCRO_API_KEY");
		exit(EXIT_AUTH);
	}
	free(sops);
	if (access(file, R_OK) < 0)
		die_with(EXIT_AUTH, "cannot read vault '%s': %s; check vault.file in the config file",
			 file, strerror(errno));
	code = run_capture(argv, &out, &err);
	if (code < 0)
		die_errno("cannot run 'sops -d %s'", file);
	if (code) {
		char *what = xstrfmt("'sops -d %s'", file);

		helper_failed(what, code, &out, &err);
	}
	sbuf_release(&err);

	if (!yaml_parser_initialize(&parser))
		die("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)out.buf, out.len);
	if (!yaml_parser_load(&parser, &doc)) {
		wipe_yaml(&parser, NULL);
		yaml_parser_delete(&parser);
		wipe_sbuf(&out);
		die_with(EXIT_AUTH, "'sops -d %s' did not print YAML; is it a SOPS-encrypted YAML file?",
			 file);
	}
	node = find_field(&doc, field);
	if (node && node->type == YAML_SCALAR_NODE)
		key = first_line((const char *)node->data.scalar.value, node->data.scalar.length);
	wipe_yaml(&parser, &doc);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	wipe_sbuf(&out);
	if (!key)
		die_with(EXIT_AUTH, "vault '%s' has no string at '%s'; set vault.field "
			 "in the config file to the path of the key", file, field);
	return key;
}

/* Why someone else could change path, or NULL (also when it does not exist). */
static char *unsafe(const char *path, const char *what, int directory)
{
	char *shown = path_for_display(path), *why = NULL;
	struct stat st;

	if (stat(path, &st) < 0)
		;
#ifdef _WIN32
	else if (!compat_owned_by_me(path))
		why = xstrfmt("%s '%s' belongs to another user; only a file and directory of "
			      "yours (or the Administrators') are used", what, shown);
	else if (compat_others_may(path, 1) == 1)
		why = xstrfmt("%s '%s' can be written by others (its ACL allows it); remove "
			      "their write access", what, shown);
#else
	else if (st.st_uid != getuid() && st.st_uid != 0)
		why = xstrfmt("%s '%s' belongs to another user (uid %ld); only a file and "
			      "directory of yours (or root's) are used", what, shown, (long)st.st_uid);
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		why = xstrfmt("%s '%s' can be written by others (mode %04o); run 'chmod go-w %s'",
			      what, shown, (unsigned)(st.st_mode & 07777), shown);
#endif
	else if (!directory && !S_ISREG(st.st_mode))
		why = xstrfmt("%s '%s' is not a regular file", what, shown);
	free(shown);
	return why;
}

/*
 * The same for a file and every directory above it up to the user's home
 * (or the root), as OpenSSH's safe_path() checks them: whoever can write
 * to any of them can put another file in its place. Symbolic links are
 * followed first (realpath), so that the directories are the real ones.
 */
static char *unsafe_file(const char *path, const char *what)
{
	char *real = realpath(path, NULL), *home = getenv("HOME") ? realpath(getenv("HOME"), NULL) : NULL;
	char *dir = xstrdup(real ? real : path), *dir_what = xstrfmt("the directory of %s", what);
	char *why = unsafe(path, what, 0);
	size_t home_len = home ? strlen(home) : 0;
	int in_home = home && !strncmp(dir, home, home_len) &&
		(dir[home_len] == '/' || dir[home_len] == '\\');

	while (!why) {
		char *copy = xstrdup(dir), *up = xstrdup(dirname(copy));	/* dirname may write */

		free(copy);
		if (!strcmp(up, dir)) {	/* "/", ".", or on Windows "C:/" */
			free(up);
			break;
		}
		free(dir);
		dir = up;
		if ((why = unsafe(dir, dir_what, 1)) || (home && !strcmp(dir, home)) ||
		    !strcmp(dir, "/") || !strcmp(dir, ".") || (!in_home && !COMPAT_CHECK_DIRS_TO_ROOT))
			break;
		free(dir_what);
		dir_what = xstrfmt("a directory above %s", what);
	}
	free(real);
	free(home);
	free(dir);
	free(dir_what);
	return why;
}

/* The program api_key_command runs, or NULL when it cannot be found. */
static char *helper_program(const char *cmd)
{
	struct strvec argv = STRVEC_INIT;
	char *program = NULL;

	if (!split_command(cmd, &argv) && argv.nr)
		program = strchr(argv.v[0], '/') ? expand_home(argv.v[0]) : path_lookup(argv.v[0]);
	strvec_clear(&argv);
	return program;
}

char *cred_unsafe_file(const struct syncro_config *cfg)
{
	char *why = cfg->file_exists ? unsafe_file(cfg->path, "config file") : NULL;

	if (why || env_key(cfg))
		return why;
	if (cfg->api_key_command) {
		char *program = helper_program(cfg->api_key_command);

		why = program ? unsafe_file(program, "the program of api_key_command") : NULL;
		free(program);
	} else if (cfg->vault_file) {
		why = unsafe_file(cfg->vault_file, "vault");
	}
	return why;
}

char *cred_problem(const struct syncro_config *cfg)
{
	if (env_key(cfg) || cfg->api_key_command || cfg->vault_file || !cfg->api_key ||
	    cfg->file_mode_ok)
		return NULL;
	return xstrfmt("config file '%s' holds api_key but others can read it; "
		       "run 'chmod 600 %s'", cfg->path, cfg->path);
}

char *cred_no_key_message(const char *config_path)
{
	char *shown = path_for_display(config_path);
	char *msg = xstrfmt(
		"no API key found; set one in any of these ways:\n"
		"  %-39s  (this shell)\n"
		"  %-39s  (in %s)\n"
		"  %-39s  (in %s; needs sops)\n"
		"run 'man 5 syncro-config' for the details",
		"export SYNCRO_API_KEY=KEY",
		"api_key_command: pass show syncro", shown,
		"vault: {file: ~/vault/syncro.sops.yaml}", shown);

	free(shown);
	return msg;
}

/*
 * The key goes into an HTTP header (or the URL): a line break there would
 * start headers of its own, and no real key has white space, control
 * characters or bytes beyond ASCII. The message names the source, never
 * the key.
 */
static void check_key(const struct syncro_config *cfg, char *key)
{
	struct sbuf where = SBUF_INIT;

	for (const char *p = key; *p; p++) {
		if (*p > ' ' && *p < 0x7f)
			continue;
		wipe_string(key);
		free(key);
		cred_describe(cfg, &where);
		die_with(EXIT_AUTH, "the API key from %s holds white space, control characters "
			 "or non-ASCII bytes; check that it gives the key alone", where.buf);
	}
}

static char *key_from_sources(const struct syncro_config *cfg, enum key_source *source)
{
	const char *key = env_key(cfg);

	if (key) {
		*source = KEY_ENV;
		return xstrdup(key);
	}
	if (cfg->api_key_command) {
		*source = KEY_COMMAND;
		return key_from_command(cfg->api_key_command);
	}
	if (cfg->vault_file) {
		*source = KEY_VAULT;
		return key_from_vault(cfg->vault_file, cfg->vault_field);
	}
	if (cfg->api_key) {
		char *problem = cred_problem(cfg);

		if (problem)
			die_with(EXIT_AUTH, "%s", problem);
		*source = KEY_FILE;
		return xstrdup(cfg->api_key);
	}
	*source = KEY_NONE;
	die_with(EXIT_AUTH, "%s", cred_no_key_message(cfg->path));
}

char *cred_api_key(const struct syncro_config *cfg, enum key_source *source)
{
	enum key_source dummy;
	char *unsafe = cred_unsafe_file(cfg), *key;

	if (unsafe)
		die_with(EXIT_AUTH, "%s", unsafe);
	key = key_from_sources(cfg, source ? source : &dummy);

	check_key(cfg, key);
	return key;
}

enum key_source cred_describe(const struct syncro_config *cfg, struct sbuf *out)
{
	char *shown;

	if (cfg->profile && !env_key(cfg))
		sbuf_addf(out, "profile %s: ", cfg->profile);
	if (env_key(cfg)) {
		sbuf_addstr(out, "env SYNCRO_API_KEY");
		return KEY_ENV;
	}
	if (cfg->api_key_command) {
		sbuf_addf(out, "api_key_command '%s'", cfg->api_key_command);
		return KEY_COMMAND;
	}
	if (cfg->vault_file) {
		shown = path_for_display(cfg->vault_file);
		sbuf_addf(out, "vault %s (%s)", shown, cfg->vault_field);
		free(shown);
		return KEY_VAULT;
	}
	if (cfg->api_key) {
		shown = path_for_display(cfg->path);
		sbuf_addf(out, "config file %s", shown);
		free(shown);
		return KEY_FILE;
	}
	sbuf_addstr(out, "none");
	return KEY_NONE;
}
