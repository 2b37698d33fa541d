#ifndef CXML_H
#define CXML_H

// A plain-C facade over libxml2's SAX2 push parser, set up for hostile input. Only
// <stdint.h> types cross this boundary: libxml2's headers include the system's ICU, which
// clashes with the ICU that Foundation bundles on Linux in any Swift module that sees both.

#include <stdint.h>

#include "chtml.h"

#ifdef __cplusplus
extern "C" {
#endif

/// libxml2's code for a reference to an entity that is not declared (XML_ERR_UNDECLARED_ENTITY).
#define CXML_UNDECLARED_ENTITY 26

/// What the parser reports, each called with the `context` given to `cxml_create`. Names are
/// UTF-8, NUL-terminated and interned: one address stands for one name for the whole parse.
typedef struct {
  /// An element starts; `attributes` holds five pointers an attribute: local name, prefix
  /// (or NULL), namespace, value start, value end (the value is not NUL-terminated).
  void (*start)(void *context, const uint8_t *local, const uint8_t *prefix, int32_t attribute_count,
                const uint8_t *const *attributes);
  void (*end)(void *context, const uint8_t *local, const uint8_t *prefix);
  /// Text, CDATA included, in UTF-8; one run of text may come in several calls.
  void (*characters)(void *context, const uint8_t *text, int32_t length);
  /// The DTD declares a general entity (which is never expanded).
  void (*entity_declared)(void *context, const uint8_t *name);
  /// A reference to an entity that was not expanded, in a document with an external DTD.
  void (*entity_skipped)(void *context, const uint8_t *name);
  /// A failure: a fatal error (not well-formed), or bytes the document's encoding does not
  /// allow (`conversion` 1, with the position the parser had reached). `name` is the entity's
  /// for CXML_UNDECLARED_ENTITY, else NULL. Warnings and non-fatal errors are not reported.
  void (*error)(void *context, int32_t code, int32_t conversion, int32_t line, int32_t column,
                const uint8_t *name);
} cxml_callbacks;

typedef struct cxml_parser cxml_parser;

/// A push parser that never expands entities declared in a DTD, never reads an external DTD
/// or entity, never touches the network and keeps libxml2's size limits. `first` holds the
/// document's first bytes (up to 4 are enough), from which it guesses the encoding. NULL when
/// libxml2 cannot make one.
cxml_parser *cxml_create(const cxml_callbacks *callbacks, void *context, const char *first, int32_t count);

/// Parses `count` more bytes; `last` is 1 for the end of the document. Errors raised outside
/// the parser while it runs (a failed encoding conversion) reach `error` too, never stderr.
void cxml_feed(cxml_parser *parser, const char *bytes, int32_t count, int32_t last);

/// Stops the parse: for use from within a callback (not `error`).
void cxml_stop(cxml_parser *parser);

int32_t cxml_line(cxml_parser *parser);
int32_t cxml_column(cxml_parser *parser);
/// 1 while no fatal error has been seen.
int32_t cxml_well_formed(cxml_parser *parser);

void cxml_free(cxml_parser *parser);

#ifdef __cplusplus
}
#endif

#endif
