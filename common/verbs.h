/* The core verbs: what the dispatcher refuses to let PATH shadow. */
#ifndef SYNCRO_VERBS_H
#define SYNCRO_VERBS_H

struct core_verb {
	const char *name;
	const char *summary;
	int hidden;	/* not listed by help or completion */
};

/* Ends with a { NULL } entry. */
extern const struct core_verb core_verbs[];

const struct core_verb *find_core_verb(const char *name);

#endif
