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

// libxml2 2.12 made the handler's error parameter const.
#if LIBXML_VERSION >= 21200
static void rsp_structured_error(void *context, const xmlError *error) {
#else
static void rsp_structured_error(void *context, xmlErrorPtr error) {
#endif
    if (error == NULL || error->level < XML_ERR_ERROR) return;
    rsp_set_error((rsp_xml_reader *)context, error->line, error->message);
}

// The code unit at `index` of a UTF-8 (width 1) or UTF-16 (width 2) document; UTF-16 units above
// 0x7F are folded to 0x80, since only ASCII markup matters to the prolog scan below.
static uint32_t rsp_unit(const uint8_t *bytes, size_t index, size_t width, int big_endian) {
    if (width == 1) return bytes[index];
    uint32_t unit = big_endian ? (uint32_t)bytes[index] << 8 | bytes[index + 1] : (uint32_t)bytes[index + 1] << 8 | bytes[index];
    return unit > 0x7F ? 0x80 : unit;
}

// Whether the ASCII text `literal` starts at unit `index`.
static int rsp_starts_with(const uint8_t *bytes, size_t length, size_t index, size_t width, int big_endian,
                           const char *literal) {
    for (size_t offset = 0; literal[offset] != '\0'; offset++) {
        size_t position = index + offset * width;
        if (position + width > length || rsp_unit(bytes, position, width, big_endian) != (uint8_t)literal[offset]) return 0;
    }
    return 1;
}

// Finds a DOCTYPE in the prolog before libxml2 parses it, so entity declarations are never even
// read; returns its 1-based line, or 0 when there is none. The prolog may hold comments and
// processing instructions, whose text can contain '<' and must be skipped whole. UTF-8 and UTF-16
// (with a byte-order mark, or recognised by its "<?" in the first four bytes) are scanned; other
// encodings are caught later by the node-type check in rsp_xml_reader_read.
static int32_t rsp_doctype_line(const uint8_t *bytes, size_t length) {
    size_t width = 1, index = 0;
    int big_endian = 0;
    if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        width = 2;
        big_endian = bytes[0] == 0xFE;
        index = 2;
    } else if (length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == '?' && bytes[3] == 0) {
        width = 2;
    } else if (length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] == '?') {
        width = 2;
        big_endian = 1;
    }
    int32_t line = 1;
    while (index + width <= length) {
        uint32_t unit = rsp_unit(bytes, index, width, big_endian);
        if (unit == '\n') line++;
        if (unit != '<') {
            index += width;
            continue;
        }
        if (rsp_starts_with(bytes, length, index, width, big_endian, "<!DOCTYPE")) return line;
        const char *end;
        if (rsp_starts_with(bytes, length, index, width, big_endian, "<!--")) {
            end = "-->";
        } else if (rsp_starts_with(bytes, length, index, width, big_endian, "<?")) {
            end = "?>";
        } else {
            return 0; // the root element (or text libxml2 will reject): the prolog is over
        }
        for (index += 2 * width; index + width <= length; index += width) {
            if (rsp_starts_with(bytes, length, index, width, big_endian, end)) break;
            if (rsp_unit(bytes, index, width, big_endian) == '\n') line++;
        }
        index += strlen(end) * width;
    }
    return 0;
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
    int32_t doctype_line = rsp_doctype_line(result->bytes, length);
    if (doctype_line > 0) {
        rsp_set_error(result, doctype_line, "document type declarations (DOCTYPE) are not allowed");
    }
    return result;
}

void rsp_xml_reader_free(rsp_xml_reader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader->bytes);
    free(reader->error_message);
    free(reader);
}

int32_t rsp_xml_reader_line(rsp_xml_reader *reader);

int32_t rsp_xml_reader_read(rsp_xml_reader *reader) {
    if (reader->error_message != NULL) return -1;
    int status = xmlTextReaderRead(reader->reader);
    if (status < 0) {
        rsp_set_error(reader, xmlTextReaderGetParserLineNumber(reader->reader), NULL);
        return -1;
    }
    if (status == 1 && xmlTextReaderNodeType(reader->reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
        rsp_set_error(reader, rsp_xml_reader_line(reader),
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
    // The parser reads ahead of the reader, so prefer the current node's own line.
    xmlNodePtr node = xmlTextReaderCurrentNode(reader->reader);
    long line = node != NULL ? xmlGetLineNo(node) : -1;
    return line > 0 ? (int32_t)line : xmlTextReaderGetParserLineNumber(reader->reader);
}

int32_t rsp_xml_reader_error_line(rsp_xml_reader *reader) { return reader->error_line; }

const char *rsp_xml_reader_error_message(rsp_xml_reader *reader) { return reader->error_message; }
