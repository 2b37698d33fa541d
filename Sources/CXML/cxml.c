#include "cxml.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(CXML_UNDECLARED_ENTITY == XML_ERR_UNDECLARED_ENTITY, "libxml2's code for an undeclared entity");

struct cxml_parser {
  xmlParserCtxtPtr context;
  cxml_callbacks callbacks;
  void *user;
};

static void start(void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int namespace_count,
                  const xmlChar **namespaces, int attribute_count, int defaulted_count, const xmlChar **attributes) {
  (void)uri, (void)namespace_count, (void)namespaces, (void)defaulted_count;
  cxml_parser *parser = data;
  parser->callbacks.start(parser->user, local, prefix, attribute_count, (const uint8_t *const *)attributes);
}

static void end(void *data, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
  (void)uri;
  cxml_parser *parser = data;
  parser->callbacks.end(parser->user, local, prefix);
}

static void characters(void *data, const xmlChar *text, int length) {
  cxml_parser *parser = data;
  parser->callbacks.characters(parser->user, text, length);
}

// Declarations are passed on, never stored: with no entity stored and `getEntity` unset,
// every reference but the predefined ones and character references finds nothing.
static void entity_declared(void *data, const xmlChar *name, int type, const xmlChar *public_id,
                            const xmlChar *system_id, xmlChar *content) {
  (void)type, (void)public_id, (void)system_id, (void)content;
  cxml_parser *parser = data;
  parser->callbacks.entity_declared(parser->user, name);
}

static void reference(void *data, const xmlChar *name) {
  cxml_parser *parser = data;
  parser->callbacks.entity_skipped(parser->user, name);
}

static void error(void *data, xmlErrorPtr error) {
  cxml_parser *parser = data;
  int conversion = error->domain == XML_FROM_I18N && error->level != XML_ERR_WARNING;
  if (error->level != XML_ERR_FATAL && !conversion) return;
  // An error raised outside the parser carries no position: the parser's stands for it.
  int line = error->line > 0 ? error->line : xmlSAX2GetLineNumber(parser->context);
  int column = error->line > 0 ? error->int2 : xmlSAX2GetColumnNumber(parser->context);
  const uint8_t *name = error->code == XML_ERR_UNDECLARED_ENTITY ? (const uint8_t *)error->str1 : NULL;
  parser->callbacks.error(parser->user, error->code, conversion, line, column, name);
}

cxml_parser *cxml_create(const cxml_callbacks *callbacks, void *context, const char *first, int32_t count) {
  xmlInitParser();
  cxml_parser *parser = calloc(1, sizeof *parser);
  if (parser == NULL) return NULL;
  parser->callbacks = *callbacks;
  parser->user = context;
  xmlSAXHandler handler;
  memset(&handler, 0, sizeof handler);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = start;
  handler.endElementNs = end;
  handler.characters = characters;
  handler.ignorableWhitespace = characters;
  handler.cdataBlock = characters;
  handler.entityDecl = entity_declared;
  handler.reference = reference;
  handler.serror = error;
  // The handler is copied into the context; `parser` is what the callbacks receive.
  parser->context = xmlCreatePushParserCtxt(&handler, parser, first, count, NULL);
  if (parser->context == NULL) {
    free(parser);
    return NULL;
  }
  xmlCtxtUseOptions(parser->context, XML_PARSE_NONET);
  return parser;
}

void cxml_feed(cxml_parser *parser, const char *bytes, int32_t count, int32_t last) {
  // Errors raised outside the parser's context go to the thread's handler, which would
  // print them: it is ours while the parser runs.
  xmlStructuredErrorFunc previous = xmlStructuredError;
  void *previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(parser, error);
  xmlParseChunk(parser->context, bytes, count, last);
  xmlSetStructuredErrorFunc(previous_context, previous);
}

void cxml_stop(cxml_parser *parser) { xmlStopParser(parser->context); }

int32_t cxml_line(cxml_parser *parser) { return xmlSAX2GetLineNumber(parser->context); }

int32_t cxml_column(cxml_parser *parser) { return xmlSAX2GetColumnNumber(parser->context); }

int32_t cxml_well_formed(cxml_parser *parser) { return parser->context->wellFormed; }

void cxml_free(cxml_parser *parser) {
  xmlFreeParserCtxt(parser->context);
  free(parser);
}
