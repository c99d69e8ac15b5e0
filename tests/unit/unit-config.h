/* Load a config file with the given text from the test's HOME (unit-home.h). */
#ifndef SYNCRO_UNIT_CONFIG_H
#define SYNCRO_UNIT_CONFIG_H

#include "config.h"

/* The caller releases cfg. */
static inline void load_text(struct syncro_config *cfg, const char *text)
{
	char *path = home_file("config.yaml");

	write_file(path, text);
	ck_assert_int_eq(config_load(cfg, path), 0);
	free(path);
}

#endif
