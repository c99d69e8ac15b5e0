/*
 * UTF-8 as the terminal shows it: how many columns a string takes and how
 * to cut it to a width. Decoding and the width table are our own, so the
 * result does not depend on the locale (tests run under LANG=C).
 *
 * Widths follow Unicode's East Asian Width: wide and fullwidth characters
 * (CJK, Hangul, most emoji) take 2 columns, combining marks and zero-width
 * format characters 0, everything else 1. A byte that is not valid UTF-8
 * counts as one column and is shown as U+FFFD; a control character counts
 * as one column and is shown as a space.
 */
#ifndef SYNCRO_UTF8_H
#define SYNCRO_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sbuf.h"

#define UTF8_ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */

/*
 * Decode the character at s (len > 0 bytes available) into *cp; returns
 * the bytes it takes (1 to 4). Invalid or overlong sequences, surrogates
 * and truncated sequences give U+FFFD and a length of 1.
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * The bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069), which reorder the text after them on a terminal: the
 * safe views below drop them (and show U+2028 and U+2029, line and
 * paragraph separators, as controls).
 */
int utf8_is_bidi_control(uint32_t cp);

/* Columns one character takes as shown: 0, 1 or 2. */
int utf8_char_width(uint32_t cp);

/* Columns the NUL-terminated string s takes. */
size_t utf8_width(const char *s);

/*
 * Append s to sb in at most width columns. A string that does not fit is
 * cut on a character boundary and ends with the ellipsis; a zero-width
 * character (a combining mark) stays with the character it follows.
 * Control characters (newline, tab, escape...) become one space each, so
 * API text can never move the cursor or inject terminal escapes; invalid
 * bytes become U+FFFD. Returns the columns appended.
 */
size_t utf8_add_cut(struct sbuf *sb, const char *s, size_t width);

/*
 * Append s for a terminal, as utf8_add_cut() shows a cell but uncut: every
 * control character (C0, DEL and C1: ESC, BEL, CSI...; U+2028, U+2029)
 * becomes a space, bidi controls are dropped and invalid bytes U+FFFD, so text from the API can never move the cursor,
 * retitle the window or inject escapes. SAFE_LINES keeps newlines and tabs
 * (and turns CRLF into a newline) for multi-line text such as a comment's
 * body; SAFE_ONE_LINE makes them spaces too, for a subject or a name.
 */
enum safe_text { SAFE_ONE_LINE, SAFE_LINES };
void utf8_add_safe(struct sbuf *sb, const char *s, enum safe_text how);

/* utf8_add_cut into a new string; the caller frees it. */
char *utf8_cut(const char *s, size_t width);

/*
 * Text from outside (the API's subjects, comments, names; a server's headers) on fp, made safe
 * for a terminal by utf8_add_safe(): how says whether newlines and tabs
 * stay. Every print of API text outside a table goes through this.
 */
void output_text(FILE *fp, const char *text, enum safe_text how);

/*
 * text (already safe, lines split at '\n') appended to sb line by line,
 * each line after indent and ending in '\n', wrapped at spaces so that no
 * line is wider than width columns (indent included); a word wider than
 * that has a line of its own, never cut. width 0: no wrapping.
 */
void utf8_add_wrapped(struct sbuf *sb, const char *text, const char *indent, size_t width);

#endif
