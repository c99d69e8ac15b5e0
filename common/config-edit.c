#include "compat.h"
#include "config.h"
#include "config-edit.h"
#include "usage.h"
#include "wipe.h"
#include "write-full.h"
#include "xmalloc.h"

static size_t indent_of(const char *line)
{
	return strspn(line, " ");
}

static int blank_or_comment(const char *line)
{
	const char *p = line + strspn(line, " \t");

	return !*p || *p == '#';
}

/* Whether line is "NAME:" at indent ind; *rest is what follows the colon. */
static int is_key_line(const char *line, size_t ind, const char *name, const char **rest)
{
	size_t len = strlen(name);

	if (indent_of(line) != ind || strncmp(line + ind, name, len) || line[ind + len] != ':')
		return 0;
	line += ind + len + 1;
	if (*line && *line != ' ' && *line != '\t')
		return 0;
	*rest = line + strspn(line, " \t");
	return 1;
}

/* The end of the block under the key line at i (indent ind): the first line after it at ind or less. */
static size_t block_end(const struct strvec *lines, size_t i, size_t end, size_t ind)
{
	size_t j = i + 1;

	while (j < end && (blank_or_comment(lines->v[j]) || indent_of(lines->v[j]) > ind))
		j++;
	return j;
}

/* Where a new key of the block [start, end) goes: after its last line that is not blank. */
static size_t insertion_point(const struct strvec *lines, size_t start, size_t end)
{
	size_t at = start;

	for (size_t j = start; j < end; j++)
		if (!blank_or_comment(lines->v[j]))
			at = j + 1;
	return at;
}

/* The indent of the keys in the block [start, end); parent + 2 when it has none. */
static size_t child_indent(const struct strvec *lines, size_t start, size_t end, size_t parent)
{
	for (size_t j = start; j < end; j++)
		if (!blank_or_comment(lines->v[j]))
			return indent_of(lines->v[j]);
	return parent + 2;
}

/* value as a YAML scalar: plain when it reads back the same, else double-quoted. */
static int add_scalar(struct sbuf *out, const char *value, struct sbuf *err)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789_./~@+=,-";
	size_t len = strlen(value);
	int ok = len && strspn(value, plain) == len && *value != '-' && *value != '~' &&
		strcmp(value, "null") && strcmp(value, "Null") && strcmp(value, "NULL");

	for (const char *p = value; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			sbuf_addstr(err, "a value cannot hold control characters");
			return -1;
		}
	if (ok) {
		sbuf_addstr(out, value);
		return 0;
	}
	sbuf_addch(out, '"');
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			sbuf_addch(out, '\\');
		sbuf_addch(out, *p);
	}
	sbuf_addch(out, '"');
	return 0;
}

struct edit {
	size_t at;		/* the line replaced, or before which text goes */
	int replace;
	struct sbuf text;	/* the new lines, each ending in \n */
};

/* The lines for keys[k..] at indent ind, the last one with value. */
static int add_new_keys(struct sbuf *out, char **keys, size_t k, size_t nr, size_t ind,
			const char *value, struct sbuf *err)
{
	for (; k < nr; k++, ind += 2) {
		sbuf_addf(out, "%*s%s:", (int)ind, "", keys[k]);
		if (k + 1 == nr) {
			sbuf_addch(out, ' ');
			if (add_scalar(out, value, err) < 0)
				return -1;
		}
		sbuf_addch(out, '\n');
	}
	return 0;
}

static int plan(const struct strvec *lines, char **keys, size_t nr, const char *value,
		struct edit *e, struct sbuf *err)
{
	size_t start = 0, end = lines->nr, ind = 0;

	for (size_t k = 0; k < nr; k++) {
		const char *rest = NULL;
		size_t i;

		for (i = start; i < end; i++)
			if (is_key_line(lines->v[i], ind, keys[k], &rest))
				break;
		if (i == end) {
			e->at = insertion_point(lines, start, end);
			return add_new_keys(&e->text, keys, k, nr, ind, value, err);
		}
		if (k + 1 == nr) {
			if ((!*rest || *rest == '#') && block_end(lines, i, end, ind) > i + 1 &&
			    insertion_point(lines, i + 1, block_end(lines, i, end, ind)) > i + 1) {
				sbuf_addf(err, "'%s' is a section, not one value", keys[k]);
				return -1;
			}
			e->at = i;
			e->replace = 1;
			return add_new_keys(&e->text, keys, k, nr, ind, value, err);
		}
		if (*rest && *rest != '#') {
			sbuf_addf(err, "'%s' is written on one line (%s); edit the file, or "
				  "write it as an indented section", keys[k], rest);
			return -1;
		}
		start = i + 1;
		end = block_end(lines, i, end, ind);
		ind = child_indent(lines, start, end, ind);
	}
	BUG("a config key of no parts");
}

static void split_lines(const char *text, struct strvec *lines)
{
	while (*text) {
		size_t len = strcspn(text, "\n");

		strvec_pushf(lines, "%.*s", (int)len, text);
		text += len;
		if (*text)
			text++;
	}
}

static void split_key(const char *key, struct strvec *parts)
{
	static const char products[] = "labor.products.";

	if (!strncmp(key, products, strlen(products))) {
		strvec_push(parts, "labor");
		strvec_push(parts, "products");
		strvec_push(parts, key + strlen(products));
		return;
	}
	for (const char *p = key; *p;) {
		size_t len = strcspn(p, ".");

		strvec_pushf(parts, "%.*s", (int)len, p);
		p += len;
		if (*p)
			p++;
	}
}

static char *pending;	/* the checked copy, removed if checking it dies */

static void remove_pending(void)
{
	if (pending)
		unlink(pending);
}

static int check_and_replace(const char *path, const struct sbuf *text, struct sbuf *err)
{
	static int registered;
	struct syncro_config cfg;
	int ret = 0;

	pending = xstrfmt("%s.new", path);
	if (!registered++)
		atexit(remove_pending);
	if (write_file_atomic(pending, text->buf, text->len) < 0) {
		sbuf_addf(err, "cannot write '%s': %s", pending, strerror(errno));
		ret = -1;
	} else if (config_load(&cfg, pending) < 0) {
		sbuf_addf(err, "cannot read back '%s'", pending);
		ret = -1;
	} else {
		config_release(&cfg);
		if (rename(pending, path) < 0) {
			sbuf_addf(err, "cannot replace '%s': %s", path, strerror(errno));
			ret = -1;
		}
	}
	if (ret < 0)
		unlink(pending);
	free(pending);
	pending = NULL;
	return ret;
}

int config_file_set(const char *path, const char *key, const char *value, struct sbuf *err)
{
	struct sbuf old = SBUF_INIT, out = SBUF_INIT;
	struct strvec lines = STRVEC_INIT, parts = STRVEC_INIT;
	struct edit e = { 0, 0, SBUF_INIT };
	int ret = -1;

	if (!config_key_known(key)) {
		char *closest = config_key_closest(key);

		sbuf_addf(err, "unknown key '%s'", key);
		if (closest)
			sbuf_addf(err, "; did you mean '%s'?", closest);
		else
			sbuf_addstr(err, "; 'syncro config' lists them");
		free(closest);
		return -1;
	}
	if (sbuf_read_file(&old, path) < 0 && errno != ENOENT) {
		sbuf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		goto out;
	}
	split_lines(old.buf, &lines);
	split_key(key, &parts);
	if (plan(&lines, parts.v, parts.nr, value, &e, err) < 0)
		goto out;
	for (size_t i = 0; i <= lines.nr; i++) {
		if (i == e.at)
			sbuf_add(&out, e.text.buf, e.text.len);
		if (i < lines.nr && !(e.replace && i == e.at))
			sbuf_addf(&out, "%s\n", lines.v[i]);
	}
	ret = check_and_replace(path, &out, err);
out:
	/* The file may hold api_key. */
	wipe_sbuf(&old);
	wipe_sbuf(&out);
	wipe_sbuf(&e.text);
	for (size_t i = 0; i < lines.nr; i++)
		wipe_string(lines.v[i]);
	strvec_clear(&lines);
	strvec_clear(&parts);
	return ret;
}
