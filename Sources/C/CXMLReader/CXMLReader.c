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
    // The batch of rsp_xml_reader_read_row and rsp_xml_reader_read_string_item, reused between calls
    // so a sheet of any size costs two allocations that only grow.
    uint8_t *text;
    size_t text_length, text_capacity;
    rsp_xml_cell *cells;
    int32_t cell_count, cell_capacity;
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

uint8_t *rsp_xml_buffer_resize(uint8_t *buffer, size_t capacity) {
    uint8_t *resized = realloc(buffer, capacity > 0 ? capacity : 1);
    if (resized == NULL) free(buffer);
    return resized;
}

void rsp_xml_buffer_free(uint8_t *buffer) { free(buffer); }

rsp_xml_reader *rsp_xml_reader_create_owning(uint8_t *bytes, size_t length, const char *name) {
    if (bytes == NULL) return NULL;
    rsp_xml_reader *result = length <= INT32_MAX ? calloc(1, sizeof(rsp_xml_reader)) : NULL;
    if (result == NULL) {
        free(bytes);
        return NULL;
    }
    result->bytes = bytes;
    // NONET: no NOENT, DTDLOAD, DTDATTR or XINCLUDE, and no HUGE (keep libxml2's size limits).
    // COMPACT stores short text inside its node instead of a separate allocation (xmllint's default
    // too); nodes are only read, never modified, so it changes nothing else.
    result->reader = xmlReaderForMemory((const char *)result->bytes, (int)length, name, NULL,
                                        XML_PARSE_NONET | XML_PARSE_COMPACT);
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

rsp_xml_reader *rsp_xml_reader_create(const uint8_t *bytes, size_t length, const char *name) {
    if (length > INT32_MAX) return NULL;
    uint8_t *copy = malloc(length > 0 ? length : 1);
    if (copy == NULL) return NULL;
    if (length > 0) memcpy(copy, bytes, length);
    return rsp_xml_reader_create_owning(copy, length, name);
}

void rsp_xml_reader_free(rsp_xml_reader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader->bytes);
    free(reader->error_message);
    free(reader->text);
    free(reader->cells);
    free(reader);
}

int32_t rsp_xml_reader_line(rsp_xml_reader *reader);

static inline int32_t rsp_step(rsp_xml_reader *reader) {
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

int32_t rsp_xml_reader_read(rsp_xml_reader *reader) { return rsp_step(reader); }

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

// MARK: - Batch reads for the worksheet and shared-string hot loops
//
// A 50,000-row sheet is millions of nodes; asking for each node's type, depth, name and attributes
// from Swift cost more than libxml2's parsing itself. These functions walk whole rows and string
// items here and hand Swift byte ranges, following exactly the rules the node-by-node Swift code
// used (WorksheetParser.readRow/readCell, XMLStreamReader.readText, the former Swift readStringItem).

static int rsp_text_reserve(rsp_xml_reader *reader, size_t extra) {
    if (reader->text_length + extra <= reader->text_capacity) return 1;
    size_t capacity = reader->text_capacity > 0 ? reader->text_capacity : 4096;
    while (capacity < reader->text_length + extra) capacity *= 2;
    uint8_t *grown = realloc(reader->text, capacity);
    if (grown == NULL) return 0;
    reader->text = grown;
    reader->text_capacity = capacity;
    return 1;
}

static int32_t rsp_out_of_memory(rsp_xml_reader *reader) {
    rsp_set_error(reader, rsp_xml_reader_line(reader), "out of memory while reading the XML part");
    return -1;
}

// Appends the current node's value to the text buffer.
static int rsp_append_value(rsp_xml_reader *reader) {
    const xmlChar *value = xmlTextReaderConstValue(reader->reader);
    if (value == NULL) return 1;
    size_t length = strlen((const char *)value);
    if (!rsp_text_reserve(reader, length)) return 0;
    memcpy(reader->text + reader->text_length, value, length);
    reader->text_length += length;
    return 1;
}

static int rsp_is_text_type(int type) {
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static int rsp_has_name(rsp_xml_reader *reader, const char *name) {
    const xmlChar *actual = xmlTextReaderConstLocalName(reader->reader);
    return actual != NULL && strcmp((const char *)actual, name) == 0;
}

// The text inside the current start element, appended to the buffer (XMLStreamReader.readText).
static int32_t rsp_collect_text(rsp_xml_reader *reader) {
    if (xmlTextReaderIsEmptyElement(reader->reader) == 1) return 1;
    int start_depth = xmlTextReaderDepth(reader->reader);
    int32_t status;
    while ((status = rsp_step(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader->reader);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader->reader) == start_depth) break;
        if (rsp_is_text_type(type) && !rsp_append_value(reader)) return rsp_out_of_memory(reader);
    }
    return status;
}

// The string item at the current start element, appended to the buffer (what XMLStreamReader.readStringItem returns).
static int32_t rsp_collect_string_item(rsp_xml_reader *reader) {
    if (xmlTextReaderIsEmptyElement(reader->reader) == 1) return 1;
    int start_depth = xmlTextReaderDepth(reader->reader);
    int text_depth = -1, skip_depth = -1;
    int32_t status;
    while ((status = rsp_step(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader->reader);
        int depth = xmlTextReaderDepth(reader->reader);
        if (type == XML_READER_TYPE_END_ELEMENT && depth == start_depth) break;
        if (skip_depth >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && depth == skip_depth) skip_depth = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            if (xmlTextReaderIsEmptyElement(reader->reader) == 1) continue;
            if (rsp_has_name(reader, "rPh")) skip_depth = depth;
            else if (rsp_has_name(reader, "t")) text_depth = depth;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == text_depth) text_depth = -1;
        } else if (text_depth >= 0 && rsp_is_text_type(type)) {
            if (!rsp_append_value(reader)) return rsp_out_of_memory(reader);
        }
    }
    return status;
}

int32_t rsp_xml_reader_read_string_item(rsp_xml_reader *reader, const uint8_t **text, size_t *length) {
    reader->text_length = 0;
    int32_t status = rsp_collect_string_item(reader);
    *text = reader->text;
    *length = reader->text_length;
    return status;
}

// Copies the current element's t, r and s attributes into the cell (absent ones get length -1).
static int rsp_cell_attributes(rsp_xml_reader *reader, rsp_xml_cell *cell) {
    cell->r_length = cell->t_length = cell->s_length = -1;
    if (xmlTextReaderMoveToFirstAttribute(reader->reader) != 1) return 1;
    do {
        const xmlChar *name = xmlTextReaderConstLocalName(reader->reader);
        if (name == NULL || name[0] == '\0' || name[1] != '\0') continue;
        uint32_t *offset;
        int32_t *length;
        switch (name[0]) {
        case 'r': offset = &cell->r_offset; length = &cell->r_length; break;
        case 't': offset = &cell->t_offset; length = &cell->t_length; break;
        case 's': offset = &cell->s_offset; length = &cell->s_length; break;
        default: continue;
        }
        if (*length >= 0) continue; // the first attribute of a name wins, as in rsp_xml_reader_attribute
        size_t start = reader->text_length;
        if (!rsp_append_value(reader)) return 0;
        *offset = (uint32_t)start;
        *length = (int32_t)(reader->text_length - start);
    } while (xmlTextReaderMoveToNextAttribute(reader->reader) == 1);
    xmlTextReaderMoveToElement(reader->reader);
    return 1;
}

int32_t rsp_xml_reader_read_row(rsp_xml_reader *reader, int32_t max_cells,
                                const rsp_xml_cell **cells, int32_t *count, const uint8_t **text) {
    reader->text_length = 0;
    reader->cell_count = 0;
    int row_depth = xmlTextReaderDepth(reader->reader);
    int32_t status;
    while ((status = rsp_step(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader->reader);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader->reader) == row_depth) break;
        if (type != XML_READER_TYPE_ELEMENT || !rsp_has_name(reader, "c")) continue;
        if (reader->cell_count >= max_cells) {
            status = 2;
            break;
        }
        if (reader->cell_count == reader->cell_capacity) {
            int32_t capacity = reader->cell_capacity > 0 ? reader->cell_capacity * 2 : 64;
            rsp_xml_cell *grown = realloc(reader->cells, (size_t)capacity * sizeof(rsp_xml_cell));
            if (grown == NULL) { status = rsp_out_of_memory(reader); break; }
            reader->cells = grown;
            reader->cell_capacity = capacity;
        }
        rsp_xml_cell *cell = &reader->cells[reader->cell_count++];
        cell->line = rsp_xml_reader_line(reader);
        cell->is_empty = xmlTextReaderIsEmptyElement(reader->reader) == 1;
        cell->is_cut_short = 0;
        cell->v_length = cell->f_length = cell->is_length = -1;
        if (!rsp_cell_attributes(reader, cell)) {
            cell->is_cut_short = 1;
            status = rsp_out_of_memory(reader);
            break;
        }
        if (cell->is_empty) continue;
        int cell_depth = xmlTextReaderDepth(reader->reader);
        while ((status = rsp_step(reader)) == 1) {
            int child_type = xmlTextReaderNodeType(reader->reader);
            int depth = xmlTextReaderDepth(reader->reader);
            if (child_type == XML_READER_TYPE_END_ELEMENT && depth == cell_depth) break;
            if (child_type != XML_READER_TYPE_ELEMENT || depth != cell_depth + 1) continue;
            uint32_t start = (uint32_t)reader->text_length;
            if (rsp_has_name(reader, "v")) {
                status = rsp_collect_text(reader);
                cell->v_offset = start;
                cell->v_length = (int32_t)(reader->text_length - start);
            } else if (rsp_has_name(reader, "f")) {
                status = rsp_collect_text(reader);
                cell->f_offset = start;
                cell->f_length = (int32_t)(reader->text_length - start);
            } else if (rsp_has_name(reader, "is")) {
                status = rsp_collect_string_item(reader);
                cell->is_offset = start;
                cell->is_length = (int32_t)(reader->text_length - start);
            }
            if (status != 1) break;
        }
        if (status == -1) cell->is_cut_short = 1;
        if (status != 1) break;
    }
    *cells = reader->cells;
    *count = reader->cell_count;
    *text = reader->text;
    return status;
}
