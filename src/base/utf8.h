/* utf8: validation with repair, NFC normalisation, and folding of typographic characters.
 * Ownership: functions write into the caller's strbuf; inputs are borrowed. */
#ifndef SITREP_UTF8_H
#define SITREP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

/* Append s to out as valid UTF-8: invalid or overlong sequences, NUL bytes and C0 controls
 * other than tab and newline become U+FFFD (controls are dropped; CR becomes newline unless
 * followed by one). A leading byte-order mark is dropped. Returns the number of replacements. */
size_t utf8_clean(const char *s, size_t len, struct strbuf *out);

/* utf8_clean on sb's own bytes, without a second buffer (but for the rest of the text after
 * a replacement that would not fit). Returns the number of replacements. */
size_t utf8_clean_inplace(struct strbuf *sb);

/* Normalise sb to NFC in place (utf8proc), window by window, so that memory does not grow with
 * the text. Input must be valid UTF-8. */
void utf8_nfc(struct strbuf *sb);

/* Decode one code point at s (len > 0); *adv gets its byte length (>= 1). Invalid bytes
 * decode as U+FFFD with *adv = 1. */
uint32_t utf8_decode(const char *s, size_t len, size_t *adv);

/* The ASCII character used for matching in place of cp: curly quotes fold to ' or ",
 * dashes and minus to '-', non-breaking and other spaces to ' ', Latin letters with
 * diacritics to their base letter. Returns 0 when cp has no fold (keep as is). */
int utf8_fold(uint32_t cp);

/* Append s (len bytes) to out with every foldable character folded and ASCII lowercased. */
void utf8_fold_lower(const char *s, size_t len, struct strbuf *out);

#endif
