/*
 * Zeroing copies of the API key before their memory is freed, so that a
 * core dump or a later allocation does not show it. explicit_bzero(),
 * which the compiler may not drop as a dead store.
 */
#ifndef SYNCRO_WIPE_H
#define SYNCRO_WIPE_H

#include <yaml.h>

#include "sbuf.h"

/* Zero s up to its NUL; NULL is fine. Does not free it. */
void wipe_string(char *s);

/* Zero sb's whole allocation (a trim may have left bytes past len), then release it. */
void wipe_sbuf(struct sbuf *sb);

/*
 * Zero what libyaml holds of a file's text: the parser's input buffers
 * and every scalar of doc (doc may be NULL when loading failed). Call
 * before yaml_document_delete() and yaml_parser_delete().
 */
void wipe_yaml(yaml_parser_t *parser, yaml_document_t *doc);

#endif
