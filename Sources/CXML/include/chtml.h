#ifndef CHTML_H
#define CHTML_H

// A plain-C facade over libxml2's HTML parser (tag soup in, well-nested events out), for
// reading saved web pages. As with cxml.h, only <stdint.h> types cross this boundary.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What the HTML parser reports, each called with the `context` given to `chtml_parse`.
/// Element names are lower-case UTF-8, NUL-terminated and interned for the parse.
typedef struct {
  /// An element starts; `attributes` is NULL or a NULL-terminated list of name, value
  /// pairs (a value is NULL for an attribute written without one).
  void (*start)(void *context, const uint8_t *name, const uint8_t *const *attributes);
  /// An element ends; the parser closes every element it opened, in order, even when the
  /// markup does not.
  void (*end)(void *context, const uint8_t *name);
  /// Text in UTF-8, character references decoded; one run of text may come in several calls.
  void (*characters)(void *context, const uint8_t *text, int32_t length);
} chtml_callbacks;

/// Parses a whole HTML document, given as UTF-8 (the caller decodes the page's charset; any
/// charset the page declares is ignored). The parser recovers from broken markup, never
/// touches the network, never loads a DTD and reports nothing on standard error. It stops
/// at the first element nested deeper than `max_depth`. Returns 0, 1 when it stopped for
/// depth, or -1 when libxml2 could not make a parser.
int32_t chtml_parse(const chtml_callbacks *callbacks, void *context, const char *utf8, int32_t count,
                    int32_t max_depth);

#ifdef __cplusplus
}
#endif

#endif
