#include "compat.h"
#include <ctype.h>
#include "output.h"
#include "prompt.h"
#include "usage.h"
#include "xmalloc.h"

static int disabled;

int prompt_can_ask(void)
{
	return !disabled && isatty(STDIN_FILENO);
}

void prompt_disable(void)
{
	disabled = 1;
}

/* Ask once: print the question, read a line, trim it into *answer. */
static int ask(struct sbuf *answer, const char *fmt, ...) PRINTF_LIKE(2, 3);
static int ask(struct sbuf *answer, const char *fmt, ...)
{
	struct sbuf question = SBUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	va_list ap;

	if (!prompt_can_ask())
		return PROMPT_NO_TTY;
	fflush(stdout);
	va_start(ap, fmt);
	sbuf_vaddf(&question, fmt, ap);
	va_end(ap);
	/* Defaults and names in a question may come from the API. */
	output_text(stderr, question.buf, SAFE_ONE_LINE);
	sbuf_release(&question);
	fflush(stderr);
	n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		fputc('\n', stderr);	/* after ^D the shell prompt starts on a new line */
		return PROMPT_EOF;
	}
	sbuf_reset(answer);
	sbuf_add(answer, line, (size_t)n);
	sbuf_trim(answer);
	free(line);
	return PROMPT_OK;
}

int prompt_line(const char *question, const char *def, char **answer)
{
	struct sbuf sb = SBUF_INIT;
	int ret;

	for (;;) {
		if (def)
			ret = ask(&sb, "%s [%s]: ", question, def);
		else
			ret = ask(&sb, "%s: ", question);
		if (ret < 0) {
			sbuf_release(&sb);
			return ret;
		}
		if (sb.len || def)
			break;
	}
	*answer = sb.len ? sbuf_detach(&sb, NULL) : xstrdup(def);
	sbuf_release(&sb);
	return PROMPT_OK;
}

int prompt_yes_no(const char *question, int def, int *yes)
{
	struct sbuf sb = SBUF_INIT;
	int ret;

	while ((ret = ask(&sb, "%s [%s]: ", question, def ? "Y/n" : "y/N")) == PROMPT_OK) {
		if (!sb.len) {
			*yes = def;
			break;
		}
		if (!strcasecmp(sb.buf, "y") || !strcasecmp(sb.buf, "yes")) {
			*yes = 1;
			break;
		}
		if (!strcasecmp(sb.buf, "n") || !strcasecmp(sb.buf, "no")) {
			*yes = 0;
			break;
		}
		fprintf(stderr, "please answer y or n\n");
	}
	sbuf_release(&sb);
	return ret;
}

/* The items shown (indexes into items), numbered from 1. */
static void list_choices(const struct strvec *items, const size_t *shown, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		fprintf(stderr, "%4zu) ", i + 1);
		output_text(stderr, items->v[shown[i]], SAFE_ONE_LINE);
		fputc('\n', stderr);
	}
}

/* Keep of shown those whose text contains typed (ignoring case); how many are left. */
static size_t narrow(const struct strvec *items, size_t *shown, size_t nr, const char *typed)
{
	size_t kept = 0;

	for (size_t i = 0; i < nr; i++)
		if (strcasestr(items->v[shown[i]], typed))
			shown[kept++] = shown[i];
	return kept;
}

int prompt_choose(const char *question, const struct strvec *items, size_t *index)
{
	struct sbuf sb = SBUF_INIT;
	size_t *shown, nr = items->nr;
	int ret;

	if (!items->nr)
		BUG("prompt_choose without anything to choose");
	if (!prompt_can_ask())
		return PROMPT_NO_TTY;
	shown = xcalloc(nr, sizeof(*shown));
	for (size_t i = 0; i < nr; i++)
		shown[i] = i;
	list_choices(items, shown, nr);
	while ((ret = ask(&sb, "%s [1-%zu, or type to narrow]: ", question, nr)) == PROMPT_OK) {
		char *end;
		long n;
		size_t left;

		errno = 0;
		n = strtol(sb.buf, &end, 10);
		if (sb.len && !*end && !errno && n >= 1 && (size_t)n <= nr) {
			*index = shown[n - 1];
			break;
		}
		if (!sb.len || !*end) {
			fprintf(stderr, "please answer a number from 1 to %zu\n", nr);
			continue;
		}
		left = narrow(items, shown, nr, sb.buf);
		if (left == 1) {
			*index = shown[0];
			fputs("  -> ", stderr);
			output_text(stderr, items->v[*index], SAFE_ONE_LINE);
			fputc('\n', stderr);
			break;
		}
		if (left) {
			nr = left;
			list_choices(items, shown, nr);
		} else {
			/* narrow() keeps nothing out when nothing matches */
			fprintf(stderr, "nothing matches '%s'; answer a number from 1 to %zu\n",
				sb.buf, nr);
		}
	}
	free(shown);
	sbuf_release(&sb);
	return ret;
}

_Noreturn void prompt_die_missing(const char *option)
{
	if (disabled)
		die_with(EXIT_USAGE, "missing %s; pass it (prompts are off with --no-input)", option);
	if (!isatty(STDIN_FILENO))
		die_with(EXIT_USAGE, "missing %s; pass it or run on a terminal", option);
	die_with(EXIT_USAGE, "missing %s; pass it or answer the prompt", option);
}
