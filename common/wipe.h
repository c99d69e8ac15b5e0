/*
 * Zeroing copies of the API key before their memory is freed, so that a
 * core dump or a later allocation does not show it. explicit_bzero(),
 * which the compiler may not drop as a dead store.
 */
#ifndef SYNCRO_WIPE_H
#define SYNCRO_WIPE_H

#include "sbuf.h"

/* libyaml's yaml_parser_t and yaml_document_t: includers need not see <yaml.h>. */
struct yaml_parser_s;
struct yaml_document_s;

/* Zero s up to its NUL; NULL is fine. Does not free it. */
void wipe_string(char *s);

/* Zero sb's whole allocation (a trim may have left bytes past len), then release it. */
void wipe_sbuf(struct sbuf *sb);

/*
 * Zero what libyaml holds of a file's text: the parser's input buffers
 * and every scalar of doc (doc may be NULL when loading failed). Call
 * before yaml_document_delete() and yaml_parser_delete().
 */
void wipe_yaml(struct yaml_parser_s *parser, struct yaml_document_s *doc);

#endif
