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

/// Converts `count` bytes in the charset named `charset` (any name or alias ICU knows, such
/// as "windows-1252", "ISO-8859-2" or "Shift_JIS") to UTF-8 in `out`, replacing bytes the
/// charset does not define with U+FFFD. Returns the UTF-8 length, which may exceed `capacity`
/// (then call again with a buffer that size). Sets *status to a positive ICU error code on
/// failure: U_FILE_ACCESS_ERROR (4) for a charset ICU does not know.
int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int32_t count, uint8_t *out,
                             int32_t capacity, int32_t *status);

/// The ICU version the library was built against, such as "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
