/*
 * Weighted edit distance, as git uses it for "did you mean": w = swap of
 * two neighbours, s = substitution, a = insertion, d = deletion.
 */
#ifndef SYNCRO_LEVENSHTEIN_H
#define SYNCRO_LEVENSHTEIN_H

int levenshtein(const char *s1, const char *s2, int w, int s, int a, int d);

/* The distance used for command and status suggestions (git's weights). */
#define suggestion_distance(typed, candidate) levenshtein((typed), (candidate), 0, 2, 1, 3)

#endif
