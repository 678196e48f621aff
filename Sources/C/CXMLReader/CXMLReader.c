#include <libxml/xmlversion.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include "CXMLReader.h"

struct rsp_xml_reader {
    xmlTextReaderPtr reader;
    // libxml2 reads from the buffer lazily, so the reader keeps its own copy alive.
    uint8_t *bytes;
    int32_t error_line;
    char *error_message;
};

int32_t rsp_xml_library_version(void) { return LIBXML_VERSION; }

static void rsp_set_error(rsp_xml_reader *reader, int32_t line, const char *message) {
    if (reader->error_message != NULL) return; // keep the first error: later ones are consequences
    reader->error_line = line;
    const char *text = message != NULL ? message : "malformed XML";
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' ')) length--;
    reader->error_message = malloc(length + 1);
    if (reader->error_message != NULL) {
        memcpy(reader->error_message, text, length);
        reader->error_message[length] = '\0';
    }
}

static void rsp_structured_error(void *context, xmlErrorPtr error) {
    if (error == NULL || error->level < XML_ERR_ERROR) return;
    rsp_set_error((rsp_xml_reader *)context, error->line, error->message);
}

rsp_xml_reader *rsp_xml_reader_create(const uint8_t *bytes, size_t length, const char *name) {
    if (length > INT32_MAX) return NULL;
    rsp_xml_reader *result = calloc(1, sizeof(rsp_xml_reader));
    if (result == NULL) return NULL;
    result->bytes = malloc(length > 0 ? length : 1);
    if (result->bytes == NULL) {
        free(result);
        return NULL;
    }
    if (length > 0) memcpy(result->bytes, bytes, length);
    // NONET only: no NOENT, DTDLOAD, DTDATTR or XINCLUDE, and no HUGE (keep libxml2's size limits).
    result->reader = xmlReaderForMemory((const char *)result->bytes, (int)length, name, NULL, XML_PARSE_NONET);
    if (result->reader == NULL) {
        free(result->bytes);
        free(result);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(result->reader, rsp_structured_error, result);
    return result;
}

void rsp_xml_reader_free(rsp_xml_reader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader->bytes);
    free(reader->error_message);
    free(reader);
}

int32_t rsp_xml_reader_read(rsp_xml_reader *reader) {
    if (reader->error_message != NULL) return -1;
    int status = xmlTextReaderRead(reader->reader);
    if (status < 0) {
        rsp_set_error(reader, xmlTextReaderGetParserLineNumber(reader->reader), NULL);
        return -1;
    }
    if (status == 1 && xmlTextReaderNodeType(reader->reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
        rsp_set_error(reader, xmlTextReaderGetParserLineNumber(reader->reader),
                      "document type declarations (DOCTYPE) are not allowed");
        return -1;
    }
    return status == 1 ? 1 : 0;
}

int32_t rsp_xml_reader_node_type(rsp_xml_reader *reader) { return xmlTextReaderNodeType(reader->reader); }

int32_t rsp_xml_reader_depth(rsp_xml_reader *reader) { return xmlTextReaderDepth(reader->reader); }

int32_t rsp_xml_reader_is_empty_element(rsp_xml_reader *reader) {
    return xmlTextReaderIsEmptyElement(reader->reader) == 1 ? 1 : 0;
}

static const char *rsp_or_empty(const xmlChar *text) { return text != NULL ? (const char *)text : ""; }

const char *rsp_xml_reader_local_name(rsp_xml_reader *reader) {
    return rsp_or_empty(xmlTextReaderConstLocalName(reader->reader));
}

const char *rsp_xml_reader_namespace_uri(rsp_xml_reader *reader) {
    return rsp_or_empty(xmlTextReaderConstNamespaceUri(reader->reader));
}

const char *rsp_xml_reader_value(rsp_xml_reader *reader) {
    return rsp_or_empty(xmlTextReaderConstValue(reader->reader));
}

char *rsp_xml_reader_attribute(rsp_xml_reader *reader, const char *local_name) {
    if (xmlTextReaderNodeType(reader->reader) != XML_READER_TYPE_ELEMENT) return NULL;
    char *result = NULL;
    if (xmlTextReaderMoveToFirstAttribute(reader->reader) == 1) {
        do {
            const xmlChar *name = xmlTextReaderConstLocalName(reader->reader);
            if (name != NULL && strcmp((const char *)name, local_name) == 0) {
                const xmlChar *value = xmlTextReaderConstValue(reader->reader);
                result = strdup(rsp_or_empty(value));
                break;
            }
        } while (xmlTextReaderMoveToNextAttribute(reader->reader) == 1);
        xmlTextReaderMoveToElement(reader->reader);
    }
    return result;
}

void rsp_xml_free_string(char *string) { free(string); }

int32_t rsp_xml_reader_line(rsp_xml_reader *reader) {
    return xmlTextReaderGetParserLineNumber(reader->reader);
}

int32_t rsp_xml_reader_error_line(rsp_xml_reader *reader) { return reader->error_line; }

const char *rsp_xml_reader_error_message(rsp_xml_reader *reader) { return reader->error_message; }
