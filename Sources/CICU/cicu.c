#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/uversion.h>

struct cicu_sentence_iterator {
  UBreakIterator *breaker;
  UChar *text;             /* the UTF-16 copy of the current text */
  int32_t text_capacity;
  int32_t *breaks;         /* UTF-8 offsets handed back to the caller */
  int32_t breaks_capacity;
  /* For each non-ASCII scalar, in order: the UTF-16 offset after it, and how many more
     UTF-8 bytes than UTF-16 units the text holds up to there. */
  int32_t *shifts;
  int32_t shifts_capacity;
};

cicu_sentence_iterator *cicu_sentence_iterator_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *breaker = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &code);
  *status = (int32_t)code;
  if (U_FAILURE(code)) {
    return NULL;
  }
  cicu_sentence_iterator *iterator = calloc(1, sizeof(cicu_sentence_iterator));
  if (iterator == NULL) {
    ubrk_close(breaker);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  iterator->breaker = breaker;
  return iterator;
}

/* Grows *buffer to hold at least `needed` elements of `size` bytes. */
static int reserve(void **buffer, int32_t *capacity, int32_t needed, size_t size) {
  if (*capacity >= needed) {
    return 1;
  }
  int32_t grown = needed > 1024 ? needed : 1024;
  void *resized = realloc(*buffer, (size_t)grown * size);
  if (resized == NULL) {
    return 0;
  }
  *buffer = resized;
  *capacity = grown;
  return 1;
}

/* Whether the 8 bytes at `bytes` are all ASCII. */
static inline int is_ascii8(const uint8_t *bytes) {
  uint64_t word;
  memcpy(&word, bytes, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

/* Converts well-formed UTF-8 (Swift strings always are) to UTF-16 in iterator->text, which
   has room for `length` units, and records the byte shift after each non-ASCII scalar.
   Returns the number of units, or -1 when memory runs out. ASCII runs go 8 bytes at a time. */
static int32_t utf8_to_utf16(cicu_sentence_iterator *iterator, const uint8_t *utf8, int32_t length,
                             int32_t *shift_count) {
  UChar *out = iterator->text;
  int32_t byte = 0;
  int32_t unit = 0;
  int32_t shifts = 0;
  while (byte < length) {
    if (byte + 8 <= length && is_ascii8(utf8 + byte)) {
      for (int k = 0; k < 8; k++) {
        out[unit + k] = utf8[byte + k];
      }
      byte += 8; unit += 8;
      continue;
    }
    uint32_t lead = utf8[byte];
    if (lead < 0x80) {
      out[unit++] = (UChar)lead;
      byte += 1;
      continue;
    }
    if (lead < 0xE0) {
      out[unit++] = (UChar)(((lead & 0x1F) << 6) | (utf8[byte + 1] & 0x3F));
      byte += 2;
    } else if (lead < 0xF0) {
      out[unit++] = (UChar)(((lead & 0x0F) << 12) | ((utf8[byte + 1] & 0x3F) << 6) | (utf8[byte + 2] & 0x3F));
      byte += 3;
    } else {
      uint32_t scalar = ((lead & 0x07) << 18) | ((utf8[byte + 1] & 0x3F) << 12) |
                        ((utf8[byte + 2] & 0x3F) << 6) | (utf8[byte + 3] & 0x3F);
      scalar -= 0x10000;
      out[unit++] = (UChar)(0xD800 | (scalar >> 10));
      out[unit++] = (UChar)(0xDC00 | (scalar & 0x3FF));
      byte += 4;
    }
    if (!reserve((void **)&iterator->shifts, &iterator->shifts_capacity, 2 * (shifts + 1), sizeof(int32_t))) {
      return -1;
    }
    iterator->shifts[2 * shifts] = unit;
    iterator->shifts[2 * shifts + 1] = byte - unit;
    shifts += 1;
  }
  *shift_count = shifts;
  return unit;
}

const int32_t *cicu_sentence_breaks(cicu_sentence_iterator *iterator, const uint8_t *utf8,
                                    int32_t length, int32_t *count, int32_t *status) {
  *count = 0;
  *status = U_ZERO_ERROR;
  if (!reserve((void **)&iterator->text, &iterator->text_capacity, length + 1, sizeof(UChar))) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  UErrorCode code = U_ZERO_ERROR;
  int32_t shift_count = 0;
  int32_t units = utf8_to_utf16(iterator, utf8, length, &shift_count);
  if (units < 0) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  ubrk_setText(iterator->breaker, iterator->text, units, &code);
  if (U_FAILURE(code)) {
    *status = (int32_t)code;
    return NULL;
  }
  /* A boundary at UTF-16 offset u is at byte u + the shift of the last non-ASCII scalar
     before it. */
  int32_t next_shift = 0;
  int32_t shift = 0;
  int32_t found = 0;
  for (int32_t boundary = ubrk_next(iterator->breaker); boundary != UBRK_DONE;
       boundary = ubrk_next(iterator->breaker)) {
    while (next_shift < shift_count && iterator->shifts[2 * next_shift] <= boundary) {
      shift = iterator->shifts[2 * next_shift + 1];
      next_shift += 1;
    }
    if (!reserve((void **)&iterator->breaks, &iterator->breaks_capacity, found + 1, sizeof(int32_t))) {
      *status = U_MEMORY_ALLOCATION_ERROR;
      return NULL;
    }
    iterator->breaks[found++] = boundary + shift;
  }
  *count = found;
  return iterator->breaks;
}

void cicu_sentence_iterator_close(cicu_sentence_iterator *iterator) {
  if (iterator == NULL) {
    return;
  }
  ubrk_close(iterator->breaker);
  free(iterator->text);
  free(iterator->breaks);
  free(iterator->shifts);
  free(iterator);
}

const char *cicu_version(void) {
  static char version[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo info;
  u_getVersion(info);
  u_versionToString(info, version);
  return version;
}

int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int32_t count, uint8_t *out,
                             int32_t capacity, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = ucnv_convert("UTF-8", charset, (char *)out, capacity, (const char *)bytes, count, &error);
  *status = error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING ? 0 : (int32_t)error;
  return length;
}
