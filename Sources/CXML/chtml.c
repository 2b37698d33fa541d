#include "chtml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  chtml_callbacks callbacks;
  void *user;
  int32_t depth;
  int32_t max_depth;
  int32_t too_deep;
} chtml_run;

static void start(void *data, const xmlChar *name, const xmlChar **attributes) {
  htmlParserCtxtPtr parser = data;
  chtml_run *run = parser->_private;
  if (run->too_deep) return;
  if (++run->depth > run->max_depth) {
    run->too_deep = 1;
    xmlStopParser(parser);
    return;
  }
  run->callbacks.start(run->user, name, (const uint8_t *const *)attributes);
}

static void end(void *data, const xmlChar *name) {
  chtml_run *run = ((htmlParserCtxtPtr)data)->_private;
  if (run->too_deep) return;
  run->depth--;
  run->callbacks.end(run->user, name);
}

static void characters(void *data, const xmlChar *text, int length) {
  chtml_run *run = ((htmlParserCtxtPtr)data)->_private;
  if (run->too_deep) return;
  run->callbacks.characters(run->user, text, length);
}

static void quiet(void *data, xmlErrorPtr error) { (void)data, (void)error; }

int32_t chtml_parse(const chtml_callbacks *callbacks, void *context, const char *utf8, int32_t count,
                    int32_t max_depth) {
  xmlInitParser();
  htmlParserCtxtPtr parser = htmlCreateMemoryParserCtxt(utf8, count);
  if (parser == NULL) return -1;
  chtml_run run = {*callbacks, context, 0, max_depth, 0};
  // The context's own handler is replaced wholesale: no tree is built, and errors go nowhere.
  memset(parser->sax, 0, sizeof *parser->sax);
  parser->sax->startElement = start;
  parser->sax->endElement = end;
  parser->sax->characters = characters;
  parser->sax->cdataBlock = characters;
  parser->sax->ignorableWhitespace = characters;
  parser->sax->serror = quiet;
  parser->sax->initialized = 1;
  parser->userData = parser;
  parser->_private = &run;
  htmlCtxtUseOptions(parser, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                 HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
  xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8);
  xmlStructuredErrorFunc previous = xmlStructuredError;
  void *previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, quiet);
  htmlParseDocument(parser);
  xmlSetStructuredErrorFunc(previous_context, previous);
  parser->_private = NULL;
  htmlFreeParserCtxt(parser);
  return run.too_deep ? 1 : 0;
}
