#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct cicu_sentence_iterator {
  UBreakIterator *breaker;
  UText *text;
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

int32_t cicu_sentence_iterator_set_text(cicu_sentence_iterator *iterator,
                                        const uint8_t *utf8, int64_t length) {
  UErrorCode code = U_ZERO_ERROR;
  iterator->text = utext_openUTF8(iterator->text, (const char *)utf8, length, &code);
  if (U_FAILURE(code)) {
    return (int32_t)code;
  }
  ubrk_setUText(iterator->breaker, iterator->text, &code);
  return (int32_t)code;
}

int64_t cicu_sentence_iterator_next(cicu_sentence_iterator *iterator) {
  int32_t boundary = ubrk_next(iterator->breaker);
  if (boundary == UBRK_DONE) {
    return -1;
  }
  // With a UTF-8 UText, boundaries are native (byte) indexes.
  return (int64_t)boundary;
}

void cicu_sentence_iterator_close(cicu_sentence_iterator *iterator) {
  if (iterator == NULL) {
    return;
  }
  ubrk_close(iterator->breaker);
  if (iterator->text != NULL) {
    utext_close(iterator->text);
  }
  free(iterator);
}

int32_t cicu_fold_case(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *folder = unorm2_getNFKCCasefoldInstance(&code);
  if (U_FAILURE(code)) {
    return -1;
  }
  int32_t needed = unorm2_normalize(folder, (const UChar *)text, length, (UChar *)out, capacity, &code);
  if (code == U_BUFFER_OVERFLOW_ERROR) {
    return needed;
  }
  if (U_FAILURE(code)) {
    return -1;
  }
  return needed;
}

const char *cicu_version(void) {
  static char version[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo info;
  u_getVersion(info);
  u_versionToString(info, version);
  return version;
}
