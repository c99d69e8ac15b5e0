#include "compat.h"
#include "api.h"
#include "config.h"
#include "exit-codes.h"
#include "prompt.h"
#include "usage.h"
#include "write-plan.h"

void write_plan_say(struct write_plan *plan, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strvec_push(&plan->words, sb.buf);
	sbuf_release(&sb);
}

void write_plan_request(struct write_plan *plan, const char *method, const char *path,
			const cJSON *body)
{
	if (!plan->bodies)
		plan->bodies = cJSON_CreateArray();
	strvec_push(&plan->methods, method);
	strvec_push(&plan->paths, path);
	cJSON_AddItemToArray(plan->bodies, body ? cJSON_Duplicate(body, 1) : cJSON_CreateNull());
}

void write_plan_print(const struct write_plan *plan, FILE *fp)
{
	for (size_t i = 0; i < plan->words.nr; i++)
		fprintf(fp, "%s\n", plan->words.v[i]);
	for (size_t i = 0; i < plan->methods.nr; i++) {
		const cJSON *body = cJSON_GetArrayItem(plan->bodies, (int)i);
		struct api_request req = { plan->methods.v[i], plan->paths.v[i], NULL,
					   cJSON_IsNull(body) ? NULL : body, NULL };

		api_print_request(fp, &req);
	}
}

void write_plan_go(const struct write_plan *plan, const struct verb_spec *verb,
		   int dry_run, int yes, int ask_always)
{
	int go = 0;

	if (dry_run) {
		write_plan_print(plan, stdout);
		fflush(stdout);
		exit(EXIT_OK);
	}
	if (!write_plan_wanted(0, yes, ask_always))
		return;
	write_plan_need_terminal(verb);
	fflush(stdout);
	write_plan_print(plan, stderr);
	if (prompt_yes_no("Send?", 0, &go) == PROMPT_OK && go)
		return;
	die("nothing sent");
}

void write_plan_need_terminal(const struct verb_spec *verb)
{
	if (!prompt_can_ask())
		usage_error(verb, "this would write to Syncro and there is no terminal to "
			    "confirm it; pass --yes to send, or --dry-run to see what it would send");
}

int write_plan_wanted(int dry_run, int yes, int ask_always)
{
	return dry_run || (!yes && (ask_always || config_get()->confirm_writes));
}

void write_plan_release(struct write_plan *plan)
{
	strvec_clear(&plan->words);
	strvec_clear(&plan->methods);
	strvec_clear(&plan->paths);
	cJSON_Delete(plan->bodies);
	plan->bodies = NULL;
}
