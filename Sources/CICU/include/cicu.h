#ifndef CICU_H
#define CICU_H

// A plain-C facade over the parts of ICU that Selaras uses. Only <stdint.h> types
// cross this boundary, so Swift never sees ICU's headers (which clash with the ICU
// that Foundation bundles on Linux) or its versioned symbol names.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU sentence break iterator working directly on UTF-8 text.
typedef struct cicu_sentence_iterator cicu_sentence_iterator;

/// Opens a sentence break iterator for a locale such as "id" or "en".
/// Returns NULL and sets *status to a positive ICU error code on failure.
/// Negative codes are ICU warnings (e.g. the root rules used for "id") and not failures.
cicu_sentence_iterator *cicu_sentence_iterator_open(const char *locale, int32_t *status);

/// Finds the sentence boundaries of `length` bytes of well-formed UTF-8.
/// Returns the UTF-8 byte offset after each sentence, the last one being `length`, in a
/// buffer owned by the iterator and valid until its next use; `*count` receives their
/// number. Returns NULL and sets *status to a positive ICU error code on failure.
/// (The text is converted to UTF-16 first: ICU breaks UTF-16 several times faster than
/// UTF-8 through UText.)
const int32_t *cicu_sentence_breaks(cicu_sentence_iterator *iterator, const uint8_t *utf8,
                                    int32_t length, int32_t *count, int32_t *status);

void cicu_sentence_iterator_close(cicu_sentence_iterator *iterator);

/// The ICU version the library was built against, such as "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
